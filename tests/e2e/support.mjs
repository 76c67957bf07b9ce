// Shared pieces of the end-to-end tests: a static server for the release build in dist/,
// headless Chromium through playwright-core, and DOM helpers that speak the app's offsets
// (Unicode code points of the article text, like Python slicing).

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// E2E_DIST points the tests at another build (a debug build, or one made in a scratch folder).
export const DIST = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');
// A debug build, for what only debug builds do; E2E_DEBUG_DIST points elsewhere.
export const DEBUG_DIST = process.env.E2E_DEBUG_DIST ? resolve(process.env.E2E_DEBUG_DIST) : join(ROOT, 'target', 'dist-debug');

/** Fails with what to do when DEBUG_DIST holds no debug build; `why` says what needs one. */
export function requireDebugBuild(why) {
  const index = join(DEBUG_DIST, 'index.html');
  const build = `Run \`trunk build --dist target/dist-debug\` first (${why}).`;
  if (!existsSync(index)) throw new Error(`No build in ${DEBUG_DIST}. ${build}`);
  if (readFileSync(index, 'utf8').includes('Content-Security-Policy')) {
    throw new Error(`${DEBUG_DIST} holds a release build. ${build}`);
  }
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `root` on 127.0.0.1 at a free port, under the path `prefix` (a static host's subpath;
 * nothing outside it is served); resolves to {server, url}, `url` ending in `prefix`.
 */
export async function serveStatic(root = DIST, { prefix = '/' } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      if (!pathname.startsWith(prefix)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${pathname}`);
        return;
      }
      let path = pathname.slice(prefix.length - 1);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return { server, url: `http://127.0.0.1:${port}${prefix}` };
}

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Starts the server (serving `root` under `prefix`) and Chromium, opens the app and waits for
 * its article. Returns {browser, context, page, url, server, errors, close}; `errors` collects
 * page errors and console errors so a test can assert that the app did not panic.
 * `beforeLoad(page)` runs before the app is opened (to watch its requests from the first, say).
 * With `touch`, the page is a touch screen's (taps, a mobile viewport); `serviceWorkers:
 * 'block'` keeps the offline cache out (so `page.route` sees every fetch).
 */
export async function launch({ root = DIST, prefix = '/', viewport = { width: 1400, height: 1000 }, beforeLoad, touch = false, serviceWorkers = 'allow' } = {}) {
  const { server, url } = await serveStatic(root, { prefix });
  let browser;
  try {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport, acceptDownloads: true, hasTouch: touch, isMobile: touch, serviceWorkers });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    await beforeLoad?.(page);
    await page.goto(url);
    await page.waitForSelector('[data-testid=article]');
    const close = async () => {
      await browser.close().catch(() => {});
      await new Promise((ok) => server.close(ok));
    };
    return { browser, context, page, url, server, errors, close };
  } catch (error) {
    await browser?.close().catch(() => {});
    server.close();
    throw error;
  }
}

/**
 * Starts Chromium on the profile directory `profile` in a process group of its own, so that
 * `killGroup` can end the whole browser (renderers, GPU and storage processes included) at
 * once, as a crash or a power cut would, and connects Playwright to it over CDP.
 * Resolves to {child, browser}; `args` are added to CHROMIUM_ARGS.
 */
export async function startChromiumOnProfile(profile, { args = [] } = {}) {
  const child = spawn(
    '/usr/bin/chromium',
    [...CHROMIUM_ARGS, ...args, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  try {
    const endpoint = await new Promise((ok, fail) => {
      let seen = '';
      child.stderr.on('data', (chunk) => {
        seen += chunk;
        const match = seen.match(/DevTools listening on (ws:\/\/\S+)/);
        if (match) ok(match[1]);
      });
      child.once('error', fail);
      child.once('exit', () => fail(new Error(`chromium exited early: ${seen}`)));
    });
    // Keep reading, so a chatty browser never blocks on a full pipe.
    child.stderr.resume();
    const browser = await chromium.connectOverCDP(endpoint);
    return { child, browser };
  } catch (error) {
    await killGroup(child);
    throw error;
  }
}

/** Whether any process of process group `group` is still alive (zombies do not count). */
function groupAlive(group) {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // Gone meanwhile.
    }
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === group && state !== 'Z' && state !== 'X') return true;
  }
  return false;
}

/**
 * Kills the process group that `child` leads (see `startChromiumOnProfile`) with SIGKILL and
 * resolves once its leader has exited and no process of the group is left running.
 */
export async function killGroup(child) {
  const exited = child.exitCode === null && child.signalCode === null ? new Promise((ok) => child.once('exit', ok)) : null;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
  await exited;
  for (const deadline = Date.now() + 5_000; groupAlive(child.pid) && Date.now() < deadline; ) {
    await new Promise((ok) => setTimeout(ok, 20));
  }
}

/** Retries `check` (which throws, e.g. an assert, until things are as expected) until it passes. */
export async function eventually(check, { timeout = 5_000, interval = 50 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((ok) => setTimeout(ok, interval));
    }
  }
}

/** The article's textContent. */
export async function articleText(page) {
  return page.$eval('[data-testid=article]', (article) => article.textContent);
}

/**
 * The spans drawn in the article: one {id, label, text} per distinct `data-span-id`, in order of
 * first appearance; a span drawn as several elements (across paragraphs, or crossing another)
 * has their textContent joined in document order.
 */
export async function spans(page) {
  return page.$$eval('[data-testid=article] [data-span-id]', (elements) => {
    const byId = new Map();
    for (const element of elements) {
      const id = element.getAttribute('data-span-id');
      const entry = byId.get(id);
      if (entry) entry.text += element.textContent;
      else byId.set(id, { id, label: element.getAttribute('data-label'), text: element.textContent });
    }
    return [...byId.values()];
  });
}

/** Ids of the span elements whose aria-current is "true" (distinct, document order). */
export async function selectedSpanIds(page) {
  return page.$$eval('[data-testid=article] [data-span-id][aria-current="true"]', (elements) => [
    ...new Set(elements.map((e) => e.getAttribute('data-span-id'))),
  ]);
}

/**
 * Viewport coordinates for a drag over code points [start, end) of the article text: a pixel
 * inside the left edge of the first character and a pixel inside the right edge of the last one,
 * each at the vertical middle of its character's box.
 */
export async function textCoordinates(page, start, end) {
  return page.$eval(
    '[data-testid=article]',
    (article, [start, end]) => {
      // Code-point offset → (text node, UTF-16 offset in it).
      const locate = (cp, preferNext) => {
        const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
        let seen = 0;
        let last = null;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const chars = Array.from(node.data);
          // At a node boundary, `preferNext` picks the following node (where a character starts).
          if (cp < seen + chars.length || (!preferNext && cp === seen + chars.length)) {
            const utf16 = chars.slice(0, cp - seen).join('').length;
            return { node, offset: utf16 };
          }
          seen += chars.length;
          last = node;
        }
        if (last && cp === seen) return { node: last, offset: last.data.length };
        throw new Error(`code point ${cp} is outside the article (${seen} code points)`);
      };
      const rectOf = (from, to) => {
        const range = document.createRange();
        range.setStart(from.node, from.offset);
        range.setEnd(to.node, to.offset);
        const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 || r.height > 0);
        return rects.length ? rects : [range.getBoundingClientRect()];
      };
      const point = (cp) => {
        // The collapsed range at the point, for when the character box is empty.
        const at = locate(cp, true);
        const range = document.createRange();
        range.setStart(at.node, at.offset);
        range.collapse(true);
        return range.getBoundingClientRect();
      };
      // The first character's box (its first line box) and the last character's (its last).
      const firstRects = rectOf(locate(start, true), locate(start + 1, false));
      const lastRects = rectOf(locate(end - 1, true), locate(end, false));
      const first = firstRects[0];
      const last = lastRects[lastRects.length - 1];
      const from = first.width > 0 ? first : point(start);
      const to = last.width > 0 ? last : point(end);
      return {
        from: { x: from.left + Math.min(1, from.width / 4), y: from.top + from.height / 2 },
        to: { x: to.right - Math.min(1, to.width / 4), y: to.top + to.height / 2 },
      };
    },
    [start, end],
  );
}

/**
 * Selects code points [start, end) of the article by dragging the real mouse over them. With
 * `alt`, Alt is held down for the whole drag (mouse-down to mouse-up) and released afterwards.
 */
export async function selectText(page, start, end, { alt = false, steps = 8 } = {}) {
  if (!(start < end)) throw new Error(`empty selection ${start}..${end}`);
  let { from, to } = await textCoordinates(page, start, end);
  const margin = 40;
  if (from.y < margin || to.y > (await page.evaluate(() => window.innerHeight)) - margin) {
    // The mouse drags only what is on screen (a first-visit hint may push the text down), and a
    // drag near the window's edge scrolls the page under it.
    await scrollTextIntoView(page, start);
    ({ from, to } = await textCoordinates(page, start, end));
  }
  await page.mouse.move(from.x, from.y);
  if (alt) await page.keyboard.down('Alt');
  try {
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps });
    await page.mouse.up();
  } finally {
    if (alt) await page.keyboard.up('Alt');
  }
}

/** The current DOM selection as text (what the browser selected, before any snapping). */
export async function selectionText(page) {
  return page.evaluate(() => String(window.getSelection()));
}

/** Code-point offset of the `occurrence`-th (0-based) `needle` in `text`; throws when absent. */
export function cpIndexOf(text, needle, occurrence = 0) {
  let from = 0;
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, from);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} (#${occurrence}) is not in the text`);
    from = at + needle.length;
  }
  return Array.from(text.slice(0, at)).length;
}

/** Python-style `text[start:end]` in code points. */
export function cpSlice(text, start, end) {
  return Array.from(text).slice(start, end).join('');
}

/** A JSON file named `name` holding `raw`, as `setInputFiles` takes it. */
export function jsonFile(name, raw) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(raw, 'utf8') };
}

/**
 * Opens `text` as a plain-text file named `name` through the open-file input and waits until
 * it is the article on screen. Returns the new document's `data-document-id`.
 */
export async function openTextFile(page, name, text) {
  const items = page.locator('[data-testid=document-list] [data-testid=document-item]');
  const before = await items.count();
  await page.setInputFiles('input[type=file][data-testid=open-file]', {
    name,
    mimeType: 'text/plain',
    buffer: Buffer.from(text, 'utf8'),
  });
  await eventually(async () => {
    if ((await items.count()) !== before + 1) throw new Error(`${name} is not in the document list yet`);
    if ((await articleText(page)) !== text) throw new Error(`${name} is not on screen yet`);
  });
  return items.last().getAttribute('data-document-id');
}

/** Scrolls the window so that code point `cp` of the article is in the middle of the viewport. */
export async function scrollTextIntoView(page, cp) {
  const { from } = await textCoordinates(page, cp, cp + 1);
  await page.evaluate((y) => window.scrollBy(0, y - window.innerHeight / 2), from.y);
}

/**
 * Whether the first element matching `selector` lies wholly inside the viewport (give or take
 * `slack` pixels, for sub-pixel layout).
 */
export async function isInViewport(page, selector, { slack = 1 } = {}) {
  return page.$eval(
    selector,
    (element, slack) => {
      const rect = element.getBoundingClientRect();
      return (
        rect.top >= -slack &&
        rect.left >= -slack &&
        rect.bottom <= window.innerHeight + slack &&
        rect.right <= window.innerWidth + slack
      );
    },
    slack,
  );
}

/**
 * What is on top at the centre of the first element matching `selector`: null when it is the
 * element itself (or inside it), else a short description of what covers it.
 */
export async function coveredBy(page, selector) {
  return page.$eval(selector, (element) => {
    const rect = element.getBoundingClientRect();
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    if (hit && (hit === element || element.contains(hit))) return null;
    return hit ? hit.outerHTML.slice(0, 120) : 'nothing (outside the viewport)';
  });
}

/** Clicks Export JSON; resolves to {name, raw, json} of the downloaded file. */
export async function exportJson(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-json]')]);
  const path = await download.path();
  const raw = await readFile(path, 'utf8');
  return { name: download.suggestedFilename(), raw, json: JSON.parse(raw) };
}

/** Tags the first `needle` of the open article with the label key `key`, by mouse selection. */
export async function tagFirst(page, needle, key) {
  const start = cpIndexOf(await articleText(page), needle);
  await selectText(page, start, start + Array.from(needle).length);
  await page.keyboard.press(key);
  await eventually(async () => {
    if (!(await spans(page)).some((s) => s.text === needle)) throw new Error(`no span "${needle}" yet`);
  });
}
