// The workspace survives: a reload, and a browser killed mid-session and started again on the
// same profile, bring back documents, spans, labels, relations, statuses, the open document
// and its scroll position. A storage failure is never silent, and no text from a file is ever
// treated as HTML.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import {
  articleText,
  cpIndexOf,
  eventually,
  killGroup,
  launch,
  selectText,
  serveStatic,
  spans,
  startChromiumOnProfile,
  tagFirst as tag,
} from './support.mjs';

const DOCUMENT_ITEMS = '[data-testid=document-list] [data-testid=document-item]';
const OPEN = 'input[type=file][data-testid=open-file]';

const LONG = Array.from({ length: 80 }, (_, i) => `Paragraph ${i + 1}: officials met in Geneva for talks.`).join('\n\n');
const NATIVE_WITH_RELATION = JSON.stringify({
  format: 'article-annotator',
  version: 1,
  offset_unit: 'codepoint',
  labels: [{ id: 'actor', name: 'Actor', color: '#1f77b4', key: '1' }, { id: 'quote', name: 'Quote', color: '#eb6e00', key: '4' }],
  documents: [
    {
      id: 'd1',
      name: 'quoted.txt',
      text: '“We will talk,” said Peskov.',
      spans: [
        { id: 's1', start: 1, end: 13, label: 'quote', text: 'We will talk' },
        { id: 's2', start: 21, end: 27, label: 'actor', text: 'Peskov' },
      ],
      relations: [{ id: 'r1', type: 'said_by', from: 's1', to: 's2' }],
    },
  ],
});
const FILES = [
  { name: 'first.txt', mimeType: 'text/plain', buffer: Buffer.from('Zelensky met Macron in Paris 🇫🇷.\r\n') },
  { name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(LONG) },
  { name: 'quoted.json', mimeType: 'application/json', buffer: Buffer.from(NATIVE_WITH_RELATION) },
];

/** Everything a person would notice about the workspace, read from the page. */
async function snapshot(page) {
  const documents = [];
  const items = page.locator(DOCUMENT_ITEMS);
  const active = await page.locator(`${DOCUMENT_ITEMS} button[aria-current=page] .document-name`).textContent();
  for (let i = 0; i < (await items.count()); i++) {
    const item = items.nth(i);
    await item.locator('button.document-open').click();
    await eventually(async () => assert.equal(await item.locator('button.document-open').getAttribute('aria-current'), 'page'));
    documents.push({
      name: await item.locator('.document-name').textContent(),
      status: await item.getAttribute('data-status'),
      text: await articleText(page),
      spans: (await spans(page)).map(({ label, text }) => ({ label, text })),
    });
  }
  const labels = await page.$$eval('[data-testid^=label-]', (buttons) =>
    buttons.filter((b) => b.classList.contains('label-button')).map((b) => b.dataset.label),
  );
  await page.locator(DOCUMENT_ITEMS).filter({ hasText: active }).locator('button.document-open').click();
  return { active, documents, labels };
}

/** The native export of the whole workspace, as the Export all button downloads it. */
async function exportAll(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-all]')]);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** Three files opened at once, annotated, one marked done, the long one scrolled. */
async function annotateCorpus(page) {
  await page.setInputFiles(OPEN, FILES);
  await eventually(async () => assert.equal(await page.locator(DOCUMENT_ITEMS).count(), 4));
  const open = (name) => page.locator(DOCUMENT_ITEMS).filter({ hasText: name }).locator('button.document-open').click();
  await open('first.txt');
  await tag(page, 'Zelensky', '1');
  await tag(page, 'Paris', '2');
  await page.locator(DOCUMENT_ITEMS).filter({ hasText: 'first.txt' }).locator('[data-testid=document-status]').selectOption('done');
  await open('quoted.txt');
  await tag(page, 'said', '3');
  await open('long.txt');
  await tag(page, 'Geneva', '2');
}

/** Scrolls the open document down, as a person reading it would. */
async function scrollDown(page) {
  await page.evaluate(() => window.scrollTo(0, 900));
  await page.waitForFunction(() => Math.abs(window.scrollY - 900) < 2);
}

describe('the workspace survives', { timeout: 90_000 }, () => {
  test('a reload brings back everything, including the open document and its scroll', async () => {
    const app = await launch({ viewport: { width: 1200, height: 700 } });
    try {
      await annotateCorpus(app.page);
      const before = await snapshot(app.page);
      const exported = await exportAll(app.page);
      // Reloading at once, before the autosave delay has passed, must lose nothing either.
      await scrollDown(app.page);
      await app.page.reload();
      await app.page.waitForSelector('[data-testid=article]');
      await eventually(async () => assert.equal(Math.round(await app.page.evaluate(() => window.scrollY)), 900));
      assert.deepEqual(await snapshot(app.page), before);
      assert.deepEqual(await exportAll(app.page), exported, 'the same workspace, relation and statuses included');
      assert.deepEqual(exported.documents.find((d) => d.name === 'quoted.txt').relations, [
        { id: 'r1', type: 'said_by', from: 's1', to: 's2' },
      ]);
      assert.equal(before.documents.find((d) => d.name === 'first.txt').status, 'done');
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });

  test('after a reload, undo takes back the edits made before it, and redo makes them again', async () => {
    const app = await launch();
    try {
      const { page } = app;
      const shown = async () => (await spans(page)).map(({ label, text }) => `${label}: ${text}`).sort();
      const untouched = await shown();
      await tag(page, 'Geneva', '2');
      await tag(page, 'Swiss mediators', '1');
      const tagged = await shown();
      assert.deepEqual(tagged, [...untouched, 'actor: Swiss mediators', 'location: Geneva'].sort());
      await page.reload();
      await page.waitForSelector('[data-testid=article]');
      await eventually(async () => assert.deepEqual(await shown(), tagged));
      await page.locator('[data-testid=article]').focus();
      await page.keyboard.press('Control+z');
      await page.keyboard.press('Control+z');
      await eventually(async () => assert.deepEqual(await shown(), untouched));
      await page.keyboard.press('Control+y');
      await eventually(async () => assert.deepEqual(await shown(), [...untouched, 'location: Geneva'].sort()));
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });

  test('a browser killed mid-session comes back on the same profile with everything', async () => {
    const { server, url } = await serveStatic();
    const profile = mkdtempSync(join(tmpdir(), 'annotator-profile-'));
    // Every browser started, so a failing step cannot leave one running (and the test file
    // waiting on it).
    const started = [];
    const start = async () => {
      // Its own process group, so the whole browser can be killed at once (see killGroup).
      const { child, browser } = await startChromiumOnProfile(profile);
      started.push(child);
      const page = await browser.contexts()[0].newPage();
      await page.goto(url);
      await page.waitForSelector('[data-testid=article]');
      return { child, browser, page };
    };
    try {
      const first = await start();
      await annotateCorpus(first.page);
      const before = await snapshot(first.page);
      // The promise: stored within one second of the last change. Then the process dies hard.
      await new Promise((ok) => setTimeout(ok, 1_000));
      await killGroup(first.child);
      const second = await start();
      try {
        assert.deepEqual(await snapshot(second.page), before);
      } finally {
        await second.browser.close().catch(() => {});
        await killGroup(second.child);
      }
    } finally {
      for (const child of started) await killGroup(child);
      server.close();
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    }
  });

  test('opening a document shows its start, or where it was left; never the place of the last one', async () => {
    // Narrow, as a window beside another: the document list sits under the article, and the
    // browser would keep the clicked list item on screen while the long article grows above it.
    const app = await launch({ viewport: { width: 780, height: 493 } });
    const { page } = app;
    const articleTop = () => page.$eval('[data-testid=article]', (a) => a.getBoundingClientRect().top);
    const startShown = async () => {
      const top = await articleTop();
      const height = await page.evaluate(() => window.innerHeight);
      assert.ok(top >= 0 && top < height, `the article's start is on screen (its top at ${top} of ${height})`);
    };
    try {
      await page.setInputFiles(OPEN, FILES);
      await eventually(async () => assert.equal(await page.locator(DOCUMENT_ITEMS).count(), 4));
      const open = (name) => page.locator(DOCUMENT_ITEMS).filter({ hasText: name }).locator('button.document-open').click();
      await open('first.txt');
      await open('long.txt');
      await startShown();
      // Straight away, with no wait for the page to settle, a drag tags what it was over.
      await tag(page, 'Geneva', '2');
      await scrollDown(page);
      await open('first.txt');
      await startShown();
      await open('long.txt');
      await eventually(async () => assert.ok(Math.abs((await page.evaluate(() => window.scrollY)) - 900) < 2));
      // Wide: the list is beside the article, and a document scrolled far down must not open
      // the next one far down too.
      await page.setViewportSize({ width: 1400, height: 800 });
      await page.evaluate(() => window.scrollTo(0, 2500));
      await page.waitForFunction(() => Math.abs(window.scrollY - 2500) < 2);
      await open('quoted.txt');
      await startShown();
    } finally {
      await app.close();
    }
  });

  test('a storage failure shows a persistent warning with an immediate export', async () => {
    const app = await launch();
    try {
      await app.context.addInitScript(() => {
        IDBObjectStore.prototype.put = function refuse() {
          throw new DOMException('quota', 'QuotaExceededError');
        };
      });
      await app.page.reload();
      await app.page.waitForSelector('[data-testid=article]');
      // Opening writes nothing (a tab that only looks must not write); the first change does.
      await tag(app.page, 'Kremlin', '1');
      const warning = app.page.locator('[data-testid=storage-warning][role=alert]');
      await warning.waitFor();
      assert.match(await warning.textContent(), /not being saved.*full/);
      const [download] = await Promise.all([
        app.page.waitForEvent('download'),
        app.page.click('[data-testid=storage-export]'),
      ]);
      assert.equal(download.suggestedFilename(), 'workspace.json');
      await tag(app.page, 'Geneva', '2');
      assert.equal(await warning.count(), 1, 'still warning after further changes');
    } finally {
      await app.close();
    }
  });

  test('text from a file is never treated as HTML', async () => {
    const app = await launch();
    try {
      const hostile =
        'Breaking: <script>window.__pwned = "script"</script> and <img src=x onerror="window.__pwned = \'img\'"> ' +
        'with <a href="javascript:window.__pwned=\'link\'">a link</a> and javascript:alert(1).\n';
      let dialogs = 0;
      app.page.on('dialog', (dialog) => {
        dialogs += 1;
        dialog.dismiss();
      });
      await app.page.setInputFiles(OPEN, { name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(hostile) });
      await eventually(async () => assert.equal(await articleText(app.page), hostile));
      assert.equal(await app.page.locator('[data-testid=article] img, [data-testid=article] script, [data-testid=article] a').count(), 0);
      await tag(app.page, 'Breaking', '1');
      await app.page.waitForTimeout(200);
      assert.equal(await app.page.evaluate(() => window.__pwned), undefined);
      assert.equal(dialogs, 0);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
  test('the page runs under a Content-Security-Policy that blocks injected and remote scripts', async () => {
    const app = await launch();
    try {
      const policy = await app.page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
      assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
      assert.match(policy, /object-src 'none'/);
      assert.match(policy, /frame-src 'none'/);
      const outcome = await app.page.evaluate(
        () =>
          new Promise((ok) => {
            const violations = [];
            document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
            const inline = document.createElement('script');
            inline.textContent = 'window.__inline = true';
            document.body.append(inline);
            const remote = document.createElement('script');
            remote.src = 'https://example.com/x.js';
            document.body.append(remote);
            setTimeout(() => ok({ inline: window.__inline ?? null, violations }), 300);
          }),
      );
      assert.equal(outcome.inline, null, 'an injected inline script did not run');
      assert.ok(outcome.violations.filter((v) => v.startsWith('script-src')).length >= 2, JSON.stringify(outcome));
      assert.ok(await app.page.locator('[data-testid=article]').isVisible(), 'and the app itself runs');
    } finally {
      await app.close();
    }
  });
  test('files dropped on the page open; a document is renamed; a 50 MB file is refused untouched', async () => {
    const app = await launch();
    try {
      const { page } = app;
      await page.evaluate(() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File(['Dropped one: Kyiv.'], 'one.txt', { type: 'text/plain' }));
        transfer.items.add(new File(['Dropped two: Odesa.'], 'two.md', { type: 'text/markdown' }));
        const target = document.querySelector('.app');
        target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      });
      await eventually(async () => assert.equal(await page.locator(DOCUMENT_ITEMS).count(), 3));
      const names = await page.locator(`${DOCUMENT_ITEMS} .document-name`).allTextContents();
      assert.deepEqual(names.slice(1).sort(), ['one.txt', 'two.md']);

      const item = page.locator(DOCUMENT_ITEMS).filter({ hasText: 'one.txt' });
      await item.locator('[data-testid=rename-document]').click();
      const input = page.locator('[data-testid=rename-input]');
      await input.fill('Kyiv dispatch');
      await input.press('Enter');
      await eventually(async () =>
        assert.ok((await page.locator(`${DOCUMENT_ITEMS} .document-name`).allTextContents()).includes('Kyiv dispatch')),
      );
      await page.keyboard.press('Control+z');
      await eventually(async () =>
        assert.ok((await page.locator(`${DOCUMENT_ITEMS} .document-name`).allTextContents()).includes('one.txt')),
      );

      const before = { text: await articleText(page), count: await page.locator(DOCUMENT_ITEMS).count() };
      const huge = join(mkdtempSync(join(tmpdir(), 'annotator-huge-')), 'huge.txt');
      writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 'a'));
      await page.setInputFiles(OPEN, huge);
      rmSync(dirname(huge), { recursive: true, force: true });
      const alert = page.locator('[role=alert]');
      await alert.waitFor();
      assert.match(await alert.textContent(), /huge\.txt.*50\.0 MB.*20 MB/);
      assert.deepEqual({ text: await articleText(page), count: await page.locator(DOCUMENT_ITEMS).count() }, before);
    } finally {
      await app.close();
    }
  });

  test('a stored workspace that cannot be read is reported and kept aside, not overwritten', async () => {
    const app = await launch();
    try {
      const { page } = app;
      const idb = (script, ...args) => page.evaluate(script, ...args);
      // Leave the app for another page of the same origin, so nothing of the app writes meanwhile.
      await page.goto(`${app.url}not-the-app`);
      await idb(
        () =>
          new Promise((ok) => {
            localStorage.clear();
            const open = indexedDB.open('article-annotator', 1);
            open.onsuccess = () => {
              const tx = open.result.transaction('workspace', 'readwrite');
              tx.objectStore('workspace').put('{"schema": 2, "workspace": {"format": "article-annotator", "docu', 'current');
              tx.oncomplete = () => ok();
            };
          }),
      );
      await page.goto(app.url);
      await page.waitForSelector('[data-testid=article]');
      const alert = page.locator('[role=alert]');
      await alert.waitFor();
      assert.match(await alert.textContent(), /saved workspace could not be read.*unreadable/);
      const kept = await idb(
        () =>
          new Promise((ok) => {
            const open = indexedDB.open('article-annotator', 1);
            open.onsuccess = () => {
              const get = open.result.transaction('workspace').objectStore('workspace').get('unreadable');
              get.onsuccess = () => ok(get.result);
            };
          }),
      );
      assert.match(kept, /^\{"schema": 2, "workspace"/);
    } finally {
      await app.close();
    }
  });
});
