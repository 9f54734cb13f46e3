// `Momentum --cli …` (electron/main/cli-mode.ts): which command lines run the command line, where
// its bundle is found in a packaged app, and the command line itself run in-process as the app's
// main process runs it, from the same bundle `npm run build` copies into out/cli. No Electron.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cliArgsIn, cliBundleDir, runCli, type CliMain, type CliProcess } from '../../electron/main/cli-mode';
import { documentPathsInArgv } from '../../electron/main/open-from-os';
import { ROOT, scenario, tempDir } from '../cli/helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** A process stand-in that collects what the command line writes and how it ended early. */
function capture(failWith?: string): CliProcess & { out: () => string; err: () => string; exits: number[] } {
  let out = '';
  let err = '';
  const stdout = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (failWith) return done(Object.assign(new Error(failWith), { code: failWith }));
      out += chunk.toString();
      done();
    },
  });
  const stderr = new Writable({
    write(chunk: Buffer, _enc, done) {
      err += chunk.toString();
      done();
    },
  });
  const exits: number[] = [];
  return { stdout, stderr, cwd: ROOT, isTTY: false, exit: (c) => void exits.push(c), out: () => out, err: () => err, exits };
}

/** Resolve once the streams have reported what they will (their errors come a turn later). */
const settled = () => new Promise((resolve) => setImmediate(resolve));

const fromSources = () => import('../../cli/main') as Promise<{ main: CliMain }>;

describe('cliArgsIn', () => {
  const cases: [string, string[], boolean, string[] | null][] = [
    ['packaged, --cli first', ['/opt/Momentum/momentum', '--cli', 'validate', 'a.momentum'], true, ['validate', 'a.momentum']],
    ['packaged, --cli alone', ['Momentum.exe', '--cli'], true, []],
    ['unpackaged (electron . --cli)', ['/x/electron', '.', '--cli', 'run', 'a.momentum', '--json'], false, ['run', 'a.momentum', '--json']],
    ['packaged, a document: the app', ['Momentum.exe', 'C:\\plans\\a.momentum'], true, null],
    ['packaged, --cli after a document: the app', ['Momentum.exe', 'a.momentum', '--cli'], true, null],
    ['unpackaged, the app folder only', ['/x/electron', '.'], false, null],
    ['packaged, no arguments', ['Momentum'], true, null],
    ['a different switch', ['Momentum', '--cli=validate'], true, null],
  ];
  for (const [what, argv, packaged, expected] of cases) it(what, () => expect(cliArgsIn(argv, packaged)).toEqual(expected));
});

describe('cliBundleDir', () => {
  it('finds out/cli beside out/main, unpacked from app.asar when packaged', () => {
    const resources = `${sep}opt${sep}Momentum${sep}resources`;
    expect(cliBundleDir(join(resources, 'app.asar', 'out', 'main'))).toBe(join(resources, 'app.asar.unpacked', 'out', 'cli'));
    expect(cliBundleDir(join(ROOT, 'out', 'main'))).toBe(join(ROOT, 'out', 'cli'));
  });

  it('the packaged app packs out/cli and unpacks it', () => {
    const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(yml).toMatch(/^files:\n(?: {2}- .+\n)*? {2}- out\/cli\/\*\*\n/m);
    expect(yml).toMatch(/^asarUnpack:\n {2}- out\/cli\/\*\*$/m);
    // The fuse that would let the binary run any script stays off.
    expect(yml).toMatch(/^ {2}runAsNode: false$/m);
  });
});

describe('runCli', () => {
  it('runs a command and returns its exit code: 0 for a valid file, 1 for a damaged one', async () => {
    const ok = capture();
    expect(await runCli(['validate', scenario('covid-19.momentum')], fromSources, ok)).toBe(0);
    expect(ok.err()).toContain('1 file valid');
    const bad = capture();
    expect(await runCli(['validate', join(ROOT, 'package.json')], fromSources, bad)).toBe(1);
    expect(bad.out()).toMatch(/package\.json: schemaVersion: is required/);
    expect(bad.exits).toEqual([]);
  });

  it('a full disk under standard output is exit code 3 with one line; a closed pipe ends quietly', async () => {
    const full = capture('ENOSPC');
    await runCli(['levers'], fromSources, full);
    await settled();
    expect(full.exits[0]).toBe(3);
    expect(full.err()).toBe('momentum: cannot write to standard output: disk full; the output is incomplete.\n');
    const closed = capture('EPIPE');
    await runCli(['levers'], fromSources, closed);
    await settled();
    expect(closed.exits[0]).toBe(0);
    expect(closed.err()).toBe('');
  });

  it('a command line that cannot be loaded is an internal error (3), not invalid input', async () => {
    const p = capture();
    expect(await runCli(['levers'], () => Promise.reject(new Error('main.mjs is missing')), p)).toBe(3);
    expect(p.err()).toBe('momentum: internal error: could not load the command line: main.mjs is missing\n');
  });

  it('runs from the bundle copied as `npm run build` copies it, worker threads included, with the sources\' answers', async () => {
    const into = join(tmp.dir, 'out', 'cli');
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), '--into', into], { cwd: ROOT, stdio: 'pipe' });
    expect(existsSync(join(into, 'main.mjs')) && existsSync(join(into, 'worker.mjs'))).toBe(true);
    expect(cliBundleDir(join(tmp.dir, 'out', 'main'))).toBe(into);
    const args = ['run', scenario('blank-trust.momentum'), '--replications', '24', '--workers', '2', '--json'];
    const bundled = capture();
    expect(await runCli(args, () => import(pathToFileURL(join(into, 'main.mjs')).href) as Promise<{ main: CliMain }>, bundled)).toBe(0);
    const sources = capture();
    expect(await runCli(args, fromSources, sources)).toBe(0);
    expect(JSON.parse(bundled.out())).toEqual(JSON.parse(sources.out()));
  }, 120_000);
});

describe('the app with --cli never opens its arguments as documents', () => {
  it('documentPathsInArgv finds no document in a --cli command line', () => {
    expect(documentPathsInArgv(['Momentum', '--cli', 'validate', 'a.momentum'], '/home/a', true)).toEqual([]);
  });
});
