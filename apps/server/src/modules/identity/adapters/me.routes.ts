import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../../platform/errors/app-error.ts';
import { requireActor } from '../../../platform/http/actor.ts';
import type { IdentityDeps } from '../application/identity-deps.ts';
import { rolesOf } from '../domain/roles.ts';

const Me = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
});

/** `GET /me`: the signed-in account. */
export function meRoutes(deps: IdentityDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/me', { schema: { tags: ['identity'], summary: 'The signed-in account', security: [{ bearer: [] }], response: { 200: Me } } }, async (request) => {
      const actor = requireActor(request);
      const account = await deps.db.transaction().execute((tx) => deps.store.findAccount(tx, actor.accountId));
      if (!account) throw new AppError('PLATFORM_UNAUTHENTICATED');
      return { id: account.id, email: account.email, phone: account.phone, roles: rolesOf(account), createdAt: account.createdAt.toISOString() };
    });
  };
}
