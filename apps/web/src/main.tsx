import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import './ui/tokens.css';
import './ui/base.css';
import { createSession } from './api/session.ts';
import { createAppRouter } from './app/router.tsx';
import { registerServiceWorker } from './app/register-service-worker.ts';
import { SessionProvider } from './features/auth/session-context.tsx';
import { setupI18n } from './i18n/setup.ts';

/** One session for the app's life: the access token lives here, in memory only. */
const session = createSession();
// Restored at once, not when the first render's effects run: its two round trips (refresh, then the
// account) overlap loading the translation and rendering. SessionProvider's own call joins this one.
void session.restore();
// The page renders once its language is loaded: no flash of untranslated keys.
await setupI18n();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <SessionProvider session={session}>
      <RouterProvider router={createAppRouter()} />
    </SessionProvider>
  </StrictMode>,
);
registerServiceWorker();
