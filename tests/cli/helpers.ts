/** Helpers that drive the real `momentum` command line in a child process. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** The command's entry point. */
export const BIN = join(ROOT, 'cli/bin/momentum.mjs');

/** What one invocation printed and how it ended. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `momentum ...args` (stderr not a terminal; `input`, if given, on its stdin) and collect its output. */
export function momentum(args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env: { ...process.env, ...opts.env }, stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    if (opts.input !== undefined) child.stdin!.end(opts.input);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

/** The prepared scenario files (scenarios/ holds nothing else). */
export function scenarioFiles(): string[] {
  return readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.momentum'))
    .sort()
    .map((f) => join(ROOT, 'scenarios', f));
}

/** A prepared scenario by file name, e.g. `blank-trust.momentum`. */
export function scenario(name: string): string {
  return join(ROOT, 'scenarios', name);
}

/** A fresh temporary folder; call the returned cleanup in afterAll/afterEach. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'momentum-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Return the file names in a folder, to check that nothing (partial or temporary) was left behind. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir).map((f) => basename(f)).sort();
}
