import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AvailabilityModes, OpenWindowAnswer, WindowAnswer } from '@heyblue/contracts/connections';
import { requireActor } from '../../../platform/http/actor.ts';
import { currentWindow, extendAvailability, startAvailability, stopAvailability } from '../application/availability.ts';
import type { ConnectionsDeps } from '../application/connections-deps.ts';
import { presentWindow } from '../application/views.ts';
import { callerOf } from './caller.ts';

const bearer = [{ bearer: [] }];
const tags = ['connections'];

/** An officer's availability window: read, open, extend, close. */
export function availabilityRoutes(deps: ConnectionsDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/connections/availability', {
      schema: { tags, summary: 'Your open availability window (officers)', security: bearer, response: { 200: OpenWindowAnswer } },
    }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const window = await currentWindow(deps, callerOf(request));
      return { window: window ? presentWindow(window) : null };
    });

    app.post('/connections/availability', {
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags, summary: 'Become available for 15 minutes, in person and/or virtually (officers)', security: bearer,
        body: AvailabilityModes,
        response: { 201: WindowAnswer },
      },
    }, async (request, reply) => {
      const window = await startAvailability(deps, callerOf(request), request.body);
      return reply.status(201).send({ window: presentWindow(window) });
    });

    app.post('/connections/availability/extend', {
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: { tags, summary: 'Restart the countdown of your open window', security: bearer, response: { 200: WindowAnswer } },
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
