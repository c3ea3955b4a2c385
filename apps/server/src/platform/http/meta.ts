import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

const Meta = Type.Object({
  name: Type.String({ description: 'product name' }),
  version: Type.String({ description: 'server version' }),
  mode: Type.Union([Type.Literal('embedded'), Type.Literal('distributed')], { description: 'embedded (PGlite, in-process bus) or distributed (PostgreSQL server, NATS)' }),
  time: Type.String({ format: 'date-time', description: 'server time, for clients to notice clock skew' }),
  timeZone: Type.String({ description: 'the deployment’s IANA time zone' }),
});

/** `GET /api/v1/meta`: what the web app shows about the server it talks to. */
export function registerMetaRoute(app: FastifyInstance, deps: { version: string; distributed: boolean; timeZone: string }): void {
  app.get('/api/v1/meta', { schema: { tags: ['platform'], summary: 'About this server', response: { 200: Meta } } }, async () => ({
    name: 'Hey Blue!',
    version: deps.version,
    mode: deps.distributed ? ('distributed' as const) : ('embedded' as const),
    time: new Date().toISOString(),
    timeZone: deps.timeZone,
  }));
}
