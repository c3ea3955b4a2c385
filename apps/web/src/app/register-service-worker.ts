import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the generated service worker (production builds only). With `autoUpdate`, a new
 * version activates and reloads the page by itself once it is downloaded. Only after the page's
 * load event (workbox-window included): on a first visit, the worker's precaching of every page's
 * code must not compete with the page for a phone's bandwidth.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  if (document.readyState === 'complete') registerSW();
  else window.addEventListener('load', () => registerSW(), { once: true });
}
