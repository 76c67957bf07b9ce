// Post-build step (run by scripts/post_build.mjs, after the page's policy is written): writes
// service-worker.js into the build from src/service_worker.js. A release build's worker names
// every file of the build as Trunk staged it (hashed names included, whatever workers exist) and
// a version taken from all their bytes, so any change to any file is a new worker and a new
// cache. A development build's worker is the template as it is, which unregisters itself.
//
// Also runs by hand on a finished build (the end-to-end tests do, to make a "next version"):
// TRUNK_STAGING_DIR=<folder> TRUNK_PROFILE=release node scripts/service_worker.mjs
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORKER = 'service-worker.js';
const TEMPLATE = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'service_worker.js');
const PLACEHOLDER = 'const BUILD = null;';

/** Paths of every file under `root`, relative with forward slashes, sorted. */
export function filesUnder(root) {
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [relative(root, join(dir, entry.name)).split(sep).join('/')],
    );
  return walk(root).sort();
}

/** {version, files} of the build in `root`: what its service worker caches. */
export function buildManifest(root) {
  const paths = filesUnder(root).filter((path) => path !== WORKER);
  const hash = createHash('sha256');
  for (const path of paths) hash.update(`${path}\0`).update(readFileSync(join(root, path))).update('\0');
  // The page is cached under the address it is visited at, the folder itself.
  const files = paths.map((path) => (path === 'index.html' ? './' : encodeURI(path)));
  return { version: hash.digest('hex').slice(0, 16), files };
}

/**
 * Writes the service worker of the build in `root` and returns what it caches; with `release`
 * false, writes the self-removing one and returns null.
 */
export function writeWorker(root, release) {
  const template = readFileSync(TEMPLATE, 'utf8');
  if (!template.includes(PLACEHOLDER)) throw new Error(`${TEMPLATE} lacks the line ${PLACEHOLDER}`);
  const build = release ? buildManifest(root) : null;
  writeFileSync(join(root, WORKER), template.replace(PLACEHOLDER, `const BUILD = ${JSON.stringify(build)};`));
  return build;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const staging = process.env.TRUNK_STAGING_DIR;
  if (!staging) throw new Error('scripts/service_worker.mjs needs TRUNK_STAGING_DIR (the build folder)');
  const build = writeWorker(staging, process.env.TRUNK_PROFILE === 'release');
  console.log(build ? `Service worker ${build.version}: ${build.files.length} files` : 'Service worker: development build, removes itself');
}
