// When standard output fails: `> /dev/full` is exit code 3 with one line and no stack trace; a pipe
// closed early (`| head`) ends the command quietly (issue 21).
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { BIN, ROOT, momentum, scenario, tempDir } from './helpers';

/** Run `momentum ...args` with stdout on the given descriptor or a pipe that is closed after its first bytes. */
function runWithStdout(args: readonly string[], stdout: number | 'close-early'): Promise<{ code: number; stderr: string; got: number }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', stdout === 'close-early' ? 'pipe' : stdout, 'pipe'] });
    let stderr = '';
    let got = 0;
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout?.once('data', (d: Buffer) => {
      got = d.length;
      child.stdout!.destroy();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stderr, got }));
  });
}

describe('momentum when standard output fails', () => {
  it('`run --json > /dev/full` exits 3 with a single line naming the reason, no stack trace', async (ctx) => {
    if (!existsSync('/dev/full')) return ctx.skip('no /dev/full on this platform');
    const fd = openSync('/dev/full', 'w');
    try {
      const r = await runWithStdout(['run', scenario('blank-trust.momentum'), '--json'], fd);
      expect(r.code).toBe(3);
      expect(r.stderr).toBe('momentum: cannot write to standard output: disk full; the output is incomplete.\n');
    } finally {
      closeSync(fd);
    }
  });

  it('a pipe closed after the first bytes (as `| head` does) ends the command quietly', async () => {
    // 130 KB of JSON: more than a pipe holds, so the command is still writing when the reader goes.
    const r = await runWithStdout(['export', scenario('blank-trust.momentum'), '--format', 'json'], 'close-early');
    expect(r.got).toBeGreaterThan(0);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('momentum never prints raw control bytes from a file', () => {
  it('a title with ESC sequences is refused, and the problem line shows it escaped', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, 'hostile.json');
      const doc = JSON.parse(readFileSync(scenario('blank-trust.momentum'), 'utf8')) as { title: string };
      doc.title = 'Plan\u001b]0;owned\u0007\u001b[2J\u202E';
      writeFileSync(file, JSON.stringify(doc));
      for (const args of [['validate', file], ['run', file]]) {
        const r = await momentum(args);
        expect(r.code).toBe(1);
        const out = r.stdout + r.stderr;
        expect(out).toContain('title: must not contain control characters');
        expect([...out].filter((c) => c !== '\n' && c !== '\t' && (c < ' ' || (c >= '\u007f' && c <= '\u009f') || (c >= '\u202a' && c <= '\u202e')))).toEqual([]);
        expect(out).toContain('\\u001b]0;owned\\u0007');
      }
    } finally {
      cleanup();
    }
  });
});
