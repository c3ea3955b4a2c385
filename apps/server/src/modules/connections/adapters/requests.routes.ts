import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Accepted, AskToConnect, PendingRequests, RequestAnswer, RequestIdParams } from '@heyblue/contracts/connections';
import type { ConnectionsDeps } from '../application/connections-deps.ts';
import { acceptRequest, askToConnect, cancelRequest, declineRequest, pendingRequests } from '../application/requests.ts';
import { presentConnection, presentRequest } from '../application/views.ts';
import { callerOf } from './caller.ts';

const bearer = [{ bearer: [] }];
const tags = ['connections'];

/** Connection requests: a citizen asks, the officer accepts or declines, the citizen may cancel. */
export function requestsRoutes(deps: ConnectionsDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/connections/requests', {
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags, summary: 'Ask an available officer to connect (citizens)',
        description: 'In person (`proximity`) only when the officer’s area is near you by your latest shared location. A second tap answers 200 with the same pending request.',
        security: bearer,
        body: AskToConnect,
        response: { 200: RequestAnswer, 201: RequestAnswer },
      },
    }, async (request, reply) => {
      const outcome = await askToConnect(deps, callerOf(request), request.body);
      return reply.status(outcome.created ? 201 : 200).send({ request: presentRequest(outcome.request) });
    });

    app.get('/connections/requests', {
      schema: { tags, summary: 'Your pending requests: incoming (officers) and outgoing (citizens)', security: bearer, response: { 200: PendingRequests } },
    }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { incoming, outgoing } = await pendingRequests(deps, callerOf(request));
      return { incoming: incoming.map(presentRequest), outgoing: outgoing.map(presentRequest) };
    });

    app.post('/connections/requests/:requestId/accept', {
      schema: { tags, summary: 'Accept a request: connects you if you are both still near (officers)', security: bearer, params: RequestIdParams, response: { 200: Accepted } },
    }, async (request) => {
      const outcome = await acceptRequest(deps, callerOf(request), request.params.requestId);
      return { request: presentRequest(outcome.request), connection: presentConnection(outcome.connection, deps.clock.now()) };
    });

    app.post('/connections/requests/:requestId/decline', {
      schema: { tags, summary: 'Decline a request (officers)', security: bearer, params: RequestIdParams, response: { 200: RequestAnswer } },
    }, async (request) => ({ request: presentRequest(await declineRequest(deps, callerOf(request), request.params.requestId)) }));

    app.post('/connections/requests/:requestId/cancel', {
      schema: { tags, summary: 'Withdraw your request (citizens)', security: bearer, params: RequestIdParams, response: { 200: RequestAnswer } },
    }, async (request) => ({ request: presentRequest(await cancelRequest(deps, callerOf(request), request.params.requestId)) }));
  };
}
