// First: starts restoring the session while the rest is evaluated.
import { session } from './app/session-start.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import './ui/tokens.css';
import './ui/base.css';
import { createAppRouter } from './app/router.tsx';
import { registerServiceWorker } from './app/register-service-worker.ts';
import { SessionProvider } from './features/auth/session-context.tsx';
import { setupI18n } from './i18n/setup.ts';

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
