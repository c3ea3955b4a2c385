import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

/** A dependency that must answer for the instance to take traffic. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<void>;
}

const CheckResult = Type.Object({ status: Type.Union([Type.Literal('ok'), Type.Literal('failing')]), checks: Type.Record(Type.String(), Type.String()) });

/** `/healthz` says the process lives; `/readyz` that its dependencies answer and it is not shutting down. */
export function registerHealthRoutes(app: FastifyInstance, deps: { checks: readonly ReadinessCheck[]; isShuttingDown: () => boolean }): void {
  app.get('/healthz', { config: { rateLimit: false }, schema: { hide: true, response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, async () => ({ status: 'ok' as const }));
  app.get('/readyz', { config: { rateLimit: false }, schema: { hide: true, response: { 200: CheckResult, 503: CheckResult } } }, async (_request, reply) => {
    const checks: Record<string, string> = {};
    let ok = !deps.isShuttingDown();
    if (!ok) checks.shutdown = 'shutting down';
    await Promise.all(
      deps.checks.map(async (c) => {
        try {
          await withTimeout(c.check(), 2000);
          checks[c.name] = 'ok';
        } catch (error) {
          ok = false;
          checks[c.name] = error instanceof Error ? error.message : 'failing';
        }
      }),
    );
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'failing', checks });
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
