// The browser build (npm run web, vite preview) sends the same security headers as app:// in Electron,
// as real HTTP headers: a meta tag cannot carry frame-ancestors, so only a header stops framing.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../vite.config';
import { parseCsp, securityHeaders, webServerHeaders } from '../../electron/main/csp';

let server: PreviewServer;
let outDir: string;
let base: string;

beforeAll(async () => {
  // A stand-in build: the headers do not depend on what is served, so no build is needed.
  outDir = await mkdtemp(join(tmpdir(), 'momentum-web-headers-'));
  await writeFile(join(outDir, 'index.html'), '<!doctype html><title>Momentum</title>');
  await writeFile(join(outDir, 'app.js'), 'export {};');
  // preview() resolves once the server listens on its (free) port.
  server = await preview({ configFile: 'vite.config.ts', build: { outDir }, preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'silent' });
  base = server.resolvedUrls!.local[0]!;
}, 60_000);

afterAll(async () => {
  await server?.close();
  await rm(outDir, { recursive: true, force: true });
});

describe('browser build headers', () => {
  for (const path of ['', 'app.js', 'missing-page']) {
    it(`sends CSP with frame-ancestors 'none', nosniff and no-referrer on /${path}`, async () => {
      const res = await fetch(new URL(path, base));
      await res.arrayBuffer();
      const csp = res.headers.get('content-security-policy');
      expect(csp).not.toBeNull();
      expect(parseCsp(csp!)).toEqual(parseCsp(securityHeaders()['Content-Security-Policy']!));
      expect(parseCsp(csp!)['frame-ancestors']).toEqual(["'none'"]);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    });
  }

  it('gives the dev server the same headers as the preview server, and both those of app://', () => {
    const resolved = config as { server?: { headers?: unknown }; preview?: { headers?: unknown } };
    expect(resolved.server?.headers).toEqual(webServerHeaders());
    expect(resolved.preview?.headers).toEqual(webServerHeaders());
    // The same headers as app://, but for a Permissions-Policy feature Chromium does not know.
    const { ['Permissions-Policy']: webPolicy, ...web } = webServerHeaders();
    const { ['Permissions-Policy']: appPolicy, ...app } = securityHeaders();
    expect(web).toEqual(app);
    expect(webPolicy).toBe(appPolicy!.replace(', bluetooth=()', ''));
  });
});
