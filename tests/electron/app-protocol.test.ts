import { mkdir, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, createAppProtocolHandler, mimeType, resolveAppPath } from '../../electron/main/app-protocol';
import { contentSecurityPolicy } from '../../electron/main/csp';
import { tempDir } from './temp-dir';

const ROOT = join(sep, 'opt', 'momentum', 'out', 'renderer');

describe('resolveAppPath: the app:// resolver stays inside out/renderer', () => {
  const inside: [string, string][] = [
    [`${APP_ORIGIN}/`, 'index.html'],
    [`${APP_ORIGIN}/index.html`, 'index.html'],
    [`${APP_ORIGIN}/assets/index-abc.js?v=1#x`, join('assets', 'index-abc.js')],
    [`${APP_ORIGIN}/assets/a%20b.css`, join('assets', 'a b.css')],
  ];
  for (const [url, rel] of inside) {
    it(`serves ${url}`, () => expect(resolveAppPath(ROOT, url)).toBe(join(ROOT, rel)));
  }

  // The URL parser folds literal and %2e dot segments before we see them (Chromium does too),
  // so these land inside the root; whatever the route, nothing outside it is reachable.
  const folded = [`${APP_ORIGIN}/../../etc/passwd`, `${APP_ORIGIN}/assets/../../secret`, `${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`, `${APP_ORIGIN}/%2Fetc/passwd`];
  for (const url of folded) {
    it(`keeps ${url} inside the root`, () => {
      const r = resolveAppPath(ROOT, url);
      expect(r === null || r.startsWith(ROOT + sep)).toBe(true);
    });
  }

  const refused = [
    `${APP_ORIGIN}/..%2f..%2fetc%2fpasswd`,
    `${APP_ORIGIN}/assets/..%2F..%2F..%2Fhome`,
    `${APP_ORIGIN}/..%5c..%5cwindows%5csystem32`,
    `${APP_ORIGIN}/assets%5c..%5c..%5cx`,
    `${APP_ORIGIN}/%00index.html`,
    `${APP_ORIGIN}/%E0%A4%A`,
    `${APP_ORIGIN}/C:%5Cwindows`,
    `${APP_ORIGIN}/c:/windows/win.ini`,
    'app://evil/index.html',
    'app://momentum:8080/index.html',
    'app://user:pw@momentum/index.html',
    'file:///etc/passwd',
    'https://momentum/index.html',
    'not a url',
  ];
  for (const url of refused) {
    it(`refuses ${url}`, () => expect(resolveAppPath(ROOT, url)).toBeNull());
  }
});

describe('createAppProtocolHandler', () => {
  it('serves files with their type and the security headers, and 404s outside the root', async () => {
    const dir = await tempDir();
    const root = join(dir, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>x</title>');
    await writeFile(join(root, 'assets', 'app.js'), 'export {}');
    await writeFile(join(dir, 'secret.txt'), 'do not serve');
    const handler = createAppProtocolHandler(root);

    const page = await handler(new Request(`${APP_ORIGIN}/`));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>x</title>');

    const js = await handler(new Request(`${APP_ORIGIN}/assets/app.js`));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');

    for (const url of [`${APP_ORIGIN}/..%2fsecret.txt`, `${APP_ORIGIN}/%2e%2e/secret.txt`, `${APP_ORIGIN}/missing.js`]) {
      const r = await handler(new Request(url));
      expect(r.status).toBe(404);
      expect(await r.text()).not.toContain('do not serve');
      expect(r.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    }
    expect((await handler(new Request(`${APP_ORIGIN}/index.html`, { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('knows the types the renderer build emits', () => {
    expect(mimeType('a/b.woff2')).toBe('font/woff2');
    expect(mimeType('x.SVG')).toBe('image/svg+xml');
    expect(mimeType('noext')).toBe('application/octet-stream');
  });
});
