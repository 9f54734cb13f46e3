// The command line as plain JavaScript: cli/main.ts and cli/worker.ts bundled by esbuild into two ES
// modules, so that the command and each of its worker threads start without compiling TypeScript.
//
// Bundles live in node_modules/.cache/momentum-cli/KEY/, where KEY is a hash of exactly what went into
// them: the content of every source file esbuild read (as it read it), the tsconfig files, the version of
// every package bundled and this file. current.json names the latest KEY and its inputs. Before using a
// bundle the command hashes those inputs as they are on disk now; any difference (an edited, added or
// deleted import, another package version) gives another KEY, and the bundle is built again (about 0.2 s)
// instead of being used stale. `npm ci` and `npm install` build it ahead (the "prepare" script).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where bundles are kept. */
export const CACHE = join(ROOT, 'node_modules', '.cache', 'momentum-cli');
/** What is bundled: output name → entry point (relative to the root). */
const ENTRIES = { main: 'cli/main.ts', worker: 'cli/worker.ts' };
/** Files esbuild consults without importing them; a change to them changes the key too. */
const CONFIG_FILES = ['tsconfig.base.json', 'cli/tsconfig.json', 'engine/tsconfig.json', 'node-shared/tsconfig.json'];
/** Bundles older than this that are not the current one are removed after a build. */
const PRUNE_AFTER_MS = 60 * 60 * 1000;
const LOADERS = { '.ts': 'ts', '.mts': 'ts', '.tsx': 'tsx', '.json': 'json', '.js': 'js', '.mjs': 'js', '.cjs': 'js' };

function sha(data) {
  return createHash('sha256').update(data).digest('hex');
}

function toPosix(path) {
  return path.split(sep).join('/');
}

/** Return the folder of the package a node_modules file belongs to, relative to the root (e.g. node_modules/zod). */
function packageDirOf(root, file) {
  const parts = toPosix(relative(root, file)).split('/');
  const at = parts.lastIndexOf('node_modules');
  return parts.slice(0, at + (parts[at + 1]?.startsWith('@') ? 3 : 2)).join('/');
}

function versionOf(root, packageDir) {
  return JSON.parse(readFileSync(join(root, packageDir, 'package.json'), 'utf8')).version;
}

/** Return the key of inputs given as file → content hash and package folder → version. */
function keyFrom(builder, files, packages) {
  const h = createHash('sha256');
  h.update(`builder ${builder}\n`);
  for (const f of Object.keys(files).sort()) h.update(`file ${f} ${files[f]}\n`);
  for (const p of Object.keys(packages).sort()) h.update(`package ${p} ${packages[p]}\n`);
  return h.digest('hex').slice(0, 20);
}

/** Return the key of a manifest's inputs as they are on disk now, or null when one of them is gone. */
export function keyNow(manifest, root = ROOT) {
  try {
    const files = {};
    for (const f of manifest.files) files[f] = sha(readFileSync(join(root, f)));
    const packages = {};
    for (const p of manifest.packages) packages[p] = versionOf(root, p);
    return keyFrom(sha(readFileSync(fileURLToPath(import.meta.url))), files, packages);
  } catch {
    return null;
  }
}

/**
 * Return the current bundle ({ key, dir, main, worker }) when it exists and was built from exactly the
 * sources on disk now; null otherwise.
 */
export function currentBundle(root = ROOT, cache = CACHE) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(cache, 'current.json'), 'utf8'));
  } catch {
    return null;
  }
  if (!manifest || typeof manifest.key !== 'string' || !Array.isArray(manifest.files) || !Array.isArray(manifest.packages)) return null;
  if (keyNow(manifest, root) !== manifest.key) return null;
  return located(cache, manifest.key);
}

function located(cache, key) {
  const dir = join(cache, key);
  const bundle = { key, dir, main: join(dir, 'main.mjs'), worker: join(dir, 'worker.mjs') };
  return existsSync(bundle.main) && existsSync(bundle.worker) ? bundle : null;
}

function writeFileAtomic(file, text) {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

/**
 * Bundle the command line now and make it the current bundle; return it as currentBundle does. Safe
 * when several processes build at once: each writes into a folder of its own and renames it into place.
 */
export async function buildBundle(root = ROOT, cache = CACHE) {
  const { build } = await import('esbuild');
  const files = {};
  const packages = {};
  for (const f of CONFIG_FILES) if (existsSync(join(root, f))) files[f] = sha(readFileSync(join(root, f)));
  // Read every source file here, so that the key hashes exactly the text that went into the bundle.
  const hashSources = {
    name: 'momentum-hash-sources',
    setup(b) {
      b.onLoad({ filter: /.*/ }, (args) => {
        if (args.namespace !== 'file') return undefined;
        if (toPosix(args.path).includes('/node_modules/')) {
          const dir = packageDirOf(root, args.path);
          packages[dir] = versionOf(root, dir);
          return undefined;
        }
        const contents = readFileSync(args.path);
        files[toPosix(relative(root, args.path))] = sha(contents);
        return { contents, loader: LOADERS[extname(args.path)] ?? 'js' };
      });
    },
  };
  mkdirSync(cache, { recursive: true });
  const temp = join(cache, `tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await build({
      absWorkingDir: root,
      entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, entry]) => [name, join(root, entry)])),
      outdir: temp,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: true,
      // Less text for V8 to scan at every start; names are kept so stack traces still read.
      minifyWhitespace: true,
      minifySyntax: true,
      logLevel: 'silent',
      plugins: [hashSources],
      // Packages written as CommonJS call require(); give the ES module bundle one.
      banner: { js: "import { createRequire as __momentumCreateRequire } from 'node:module'; const require = __momentumCreateRequire(import.meta.url);" },
    });
    const key = keyFrom(sha(readFileSync(fileURLToPath(import.meta.url))), files, packages);
    const dir = join(cache, key);
    if (!located(cache, key)) {
      try {
        renameSync(temp, dir);
      } catch (err) {
        // Another process put the same bundle there first: theirs is as good as ours.
        if (!located(cache, key)) throw err;
      }
    }
    writeFileAtomic(join(cache, 'current.json'), `${JSON.stringify({ key, files: Object.keys(files).sort(), packages: Object.keys(packages).sort() }, null, 2)}\n`);
    prune(cache, key);
    return located(cache, key);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** Remove bundles and unfinished builds that are not current and are older than PRUNE_AFTER_MS. */
function prune(cache, keep) {
  const now = Date.now();
  for (const name of readdirSync(cache)) {
    if (name === keep || name === 'current.json') continue;
    const path = join(cache, name);
    try {
      if (statSync(path).isDirectory() && now - statSync(path).mtimeMs > PRUNE_AFTER_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Gone already (another process pruned it): nothing to do.
    }
  }
}

/** Return the current bundle, building it first when it is missing or stale; `built` says which. */
export async function ensureBundle(root = ROOT, cache = CACHE) {
  const found = currentBundle(root, cache);
  if (found) return { ...found, built: false };
  const made = await buildBundle(root, cache);
  return made ? { ...made, built: true } : null;
}
