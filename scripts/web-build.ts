// Builds the web client only when its inputs changed: a content hash of every input is kept in
// apps/web/dist/.build-stamp. Hashing contents is more robust than comparing mtimes, which git
// checkouts, copies and clock skew all disturb.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const WEB = join(ROOT, 'apps/web');
const DIST = join(WEB, 'dist');
const STAMP = join(DIST, '.build-stamp');
const INPUTS = [
  'apps/web/src',
  'apps/web/public',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'apps/web/tsconfig.json',
  'apps/web/package.json',
  'packages/contracts/src',
];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.name !== 'node_modules' && !entry.name.startsWith('.'))
    .flatMap((entry) => filesUnder(join(path, entry.name)));
}

/** One hash over the relative path and contents of every input file, in a stable order. */
export function webInputsHash(): string {
  const hash = createHash('sha256');
  const files = INPUTS.flatMap((input) => filesUnder(join(ROOT, input)))
    .map((file) => relative(ROOT, file))
    .sort();
  for (const file of files) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(ROOT, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** The vite CLI, from the workspace's own node_modules or the hoisted root one. */
export function viteBin(): string {
  const candidates = [
    join(WEB, 'node_modules/vite/bin/vite.js'),
    join(ROOT, 'node_modules/vite/bin/vite.js'),
  ];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error('vite is not installed: run `npm install` first');
  return found;
}

/** Runs `vite build` when dist is missing or stale; returns false when the build failed. */
export function ensureWebBuilt(
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): boolean {
  const wanted = webInputsHash();
  const current = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : '';
  if (existsSync(join(DIST, 'index.html')) && current === wanted) {
    log('Web client is up to date.');
    return true;
  }
  log('Building the web client…');
  const build = spawnSync(process.execPath, [viteBin(), 'build'], { cwd: WEB, stdio: 'inherit' });
  if (build.status !== 0) return false;
  // Written after the build: vite empties dist first, and a failed build must not leave a valid stamp.
  writeFileSync(STAMP, `${wanted}\n`);
  return true;
}
