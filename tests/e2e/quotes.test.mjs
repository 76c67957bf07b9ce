// End to end against the release build in dist/: a quote keeps every word said, its leading
// "The", "A" or "An" included, whether it is selected with the mouse from mark to mark or with
// Shift+arrows (each of the three), while an actor still leaves the article out and "The Hague"
// keeps its own.
//
// The steps share one page and run in order; each leaves the state the next one starts from.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { DIST, articleText, cpIndexOf, eventually, launch, openTextFile, selectText, selectionText, spans } from './support.mjs';

const TEXT =
  '“The pressure on Russia is still insufficient, … diplomatic efforts.” said Andrii Sybiha.\n' +
  '\n' +
  '"A deal is close," an envoy said.\n' +
  '\n' +
  '‘An agreement is near,’ she added, calling it “the best chance yet.”\n' +
  '\n' +
  'Talks in The Hague were welcomed by the Kremlin.\n';

const ARTICLE = '[data-testid=article]';

/** Code points [start, end) of the first `needle` in TEXT. */
const range = (needle) => {
  const start = cpIndexOf(TEXT, needle);
  return [start, start + Array.from(needle).length];
};

describe('quotes keep their leading article in the release build', { timeout: 60_000 }, () => {
  let app;
  let page;

  before(async () => {
    assert.ok(existsSync(join(DIST, 'index.html')), `no release build in ${DIST}: run trunk build --release`);
    app = await launch();
    page = app.page;
    await openTextFile(page, 'quotes.txt', TEXT);
  });

  after(async () => {
    await app?.close();
  });

  /** Waits for exactly one new span after `press` and returns it as {label, text}. */
  const newSpan = async (press) => {
    const before = new Set((await spans(page)).map((s) => s.id));
    await press();
    return eventually(async () => {
      const made = (await spans(page)).filter((s) => !before.has(s.id));
      assert.equal(made.length, 1, JSON.stringify(await spans(page)));
      return { label: made[0].label, text: made[0].text };
    });
  };

  /** Drags over `needle` of TEXT and presses `key`; returns the span it made. */
  const dragAndTag = async (needle, key) => {
    const [start, end] = range(needle);
    await selectText(page, start, end);
    assert.equal(await selectionText(page), needle, 'the drag selects what it was aimed at');
    return newSpan(() => page.keyboard.press(key));
  };

  test('1. Shift+arrows from the opening mark and key 4: the quote starts with "The"', async () => {
    await page.keyboard.press('Escape');
    await page.focus(ARTICLE);
    // From the article's start, extend a word at a time until "pressure" is in the selection.
    for (let presses = 0; !(await selectionText(page)).includes('pressure'); presses++) {
      assert.ok(presses < 4, `four presses of Shift+ArrowRight did not reach "pressure": ${await selectionText(page)}`);
      await page.keyboard.press('Shift+ArrowRight');
    }
    assert.equal(await selectionText(page), '“The pressure', 'the selection starts at the opening mark');
    assert.deepEqual(await newSpan(() => page.keyboard.press('4')), { label: 'quote', text: 'The pressure' });
  });

  test('1b. Shift+arrows from the opening mark of "A …" and "An …": the quote starts with its article', async () => {
    for (const [from, word, expected] of [
      ['"A deal', 'deal', 'A deal'],
      ['‘An agreement', 'agreement', 'An agreement'],
    ]) {
      await page.keyboard.press('Escape');
      // The caret just before the opening mark (the text is all in the Basic Multilingual Plane,
      // so code points and UTF-16 units agree).
      await page.evaluate((at) => {
        const article = document.querySelector('[data-testid=article]');
        const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(), seen = 0; node; seen += node.length, node = walker.nextNode()) {
          if (at < seen + node.length) {
            article.focus();
            getSelection().collapse(node, at - seen);
            return;
          }
        }
      }, cpIndexOf(TEXT, from));
      for (let presses = 0; !(await selectionText(page)).includes(word); presses++) {
        assert.ok(presses < 4, `four presses of Shift+ArrowRight did not reach "${word}": ${await selectionText(page)}`);
        await page.keyboard.press('Shift+ArrowRight');
      }
      assert.ok((await selectionText(page)).startsWith(from[0]), `the selection starts at the opening mark: ${JSON.stringify(await selectionText(page))}`);
      assert.deepEqual(await newSpan(() => page.keyboard.press('4')), { label: 'quote', text: expected });
    }
  });

  test('2. a drag from mark to mark and key 4 keeps "The", "A", "An" and "the"', async () => {
    for (const [selected, text] of [
      ['“The pressure on Russia is still insufficient, … diplomatic efforts.”', 'The pressure on Russia is still insufficient, … diplomatic efforts'],
      ['"A deal is close,"', 'A deal is close'],
      ['‘An agreement is near,’', 'An agreement is near'],
      ['“the best chance yet.”', 'the best chance yet'],
    ]) {
      assert.deepEqual(await dragAndTag(selected, '4'), { label: 'quote', text });
    }
  });

  test('3. an actor still leaves its article out; "The Hague" keeps its own', async () => {
    assert.deepEqual(await dragAndTag('the Kremlin.', '1'), { label: 'actor', text: 'Kremlin' });
    assert.deepEqual(await dragAndTag(' The Hague ', '2'), { label: 'location', text: 'The Hague' });
    assert.equal(await articleText(page), TEXT, 'tagging adds no character to the article text');
    assert.deepEqual(app.errors, []);
  });
});
