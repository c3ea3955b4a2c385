import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { redactUrl } from '../observability/logger.ts';

/**
 * One access-log line per request, when it completes (method, URL with credentials redacted, route,
 * status, time), instead of Fastify's two; the "incoming" line is kept at debug level.
 */
export class AccessLogController extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'requestId' });
  }

  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null, request: FastifyRequest, reply: FastifyReply): void {
    const line = { method: request.method, url: redactUrl(request.url), route: request.routeOptions.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
