import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import './ui/tokens.css';
import './ui/base.css';
import { createAppRouter } from './app/router.tsx';
import { registerServiceWorker } from './app/register-service-worker.ts';
import { setupI18n } from './i18n/setup.ts';

setupI18n();
registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <RouterProvider router={createAppRouter()} />
  </StrictMode>,
);
