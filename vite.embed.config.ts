import { defineConfig } from 'vite';

// embed.js, for the pages of websites that embed RecoursSup: one classic script (IIFE), no chunks, next to
// index.html so that it can find the app from its own address. Built after the app, into the same folder:
// the service worker does not precache it (it runs in host pages, not in the app).
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2018',
    minify: true,
    lib: { entry: 'src/embed/embed.ts', formats: ['iife'], name: 'RecoursSupEmbed', fileName: () => 'embed.js' },
  },
});
