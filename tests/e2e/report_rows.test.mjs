// Long report sheets draw only the rows near the viewport: a workspace of 2,000 quotes (and as
// many figures, and 400 speakers) keeps a few dozen rows in the page, scrolls as tall as every
// row, shows the last quote at the end, walks row by row by keyboard past the rows first drawn,
// keeps a half-typed note through scrolling, tells screen readers the whole count, and prints
// (or, on request, draws) every row.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { eventually, jsonFile, launch, selectedSpanIds } from './support.mjs';

const DOCUMENTS = 4;
const PER_DOCUMENT = 500;
const SPEAKERS = 400;
/** Every fifth quote has no speaker. */
const attributed = (k) => k % 5 !== 0;

function workspace() {
  const documents = [];
  for (let d = 1; d <= DOCUMENTS; d++) {
    let text = '';
    const spans = [];
    const relations = [];
    for (let k = 0; k < PER_DOCUMENT; k++) {
      const line = `Speaker ${(d * PER_DOCUMENT + k) % SPEAKERS} said: “Quote ${d}-${k} is here.” It cost ${k + 1000} dollars.\n\n`;
      const span = (needle, label, id) => {
        const start = text.length + line.indexOf(needle);
        spans.push({ id, start, end: start + needle.length, label, text: needle });
      };
      span(`Speaker ${(d * PER_DOCUMENT + k) % SPEAKERS}`, 'actor', `a${k}`);
      span(`Quote ${d}-${k} is here.`, 'quote', `q${d}-${k}`);
      span(`${k + 1000}`, 'figure', `f${k}`);
      if (attributed(k)) relations.push({ id: `r${k}`, type: 'said_by', from: `q${d}-${k}`, to: `a${k}` });
      text += line;
    }
    const sha256 = createHash('sha256').update(text).digest('hex');
    documents.push({ id: `w${d}`, name: `doc-${d}.txt`, text, sha256, spans, relations });
  }
  return JSON.stringify({ format: 'article-annotator', version: 1, offset_unit: 'codepoint', labels: [], documents });
}

const QUOTES = DOCUMENTS * PER_DOCUMENT;
const LAST_QUOTE = `q${DOCUMENTS}-${PER_DOCUMENT - 1}`;

describe('long report sheets in the release build', { timeout: 180_000 }, () => {
  let app;
  let page;
  before(async () => {
    app = await launch({ viewport: { width: 1200, height: 800 } });
    page = app.page;
    await page.setInputFiles('input[type=file][data-testid=open-file]', jsonFile('long-report.json', workspace()));
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=document-item]').length >= n, DOCUMENTS + 1);
    // Only the documents of this workspace, not the sample article.
    await page.click('[data-testid=reports]');
    await page.click('[data-testid=report-documents] summary');
    for (let d = 1; d <= DOCUMENTS; d++) await page.check(`[data-testid=report-documents] input[data-document-id="w${d}"]`);
    await page.click('[data-testid=report-documents] summary');
    await page.locator('[data-testid=quote-sheet] [data-quote-id]').first().waitFor();
  });
  after(async () => app?.close());

  const drawn = (sheet = 'quote-sheet', attribute = 'data-quote-id') =>
    page.$$eval(`[data-testid=${sheet}] [${attribute}]`, (rows, attribute) => rows.map((r) => r.getAttribute(attribute)), attribute);
  const toEnd = () => page.evaluate(() => window.scrollTo(0, document.scrollingElement.scrollHeight));
  const toTop = () => page.evaluate(() => window.scrollTo(0, 0));

  test('the quote sheet draws a few dozen rows, as tall as all of them, and counts them all', async () => {
    const rows = await drawn();
    assert.ok(rows.length > 10 && rows.length < 200, `a window of rows: ${rows.length}`);
    assert.equal(rows[0], 'q1-0', 'the first document’s unattributed quotes first');
    const table = page.locator('[data-testid=quote-sheet]');
    // 2,000 quotes, a heading per document, the header row.
    assert.equal(await table.getAttribute('aria-rowcount'), String(QUOTES + DOCUMENTS + 1));
    assert.equal(await table.locator('[data-quote-id="q1-0"]').getAttribute('aria-rowindex'), '3');
    const height = await page.evaluate(() => document.scrollingElement.scrollHeight);
    assert.ok(height > QUOTES * 25, `the page scrolls as tall as every row: ${height}px`);
    assert.match(await table.locator('caption').textContent(), /2000 quotes, 400 unattributed/);
    // The row count and places are valid ARIA where they stand (axe-core; evaluated, as the
    // app's content security policy refuses a script tag).
    await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    const rules = ['aria-allowed-attr', 'aria-valid-attr-value', 'aria-required-children', 'aria-required-parent', 'aria-hidden-focus'];
    const found = await page.evaluate(async (rules) => {
      const { violations } = await window.axe.run('[data-testid=quote-sheet]', { runOnly: rules });
      return violations.map((v) => v.id);
    }, rules);
    assert.deepEqual(found, []);
  });

  test('scrolling to the end shows the last quote, and the first is gone from the page', async () => {
    await toEnd();
    await eventually(async () => {
      const rows = await drawn();
      assert.ok(rows.includes(LAST_QUOTE), 'the last quote is drawn');
      assert.ok(!rows.includes('q1-0'), 'the first is not');
      assert.ok(rows.length < 200, `still a window: ${rows.length}`);
    });
    // Heights measured while drawing settle; the last row ends up on screen.
    await toEnd();
    await eventually(async () => {
      const box = await page.locator(`[data-quote-id="${LAST_QUOTE}"]`).boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= 800, `the last quote is on screen: ${JSON.stringify(box)}`);
    });
    assert.equal(
      await page.locator(`[data-quote-id="${LAST_QUOTE}"]`).getAttribute('aria-rowindex'),
      String(QUOTES + DOCUMENTS + 1),
    );
  });

  test('Tab walks row by row past the rows first drawn, and Enter jumps to the quote', async () => {
    await toTop();
    await eventually(async () => assert.ok((await drawn()).includes('q1-0')));
    const firstDrawn = (await drawn()).length;
    await page.locator('[data-quote-id="q1-0"] [data-testid=report-jump]').focus();
    const steps = firstDrawn + 20;
    for (let i = 0; i < steps; i++) await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const row = document.activeElement.closest('tr');
      const box = document.activeElement.getBoundingClientRect();
      return {
        testid: document.activeElement.dataset.testid,
        index: Number(row?.getAttribute('aria-rowindex')),
        quote: row?.dataset.quoteId,
        onScreen: box.top >= 0 && box.bottom <= innerHeight,
      };
    });
    assert.equal(focused.testid, 'report-jump', 'the focus stays in the sheet');
    // One heading (the first document's) is passed over: rows 3, 4, … by aria-rowindex.
    assert.equal(focused.index, 3 + steps, `row by row: ${JSON.stringify(focused)}`);
    assert.ok(focused.onScreen, 'the focused row is on screen');
    assert.ok((await drawn()).length < 200, 'still a window');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=article]').waitFor();
    await eventually(async () => assert.deepEqual(await selectedSpanIds(page), [focused.quote]));
    await page.click('[data-testid=reports]');
    await page.locator('[data-testid=quote-sheet] [data-quote-id]').first().waitFor();
  });

  test('printing draws every row in a body per document, and the window comes back after', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      await eventually(async () => assert.equal((await drawn()).length, QUOTES));
      assert.equal(await page.locator('[data-testid=quote-sheet] tr.gap').count(), 0, 'no gaps in print');
      const bodies = await page.$$eval('[data-testid=quote-sheet] tbody.report-group', (bodies) =>
        bodies.map((b) => [b.querySelectorAll('[data-quote-id]').length, getComputedStyle(b).breakBefore]),
      );
      assert.deepEqual(bodies, [
        [PER_DOCUMENT, 'auto'],
        [PER_DOCUMENT, 'page'],
        [PER_DOCUMENT, 'page'],
        [PER_DOCUMENT, 'page'],
      ]);
      assert.equal(await page.locator('[data-testid=report-all]').isVisible(), false);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    await eventually(async () => assert.ok((await drawn()).length < 200));

    // The print dialog's own events (Ctrl+P) do the same.
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await eventually(async () => assert.equal((await drawn()).length, QUOTES));
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    await eventually(async () => assert.ok((await drawn()).length < 200));
  });

  test('“Draw every row” puts all rows in the page for the browser’s find, and back', async () => {
    const all = page.locator('[data-testid=report-all]');
    assert.equal(await all.getAttribute('aria-pressed'), 'false');
    await all.click();
    await eventually(async () => assert.equal((await drawn()).length, QUOTES));
    assert.equal(await all.getAttribute('aria-pressed'), 'true');
    await all.click();
    await eventually(async () => assert.ok((await drawn()).length < 200));
  });

  test('a filter counts and windows its own rows', async () => {
    await toTop();
    await page.selectOption('[data-testid=quote-speaker-filter]', '-');
    await eventually(async () =>
      assert.equal(await page.getAttribute('[data-testid=quote-sheet]', 'aria-rowcount'), String(QUOTES / 5 + DOCUMENTS + 1)),
    );
    const rows = await drawn();
    assert.ok(rows.length > 10 && rows.length < 200, `a window: ${rows.length}`);
    assert.ok(rows.every((id) => attributed(Number(id.split('-')[1])) === false), 'only the unattributed');
    await toEnd();
    await eventually(async () => assert.ok((await drawn()).includes(`q${DOCUMENTS}-${PER_DOCUMENT - 5}`)));
    await page.selectOption('[data-testid=quote-speaker-filter]', '');
  });

  test('the figures sheet keeps a half-typed note through scrolling far away', async () => {
    await toTop();
    await page.click('[data-testid=report-figures]');
    const note = page.locator('[data-testid=figure-sheet] [data-figure-id="f1"][data-document-id="w1"] [data-testid=figure-note]');
    await note.waitFor();
    assert.ok((await drawn('figure-sheet', 'data-figure-id')).length < 200);
    await note.click();
    await page.keyboard.type('source: annual report');
    await toEnd();
    await eventually(async () => {
      const figures = await page.$$eval('[data-testid=figure-sheet] [data-figure-id]', (rows) => rows.map((r) => `${r.dataset.documentId}/${r.dataset.figureId}`));
      assert.ok(figures.includes(`w${DOCUMENTS}/f${PER_DOCUMENT - 1}`), 'the end is drawn');
      assert.ok(figures.includes('w1/f1'), 'and the focused row is still there');
    });
    assert.equal(await page.evaluate(() => document.activeElement.value), 'source: annual report');
    await page.keyboard.press('Enter');
    await toTop();
    await eventually(async () => assert.equal(await note.inputValue(), 'source: annual report'));
  });

  test('people and places: 400 names, a window of rows, sorted over all of them', async () => {
    await page.click('[data-testid=report-people]');
    const table = page.locator('[data-testid=people-sheet]');
    await table.locator('tbody tr[data-mention-key]').first().waitFor();
    assert.equal(await table.getAttribute('aria-rowcount'), String(SPEAKERS + 1));
    const rows = await table.locator('tbody tr[data-mention-key]').count();
    assert.ok(rows > 10 && rows < 200, `a window: ${rows}`);
    await table.locator('[data-testid=people-sort]').filter({ hasText: 'Name' }).click();
    await eventually(async () => assert.equal(await table.locator('tbody th').first().textContent(), 'Speaker 0'));
    await toEnd();
    // By name: "Speaker 99" is last ("Speaker 399" < "Speaker 99" as text).
    await eventually(async () => assert.equal(await table.locator('tbody th').last().textContent(), 'Speaker 99'));
  });
});
