// The page needs its translation before it can show anything, and the app only asks for it once its
// own script has downloaded and compiled (~1 s on a slow phone). This plugin builds
// src/i18n/early-translation.ts as an entry of its own and loads it from index.html as an async module
// script, so the translation downloads beside the app's script instead of after it.
import path from 'node:path';
import type { Plugin } from 'vite';

/** The entry's name, and so its chunk's: `assets/early-translation-<hash>.js`. */
export const earlyTranslationEntry = 'early-translation';

/** Adds `entry` (a path from the project root) as a second input and an async script tag for it in index.html. */
export function earlyTranslation(entry: string): Plugin {
  return {
    name: 'heyblue:early-translation',
    apply: 'build',
    config(config) {
      const root = config.root ?? process.cwd();
      return { build: { rolldownOptions: { input: { index: path.resolve(root, 'index.html'), [earlyTranslationEntry]: path.resolve(root, entry) } } } };
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const chunk = Object.values(context.bundle ?? {}).find((output) => output.type === 'chunk' && output.isEntry && output.name === earlyTranslationEntry);
        if (!chunk) return [];
        return [{ tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src: `/${chunk.fileName}` }, injectTo: 'head-prepend' }];
      },
    },
  };
}
