// Every `npx momentum …` command in README.md's code blocks, read from the README itself and run
// as written (in a shell, so globs expand) from a folder laid out like a fresh clone. Only the
// replication counts are cut, to keep the test fast; the commands run in README order, because
// later ones read the run file an earlier one saved.
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../cli/helpers';

/** Return the shell commands in a Markdown text's fenced `sh` blocks, continuation lines joined. */
export function readmeCommands(markdown: string): string[] {
  const commands: string[] = [];
  for (const block of markdown.matchAll(/^```(?:sh|bash|shell)\n([\s\S]*?)^```/gm)) {
    const joined = block[1]!.replace(/\\\n\s*/g, '');
    for (const line of joined.split('\n')) {
      const command = line.replace(/\s+#.*$/, '').trim();
      if (command !== '') commands.push(command);
    }
  }
  return commands;
}

/** Run one shell command line in `cwd`; resolve with its exit code and output. */
function sh(command: string, cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn('/bin/sh', ['-c', command], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, output }));
  });
}

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const CLI_COMMANDS = readmeCommands(README).filter((c) => c.startsWith('npx momentum '));

describe('readmeCommands', () => {
  it('joins continuation lines and drops trailing comments', () => {
    expect(readmeCommands('text\n```sh\na --x \\\n  --y 1\nb run.json   # a note\n```\n```json\n{}\n```\n')).toEqual(['a --x --y 1', 'b run.json']);
  });
});

describe('the command line examples in README.md', () => {
  const clone = mkdtempSync(join(tmpdir(), 'momentum-readme-'));
  // A fresh clone's layout for what the commands read; what they write lands here too.
  symlinkSync(join(ROOT, 'scenarios'), join(clone, 'scenarios'), 'dir');
  afterAll(() => rmSync(clone, { recursive: true, force: true }));

  it('are found in the README', () => {
    expect(CLI_COMMANDS.length).toBeGreaterThanOrEqual(10);
    expect(CLI_COMMANDS.some((c) => c.startsWith('npx momentum validate '))).toBe(true);
  });

  it('each exit 0 when run as written', { timeout: 240_000 }, async () => {
    const failures: string[] = [];
    for (const command of CLI_COMMANDS) {
      const line = command.replace(/^npx momentum /, `"${process.execPath}" "${BIN}" `).replace(/--replications \d+/g, '--replications 4');
      const r = await sh(line, clone);
      if (r.code !== 0) failures.push(`${command}\n  exit ${r.code}: ${r.output.trim().split('\n').slice(0, 5).join('\n  ')}`);
    }
    expect(failures).toEqual([]);
  });
});
