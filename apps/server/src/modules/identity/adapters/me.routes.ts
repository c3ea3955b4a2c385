import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Account, AccountExport, CodeChallenge, DeleteAccountBody, PhoneBody, VerifiedPhone, VerifyPhoneBody } from '@heyblue/contracts/identity';
import { AppError } from '../../../platform/errors/app-error.ts';
import { requireActor } from '../../../platform/http/actor.ts';
import type { IdentityDeps } from '../application/identity-deps.ts';
import { rolesOf } from '../domain/roles.ts';
import { deleteAccount } from '../application/delete-account.ts';
import { requestPhoneCode, verifyPhone } from '../application/verify-phone.ts';
import { contextOf } from './request-context.ts';

/** `GET /me`: the signed-in account. */
export function meRoutes(deps: IdentityDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/me', { schema: { tags: ['identity'], summary: 'The signed-in account', security: [{ bearer: [] }], response: { 200: Account } } }, async (request) => {
      const actor = requireActor(request);
      const account = await deps.transaction((tx) => deps.store.findAccount(tx, actor.accountId));
      if (!account) throw new AppError('PLATFORM_UNAUTHENTICATED');
      return { id: account.id, email: account.email, phone: account.phone, roles: rolesOf(account), createdAt: account.createdAt.toISOString() };
    });

    app.post('/me/phone', {
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['identity'], summary: 'Add or change my phone: a code is sent to it', security: [{ bearer: [] }],
        body: PhoneBody,
        response: { 202: CodeChallenge },
      },
    }, async (request, reply) => reply.status(202).send(await requestPhoneCode(deps, requireActor(request), request.body.phone, contextOf(request))));

    app.post('/me/phone/verify', {
      config: { rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: {
        tags: ['identity'], summary: 'Verify my phone with its code; this device becomes my one device (other sessions end)', security: [{ bearer: [] }],
        body: VerifyPhoneBody,
        response: { 200: VerifiedPhone },
      },
    }, async (request) => verifyPhone(deps, requireActor(request), request.body, contextOf(request)));

    app.get('/me/export', { schema: { tags: ['identity'], summary: 'Download what identity keeps about me (JSON)', security: [{ bearer: [] }], response: { 200: AccountExport } } }, async (request, reply) => {
      const actor = requireActor(request);
      const data = await deps.transaction((tx) => deps.store.exportAccount(tx, actor.accountId));
      reply.header('content-disposition', 'attachment; filename="heyblue-account.json"');
      return { exportedAt: new Date().toISOString(), identity: data };
    });

    app.delete('/me', {
      schema: {
        tags: ['identity'],
        summary: 'Delete my account',
        description: 'Removes personal data, ends every session; other modules remove theirs on identity.account-deleted.v1. Send `{ "confirm": "DELETE" }`.',
        security: [{ bearer: [] }],
        body: DeleteAccountBody,
      },
    }, async (request, reply) => {
      const actor = requireActor(request);
      await deleteAccount(deps, actor.accountId, contextOf(request));
      return reply.status(204).send();
    });
  };
}
