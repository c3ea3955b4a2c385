// Serves each language's translation in parts (src/i18n/translation-parts.ts) as virtual modules,
// `virtual:translations/<language>/<part>`, read from src/i18n/<language>.json at build time, so the
// first load carries only the sentences its pages use and the JSON files stay whole for translators.
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { partOf, translationParts } from '../src/i18n/translation-parts.ts';

const prefix = 'virtual:translations/';
const resolvedPrefix = `\0${prefix}`;

/** The virtual modules of the translation parts, from the JSON files in `folder`. */
export function translationPartsPlugin(folder: string): Plugin {
  return {
    name: 'heyblue:translation-parts',
    resolveId(id) {
      return id.startsWith(prefix) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(resolvedPrefix)) return undefined;
      const [language, part] = id.slice(resolvedPrefix.length).split('/');
      if (!language || !/^[a-z]{2}$/.test(language) || !translationParts.some((known) => known === part)) throw new Error(`no translation part ${id.slice(1)}`);
      const file = path.join(folder, `${language}.json`);
      this.addWatchFile(file);
      const groups: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (typeof groups !== 'object' || groups === null) throw new Error(`${file} is not an object of groups`);
      const picked = Object.fromEntries(Object.entries(groups).filter(([group]) => partOf(group) === part));
      return `export const sentences = ${JSON.stringify(picked)};`;
    },
  };
}
