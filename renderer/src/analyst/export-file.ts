import { getPlatform } from '../platform';

/**
 * Export text or bytes through the platform (a native Save dialog in the desktop app, a download in
 * the browser) and return a sentence for the status line: saved, cancelled or why it failed.
 */
export async function exportThroughPlatform(name: string, data: Blob | string): Promise<string> {
  try {
    const saved = await getPlatform().exportFile(name, data);
    return saved ? `Exported ${name}.` : 'Export cancelled.';
  } catch (e) {
    return `Could not export ${name}: ${e instanceof Error ? e.message : String(e)}`;
  }
}
