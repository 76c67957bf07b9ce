#!/usr/bin/env node
// What the page weighs: each file of a release build, gzip -9, by when a visit fetches it. The
// first visit fetches the page (wasm, js and css); each worker (suggester, files) loads later,
// when first needed, and is counted apart (tests/e2e/files-worker.test.mjs checks that a first
// visit does not fetch the files worker).
//
//   node scripts/bench/size.mjs [DIST]      DIST defaults to dist/ (or $E2E_DIST)

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants as zlib } from 'node:zlib';

import { DIST } from '../../tests/e2e/support.mjs';

/** When a file of dist/ is fetched, by its name. */
const WHEN = [
  { key: 'worker', test: /^suggest/, label: 'first Suggest (suggester worker)' },
  { key: 'filesWorker', test: /^files/, label: 'first other format opened or exported (files worker)' },
  { key: 'page', test: /\.(wasm|js|css)$/, label: 'first visit (page)' },
];

/**
 * The sizes of `dir`'s files: `raw`/`gzip` are the page's (what a first visit fetches, wasm + js
 * + css), `worker` the suggester's and `filesWorker` the files worker's; `files` each file's.
 */
export async function bundleSizes(dir) {
  const out = { files: {}, raw: 0, gzip: 0, worker: { raw: 0, gzip: 0 }, filesWorker: { raw: 0, gzip: 0 } };
  for (const name of (await readdir(dir)).sort()) {
    const when = WHEN.find((w) => w.test.test(name));
    if (!when) continue;
    const body = await readFile(join(dir, name));
    const gzip = gzipSync(body, { level: zlib.Z_BEST_COMPRESSION }).length;
    out.files[name] = { raw: body.length, gzip, when: when.key };
    const part = when.key === 'page' ? out : out[when.key];
    part.raw += body.length;
    part.gzip += gzip;
  }
  return out;
}

/** The sizes as a Markdown table, a row per file and a total per time of fetching. */
export function sizeTable(sizes) {
  const kb = (bytes) => (bytes / 1024).toFixed(1);
  const lines = ['| fetched on | file | raw KB | gzip -9 KB |', '|---|---|---:|---:|'];
  for (const when of [...WHEN].reverse()) {
    const files = Object.entries(sizes.files).filter(([, f]) => f.when === when.key);
    for (const [name, f] of files) lines.push(`| ${when.label} | ${name} | ${kb(f.raw)} | ${kb(f.gzip)} |`);
    const total = when.key === 'page' ? sizes : sizes[when.key];
    lines.push(`| **${when.label}** | **total** | **${kb(total.raw)}** | **${kb(total.gzip)}** |`);
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(sizeTable(await bundleSizes(process.argv[2] ?? DIST)));
}
