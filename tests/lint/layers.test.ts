import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const fixture = readFileSync(join(import.meta.dirname, 'fixtures/engine-forbidden.ts'), 'utf8');
const modelFixture = readFileSync(join(import.meta.dirname, 'fixtures/model-forbidden.ts'), 'utf8');

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

  it('keeps renderer/src/model pure: only engine/ (through its index) and other model/ files', async () => {
    const bad = await lintAs('renderer/src/model/forbidden.ts', modelFixture);
    expect(bad.filter((m) => m.startsWith('no-restricted-imports') && m.includes('model/'))).toHaveLength(5);
    const ok = await lintAs('renderer/src/model/ok.ts', "import { LEVERS } from '../../../engine';\nimport { formatNumber } from './format';\nexport const x = [LEVERS, formatNumber];\n");
    expect(ok).toEqual([]);
  });

  it('keeps renderer/src/store off views/ and components/', async () => {
    const bad = await lintAs('renderer/src/store/trainer/bad.ts', "import { kpiDeltaRows } from '../../views/compare/compare-tables';\nimport { formatKpi } from '../../components/kpi-meta';\nexport const x = [kpiDeltaRows, formatKpi];\n");
    expect(bad.filter((m) => m.includes('store/ imports model/ and engine/'))).toHaveLength(2);
    const ok = await lintAs('renderer/src/store/trainer/ok.ts', "import { castDraft } from 'immer';\nimport { LEVERS } from '../../../../engine';\nimport { orderReveals } from '../../model/reveal';\nexport const x = [castDraft, LEVERS, orderReveals];\n");
    expect(ok).toEqual([]);
  });

  it('keeps renderer/src/components off views/', async () => {
    const bad = await lintAs('renderer/src/components/bad.tsx', "import { VIEWS } from '../views/registry';\nexport const x = VIEWS;\n");
    expect(bad.join()).toContain('components/ are shared widgets');
    const ok = await lintAs('renderer/src/components/ok.tsx', "import { useAppStore } from '../store';\nimport { formatNumber } from '../model/format';\nexport const x = [useAppStore, formatNumber];\n");
    expect(ok).toEqual([]);
  });

  it('still rejects Node and electron in model/, store/ and components/', async () => {
    const code = "import { readFileSync } from 'node:fs';\nimport { shell } from 'electron';\nexport const x = [readFileSync, shell];\n";
    for (const file of ['renderer/src/model/bad.ts', 'renderer/src/store/bad.ts', 'renderer/src/components/bad.tsx']) {
      const messages = await lintAs(file, code);
      expect(messages.some((m) => m.includes('no Node modules'))).toBe(true);
      expect(messages.some((m) => m.includes('never imports electron'))).toBe(true);
    }
  });

  it('rejects an engine file importing the index of its own, an enclosing or another engine folder', async () => {
    for (const specifier of ['../index', '..', './index', '.', '../scenario']) {
      const messages = await lintAs('engine/scenario/x.ts', `import { LEVERS } from '${specifier}';\nexport const x = LEVERS;\n`);
      expect(messages.join(), specifier).toContain('engine/: import the module you need');
    }
    const subDoor = await lintAs('engine/x.ts', "import { parseScenario } from './scenario';\nexport const x = parseScenario;\n");
    expect(subDoor.join()).toContain('only an index.ts gathers the doors');
    const direct = await lintAs('engine/scenario/x.ts', "import { LEVERS } from '../levers';\nimport { readJson } from './json-text';\nexport const x = [LEVERS, readJson];\n");
    expect(direct).toEqual([]);
    const gathering = await lintAs('engine/index.ts', "export * from './core';\nexport * from './scenario';\n");
    expect(gathering).toEqual([]);
  });

  it('lets code outside engine/ import the engine only through its doors, types too', async () => {
    const cases: [string, string][] = [
      ['cli/x.ts', "import { monteCarlo } from '../engine/montecarlo';\nexport const x = monteCarlo;\n"],
      ['cli/x.ts', "import type { SimInput } from '../engine/types';\nexport type X = SimInput;\n"],
      ['renderer/src/x.ts', "import { ENGINE_VERSION } from '../../engine/version';\nexport const x = ENGINE_VERSION;\n"],
      ['electron/main/x.ts', "import { readJson } from '../../engine/scenario/json-text';\nexport const x = readJson;\n"],
      ['electron/preload/x.ts', "import { ENGINE_VERSION } from '../../engine/version';\nexport const x = ENGINE_VERSION;\n"],
      ['bench/x.ts', "import { BIG_BANG_FIT } from '../engine/golive';\nexport const x = BIG_BANG_FIT;\n"],
      ['scripts/x.ts', "import { runValidation } from '../engine/validation/suite';\nexport const x = runValidation;\n"],
    ];
    for (const [file, code] of cases) {
      const messages = await lintAs(file, code);
      expect(messages.join(), `${file}: ${code}`).toContain('import the engine through a door');
    }
    const doors = await lintAs(
      'cli/x.ts',
      "import { LEVERS } from '../engine';\nimport { monteCarlo } from '../engine/core';\nimport { parseScenario } from '../engine/scenario/index';\nimport { runValidation } from '../engine/validation';\nexport const x = [LEVERS, monteCarlo, parseScenario, runValidation];\n",
    );
    expect(doors).toEqual([]);
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
