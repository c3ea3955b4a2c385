import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ConnectionsDeps } from '../application/connections-deps.ts';
import { acceptRequest, askToConnect, cancelRequest, declineRequest, pendingRequests } from '../application/requests.ts';
import { presentConnection, presentRequest } from '../application/views.ts';
import { callerOf } from './caller.ts';
import { ConnectionBody, RequestBody, RequestIdParams } from './connection-schemas.ts';

const bearer = [{ bearer: [] }];
const tags = ['connections'];

/** Connection requests: a citizen asks, the officer accepts or declines, the citizen may cancel. */
export function requestsRoutes(deps: ConnectionsDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post('/connections/requests', {
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags, summary: 'Ask an available officer to connect (citizens)',
        description: 'In person (`proximity`) only when the officer’s area is near you by your latest shared location. A second tap answers 200 with the same pending request.',
        security: bearer,
        body: Type.Object({ officerId: Type.String({ format: 'uuid' }), kind: Type.Union([Type.Literal('proximity'), Type.Literal('virtual')]) }, { additionalProperties: false }),
        response: { 200: Type.Object({ request: RequestBody }), 201: Type.Object({ request: RequestBody }) },
      },
    }, async (request, reply) => {
      const ask = request.body as { officerId: string; kind: 'proximity' | 'virtual' };
      const outcome = await askToConnect(deps, callerOf(request), ask);
      return reply.status(outcome.created ? 201 : 200).send({ request: presentRequest(outcome.request) });
    });

    app.get('/connections/requests', {
      schema: { tags, summary: 'Your pending requests: incoming (officers) and outgoing (citizens)', security: bearer, response: { 200: Type.Object({ incoming: Type.Array(RequestBody), outgoing: Type.Array(RequestBody) }) } },
    }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { incoming, outgoing } = await pendingRequests(deps, callerOf(request));
      return { incoming: incoming.map(presentRequest), outgoing: outgoing.map(presentRequest) };
    });

    app.post('/connections/requests/:requestId/accept', {
      schema: { tags, summary: 'Accept a request: connects you if you are both still near (officers)', security: bearer, params: RequestIdParams, response: { 200: Type.Object({ request: RequestBody, connection: ConnectionBody }) } },
    }, async (request) => {
      const { requestId } = request.params as { requestId: string };
      const outcome = await acceptRequest(deps, callerOf(request), requestId);
      return { request: presentRequest(outcome.request), connection: presentConnection(outcome.connection, deps.clock.now()) };
    });

    app.post('/connections/requests/:requestId/decline', {
      schema: { tags, summary: 'Decline a request (officers)', security: bearer, params: RequestIdParams, response: { 200: Type.Object({ request: RequestBody }) } },
    }, async (request) => {
      const { requestId } = request.params as { requestId: string };
      return { request: presentRequest(await declineRequest(deps, callerOf(request), requestId)) };
    });

    app.post('/connections/requests/:requestId/cancel', {
      schema: { tags, summary: 'Withdraw your request (citizens)', security: bearer, params: RequestIdParams, response: { 200: Type.Object({ request: RequestBody }) } },
    }, async (request) => {
      const { requestId } = request.params as { requestId: string };
      return { request: presentRequest(await cancelRequest(deps, callerOf(request), requestId)) };
    });
  };
}
