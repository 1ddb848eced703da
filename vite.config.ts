import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { localePart, type LocalePart } from './src/locale-parts';

const PREFIX = 'locale-part:';

/** `import strings from 'locale-part:fr/shell'`: a part of locales/fr.json, its own module (own chunk). */
function localeParts(): Plugin {
  return {
    name: 'recourssup-locale-parts',
    resolveId: (id) => (id.startsWith(PREFIX) ? `\0${id}` : null),
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null;
      const [lang, part] = id.slice(PREFIX.length + 1).split('/') as [string, LocalePart];
      const file = resolve(import.meta.dirname, 'locales', `${lang}.json`);
      this.addWatchFile(file);
      // JSON.parse of a string literal parses faster than the same object as JavaScript.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(localePart(JSON.parse(readFileSync(file, 'utf8')), part)))});`;
    },
  };
}

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string };

// Relative base: the build works at a domain's root or under any sub-path of a static host.
// `--mode kill-switch` builds the app with a service worker that removes itself (docs/deploying.md §"Kill switch").
export default defineConfig(({ mode }) => ({
  base: './',
  define: {
    __APP_VERSION__: JSON.stringify(process.env.RECOURSSUP_BUILD || pkg.version),
    __KILL_SWITCH__: JSON.stringify(mode === 'kill-switch'),
  },
  plugins: [
    localeParts(),
    preact(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      selfDestroying: mode === 'kill-switch',
      includeAssets: ['icons/favicon-32.png', 'icons/apple-touch-icon-180.png'],
      manifest: {
        name: 'RecoursSup',
        short_name: 'RecoursSup',
        description: 'Quel recours après Parcoursup ou Mon Master\u00a0: à partir de quand, jusqu’à quand, auprès de quel recteur, et pourquoi.',
        lang: 'fr',
        dir: 'ltr',
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: '#1d4f91',
        background_color: '#ffffff',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Every language chunk and the legal texts are precached: the app works offline after one visit.
        globPatterns: ['**/*.{js,css,html,json,png,svg,webmanifest}'],
        // The app lives in one folder: `./` and `./index.html`, whatever the query string (the steps). A
        // navigation anywhere else (`/x/y`) is none of the app's: it goes to the server, never answered with
        // an index.html whose relative paths would point under `/x/` (a blank page). Query parameters are
        // ignored when the precache is searched, so that `?step=…` finds index.html without a fallback.
        navigateFallback: null,
        ignoreURLParametersMatching: [/./],
        // The previous version's files, for tabs still running it (public/sw-keep-assets.js).
        importScripts: ['sw-keep-assets.js'],
      },
    }),
  ],
  build: { target: 'es2022', modulePreload: { polyfill: false } },
  preview: { port: 4173, strictPort: false },
  test: {
    projects: [
      {
        // Components under test (happy-dom) import src/i18n.ts, hence its locale parts.
        plugins: [localeParts()],
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', 'node_modules/**'],
          setupFiles: ['test/support/property-setup.ts'],
          // A time-out catches a hang, not slowness: property runs and the CLI's processes take several
          // times longer when the two cores are busy (CI, another build), and must still pass.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A condition polled for ten seconds, not one: on two busy cores a render, a save or a focus
          // can take longer than a second; a poll still fails at once when the condition cannot hold.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
}));
