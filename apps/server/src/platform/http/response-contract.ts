import { ErrorBody } from '@heyblue/contracts/shared';
import type { FastifyInstance } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';

/** Where an answer broke its contract: which route, which status, and the first mismatch. */
export interface ContractBreach {
  readonly route: string;
  readonly status: number;
  readonly problem: string;
}

/**
 * Checks every JSON answer of the API, as the client receives it (after serialization), against the
 * schema its route declares for that status — the very schema the web decodes it with — and every
 * error answer against the error body. Tests turn it on (NODE_ENV=test): an answer that breaks its
 * contract, or a JSON answer with no contract, becomes a 500 naming the breach, so every e2e suite
 * is also a contract suite. Off in production: it costs a parse and a check per answer.
 */
export function checkAnswersAgainstContracts(app: FastifyInstance, onBreach: (breach: ContractBreach) => void): void {
  const checks = new WeakMap<TSchema, ReturnType<typeof Compile>>();
  const checkOf = (schema: TSchema): ReturnType<typeof Compile> => {
    let check = checks.get(schema);
    if (!check) checks.set(schema, (check = Compile(schema)));
    return check;
  };
  app.addHook('onSend', async (request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (!request.url.startsWith('/api/v1/') || !type.startsWith('application/json') || typeof payload !== 'string' || payload === '') return payload;
    const status = reply.statusCode;
    const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
    const schema = status >= 400 ? ErrorBody : declaredSchema(request.routeOptions.schema?.response, status);
    const problem = schema ? mismatch(checkOf(schema), payload) : 'answers JSON but declares no response schema for this status';
    if (!problem) return payload;
    onBreach({ route, status, problem });
    reply.status(500);
    return JSON.stringify({ error: { code: 'PLATFORM_INTERNAL', message: `contract breach: ${route} ${status} ${problem}`, requestId: request.id } });
  });
}

function declaredSchema(responses: unknown, status: number): TSchema | undefined {
  if (typeof responses !== 'object' || responses === null) return undefined;
  const byStatus = new Map<string, TSchema>(Object.entries(responses));
  return byStatus.get(String(status)) ?? byStatus.get(`${String(status)[0]}xx`);
}

function mismatch(check: ReturnType<typeof Compile>, payload: string): string | undefined {
  const value: unknown = JSON.parse(payload);
  if (check.Check(value)) return undefined;
  const first = check.Errors(value)[0];
  return first ? `${first.instancePath || '/'} ${first.message}` : 'does not match';
}
