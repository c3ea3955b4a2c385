import { useTranslation } from 'react-i18next';
import { supportedLanguages } from '../i18n/languages.ts';
import type { Language } from '../i18n/languages.ts';
import './language-switch.css';

/** Each language is named in itself, so people find theirs whatever the current one is. */
const endonyms: Record<Language, string> = { en: 'English', es: 'Español' };

export interface LanguageSwitchProps {
  /** `onDark` for use on the blue header, `onLight` on surfaces. */
  tone?: 'onDark' | 'onLight';
}

/** A two-state toggle between the supported languages; the choice is remembered. */
export function LanguageSwitch({ tone = 'onLight' }: LanguageSwitchProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className={`hb-language-switch hb-language-switch--${tone}`} role="group" aria-label={t('language.label')}>
      {supportedLanguages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="hb-language-switch__option"
          aria-pressed={i18n.resolvedLanguage === language}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {language.toUpperCase()}
          <span className="hb-visually-hidden"> ({endonyms[language]})</span>
        </button>
      ))}
    </div>
  );
}
