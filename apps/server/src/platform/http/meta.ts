import { ServerMeta } from '@heyblue/contracts/platform';
import type { FastifyInstance } from 'fastify';

/** `GET /api/v1/meta`: what the web app shows about the server it talks to. */
export function registerMetaRoute(app: FastifyInstance, deps: { version: string; distributed: boolean; timeZone: string; geocoder: boolean }): void {
  app.get('/api/v1/meta', { schema: { tags: ['platform'], summary: 'About this server', response: { 200: ServerMeta } } }, async (): Promise<ServerMeta> => ({
    name: 'Hey Blue!',
    version: deps.version,
    mode: deps.distributed ? 'distributed' : 'embedded',
    time: new Date().toISOString(),
    timeZone: deps.timeZone,
    geocoder: deps.geocoder,
  }));
}
