import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.ts';
import type { ErrorRegistry } from '../errors/registry.ts';
import { isUnreachable } from '../errors/unavailable.ts';

/** The body of every error answer. */
export interface ErrorBody {
  error: { code: string; message: string; requestId: string; details?: unknown };
}

/** Fastify's own errors, mapped to our stable codes. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'PLATFORM_MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'PLATFORM_MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PLATFORM_BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'PLATFORM_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'PLATFORM_BAD_REQUEST',
  FST_ERR_BAD_URL: 'PLATFORM_BAD_REQUEST',
  FST_ERR_NOT_FOUND: 'PLATFORM_NOT_FOUND',
};

/** One error handler for the whole server: codes map to statuses through the registry; 5xx details stay in the log. */
export function installErrorHandler(app: FastifyInstance, registry: ErrorRegistry): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    const { code, details } = classify(error);
    const spec = registry.get(code);
    if (!spec || code === 'PLATFORM_INTERNAL') {
      request.log.error({ err: error }, 'request failed');
      return send(reply, request, 500, 'PLATFORM_INTERNAL', registry.get('PLATFORM_INTERNAL')?.message ?? 'Internal error');
    }
    if (spec.status >= 500) {
      // A registered 5xx (a provider down, not ready) keeps its code and registry message; details stay in the log.
      request.log.error({ err: error, code }, 'request failed');
      if (code === 'PLATFORM_UNAVAILABLE') void reply.header('retry-after', '5');
      return send(reply, request, spec.status, code, spec.message);
    }
    if (spec.status === 429) request.log.info({ code }, 'rate limited');
    const message = error instanceof AppError && error.message !== code ? error.message : spec.message;
    return send(reply, request, spec.status, code, message, details);
  });
  app.setNotFoundHandler((request, reply) => {
    const spec = registry.get('PLATFORM_NOT_FOUND');
    return send(reply, request, 404, 'PLATFORM_NOT_FOUND', spec?.message ?? 'Not found');
  });
}

function classify(error: FastifyError | AppError | Error): { code: string; details?: unknown } {
  if (error instanceof AppError) return { code: error.code, details: error.details };
  if ('validation' in error && Array.isArray(error.validation)) {
    const context = 'validationContext' in error ? String(error.validationContext) : 'body';
    return {
      code: 'PLATFORM_VALIDATION_FAILED',
      details: error.validation.map((v: { instancePath?: string; message?: string }) => ({ in: context, path: v.instancePath || '/', message: v.message ?? 'invalid' })),
    };
  }
  if (isUnreachable(error)) return { code: 'PLATFORM_UNAVAILABLE' };
  const fastifyCode = 'code' in error && typeof error.code === 'string' ? FASTIFY_CODES[error.code] : undefined;
  if (fastifyCode) return { code: fastifyCode };
  const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status === 408) return { code: 'PLATFORM_REQUEST_TIMEOUT' };
  if (status >= 400 && status < 500) return { code: 'PLATFORM_BAD_REQUEST' };
  return { code: 'PLATFORM_INTERNAL' };
}

function send(reply: FastifyReply, request: FastifyRequest, status: number, code: string, message: string, details?: unknown): FastifyReply {
  const body: ErrorBody = { error: { code, message, requestId: request.id, ...(details === undefined ? {} : { details }) } };
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}
