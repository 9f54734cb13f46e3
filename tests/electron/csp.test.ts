import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, CSP_DIRECTIVES, parseCsp, securityHeaders } from '../../electron/main/csp';

let outDir: string;
let html: string;

beforeAll(async () => {
  // Build the renderer exactly as `npm run build:web` does, into a private folder.
  outDir = await mkdtemp(join(tmpdir(), 'momentum-csp-'));
  await build({ configFile: 'vite.config.ts', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  html = await readFile(join(outDir, 'index.html'), 'utf8');
}, 120_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

/** Return the content of the page's CSP meta tag. */
function metaCsp(page: string): string | null {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(page);
  return m ? m[1]! : null;
}

describe('Content-Security-Policy', () => {
  it('the built index.html carries the same policy that app:// sends as a header', () => {
    const meta = metaCsp(html);
    expect(meta).not.toBeNull();
    expect(parseCsp(meta!)).toEqual(parseCsp(contentSecurityPolicy()));
    expect(securityHeaders()['Content-Security-Policy']).toBe(contentSecurityPolicy());
  });

  it('allows no inline or evaluated script, no plugins, no framing and no foreign connections', () => {
    const p = parseCsp(contentSecurityPolicy());
    expect(p['script-src']).toEqual(["'self'"]);
    expect(p['object-src']).toEqual(["'none'"]);
    expect(p['frame-ancestors']).toEqual(["'none'"]);
    expect(p['base-uri']).toEqual(["'none'"]);
    expect(p['connect-src']).toEqual(["'self'"]);
    for (const sources of Object.values(CSP_DIRECTIVES)) {
      for (const s of sources) expect(["'unsafe-eval'", '*', 'http:', 'https:', "'unsafe-hashes'"]).not.toContain(s);
    }
  });

  it('the built page has no inline script the policy would block (every script is a file)', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\.\/assets\//);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+="/i);
  });
});
