// End to end: the browser is asked once for persistent storage, at the first save; the
// workspace panel says how much storage is used and whether it is persistent, and warns before
// the quota runs out; and an earlier version of the workspace brings back a document removed
// before a reload, as one undoable step.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, articleText, cpIndexOf, eventually, launch, openTextFile, selectText, serveStatic, spans, tagFirst as tag } from './support.mjs';

const DOCUMENT_ITEMS = '[data-testid=document-list] [data-testid=document-item]';
const USAGE = '[data-testid=storage-usage]';

/**
 * Opens the app with `initScript` run in every page before the app's own scripts; resolves to
 * {page, errors, close} like `launch`.
 */
async function launchWith(initScript, arg) {
  const { server, url } = await serveStatic();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.addInitScript(initScript, arg);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  await page.goto(url);
  await page.waitForSelector('[data-testid=article]');
  const close = async () => {
    await browser.close().catch(() => {});
    await new Promise((ok) => server.close(ok));
  };
  return { page, errors, close };
}

/**
 * Stands in for the browser's answers: counts the calls of `navigator.storage.persist()` (in
 * local storage, so the count spans reloads), answers it with `grant`, and has `persisted()`
 * say what persist() answered; `estimate()` answers `estimate` when given.
 */
function fakeStorageManager({ grant, estimate }) {
  const COUNT = 'test.persist-calls';
  navigator.storage.persist = async () => {
    localStorage.setItem(COUNT, String(Number(localStorage.getItem(COUNT) ?? 0) + 1));
    return grant;
  };
  navigator.storage.persisted = async () => grant && localStorage.getItem(COUNT) !== null;
  if (estimate) navigator.storage.estimate = async () => estimate;
}

const persistCalls = (page) => page.evaluate(() => Number(localStorage.getItem('test.persist-calls') ?? 0));

/** The workspace stored in IndexedDB (the native JSON inside the stored wrapper), or null. */
async function storedWorkspace(page) {
  const stored = await page.evaluate(
    () =>
      new Promise((ok, fail) => {
        const open = indexedDB.open('article-annotator');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const database = open.result;
          if (!database.objectStoreNames.contains('workspace')) {
            database.close();
            ok(null);
            return;
          }
          const get = database.transaction('workspace').objectStore('workspace').get('current');
          get.onsuccess = () => {
            database.close();
            ok(get.result ?? null);
          };
          get.onerror = () => fail(get.error);
        };
      }),
  );
  return stored && JSON.parse(stored).workspace;
}

/** Names of the documents stored, and the texts of their spans, once the store holds `expected`. */
async function waitForStored(page, expected) {
  await eventually(
    async () => {
      const workspace = await storedWorkspace(page);
      const documents = (workspace?.documents ?? []).map((d) => ({ name: d.name, spans: d.spans.map((s) => s.text) }));
      assert.deepEqual(documents, expected);
    },
    { timeout: 5_000 },
  );
}

const names = (page) => page.locator(`${DOCUMENT_ITEMS} .document-name`).allTextContents();

/** Opens the versions list, until it lists a version whose text matches `pattern`; returns it. */
async function versionMatching(page, pattern) {
  const opener = page.locator('[data-testid=versions-open]');
  const item = page.locator('[data-testid=version-item]').filter({ hasText: pattern });
  await eventually(async () => {
    // Closed and opened again: the list is read as it opens.
    if ((await opener.getAttribute('aria-expanded')) === 'true') await opener.click();
    await opener.click();
    await page.locator('#versions-list').waitFor();
    assert.equal(await item.count(), 1, `no version ${pattern} yet`);
  });
  return item;
}

describe('storage and earlier versions', { timeout: 90_000 }, () => {
  test('persistent storage is requested once, at the first save, and the panel says so', async () => {
    const app = await launchWith(fakeStorageManager, { grant: true });
    try {
      await tag(app.page, 'Geneva', '2');
      await eventually(async () => assert.equal(await persistCalls(app.page), 1));
      await eventually(async () =>
        assert.match(await app.page.locator(USAGE).textContent(), /^Storage: [\d.]+ (bytes?|KB|MB|GB) of [\d.]+ (KB|MB|GB|TB) used · persistent$/),
      );
      // Asked once in this browser, not on every visit or save.
      await app.page.reload();
      await app.page.waitForSelector('[data-testid=article]');
      await tag(app.page, 'Russia', '2');
      await new Promise((ok) => setTimeout(ok, 1_000));
      assert.equal(await persistCalls(app.page), 1);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });

  test('storage the browser may clear is shown as such, and a nearly full quota warns', async () => {
    const app = await launchWith(fakeStorageManager, { grant: false, estimate: { usage: 850e6, quota: 1e9 } });
    try {
      await tag(app.page, 'Geneva', '2');
      await eventually(async () => assert.equal(await persistCalls(app.page), 1));
      await eventually(async () =>
        assert.equal(
          await app.page.locator(USAGE).textContent(),
          'Storage: 850 MB of 1.0 GB used · not persistent: the browser may clear it under pressure',
        ),
      );
      const warning = app.page.locator('[data-testid=storage-pressure][role=alert]');
      assert.match(await warning.textContent(), /85% full\. Export all now .* remove documents/);
      const [download] = await Promise.all([
        app.page.waitForEvent('download'),
        warning.locator('[data-testid=storage-pressure-export]').click(),
      ]);
      assert.match(download.suggestedFilename(), /\.json$/);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });

  test('restore an earlier version brings back a document removed before a reload', async () => {
    const app = await launch();
    const { page } = app;
    try {
      await openTextFile(page, 'one.txt', 'Talks in Kyiv ended on Monday.');
      await openTextFile(page, 'two.txt', 'Peskov spoke to reporters in Geneva.');
      await tag(page, 'Geneva', '2');
      await tag(page, 'Peskov', '1');
      const sample = (await names(page))[0];
      const before = [
        { name: sample, spans: [] },
        { name: 'one.txt', spans: [] },
        { name: 'two.txt', spans: ['Peskov', 'Geneva'] },
      ];
      await waitForStored(page, before);

      await page.locator(DOCUMENT_ITEMS).filter({ hasText: 'two.txt' }).locator('[data-testid=remove-document]').click();
      await waitForStored(page, before.slice(0, 2));
      await versionMatching(page, /before removing “two\.txt”/);

      // A new visit. Whether undo still reaches the removal (the undo history is kept with the
      // workspace only within a budget, and only as far back as it goes) does not matter here:
      // the version does not depend on it.
      await page.reload();
      await page.waitForSelector('[data-testid=article]');
      assert.deepEqual(await names(page), [sample, 'one.txt']);

      const version = await versionMatching(page, /before removing “two\.txt”/);
      assert.match(await version.textContent(), /3 documents, 2 spans/);
      const restore = version.locator('[data-testid=version-restore]');
      assert.match(await restore.getAttribute('aria-label'), /^Restore the version of .+: 3 documents, 2 spans, before removing/);
      await restore.focus();
      await page.keyboard.press('Enter');
      await eventually(async () => assert.deepEqual(await names(page), [sample, 'one.txt', 'two.txt']));
      assert.equal(await page.locator('[data-testid=version-item]').count(), 0, 'the list closes');
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'versions-open', 'focus stays near');

      // Restoring is one undoable step.
      await page.keyboard.press('Control+z');
      await eventually(async () => assert.deepEqual(await names(page), [sample, 'one.txt']));
      await page.keyboard.press('Control+y');
      await eventually(async () => assert.deepEqual(await names(page), [sample, 'one.txt', 'two.txt']));

      await page.locator(DOCUMENT_ITEMS).filter({ hasText: 'two.txt' }).locator('button.document-open').click();
      await eventually(async () =>
        assert.deepEqual(
          (await spans(page)).map(({ label, text }) => ({ label, text })),
          [
            { label: 'actor', text: 'Peskov' },
            { label: 'location', text: 'Geneva' },
          ],
        ),
      );
      await waitForStored(page, before);
      await page.reload();
      await page.waitForSelector('[data-testid=article]');
      assert.deepEqual(await names(page), [sample, 'one.txt', 'two.txt'], 'the restored workspace is stored');
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
});
