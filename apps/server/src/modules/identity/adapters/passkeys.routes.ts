import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AddedPasskey, AddPasskeyBody, Ceremony, PasskeyList, PasskeyParams } from '@heyblue/contracts/identity';
import { AppError } from '../../../platform/errors/app-error.ts';
import { requireActor } from '../../../platform/http/actor.ts';
import type { IdentityDeps } from '../application/identity-deps.ts';
import { finishPasskeyRegistration, startPasskeyRegistration } from '../application/passkeys.ts';
import { contextOf } from './request-context.ts';
import { relyingPartyOf } from './relying-party.ts';

const bearer = [{ bearer: [] }];

/** Managing my passkeys. */
export function passkeyRoutes(deps: IdentityDeps, options: { mode: string }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/me/passkeys/options', { schema: { tags: ['identity'], summary: 'Start adding a passkey (WebAuthn creation options)', security: bearer, response: { 200: Ceremony } } }, async (request) =>
      startPasskeyRegistration(deps, requireActor(request), relyingPartyOf(request, deps.publicUrl(), options.mode)));

    app.post('/me/passkeys', {
      schema: {
        tags: ['identity'], summary: 'Finish adding a passkey', security: bearer,
        body: AddPasskeyBody,
        response: { 201: AddedPasskey },
      },
    }, async (request, reply) => reply.status(201).send(await finishPasskeyRegistration(deps, requireActor(request), request.body, contextOf(request))));

    app.get('/me/passkeys', {
      schema: { tags: ['identity'], summary: 'My passkeys', security: bearer, response: { 200: PasskeyList } },
    }, async (request) => {
      const actor = requireActor(request);
      const passkeys = await deps.transaction((tx) => deps.passkeys.listFor(tx, actor.accountId));
      return { passkeys: passkeys.map((p) => ({ id: p.credentialId, name: p.name, createdAt: p.createdAt.toISOString(), lastUsedAt: p.lastUsedAt?.toISOString() ?? null })) };
    });

    app.delete('/me/passkeys/:passkeyId', { schema: { tags: ['identity'], summary: 'Remove one of my passkeys', security: bearer, params: PasskeyParams } }, async (request, reply) => {
      const actor = requireActor(request);
      const { passkeyId } = request.params;
      const removed = await deps.transaction(async (tx) => {
        const ok = await deps.passkeys.remove(tx, actor.accountId, passkeyId);
        if (ok) await deps.store.audit(tx, { actorId: actor.accountId, action: 'passkey.removed', subjectType: 'account', subjectId: actor.accountId, correlationId: request.id, ip: request.ip });
        return ok;
      });
      if (!removed) throw new AppError('IDENTITY_PASSKEY_NOT_FOUND');
      return reply.status(204).send();
    });
  };
}
