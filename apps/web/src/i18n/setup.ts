import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import es from './es.json';
import { applyLanguage, detectLanguage, isLanguage, supportedLanguages } from './languages.ts';

/** The shape every translation file must have; English is the source of truth. */
export type Translation = typeof en;

const spanish: Translation = es;

/** Initialises i18next synchronously with the bundled translations and the detected language. */
export function setupI18n(): typeof i18next {
  const language = detectLanguage();
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, es: { translation: spanish } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...supportedLanguages],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyLanguage(language);
  i18next.on('languageChanged', (next) => {
    if (isLanguage(next)) applyLanguage(next);
  });
  return i18next;
}
