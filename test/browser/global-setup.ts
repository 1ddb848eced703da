/**
 * Builds the production app (and embed.js) once and serves it for the browser tests (`vite preview` on a free port of
 * 127.0.0.1); the test files read its address with `inject('baseUrl')`.
 *
 * The build goes to a folder of this run's own, removed afterwards, not to dist/: two runs at once (two
 * terminals, or `npm run build` during a run) would otherwise rebuild the files the other is serving.
 * Whether Chromium is there is checked by `launch()` in ./browser.ts, so that a machine without it fails
 * the browser tests only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '../..');
  const outDir = mkdtempSync(join(tmpdir(), 'recourssup-dist-'));
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  // embed.js for host pages, next to index.html, as `npm run build` makes it.
  await build({ root, configFile: join(root, 'vite.embed.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: false } });
  const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const { port } = server.httpServer.address() as AddressInfo;
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
  return async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
