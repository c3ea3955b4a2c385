import type { ComponentType } from 'react';
import { loadTranslationPart } from '../i18n/setup.ts';

/**
 * A route's page in its own chunk, fetched when the route is first visited together with the part of
 * the translation the first load leaves out (i18n/translation-parts.ts). For a route's `lazy`: the
 * router loads a page and its layout at once and shows them when both are in.
 */
export function lazyPage<Module>(load: () => Promise<Module>, pick: (module: Module) => ComponentType): { Component: () => Promise<ComponentType> } {
  return {
    Component: async () => {
      const [module] = await Promise.all([load(), loadTranslationPart('pages')]);
      return pick(module);
    },
  };
}
