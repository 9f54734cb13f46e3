import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const fixture = readFileSync(join(import.meta.dirname, 'fixtures/engine-forbidden.ts'), 'utf8');

async function lintAs(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer rules (ARCHITECTURE.md, Layers)', () => {
  it('rejects Node, zustand, Math.random, Date.now, new Date and document in engine/', async () => {
    const messages = await lintAs('engine/forbidden.ts', fixture);
    expect(messages.filter((m) => m.startsWith('no-restricted-imports'))).toHaveLength(2);
    expect(messages.some((m) => m.includes('seeded generator'))).toBe(true);
    expect(messages.filter((m) => m.includes('no clock'))).toHaveLength(2);
    expect(messages.some((m) => m.startsWith('no-restricted-globals') && m.includes('DOM'))).toBe(true);
  });

  it('accepts the same file outside engine/ only for what that layer allows', async () => {
    const messages = await lintAs('cli/allowed.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n");
    expect(messages).toEqual([]);
  });

  it('lets the command line and the main process share node-shared/, which imports only Node', async () => {
    const use = "import { writeFileAtomic } from '../node-shared/atomic-write';\nexport const w = writeFileAtomic;\n";
    expect(await lintAs('cli/uses-shared.ts', use)).toEqual([]);
    expect(await lintAs('electron/main/uses-shared.ts', use.replace('../', '../../'))).toEqual([]);
    expect(await lintAs('node-shared/ok.ts', "import { open } from 'node:fs/promises';\nexport const o = open;\n")).toEqual([]);
    expect((await lintAs('node-shared/bad.ts', "import { InputError } from '../cli/args';\nexport const e = InputError;\n")).join()).toContain('node-shared/ imports only Node');
  });

  it('rejects node: and electron imports in renderer/', async () => {
    const messages = await lintAs('renderer/src/bad.ts', "import { readFileSync } from 'node:fs';\nimport { shell } from 'electron';\nexport const x = [readFileSync, shell];\n");
    expect(messages).toHaveLength(2);
  });

  it('lets renderer/ import only types from the IPC contract', async () => {
    const ok = await lintAs('renderer/src/ok.ts', "import type { IpcChannels } from '../../electron/contract/ipc';\nexport type X = IpcChannels;\n");
    expect(ok).toEqual([]);
    const bad = await lintAs('renderer/src/bad.ts', "import { registerIpc } from '../../electron/main/ipc';\nexport const x = registerIpc;\n");
    expect(bad.length).toBeGreaterThan(0);
  });

  it('keeps ipcRenderer in the preload and ipcMain in the main process', async () => {
    const inMain = await lintAs('electron/main/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n");
    expect(inMain.join()).toContain('ipcRenderer belongs to electron/preload');
    const inPreload = await lintAs('electron/preload/x.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n");
    expect(inPreload.join()).toContain('ipcMain belongs to electron/main');
  });

  it('fails to compile a DOM reference with the engine compiler settings (lib ES2022, no types)', () => {
    const config = ts.readConfigFile(join(root, 'engine/tsconfig.json'), ts.sys.readFile).config as { compilerOptions: object };
    const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, join(root, 'engine'));
    const file = join(root, 'engine/__dom_probe__.ts');
    const host = ts.createCompilerHost({ ...options, noEmit: true, composite: false, declaration: false, emitDeclarationOnly: false });
    const readFile = host.readFile.bind(host);
    host.readFile = (f) => (f === file ? 'export const t: string = document.title;\n' : readFile(f));
    host.fileExists = ((exists) => (f: string) => f === file || exists(f))(host.fileExists.bind(host));
    const program = ts.createProgram([file], { ...options, noEmit: true, composite: false, declaration: false, emitDeclarationOnly: false }, host);
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics.some((d) => d.includes("Cannot find name 'document'"))).toBe(true);
  });
});
