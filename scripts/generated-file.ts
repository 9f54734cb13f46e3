/**
 * The last step of every generator in scripts/: write the text a generated file should hold, or, with
 * `--check`, exit 1 when the committed file differs from it, naming the command that rewrites it.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** One generated file: where it lives, its name for messages, and the text it should hold. */
export interface GeneratedFile {
  readonly path: string;
  readonly name: string;
  readonly text: string;
}

/** Return the file's current text, or '' when it does not exist. */
function currentText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Write each file, or with `--check` report whether each is up to date and exit 1 after the first that is not,
 * telling the reader to run `command` and commit the result.
 */
export function writeOrCheck(files: readonly GeneratedFile[], command: string, argv: readonly string[] = process.argv): void {
  const check = argv.includes('--check');
  for (const file of files) {
    if (check) {
      if (currentText(file.path) !== file.text) {
        console.error(`${file.name} is out of date: run \`${command}\` and commit it.`);
        process.exit(1);
      }
      console.log(`${file.name} is up to date.`);
      continue;
    }
    writeFileSync(file.path, file.text);
    console.log(`Wrote ${file.name}.`);
  }
}
