// Bundle the command line ahead of its first use (`npm run build:cli`; `npm ci` and `npm install` run it as
// the "prepare" script). The `momentum` command also builds the bundle itself whenever it is missing or its
// sources changed (see cli/bin/bundle.mjs), so this step only saves the first command that time.
// A failure here never fails an install: the command then runs from the TypeScript sources through tsx.
// `--into DIR` also copies the bundle's main.mjs and worker.mjs to DIR (`npm run build` puts them in
// out/cli/, which the desktop app packs for `Momentum --cli`; electron/main/cli-mode.ts). A failure then
// fails the build, since the packaged app would have no command line.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ROOT, buildBundle, currentBundle } from '../cli/bin/bundle.mjs';

const force = process.argv.includes('--force');
const intoAt = process.argv.indexOf('--into');
const into = intoAt >= 0 ? resolve(process.argv[intoAt + 1] ?? '') : null;
try {
  const t0 = performance.now();
  const found = force ? null : currentBundle();
  const bundle = found ?? (await buildBundle());
  if (!bundle) throw new Error('the bundle was not written');
  const how = found ? 'is up to date' : `built in ${((performance.now() - t0) / 1000).toFixed(1)} s`;
  console.log(`momentum command line: bundle ${relative(ROOT, bundle.dir)} ${how}.`);
  if (into) {
    mkdirSync(into, { recursive: true });
    for (const name of ['main.mjs', 'worker.mjs', 'main.mjs.map', 'worker.mjs.map']) {
      // The maps are for stack traces in development; electron-builder.yml leaves them out of the package.
      if (name.endsWith('.mjs') || existsSync(join(bundle.dir, name))) copyFileSync(join(bundle.dir, name), join(into, name));
    }
    console.log(`momentum command line: copied to ${relative(ROOT, into) || into}.`);
  }
} catch (err) {
  if (into) {
    console.error(`momentum command line: could not bundle it into ${into}: ${err?.message ?? err}`);
    process.exit(1);
  }
  console.warn(`momentum command line: could not bundle it (${err?.message ?? err}); it will run through tsx instead.`);
}
