#!/usr/bin/env node
// Where the app's time goes, by Rust function: a CPU profile (CDP Profiler) of opening the
// 100k-word document and of one edit, in a build whose wasm keeps its function names.
//
// The release build in dist/ has no names (wasm-opt strips them), so this script makes its own
// copy from the cargo output that `trunk build --release` leaves in
// target/wasm32-unknown-unknown/release/ (same code, not yet through wasm-opt) with
// wasm-bindgen, in a temp dir; dist/ and target/ are only read. The profile thus measures an
// opt-level "z" build without wasm-opt: close to dist/, not the same bytes. Use run.mjs for the
// figures, this for the "why".
//
//   node scripts/bench/profile.mjs [--size 100k|3m] [--edit add|relabel|delete|undo|suggest|accept-all|find] [--top 25]
//                                  [--repeat 1]   (warm Suggests in the one profile, for more samples)
//                                  [--first]      (profile the first Suggest, which starts the worker)
//                                  [--callers RE] (for functions matching RE, the time by calling chain)

import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile, copyFile, rm, stat } from 'node:fs/promises';
import { tmpdir, homedir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { serveStatic, CHROMIUM_ARGS, ROOT, DIST } from '../../tests/e2e/support.mjs';
import { generateDocument } from './generate.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const SIZES = { '10k': [10_000, 1_000], '50k': [50_000, 5_000], '100k': [100_000, 10_000], '3m': [435_000, 0] };

const args = { size: '100k', top: 25, edit: 'add', repeat: 1, first: false, callers: null };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--size') args.size = process.argv[++i];
  else if (a === '--top') args.top = Number(process.argv[++i]);
  else if (a === '--edit') args.edit = process.argv[++i];
  else if (a === '--repeat') args.repeat = Number(process.argv[++i]);
  else if (a === '--first') args.first = true;
  else if (a === '--callers') args.callers = new RegExp(process.argv[++i]);
  else throw new Error(`unknown argument ${a}`);
}

const cargoWasm = join(ROOT, 'target', 'wasm32-unknown-unknown', 'release', 'article-annotator.wasm');
const info = await stat(cargoWasm).catch(() => null);
if (!info) throw new Error(`${cargoWasm} is missing: run \`trunk build --release\` first`);
const work = await mkdtemp(join(tmpdir(), 'annotator-profile-'));
try {
  execFileSync(join(homedir(), '.cargo', 'bin', 'wasm-bindgen'), ['--target', 'web', '--no-typescript', '--out-dir', work, '--out-name', 'app', cargoWasm]);
  // Styles, and the suggester's worker as dist/ has it (for --edit suggest).
  for (const f of await readdir(DIST)) if (f.endsWith('.css') || f.startsWith('suggest')) await copyFile(join(DIST, f), join(work, f));
  const css = (await readdir(work)).filter((f) => f.endsWith('.css')).map((f) => `<link rel="stylesheet" href="/${f}">`).join('\n');
  await writeFile(
    join(work, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module">
import init, * as bindings from '/app.js';
const wasm = await init({ module_or_path: '/app_bg.wasm' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>${css}</head><body></body></html>`,
  );
  const [words, spans] = SIZES[args.size];
  const { json } = generateDocument({ words, spans, seed: 1 });
  const file = join(work, 'doc.json');
  await writeFile(file, json);

  const { server, url } = await serveStatic(work);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addInitScript({ path: join(HERE, 'harness.js') });
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    await page.goto(url);
    await page.waitForSelector('[data-testid=article]');
    await page.evaluate(() => __bench.settle(300));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const profiled = async (name, act) => {
      await cdp.send('Profiler.start');
      const result = await act();
      const { profile } = await cdp.send('Profiler.stop');
      report(name, result, profile, args.top);
      if (args.callers) callers(profile, args.callers, args.top);
    };
    await profiled(`open ${args.size}`, async () => {
      await page.evaluate((n) => __bench.arm({ event: 'change', kind: 'count', arg: n, timeoutMs: 120_000 }), spans);
      await page.setInputFiles('input[type=file][data-testid=open-file]', file);
      return page.evaluate(() => __bench.result);
    });
    // A document with no spans meets the open's condition at once: wait for its text too.
    await page.waitForFunction(() => document.querySelector('[data-testid=article]').textContent.length > 50_000);
    await page.evaluate(() => __bench.settle(1000));
    await page.evaluate(() => document.activeElement?.blur());
    const before = await page.evaluate(() => __bench.spanIds());
    await page.evaluate(() => __bench.selectWordFarDown(0.85));
    await profiled(`add (key 1) ${args.size}`, async () => {
      await page.evaluate((n) => __bench.arm({ event: 'keydown', kind: 'count', arg: n }), spans + 1);
      await page.keyboard.press('1');
      return page.evaluate(() => __bench.result);
    });
    if (args.edit === 'suggest') {
      // The worker's first run (start, compile) first; the profile is of a warm one, unless --first.
      if (args.first) {
        await profiled(`suggest (first) ${args.size}`, async () => ({ ...(await page.evaluate(() => __bench.suggest())), script: NaN, frame: NaN }));
      } else {
        await page.evaluate(() => __bench.suggest());
      }
      await page.evaluate(() => __bench.settle(1000));
      if (!args.first) await profiled(`suggest (warm, ${args.repeat}×) ${args.size}`, async () => {
        let total = 0;
        for (let i = 0; i < args.repeat; i++) total += (await page.evaluate(() => __bench.suggest())).total;
        return { total, script: NaN, frame: NaN };
      });
    } else if (args.edit === 'accept-all') {
      // Bulk work: Suggest, then "Accept all" of every suggestion (use with --size 3m).
      await page.evaluate(() => __bench.suggest());
      await page.evaluate(() => __bench.settle(1000));
      await profiled(`accept all ${args.size}`, async () => {
        const began = await page.evaluate(() => performance.now());
        await page.click('[data-testid=accept-all-suggestions]');
        await page.waitForFunction(() => document.querySelectorAll('[data-suggestion-id]').length === 0, null, { timeout: 120_000 });
        const total = (await page.evaluate(() => performance.now())) - began;
        return { total, script: NaN, frame: NaN };
      });
    } else if (args.edit === 'find') {
      // Find as you type: the first key of a query, not whole words (use with --size 3m).
      await page.locator('[data-testid=article]').focus();
      await page.keyboard.press('/');
      await page.uncheck('[data-testid=find-whole-word]');
      await page.focus('[data-testid=find-input]');
      await page.evaluate(() => __bench.settle(1000));
      await profiled(`find: key "t" ${args.size}`, async () => {
        const before = await page.locator('[data-testid=find-count]').textContent();
        const began = await page.evaluate(() => performance.now());
        await page.keyboard.press('t');
        await page.waitForFunction((b) => document.querySelector('[data-testid=find-count]').textContent !== b, before);
        return { total: (await page.evaluate(() => performance.now())) - began, script: NaN, frame: NaN };
      });
    } else if (args.edit !== 'add') {
      await page.evaluate(() => __bench.settle(1000));
      const id = await page.evaluate((b) => __bench.newSpanId(b), before);
      if (args.edit === 'relabel' || args.edit === 'delete' || args.edit === 'undo') {
        const [key, kind, arg] = {
          relabel: ['2', 'label', { id, label: 'location' }],
          delete: ['Delete', 'gone', id],
          undo: ['Control+z', 'gone', id],
        }[args.edit];
        await profiled(`${args.edit} ${args.size}`, async () => {
          await page.evaluate((a) => __bench.arm({ event: 'keydown', ...a }), { kind, arg });
          await page.keyboard.press(key);
          return page.evaluate(() => __bench.result);
        });
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

/** A CPU profile's nodes by id, and each node's parent. */
function tree(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  return { byId, parent };
}

/** Self and total time per function over the profile, the top `top` by self time. */
function report(name, result, profile, top) {
  const { byId, parent } = tree(profile);
  const selfUs = new Map();
  const totalUs = new Map();
  const label = (n) => {
    const f = n.callFrame;
    const fn = f.functionName || '(anonymous)';
    return f.url && !f.url.endsWith('.wasm') && !fn.startsWith('(') ? `${fn} [js]` : fn;
  };
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const us = dt[i + 1] ?? 0;
    let node = byId.get(profile.samples[i]);
    selfUs.set(label(node), (selfUs.get(label(node)) ?? 0) + us);
    const seen = new Set();
    for (let id = node.id; id != null; id = parent.get(id)) {
      const l = label(byId.get(id));
      if (seen.has(l)) continue;
      seen.add(l);
      totalUs.set(l, (totalUs.get(l) ?? 0) + us);
    }
  }
  const all = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const idle = (selfUs.get('(idle)') ?? 0) + (selfUs.get('(program)') ?? 0);
  console.log(`\n## ${name}: measured ${result.total.toFixed(0)} ms (script ${result.script.toFixed(0)}, frame ${result.frame.toFixed(0)}); profile ${(all / 1000).toFixed(0)} ms, of which idle/program ${(idle / 1000).toFixed(0)} ms`);
  const ms = (us) => (us / 1000).toFixed(1).padStart(8);
  console.log('    self ms  total ms  function');
  for (const [fn, us] of [...selfUs.entries()].filter(([f]) => f !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${ms(us)}  ${ms(totalUs.get(fn) ?? 0)}  ${fn.slice(0, 150)}`);
  }
  console.log('  — by total time (inclusive), Rust functions of the app:');
  for (const [fn, us] of [...totalUs.entries()].filter(([f]) => /article_annotator|yew::/.test(f)).sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${' '.repeat(8)}  ${ms(us)}  ${fn.slice(0, 150)}`);
  }
}

/** Where the time of the functions matching `re` is spent from: self time summed by the chain of
 * the nearest five callers that belong to the app or Yew, heaviest first. */
function callers(profile, re, top) {
  const { byId, parent } = tree(profile);
  const name = (n) => n.callFrame.functionName || '(anonymous)';
  const short = (f) => f.replace(/::h[0-9a-f]{16}$/, '').replace(/^<(.*) as .*>::run.*$/, '$1').slice(-90);
  const byChain = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    if (!re.test(name(node))) continue;
    const chain = [];
    for (let id = parent.get(node.id); id != null && chain.length < 5; id = parent.get(id)) {
      const f = name(byId.get(id));
      if (/article_annotator|yew::/.test(f)) chain.push(short(f));
    }
    const key = chain.join('  <  ');
    byChain.set(key, (byChain.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  console.log(`  — callers of /${re.source}/:`);
  for (const [chain, us] of [...byChain.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${(us / 1000).toFixed(1).padStart(8)}  ${chain}`);
  }
}
