import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error.ts';

const SERVER_PATHS = /^\/(api|ws|docs|metrics|healthz|readyz)(\/|$|\?)/;

/** Source maps are never served, even when a build left some in the folder (ours keeps them out of it). */
const SOURCE_MAP = /\.map(?:$|\?)/;

/** Files of the build with a content hash in their name: they never change, so browsers may keep them a year. */
const HASHED = `${path.sep}assets${path.sep}`;

/** Whether a request reads one of the build's hashed files (`/assets/…`): static, cheap, never an API call. */
export function isHashedAsset(request: { method: string; url: string }): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && request.url.startsWith('/assets/');
}

/**
 * Serves the built web app; any other GET that wants HTML gets index.html so client routes (/dashboard/…) load.
 * The build writes a brotli and a gzip copy beside each text file; the one the client accepts is sent as it is.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn({ distDir }, 'the web app is not built; run `npm run build` to serve it');
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send('Hey Blue! server is running. The web app is not built yet: run `npm run build`.'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    preCompressed: true,
    // Only the files themselves get routes: their compressed copies are chosen by Accept-Encoding, maps never.
    globIgnore: ['**/*.map', '**/*.br', '**/*.gz'],
    setHeaders: (res, file) => {
      res.header('cache-control', file.includes(HASHED) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendIndex = async (_request: unknown, reply: { header(k: string, v: string): unknown; sendFile(f: string): unknown }) => {
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  };
  app.get('/', { schema: { hide: true } }, sendIndex);
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const accepts = request.headers.accept ?? '';
    if (SERVER_PATHS.test(request.url) || SOURCE_MAP.test(request.url) || !accepts.includes('text/html')) throw new AppError('PLATFORM_NOT_FOUND');
    return sendIndex(request, reply);
  });
}
