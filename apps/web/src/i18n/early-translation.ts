// An entry of its own, loaded by index.html as an async module script beside the app's (see
// build/early-translation.ts): it asks for the first part of the language the page will show, so that
// part downloads while the app's script does. When the app asks for the same part, `import()` of the
// same module joins this request instead of starting another one.
import { detectLanguage } from './languages.ts';

const firstParts = {
  en: () => import('virtual:translations/en/first'),
  es: () => import('virtual:translations/es/first'),
};

// A failure here is the app's to report when it asks again.
firstParts[detectLanguage()]().catch(() => undefined);
