import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DevOutbox as DevOutboxBody } from '@heyblue/contracts/identity';
import type { DevOutbox } from './dev-outbox.ts';

/** `GET /dev/outbox` (under /api/v1): the dev outbox's messages, newest first. Register it only when the dev outbox exists. */
export function devOutboxRoutes(outbox: DevOutbox): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/dev/outbox', { schema: { hide: true, response: { 200: DevOutboxBody } } }, async () => ({ messages: [...outbox.list()] }));
  };
}
