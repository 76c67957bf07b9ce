// Suggestions in the page: proposed spans drawn apart from spans (dashed, data-suggestion-id),
// never exported until accepted; Enter accepts the one under the cursor and moves on, x rejects;
// accept all (or all of a label) is one undo step; what the person tagged is proposed elsewhere,
// and what they rejected is not.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DIST, articleText, cpIndexOf, eventually, exportJson, launch, openTextFile, selectText, spans } from './support.mjs';

const TEXT =
  'Kremlin spokesperson Dmitry Peskov said on Tuesday: “We are working on clarifying the parameters.”\n\n' +
  'Overnight, air defences shot down nearly 400 drones over Kharkiv and Odesa, officials in Kyiv said.\n';
const SECOND = 'Later, Dmitry Peskov and the Kremlin repeated it. Rustem Umerov stayed in Kyiv.\n';

/** The suggestions drawn in the article, one entry each (an element may be split by spans). */
const suggestionsShown = (page) =>
  page.$$eval('[data-testid=article] [data-suggestion-id]', (els) => {
    const seen = new Map();
    for (const e of els) {
      const id = e.dataset.suggestionId;
      seen.set(id, { id, label: e.dataset.label, text: (seen.get(id)?.text ?? '') + e.textContent, current: e.dataset.current === 'true' });
    }
    return [...seen.values()];
  });

/** Clicks Suggest and waits until the worker has answered with at least `atLeast` suggestions. */
async function suggestAndWait(page, atLeast) {
  await page.click('[data-testid=suggest]');
  await eventually(async () => assert.equal(await page.locator('[data-testid=suggest]').getAttribute('aria-busy'), null));
  await eventually(async () => assert.ok((await page.locator('[data-suggestion-id]').count()) >= atLeast));
}

/** Opens the listed document `name` and waits until its `text` is on screen. */
async function switchTo(page, name, text) {
  await page.click(`[data-testid=document-item]:has-text("${name}") .document-open`);
  await eventually(async () => assert.equal(await articleText(page), text));
}

describe('suggestions in the release build', { timeout: 60_000 }, () => {
  let app;
  let page;
  before(async () => {
    app = await launch();
    page = app.page;
    await openTextFile(page, 'suggest.txt', TEXT);
  });
  after(async () => app?.close());

  const suggestions = () => suggestionsShown(page);

  test('Suggest proposes quotes, figures, actors and locations, shown apart and not exported', async () => {
    await page.click('[data-testid=suggest]');
    await eventually(async () => assert.ok((await suggestions()).length >= 4));
    const found = await suggestions();
    const has = (label, text) => found.some((s) => s.label === label && s.text === text);
    assert.ok(has('quote', 'We are working on clarifying the parameters'), JSON.stringify(found));
    assert.ok(has('figure', 'nearly 400 drones'), JSON.stringify(found));
    assert.ok(has('actor', 'Dmitry Peskov'), JSON.stringify(found));
    assert.ok(has('location', 'Kharkiv'), JSON.stringify(found));
    assert.equal(found.filter((s) => s.current).length, 1, 'one suggestion under the cursor');
    const style = await page.$eval('[data-suggestion-id]', (e) => getComputedStyle(e).outlineStyle);
    assert.equal(style, 'dashed');
    assert.deepEqual(await spans(page), []);
    const { json } = await exportJson(page);
    assert.deepEqual(json.documents[0].spans, [], 'suggestions are never exported');
  });

  test('Enter accepts the one under the cursor and moves on; x rejects; undo takes the accept back', async () => {
    const before = await suggestions();
    const first = before.find((s) => s.current);
    await page.keyboard.press('Enter');
    await eventually(async () => assert.ok((await spans(page)).some((s) => s.text === first.text && s.label === first.label)));
    const after = await suggestions();
    assert.equal(after.length, before.length - 1);
    assert.equal(after.filter((s) => s.current).length, 1, 'the cursor moved to the next');
    const rejected = after.find((s) => s.current);
    await page.keyboard.press('x');
    await eventually(async () => assert.ok(!(await suggestions()).some((s) => s.id === rejected.id)));
    await page.keyboard.press('Control+z');
    await eventually(async () => assert.equal((await spans(page)).length, 0));
    // A click puts the cursor on that suggestion; Enter then accepts it, not the one before.
    const clicked = (await suggestions()).filter((s) => !s.current).at(-1);
    await page.click(`[data-testid=article] [data-suggestion-id="${clicked.id}"]`);
    await eventually(async () => assert.ok((await suggestions()).find((s) => s.id === clicked.id)?.current));
    await page.keyboard.press('Enter');
    await eventually(async () => assert.ok((await spans(page)).some((s) => s.text === clicked.text && s.label === clicked.label)));
    await page.keyboard.press('Control+z');
    await eventually(async () => assert.equal((await spans(page)).length, 0));
    // Suggest again: the rejected one does not come back.
    await page.click('[data-testid=suggest]');
    await eventually(async () => assert.ok((await suggestions()).length > 0));
    assert.ok(!(await suggestions()).some((s) => s.label === rejected.label && s.text === rejected.text));
  });

  test('accept all of one label, then all; each is one undo step', async () => {
    const figures = (await suggestions()).filter((s) => s.label === 'figure').length;
    assert.ok(figures >= 1);
    await page.click('[data-testid=accept-all-figure]');
    await eventually(async () => assert.equal((await spans(page)).filter((s) => s.label === 'figure').length, figures));
    assert.ok((await suggestions()).every((s) => s.label !== 'figure'));
    const left = (await suggestions()).length;
    await page.click('[data-testid=accept-all-suggestions]');
    await eventually(async () => assert.equal((await spans(page)).length, figures + left));
    assert.equal((await suggestions()).length, 0);
    await page.keyboard.press('Control+z');
    await eventually(async () => assert.equal((await spans(page)).length, figures));
  });

  test('Clear takes every suggestion away; suggestions are never an undo step', async () => {
    const spansBefore = await spans(page);
    await page.click('[data-testid=suggest]');
    await eventually(async () => assert.ok((await suggestions()).length > 0));
    await page.click('[data-testid=clear-suggestions]');
    await eventually(async () => assert.equal((await suggestions()).length, 0));
    assert.deepEqual(await spans(page), spansBefore, 'clearing adds and removes no span');
    // The last undo step is still "accept all figures" from before, not the suggestions.
    await page.focus('[data-testid=article]');
    await page.keyboard.press('Control+z');
    await eventually(async () => assert.equal((await spans(page)).length, 0));
    await page.keyboard.press('Control+Shift+z');
    await eventually(async () => assert.deepEqual(await spans(page), spansBefore));
  });

  test('what the person tagged is proposed in another document', async () => {
    const start = cpIndexOf(TEXT, 'Kremlin');
    await selectText(page, start, start + 7);
    await page.keyboard.press('1');
    await eventually(async () => assert.ok((await spans(page)).some((s) => s.text === 'Kremlin' && s.label === 'actor')));
    await openTextFile(page, 'second.txt', SECOND);
    await page.click('[data-testid=suggest]');
    await eventually(async () =>
      assert.ok((await suggestions()).some((s) => s.label === 'actor' && s.text === 'Kremlin'), JSON.stringify(await suggestions())),
    );
    assert.deepEqual(app.errors, []);
  });

  test('a name rejected in one document is not proposed with that label in the next', async () => {
    const umerov = (await suggestions()).find((s) => s.label === 'actor' && s.text === 'Rustem Umerov');
    assert.ok(umerov, JSON.stringify(await suggestions()));
    await page.click(`[data-testid=article] [data-suggestion-id="${umerov.id}"]`);
    await eventually(async () => assert.ok((await suggestions()).find((s) => s.id === umerov.id)?.current));
    await page.keyboard.press('x');
    await eventually(async () => assert.ok(!(await suggestions()).some((s) => s.id === umerov.id)));
    const third = 'Rustem Umerov flew to Kyiv on Monday.\n';
    await openTextFile(page, 'third.txt', third);
    await suggestAndWait(page, 1);
    const found = await suggestions();
    assert.ok(!found.some((s) => s.text === 'Rustem Umerov' && s.label === 'actor'), JSON.stringify(found));
    assert.ok(found.some((s) => s.text === 'Kyiv' && s.label === 'location'), JSON.stringify(found));
    assert.deepEqual(app.errors, []);
  });
  test('find and tag all: / opens the bar, matches are highlighted, one click tags every whole-word match', async () => {
    await openTextFile(page, 'find.txt', 'Kyiv said no. Kyivans waited in kyiv and Kyiv.\n');
    await page.focus('[data-testid=article]');
    await page.keyboard.press('/');
    const input = page.locator('[data-testid=find-input]');
    await input.waitFor();
    assert.ok(await input.evaluate((e) => e === document.activeElement), 'the find box has the focus');
    await input.fill('Kyiv');
    await eventually(async () => assert.equal(await page.textContent('[data-testid=find-count]'), '3 found'));
    assert.equal(await page.locator('[data-testid=article] [data-find-match]').count(), 3);
    await page.click('[data-testid=find-whole-word]');
    await eventually(async () => assert.equal(await page.textContent('[data-testid=find-count]'), '4 found'), 'Kyivans too');
    await page.click('[data-testid=find-whole-word]');
    await eventually(async () => assert.equal(await page.textContent('[data-testid=find-count]'), '3 found'));
    await page.click('[data-testid=find-case]');
    await eventually(async () => assert.equal(await page.textContent('[data-testid=find-count]'), '2 found'));
    await page.click('[data-testid=find-tag-location]');
    await eventually(async () => assert.deepEqual((await spans(page)).map((s) => [s.label, s.text]), [['location', 'Kyiv'], ['location', 'Kyiv']]));
    await input.press('Escape');
    await eventually(async () => assert.equal(await page.locator('[data-testid=find-bar]').count(), 0));
    assert.equal(await page.locator('[data-find-match]').count(), 0);
    await page.keyboard.press('Control+z');
    await eventually(async () => assert.equal((await spans(page)).length, 0), 'tag all is one undo step');
  });
});

describe('a rejected suggestion stays rejected', { timeout: 60_000 }, () => {
  test('after a reload, Suggest does not bring it back; the others come back', async () => {
    const app = await launch();
    try {
      const { page } = app;
      const shown = () => suggestionsShown(page);
      await openTextFile(page, 'reject.txt', TEXT);
      await suggestAndWait(page, 4);
      const before = await shown();
      const rejected = before.find((s) => s.current);
      await page.keyboard.press('x');
      await eventually(async () => assert.equal((await shown()).length, before.length - 1));
      // At once, before the autosave delay: the copy kept as the page closes must hold it too.
      await page.reload();
      await page.waitForSelector('[data-testid=article]');
      assert.equal(await articleText(page), TEXT);
      await suggestAndWait(page, 4);
      const again = await shown();
      assert.ok(!again.some((s) => s.label === rejected.label && s.text === rejected.text), JSON.stringify({ rejected, again }));
      const key = (s) => `${s.label}:${s.text}`;
      assert.deepEqual(again.map(key).sort(), before.filter((s) => s.id !== rejected.id).map(key).sort());
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
});

describe('the "on open" setting', { timeout: 60_000 }, () => {
  test('suggests on every document opened or switched to, and on the restored one after a reload', async () => {
    const app = await launch();
    try {
      const { page } = app;
      const setting = page.locator('[data-testid=suggest-on-open]');
      const suggestedOn = async (text) => {
        assert.equal(await articleText(page), text);
        await eventually(async () => assert.ok((await page.locator('[data-suggestion-id]').count()) >= 2));
      };
      assert.equal(await setting.isChecked(), false, 'off by default');
      await setting.check();
      await openTextFile(page, 'first.txt', TEXT);
      await suggestedOn(TEXT);
      await openTextFile(page, 'second.txt', SECOND);
      await suggestedOn(SECOND);
      await switchTo(page, 'first.txt', TEXT);
      await suggestedOn(TEXT);
      assert.deepEqual(
        (await suggestionsShown(page)).map((s) => s.text).filter((t) => t === 'Rustem Umerov'),
        [],
        "the first document's suggestions, not the second's",
      );

      await page.reload();
      await page.waitForSelector('[data-testid=article]');
      assert.equal(await setting.isChecked(), true, 'the browser remembers the setting');
      await suggestedOn(TEXT);

      await setting.uncheck();
      await page.reload();
      await page.waitForSelector('[data-testid=article]');
      assert.equal(await setting.isChecked(), false);
      await page.waitForTimeout(500);
      assert.equal(await page.locator('[data-suggestion-id]').count(), 0, 'off: nothing is suggested by itself');
      assert.equal(page.workers().length, 0, 'off: the suggester is not even started');
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
});

describe('the suggester runs in a Web Worker, off the main thread', { timeout: 60_000 }, () => {
  test('the page does not carry it: a worker is started on the first Suggest, and answers', async () => {
    // The gazetteers are the suggester's data: in the worker's wasm, not in the page's.
    const wasm = readdirSync(DIST).filter((f) => f.endsWith('.wasm'));
    const holding = wasm.filter((f) => readFileSync(join(DIST, f)).includes('Ouagadougou'));
    assert.deepEqual(holding, ['suggest-worker_bg.wasm'], `gazetteer found in ${holding}`);

    const app = await launch();
    try {
      const { page } = app;
      await openTextFile(page, 'suggest.txt', TEXT);
      assert.equal(page.workers().length, 0, 'no worker before Suggest');
      const started = page.waitForEvent('worker');
      await page.click('[data-testid=suggest]');
      const worker = await started;
      assert.match(worker.url(), /suggest_worker_loader\.js$/);
      await eventually(async () => assert.ok((await page.locator('[data-suggestion-id]').count()) >= 4));
      assert.equal(await page.locator('[data-testid=suggest]').textContent(), 'Suggest', 'no longer busy');
      // A second run reuses the worker.
      await page.click('[data-testid=suggest]');
      await eventually(async () => assert.equal(await page.locator('[data-testid=suggest]').getAttribute('aria-busy'), null));
      assert.equal(page.workers().length, 1);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });

  test("a document's text crosses to the worker once, before its first request; requests carry none", async () => {
    const app = await launch();
    try {
      const { page } = app;
      // Every message the page posts to a worker, as it posts it.
      await page.evaluate(() => {
        window.__posted = [];
        const post = Worker.prototype.postMessage;
        Worker.prototype.postMessage = function (message, ...rest) {
          // Read before posting: a transferred buffer is empty afterwards.
          const bytes = message instanceof ArrayBuffer;
          window.__posted.push({ bytes, text: bytes ? new TextDecoder().decode(message) : String(message) });
          return post.call(this, message, ...rest);
        };
      });
      const suggestOn = async (text) => {
        await suggestAndWait(page, 2);
        assert.equal(await articleText(page), text);
      };
      await openTextFile(page, 'first.txt', TEXT);
      await suggestOn(TEXT);
      await suggestOn(TEXT);
      await openTextFile(page, 'second.txt', SECOND);
      await suggestOn(SECOND);
      await switchTo(page, 'first.txt', TEXT);
      await suggestOn(TEXT);

      const messages = await page.evaluate(() => window.__posted);
      // A text goes as UTF-8 bytes in a buffer handed over to the worker; requests as strings.
      assert.deepEqual(messages.map((m) => m.bytes), messages.map((m) => m.text.startsWith('{"text_of"')));
      const posted = messages.map((m) => m.text);
      const texts = posted.filter((m) => m.startsWith('{"text_of"'));
      assert.deepEqual(
        texts.map((m) => m.slice(m.indexOf('\n') + 1)),
        [TEXT, SECOND, TEXT],
        'the first, the second, and the first again once the worker held the second',
      );
      const requests = posted.filter((m) => !m.startsWith('{"text_of"'));
      assert.equal(requests.length, 4);
      for (const request of requests) assert.ok(!request.includes('clarifying') && !request.includes('Umerov'), request);
      // Each text went before the request that needs it.
      assert.deepEqual(posted.map((m) => (m.startsWith('{"text_of"') ? 'text' : 'request')), ['text', 'request', 'request', 'text', 'request', 'text', 'request']);
      assert.equal(await page.locator('[role=alert]').count(), 0);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
});
