// A panic never leaves a dead page that looks alive, and never overwrites the last good save:
// the crash dialog says when the work was last saved, its buttons work with the app's
// WebAssembly dead (src/crash.js), and nothing is written to storage after the panic.
//
// The panic is forced by a key that exists only in debug builds, so the first test runs
// against one in target/dist-debug (E2E_DEBUG_DIST to point elsewhere); the second checks
// crash.js under the release build's Content-Security-Policy, in dist/ (or E2E_DIST).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import {
  DEBUG_DIST,
  articleText,
  cpIndexOf,
  eventually,
  jsonFile,
  launch,
  requireDebugBuild,
  selectText,
  spans,
} from './support.mjs';

const FORCE_PANIC = 'Control+Alt+Shift+F12';
const OPEN = 'input[type=file][data-testid=open-file]';

/** What the app keeps in the browser: the IndexedDB copy and the copy kept as the page closed. */
async function stored(page) {
  return page.evaluate(
    () =>
      new Promise((ok, fail) => {
        const open = indexedDB.open('article-annotator', 1);
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('workspace').objectStore('workspace').get('current');
          get.onerror = () => fail(get.error);
          get.onsuccess = () => {
            open.result.close();
            ok({ current: get.result ?? null, closing: localStorage.getItem('article-annotator.workspace-at-close') });
          };
        };
      }),
  );
}

/** The spans of a stored copy, as {label, text}. */
function storedSpans(copy) {
  if (!copy) return [];
  return JSON.parse(copy).workspace.documents.flatMap((d) => d.spans.map(({ label, text }) => ({ label, text })));
}

/** Asserts that the copies (`keys` of stored()) are byte for byte those of `before`. */
function assertUnwritten(after, before, keys, when) {
  const savedAt = (copy) => (copy ? JSON.parse(copy).saved_at : copy);
  for (const key of keys) {
    assert.ok(after[key] === before[key], `${when}, the ${key} copy was written: saved_at ${savedAt(before[key])} → ${savedAt(after[key])}`);
  }
}

/** Clicks `selector`; resolves to the downloaded file's {name, raw}. */
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), raw: await readFile(await file.path(), 'utf8') };
}

const PESKOV = { label: 'actor', text: 'Peskov' };

describe('after a panic', { timeout: 60_000 }, () => {
  test('the page says so, exports the last save, reloads to it, and never overwrites it', async () => {
    requireDebugBuild('the forced panic exists only in debug builds');
    const app = await launch({ root: DEBUG_DIST });
    try {
      const { page } = app;
      const start = cpIndexOf(await articleText(page), 'Peskov');
      await selectText(page, start, start + 'Peskov'.length);
      await page.keyboard.press('1');
      await eventually(async () => assert.ok((await spans(page)).some((s) => s.text === 'Peskov')));
      // Saved within a second of the change; then a moment for the app to note the save.
      await eventually(async () => assert.deepEqual(storedSpans((await stored(page)).current), [PESKOV]));
      await page.waitForTimeout(200);
      const before = await stored(page);

      await page.keyboard.press(FORCE_PANIC);
      const dialog = page.locator('[data-testid=crash][role=alertdialog]');
      await dialog.waitFor();
      const message = await dialog.textContent();
      const shown = message.match(/Your work is saved up to (\d\d):(\d\d):(\d\d)/);
      assert.ok(shown, message);
      // The time shown is the last save's, in the page's time zone (to the second it began).
      const savedAt = JSON.parse(before.current).saved_at;
      const clock = await page.evaluate((ms) => {
        const date = new Date(ms);
        return [date.getHours(), date.getMinutes(), date.getSeconds()];
      }, savedAt);
      const seconds = ([h, m, s]) => Number(h) * 3600 + Number(m) * 60 + Number(s);
      assert.ok((seconds(shown.slice(1)) - seconds(clock) + 86_400) % 86_400 <= 1, `${message} vs ${clock}`);
      assert.ok(await page.locator('[data-testid=crash-reload]').isVisible());
      assert.ok(await page.locator('[data-testid=crash-export]').isVisible());
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'crash-reload');
      assert.ok(await page.$eval('.app', (app) => app.closest('[inert]') !== null), 'the dead app is inert');
      assert.ok(
        app.errors.some((e) => e.includes('forced panic for tests')),
        `the panic is logged: ${JSON.stringify(app.errors)}`,
      );

      const exported = await download(page, '[data-testid=crash-export]');
      assert.equal(exported.name, 'workspace.json');
      const workspace = JSON.parse(exported.raw);
      assert.deepEqual(workspace, JSON.parse(before.current).workspace, 'the native JSON of the last save');
      assert.deepEqual(workspace.documents[0].spans.map(({ label, text }) => ({ label, text })), [PESKOV]);

      // The page is hidden, as when the tab is switched: the app would save at once, and must not.
      await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      await page.waitForTimeout(1_000);
      assertUnwritten(await stored(page), before, ['current', 'closing'], 'after the panic');

      await Promise.all([page.waitForEvent('load'), page.click('[data-testid=crash-reload]')]);
      await page.waitForSelector('[data-testid=article]');
      assert.equal(await page.locator('[data-testid=crash]').count(), 0);
      assert.deepEqual((await spans(page)).map(({ label, text }) => ({ label, text })), [PESKOV]);
      // Only a page being hidden or closed writes this copy: the crashed page, as it closed, did not.
      assertUnwritten(await stored(page), before, ['closing'], 'as the crashed page closed');

      // The export opens again, in a browser that has never seen this workspace.
      const fresh = await app.browser.newContext();
      try {
        const other = await fresh.newPage();
        await other.goto(app.url);
        await other.waitForSelector('[data-testid=article]');
        assert.deepEqual(await spans(other), []);
        await other.setInputFiles(OPEN, jsonFile('workspace.json', exported.raw));
        await eventually(async () => assert.deepEqual((await spans(other)).map(({ label, text }) => ({ label, text })), [PESKOV]));
      } finally {
        await fresh.close();
      }
    } finally {
      await app.close();
    }
  });

  test('the release build loads crash.js under its Content-Security-Policy, and has no forced panic', async () => {
    const app = await launch();
    try {
      const { page } = app;
      const policy = await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
      assert.ok(policy, 'a release build (trunk build --release), which carries the policy');
      const script = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/crash.js'));
      await page.reload();
      assert.equal((await script).status(), 200);
      await page.waitForSelector('[data-testid=article]');

      await page.keyboard.press(FORCE_PANIC);
      await page.waitForTimeout(300);
      assert.equal(await page.locator('[data-testid=crash]').count(), 0, 'no forced panic in a release build');

      // crash.js answers under the policy: a stand-in for the dialog's Export button.
      const current = await eventually(async () => {
        const { current } = await stored(page);
        assert.ok(current, 'the workspace is stored');
        return current;
      });
      await page.evaluate(() => {
        const button = Object.assign(document.createElement('button'), { id: 'stand-in', textContent: 'Export all' });
        button.dataset.crashExport = '';
        document.body.append(button);
      });
      const exported = await download(page, '#stand-in');
      assert.equal(exported.name, 'workspace.json');
      assert.deepEqual(JSON.parse(exported.raw), JSON.parse(current).workspace);
      assert.deepEqual(app.errors, [], 'no policy violation, no error');
    } finally {
      await app.close();
    }
  });
});
