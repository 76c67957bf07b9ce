#!/usr/bin/env node
// Bulk work on a 3 MB article in the release build: what a person waits for, drawing included.
//
//   node scripts/bench/bulk.mjs [--loads 5] [--words 435000] [--dist DIR]
//
// Each load is a fresh browser: open a generated article of ~435k words (about 3 MB, no spans),
// Suggest, then time from the click or key to the second animation frame after the page shows
// the result, and the longest main-thread task meanwhile (a frozen page shows as one long task):
//   - "Accept all" of every suggestion (until no suggestion is drawn);
//   - undo of it (Ctrl+Z, until suggestions are drawn again);
//   - find as you type (not whole words): "/" then t, h, e, each key until the count is painted;
//   - "Tag all as figure" of the matches of "the" (whole words);
//   - deleting the label "figure" with its spans (the label editor's delete, confirmed).
// Prints median and range (min–max) over the loads. Native reducer-only figures for the same
// work: `cargo run --release --example bulk_edits`.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

import { serveStatic, CHROMIUM_ARGS, DIST } from '../../tests/e2e/support.mjs';
import { generateDocument } from './generate.mjs';

const args = { loads: 5, words: 435_000, dist: DIST };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--loads') args.loads = Number(process.argv[++i]);
  else if (a === '--words') args.words = Number(process.argv[++i]);
  else if (a === '--dist') args.dist = resolve(process.argv[++i]);
  else throw new Error(`unknown argument ${a}`);
}

// In the page: the clock starts in a capture listener for `event` (or at once), ends two frames
// after `done()` holds; long tasks meanwhile are collected by a PerformanceObserver.
const MEASURE = `(() => {
  window.__bulk = {};
  const tasks = [];
  new PerformanceObserver((list) => tasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: false });
  __bulk.measure = (event, done, timeoutMs = 120000) => new Promise((resolve, reject) => {
    let start = null;
    const from = () => { if (start === null) start = performance.now(); };
    if (event) addEventListener(event, from, { capture: true, once: true }); else from();
    const t0 = performance.now();
    const poll = () => {
      if (start !== null && done()) {
        requestAnimationFrame(() => requestAnimationFrame(() => {
          const end = performance.now();
          const longest = tasks.filter((t) => t.startTime + t.duration >= start && t.startTime <= end)
            .reduce((m, t) => Math.max(m, t.duration), 0);
          resolve({ total: end - start, longestTask: longest });
        }));
        return;
      }
      if (performance.now() - t0 > timeoutMs) return reject(new Error('timed out'));
      setTimeout(poll, 0);
    };
    poll();
  });
})();`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const work = await mkdtemp(join(tmpdir(), 'annotator-bulk-'));
const { json } = generateDocument({ words: args.words, spans: 0, seed: 7 });
const text = JSON.parse(json).documents[0].text;
const file = join(work, 'long-article.txt');
await writeFile(file, text);
console.log(`article: ${Buffer.byteLength(text)} bytes, ${text.split(/\s+/).length} words; ${args.loads} fresh browsers; dist ${args.dist}`);

const { server, url } = await serveStatic(args.dist);
const rows = new Map();
const add = (name, sample) => rows.set(name, [...(rows.get(name) ?? []), sample]);
try {
  for (let load = 0; load < args.loads; load++) {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      await context.addInitScript({ content: MEASURE });
      const page = await context.newPage();
      page.setDefaultTimeout(180_000);
      await page.goto(url);
      await page.waitForSelector('[data-testid=article]');
      await page.setInputFiles('input[type=file][data-testid=open-file]', file);
      await page.waitForFunction(() => document.querySelector('[data-testid=article]')?.getAttribute('aria-label') === 'Article: long-article.txt');
      const settle = () => page.evaluate(() => new Promise((r) => setTimeout(() => requestIdleCallback(r, { timeout: 3000 }), 500)));
      await settle();
      // Each measure is armed (its listener in place) before the click or key it times, and
      // read after: armed in the same call as the wait, a key could arrive before the listener.
      const measured = () => page.evaluate(() => __bulk.pending);

      await page.click('[data-testid=suggest]');
      await page.waitForFunction(() => document.querySelectorAll('[data-suggestion-id]').length > 0 && document.querySelector('[data-testid=suggest]').getAttribute('aria-busy') !== 'true');
      const shown = await page.locator('[data-testid=accept-all-suggestions]').textContent();
      await settle();

      await page.evaluate(() => { __bulk.pending = __bulk.measure('click', () => document.querySelectorAll('[data-suggestion-id]').length === 0); });
      await page.click('[data-testid=accept-all-suggestions]');
      add('accept all', await measured());
      const spans = await page.evaluate(() => document.querySelectorAll('[data-testid=article] [data-span-id]').length);
      await settle();

      await page.evaluate(() => { __bulk.pending = __bulk.measure('keydown', () => document.querySelectorAll('[data-suggestion-id]').length > 0); });
      await page.locator('[data-testid=article]').focus();
      await page.keyboard.press('Control+z');
      add('undo accept all', await measured());
      await settle();
      await page.keyboard.press('Control+y');
      await page.waitForFunction(() => document.querySelectorAll('[data-suggestion-id]').length === 0);
      await settle();

      await page.locator('[data-testid=article]').focus();
      await page.keyboard.press('/');
      await page.waitForSelector('[data-testid=find-input]');
      // Not whole words: then each key typed changes the count, which is what is waited for.
      await page.uncheck('[data-testid=find-whole-word]');
      await page.focus('[data-testid=find-input]');
      await settle();
      for (const key of ['t', 'h', 'e']) {
        const before = await page.locator('[data-testid=find-count]').textContent();
        await page.evaluate((b) => { __bulk.pending = __bulk.measure('keydown', () => document.querySelector('[data-testid=find-count]').textContent !== b); }, before);
        await page.keyboard.press(key);
        add(`find: key "${key}"`, await measured());
        await settle();
      }
      await page.check('[data-testid=find-whole-word]');
      await settle();
      const found = await page.locator('[data-testid=find-count]').textContent();

      const before = await page.evaluate(() => document.querySelectorAll('[data-testid=article] [data-label=figure][data-span-id]').length);
      await page.evaluate((b) => { __bulk.pending = __bulk.measure('click', () => document.querySelectorAll('[data-testid=article] [data-label=figure][data-span-id]').length > b); }, before);
      await page.click('[data-testid=find-tag-figure]');
      add('tag all matches as figure', await measured());
      await settle();

      const editor = page.locator('[data-testid=label-editor]');
      if (await editor.evaluate((e) => !e.open)) await editor.locator('summary').first().click();
      await page.click('[data-testid=label-delete-figure]');
      await page.waitForSelector('[data-testid=confirm-delete-yes]');
      await page.evaluate(() => { __bulk.pending = __bulk.measure('click', () => document.querySelectorAll('[data-testid=article] [data-label=figure][data-span-id]').length === 0); });
      await page.click('[data-testid=confirm-delete-yes]');
      add('delete the label figure and its spans', await measured());
      if (load === 0) console.log(`suggestions: ${shown.trim()}; spans drawn after accept all: ${spans}; find "the": ${found}`);
    } finally {
      await browser.close();
    }
  }
} finally {
  server.close();
  await rm(work, { recursive: true, force: true });
}

console.log(`\n| 3 MB article (n=${args.loads}) | click/key → painted, median (min–max) | longest task, median (min–max) |\n|---|---:|---:|`);
for (const [name, samples] of rows) {
  const cell = (key) => {
    const xs = samples.map((s) => s[key]);
    return `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
  };
  console.log(`| ${name} | ${cell('total')} | ${cell('longestTask')} |`);
}
