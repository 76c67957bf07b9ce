// End to end against the release build in dist/: editing spans after they are made. Nested
// spans and click cycling, next/previous span, relabel, resize by keyboard, keyboard-only
// tagging, delete with undo/redo, notes, the help overlay, custom labels, the document list,
// drag handles, and the colour theme (kept over a reload).
//
// The steps share one page and run in order; each leaves the state the next one starts from.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import {
  ARTIFACTS,
  DIST,
  articleText,
  coveredBy,
  cpIndexOf,
  eventually,
  exportJson,
  isInViewport,
  launch,
  openTextFile,
  scrollTextIntoView,
  selectText,
  selectedSpanIds,
  selectionText,
  spans,
  textCoordinates,
} from './support.mjs';

const NAME = 'peskov.txt';
const FIRST = '“We are working with Dmitry Peskov in Geneva,” said Kremlin spokesperson Dmitry Peskov on Tuesday.\n';
const FILLER = Array.from({ length: 60 }, (_, i) => `Filler line ${i + 1} keeps the last paragraph out of sight.\n`).join('');
const LAST = 'Ukraine’s air force counted 126 long-range drones over Kharkiv.\n';
const TEXT = `${FIRST}\n${FILLER}\n${LAST}`;

const QUOTE = 'We are working with Dmitry Peskov in Geneva';
const at = (needle, occurrence = 0) => cpIndexOf(TEXT, needle, occurrence);
const range = (needle, occurrence = 0) => {
  const start = at(needle, occurrence);
  return [start, start + Array.from(needle).length];
};

const ARTICLE = '[data-testid=article]';
const DOCUMENT_ITEMS = '[data-testid=document-list] [data-testid=document-item]';

describe('editing spans in the release build', { timeout: 90_000 }, () => {
  let app;
  let page;
  // Ids of spans and documents made along the way, for later steps.
  const ids = {};

  before(async () => {
    assert.ok(existsSync(join(DIST, 'index.html')), `no release build in ${DIST}: run trunk build --release`);
    app = await launch();
    page = app.page;
  });

  after(async () => {
    await app?.close();
  });

  const spanElement = (id) => page.locator(`${ARTICLE} [data-span-id="${id}"]`);
  const spanById = async (id) => (await spans(page)).find((s) => s.id === id);
  /** Waits until span `id` has `label` and `text` (and still exists). */
  const expectSpan = (id, label, text) =>
    eventually(async () => {
      const span = await spanById(id);
      assert.deepEqual(span && { label: span.label, text: span.text }, { label, text }, `span ${id}`);
    });
  const expectSelected = (list) => eventually(async () => assert.deepEqual(await selectedSpanIds(page), list));
  /** Tags code points [start, end) with the label key `key` by a mouse drag; returns the new span. */
  const tag = async ([start, end], key, label, text) => {
    const before = new Set((await spans(page)).map((s) => s.id));
    await scrollTextIntoView(page, start);
    await selectText(page, start, end);
    await page.keyboard.press(key);
    return eventually(async () => {
      const made = (await spans(page)).filter((s) => !before.has(s.id));
      assert.deepEqual(
        made.map((s) => ({ label: s.label, text: s.text })),
        [{ label, text }],
        JSON.stringify(await spans(page)),
      );
      return made[0];
    });
  };
  /** The DOM selection's anchor and focus as code-point offsets of the article (null outside). */
  const caret = () =>
    page.$eval(ARTICLE, (article) => {
      const selection = getSelection();
      if (!selection.rangeCount || !article.contains(selection.anchorNode)) return null;
      const offset = (node, at) => {
        const range = document.createRange();
        range.setStart(article, 0);
        range.setEnd(node, at);
        return Array.from(range.toString()).length;
      };
      return {
        anchor: offset(selection.anchorNode, selection.anchorOffset),
        focus: offset(selection.focusNode, selection.focusOffset),
      };
    });
  /** Fails at once (not after the locator timeout) when a hook is not in the page. */
  const requireHook = async (selector) =>
    assert.ok((await page.locator(selector).count()) > 0, `${selector} is not in the page`);
  const focusArticle = () => page.focus(ARTICLE);
  const undo = async () => {
    await focusArticle();
    await page.keyboard.press('Control+z');
  };
  /** Makes our document the one on screen again (a failed step may have left another). */
  const showOurDocument = async () => {
    const button = page.locator(`${DOCUMENT_ITEMS}[data-document-id="${ids.doc}"] button`).first();
    if ((await button.getAttribute('aria-current')) !== 'page') await button.click();
    await eventually(async () => assert.equal(await articleText(page), TEXT));
  };

  test('a. opens its own document through the file input', async () => {
    ids.doc = await openTextFile(page, NAME, TEXT);
    assert.ok(ids.doc, 'the new document item has a data-document-id');
    const active = page.locator(`${DOCUMENT_ITEMS} button[aria-current=page]`);
    assert.equal(await active.count(), 1);
    assert.match(await active.textContent(), /peskov\.txt/);
    assert.deepEqual(await spans(page), []);
  });

  test('1. nested spans: a click selects the innermost, clicking again the enclosing one, round again', async () => {
    const quote = await tag(range(QUOTE), '4', 'quote', QUOTE);
    const actor = await tag(range('Dmitry Peskov'), '1', 'actor', 'Dmitry Peskov');
    const geneva = await tag(range('Geneva'), '2', 'location', 'Geneva');
    Object.assign(ids, { quote: quote.id, actor: actor.id, geneva: geneva.id });
    await expectSelected([ids.geneva]);

    // Each span element tells assistive technology its label, and shows "Label: text" on hover.
    assert.equal(await spanElement(ids.quote).getAttribute('aria-description'), 'Quote');
    assert.equal(await spanElement(ids.geneva).getAttribute('aria-description'), 'Location');
    assert.equal(await spanElement(ids.quote).getAttribute('title'), `Quote: ${QUOTE}`);
    assert.equal(await spanElement(ids.actor).getAttribute('title'), 'Actor: Dmitry Peskov');
    assert.equal(await spanElement(ids.geneva).getAttribute('title'), 'Location: Geneva');
    const nesting = await page.evaluate(
      ([quote, actor, geneva]) => {
        const element = (id) => document.querySelector(`[data-testid=article] [data-span-id="${id}"]`);
        return [element(quote).contains(element(actor)), element(quote).contains(element(geneva))];
      },
      [ids.quote, ids.actor, ids.geneva],
    );
    assert.deepEqual(nesting, [true, true], 'the actor and the location are drawn inside the quote');

    // The same point, clicked three times (single clicks, not a double click).
    const box = await spanElement(ids.actor).boundingBox();
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.click(x, y);
    await expectSelected([ids.actor]);
    assert.equal(await spanElement(ids.actor).getAttribute('aria-current'), 'true');
    assert.equal(await spanElement(ids.quote).getAttribute('aria-current'), null);
    await page.mouse.click(x, y);
    await expectSelected([ids.quote]);
    assert.equal(await spanElement(ids.actor).getAttribute('aria-current'), null);
    await page.mouse.click(x, y);
    await expectSelected([ids.actor]);
    assert.equal(await selectionText(page), '', 'clicking selects no text');
    assert.equal(await articleText(page), TEXT);
  });

  test('2. j / k select the next / previous span and scroll it into view; Tab leaves the article', async () => {
    const kharkiv = await tag(range('Kharkiv'), '2', 'location', 'Kharkiv');
    ids.kharkiv = kharkiv.id;
    // Reading order: by start, the longer first.
    assert.deepEqual(
      (await spans(page)).map((s) => s.id),
      [ids.quote, ids.actor, ids.geneva, ids.kharkiv],
    );

    await page.keyboard.press('Escape');
    await expectSelected([]);
    await focusArticle();
    await page.evaluate(() => window.scrollTo(0, 0));
    const kharkivSelector = `${ARTICLE} [data-span-id="${ids.kharkiv}"]`;
    assert.equal(await isInViewport(page, kharkivSelector), false, 'Kharkiv starts out of sight');

    await page.keyboard.press('j');
    await expectSelected([ids.quote]);
    await page.keyboard.press('j');
    await expectSelected([ids.actor]);
    await page.keyboard.press('j');
    await expectSelected([ids.geneva]);
    await page.keyboard.press('j');
    await expectSelected([ids.kharkiv]);
    await eventually(async () => assert.ok(await isInViewport(page, kharkivSelector), 'Kharkiv is scrolled into view'));
    assert.equal(await coveredBy(page, kharkivSelector), null, 'nothing covers Kharkiv');
    await page.keyboard.press('j');
    await expectSelected([ids.kharkiv]);

    await page.keyboard.press('k');
    await expectSelected([ids.geneva]);
    const geneva = `${ARTICLE} [data-span-id="${ids.geneva}"]`;
    await eventually(async () => assert.ok(await isInViewport(page, geneva), 'Geneva is scrolled back into view'));
    assert.equal(await isInViewport(page, kharkivSelector), false);
    await page.keyboard.press('k');
    await expectSelected([ids.actor]);
    await page.keyboard.press('k');
    await expectSelected([ids.quote]);
    await page.keyboard.press('j');
    await expectSelected([ids.actor]);

    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'span-label',
      'Tab goes on to the span card');
    await expectSelected([ids.actor]);
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'article');
    await expectSelected([ids.actor]);
  });

  test(
    '2b. a span scrolled into view upwards is not left under the sticky toolbar',
    async () => {
      const geneva = `${ARTICLE} [data-span-id="${ids.geneva}"]`;
      await focusArticle();
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await expectSelected([ids.kharkiv]);
      await eventually(async () => assert.equal(await isInViewport(page, geneva), false, 'Geneva is out of sight'));
      await page.keyboard.press('k');
      await expectSelected([ids.geneva]);
      const seen = await eventually(async () => {
        const inView = await isInViewport(page, geneva);
        assert.ok(inView, 'Geneva is scrolled back into view');
        return { inView, covered: await coveredBy(page, geneva) };
      });
      // Back to the actor for the next step, then judge.
      await page.keyboard.press('k');
      await expectSelected([ids.actor]);
      assert.equal(seen.covered, null, 'the selected span is under something else at its centre');
    },
  );

  test('3. a label key relabels the selected span (one undo step); so does the card\'s select', async () => {
    await expectSelected([ids.actor]);
    assert.equal(await selectionText(page), '');
    const count = (await spans(page)).length;

    await page.keyboard.press('2');
    await expectSpan(ids.actor, 'location', 'Dmitry Peskov');
    assert.equal(await spanElement(ids.actor).getAttribute('title'), 'Location: Dmitry Peskov');
    assert.equal((await spans(page)).length, count, 'relabelling makes no new span');
    await expectSelected([ids.actor]);

    await page.keyboard.press('Control+z');
    await expectSpan(ids.actor, 'actor', 'Dmitry Peskov');
    await expectSelected([ids.actor]);

    const card = page.locator('[data-testid=span-popover]');
    assert.equal(await card.locator('[data-testid=span-label]').inputValue(), 'actor');
    await card.locator('[data-testid=span-label]').selectOption('figure');
    await expectSpan(ids.actor, 'figure', 'Dmitry Peskov');
    await eventually(async () => assert.equal(await card.getAttribute('data-label'), 'figure'));

    await undo();
    await expectSpan(ids.actor, 'actor', 'Dmitry Peskov');
    await eventually(async () => assert.equal(await card.locator('[data-testid=span-label]').inputValue(), 'actor'));
    assert.equal((await spans(page)).length, count);
  });

  test('4. Shift+arrows move the end, Alt+Shift+arrows the start, by a word; never empty; each one undo step', async () => {
    await focusArticle();
    await expectSelected([ids.actor]);
    const steps = [
      ['Shift+ArrowRight', 'Dmitry Peskov in'],
      ['Shift+ArrowLeft', 'Dmitry Peskov'],
      ['Shift+ArrowLeft', 'Dmitry'],
      ['Shift+ArrowLeft', 'Dmitry'], // one word: shrinking further would make it empty
      ['Alt+Shift+ArrowLeft', 'with Dmitry'],
      ['Alt+Shift+ArrowRight', 'Dmitry'],
      ['Alt+Shift+ArrowRight', 'Dmitry'], // the start cannot pass the end
    ];
    for (const [key, text] of steps) {
      await page.keyboard.press(key);
      await expectSpan(ids.actor, 'actor', text);
      assert.equal(await spanElement(ids.actor).getAttribute('title'), `Actor: ${text}`);
      assert.equal(await selectionText(page), '', `${key} selects no text`);
    }
    await expectSelected([ids.actor]);
    assert.equal(await articleText(page), TEXT);

    // Undo walks back through the changes only (the two refused steps recorded nothing).
    for (const text of ['with Dmitry', 'Dmitry', 'Dmitry Peskov', 'Dmitry Peskov in', 'Dmitry Peskov']) {
      await page.keyboard.press('Control+z');
      await expectSpan(ids.actor, 'actor', text);
    }
    await expectSpan(ids.quote, 'quote', QUOTE);
  });

  test('5. keyboard only: arrows move the caret by words, Shift+arrow extends, key 3 tags a figure', async () => {
    await page.evaluate(() => {
      window.__mouseDowns = 0;
      window.addEventListener('mousedown', () => window.__mouseDowns++, { capture: true });
    });
    await page.keyboard.press('Escape');
    await expectSelected([]);
    assert.equal(await selectionText(page), '');
    await focusArticle();

    // From the article's start, a word at a time (Chromium stops after the opening quotation
    // mark too): each press moves a collapsed caret forward to a word boundary, until it is at
    // the end of "are".
    const endOfAre = at(' are') + 4;
    const isBoundary = (cp) => {
      const chars = Array.from(TEXT);
      const word = (c) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
      return word(chars[cp - 1]) !== word(chars[cp]);
    };
    let position = 0;
    for (let presses = 0; position < endOfAre; presses++) {
      assert.ok(presses < 4, `four presses of ArrowRight did not reach the end of "are" (at ${position})`);
      await page.keyboard.press('ArrowRight');
      const previous = position;
      position = await eventually(async () => {
        const now = await caret();
        assert.ok(now && now.anchor === now.focus && now.focus > previous, `the caret moved on: ${JSON.stringify(now)}`);
        return now.focus;
      });
      assert.ok(isBoundary(position), `the caret stops at a word boundary, not at ${position}`);
    }
    assert.equal(position, endOfAre, 'the caret stops at the end of "are"');
    assert.deepEqual(await selectedSpanIds(page), [], 'moving the caret selects no span');

    await page.keyboard.press('Shift+ArrowRight');
    await eventually(async () => assert.equal(await selectionText(page), ' working'));
    await page.keyboard.press('Shift+ArrowRight');
    await eventually(async () => assert.equal(await selectionText(page), ' working with'));
    assert.deepEqual(await selectedSpanIds(page), [], 'extending the selection resizes no span');

    const before = new Set((await spans(page)).map((s) => s.id));
    await page.keyboard.press('3');
    const figure = await eventually(async () => {
      const made = (await spans(page)).filter((s) => !before.has(s.id));
      assert.deepEqual(made.map((s) => [s.label, s.text]), [['figure', 'working with']], 'snapped to the words');
      return made[0];
    });
    ids.figure = figure.id;
    await expectSelected([ids.figure]);
    assert.equal(await selectionText(page), '', 'the text selection is cleared after tagging');
    assert.equal(await page.evaluate(() => window.__mouseDowns), 0, 'no mouse was used');
    assert.equal(await articleText(page), TEXT);
  });

  test('6. Delete and the card\'s Delete remove the span; Ctrl+Z and the Undo/Redo buttons', async () => {
    await expectSelected([ids.figure]);
    const withFigure = await spans(page);
    const withoutFigure = withFigure.filter((s) => s.id !== ids.figure);
    const gone = async () => {
      await eventually(async () => assert.deepEqual(await spans(page), withoutFigure));
      assert.deepEqual(await selectedSpanIds(page), []);
      assert.equal(await page.locator('[data-testid=span-popover]').count(), 0, 'no card without a selected span');
    };
    const back = async () => {
      await eventually(async () => assert.deepEqual(await spans(page), withFigure));
      await expectSelected([ids.figure]);
    };

    await focusArticle();
    await page.keyboard.press('Delete');
    await gone();
    await page.keyboard.press('Control+z');
    await back();

    await page.click('[data-testid=span-popover] [data-testid=delete-span]');
    await gone();
    await page.click('[data-testid=undo]');
    await back();
    await page.click('[data-testid=redo]');
    await gone();
    await page.click('[data-testid=undo]');
    await back();
    await page.keyboard.press('Control+Shift+Z');
    await gone();
    assert.equal(await articleText(page), TEXT);
  });

  test('7. a note typed in the card is saved on change, shown in the side panel, exported, undone', async () => {
    const entry = page.locator(`button[data-span-entry="${ids.actor}"]`);
    await entry.click();
    await expectSelected([ids.actor]);
    const card = page.locator('[data-testid=span-popover]');
    const note = card.locator('textarea[data-testid=span-note]');

    // The card is in the side panel and does not cover the article.
    assert.equal(await page.locator('.side-panel [data-testid=span-popover]').count(), 1);
    const [cardBox, articleBox] = [await card.boundingBox(), await page.locator(ARTICLE).boundingBox()];
    const overlaps =
      cardBox.x < articleBox.x + articleBox.width &&
      articleBox.x < cardBox.x + cardBox.width &&
      cardBox.y < articleBox.y + articleBox.height &&
      articleBox.y < cardBox.y + cardBox.height;
    assert.ok(!overlaps, `the card ${JSON.stringify(cardBox)} overlaps the article ${JSON.stringify(articleBox)}`);

    const text = 'Kremlin spokesman, quoted twice';
    await note.fill(text);
    await note.press('Tab');
    await eventually(async () => assert.equal(await entry.locator('.span-note').textContent(), text));

    const { json } = await exportJson(page);
    const [doc] = json.documents;
    assert.equal(doc.text, TEXT);
    const exported = Object.fromEntries(doc.spans.map((s) => [s.id, s]));
    assert.equal(exported[ids.actor].note, text);
    for (const span of doc.spans.filter((s) => s.id !== ids.actor)) {
      assert.ok(!('note' in span), `span ${span.id} has no note key: ${JSON.stringify(span)}`);
    }

    await undo();
    await eventually(async () => assert.equal(await entry.locator('.span-note').count(), 0));
    await expectSelected([ids.actor]);
    await eventually(async () => assert.equal(await note.inputValue(), ''));
    const afterUndo = (await exportJson(page)).json.documents[0].spans;
    assert.ok(afterUndo.every((s) => !('note' in s)), JSON.stringify(afterUndo));

    // Saved by clicking elsewhere as well.
    const second = 'Speaks for the Kremlin';
    await note.fill(second);
    await page.click('.side-panel h2');
    await eventually(async () => assert.equal(await entry.locator('.span-note').textContent(), second));
    assert.equal(await articleText(page), TEXT);
  });

  test('8. ? and the toolbar button open the key help; Escape closes it', async () => {
    const help = page.locator('[data-testid=help]');
    assert.equal(await help.count(), 0);
    await focusArticle();
    await page.keyboard.press('?');
    const dialog = help.getByRole('dialog');
    await dialog.waitFor();
    const text = await dialog.textContent();
    assert.ok(text.includes('Ctrl+Z'), text);
    const keys = await dialog.locator('kbd').allTextContents();
    for (const [key, name] of [['1', 'Actor'], ['2', 'Location'], ['3', 'Figure'], ['4', 'Quote']]) {
      assert.ok(keys.includes(key), `key ${key} is listed: ${keys}`);
      const row = dialog.locator('tr', { has: page.locator('kbd', { hasText: new RegExp(`^${key}$`) }) });
      assert.match(await row.first().textContent(), new RegExp(name), `key ${key} tags as ${name}`);
    }
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await expectSelected([ids.actor]);

    await page.click('[data-testid=help-button]');
    await help.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });

  test('10. custom labels: add, tag with its key, rename, recolour, rekey, reorder, export, delete, undo', async () => {
    await showOurDocument();
    await requireHook('[data-testid=label-editor]');
    const editor = page.locator('[data-testid=label-editor]');
    if (await editor.evaluate((e) => e.tagName === 'DETAILS' && !e.open)) await editor.locator('summary').first().click();

    await page.fill('[data-testid=new-label-name]', 'Quote source');
    await page.fill('input[type=color][data-testid=new-label-color]', '#123456');
    // Anything that re-renders the editor between picking and Add (here: selecting a span; in
    // use, an autosave finishing) must keep the colour picked.
    const other = page.locator(`button[data-span-entry]:not([data-span-entry="${ids.actor}"])`).first();
    const otherId = await other.getAttribute('data-span-entry');
    await other.click();
    await expectSelected([otherId]);
    await page.click('[data-testid=add-label]');
    const button = page.locator('[data-testid=label-quote-source]');
    await button.waitFor();
    assert.equal(await button.locator('kbd').textContent(), '5');

    const source = await tag(range('Dmitry Peskov', 1), '5', 'quote-source', 'Dmitry Peskov');
    ids.source = source.id;
    assert.equal(await spanElement(ids.source).getAttribute('title'), 'Quote source: Dmitry Peskov');
    const color = () =>
      spanElement(ids.source).evaluate((e) => getComputedStyle(e).getPropertyValue('--label-color').trim().toLowerCase());
    assert.equal(await color(), '#123456');

    // Rename.
    await page.fill('[data-testid=label-name-quote-source]', 'Speaker');
    await page.press('[data-testid=label-name-quote-source]', 'Enter');
    await eventually(async () => assert.match(await button.textContent(), /Speaker/));
    await eventually(async () =>
      assert.equal(await spanElement(ids.source).getAttribute('title'), 'Speaker: Dmitry Peskov'),
    );

    // Recolour.
    await page.fill('[data-testid=label-color-quote-source]', '#aa0000');
    await eventually(async () => assert.equal(await color(), '#aa0000'));

    // Rekey: taking key 1 takes it from Actor; giving it back takes it from the new label.
    const kbd = async (id) => {
      const keys = await page.locator(`[data-testid=label-${id}] kbd`).allTextContents();
      return keys.join('');
    };
    await page.selectOption('[data-testid=label-key-quote-source]', '1');
    await eventually(async () => assert.deepEqual([await kbd('quote-source'), await kbd('actor')], ['1', '']));
    assert.equal(await page.inputValue('[data-testid=label-key-actor]'), '');
    await page.selectOption('[data-testid=label-key-actor]', '1');
    await eventually(async () => assert.deepEqual([await kbd('quote-source'), await kbd('actor')], ['', '1']));
    assert.equal(await page.inputValue('[data-testid=label-key-quote-source]'), '');
    await page.selectOption('[data-testid=label-key-quote-source]', '5');
    await eventually(async () => assert.equal(await kbd('quote-source'), '5'));

    // Reorder: the toolbar follows.
    const order = () => page.locator('.toolbar .label-button').evaluateAll((els) => els.map((e) => e.dataset.label));
    assert.deepEqual(await order(), ['actor', 'location', 'figure', 'quote', 'quote-source']);
    await page.click('[data-testid=label-up-quote-source]');
    await eventually(async () => assert.deepEqual(await order(), ['actor', 'location', 'figure', 'quote-source', 'quote']));
    await page.click('[data-testid=label-down-quote-source]');
    await eventually(async () => assert.deepEqual(await order(), ['actor', 'location', 'figure', 'quote', 'quote-source']));

    const { json } = await exportJson(page);
    const label = json.labels.find((l) => l.id === 'quote-source');
    assert.deepEqual(label, { id: 'quote-source', name: 'Speaker', color: '#aa0000', key: '5' });
    const exportedSpan = json.documents[0].spans.find((s) => s.id === ids.source);
    assert.equal(exportedSpan?.label, 'quote-source');

    // Delete: in use, so it asks first; No keeps it, Yes deletes the label and its spans.
    await page.click('[data-testid=label-delete-quote-source]');
    const confirm = page.locator('[data-testid=confirm-delete-label]');
    await confirm.waitFor();
    await confirm.locator('[data-testid=confirm-delete-no]').click();
    await confirm.waitFor({ state: 'detached' });
    assert.equal(await button.count(), 1);
    assert.ok(await spanById(ids.source));

    const before = await spans(page);
    await page.click('[data-testid=label-delete-quote-source]');
    await confirm.waitFor();
    await confirm.locator('[data-testid=confirm-delete-yes]').click();
    await button.waitFor({ state: 'detached' });
    await eventually(async () => assert.equal(await spanById(ids.source), undefined));

    await undo();
    await button.waitFor();
    await eventually(async () => assert.deepEqual(await spans(page), before));
    assert.equal(await articleText(page), TEXT);
  });

  test('11. documents: remove one (undoable); Alt+ArrowDown / Alt+ArrowUp switch documents', async () => {
    await showOurDocument();
    await requireHook(`${DOCUMENT_ITEMS} [data-testid=remove-document]`);
    const EXTRA = 'A second article, about Kharkiv.\n';
    ids.extra = await openTextFile(page, 'extra.txt', EXTRA);
    const item = (id) => page.locator(`${DOCUMENT_ITEMS}[data-document-id="${id}"]`);
    const isCurrent = async (id) => (await item(id).locator('button[aria-current=page]').count()) === 1;
    const order = await page.locator(DOCUMENT_ITEMS).evaluateAll((els) => els.map((e) => e.dataset.documentId));
    assert.deepEqual(order.slice(-2), [ids.doc, ids.extra]);
    assert.ok(await isCurrent(ids.extra));

    await focusArticle();
    await page.keyboard.press('Alt+ArrowUp');
    await eventually(async () => assert.ok(await isCurrent(ids.doc), 'Alt+ArrowUp opens the previous document'));
    assert.equal(await articleText(page), TEXT);
    await page.keyboard.press('Alt+ArrowDown');
    await eventually(async () => assert.ok(await isCurrent(ids.extra), 'Alt+ArrowDown opens the next document'));
    assert.equal(await articleText(page), EXTRA);

    const count = await page.locator(DOCUMENT_ITEMS).count();
    await item(ids.extra).locator('[data-testid=remove-document]').click();
    await eventually(async () => assert.equal(await item(ids.extra).count(), 0));
    assert.equal(await page.locator(DOCUMENT_ITEMS).count(), count - 1);
    assert.notEqual(await articleText(page), EXTRA);

    await undo();
    await eventually(async () => assert.equal(await item(ids.extra).count(), 1));
    assert.equal(await page.locator(DOCUMENT_ITEMS).count(), count);

    await showOurDocument();
    assert.ok(await spanById(ids.quote), 'our spans are still there');
  });

  test('12. the selected span\'s edges can be dragged to other words, never empty or inverted', async () => {
    await showOurDocument();
    const drones = await tag(range('126 long-range drones'), '3', 'figure', '126 long-range drones');
    ids.drones = drones.id;
    const edge = async (side) => {
      const box = await spanElement(ids.drones).evaluate((e) => {
        const r = e.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, height: r.height };
      });
      // The text line's middle (the element may have padding below for nested spans).
      const y = (await textCoordinates(page, at('126'), at('126') + 1)).from.y;
      return { x: side === 'left' ? box.left + 2 : box.right - 2, y };
    };
    const drag = async (side, to) => {
      if ((await selectedSpanIds(page))[0] !== ids.drones) await page.click(`button[data-span-entry="${ids.drones}"]`);
      await expectSelected([ids.drones]);
      const from = await edge(side);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(to.x, to.y, { steps: 8 });
      await page.mouse.up();
    };
    const pointAt = async (cp) => (await textCoordinates(page, cp, cp + 1)).from;

    // The right edge into "Kharkiv" (nearer its end): the end snaps to the end of "Kharkiv".
    await drag('right', await pointAt(at('Kharkiv') + 5));
    await expectSpan(ids.drones, 'figure', '126 long-range drones over Kharkiv');
    // The left edge onto the start of "counted": the start snaps to it.
    await drag('left', await pointAt(at('counted') + 1));
    await expectSpan(ids.drones, 'figure', 'counted 126 long-range drones over Kharkiv');
    // The right edge back before the start: refused, the span stays as it was.
    await drag('right', await pointAt(at('air') + 1));
    await expectSpan(ids.drones, 'figure', 'counted 126 long-range drones over Kharkiv');
    // The right edge into "drones" (nearer its end), then the left edge past the new end: refused.
    await drag('right', await pointAt(at('drones') + 4));
    await expectSpan(ids.drones, 'figure', 'counted 126 long-range drones');
    await drag('left', await pointAt(at('Kharkiv') + 3));
    await expectSpan(ids.drones, 'figure', 'counted 126 long-range drones');
    // Each moved edge is one undo step; the refused drags recorded nothing.
    await undo();
    await expectSpan(ids.drones, 'figure', 'counted 126 long-range drones over Kharkiv');
    await undo();
    await expectSpan(ids.drones, 'figure', '126 long-range drones over Kharkiv');
    assert.equal(await articleText(page), TEXT);
  });

  test('13. the article text is still exactly the loaded text', async () => {
    await showOurDocument();
    assert.equal(await articleText(page), TEXT);
    await expectSpan(ids.quote, 'quote', QUOTE);
    await expectSpan(ids.actor, 'actor', 'Dmitry Peskov');
    await expectSpan(ids.geneva, 'location', 'Geneva');
  });

  test('9. the theme button cycles system → light → dark, kept over a reload; screenshots', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const theme = () => page.evaluate(() => document.documentElement.getAttribute('data-theme'));
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const button = page.locator('[data-testid=theme]');
    assert.equal(await theme(), null, 'system: no data-theme');
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.scrollTo(0, 0));

    await button.click();
    await eventually(async () => assert.equal(await theme(), 'light'));
    const light = await background();
    await spanElement(ids.quote).screenshot({ path: join(ARTIFACTS, 'nested-light.png') });
    await button.click();
    await eventually(async () => assert.equal(await theme(), 'dark'));
    await eventually(async () => assert.notEqual(await background(), light, 'dark has another background'));
    await spanElement(ids.quote).screenshot({ path: join(ARTIFACTS, 'nested-dark.png') });

    await page.reload();
    await page.waitForSelector(ARTICLE);
    await eventually(async () => assert.equal(await theme(), 'dark', 'dark is kept over a reload'));
    await button.click();
    await eventually(async () => assert.equal(await theme(), null, 'back to system'));
    await page.reload();
    await page.waitForSelector(ARTICLE);
    await eventually(async () => assert.match(await button.textContent(), /system/));
    assert.equal(await theme(), null, 'system is kept over a reload');
  });

  test('the page raised no uncaught errors', () => {
    const pageErrors = app.errors.filter((e) => e.startsWith('pageerror'));
    assert.deepEqual(pageErrors, [], app.errors.join('\n'));
  });
});
