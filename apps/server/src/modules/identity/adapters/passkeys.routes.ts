import type { FastifyInstance } from 'fastify';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { Type } from 'typebox';
import { AppError } from '../../../platform/errors/app-error.ts';
import { requireActor } from '../../../platform/http/actor.ts';
import type { IdentityDeps } from '../application/identity-deps.ts';
import { finishPasskeyRegistration, startPasskeyRegistration } from '../application/passkeys.ts';
import { contextOf, WebAuthnResponse } from './request-context.ts';
import { relyingPartyOf } from './relying-party.ts';

const bearer = [{ bearer: [] }];

/** Managing my passkeys. */
export function passkeyRoutes(deps: IdentityDeps, options: { mode: string }) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post('/me/passkeys/options', { schema: { tags: ['identity'], summary: 'Start adding a passkey (WebAuthn creation options)', security: bearer } }, async (request) =>
      startPasskeyRegistration(deps, requireActor(request), relyingPartyOf(request, deps.publicUrl(), options.mode)));

    app.post('/me/passkeys', {
      schema: {
        tags: ['identity'], summary: 'Finish adding a passkey', security: bearer,
        body: Type.Object({ ceremonyId: Type.String({ format: 'uuid' }), response: WebAuthnResponse, name: Type.Optional(Type.String({ maxLength: 60 })) }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Type.String(), name: Type.String() }) },
      },
    }, async (request, reply) => {
      const body = request.body as { ceremonyId: string; response: RegistrationResponseJSON; name?: string };
      return reply.status(201).send(await finishPasskeyRegistration(deps, requireActor(request), body, contextOf(request)));
    });

    app.get('/me/passkeys', {
      schema: { tags: ['identity'], summary: 'My passkeys', security: bearer, response: { 200: Type.Object({ passkeys: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), createdAt: Type.String(), lastUsedAt: Type.Union([Type.String(), Type.Null()]) })) }) } },
    }, async (request) => {
      const actor = requireActor(request);
      const passkeys = await deps.db.transaction().execute((tx) => deps.passkeys.listFor(tx, actor.accountId));
      return { passkeys: passkeys.map((p) => ({ id: p.credentialId, name: p.name, createdAt: p.createdAt.toISOString(), lastUsedAt: p.lastUsedAt?.toISOString() ?? null })) };
    });

    app.delete('/me/passkeys/:passkeyId', { schema: { tags: ['identity'], summary: 'Remove one of my passkeys', security: bearer, params: Type.Object({ passkeyId: Type.String({ minLength: 1, maxLength: 1024 }) }) } }, async (request, reply) => {
      const actor = requireActor(request);
      const { passkeyId } = request.params as { passkeyId: string };
      const removed = await deps.db.transaction().execute(async (tx) => {
        const ok = await deps.passkeys.remove(tx, actor.accountId, passkeyId);
        if (ok) await deps.store.audit(tx, { actorId: actor.accountId, action: 'passkey.removed', subjectType: 'account', subjectId: actor.accountId, correlationId: request.id, ip: request.ip });
        return ok;
      });
      if (!removed) throw new AppError('IDENTITY_PASSKEY_NOT_FOUND');
      return reply.status(204).send();
    });
  };
}
