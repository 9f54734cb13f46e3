import { createHash, randomUUID } from 'node:crypto';
import type { DocumentKind } from '../../contract/ipc';

/** A file the user granted through a dialog or the recent list. */
export interface Grant {
  readonly id: string;
  readonly path: string;
  readonly kind: DocumentKind;
  /** SHA-256 of the bytes last read from or written to the file, to notice changes made elsewhere. */
  digest: string | null;
}

/** Return the SHA-256 of some bytes, hex. */
export function digestOf(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The files the renderer may read and write, by opaque id. The renderer never names a path:
 * only files the user picked in a native dialog (or from the recent list) get an id, so a
 * compromised page cannot read or overwrite anything else.
 */
export class FileGrants {
  private readonly byId = new Map<string, Grant>();

  /** Create the id generator (tests pass a counter). */
  constructor(
    private readonly newId: () => string = randomUUID,
    private readonly samePath: (a: string, b: string) => boolean = (a, b) => a === b,
  ) {}

  /** Grant a path (or return its existing grant) and return it. */
  grant(path: string, kind: DocumentKind): Grant {
    for (const g of this.byId.values()) if (this.samePath(g.path, path)) return g;
    const g: Grant = { id: this.newId(), path, kind, digest: null };
    this.byId.set(g.id, g);
    return g;
  }

  /** Return a grant by id, or undefined (an id the main process never issued). */
  get(id: string): Grant | undefined {
    return this.byId.get(id);
  }

  /** Return the grant of a path, if any. */
  find(path: string): Grant | undefined {
    for (const g of this.byId.values()) if (this.samePath(g.path, path)) return g;
    return undefined;
  }
}
