// Build and open the desktop app. Where the Electron binary cannot be had, say so in one
// line and serve the same app in browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { serveWeb } from './web.mjs';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

/** Return the Electron binary's path, downloading it once if needed; null when it cannot be had. */
function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  const installed = () => existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')));
  if (installed()) return join(electronDir, 'dist', readFileSync(pathFile, 'utf8'));
  if (process.env.MOMENTUM_NO_ELECTRON_DOWNLOAD) return null;
  console.log('Fetching the Electron binary (first run only)…');
  const res = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  return res.status === 0 && installed() ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8')) : null;
}

const binary = electronBinary();
if (!binary) {
  console.log('The Electron binary is not available on this machine (it could not be downloaded), so Momentum opens in browser mode instead.');
  await serveWeb();
} else {
  const built = spawnSync(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  // The command line's bundle beside it, for `electron . --cli …` (electron/main/cli-mode.ts).
  const cli = spawnSync(process.execPath, [join(import.meta.dirname, 'build-cli.mjs'), '--into', join(import.meta.dirname, '..', 'out', 'cli')], { stdio: 'inherit' });
  if (cli.status !== 0) process.exit(cli.status ?? 1);
  const child = spawn(binary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
