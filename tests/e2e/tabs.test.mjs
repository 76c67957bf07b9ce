// Several tabs of the app on one browser profile share one workspace: each sees the others'
// edits within a moment, keeps its own selection and undo history, and no tab ever writes over
// changes it has not seen — not even one that missed every announcement.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, articleText, cpIndexOf, eventually, exportJson, openTextFile, selectText, selectedSpanIds, serveStatic, spans, tagFirst as tag } from './support.mjs';

const ITEMS = '[data-testid=document-list] [data-testid=document-item]';
const FIRST = 'Zelensky met Macron in Paris on Monday.\n\nPeskov said the talks were useful.';
const SECOND = 'Drone strikes hit Odesa overnight, officials in Kyiv said.';
/** How long another tab may take to show an edit: the aim is a second; slow machines get slack. */
const SEEN_WITHIN = 3_000;

let server;
let url;
let browser;

before(async () => {
  ({ server, url } = await serveStatic());
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close().catch(() => {});
  await new Promise((ok) => server?.close(ok));
});

/** A new tab of `context` with the app open; `errors` collects what the page reports. */
async function openTab(context) {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  await page.goto(url);
  await page.waitForSelector('[data-testid=article]');
  return page;
}

async function documentNames(page) {
  return page.locator(`${ITEMS} .document-name`).allTextContents();
}

/** Waits until the workspace stored in IndexedDB holds the document `name`. */
async function storedWith(page, name) {
  await page.waitForFunction(
    (name) =>
      new Promise((ok) => {
        const open = indexedDB.open('article-annotator', 1);
        open.onerror = () => ok(false);
        open.onsuccess = () => {
          const get = open.result.transaction('workspace').objectStore('workspace').get('current');
          get.onerror = () => ok(false);
          get.onsuccess = () => {
            open.result.close();
            ok(typeof get.result === 'string' && get.result.includes(name));
          };
        };
      }),
    name,
  );
}

async function show(page, name) {
  const item = page.locator(ITEMS).filter({ hasText: name });
  await item.locator('button.document-open').click();
  await eventually(async () => assert.equal(await item.locator('button.document-open').getAttribute('aria-current'), 'page'));
  // Spans are drawn once the article knows which lines are on screen: a frame or two later.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 50)))));
}

async function selectSpan(page, text) {
  const span = (await spans(page)).find((s) => s.text === text);
  await page.locator(`[data-testid=article] [data-span-id="${span.id}"]`).first().click();
  await eventually(async () =>
    assert.equal(await page.locator(`[data-span-id="${span.id}"][aria-current=true]`).count() > 0, true),
  );
}

/** Waits until `page` shows `expected` (label, text pairs, sorted), and returns how long that took. */
async function seesSpans(page, expected) {
  const started = Date.now();
  await eventually(
    async () => {
      const shown = (await spans(page)).map(({ label, text }) => `${label}:${text}`).sort();
      assert.deepEqual(shown, [...expected].sort());
    },
    { timeout: SEEN_WITHIN },
  );
  return Date.now() - started;
}

/** Everything a person would see of the workspace, document by document. */
async function workspace(page) {
  const seen = {};
  for (const name of (await documentNames(page)).sort()) {
    await show(page, name);
    seen[name] = (await spans(page)).map(({ label, text }) => `${label}:${text}`).sort();
  }
  return seen;
}

describe('several tabs share one workspace', () => {
  test('two tabs editing alternately: both, and a third fresh tab, show the union', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    try {
      const a = await openTab(context);
      const b = await openTab(context);
      const delays = [];

      await openTextFile(a, 'first.txt', FIRST);
      await eventually(async () => assert.ok((await documentNames(b)).includes('first.txt')), { timeout: SEEN_WITHIN });
      await openTextFile(b, 'second.txt', SECOND);
      await eventually(async () => assert.ok((await documentNames(a)).includes('second.txt')), { timeout: SEEN_WITHIN });

      // A tags in first.txt; B, looking at it, sees the span and relabels it.
      await show(b, 'first.txt');
      await tag(a, 'Zelensky', '1');
      delays.push(await seesSpans(b, ['actor:Zelensky']));
      await selectSpan(b, 'Zelensky');
      await b.keyboard.press('2');
      delays.push(await seesSpans(a, ['location:Zelensky']));

      // B tags, A deletes B's span; B tags in second.txt while A renames it.
      await tag(b, 'Macron', '1');
      delays.push(await seesSpans(a, ['location:Zelensky', 'actor:Macron']));
      await selectSpan(a, 'Macron');
      await a.keyboard.press('Delete');
      delays.push(await seesSpans(b, ['location:Zelensky']));
      await show(b, 'second.txt');
      await tag(b, 'Odesa', '2');
      await show(a, 'second.txt');
      delays.push(await seesSpans(a, ['location:Odesa']));
      const item = a.locator(ITEMS).filter({ hasText: 'second.txt' });
      await item.locator('[data-testid=rename-document]').click();
      await a.fill('[data-testid=rename-input]', 'Odesa strikes');
      await a.press('[data-testid=rename-input]', 'Enter');
      await eventually(async () => assert.ok((await documentNames(b)).includes('Odesa strikes')), { timeout: SEEN_WITHIN });

      // A label edit in B reaches A: the new label's button appears there.
      const editor = b.locator('[data-testid=label-editor]');
      if (await editor.evaluate((e) => e.tagName === 'DETAILS' && !e.open)) await editor.locator('summary').first().click();
      await b.fill('[data-testid=new-label-name]', 'Date');
      await b.click('[data-testid=add-label]');
      await a.locator('[data-testid=label-date]').waitFor({ timeout: SEEN_WITHIN });

      // Each tab keeps its own undo history: A's newest steps are its rename, then its delete.
      await show(a, 'first.txt');
      await a.locator('[data-testid=article]').focus();
      await a.keyboard.press('Control+z');
      await eventually(async () => assert.ok((await documentNames(b)).includes('second.txt')), { timeout: SEEN_WITHIN });
      await a.keyboard.press('Control+z');
      await seesSpans(a, ['location:Zelensky', 'actor:Macron']);
      await show(b, 'first.txt');
      delays.push(await seesSpans(b, ['location:Zelensky', 'actor:Macron']));

      const expected = await workspace(a);
      assert.deepEqual(expected['second.txt'], ['location:Odesa']);
      assert.deepEqual(await workspace(b), expected);
      const c = await openTab(context);
      assert.deepEqual(await workspace(c), expected);
      for (const page of [a, b, c]) assert.deepEqual(page.errors, []);
      console.log(`another tab showed each edit after ${delays.join(', ')} ms`);
    } finally {
      await context.close();
    }
  });

  test('a tab that missed every announcement still never writes over what another tab saved', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    try {
      const a = await openTab(context);
      await openTextFile(a, 'first.txt', FIRST);
      await openTextFile(a, 'second.txt', SECOND);
      // B hears nothing from the other tabs: it learns of their saves only through storage, so
      // it opens once A's save of both documents has landed.
      await storedWith(a, 'second.txt');
      const deaf = await context.newPage();
      await deaf.addInitScript(() => {
        window.BroadcastChannel = class {
          postMessage() {}
          close() {}
          addEventListener() {}
          removeEventListener() {}
        };
      });
      deaf.errors = [];
      deaf.on('pageerror', (error) => deaf.errors.push(error.message));
      await deaf.goto(url);
      await deaf.waitForSelector('[data-testid=article]');
      await show(deaf, 'second.txt');

      // A's work, saved while B is stale.
      await show(a, 'first.txt');
      await tag(a, 'Zelensky', '1');
      await tag(a, 'Paris', '2');
      await new Promise((ok) => setTimeout(ok, 1_000));
      assert.deepEqual(await documentNames(deaf), await documentNames(a), 'B still shows the documents it loaded');

      // B edits: its save folds A's work in first, so both survive.
      await tag(deaf, 'Odesa', '2');
      await show(deaf, 'first.txt');
      await seesSpans(deaf, ['actor:Zelensky', 'location:Paris']);
      await show(a, 'second.txt');
      await seesSpans(a, ['location:Odesa']);

      const fresh = await openTab(context);
      assert.deepEqual(await workspace(fresh), {
        'first.txt': ['actor:Zelensky', 'location:Paris'],
        'second.txt': ['location:Odesa'],
        'geneva-talks.txt': (await workspace(a))['geneva-talks.txt'],
      });
      assert.deepEqual(deaf.errors, []);
    } finally {
      await context.close();
    }
  });

  test('relations, entities and statuses reach the other tab; selections stay apart; undo takes back only its own label', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    try {
      const a = await openTab(context);
      const b = await openTab(context);
      const text = 'Zelensky said: "We will talk." Later Zelensky left.';
      await openTextFile(a, 'third.txt', text);
      await eventually(async () => assert.ok((await documentNames(b)).includes('third.txt')), { timeout: SEEN_WITHIN });
      await show(b, 'third.txt');

      await tag(a, 'Zelensky', '1');
      const second = cpIndexOf(text, 'Zelensky', 1);
      await selectText(a, second, second + 'Zelensky'.length);
      await a.keyboard.press('1');
      await seesSpans(b, ['actor:Zelensky', 'actor:Zelensky']);
      // B selects the second Zelensky; A goes on with its own selection.
      const later = (await spans(b)).filter((s) => s.text === 'Zelensky').at(-1).id;
      await b.locator(`[data-testid=article] [data-span-id="${later}"]`).first().click();
      const quote = cpIndexOf(text, '"We will talk."');
      await selectText(a, quote, quote + '"We will talk."'.length);
      await a.keyboard.press('4');
      await seesSpans(b, ['actor:Zelensky', 'actor:Zelensky', 'quote:We will talk']);
      const selected = async (page) => {
        const ids = await selectedSpanIds(page);
        return (await spans(page)).filter((s) => ids.includes(s.id)).map((s) => s.text);
      };
      assert.deepEqual(await selected(a), ['We will talk']);
      assert.deepEqual(await selected(b), ['Zelensky'], 'B keeps its own selection');

      // A links the quote to its speaker, groups the two mentions, and marks the document done.
      await a.keyboard.press('s');
      const names = await a.locator('[data-testid=link-candidate]').allTextContents();
      await a.keyboard.press(String(names.findIndex((n) => n.includes('Zelensky')) + 1));
      const proposal = a.locator('[data-testid=entity-proposal]').filter({ hasText: 'Zelensky' });
      await proposal.locator('[data-testid=accept-entity]').click();
      await a.locator(ITEMS).filter({ hasText: 'third.txt' }).locator('[data-testid=document-status]').selectOption('done');
      await eventually(
        async () => {
          const { json } = await exportJson(b);
          const doc = json.documents.find((d) => d.name === 'third.txt');
          const said = doc.relations.map((r) => [r.type, doc.spans.find((s) => s.id === r.from).text, doc.spans.find((s) => s.id === r.to).text]);
          assert.deepEqual(said, [['said_by', 'We will talk', 'Zelensky']]);
          assert.deepEqual((doc.entities ?? []).map((e) => e.name), ['Zelensky']);
          assert.equal(doc.entities[0].mentions.length, 2);
          assert.equal(doc.status, 'done');
        },
        { timeout: SEEN_WITHIN },
      );
      assert.equal(
        await b.locator(ITEMS).filter({ hasText: 'third.txt' }).locator('[data-testid=document-status]').inputValue(),
        'done',
      );

      // Each tab adds a label; A's undo takes back its own and keeps B's, in both tabs.
      const addLabel = async (page, name) => {
        const editor = page.locator('[data-testid=label-editor]');
        if (await editor.evaluate((e) => e.tagName === 'DETAILS' && !e.open)) await editor.locator('summary').first().click();
        await page.fill('[data-testid=new-label-name]', name);
        await page.click('[data-testid=add-label]');
      };
      await addLabel(a, 'Date');
      await b.locator('[data-testid=label-date]').waitFor({ timeout: SEEN_WITHIN });
      await addLabel(b, 'Event');
      await a.locator('[data-testid=label-event]').waitFor({ timeout: SEEN_WITHIN });
      await a.locator('[data-testid=article]').focus();
      await a.keyboard.press('Control+z');
      for (const page of [a, b]) {
        await eventually(async () => assert.equal(await page.locator('[data-testid=label-date]').count(), 0), { timeout: SEEN_WITHIN });
      }
      await new Promise((ok) => setTimeout(ok, 1_000));
      for (const page of [a, b]) assert.equal(await page.locator('[data-testid=label-event]').count(), 1, "the other tab's label stays");
      for (const page of [a, b]) assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  });

  test('a tab frozen while hidden catches up when it wakes, and its edits then lose nothing', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    try {
      const a = await openTab(context);
      const b = await openTab(context);
      await openTextFile(a, 'first.txt', FIRST);
      await eventually(async () => assert.ok((await documentNames(b)).includes('first.txt')), { timeout: SEEN_WITHIN });
      await show(b, 'first.txt');
      const cdp = await context.newCDPSession(b);
      await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
      await tag(a, 'Zelensky', '1');
      await tag(a, 'Paris', '2');
      await new Promise((ok) => setTimeout(ok, 1_000));
      await cdp.send('Page.setWebLifecycleState', { state: 'active' });
      await seesSpans(b, ['actor:Zelensky', 'location:Paris']);
      await tag(b, 'Macron', '1');
      await seesSpans(a, ['actor:Zelensky', 'location:Paris', 'actor:Macron']);
      const fresh = await openTab(context);
      await show(fresh, 'first.txt');
      await seesSpans(fresh, ['actor:Zelensky', 'location:Paris', 'actor:Macron']);
      for (const page of [a, b, fresh]) assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  });

  test('a document removed in one tab while the other shows it: the other moves on, and nothing else goes', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    try {
      const a = await openTab(context);
      const b = await openTab(context);
      await openTextFile(a, 'first.txt', FIRST);
      await openTextFile(a, 'second.txt', SECOND);
      await tag(a, 'Odesa', '2');
      await eventually(async () => assert.ok((await documentNames(b)).includes('second.txt')), { timeout: SEEN_WITHIN });
      await show(b, 'first.txt');
      await tag(b, 'Zelensky', '1');
      await show(a, 'first.txt');
      await seesSpans(a, ['actor:Zelensky']);
      await a.locator(ITEMS).filter({ hasText: 'first.txt' }).locator('[data-testid=remove-document]').click();
      await eventually(async () => assert.ok(!(await documentNames(b)).includes('first.txt')), { timeout: SEEN_WITHIN });
      await eventually(async () => assert.ok((await articleText(b)).length > 0 && !(await articleText(b)).startsWith('Zelensky met')));
      await show(b, 'second.txt');
      await seesSpans(b, ['location:Odesa']);
      // Undo in A brings it back with B's span, in both tabs.
      await a.locator('[data-testid=article]').focus();
      await a.keyboard.press('Control+z');
      await eventually(async () => assert.ok((await documentNames(b)).includes('first.txt')), { timeout: SEEN_WITHIN });
      await show(b, 'first.txt');
      await seesSpans(b, ['actor:Zelensky']);
      for (const page of [a, b]) assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }
  });

  test("two tabs closed after each one's edit: the next visit has both", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    try {
      const a = await openTab(context);
      const b = await openTab(context);
      await openTextFile(a, 'first.txt', FIRST);
      await tag(a, 'Peskov', '1');
      await openTextFile(b, 'second.txt', SECOND);
      await a.close({ runBeforeUnload: true });
      await b.close({ runBeforeUnload: true });
      const again = await openTab(context);
      const seen = await workspace(again);
      assert.deepEqual(seen['first.txt'], ['actor:Peskov']);
      assert.deepEqual(seen['second.txt'], []);
    } finally {
      await context.close();
    }
  });
});
