#!/usr/bin/env node
// How long the reports take to appear on a large workspace: 50 documents with 10,000 spans in
// all (generate.mjs's documents, most quotes attributed to the nearest actor before them, actors
// of the same name grouped into one entity across documents), opened in the release build.
// One sample: a click on Reports → the quote sheet's rows in the DOM (script) → the second
// animation frame after it (total: the frame showing the sheet was rendered); then "Draw every
// row" (in builds before the sheets drew only the rows near the viewport: "Show all") to the
// last quote; a scroll to the end of the windowed sheet to its last quote drawn; the figures
// sheet. Timed inside the page, like run.mjs. Prints the median, min and max of each line; the
// target is a quote sheet in under 200 ms.
//
//   trunk build --release && node scripts/bench/reports.mjs [--runs 7]

import { launch, DIST } from '../../tests/e2e/support.mjs';
import { generateDocument, validateDocument } from './generate.mjs';

const DOCUMENTS = 50;
const SPANS = 10_000;
const TARGET_MS = 200;

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;
if (runs < 5) throw new Error('--runs: at least 5, for a median worth reading');

/** The workspace as one native JSON file. */
function workspace() {
  const entities = new Map(); // actor text → entity id
  const documents = [];
  for (let n = 1; n <= DOCUMENTS; n++) {
    const { doc } = generateDocument({ words: 2_000, spans: SPANS / DOCUMENTS, seed: n });
    validateDocument(doc);
    const relations = [];
    let lastActor = null;
    for (const span of doc.spans) {
      if (span.label === 'actor') lastActor = span;
      // Every fourth quote stays unattributed: work still to do, listed first.
      else if (span.label === 'quote' && lastActor && relations.length % 4 !== 3) {
        relations.push({ id: `r${relations.length + 1}`, type: 'said_by', from: span.id, to: lastActor.id });
      } else if (span.label === 'quote') relations.push(null);
    }
    const mentions = new Map();
    for (const span of doc.spans.filter((s) => s.label === 'actor')) {
      if (!entities.has(span.text)) entities.set(span.text, `e${entities.size + 1}`);
      const id = entities.get(span.text);
      if (!mentions.has(id)) mentions.set(id, { id, label: 'actor', name: span.text, mentions: [] });
      mentions.get(id).mentions.push(span.id);
    }
    documents.push({
      ...doc,
      id: `d${n}`,
      name: `bench-${String(n).padStart(2, '0')}.txt`,
      relations: relations.filter(Boolean),
      entities: [...mentions.values()],
    });
  }
  return { format: 'article-annotator', version: 1, offset_unit: 'codepoint', documents };
}

/**
 * Clicks `selector` (or, for `'scroll-to-end'`, scrolls the page to its end) and times it until
 * `ready` finds `count` elements, in the page.
 */
const timed = (page, selector, ready, count = 1) =>
  page.evaluate(
    ([selector, ready, count]) =>
      new Promise((done) => {
        const start = performance.now();
        let dom = 0;
        const found = () => {
          if (dom || document.querySelectorAll(ready).length < count) return;
          dom = performance.now();
          observer.disconnect();
          requestAnimationFrame(() => requestAnimationFrame(() => done({ script: dom - start, total: performance.now() - start })));
        };
        const observer = new MutationObserver(found);
        observer.observe(document.body, { childList: true, subtree: true });
        if (selector === 'scroll-to-end') window.scrollTo(0, document.scrollingElement.scrollHeight);
        else document.querySelector(selector).click();
        found();
      }),
    [selector, ready, count],
  );

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
};

const generated = workspace();
const quoteCount = generated.documents.reduce((n, d) => n + d.spans.filter((s) => s.label === 'quote').length, 0);
const file = JSON.stringify(generated);
const app = await launch({ root: DIST });
const { page } = app;
try {
  await page.setInputFiles('input[type=file][data-testid=open-file]', {
    name: 'workspace.json',
    mimeType: 'application/json',
    buffer: Buffer.from(file, 'utf8'),
  });
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=document-item]').length >= n, DOCUMENTS + 1, { timeout: 60_000 });
  const samples = { first: [], all: [], end: [], figures: [] };
  let firstPage = 0;
  for (let i = 0; i < runs; i++) {
    await page.click('[data-testid=article-tab]');
    await page.waitForSelector('[data-testid=article]');
    samples.first.push(await timed(page, '[data-testid=reports]', '[data-testid=quote-sheet] [data-quote-id]'));
    firstPage = await page.locator('[data-testid=quote-sheet] [data-quote-id]').count();
    const windowed = (await page.getAttribute('[data-testid=report-all]', 'aria-pressed')) !== null;
    if (windowed) {
      // The last line is numbered with the count of all lines.
      const last = await page.getAttribute('[data-testid=quote-sheet]', 'aria-rowcount');
      samples.end.push(await timed(page, 'scroll-to-end', `[data-testid=quote-sheet] tr[aria-rowindex="${last}"]`));
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    samples.all.push(await timed(page, '[data-testid=report-all]', '[data-testid=quote-sheet] [data-quote-id]', quoteCount));
    samples.figures.push(await timed(page, '[data-testid=report-figures]', '[data-testid=figure-sheet] [data-figure-id]'));
    await page.click('[data-testid=report-quotes]');
  }
  console.log(`Reports on ${DOCUMENTS} documents, ${SPANS} spans (${quoteCount} quotes, the sheet draws ${firstPage} at first), ${runs} runs, dist: ${DIST}`);
  console.log('| click → | script median (min–max) | painted median (min–max) |');
  console.log('|---|---:|---:|');
  const line = (what, list) => {
    const s = stats(list.map((x) => x.script));
    const t = stats(list.map((x) => x.total));
    const f = (x) => x.toFixed(1);
    console.log(`| ${what} | ${f(s.median)} ms (${f(s.min)}–${f(s.max)}) | ${f(t.median)} ms (${f(t.min)}–${f(t.max)}) |`);
    return t.median;
  };
  const quoteSheet = line('Reports: quote sheet', samples.first);
  if (samples.end.length) line('Scroll to the end: last quote drawn', samples.end);
  line('Draw every row (Show all): every quote', samples.all);
  line('Figures sheet', samples.figures);
  console.log(`target: quote sheet painted in under ${TARGET_MS} ms: ${quoteSheet < TARGET_MS ? 'PASS' : 'MISS'} (${quoteSheet.toFixed(1)} ms)`);
} finally {
  await app.close();
}
