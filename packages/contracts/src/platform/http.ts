// The platform's own HTTP answers.
import { Type, type Static } from 'typebox';
import { Time } from '../shared/http.ts';

/** `GET /api/v1/meta`: what the web app shows about the server it talks to. */
export const ServerMeta = Type.Object({
  name: Type.String({ description: 'product name' }),
  version: Type.String({ description: 'server version' }),
  mode: Type.Union([Type.Literal('embedded'), Type.Literal('distributed')], { description: 'embedded (PGlite, in-process bus) or distributed (PostgreSQL server, NATS)' }),
  time: Time('server time, for clients to notice clock skew'),
  timeZone: Type.String({ description: 'the deployment’s IANA time zone' }),
});
export type ServerMeta = Static<typeof ServerMeta>;
