/** Keep track of which keys (views, document kinds) hold unsaved work. */
export class UnsavedTracker {
  private readonly titles = new Map<string, string>();

  /** Record that `key` has unsaved work named `title`, or none when `title` is null; returns whether anything is unsaved. */
  set(key: string, title: string | null): boolean {
    if (title === null) this.titles.delete(key);
    else this.titles.set(key, title);
    return this.titles.size > 0;
  }

  /** Return the titles of all unsaved work. */
  list(): string[] {
    return [...this.titles.values()];
  }

  /** Return whether any key holds unsaved work. */
  get any(): boolean {
    return this.titles.size > 0;
  }
}
