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

setupI18n();
registerServiceWorker();
/** One session for the app's life: the access token lives here, in memory only. */
const session = createSession();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <SessionProvider session={session}>
      <RouterProvider router={createAppRouter()} />
    </SessionProvider>
  </StrictMode>,
);
