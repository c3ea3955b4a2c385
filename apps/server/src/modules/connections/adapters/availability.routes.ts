import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../../../platform/http/actor.ts';
import { currentWindow, extendAvailability, startAvailability, stopAvailability } from '../application/availability.ts';
import type { ConnectionsDeps } from '../application/connections-deps.ts';
import { presentWindow } from '../application/views.ts';
import { WindowBody } from './connection-schemas.ts';
import { callerOf } from './caller.ts';

const bearer = [{ bearer: [] }];
const tags = ['connections'];

/** An officer's availability window: read, open, extend, close. */
export function availabilityRoutes(deps: ConnectionsDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/connections/availability', {
      schema: { tags, summary: 'Your open availability window (officers)', security: bearer, response: { 200: Type.Object({ window: Type.Union([WindowBody, Type.Null()]) }) } },
    }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const window = await currentWindow(deps, callerOf(request));
      return { window: window ? presentWindow(window) : null };
    });

    app.post('/connections/availability', {
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags, summary: 'Become available for 15 minutes, in person and/or virtually (officers)', security: bearer,
        body: Type.Object({ inPerson: Type.Boolean(), virtual: Type.Boolean() }, { additionalProperties: false }),
        response: { 201: Type.Object({ window: WindowBody }) },
      },
    }, async (request, reply) => {
      const modes = request.body as { inPerson: boolean; virtual: boolean };
      const window = await startAvailability(deps, callerOf(request), modes);
      return reply.status(201).send({ window: presentWindow(window) });
    });

    app.post('/connections/availability/extend', {
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: { tags, summary: 'Restart the countdown of your open window', security: bearer, response: { 200: Type.Object({ window: WindowBody }) } },
    }, async (request) => ({ window: presentWindow(await extendAvailability(deps, callerOf(request))) }));

    app.delete('/connections/availability', {
      schema: { tags, summary: 'Stop being available now (idempotent)', security: bearer },
    }, async (request, reply) => {
      requireActor(request);
      await stopAvailability(deps, callerOf(request));
      return reply.status(204).send();
    });
  };
}
