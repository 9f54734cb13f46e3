// Documents the operating system asks Momentum to open: a double-click on a .momentum or
// .momentum-run file, "Open with", a file dropped on the icon. macOS sends `open-file` events;
// Windows and Linux start the app (or a second instance, which hands its argv to the first) with
// the paths on the command line. Plain Node: tested without Electron.
import { isAbsolute, resolve } from 'node:path';
import { documentKindOfName, isRunFileData, LEGACY_DOCUMENT_EXTENSION } from '../../engine';
import type { DocumentKind, FileResult, MenuCommand, OpenedFile } from '../contract/ipc';
import { cliArgsIn } from './cli-mode';

/**
 * Return the document paths in a command line, made absolute against `cwd`: the arguments after
 * the executable (and, unpackaged, after the app folder Electron was given) that are not switches
 * and name a `.momentum`, `.momentum-run` or `.json` file.
 */
export function documentPathsInArgv(argv: readonly string[], cwd: string, isPackaged: boolean): string[] {
  // `Momentum --cli validate plan.momentum` names files for the command line, not for a window.
  if (cliArgsIn(argv, isPackaged) !== null) return [];
  const args = argv.slice(isPackaged ? 1 : 2);
  return args
    .filter((a) => !a.startsWith('-') && (documentKindOfName(a) !== null || a.toLowerCase().endsWith(LEGACY_DOCUMENT_EXTENSION)))
    .map((a) => (isAbsolute(a) ? a : resolve(cwd, a)));
}

/** Return the kind of a document from its name, or for `.json` from its content (a run says so). */
export function documentKindOf(path: string, text: string | null): DocumentKind {
  const byName = documentKindOfName(path);
  if (byName) return byName;
  if (text === null) return 'scenario';
  try {
    return isRunFileData(JSON.parse(text)) ? 'run' : 'scenario';
  } catch {
    return 'scenario';
  }
}

/** What {@link OsOpenRequests} works with; the Electron glue passes the file service, `app` and the window. */
export interface OsOpenDeps {
  /** Tell a run from a scenario by a `.json` file's content ({@link documentKindOf}, off the main thread in the app). */
  kindOfJson(path: string): Promise<DocumentKind>;
  /** Open and validate, as Ctrl+O does (FileService.openPath): the file gets a grant and a recent-list entry. */
  open(path: string, kind: DocumentKind): Promise<FileResult<OpenedFile>>;
  /** Tell the OS the file was opened (its recent documents, the dock and jump list). */
  addRecentDocument(path: string): void;
  /** Send the renderer a command. */
  send(command: MenuCommand): void;
  /** Show why a file did not open. */
  report(message: string): void;
}

/**
 * Paths the OS asked to open, held until the renderer says it listens for commands, then opened
 * one by one through the file service. Only files that opened reach the OS's recent documents.
 */
export class OsOpenRequests {
  private ready = false;
  private readonly pending: string[] = [];
  private chain: Promise<void> = Promise.resolve();

  /** Build the queue from its dependencies. */
  constructor(private readonly deps: OsOpenDeps) {}

  /** Ask to open some paths: now if the renderer is ready, else once it is. Resolves when handled. */
  request(paths: readonly string[]): Promise<void> {
    if (!this.ready) {
      this.pending.push(...paths);
      return this.chain;
    }
    return this.enqueue(paths);
  }

  /** The renderer listens for commands: open what was asked for before. Later calls do nothing more. */
  setReady(): Promise<void> {
    if (this.ready) return this.chain;
    this.ready = true;
    return this.enqueue(this.pending.splice(0));
  }

  private enqueue(paths: readonly string[]): Promise<void> {
    this.chain = this.chain.then(async () => {
      for (const path of paths) await this.openOne(path);
    });
    return this.chain;
  }

  private async openOne(path: string): Promise<void> {
    const kind = documentKindOfName(path) ?? (await this.deps.kindOfJson(path).catch((): DocumentKind => 'scenario'));
    const result = await this.deps.open(path, kind).catch((e: unknown): FileResult<OpenedFile> => ({ ok: false, cancelled: false, error: { code: 'unreadable', message: `${path} could not be opened (${(e as Error).message}).` } }));
    if (result.ok) {
      this.deps.addRecentDocument(path);
      this.deps.send({ type: 'file.open-granted', id: result.value.id, kind });
    } else if (!result.cancelled) {
      this.deps.report(result.error.message);
    }
  }
}
