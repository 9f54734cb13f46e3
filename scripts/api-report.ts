/**
 * Write engine/api-report.md: every name each engine door exports (engine/index.ts and every
 * engine/**\/index.ts), with its kind and type as the TypeScript checker prints them, so that a change
 * to the engine's public surface shows in review.
 * `npm run api-report` regenerates it; `npm run api-report -- --check` exits 1 when the committed file
 * is out of date (tests/architecture/api-report.test.ts makes the same check in `npm test`).
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { writeOrCheck } from './generated-file';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where the generated report lives. */
export const REPORT_FILE = join(ROOT, 'engine/api-report.md');

// No truncation, so that a change deep inside a type still changes the report; single quotes as in the source.
const FORMAT = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType;

/** Return the engine's doors: engine/index.ts and the index.ts of every engine folder, as sorted root-relative paths. */
export function engineDoors(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'index.ts') out.push(path);
    }
  };
  walk('engine');
  return out.sort(compare);
}

/** Order strings by UTF-16 code units, the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Return a program over the engine with its own compiler settings. */
function engineProgram(): ts.Program {
  const configPath = join(ROOT, 'engine/tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error('Cannot read engine/tsconfig.json.');
  // Stable type ordering prints a union's members in the same order whatever was checked first.
  const options: ts.CompilerOptions = { ...parsed.options, noEmit: true, composite: false, declaration: false, emitDeclarationOnly: false, stableTypeOrdering: true };
  return ts.createProgram(parsed.fileNames, options);
}

/** Collapse runs of white space to one space (type parameter text taken from the source). */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Return `<T, U extends X>` for declarations with type parameters, or ''. */
function typeParameters(decl: ts.Declaration): string {
  const params = ts.getEffectiveTypeParameterDeclarations(decl as ts.DeclarationWithTypeParameters);
  return params.length > 0 ? `<${params.map((p) => oneLine(p.getText())).join(', ')}>` : '';
}

/** Return the lines describing the members of an object type (an interface or a class instance), indented. */
function members(checker: ts.TypeChecker, type: ts.Type, at: ts.Node | undefined): string[] {
  const out: string[] = [];
  for (const sig of checker.getSignaturesOfType(type, ts.SignatureKind.Call)) out.push(`  ${checker.signatureToString(sig, at, FORMAT)};`);
  for (const sig of checker.getSignaturesOfType(type, ts.SignatureKind.Construct)) out.push(`  new ${checker.signatureToString(sig, at, FORMAT)};`);
  for (const info of checker.getIndexInfosOfType(type)) {
    out.push(`  ${info.isReadonly ? 'readonly ' : ''}[key: ${checker.typeToString(info.keyType, at, FORMAT)}]: ${checker.typeToString(info.type, at, FORMAT)};`);
  }
  for (const prop of checker.getPropertiesOfType(type)) {
    const decl = prop.valueDeclaration ?? prop.declarations?.[0];
    const optional = prop.flags & ts.SymbolFlags.Optional ? '?' : '';
    if (decl && (ts.isMethodSignature(decl) || ts.isMethodDeclaration(decl))) {
      const propType = checker.getTypeOfSymbolAtLocation(prop, decl);
      for (const sig of checker.getSignaturesOfType(propType, ts.SignatureKind.Call)) out.push(`  ${prop.name}${optional}${checker.signatureToString(sig, at, FORMAT)};`);
      continue;
    }
    const readonly = decl && ts.getCombinedModifierFlags(decl) & ts.ModifierFlags.Readonly ? 'readonly ' : '';
    // The declared type, not the type read through `?`, which would add `| undefined` to every optional member.
    const typeNode = decl && (ts.isPropertySignature(decl) || ts.isPropertyDeclaration(decl)) ? decl.type : undefined;
    const propType = typeNode ? checker.getTypeFromTypeNode(typeNode) : checker.getTypeOfSymbol(prop);
    out.push(`  ${readonly}${prop.name}${optional}: ${checker.typeToString(propType, at, FORMAT)};`);
  }
  return out;
}

/** Return the report's lines for one exported name: one entry per meaning (a value and a type may share a name). */
function describe(checker: ts.TypeChecker, name: string, exported: ts.Symbol, at: ts.Node | undefined): string[] {
  const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const decls = symbol.declarations ?? [];
  const out: string[] = [];
  if (symbol.flags & ts.SymbolFlags.Function) {
    const type = checker.getTypeOfSymbol(symbol);
    for (const sig of checker.getSignaturesOfType(type, ts.SignatureKind.Call)) out.push(`function ${name}${checker.signatureToString(sig, at, FORMAT)};`);
  }
  if (symbol.flags & ts.SymbolFlags.Variable) {
    const decl = decls.find(ts.isVariableDeclaration);
    const keyword = decl && ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const ? 'const' : 'let';
    out.push(`${keyword} ${name}: ${checker.typeToString(checker.getTypeOfSymbol(symbol), at, FORMAT)};`);
  }
  if (symbol.flags & ts.SymbolFlags.Class) {
    const decl = decls.find(ts.isClassDeclaration)!;
    const staticType = checker.getTypeOfSymbol(symbol);
    const ctors = checker.getSignaturesOfType(staticType, ts.SignatureKind.Construct).map((sig) => `  constructor${checker.signatureToString(sig, at, FORMAT).replace(/: [^:]*$/, '')};`);
    out.push(`class ${name}${typeParameters(decl)} {`, ...ctors, ...members(checker, checker.getDeclaredTypeOfSymbol(symbol), at), '}');
  }
  if (symbol.flags & ts.SymbolFlags.Interface) {
    const decl = decls.find(ts.isInterfaceDeclaration)!;
    out.push(`interface ${name}${typeParameters(decl)} {`, ...members(checker, checker.getDeclaredTypeOfSymbol(symbol), at), '}');
  }
  if (symbol.flags & ts.SymbolFlags.TypeAlias) {
    const decl = decls.find(ts.isTypeAliasDeclaration)!;
    const type = checker.getTypeFromTypeNode(decl.type);
    out.push(`type ${name}${typeParameters(decl)} = ${checker.typeToString(type, at, FORMAT | ts.TypeFormatFlags.InTypeAlias)};`);
  }
  if (symbol.flags & ts.SymbolFlags.Enum) {
    const values = checker.getExportsOfModule(symbol).map((m) => `  ${m.name} = ${JSON.stringify(checker.getConstantValue(m.valueDeclaration as ts.EnumMember))},`);
    out.push(`enum ${name} {`, ...values, '}');
  }
  if (symbol.flags & ts.SymbolFlags.Module) {
    out.push(`namespace ${name} { ${checker.getExportsOfModule(symbol).map((m) => m.name).sort(compare).join(', ')} }`);
  }
  if (out.length === 0) throw new Error(`Cannot describe the export '${name}' (symbol flags ${symbol.flags}).`);
  return out;
}

/** Return the text the report file should hold. */
export function reportText(): string {
  const program = engineProgram();
  const checker = program.getTypeChecker();
  const doors = engineDoors();
  const exportsOf = new Map<string, ts.Symbol[]>();
  for (const door of doors) {
    const file = program.getSourceFile(join(ROOT, door));
    if (!file) throw new Error(`${door} is not part of the engine's program (engine/tsconfig.json).`);
    const module = checker.getSymbolAtLocation(file);
    exportsOf.set(door, module ? [...checker.getExportsOfModule(module)].sort((a, b) => compare(a.name, b.name)) : []);
  }
  const resolved = (s: ts.Symbol): ts.Symbol => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  const sections = doors.map((door) => {
    const exports = exportsOf.get(door)!;
    // A door that gathers the doors of its folders (engine/index.ts) names what they export and describes
    // only the rest, so that each signature is written once per door that owns it.
    const folder = door.slice(0, -'index.ts'.length);
    const subDoors = doors.filter((d) => d !== door && d.startsWith(folder));
    const gathered = new Map<string, string[]>();
    const own: ts.Symbol[] = [];
    for (const s of exports) {
      const target = resolved(s);
      const from = subDoors.find((d) => exportsOf.get(d)!.some((e) => e.name === s.name && resolved(e) === target));
      if (from) gathered.set(from, [...(gathered.get(from) ?? []), s.name]);
      else own.push(s);
    }
    const listed = [...gathered].sort(([a], [b]) => compare(a, b)).map(([from, names]) => `- from \`${from}\`: ${names.join(', ')}.\n`).join('');
    const also = listed ? `Names described under the door that exports them:\n\n${listed}\n` : '';
    const entries = own.map((s) => describe(checker, s.name, s, undefined).join('\n'));
    return `## ${door}\n\n${exports.length} names.\n\n${also}\`\`\`ts\n${entries.join('\n\n')}\n\`\`\`\n`;
  });
  const where = (path: string) => relative(ROOT, path).split(sep).join('/');
  return `<!-- Generated by \`npm run api-report\` (scripts/api-report.ts): do not edit by hand. -->
# The engine's public surface

Every name that each door of the engine exports, with its type as the TypeScript checker prints it.
Code outside \`engine/\` imports only these files (docs/ARCHITECTURE.md). A change here is a change to
what the app, the command line and the scripts can use: review it as such. \`${where(REPORT_FILE)}\` is
regenerated by \`npm run api-report\`; a test fails when it is out of date.

Doors: ${doors.map((d) => `\`${d}\``).join(', ')}.

${sections.join('\n')}`;
}

function main(): void {
  writeOrCheck([{ path: REPORT_FILE, name: 'engine/api-report.md', text: reportText() }], 'npm run api-report');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
