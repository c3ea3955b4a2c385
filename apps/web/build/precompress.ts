// Compresses the build once, at build time, so the server sends files as they lie on disk: brotli at
// its best quality (too slow to run per request) and gzip for clients without brotli.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text that compresses; images and fonts are compressed already. */
const compressible = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt)$/;

/** Below this a compressed copy saves less than its headers cost. */
const smallestBytes = 1024;

/** Writes `<file>.br` and `<file>.gz` beside every compressible file of `dir` (recursively), each only when smaller than the file. */
export async function precompressFolder(dir: string): Promise<{ files: number; bytes: number; brotliBytes: number }> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && compressible.test(entry.name)).map((entry) => path.join(entry.parentPath, entry.name));
  const sizes = await Promise.all(
    files.map(async (file) => {
      const body = await fs.readFile(file);
      if (body.length < smallestBytes) return { bytes: 0, brotliBytes: 0 };
      const [br, gz] = await Promise.all([
        brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
        gzip(body, { level: zlib.constants.Z_BEST_COMPRESSION }),
      ]);
      if (br.length < body.length) await fs.writeFile(`${file}.br`, br);
      if (gz.length < body.length) await fs.writeFile(`${file}.gz`, gz);
      return { bytes: body.length, brotliBytes: Math.min(br.length, body.length) };
    }),
  );
  return { files: sizes.filter((s) => s.bytes > 0).length, bytes: sizes.reduce((n, s) => n + s.bytes, 0), brotliBytes: sizes.reduce((n, s) => n + s.brotliBytes, 0) };
}

/**
 * Precompresses the build's output once everything is written, the service worker included (the PWA
 * plugin writes it when the bundle closes, so this runs after it: `order: 'post'`).
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'heyblue:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const { files, bytes, brotliBytes } = await precompressFolder(outDir);
        this.info(`precompressed ${files} files: ${Math.round(bytes / 1024)} KB → ${Math.round(brotliBytes / 1024)} KB with brotli`);
      },
    },
  };
}
