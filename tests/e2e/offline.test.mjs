// The installable app: once visited, the release build starts and works with the network gone
// (from the host's root and from a subpath); a new build is offered with "Reload", never forced,
// and replaces the old cache completely; a development build removes the service worker; the
// manifest names real icons; files the operating system hands over open as picked files do.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { WORKER, buildManifest, filesUnder } from '../../scripts/service_worker.mjs';
import {
  DEBUG_DIST,
  DIST,
  ROOT,
  articleText,
  eventually,
  exportJson,
  jsonFile,
  launch,
  openTextFile,
  requireDebugBuild,
  spans,
  tagFirst,
} from './support.mjs';

const OPEN = 'input[type=file][data-testid=open-file]';
const TEXT = 'Kremlin spokesman Dmitry Peskov said in Moscow that talks with Ukraine would resume.\n';

/** A copy of the release build in a scratch folder, to change as a next build would. */
function copyOfDist() {
  const folder = mkdtempSync(join(tmpdir(), 'annotator-offline-'));
  cpSync(DIST, folder, { recursive: true });
  return folder;
}

/** What the page's origin holds in Cache Storage: {name: [url, …]}, urls sorted. */
async function cached(page) {
  return page.evaluate(async () => {
    const all = {};
    for (const name of await caches.keys()) {
      const requests = await (await caches.open(name)).keys();
      all[name] = requests.map((request) => request.url).sort();
    }
    return all;
  });
}

/** The urls a build in `folder` served at `url` must have cached, sorted. */
function expectedUrls(folder, url) {
  return buildManifest(folder)
    .files.map((file) => new URL(file, url).href)
    .sort();
}

/** Waits until a service worker answers the page and has cached exactly the build in `folder`. */
async function waitUntilOffline(page, folder, url) {
  const { version } = buildManifest(folder);
  await eventually(
    async () => {
      assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'no service worker answers the page yet');
      assert.deepEqual(await cached(page), { [`article-annotator ${url} ${version}`]: expectedUrls(folder, url) });
    },
    { timeout: 20_000 },
  );
}

/** Stops the server and drops its open connections, and takes the browser offline. */
async function goOffline(app) {
  await app.context.setOffline(true);
  await new Promise((ok) => {
    app.server.close(ok);
    app.server.closeAllConnections();
  });
}

for (const prefix of ['/', '/sub/dir/']) {
  describe(`offline once visited, served at ${prefix}`, { timeout: 120_000 }, () => {
    test('with the network gone, a reload starts the app; it opens, tags, suggests, exports and keeps the span', async () => {
      const app = await launch({ prefix });
      try {
        const { page, url, errors } = app;
        await waitUntilOffline(page, DIST, url);
        await goOffline(app);
        assert.equal(await page.evaluate(() => navigator.onLine), false);

        await page.reload();
        await page.waitForSelector('[data-testid=article]');
        await openTextFile(page, 'offline.txt', TEXT);
        await tagFirst(page, 'Moscow', '2');

        // The suggester's worker, its glue and its wasm come from the cache.
        await page.click('[data-testid=suggest]');
        await eventually(async () => assert.ok((await page.locator('[data-suggestion-id]').count()) > 0, 'no suggestions'), {
          timeout: 20_000,
        });

        const { json } = await exportJson(page);
        const exported = json.documents.find((d) => d.name === 'offline.txt');
        assert.deepEqual(
          exported.spans.map((s) => [s.label, s.text]),
          [['location', 'Moscow']],
        );

        await page.reload();
        await page.waitForSelector('[data-testid=article]');
        await eventually(async () => {
          assert.equal(await articleText(page), TEXT);
          assert.deepEqual(
            (await spans(page)).map((s) => [s.label, s.text]),
            [['location', 'Moscow']],
          );
        });
        assert.deepEqual(errors, []);
      } finally {
        await app.close();
      }
    });
  });
}

describe('a new build', { timeout: 120_000 }, () => {
  test('is offered with "Reload", never forced, and then served alone from a fresh cache', async () => {
    const folder = copyOfDist();
    const app = await launch({ root: folder, prefix: '/sub/dir/' });
    try {
      const { page, url, context, errors } = app;
      await waitUntilOffline(page, folder, url);
      await openTextFile(page, 'before.txt', TEXT);
      await tagFirst(page, 'Peskov', '1');
      const other = await context.newPage();
      await other.goto(url);
      await other.waitForSelector('[data-testid=article]');
      for (const tab of [page, other]) await tab.evaluate(() => (window.sameVisit = true));

      // The next build: a changed page and script, and its service worker written again.
      const oldVersion = buildManifest(folder).version;
      const marker = '<meta name="build" content="next" />';
      const index = join(folder, 'index.html');
      writeFileSync(index, readFileSync(index, 'utf8').replace('</head>', `${marker}</head>`));
      appendFileSync(join(folder, 'crash.js'), '\n// next build\n');
      execFileSync(process.execPath, [join(ROOT, 'scripts', 'service_worker.mjs')], {
        env: { ...process.env, TRUNK_STAGING_DIR: folder, TRUNK_PROFILE: 'release' },
      });
      const newVersion = buildManifest(folder).version;
      assert.notEqual(newVersion, oldVersion);

      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      await page.waitForSelector('[data-testid=update-ready]', { timeout: 20_000 });
      assert.equal(await page.textContent('[data-testid=update-ready] .alert-message'), 'A new version is ready —');
      assert.equal(await page.textContent('[data-testid=update-ready] button[data-testid=update-reload]'), 'Reload');
      // A tab opened now runs the old version still, and says so too.
      const third = await context.newPage();
      await third.goto(url);
      await third.waitForSelector('[data-testid=update-ready]');
      assert.equal(await third.locator(`meta[name=build]`).count(), 0);
      for (const tab of [page, other]) assert.equal(await tab.evaluate(() => window.sameVisit), true);

      await Promise.all([page.waitForEvent('load'), page.click('[data-testid=update-reload]')]);
      await page.waitForSelector('[data-testid=article]');
      assert.equal(await page.evaluate(() => window.sameVisit), undefined, 'the page did not reload');
      assert.equal(await page.locator('meta[name=build]').count(), 1);
      assert.equal(await page.locator('[data-testid=update-ready]').count(), 0);
      assert.match(await page.evaluate(() => fetch('crash.js').then((r) => r.text())), /next build/);
      assert.deepEqual(await cached(page), { [`article-annotator ${url} ${newVersion}`]: expectedUrls(folder, url) });
      await eventually(async () => assert.deepEqual((await spans(page)).map((s) => s.text), ['Peskov']));
      // The other tab is left alone: its person reloads when they choose.
      assert.equal(await other.evaluate(() => window.sameVisit), true);
      assert.deepEqual(errors, []);
    } finally {
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('a development build at the same address removes the service worker and its caches', async () => {
    requireDebugBuild('a development build must remove the service worker');
    const folder = copyOfDist();
    const app = await launch({ root: folder });
    try {
      const { page, url } = app;
      await waitUntilOffline(page, folder, url);
      rmSync(folder, { recursive: true, force: true });
      cpSync(DEBUG_DIST, folder, { recursive: true });

      // The first reload is still answered from the cache; the worker it checks is the
      // development build's, which drops the caches and unregisters.
      await page.reload();
      await eventually(
        async () => {
          assert.deepEqual(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), 0);
          assert.deepEqual(await cached(page), {});
        },
        { timeout: 20_000 },
      );
      await page.reload();
      await page.waitForSelector('[data-testid=article]');
      assert.equal(await page.locator('meta[http-equiv=Content-Security-Policy]').count(), 0, 'not the development build');
      assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null);
      // The development build registers none of its own.
      await page.waitForLoadState('networkidle');
      assert.deepEqual(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), 0);
    } finally {
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** Width and height of a PNG file, from its header. */
function pngSize(file) {
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(1, 4).toString('ascii'), 'PNG', `${file} is no PNG`);
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

describe('the installable app', { timeout: 60_000 }, () => {
  test('the manifest names the app, both themes, icons of the sizes it states and the files it opens', async () => {
    const app = await launch({ prefix: '/sub/dir/' });
    try {
      const { page, url } = app;
      const href = await page.$eval('link[rel=manifest]', (link) => link.href);
      const manifest = await page.evaluate((href) => fetch(href).then((r) => r.json()), href);
      assert.equal(manifest.name, 'Article Annotator');
      assert.equal(manifest.display, 'standalone');
      assert.equal(new URL(manifest.start_url, href).href, url);
      assert.equal(new URL(manifest.scope, href).href, url);
      assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/);
      assert.match(manifest.background_color, /^#[0-9a-f]{6}$/);
      const themes = await page.$$eval('meta[name=theme-color]', (metas) => metas.map((m) => [m.media, m.content]));
      assert.deepEqual(
        themes.map(([media]) => media),
        ['(prefers-color-scheme: light)', '(prefers-color-scheme: dark)'],
      );
      assert.equal(themes[0][1], manifest.theme_color);
      // The window takes the page's background in either theme, the system's or one picked.
      const windowColour = () =>
        page.$$eval('meta[name=theme-color]', (metas) => metas.filter((m) => matchMedia(m.media).matches).map((m) => m.content));
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const hex = (rgb) => `#${rgb.match(/\d+/g).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
      const matches = (what) => eventually(async () => assert.deepEqual(await windowColour(), [hex(await background())], what));
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme });
        await matches(`system ${scheme}`);
        for (let i = 1; i <= 3; i++) {
          await page.click('[data-testid=theme]');
          await matches(`system ${scheme}, theme button pressed ${i} times`);
        }
      }

      assert.deepEqual(manifest.icons.map((icon) => icon.sizes).sort(), ['192x192', '512x512']);
      for (const icon of manifest.icons) {
        const iconUrl = new URL(icon.src, href);
        assert.ok(iconUrl.href.startsWith(url), `${icon.src} lies outside the app`);
        assert.equal(pngSize(join(DIST, iconUrl.href.slice(url.length))), icon.sizes);
        assert.equal(await page.evaluate((u) => fetch(u).then((r) => r.status), iconUrl.href), 200);
      }

      // What Chromium's "Install app" asks of a page.
      await waitUntilOffline(page, DIST, url);
      const cdp = await app.context.newCDPSession(page);
      assert.deepEqual((await cdp.send('Page.getAppManifest')).errors, []);
      // Playwright's contexts are incognito profiles, where nothing installs: any other reason is the app's.
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), []);

      const [handler] = manifest.file_handlers;
      assert.equal(new URL(handler.action, href).href, url);
      assert.deepEqual(Object.values(handler.accept).flat().sort(), ['.json', '.jsonl', '.md', '.txt']);

      // The page's policy is as strict as before: one inline script, Trunk's, allowed by hash.
      const policy = await page.$eval('meta[http-equiv=Content-Security-Policy]', (m) => m.content);
      assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'; /);
      assert.equal(await page.locator('script:not([src])').count(), 1);
      // The service worker caches every file of the build.
      const worker = readFileSync(join(DIST, WORKER), 'utf8');
      for (const file of filesUnder(DIST).filter((f) => f !== WORKER && f !== 'index.html')) {
        assert.ok(worker.includes(JSON.stringify(encodeURI(file))), `${file} is not cached`);
      }
    } finally {
      await app.close();
    }
  });

  test('files handed over by the operating system open as picked ones do, errors included', async () => {
    const app = await launch();
    try {
      const { browser, url } = app;
      const context = await browser.newContext();
      // Keeps the consumer the app gives the launch queue, to launch files with; a stand-in
      // queue where this Chromium has none.
      await context.addInitScript(() => {
        const queue = window.launchQueue ?? {};
        const give = queue.setConsumer?.bind(queue);
        Object.defineProperty(window, 'launchQueue', {
          value: {
            setConsumer(consumer) {
              window.launchConsumer = consumer;
              give?.(consumer);
            },
          },
        });
      });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(url);
      await page.waitForSelector('[data-testid=article]');
      await page.waitForFunction(() => typeof window.launchConsumer === 'function');

      // Real file handles, from the origin's private file system.
      const launchFiles = (files) =>
        page.evaluate(async (files) => {
          const root = await navigator.storage.getDirectory();
          const handles = [];
          for (const [name, text] of files) {
            if (text === null) {
              handles.push(await root.getDirectoryHandle(name, { create: true }));
              continue;
            }
            const handle = await root.getFileHandle(name, { create: true });
            const writable = await handle.createWritable();
            await writable.write(text);
            await writable.close();
            handles.push(handle);
          }
          window.launchConsumer({ files: handles });
        }, files);
      const items = page.locator('[data-testid=document-item]');

      const before = await items.count();
      const jsonl = `${JSON.stringify({ text: 'Second text from Kyiv.' })}\n`;
      await launchFiles([
        ['launched.txt', TEXT],
        ['launched.jsonl', jsonl],
      ]);
      await eventually(async () => assert.equal(await items.count(), before + 2));
      const names = await items.evaluateAll((all) => all.map((item) => item.textContent));
      assert.ok(names.some((n) => n.includes('launched.txt')), names.join(' | '));

      // A broken file gets the message the picker gives, and changes nothing.
      const broken = '{"format": "article-annotator", "version": 1, ';
      const count = await items.count();
      await launchFiles([['broken.json', broken]]);
      const launchedAlert = await page.locator('[role=alert]').textContent();
      assert.match(launchedAlert, /broken\.json/);
      await page.click('.alert-dismiss');
      await page.setInputFiles(OPEN, jsonFile('broken.json', broken));
      assert.equal(await page.locator('[role=alert]').textContent(), launchedAlert);
      assert.equal(await items.count(), count);
      await page.click('.alert-dismiss');

      // A handle that is no file is named in a message.
      await launchFiles([['folder', null]]);
      assert.match(await page.locator('[role=alert]').textContent(), /Could not open “folder”/);
      assert.equal(await items.count(), count);
      assert.deepEqual(errors, []);

      // Where the browser has no launch queue the app runs as before.
      const without = await browser.newContext();
      await without.addInitScript(() => Object.defineProperty(window, 'launchQueue', { value: undefined }));
      const plain = await without.newPage();
      plain.on('pageerror', (error) => errors.push(error.message));
      await plain.goto(url);
      await plain.waitForSelector('[data-testid=article]');
      await openTextFile(plain, 'picked.txt', TEXT);
      assert.deepEqual(errors, []);
    } finally {
      await app.close();
    }
  });
});
