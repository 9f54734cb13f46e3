/**
 * Argument parsing for the `momentum` commands: a small declarative parser so every command
 * rejects unknown options the same way, with the same exit code and a suggestion.
 */
import { closeMatches } from './suggest';

/** The kind of value an option takes. */
export type OptionKind = 'flag' | 'string' | 'int' | 'list';

/** One option a command accepts. */
export interface OptionSpec {
  readonly name: string;
  readonly kind: OptionKind;
  /** Placeholder shown in help, e.g. `N`. */
  readonly value?: string;
  readonly help: string;
  /** For `int`: the smallest accepted value. */
  readonly min?: number;
  /** For `int`: the largest accepted value. */
  readonly max?: number;
}

/** A command's declared interface, used for parsing and for its `--help` text. */
export interface CommandSpec {
  readonly name: string;
  /** Positional arguments as shown in usage, e.g. `FILE...`. */
  readonly positional: string;
  readonly minPositional: number;
  readonly maxPositional: number;
  readonly summary: string;
  /** Extra paragraphs for `--help`. */
  readonly details?: string;
  readonly options: readonly OptionSpec[];
}

/** Parsed arguments of one command. */
export interface ParsedArgs {
  readonly positional: readonly string[];
  readonly flags: ReadonlySet<string>;
  readonly strings: ReadonlyMap<string, string>;
  readonly ints: ReadonlyMap<string, number>;
  readonly lists: ReadonlyMap<string, readonly string[]>;
  readonly help: boolean;
}

/** A problem with how a command was called (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A problem with a file or a value the user supplied (exit code 1). */
export class InputError extends Error {
  override readonly name = 'InputError';
}

const INT_PATTERN = /^-?\d+$/;

/** Parse argv for one command; throw UsageError with a suggestion on anything unexpected. */
export function parseArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Set<string>();
  const strings = new Map<string, string>();
  const ints = new Map<string, number>();
  const lists = new Map<string, string[]>();
  let help = false;
  let onlyPositional = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPositional || !arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositional = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 && arg.startsWith('--') ? arg.slice(2, eq) : arg.replace(/^--?/, '');
    const option = spec.options.find((o) => o.name === name);
    if (!option) {
      const names = spec.options.map((o) => o.name);
      const near = closeMatches(name, names);
      const hint = near.length > 0 ? ` Did you mean ${near.map((n) => `--${n}`).join(' or ')}?` : '';
      throw new UsageError(`unknown option '${arg}' for 'momentum ${spec.name}'.${hint} Run 'momentum ${spec.name} --help'.`);
    }
    if (option.kind === 'flag') {
      if (eq > 0 && arg.startsWith('--')) throw new UsageError(`option --${name} takes no value.`);
      flags.add(name);
      continue;
    }
    let value: string;
    if (eq > 0 && arg.startsWith('--')) {
      value = arg.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError(`option --${name} needs a value (${option.value ?? 'VALUE'}).`);
      value = next;
      i++;
    }
    if (option.kind === 'list') {
      const list = lists.get(name) ?? [];
      list.push(value);
      lists.set(name, list);
    } else if (option.kind === 'int') {
      if (!INT_PATTERN.test(value.trim())) throw new UsageError(`option --${name} needs a whole number, got '${value}'.`);
      const n = Number(value);
      if (!Number.isSafeInteger(n)) throw new UsageError(`option --${name} is out of range: '${value}'.`);
      if (option.min !== undefined && n < option.min) throw new UsageError(`option --${name} must be at least ${option.min}, got ${n}.`);
      if (option.max !== undefined && n > option.max) throw new UsageError(`option --${name} must be at most ${option.max}, got ${n}.`);
      ints.set(name, n);
    } else {
      if (strings.has(name)) throw new UsageError(`option --${name} given more than once.`);
      strings.set(name, value);
    }
  }

  if (!help) {
    if (positional.length < spec.minPositional) {
      throw new UsageError(`'momentum ${spec.name}' needs ${spec.positional}. Usage: ${usageLine(spec)}`);
    }
    if (positional.length > spec.maxPositional) {
      throw new UsageError(`'momentum ${spec.name}' takes ${spec.positional}; unexpected '${positional[spec.maxPositional]}'. Usage: ${usageLine(spec)}`);
    }
  }
  return { positional, flags, strings, ints, lists, help };
}

/** Return the one-line usage of a command. */
export function usageLine(spec: CommandSpec): string {
  const opts = spec.options.map((o) => {
    const body = o.kind === 'flag' ? `--${o.name}` : `--${o.name} ${o.value ?? 'VALUE'}`;
    return o.kind === 'list' ? `[${body} ...]` : `[${body}]`;
  });
  return ['momentum', spec.name, spec.positional, ...opts].filter((s) => s.length > 0).join(' ');
}

/** Return the full `--help` text of a command. */
export function helpText(spec: CommandSpec): string {
  const width = Math.max(...spec.options.map((o) => optionLabel(o).length), '--help'.length) + 2;
  const lines = [`Usage: ${usageLine(spec)}`, '', spec.summary];
  if (spec.details) lines.push('', spec.details);
  lines.push('', 'Options:');
  for (const o of spec.options) lines.push(`  ${optionLabel(o).padEnd(width)}${o.help}`);
  lines.push(`  ${'--help, -h'.padEnd(width)}show this help`);
  return `${lines.join('\n')}\n`;
}

function optionLabel(o: OptionSpec): string {
  return o.kind === 'flag' ? `--${o.name}` : `--${o.name} ${o.value ?? 'VALUE'}`;
}
