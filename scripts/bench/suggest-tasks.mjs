#!/usr/bin/env node
// Why a Suggest blocks the page: opens the generated document in dist/, runs Suggest a few times
// (the first starts the worker) with a Chrome trace each, and lists every main-thread task of
// 8 ms or more from the click to the suggestions painted, with what ran inside it. run.mjs
// reports the same longest task per load; this is the quick look while working on it.
//
//   node scripts/bench/suggest-tasks.mjs [--size 100k] [--runs 4]

import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { serveStatic, CHROMIUM_ARGS, DIST } from '../../tests/e2e/support.mjs';
import { generateDocument } from './generate.mjs';
import { tracedSuggest } from './tasks.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const SIZES = { '10k': [10_000, 1_000], '50k': [50_000, 5_000], '100k': [100_000, 10_000] };

const args = { size: '100k', runs: 4 };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--size') args.size = process.argv[++i];
  else if (a === '--runs') args.runs = Number(process.argv[++i]);
  else throw new Error(`unknown argument ${a}`);
}

const [words, spans] = SIZES[args.size];
const { json, doc } = generateDocument({ words, spans, seed: 1 });
const file = join(await mkdtemp(join(tmpdir(), 'annotator-suggest-')), 'doc.json');
await writeFile(file, json);
const { server, url } = await serveStatic(DIST);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.addInitScript({ content: await readFile(join(HERE, 'harness.js'), 'utf8') });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await page.goto(url);
  await page.waitForSelector('[data-testid=article]');
  await page.evaluate(() => __bench.settle(300));
  await page.evaluate((name) => __bench.arm({ event: 'change', kind: 'visible', arg: name, timeoutMs: 120_000 }), doc.name);
  await page.setInputFiles('input[type=file][data-testid=open-file]', file);
  await page.evaluate(() => __bench.result);
  await page.evaluate(() => __bench.settle(1500));
  for (let run = 1; run <= args.runs; run++) {
    const r = await tracedSuggest(browser, page);
    const inAll = await page.locator('[data-testid=suggestion-count]').textContent();
    console.log(
      `run ${run}${run === 1 ? ' (starts the worker)' : ''}: ${r.total?.toFixed(0)} ms, ${r.suggestions} suggestions drawn ("${inAll}"); ` +
        `longest task ${r.longestTask.ms} ms, while the worker ran ${r.longestTaskWaiting.ms} ms`,
    );
    for (const t of r.longestTask.long) console.log(`  at ${t.atMs} ms: ${t.ms} ms  [${t.what}]`);
    await page.evaluate(() => __bench.settle(500));
  }
} finally {
  await browser.close();
  server.close();
}
