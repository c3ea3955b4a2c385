import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AccountIdParams, AvatarQuery, OwnProfile } from '@heyblue/contracts/profiles';
import { requireActor } from '../../../platform/http/actor.ts';
import { NoBody, sendWebp, webpAnswers } from '../../../platform/http/image-answer.ts';
import { acceptSingleFileUploads, readSingleFile, type UploadRefusals } from '../../../platform/http/single-file-upload.ts';
import type { ProfilesDeps } from '../application/profiles-deps.ts';
import { readAvatar } from '../application/read-avatar.ts';
import { removeAvatar } from '../application/remove-avatar.ts';
import { setAvatar } from '../application/set-avatar.ts';
import { AVATAR_MAX_BYTES } from '../domain/avatar-rules.ts';
import { presentOwnProfile } from './profile-views.ts';

/** How a bad avatar upload is answered. */
const UPLOAD_REFUSALS: UploadRefusals = { missing: 'PROFILES_AVATAR_MISSING', formInvalid: 'PROFILES_AVATAR_FORM_INVALID', tooLarge: 'PROFILES_AVATAR_TOO_LARGE' };

/** Upload, remove and fetch profile pictures. */
export function avatarRoutes(deps: ProfilesDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    // Only these routes take multipart bodies, each with one file of at most 5 MiB and nothing else.
    await acceptSingleFileUploads(app, AVATAR_MAX_BYTES);

    app.put('/profiles/me/avatar', {
      config: { rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: {
        tags: ['profiles'],
        summary: 'Set your picture',
        description: 'A multipart/form-data body with one file (field `avatar`): a JPEG, PNG or WebP of at most 5 MiB and 8000 pixels a side, judged by its bytes. It is kept as a 256×256 WebP without metadata.',
        security: [{ bearer: [] }],
        consumes: ['multipart/form-data'],
        response: { 200: OwnProfile },
      },
    }, async (request, reply) => {
      const actor = requireActor(request);
      const upload = await readSingleFile(request, reply, AVATAR_MAX_BYTES, UPLOAD_REFUSALS);
      reply.header('cache-control', 'no-store');
      return presentOwnProfile(await setAvatar(deps, { accountId: actor.accountId, correlationId: request.id }, upload));
    });

    app.delete('/profiles/me/avatar', {
      config: { rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: { tags: ['profiles'], summary: 'Remove your picture', security: [{ bearer: [] }], response: { 204: NoBody('the picture is gone') } },
    }, async (request, reply) => {
      const actor = requireActor(request);
      await removeAvatar(deps, { accountId: actor.accountId, correlationId: request.id });
      return reply.status(204).send();
    });

    app.get('/profiles/:accountId/avatar', {
      schema: {
        tags: ['profiles'],
        summary: 'A profile picture',
        description: 'Anyone may fetch a shown picture; a hidden one only its owner, signed in. Answers 304 to a matching If-None-Match.',
        security: [{}, { bearer: [] }],
        params: AccountIdParams,
        querystring: AvatarQuery,
        response: webpAnswers('a 256×256 WebP'),
      },
    }, async (request, reply) => {
      const avatar = await readAvatar(deps, request.params.accountId, request.actor?.accountId ?? null);
      // Revalidated on every use, so hiding or replacing a picture takes effect at once; a hidden one is never stored by shared caches.
      reply.header('vary', 'authorization');
      return sendWebp(request, reply, avatar, avatar.shown ? 'public, no-cache' : 'private, no-cache');
    });
  };
}
