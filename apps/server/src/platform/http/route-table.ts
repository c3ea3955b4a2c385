import type { FastifyInstance } from 'fastify';

/** A route as registered: method and URL pattern. */
export interface RouteEntry {
  readonly method: string;
  readonly url: string;
}

const tables = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Starts recording every route registered on the app from now on (HEAD twins excluded). */
export function recordRoutes(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  tables.set(app, table);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== 'HEAD') table.push({ method, url: route.url });
  });
}

/** Every recorded route of the app, e.g. for the access matrix. */
export function routeTableOf(app: FastifyInstance): readonly RouteEntry[] {
  return tables.get(app) ?? [];
}
