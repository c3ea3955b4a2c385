import { defineConfig } from 'vite';
import type { ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { earlyTranslation } from './build/early-translation.ts';
import { precompress } from './build/precompress.ts';
import { privateSourceMaps } from './build/private-source-maps.ts';
import { translationPartsPlugin } from './build/translation-parts.ts';

/** The API server the dev and preview servers forward to. */
const apiTarget = process.env['HEYBLUE_API_URL'] || 'http://127.0.0.1:3000';

/** Paths the server owns; the service worker must never answer them with the app shell. */
const serverPaths = ['/api', '/ws', '/docs', '/metrics', '/healthz', '/readyz'] as const;

/** The modules of the early-translation entry (build/early-translation.ts), and the helper its `import()`s use. */
const earlyTranslationModule = /\/src\/i18n\/(?:early-translation|languages)\.ts$|preload-helper/;

const proxy: Record<string, ProxyOptions> = Object.fromEntries(
  serverPaths.map((path) => [path, { target: apiTarget, changeOrigin: false, ws: path === '/ws' }]),
);

export default defineConfig({
  plugins: [
    react(),
    translationPartsPlugin(new URL('./src/i18n', import.meta.url).pathname),
    earlyTranslation('src/i18n/early-translation.ts'),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      strategies: 'generateSW',
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon-180.png'],
      manifest: {
        name: 'Hey Blue!',
        short_name: 'Hey Blue',
        description: 'Meet the officers who serve your community, earn points and give back.',
        id: '/',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#0b3d91',
        background_color: '#f5f7fb',
        lang: 'en',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        navigateFallback: 'index.html',
        navigateFallbackDenylist: serverPaths.map((path) => new RegExp(`^${path}(?:[/?.]|$)`)),
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        cleanupOutdatedCaches: true,
        // The service worker is generated code; a map of it would only be one more file to keep private.
        sourcemap: false,
      },
    }),
    privateSourceMaps(),
    precompress(),
  ],
  server: { host: '127.0.0.1', proxy },
  preview: { host: '127.0.0.1', proxy },
  // Maps without a sourceMappingURL comment, moved out of dist/ by privateSourceMaps (never served).
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: 'hidden',
    rolldownOptions: {
      output: {
        // Everything the first page needs in one chunk: each extra request on a phone's network costs a
        // round trip (150 ms on slow 4G), and left alone the bundler cut the first load into ~25 files.
        // Not what the early-translation entry loads: that must stay small to start the download early.
        codeSplitting: {
          groups: [
            { name: 'app', tags: ['$initial'], test: (id) => !earlyTranslationModule.test(id), includeDependenciesRecursively: false, priority: 2 },
            { name: 'dashboard', test: /\/src\/(?:features\/dashboard\/|app\/dashboard-layout)/, includeDependenciesRecursively: false, priority: 1 },
          ],
        },
      },
    },
  },
});
