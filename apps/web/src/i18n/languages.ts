/** Languages the app is translated into; the first is the fallback. */
export const supportedLanguages = ['en', 'es'] as const;

export type Language = (typeof supportedLanguages)[number];

/** Where the chosen language is remembered between visits. */
export const languageStorageKey = 'heyblue.language';

/** Whether a value is one of the supported language codes. */
export function isLanguage(value: unknown): value is Language {
  return supportedLanguages.some((language) => language === value);
}

/** The remembered language, else the browser's first supported one, else English. */
export function detectLanguage(): Language {
  const remembered = readStoredLanguage();
  if (remembered) return remembered;
  for (const tag of navigator.languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** Remembers the language and tells the document (and so screen readers) about it. */
export function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(languageStorageKey, language);
  } catch {
    // Storage can be unavailable (private mode, quota); the choice then lasts for this visit.
  }
}

function readStoredLanguage(): Language | undefined {
  try {
    const stored = localStorage.getItem(languageStorageKey);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}
