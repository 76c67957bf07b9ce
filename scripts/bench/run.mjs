#!/usr/bin/env node
// Performance benchmark of the release build in dist/ against the browser's own floor.
// Usage and method: scripts/bench/README.md.
//
//   node scripts/bench/run.mjs                       run, print the table, save benchmarks/results-<date>.json
//   node scripts/bench/run.mjs --compare FILE        …and print the differences to an earlier result
//   node scripts/bench/run.mjs --compare FILE --only-compare NEW   compare two saved results, no run
//   node scripts/bench/run.mjs --print FILE          the Markdown table of a saved result, no run
//   options: --loads N (default 5)  --sizes 10k,50k,100k  --budget-s 540  --no-save  --out FILE
//            --no-profile (skip the extra traced load of the largest size that shows where the
//            main thread's time goes)
//            --floor block (the floor page with block paragraphs instead of the app's inline ones)

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile, stat } from 'node:fs/promises';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { serveStatic, CHROMIUM_ARGS, ROOT, DIST } from '../../tests/e2e/support.mjs';
import { generateDocument, validateDocument } from './generate.mjs';
import { articleHtml, writeFloorPage } from './floor.mjs';
import { tracedSave, tracedSuggest } from './tasks.mjs';
import { bundleSizes } from './size.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const HARNESS = join(HERE, 'harness.js');
const VIEWPORT = { width: 1400, height: 1000 };
const SIZES = [
  { key: '10k', words: 10_000, spans: 1_000 },
  { key: '50k', words: 50_000, spans: 5_000 },
  { key: '100k', words: 100_000, spans: 10_000 },
];
const EDITS = ['add', 'relabel', 'delete', 'undo'];
const TARGETS = {
  openRatio: 1.5,
  editMs: 16,
  scrollMs: 50,
  heapMB: 50,
  readyMs: 250,
  bundleGzipKB: 200,
  suggestMs: 300,
  frameMs: 16.7,
};

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const args = { loads: 5, sizes: SIZES.map((s) => s.key), budgetS: 540, save: true, out: null, compare: null, onlyCompare: null, profile: true, minLoads: 3, floor: 'same' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--loads') args.loads = Number(value());
    else if (a === '--sizes') args.sizes = value().split(',');
    else if (a === '--budget-s') args.budgetS = Number(value());
    else if (a === '--no-save') args.save = false;
    else if (a === '--out') args.out = value();
    else if (a === '--compare') args.compare = value();
    else if (a === '--only-compare') args.onlyCompare = value();
    else if (a === '--print') args.print = value();
    else if (a === '--profile') args.profile = true;
    else if (a === '--no-profile') args.profile = false;
    else if (a === '--floor') args.floor = value();
    else if (a === '--help' || a === '-h') {
      console.log(readFileSyncHead());
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  args.minLoads = Math.min(args.minLoads, args.loads);
  return args;
}

function readFileSyncHead() {
  return 'node scripts/bench/run.mjs [--compare FILE] [--only-compare NEW] [--print FILE] [--loads N] [--sizes 10k,50k,100k] [--budget-s S] [--no-save] [--out FILE] [--no-profile] [--floor same|block]';
}

// ---------------------------------------------------------------------------------------------
// Small statistics

const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const get = (obj, path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
const fmt = (x, digits = 1) => (x == null ? '–' : x >= 100 ? x.toFixed(0) : x.toFixed(digits));
const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Machine, build, versions

async function machine() {
  const info = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  const model = /model name\s*:\s*(.*)/.exec(info)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  return { cpu: model, cores: cpus().length, memoryBytes: totalmem(), memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB` };
}

function git(...args) {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// One page load: open, heap, edits, scroll

/** One load, given at most `LOAD_TIMEOUT_MS`: a page that hangs fails its sample, not the run. */
const LOAD_TIMEOUT_MS = 240_000;
async function measureLoad(browser, options) {
  let timer;
  const holder = {};
  const watchdog = new Promise((resolve) => {
    timer = setTimeout(async () => {
      await holder.context?.close().catch(() => {});
      resolve({ errors: [], failed: `the load took over ${LOAD_TIMEOUT_MS / 1000} s` });
    }, LOAD_TIMEOUT_MS);
  });
  try {
    return await Promise.race([measureLoadInner(browser, options, holder), watchdog]);
  } finally {
    clearTimeout(timer);
  }
}

async function measureLoadInner(browser, { url, target, size, files, harness }, holder) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  holder.context = context;
  await context.addInitScript({ content: harness });
  const page = await context.newPage();
  page.setDefaultTimeout(90_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  const cdp = await context.newCDPSession(page);
  const sample = { errors };
  try {
    await page.goto(url);
    // The app is up when its article (the sample, on a first visit) is on screen.
    await page.waitForSelector('[data-testid=article]', { timeout: 30_000 });
    await page.evaluate(() => __bench.settle(300));
    // Ready: navigation → the app's article (the sample) in the page; for the floor, its first
    // contentful paint (its article is in the HTML).
    sample.ready = await page.evaluate(() => ({
      article: __bench.readyAt,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    }));
    sample.ready.ms = target === 'app' ? sample.ready.article : sample.ready.fcp;

    // Open.
    // The floor shows every span; the app draws a long document's spans near the viewport only.
    const done = target === 'app' ? { kind: 'visible', arg: files.name } : { kind: 'count', arg: size.spans };
    await page.evaluate((d) => __bench.arm({ event: 'change', ...d, timeoutMs: 120_000 }), done);
    await page.setInputFiles('input[type=file][data-testid=open-file]', target === 'app' ? files.json : files.html);
    sample.open = await page.evaluate(() => __bench.result);
    if (sample.open.method !== 'condition' || (target !== 'app' && sample.open.spans !== size.spans)) {
      errors.push(`open: ${sample.open.spans} span elements drawn of ${size.spans} (${sample.open.method})`);
    }
    await page.evaluate(() => __bench.settle(1000)); // the app autosaves 300 ms after a change

    // Heap after open, after a full garbage collection.
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    const inPage = await page.evaluate(() => ({
      usedJSHeapSize: performance.memory?.usedJSHeapSize ?? null,
      totalJSHeapSize: performance.memory?.totalJSHeapSize ?? null,
      wasmMemoryBytes: __bench.wasmMemory?.buffer?.byteLength ?? null,
      domElements: document.getElementsByTagName('*').length,
      articleHeight: document.scrollingElement.scrollHeight,
    }));
    sample.heap = { cdpUsedBytes: usage.usedSize, cdpTotalBytes: usage.totalSize, ...inPage };

    // Edits on a word far down the article: add, relabel, delete, undo.
    await page.evaluate(() => document.activeElement?.blur());
    const before = await page.evaluate(() => __bench.spanIds());
    sample.word = await page.evaluate(() => __bench.selectWordFarDown(0.85));
    const edit = async (name, key, kind, arg) => {
      const longFrom = await page.evaluate(() => __bench.longtasks.length);
      await page.evaluate((a) => __bench.arm({ event: 'keydown', ...a, timeoutMs: 30_000, settleMs: 2_000 }), { kind, arg });
      await page.keyboard.press(key);
      const result = await page.evaluate(() => __bench.result);
      await page.evaluate(() => __bench.settle(700));
      // The longest task after the change was painted, until the page went quiet: what the next
      // key press could have to wait for (the app's autosave, 300 ms after a change, lands here).
      result.longestTaskAfter = await page.evaluate(
        ({ from, end }) => __bench.longtasks.slice(from).filter((t) => t.start >= end).reduce((m, t) => Math.max(m, t.duration), 0),
        { from: longFrom, end: result.start + result.total },
      );
      sample[name] = result;
    };
    await edit('add', '1', 'count', (await page.evaluate(() => __bench.spanCount())) + 1);
    const id = await page.evaluate((b) => __bench.newSpanId(b), before);
    if (!id) throw new Error('the added span has no new id');
    sample.spanId = id;
    await edit('relabel', '2', 'label', { id, label: 'location' });
    await edit('delete', 'Delete', 'gone', id);
    await edit('undo', 'Control+z', 'present', id);

    if (target === 'app') sample.save = await tracedSave(browser, page);

    // Scroll the whole article top to bottom, one viewport per frame.
    await page.evaluate(() => __bench.settle(1500));
    sample.scroll = await page.evaluate(() => __bench.scrollThrough(1));

    // Suggestions on the whole document (the app only; the floor has no suggester).
    if (target === 'app') {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.evaluate(() => __bench.settle(500));
      // The first run starts the worker (fetch, compile, gazetteers); the second is warm.
      sample.suggestCold = await tracedSuggest(browser, page);
      await page.evaluate(() => __bench.settle(500));
      sample.suggest = await tracedSuggest(browser, page);
    }
  } catch (error) {
    sample.failed = String(error?.stack ?? error);
  } finally {
    await context.close().catch(() => {});
  }
  return sample;
}

// ---------------------------------------------------------------------------------------------
// Where the main thread's time goes: a Chrome trace of one app load (largest size)

async function profileLoad(browser, { url, size, files, harness }) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: harness });
  const page = await context.newPage();
  page.setDefaultTimeout(90_000);
  try {
    await page.goto(url);
    await page.waitForSelector('[data-testid=article]', { timeout: 30_000 });
    await page.evaluate(() => __bench.settle(300));
    const categories = ['devtools.timeline', 'v8.execute', 'blink', 'disabled-by-default-devtools.timeline', 'v8'];
    const phases = {};
    const traced = async (name, act) => {
      await browser.startTracing(page, { categories });
      const result = await act();
      const buffer = await browser.stopTracing();
      phases[name] = { result, selfTime: summarizeTrace(JSON.parse(buffer.toString('utf8')), result) };
    };
    await traced('open', async () => {
      await page.evaluate((n) => __bench.arm({ event: 'change', kind: 'count', arg: n, timeoutMs: 120_000 }), size.spans);
      await page.setInputFiles('input[type=file][data-testid=open-file]', files.json);
      return page.evaluate(() => __bench.result);
    });
    await page.evaluate(() => __bench.settle(1000));
    await page.evaluate(() => document.activeElement?.blur());
    await page.evaluate(() => __bench.selectWordFarDown(0.85));
    await traced('add', async () => {
      await page.evaluate((n) => __bench.arm({ event: 'keydown', kind: 'count', arg: n }), size.spans + 1);
      await page.keyboard.press('1');
      return page.evaluate(() => __bench.result);
    });
    return phases;
  } finally {
    await context.close().catch(() => {});
  }
}

/** Self time per trace event name on the renderer's main thread, inside the measured window. */
function summarizeTrace(trace, result) {
  const events = trace.traceEvents ?? trace;
  const mainTid = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!mainTid) return {};
  const onMain = events
    .filter((e) => e.pid === mainTid.pid && e.tid === mainTid.tid && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // The measured window: from the first event to the end of the run (trace ts are µs).
  const self = new Map();
  const stack = [];
  for (const e of onMain) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur);
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur);
    stack.push(e);
  }
  const total = [...self.values()].reduce((a, b) => a + Math.max(0, b), 0);
  return Object.fromEntries(
    [...self.entries()]
      .filter(([, us]) => us > 1000)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([name, us]) => [name, Math.round(us / 100) / 10])
      .concat([['(all, ms)', Math.round(total / 100) / 10]]),
  );
}

// ---------------------------------------------------------------------------------------------
// Summaries, table, comparison

const METRICS = [
  // key, label, path in a sample, unit, floor comparable?
  { key: 'ready', label: 'ready: navigation → app with the sample article / floor first contentful paint', path: 'ready.ms', unit: 'ms' },
  { key: 'open', label: 'open: file → all spans painted (2 rAF)', path: 'open.total', unit: 'ms' },
  { key: 'open.script', label: 'open: of which script until spans in DOM', path: 'open.script', unit: 'ms' },
  { key: 'open.frame', label: 'open: of which first frame (style+layout+paint)', path: 'open.frame', unit: 'ms' },
  ...EDITS.flatMap((e) => [
    { key: e, label: `${e}: key → painted (2 rAF)`, path: `${e}.total`, unit: 'ms' },
    { key: `${e}.work`, label: `${e}: main-thread work (script + frame)`, path: `${e}.work`, unit: 'ms' },
  ]),
  { key: 'afterEdit', label: 'longest task after an edit was painted (autosave; long tasks, 50 ms or more)', path: 'maxLongTaskAfterEdit', unit: 'ms' },
  { key: 'save', label: 'autosave: longest task 0.2–1.5 s after an add (traced)', path: 'save.ms', unit: 'ms' },
  { key: 'scroll', label: 'scroll: longest frame (rAF delta)', path: 'scroll.longestFrame', unit: 'ms' },
  { key: 'scroll.loaf', label: 'scroll: longest long-animation-frame', path: 'scroll.longestLoaf', unit: 'ms' },
  { key: 'suggest.cold', label: 'suggest, first run: click → suggestions painted (starts the worker)', path: 'suggestCold.total', unit: 'ms' },
  { key: 'suggest', label: 'suggest, again: click → suggestions painted', path: 'suggest.total', unit: 'ms' },
  { key: 'suggest.task.waiting', label: 'suggest: longest main-thread task while the worker ran', path: 'suggest.longestTaskWaiting.ms', unit: 'ms' },
  { key: 'suggest.task', label: 'suggest: longest main-thread task, showing them included', path: 'suggest.longestTask.ms', unit: 'ms' },
  { key: 'suggest.task.cold', label: 'suggest, first run: longest main-thread task, showing them included', path: 'suggestCold.longestTask.ms', unit: 'ms' },
  { key: 'suggest.waiting', label: 'suggest: longest frame interval (rAF delta) while the worker ran', path: 'suggest.longestFrameWaiting', unit: 'ms' },
  { key: 'suggest.frame', label: 'suggest: longest frame interval (rAF delta), showing them included', path: 'suggest.longestFrame', unit: 'ms' },
  { key: 'suggest.count', label: 'suggest: suggestions shown', path: 'suggest.suggestions', unit: '', digits: 0 },
  { key: 'heap', label: 'JS heap after open (after GC)', path: 'heap.cdpUsedBytes', unit: 'MB', scale: 1 / MB },
  { key: 'wasm', label: 'wasm linear memory after open', path: 'heap.wasmMemoryBytes', unit: 'MB', scale: 1 / MB },
  { key: 'dom', label: 'DOM elements after open', path: 'heap.domElements', unit: '', digits: 0 },
];

function summarize(samples) {
  const ok = samples.filter((s) => !s.failed);
  for (const s of ok) s.maxLongTaskAfterEdit = Math.max(...EDITS.map((e) => s[e]?.longestTaskAfter ?? 0));
  const out = {};
  for (const m of METRICS) {
    const v = median(ok.map((s) => get(s, m.path)));
    out[m.key] = v == null ? null : v * (m.scale ?? 1);
  }
  return out;
}

function status(pass) {
  return pass === null ? 'n/a' : pass ? 'PASS' : 'MISS';
}
const check = (value, limit) => (value == null || !Number.isFinite(value) ? { pass: null, over: null } : { pass: value <= limit, over: value / limit });

function targetsFor(row, bundle) {
  const { app, floor } = row.summary;
  const t = [];
  const ratio = app.open != null && floor.open ? app.open / floor.open : null;
  t.push({ name: `open ≤ ${TARGETS.openRatio}× floor`, value: ratio == null ? '–' : `${ratio.toFixed(2)}× (${fmt(app.open)} vs ${fmt(floor.open)} ms)`, ...check(ratio, TARGETS.openRatio) });
  for (const e of EDITS) {
    const work = app[`${e}.work`];
    t.push({ name: `${e} ≤ ${TARGETS.editMs} ms (main-thread work)`, value: `${fmt(work)} ms (2 rAF: ${fmt(app[e])} ms)`, ...check(work, TARGETS.editMs) });
  }
  t.push({ name: `ready ≤ ${TARGETS.readyMs} ms (navigation → app with the sample)`, value: `${fmt(app.ready)} ms (floor's first paint: ${fmt(floor.ready)} ms)`, ...check(app.ready, TARGETS.readyMs) });
  t.push({ name: `scroll longest frame ≤ ${TARGETS.scrollMs} ms`, value: `${fmt(app.scroll)} ms`, ...check(app.scroll, TARGETS.scrollMs) });
  t.push({ name: `suggest ≤ ${TARGETS.suggestMs} ms (#7)`, value: `${fmt(app.suggest)} ms (first run, starting the worker: ${fmt(app['suggest.cold'])} ms)`, ...check(app.suggest, TARGETS.suggestMs) });
  const slowest = Math.max(app['suggest.task'] ?? NaN, app['suggest.task.cold'] ?? NaN);
  t.push({ name: `suggest: no main-thread task > one frame (${TARGETS.frameMs} ms), from the click to the suggestions painted (#7)`, value: `${fmt(slowest)} ms (while the worker ran: ${fmt(app['suggest.task.waiting'])} ms)`, ...check(slowest, TARGETS.frameMs) });
  t.push({ name: `JS heap ≤ ${TARGETS.heapMB} MB`, value: `${fmt(app.heap)} MB`, ...check(app.heap, TARGETS.heapMB) });
  // Not a target of the brief: the app's data lives in wasm linear memory, outside the JS heap.
  const both = app.heap != null && app.wasm != null ? app.heap + app.wasm : null;
  t.push({ name: `(info) JS heap + wasm linear memory ≤ ${TARGETS.heapMB} MB`, value: `${fmt(both)} MB`, ...check(both, TARGETS.heapMB), info: true });
  const kb = bundle.gzip / 1024;
  const worker = bundle.worker ? ` (+ ${fmt(bundle.worker.gzip / 1024)} KB suggester worker, on first Suggest)` : '';
  const files = bundle.filesWorker ? ` (+ ${fmt(bundle.filesWorker.gzip / 1024)} KB files worker, on first other format)` : '';
  t.push({ name: `wasm+js+css ≤ ${TARGETS.bundleGzipKB} KB gzipped (first visit)`, value: `${fmt(kb)} KB${worker}${files}`, ...check(kb, TARGETS.bundleGzipKB) });
  return t;
}

function markdown(results) {
  const rows = results.sizes;
  const lines = [];
  const head = rows.map((r) => `${r.key} words, ${r.spans / 1000}k spans (n=${r.loads.app})`);
  lines.push(`| metric | ${head.join(' | ')} |`);
  lines.push(`|---|${rows.map(() => '---:').join('|')}|`);
  lines.push(`| *cell: app / floor (app ÷ floor)* | ${rows.map(() => '').join(' | ')} |`);
  for (const m of METRICS) {
    const cells = rows.map((r) => {
      const a = r.summary.app[m.key];
      const f = r.summary.floor[m.key];
      if (a == null) return '–';
      const d = m.digits ?? 1;
      const app = `${fmt(a, d)}${m.unit ? ' ' + m.unit : ''}`;
      if (f == null || m.key === 'wasm') return app;
      const ratio = f > 0 ? ` (${(a / f).toFixed(1)}×)` : '';
      return `${app} / ${fmt(f, d)}${ratio}`;
    });
    lines.push(`| ${m.label} | ${cells.join(' | ')} |`);
  }
  const b = results.bundle;
  lines.push(`| wasm + js + css a first visit fetches (raw → gzip -9) | ${rows.map(() => `${fmt(b.raw / 1024)} KB → ${fmt(b.gzip / 1024)} KB`).join(' | ')} |`);
  const last = rows.at(-1);
  lines.push('');
  lines.push(`Targets, ${last.key} words / ${last.spans / 1000}k spans:`);
  lines.push('');
  lines.push('| target | measured | |');
  lines.push('|---|---:|---|');
  for (const t of last.targets) {
    const verdict = `${status(t.pass)}${t.pass === false ? ` (${t.over.toFixed(t.over < 2 ? 2 : 1)}× the target)` : ''}`;
    lines.push(`| ${t.name} | ${t.value} | ${t.info ? `(${verdict})` : verdict} |`);
  }
  return lines.join('\n');
}

function compare(oldResults, newResults) {
  const lines = [];
  const changed = newResults.sizes.filter((r) => {
    const o = oldResults.sizes.find((x) => x.key === r.key);
    return o?.stats?.jsonSha256 && r.stats?.jsonSha256 && o.stats.jsonSha256 !== r.stats.jsonSha256;
  });
  if (changed.length) lines.push(`note: the generated documents differ (${changed.map((r) => r.key).join(', ')}): the generator changed`);
  lines.push(`Comparing ${oldResults.commit ?? '?'} (${oldResults.date}) → ${newResults.commit ?? '?'} (${newResults.date})`);
  if (oldResults.machine?.cpu !== newResults.machine?.cpu || oldResults.chromium !== newResults.chromium) {
    lines.push(`note: machine or Chromium differ (${oldResults.machine?.cpu} / ${oldResults.chromium} vs ${newResults.machine?.cpu} / ${newResults.chromium})`);
  }
  lines.push('');
  lines.push('| size | metric | before | after | change |');
  lines.push('|---|---|---:|---:|---:|');
  for (const row of newResults.sizes) {
    const old = oldResults.sizes.find((r) => r.key === row.key);
    if (!old) continue;
    for (const m of METRICS) {
      const a = old.summary.app[m.key];
      const b = row.summary.app[m.key];
      if (a == null || b == null) continue;
      const pct = a ? ((b - a) / a) * 100 : 0;
      const flag = Math.abs(pct) >= 20 ? (pct > 0 ? ' ⚠ slower/bigger' : ' ✓ faster/smaller') : '';
      lines.push(`| ${row.key} | ${m.label}${m.unit ? ` (${m.unit})` : ""} | ${fmt(a, m.digits ?? 1)} | ${fmt(b, m.digits ?? 1)} | ${pct >= 0 ? '+' : ''}${pct.toFixed(1)} %${flag} |`);
    }
  }
  const ga = oldResults.bundle?.gzip;
  const gb = newResults.bundle?.gzip;
  if (ga && gb) lines.push(`| – | wasm+js gzipped (KB) | ${fmt(ga / 1024)} | ${fmt(gb / 1024)} | ${(((gb - ga) / ga) * 100).toFixed(1)} % |`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.print) {
    // The table of a saved result, made again (e.g. for the README), without a run.
    const saved = JSON.parse(await readFile(args.print, 'utf8'));
    for (const row of saved.sizes) row.targets = targetsFor(row, saved.bundle);
    console.log(markdown(saved));
    return;
  }
  if (args.onlyCompare) {
    if (!args.compare) throw new Error('--only-compare needs --compare OLD');
    const [a, b] = await Promise.all([args.compare, args.onlyCompare].map(async (f) => JSON.parse(await readFile(f, 'utf8'))));
    console.log(compare(a, b));
    return;
  }
  const began = Date.now();
  const elapsed = () => (Date.now() - began) / 1000;
  const log = (...m) => console.error(`[${elapsed().toFixed(0).padStart(3)} s]`, ...m);

  if (!(await stat(join(DIST, 'index.html')).catch(() => null))) {
    throw new Error('dist/ has no build: run `trunk build --release` first');
  }
  // A snapshot of dist/, so a rebuild by someone else during the run cannot mix two builds.
  const work = await mkdtemp(join(tmpdir(), 'annotator-bench-'));
  const appDir = join(work, 'app');
  const floorDir = join(work, 'floor');
  const dataDir = join(work, 'data');
  await cp(DIST, appDir, { recursive: true });
  await mkdir(floorDir);
  await mkdir(dataDir);
  await writeFloorPage(floorDir, appDir, { variant: args.floor });
  const bundle = await bundleSizes(appDir);
  log(`dist snapshot: wasm+js+css ${fmt(bundle.raw / 1024)} KB raw, ${fmt(bundle.gzip / 1024)} KB gzipped`);

  const sizes = SIZES.filter((s) => args.sizes.includes(s.key));
  for (const size of sizes) {
    const { json, doc, stats } = generateDocument({ words: size.words, spans: size.spans, seed: 1 });
    validateDocument(doc);
    // The hash of the file opened: a comparison with an earlier run is like for like only if equal.
    size.stats = { ...stats, jsonBytes: Buffer.byteLength(json), jsonSha256: createHash('sha256').update(json).digest('hex') };
    size.files = { json: join(dataDir, `bench-${size.key}.json`), html: join(dataDir, `bench-${size.key}.html`), name: doc.name };
    await writeFile(size.files.json, json);
    await writeFile(size.files.html, articleHtml(doc));
    log(`generated ${size.key}: ${stats.words} words, ${stats.spans} spans (${stats.nested} nested), ${stats.codepoints} code points, ${fmt(json.length / 1024)} KB JSON`);
  }

  const harness = await readFile(HARNESS, 'utf8');
  const app = await serveStatic(appDir);
  const floor = await serveStatic(floorDir);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
  const results = {
    date: new Date().toISOString(),
    commit: git('rev-parse', '--short', 'HEAD'),
    dirty: Boolean(git('status', '--porcelain', '--untracked-files=no')),
    machine: await machine(),
    chromium: browser.version(),
    node: process.version,
    loadAverageAtStart: loadavg(),
    viewport: VIEWPORT,
    chromiumArgs: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
    floorVariant: args.floor,
    targets: TARGETS,
    bundle,
    sizes: [],
  };
  try {
    const budgetEnd = began + args.budgetS * 1000;
    for (const [index, size] of sizes.entries()) {
      const row = { key: size.key, words: size.words, spans: size.spans, stats: size.stats, loads: { app: 0, floor: 0 }, samples: { app: [], floor: [] }, notes: [] };
      const shared = { size, files: size.files, harness };
      // App and floor loads alternate, so a slow spell of the machine hits both alike.
      let planned = args.loads;
      for (let i = 0; i < planned; i++) {
        const t0 = Date.now();
        const a = await measureLoad(browser, { ...shared, url: app.url, target: 'app' });
        const f = await measureLoad(browser, { ...shared, url: floor.url, target: 'floor' });
        row.samples.app.push(a);
        row.samples.floor.push(f);
        const took = (Date.now() - t0) / 1000;
        log(`${size.key} load ${i + 1}/${planned}: open ${fmt(a.open?.total)} / ${fmt(f.open?.total)} ms, add ${fmt(a.add?.total)} / ${fmt(f.add?.total)} ms, scroll ${fmt(a.scroll?.longestFrame)} ms (${took.toFixed(1)} s)${a.failed ? ' APP FAILED: ' + a.failed.split('\n')[0] : ''}${f.failed ? ' FLOOR FAILED: ' + f.failed.split('\n')[0] : ''}${a.errors.length ? ' errors: ' + a.errors.join('; ') : ''}`);
        // Keep to the time budget: the remaining sizes need time too. A load pair took about
        // 12 s + 0.26 s per thousand words on the 2-core machine; scale this load's time by that.
        const cost = (s) => 12 + (0.26 * s.words) / 1000;
        const later = sizes.slice(index + 1).reduce((n, s) => n + (took * cost(s)) / cost(size), 0);
        const need = took * (planned - i - 1) + later * args.minLoads + (args.profile ? 15 : 0); // the largest size gives way first
        if (Date.now() + need * 1000 > budgetEnd && planned > Math.max(args.minLoads, i + 1)) {
          planned = Math.max(args.minLoads, i + 1);
          row.notes.push(`${planned} loads instead of ${args.loads}: the time budget (${args.budgetS} s) would not allow more`);
          log(`time budget: ${size.key} gets ${planned} loads`);
        }
      }
      row.loads = { app: row.samples.app.filter((s) => !s.failed).length, floor: row.samples.floor.filter((s) => !s.failed).length };
      row.summary = { app: summarize(row.samples.app), floor: summarize(row.samples.floor) };
      row.targets = targetsFor(row, bundle);
      results.sizes.push(row);
    }
    if (args.profile) {
      const size = sizes.at(-1);
      log(`profiling one app load of ${size.key} (Chrome trace)…`);
      results.profile = { size: size.key, ...(await profileLoad(browser, { size, files: size.files, harness, url: app.url })) };
    }
  } finally {
    await browser.close().catch(() => {});
    await new Promise((ok) => app.server.close(ok));
    await new Promise((ok) => floor.server.close(ok));
    await rm(work, { recursive: true, force: true });
  }
  results.durationS = Math.round(elapsed());
  results.loadAverageAtEnd = loadavg();

  const table = markdown(results);
  results.table = table;
  console.log('');
  console.log(`Article Annotator benchmark — ${results.date.slice(0, 10)}, commit ${results.commit}${results.dirty ? ' (+ uncommitted changes)' : ''}`);
  console.log(`${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memory}; Chromium ${results.chromium}; ${results.durationS} s${args.floor !== 'same' ? `; floor variant: ${args.floor}` : ''}`);
  console.log('');
  console.log(table);
  for (const row of results.sizes) for (const n of row.notes) console.log(`\nnote (${row.key}): ${n}`);
  if (results.profile) {
    console.log(`\nWhere the main thread's time goes (${results.profile.size}, one traced app load; self time in ms by trace event):`);
    for (const phase of ['open', 'add']) {
      const p = results.profile[phase];
      if (!p) continue;
      console.log(`  ${phase} (${fmt(p.result.total)} ms measured): ${Object.entries(p.selfTime).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    }
  }
  if (args.save) {
    // results-<date>.json; a second run on the same day gets the time too, never overwrites.
    let out = args.out ?? join(ROOT, 'benchmarks', `results-${results.date.slice(0, 10)}.json`);
    if (!args.out && (await stat(out).catch(() => null))) out = out.replace(/\.json$/, `-${results.date.slice(11, 19).replace(/:/g, '')}.json`);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, JSON.stringify(results, null, 1) + '\n');
    console.log(`\nsaved ${out}`);
  }
  if (args.compare) {
    const old = JSON.parse(await readFile(args.compare, 'utf8'));
    console.log('');
    console.log(compare(old, results));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
