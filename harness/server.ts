import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface FixtureServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** A generated page: its HTML, or its HTML with extra response headers (e.g. a Content-Security-Policy). */
export type Route = () => string | { body: string; headers: Record<string, string> };

/**
 * Serves folders on 127.0.0.1 under URL prefixes, e.g. { '/': 'tests/fixtures/pages', '/corpus/': '../shared/corpus/pages' }.
 * Extra routes answer with generated HTML (for pages a test builds on the fly).
 */
export async function serveFixtures(
  roots: Record<string, string>,
  routes: Record<string, Route> = {},
): Promise<FixtureServer> {
  const prefixes = Object.entries(roots).sort((a, b) => b[0].length - a[0].length);
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const route = routes[path];
    if (route) {
      const answer = route();
      const { body, headers } = typeof answer === 'string' ? { body: answer, headers: {} } : answer;
      res.writeHead(200, { 'content-type': TYPES['.html'], ...headers });
      res.end(body);
      return;
    }
    const hit = prefixes.find(([prefix]) => path.startsWith(prefix));
    if (!hit) {
      res.writeHead(404).end();
      return;
    }
    const root = resolve(hit[1]);
    const file = normalize(join(root, path.slice(hit[0].length)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (p) => `${origin}${p.startsWith('/') ? p : `/${p}`}`,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        // Chromium keeps idle keep-alive connections open; without this, close waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
