// Bundle the command line ahead of its first use (`npm run build:cli`; `npm ci` and `npm install` run it as
// the "prepare" script). The `momentum` command also builds the bundle itself whenever it is missing or its
// sources changed (see cli/bin/bundle.mjs), so this step only saves the first command that time.
// A failure here never fails an install: the command then runs from the TypeScript sources through tsx.
import { relative } from 'node:path';
import { ROOT, buildBundle, currentBundle } from '../cli/bin/bundle.mjs';

const force = process.argv.includes('--force');
try {
  const t0 = performance.now();
  const found = force ? null : currentBundle();
  const bundle = found ?? (await buildBundle());
  if (!bundle) throw new Error('the bundle was not written');
  const how = found ? 'is up to date' : `built in ${((performance.now() - t0) / 1000).toFixed(1)} s`;
  console.log(`momentum command line: bundle ${relative(ROOT, bundle.dir)} ${how}.`);
} catch (err) {
  console.warn(`momentum command line: could not bundle it (${err?.message ?? err}); it will run through tsx instead.`);
}
