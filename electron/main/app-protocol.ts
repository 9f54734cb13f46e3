import * as nodeFs from 'node:fs/promises';
import { extname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { securityHeaders } from './csp';

/** The custom scheme the renderer is served from (never file://). */
export const APP_SCHEME = 'app';
/** The one host of the scheme; the renderer's origin is `app://momentum`. */
export const APP_HOST = 'momentum';
/** The renderer's origin: the only origin whose frames may call IPC. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Return the Content-Type for a file name. */
export function mimeType(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Map an app:// URL to a file under `root`, or null when it is not ours or would leave
 * `root` (`..`, encoded `%2e%2e` or `%2f`, backslashes, NUL, absolute or drive paths).
 */
export function resolveAppPath(root: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.hostname !== APP_HOST || u.username || u.password || u.port) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\') || /(^|\/)\.\.(\/|$)/.test(path)) return null;
  if (path === '' || path === '/') path = '/index.html';
  const rel = normalize(path.replace(/^\/+/, ''));
  if (rel === '' || rel === '.' || isAbsolute(rel) || /^[a-zA-Z]:/.test(rel)) return null;
  const full = join(root, rel);
  const back = relative(root, full);
  if (back === '' || back.startsWith(`..${sep}`) || back === '..' || isAbsolute(back)) return null;
  return full;
}

/** Return a handler for `protocol.handle('app', …)` that serves files under `root` with the security headers. */
export function createAppProtocolHandler(root: string, readFile: (path: string) => Promise<Uint8Array> = nodeFs.readFile): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405, headers: securityHeaders() });
    const path = resolveAppPath(root, request.url);
    if (!path) return new Response('Not found', { status: 404, headers: securityHeaders() });
    let body: Uint8Array;
    try {
      body = await readFile(path);
    } catch {
      return new Response('Not found', { status: 404, headers: securityHeaders() });
    }
    const headers = { ...securityHeaders(), 'Content-Type': mimeType(path) };
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers });
  };
}
