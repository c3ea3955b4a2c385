import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the generated service worker (production builds only). With `autoUpdate`, a new
 * version activates and reloads the page by itself once it is downloaded.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  registerSW({ immediate: true });
}
