import i18next from 'i18next';
import type { BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type en from './en.json';
import { applyLanguage, detectLanguage, isLanguage, supportedLanguages } from './languages.ts';
import type { Language } from './languages.ts';
import type { TranslationPart } from './translation-parts.ts';

/** The shape every translation file must have; English is the source of truth. */
export type Translation = typeof en;

type Sentences = Record<string, unknown>;

/**
 * Each language's translation is fetched when needed, in parts (translation-parts.ts): a phone
 * downloads the sentences of the language it shows and of the pages it has opened. Both languages
 * whole were a sixth of the first load. translations.test.ts checks Spanish has every English sentence.
 */
const parts: Record<Language, Record<TranslationPart, () => Promise<{ sentences: Sentences }>>> = {
  en: { first: () => import('virtual:translations/en/first'), pages: () => import('virtual:translations/en/pages') },
  es: { first: () => import('virtual:translations/es/first'), pages: () => import('virtual:translations/es/pages') },
};

/** The parts every language loads: the first, and those a page has asked for since (with their loading). */
const wanted = new Map<TranslationPart, Promise<void>>([['first', Promise.resolve()]]);

async function sentencesOf(language: Language, which: Iterable<TranslationPart>): Promise<Sentences> {
  const loaded = await Promise.all([...which].map(async (part) => (await parts[language][part]()).sentences));
  // The parts hold different top-level groups: merging them is putting them side by side.
  return Object.assign({}, ...loaded);
}

/** An i18next backend that reads the wanted parts of a language. */
const translationChunks: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    if (!isLanguage(language)) {
      callback(new Error(`no translation for ${language}`), null);
      return;
    }
    sentencesOf(language, wanted.keys()).then(
      (sentences): void => callback(null, sentences),
      (error: unknown): void => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

/**
 * Initialises i18next with the detected language, resolving once the first part of its translation
 * is loaded (render after it). Switching language loads the other language's parts before the page
 * changes. No fallback language: a Spanish phone never needs the English file.
 */
export async function setupI18n(): Promise<typeof i18next> {
  const language = detectLanguage();
  await i18next
    .use(translationChunks)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: false,
      supportedLngs: [...supportedLanguages],
      load: 'currentOnly',
      interpolation: { escapeValue: false },
      returnNull: false,
      // A sentence looked up before its part was loaded would show as its key: say so loudly.
      saveMissing: true,
      missingKeyHandler: (languages, _namespace, key) => console.error(`No ${languages.join('/')} sentence for "${key}" (is its part of the translation loaded?)`),
    });
  applyLanguage(language);
  i18next.on('languageChanged', (next) => {
    if (isLanguage(next)) applyLanguage(next);
  });
  return i18next;
}

/** Loads a part of the translation (for the current language, and for any language switched to later). */
export function loadTranslationPart(part: TranslationPart): Promise<void> {
  const known = wanted.get(part);
  if (known) return known;
  const loading = (async () => {
    const language = i18next.resolvedLanguage;
    if (!isLanguage(language)) return;
    i18next.addResourceBundle(language, 'translation', await sentencesOf(language, [part]), true, true);
  })();
  // A failed load (offline) is tried again by the next page that asks.
  loading.catch(() => wanted.delete(part));
  wanted.set(part, loading);
  return loading;
}
