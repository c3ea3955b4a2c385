import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { DevOutbox } from './dev-outbox.ts';

const Channel = Type.Union([Type.Literal('email'), Type.Literal('sms')]);
const DevOutboxMessage = Type.Object({ id: Type.String(), channel: Channel, to: Type.String(), purpose: Type.String(), subject: Type.String(), text: Type.String(), sentAt: Type.String() });

/** `GET /dev/outbox` (under /api/v1): the dev outbox's messages, newest first. Register it only when the dev outbox exists. */
export function devOutboxRoutes(outbox: DevOutbox): FastifyPluginAsync {
  return async (app) => {
    app.get('/dev/outbox', { schema: { hide: true, response: { 200: Type.Object({ messages: Type.Array(DevOutboxMessage) }) } } }, async () => ({ messages: outbox.list() }));
  };
}
