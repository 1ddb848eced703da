/**
 * A static host for the update and offline tests: serves one build, can switch to another build at the
 * same address (a deployment), and can stop and start again on the same port. Stopping the server is
 * how these tests go offline: the browser's offline switch does not cover a service worker's fetches.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
};

export interface StaticHost {
  url: string;
  /** Serves another build from now on (same origin, same port). */
  deploy(root: string): void;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Paths requested since the last call. */
  takeRequests(): string[];
}

export async function staticHost(root: string): Promise<StaticHost> {
  let current = root;
  let requests: string[] = [];
  let server: Server;
  let running = false;
  const make = () => createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const file = join(current, normalize(path === '/' ? '/index.html' : path));
    try {
      const body = await readFile(file);
      // sw.js must never come from the HTTP cache: the browser checks it for updates.
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      // A body, as real hosts send: with none, Chromium shows its own error page instead of the response.
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  });
  const listen = (port: number) => new Promise<number>((done) => {
    server = make();
    server.listen(port, '127.0.0.1', () => { running = true; done((server.address() as AddressInfo).port); });
  });
  const port = await listen(0);
  return {
    url: `http://127.0.0.1:${port}/`,
    deploy: (r) => { current = r; },
    stop: () => new Promise((done) => {
      if (!running) return done();
      running = false;
      server.close(() => done());
      server.closeAllConnections();
    }),
    start: async () => { if (!running) await listen(port); },
    takeRequests: () => { const r = requests; requests = []; return r; },
  };
}
