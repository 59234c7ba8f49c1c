/**
 * The built page (dist/), served by `orgsim serve` from memory: the files are read once at start, and a
 * request's path is only ever a key in that map. No request reaches the file system, so no path (../, %2e,
 * a link) can lead outside the site.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { ScenarioError } from '../src/scenario/errors.ts';
import { displayPath } from '../cli/files.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The workshop's pages take nothing from elsewhere and run no inline script. */
const WORKSHOP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const MAX_FILES = 2000;
const MAX_BYTES = 200 * 2 ** 20;

interface File {
  body: Buffer;
  type: string;
  /** Vite's hashed assets never change under the same name. */
  immutable: boolean;
  csp: boolean;
}

export type Site = Map<string, File>;

/** Every regular file of the built page, by its URL path. */
export function loadSite(dir: string): Site {
  const site: Site = new Map();
  let built = false;
  try {
    built = statSync(join(dir, 'index.html')).isFile();
  } catch {
    built = false; // missing, or a file in the path
  }
  if (!built) {
    throw new ScenarioError(
      `the page is not built: ${displayPath(join(dir, 'index.html'))} is missing; run npm run build first ` +
        `(npm run serve builds it, then serves)`,
    );
  }
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const url = `/${relative(dir, path).split(sep).join('/')}`;
    const body = readFileSync(path);
    bytes += body.length;
    if (site.size >= MAX_FILES || bytes > MAX_BYTES)
      throw new ScenarioError(
        `${displayPath(dir)}: more than ${MAX_FILES} files or ${MAX_BYTES / 2 ** 20} MB: not a built orgsim page`,
      );
    const ext = extname(path).toLowerCase();
    site.set(url, {
      body,
      type: TYPES[ext] ?? 'application/octet-stream',
      immutable: url.startsWith('/assets/'),
      csp: url === '/join.html' || url === '/room.html',
    });
  }
  // Short addresses: the one in the QR code stays small.
  for (const [alias, target] of [
    ['/', '/index.html'],
    ['/join', '/join.html'],
    ['/room', '/room.html'],
  ] as const) {
    const f = site.get(target);
    if (f) site.set(alias, f);
  }
  return site;
}

export function serveSite(site: Site, req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res
      .writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' })
      .end('Only GET and HEAD here.\n');
    return;
  }
  const path = (req.url ?? '/').split(/[?#]/, 1)[0]!;
  const file = site.get(path);
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found.\n');
    return;
  }
  const headers: Record<string, string | number> = {
    'Content-Type': file.type,
    'Content-Length': file.body.length,
    'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (file.csp) {
    headers['Content-Security-Policy'] = WORKSHOP_CSP;
    headers['X-Frame-Options'] = 'DENY';
  }
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : file.body);
}
