/**
 * Builds the production app once and serves it for the browser tests (`vite preview` on a free port).
 * A machine without Chromium fails here, with the way to get one: the browser tests never skip silently.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const chrome = chromiumPath();
  if (!existsSync(chrome)) {
    throw new Error(`Chromium not found at ${chrome}: set CHROME_PATH or install it (Debian/Ubuntu: apt-get install -y chromium)`);
  }
  const root = resolve(import.meta.dirname, '../..');
  await build({ root, logLevel: 'warn' });
  const server = await preview({ root, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const { port } = server.httpServer.address() as AddressInfo;
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
  return async () => {
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  };
}
