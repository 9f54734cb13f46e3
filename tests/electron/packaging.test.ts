import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_EXTENSIONS } from '../../engine/core';

const require = createRequire(import.meta.url);
// js-yaml comes with electron-builder; it has no types of its own here, so name the one function used.
const { load } = require('js-yaml') as { load: (text: string) => unknown };
const root = new URL('../../', import.meta.url);
const config = load(readFileSync(new URL('electron-builder.yml', root), 'utf8')) as Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  linux: Record<string, unknown>;
  files: string[];
};
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { homepage?: string; author?: { name: string; email: string }; main: string };

/** Read width and height from a PNG header. */
function pngSize(path: string): [number, number] {
  const b = readFileSync(path);
  expect([...b.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it('passes electron-builder\'s own schema', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as { validateConfiguration: (c: unknown, log: { isEnabled: boolean; add(): void }) => Promise<void> };
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
  });

  it('sets every fuse to its locked-down value', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
    expect(config.asar).toBe(true);
  });

  it('builds AppImage and deb (with maintainer and homepage), NSIS and dmg, with app id, name and icons', () => {
    expect(config.appId).toBe('uk.nhs.momentum');
    expect(config.productName).toBe('Momentum');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.maintainer).toMatch(/^.+ <.+@.+>$/);
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author?.email).toMatch(/@/);
    expect((config.win as { target: string[] }).target).toEqual(['nsis', 'msi']);
    expect((config.mac as { target: string[] }).target).toEqual(['dmg']);
    expect(config.publish).toBeNull();
  });

  it('associates .momentum and .momentum-run with the app, with MIME types, matching the engine\'s extensions', () => {
    const assoc = (config as unknown as { fileAssociations: { ext: string; name: string; mimeType: string; role: string }[] }).fileAssociations;
    expect(assoc.map((a) => `.${a.ext}`)).toEqual([DOCUMENT_EXTENSIONS.scenario, DOCUMENT_EXTENSIONS.run]);
    expect(assoc.map((a) => a.mimeType)).toEqual(['application/vnd.momentum.scenario+json', 'application/vnd.momentum.run+json']);
    for (const a of assoc) expect(a).toMatchObject({ name: expect.stringMatching(/^Momentum /), role: 'Editor' });
  });

  it('offers managed installs: NSIS asks per-user or per-machine, the MSI is per-machine, and nothing updates itself', () => {
    const c = config as unknown as { nsis: Record<string, unknown>; msi: Record<string, unknown> };
    expect(c.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    expect(c.msi).toMatchObject({ perMachine: true, runAfterFinish: false });
    expect(config.publish).toBeNull();
    expect((pkg as { dependencies?: Record<string, string> }).dependencies).not.toHaveProperty('electron-updater');
    expect(readFileSync(new URL('docs/INSTALLING.md', root), 'utf8')).toMatch(/no auto-update/i);
  });

  it('ships the icons electron-builder needs: a 1024 px icon.png and a Linux size set', () => {
    expect(pngSize(join(new URL('build', root).pathname, 'icon.png'))).toEqual([1024, 1024]);
    const sizes = readdirSync(new URL('build/icons', root)).map((f) => /^(\d+)x\1\.png$/.exec(f)?.[1]).filter(Boolean).map(Number).sort((a, b) => a - b);
    expect(sizes).toEqual([16, 32, 48, 64, 128, 256, 512]);
    for (const s of sizes) expect(pngSize(join(new URL('build/icons', root).pathname, `${s}x${s}.png`))).toEqual([s, s]);
  });

  it('gives each document type its own icon: a Windows .ico and a macOS .icns of PNG images, different for the two', () => {
    const assoc = (config as unknown as { fileAssociations: { ext: string; icon: string }[] }).fileAssociations;
    expect(assoc.map((a) => a.icon)).toEqual(['momentum', 'momentum-run']);
    const build = new URL('build/', root).pathname;
    for (const { icon } of assoc) {
      const ico = readFileSync(join(build, `${icon}.ico`));
      expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
      const sizes: number[] = [];
      for (let k = 0; k < ico.readUInt16LE(4); k++) {
        const e = 6 + 16 * k;
        const at = ico.readUInt32LE(e + 12);
        const image = ico.subarray(at, at + ico.readUInt32LE(e + 8));
        expect([...image.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
        const side = ico[e] || 256;
        expect([image.readUInt32BE(16), image.readUInt32BE(20)]).toEqual([side, side]);
        sizes.push(side);
      }
      expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
      const icns = readFileSync(join(build, `${icon}.icns`));
      expect(icns.toString('ascii', 0, 4)).toBe('icns');
      expect(icns.readUInt32BE(4)).toBe(icns.length);
      const types: string[] = [];
      for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
        types.push(icns.toString('ascii', at, at + 4));
        expect([...icns.subarray(at + 8, at + 16)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
      }
      expect(types).toEqual(['icp4', 'icp5', 'ic07', 'ic08', 'ic09', 'ic10']);
    }
    expect(readFileSync(join(build, 'momentum.ico')).equals(readFileSync(join(build, 'momentum-run.ico')))).toBe(false);
  });

  it('the committed icons are exactly what build/make-icons.mjs draws', () => {
    const out = mkdtempSync(join(tmpdir(), 'momentum-icons-'));
    try {
      execFileSync(process.execPath, [new URL('build/make-icons.mjs', root).pathname, '--out', out], { stdio: 'pipe' });
      const build = new URL('build/', root).pathname;
      for (const f of ['icon.png', 'momentum.ico', 'momentum.icns', 'momentum-run.ico', 'momentum-run.icns', ...readdirSync(join(build, 'icons')).map((n) => `icons/${n}`)]) {
        expect(readFileSync(join(out, f)).equals(readFileSync(join(build, f))), f).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);

  it('packages only the built app (out/) and the prepared scenarios, never node_modules or sources', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json', '!**/node_modules/**']));
    expect(config.files.some((f) => /^(electron|renderer|engine|tests)\//.test(f))).toBe(false);
    expect(pkg.main).toBe('out/main/index.js');
    expect(config.extraResources).toEqual([{ from: 'scenarios', to: 'scenarios', filter: ['**/*.momentum'] }]);
  });

  it('the main process imports only electron, Node built-ins, zod (bundled) and its own files, so it needs no node_modules', () => {
    const files: string[] = [];
    const walk = (dir: URL) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(new URL(`${e.name}/`, dir));
        else if (e.name.endsWith('.ts')) files.push(new URL(e.name, dir).pathname);
      }
    };
    walk(new URL('electron/main/', root));
    walk(new URL('electron/preload/', root));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      for (const [, spec] of readFileSync(f, 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)) {
        expect(spec === 'electron' || spec === 'zod' || spec!.startsWith('node:') || spec!.startsWith('.'), `${f}: ${spec}`).toBe(true);
      }
    }
    expect(readFileSync(new URL('electron.vite.config.ts', root), 'utf8')).toMatch(/externalizeDeps: \{ exclude: \['zod'\] \}/);
  });

  it('builds the document worker as its own entry beside index.js, where the main process starts it', () => {
    const viteConfig = readFileSync(new URL('electron.vite.config.ts', root), 'utf8');
    expect(viteConfig).toMatch(/entry: \{ index: 'electron\/main\/entry\.ts', 'document-worker': 'electron\/main\/files\/document-worker\.ts' \}/);
    expect(readFileSync(new URL('electron/main/index.ts', root), 'utf8')).toContain("new URL('./document-worker.js', import.meta.url)");
    // out/main/** is packed whole, so the worker is inside app.asar (Electron loads worker threads from an asar since 17).
    expect(config.files).toContain('out/main/**');
  });
});
