import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';

/** A stored picture and when it was last set. */
export interface StoredImage {
  readonly image: Buffer;
  readonly updatedAt: Date;
}

/** A picture's version, for the `v` parameter of its URL: it changes whenever the picture does. */
export function imageVersion(updatedAt: Date): string {
  return updatedAt.getTime().toString(36);
}

/** The entity tag of a picture version. */
export function imageTag(updatedAt: Date): string {
  return `"${imageVersion(updatedAt)}"`;
}

/** A year, the longest a cache is asked to keep anything. */
const A_YEAR_S = 365 * 24 * 3600;

/**
 * How shared and browser caches may keep a public picture: asked for at its current version (the `v`
 * its URL carries), it never changes, so it is kept a year without asking again; asked for without
 * one, or at an older one, it is revalidated on every use.
 */
export function publicImageCaching(requestedVersion: string | undefined, updatedAt: Date): string {
  return requestedVersion === imageVersion(updatedAt) ? `public, max-age=${A_YEAR_S}, immutable` : 'public, no-cache';
}

/** An answer without a body (204, 304): documented as null, typed as nothing so `send()` takes no payload. */
export const NoBody = (description: string) => Type.Unsafe<undefined>(Type.Null({ description }));

/** A WebP picture's bytes: documented as binary, typed as the buffer the route sends (Fastify sends buffers as they are). */
export const WebpBytes = Type.Unsafe<Uint8Array>(Type.String({ format: 'binary' }));

/** The answers of a route that serves a WebP picture. */
export const webpAnswers = (description: string) => ({
  200: { description, content: { 'image/webp': { schema: WebpBytes } } },
  304: NoBody('the picture is unchanged'),
});

/** Sends a WebP picture with its entity tag and `cacheControl`, or 304 when the client's copy matches. */
export function sendWebp(request: FastifyRequest, reply: FastifyReply, stored: StoredImage, cacheControl: string): FastifyReply {
  const tag = imageTag(stored.updatedAt);
  reply.header('cache-control', cacheControl);
  reply.header('etag', tag);
  reply.header('last-modified', stored.updatedAt.toUTCString());
  if (request.headers['if-none-match']?.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === tag)) return reply.status(304).send();
  return reply.type('image/webp').send(stored.image);
}
