/**
 * The import graph of the source (docs/ARCHITECTURE, Layers): no cycles, no engine file going back
 * through an engine index, outside code entering the engine only through its index files ("doors"),
 * and the core door free of zod.
 *
 * Which imports count: the door rules are about which files code may name, and cycles about which
 * files depend on which, so every import counts there, `import type` too (as for ESLint's
 * no-restricted-imports): a type-only cycle still ties its files together for a reader and for the
 * compiler. Zod is about what loading a file loads, so there only imports that survive compilation
 * count: `import type` and `export type` are erased (verbatimModuleSyntax), while `import { type X }`
 * still loads its module.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const SOURCE_DIRS = ['engine', 'renderer/src', 'cli', 'electron', 'scripts', 'bench'];
const OUTSIDE_ENGINE = ['renderer/', 'cli/', 'electron/', 'scripts/', 'bench/'];
const CODE = /\.(ts|tsx|mjs)$/;
const RESOLVE_EXTENSIONS = ['', '.ts', '.tsx', '.mjs', '.js', '/index.ts', '/index.tsx', '/index.mjs'];

/** Every source file, as a path relative to the root with forward slashes. */
function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (CODE.test(name) && !name.endsWith('.d.ts')) out.push(rel(path));
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(root, dir))) walk(join(root, dir));
  return out.sort();
}

function rel(path: string): string {
  return relative(root, path).split(sep).join('/');
}

/** The file a relative specifier names (data files such as .json included), or undefined for a package. */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(root, dirname(from), specifier.replace(/\.js$/, ''));
  for (const ext of RESOLVE_EXTENSIONS) {
    const candidate = base + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return rel(candidate);
  }
  const raw = resolve(root, dirname(from), specifier);
  return existsSync(raw) && statSync(raw).isFile() ? rel(raw) : undefined;
}

interface Import {
  readonly specifier: string;
  /** `import type` or `export type`: erased from the emitted code, so it loads nothing. */
  readonly typeOnly: boolean;
}

/** The imports of one file: import and export-from declarations, `import x = require()` and `import()`. */
function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, false);
  const out: Import[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push({ specifier: node.moduleSpecifier.text, typeOnly: node.importClause?.isTypeOnly ?? false });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      out.push({ specifier: node.moduleReference.expression.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      out.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      out.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

interface Graph {
  /** Each file's resolved imports (files of the repository only), type-only ones included. */
  readonly edges: ReadonlyMap<string, readonly string[]>;
  /** The same without type-only imports: what loading the file loads. */
  readonly runtime: ReadonlyMap<string, readonly string[]>;
  /** Each file's package imports that load at run time (bare specifiers such as 'zod'). */
  readonly packages: ReadonlyMap<string, readonly string[]>;
}

function buildGraph(files: readonly string[]): Graph {
  const edges = new Map<string, string[]>();
  const runtime = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  for (const file of files) {
    const imports = importsOf(file);
    const loaded = imports.filter((i) => !i.typeOnly);
    const resolved = (list: readonly Import[]): string[] =>
      [...new Set(list.map((i) => resolveSpecifier(file, i.specifier)).filter((f): f is string => f !== undefined))];
    edges.set(file, resolved(imports));
    runtime.set(file, resolved(loaded));
    packages.set(file, loaded.map((i) => i.specifier).filter((s) => !s.startsWith('.')));
  }
  return { edges, runtime, packages };
}

/** The cycles of the graph (one per strongly connected component of two or more files, or a self-import). */
function findCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (v: string): void => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!edges.has(w)) continue;
      if (!indices.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!indices.has(v)) connect(v);
  return cycles;
}

/** Every file reachable from `start` (itself included). */
function reachable(edges: ReadonlyMap<string, readonly string[]>, start: string): Set<string> {
  const seen = new Set<string>([start]);
  const todo = [start];
  while (todo.length > 0) {
    for (const next of edges.get(todo.pop()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        todo.push(next);
      }
    }
  }
  return seen;
}

const isEngine = (file: string): boolean => file.startsWith('engine/');
const isIndex = (file: string): boolean => /(^|\/)index\.(ts|tsx|mjs)$/.test(file);
const isEngineCode = (file: string): boolean => isEngine(file) && CODE.test(file);
const folderOf = (file: string): string => dirname(file);

/**
 * An engine file may import an engine index only when it is itself an index and the other index is
 * one of its sub-folders' (a door that gathers smaller doors). Anything else goes back through a door
 * of its own package or an ancestor's, which makes the cycles this test forbids.
 */
function badEngineIndexImport(from: string, to: string): boolean {
  if (!isEngine(from) || !isEngineCode(to) || !isIndex(to)) return false;
  return !(isIndex(from) && folderOf(to).startsWith(`${folderOf(from)}/`));
}

const files = sourceFiles();
const graph = buildGraph(files);

describe('import graph (ARCHITECTURE.md, Layers)', () => {
  it('finds the source files and their imports', () => {
    expect(files).toContain('engine/index.ts');
    expect(files).toContain('cli/main.ts');
    expect(graph.edges.get('engine/core/index.ts')).toContain('engine/types.ts');
  });

  it('has no import cycles, type-only imports included', () => {
    const cycles = findCycles(graph.edges);
    expect(cycles.map((c) => `cycle: ${c.join(' -> ')}`), 'files that import each other (directly or round a loop)').toEqual([]);
  });

  it('has no engine file importing an engine index of its own package or an enclosing one', () => {
    const bad = files.flatMap((from) => (graph.edges.get(from) ?? []).filter((to) => badEngineIndexImport(from, to)).map((to) => `${from} imports ${to}`));
    expect(bad).toEqual([]);
  });

  it('lets code outside engine/ import the engine only through its index files', () => {
    const bad = files
      .filter((from) => OUTSIDE_ENGINE.some((dir) => from.startsWith(dir)))
      .flatMap((from) => (graph.edges.get(from) ?? []).filter((to) => isEngineCode(to) && !isIndex(to)).map((to) => `${from} imports ${to}`));
    expect(bad).toEqual([]);
  });

  it('keeps the core door (engine/core/index.ts) free of zod', () => {
    const reach = reachable(graph.runtime, 'engine/core/index.ts');
    expect(reach.size).toBeGreaterThan(5);
    const withZod = [...reach].filter((f) => (graph.packages.get(f) ?? []).some((p) => p === 'zod' || p.startsWith('zod/')));
    expect(withZod).toEqual([]);
  });

  it('detects a cycle and a door crossing when there is one', () => {
    expect(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
    // The cycle test sees type-only imports: the store's types import each slice's state type-only.
    expect(graph.edges.get('renderer/src/store/app-state.ts')).toContain('renderer/src/store/ui/ui-state.ts');
    expect(graph.runtime.get('renderer/src/store/app-state.ts')).not.toContain('renderer/src/store/ui/ui-state.ts');
    expect(badEngineIndexImport('engine/scenario/parse.ts', 'engine/index.ts')).toBe(true);
    expect(badEngineIndexImport('engine/scenario/index.ts', 'engine/index.ts')).toBe(true);
    expect(badEngineIndexImport('engine/montecarlo.ts', 'engine/scenario/index.ts')).toBe(true);
    expect(badEngineIndexImport('engine/index.ts', 'engine/scenario/index.ts')).toBe(false);
    expect(badEngineIndexImport('engine/scenario/parse.ts', 'engine/levers.ts')).toBe(false);
  });
});
