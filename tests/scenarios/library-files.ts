import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folder holding the prepared scenario library. */
export const SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** Return the prepared scenario files (name and text); the folder holds nothing else. */
export function libraryFiles(): { file: string; text: string }[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((f) => f.endsWith('.momentum'))
    .sort()
    .map((file) => ({ file, text: readFileSync(SCENARIOS_DIR + file, 'utf8') }));
}
