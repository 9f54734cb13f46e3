/**
 * Momentum's own file types. A scenario is a `.momentum` file and a saved run a `.momentum-run`
 * file; inside, both stay the JSON their schemas describe. Files named `.json` (everything saved
 * before the types had names of their own) still open.
 */

/** The kinds of document Momentum saves. */
export type DocumentFileKind = 'scenario' | 'run';

/** The extension each kind of document is saved with. */
export const DOCUMENT_EXTENSIONS: Readonly<Record<DocumentFileKind, string>> = { scenario: '.momentum', run: '.momentum-run' };

/** The extension documents had before they had their own; still opened, never offered for saving. */
export const LEGACY_DOCUMENT_EXTENSION = '.json';

/** Every extension a kind of document is opened from, its own first (without dots, as dialog filters want them). */
export function openableExtensions(kind: DocumentFileKind): string[] {
  return [DOCUMENT_EXTENSIONS[kind].slice(1), LEGACY_DOCUMENT_EXTENSION.slice(1)];
}

/** Return the kind a file name's own extension says (case ignored), or null for `.json` and anything else. */
export function documentKindOfName(name: string): DocumentFileKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith(DOCUMENT_EXTENSIONS.run)) return 'run';
  if (lower.endsWith(DOCUMENT_EXTENSIONS.scenario)) return 'scenario';
  return null;
}

/**
 * Return a file name for saving a document of `kind`: a document extension or `.json` (and the
 * older `.run.json` of runs) is replaced by the kind's own, which is added when missing.
 */
export function withDocumentExtension(name: string, kind: DocumentFileKind): string {
  const stem = name.replace(/(\.run)?\.json$|\.momentum(-run)?$/i, '');
  return `${stem}${DOCUMENT_EXTENSIONS[kind]}`;
}
