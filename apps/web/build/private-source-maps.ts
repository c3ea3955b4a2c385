// Source maps stay out of the folder the server serves: they would hand anyone the app's source, and
// no browser needs them. The build writes them "hidden" (no sourceMappingURL comment in the scripts)
// and this plugin moves them to a sibling folder, `sourcemaps/` beside `dist/`, for whoever has to
// read a stack trace from production (docs/adr/0015-web-delivery.md).
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/** Where the maps of a build into `outDir` go: `sourcemaps/` beside it. */
export function sourceMapsFolder(outDir: string): string {
  return path.join(path.dirname(outDir), 'sourcemaps');
}

/** Takes every `.map` out of the bundle before it is written and writes it to `sourceMapsFolder(outDir)` instead. */
export function privateSourceMaps(): Plugin {
  let folder = '';
  return {
    name: 'heyblue:private-source-maps',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      folder = sourceMapsFolder(path.resolve(config.root, config.build.outDir));
    },
    generateBundle(_options, bundle) {
      // Maps of an earlier build would point at scripts that no longer exist.
      fs.rmSync(folder, { recursive: true, force: true });
      for (const [fileName, output] of Object.entries(bundle)) {
        if (!fileName.endsWith('.map') || output.type !== 'asset') continue;
        const target = path.join(folder, fileName);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, output.source);
        delete bundle[fileName];
      }
    },
  };
}
