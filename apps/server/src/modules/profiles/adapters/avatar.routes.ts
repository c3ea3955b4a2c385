import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AccountIdParams, AvatarQuery, OwnProfile } from '@heyblue/contracts/profiles';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, type ErrorCode } from '../../../platform/errors/app-error.ts';
import { requireActor } from '../../../platform/http/actor.ts';
import type { ProfilesDeps } from '../application/profiles-deps.ts';
import { readAvatar } from '../application/read-avatar.ts';
import { removeAvatar } from '../application/remove-avatar.ts';
import { setAvatar } from '../application/set-avatar.ts';
import { AVATAR_MAX_BYTES } from '../domain/avatar-rules.ts';
import { avatarTag, presentOwnProfile } from './profile-views.ts';

// Room for the multipart boundaries and part headers around the file itself.
const FORM_OVERHEAD_BYTES = 64 * 1024;

/** An answer without a body (204, 304): documented as null, typed as nothing so `send()` takes no payload. */
const NoBody = (description: string) => Type.Unsafe<undefined>(Type.Null({ description }));
/** The picture's bytes: documented as binary, typed as the buffer the route sends (Fastify sends buffers as they are). */
const WebpBytes = Type.Unsafe<Uint8Array>(Type.String({ format: 'binary' }));

/** @fastify/multipart's limit errors, as our codes. */
const MULTIPART_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_REQ_FILE_TOO_LARGE: 'PROFILES_AVATAR_TOO_LARGE',
  FST_FILES_LIMIT: 'PROFILES_AVATAR_FORM_INVALID',
  FST_FIELDS_LIMIT: 'PROFILES_AVATAR_FORM_INVALID',
  FST_PARTS_LIMIT: 'PROFILES_AVATAR_FORM_INVALID',
};

/**
 * The uploaded file's bytes. A body declared too large is refused before it is read (and the
 * connection closed, so it is not drained either); one that only turns out too large while streaming
 * is cut at 5 MiB by the multipart limit.
 */
async function readUpload(request: FastifyRequest): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > AVATAR_MAX_BYTES + FORM_OVERHEAD_BYTES) throw new AppError('PROFILES_AVATAR_TOO_LARGE');
  if (!request.isMultipart()) throw new AppError('PROFILES_AVATAR_MISSING');
  try {
    const part = await request.file();
    if (!part) throw new AppError('PROFILES_AVATAR_MISSING');
    const bytes = await part.toBuffer();
    // toBuffer() returns a file cut at the limit without an error when the limit falls on a chunk
    // boundary (https://github.com/fastify/fastify-multipart/issues/542); busboy still marks it truncated.
    if (part.file.truncated) throw new AppError('PROFILES_AVATAR_TOO_LARGE');
    return bytes;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? MULTIPART_CODES[error.code] : undefined;
    // Whatever else the form parser throws (no boundary, a part cut short) is a malformed form, not a fault of ours.
    throw new AppError(code ?? 'PROFILES_AVATAR_FORM_INVALID');
  }
}

/** Upload, remove and fetch profile pictures. */
export function avatarRoutes(deps: ProfilesDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    // Registered here so only these routes take multipart bodies, each with one file of at most 5 MiB and nothing else.
    await app.register(multipart, { limits: { fileSize: AVATAR_MAX_BYTES, files: 1, fields: 0, parts: 1 } });

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
      const upload = await readUpload(request).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'PROFILES_AVATAR_TOO_LARGE') reply.header('connection', 'close');
        throw error;
      });
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
        response: {
          200: { description: 'a 256×256 WebP', content: { 'image/webp': { schema: WebpBytes } } },
          304: NoBody('the picture is unchanged'),
        },
      },
    }, async (request, reply) => {
      const avatar = await readAvatar(deps, request.params.accountId, request.actor?.accountId ?? null);
      const tag = avatarTag(avatar.updatedAt);
      // Revalidated on every use, so hiding or replacing a picture takes effect at once; a hidden one is never stored by shared caches.
      reply.header('cache-control', avatar.shown ? 'public, no-cache' : 'private, no-cache');
      reply.header('vary', 'authorization');
      reply.header('etag', tag);
      reply.header('last-modified', avatar.updatedAt.toUTCString());
      if (request.headers['if-none-match']?.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === tag)) return reply.status(304).send();
      return reply.type('image/webp').send(avatar.image);
    });
  };
}
