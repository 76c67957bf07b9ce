#!/usr/bin/env node
// Comparing annotators in the release build: 3 people's native exports of the same 50 articles
// of 1,000 words each (~100 spans per article, each person's copy a seeded variation: spans
// dropped, relabelled, their ends moved, a few added), picked at once into "Compare…".
//
//   node scripts/bench/compare.mjs [--loads 5] [--annotators 3] [--articles 50] [--words 1000] [--dist DIR]
//
// Each load is a fresh browser. Timed inside the page from the file input's `change` (capture
// phase, before the app's own listener) to the second animation frame after
//   - "open": the compare view shows the first article with its marks;
//   - "open + report": the agreement report's figures are drawn (computed in the files worker);
// with the longest main-thread task meanwhile (what would freeze the page). Prints median and
// range (min–max) over the loads. Goal: open + report under 2 s on the 2-core machine.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

import { serveStatic, CHROMIUM_ARGS, DIST } from '../../tests/e2e/support.mjs';
import { generateDocument, rng } from './generate.mjs';

const args = { loads: 5, annotators: 3, articles: 50, words: 1000, dist: DIST };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  const next = () => process.argv[++i];
  if (a === '--loads') args.loads = Number(next());
  else if (a === '--annotators') args.annotators = Number(next());
  else if (a === '--articles') args.articles = Number(next());
  else if (a === '--words') args.words = Number(next());
  else if (a === '--dist') args.dist = resolve(next());
  else throw new Error(`unknown argument ${a}`);
}
if (args.loads < 5) throw new Error('at least 5 loads: the median of fewer says little on this machine');

const LABELS = ['actor', 'location', 'figure', 'quote'];

/** One annotator's copy of the generated articles: the same texts, spans varied by `seed`. */
function copyOf(articles, name, seed) {
  const r = rng(seed);
  const documents = articles.map((doc, n) => {
    const len = Array.from(doc.text).length;
    const spans = [];
    for (const s of doc.spans) {
      const roll = r.int(0, 99);
      if (roll < 8) continue; // not marked
      let { start, end, label } = s;
      if (roll < 14) label = LABELS[(LABELS.indexOf(label) + 1) % LABELS.length];
      else if (roll < 20 && end < len) end += 1;
      spans.push({ start, end, label });
    }
    for (let extra = 0; extra < 3; extra++) {
      const start = r.int(0, len - 12);
      spans.push({ start, end: start + 5, label: LABELS[r.int(0, 3)] });
    }
    const chars = Array.from(doc.text);
    const seen = new Set();
    const unique = spans.filter((s) => !seen.has(`${s.start} ${s.end} ${s.label}`) && seen.add(`${s.start} ${s.end} ${s.label}`));
    return {
      id: `d${n + 1}`,
      name: `article-${n + 1}.txt`,
      text: doc.text,
      annotator: name,
      spans: unique.map((s, i) => ({ id: `s${i + 1}`, ...s, text: chars.slice(s.start, s.end).join('') })),
      relations: [],
    };
  });
  return JSON.stringify({ format: 'article-annotator', version: 1, offset_unit: 'codepoint', labels: [], documents });
}

// In the page: `__compare.measure(done)` starts at the next `change` (capture phase) and resolves
// two frames after `done()` holds, with the longest task in between.
const MEASURE = `(() => {
  const tasks = [];
  new PerformanceObserver((list) => tasks.push(...list.getEntries())).observe({ type: 'longtask' });
  window.__compare = {
    measure: (done) => new Promise((resolve) => {
      let start = null;
      addEventListener('change', () => { start = performance.now(); }, { capture: true, once: true });
      const poll = () => {
        if (start === null || !done()) return setTimeout(poll, 0);
        requestAnimationFrame(() => requestAnimationFrame(() => {
          const end = performance.now();
          const longest = Math.max(0, ...tasks.filter((t) => t.startTime + t.duration >= start && t.startTime <= end).map((t) => t.duration));
          resolve({ ms: end - start, longestTask: longest });
        }));
      };
      poll();
    }),
  };
})();`;

const articles = Array.from({ length: args.articles }, (_, n) =>
  JSON.parse(generateDocument({ words: args.words, spans: Math.round(args.words / 10), seed: 100 + n }).json).documents[0]);
const work = await mkdtemp(join(tmpdir(), 'annotator-compare-'));
const files = [];
for (let a = 0; a < args.annotators; a++) {
  const file = join(work, `annotator-${a + 1}.json`);
  await writeFile(file, copyOf(articles, `annotator ${String.fromCharCode(65 + a)}`, 31 + a));
  files.push(file);
}
const spanCount = articles.reduce((n, d) => n + d.spans.length, 0);
console.log(`${args.annotators} annotators × ${args.articles} articles × ${args.words} words (${spanCount} spans per copy); ${args.loads} fresh browsers; dist ${args.dist}`);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const { server, url } = await serveStatic(args.dist);
const samples = { open: [], 'open + report': [], 'longest task': [] };
try {
  for (let load = 0; load < args.loads; load++) {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      await context.addInitScript({ content: MEASURE });
      const page = await context.newPage();
      page.setDefaultTimeout(120_000);
      await page.goto(url);
      await page.waitForSelector('[data-testid=article]');
      const opened = page.evaluate(() => __compare.measure(() => document.querySelector('[data-testid=compare-article] [data-agreement]')));
      const reported = page.evaluate(() => __compare.measure(() => document.querySelector('[data-testid=agreement-report] [data-measure]')));
      await page.setInputFiles('input[type=file][data-testid=compare-open]', files);
      const [open, report] = await Promise.all([opened, reported]);
      samples.open.push(open.ms);
      samples['open + report'].push(report.ms);
      samples['longest task'].push(report.longestTask);
      const exact = await page.locator('[data-testid=agreement-report] [data-measure=f1-exact][data-label=all]').getAttribute('data-value');
      console.log(`load ${load + 1}: open ${open.ms.toFixed(0)} ms, open + report ${report.ms.toFixed(0)} ms, longest task ${report.longestTask.toFixed(0)} ms (F1 exact ${Number(exact).toFixed(3)})`);
    } finally {
      await browser.close();
    }
  }
} finally {
  server.close();
  await rm(work, { recursive: true, force: true });
}

console.log('\n| measure | median | range |\n|---|---|---|');
for (const [name, xs] of Object.entries(samples)) {
  console.log(`| ${name} | ${median(xs).toFixed(0)} ms | ${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms |`);
}
console.log(`\ngoal: open + report under 2000 ms; median ${median(samples['open + report']) < 2000 ? 'meets it' : 'misses it'}`);
