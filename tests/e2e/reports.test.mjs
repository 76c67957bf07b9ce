// The reports view: three quotes attributed in two documents, two mentions of one speaker
// grouped, then Reports → the quote sheet names the speakers (through the entity), lists the
// unattributed quote first, jumps back to a quote selecting it, downloads exactly its rows as
// CSV and Markdown, and prints without the toolbar. The figures sheet's checked mark and note
// are undoable and exported; people and places counts mentions and draws them as text.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { cpIndexOf, eventually, exportJson, launch, openTextFile, selectText, selectedSpanIds, spans } from './support.mjs';

const KREMLIN =
  'Kremlin spokesperson Dmitry Peskov said: “We are working on it.”\n\n' +
  '“Nobody expects miracles,” Peskov added.\n';
const KYIV = 'Rustem Umerov answered: “Our position has not changed.” Officials said “talks go on.” Kyiv lost 1,250 km of road.\n';

/** Code-point [start, end) of the `occurrence`-th `needle` in `text`. */
const extent = (text, needle, occurrence = 0) => {
  const start = cpIndexOf(text, needle, occurrence);
  return [start, start + Array.from(needle).length];
};

/** RFC 4180 rows of a CSV text (quoted fields, doubled quotes, CRLF). */
function csvRows(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      (row = []), (field = ''), i++;
    } else field += c;
  }
  return rows;
}

describe('reports in the release build', { timeout: 90_000 }, () => {
  let app;
  let page;
  const ids = {};

  before(async () => {
    app = await launch();
    page = app.page;
  });
  after(async () => app?.close());

  /** Tags the `occurrence`-th `needle` of `text` with `key`; remembers the new span's id under `name`. */
  const tag = async (text, needle, key, occurrence = 0, name = needle) => {
    const [start, end] = extent(text, needle, occurrence);
    const known = (await spans(page)).map((s) => s.id);
    await selectText(page, start, end);
    await page.keyboard.press(key);
    ids[name] = await eventually(async () => {
      const span = (await spans(page)).find((s) => s.text === needle && !known.includes(s.id));
      assert.ok(span, `${needle} is tagged`);
      return span.id;
    });
  };
  /** Links the selected quote to the span remembered as `speaker` (`s`, then a click on it). */
  const attribute = async (quote, speaker) => {
    assert.deepEqual(await selectedSpanIds(page), [ids[quote]]);
    await page.keyboard.press('s');
    await page.click(`[data-testid=link-candidate][data-span-entry="${ids[speaker]}"]`);
    await eventually(async () => assert.equal(await page.locator('[data-testid=link-picker]').count(), 0));
  };
  const sheetRows = () =>
    page.$$eval('[data-testid=quote-sheet] [data-quote-id]', (rows) =>
      rows.map((r) => [r.dataset.documentId, r.dataset.quoteId, r.dataset.speaker]),
    );

  test('three quotes attributed in two documents, two mentions grouped', async () => {
    ids.kremlin = await openTextFile(page, 'kremlin.txt', KREMLIN);
    await tag(KREMLIN, 'Dmitry Peskov', '1');
    await tag(KREMLIN, 'Peskov', '1', 1);
    await tag(KREMLIN, 'We are working on it', '4');
    await attribute('We are working on it', 'Dmitry Peskov');
    await tag(KREMLIN, 'Nobody expects miracles', '4');
    await attribute('Nobody expects miracles', 'Peskov');
    const proposal = page.locator('[data-testid=entity-proposal]').filter({ hasText: 'Dmitry Peskov' });
    await proposal.locator('[data-testid=accept-entity]').click();
    await eventually(async () =>
      assert.equal(await page.locator('[data-testid=entity-item] [data-testid=entity-name]').first().inputValue(), 'Dmitry Peskov'),
    );

    ids.kyiv = await openTextFile(page, 'kyiv.txt', KYIV);
    await tag(KYIV, 'Rustem Umerov', '1');
    await tag(KYIV, 'Our position has not changed', '4');
    await attribute('Our position has not changed', 'Rustem Umerov');
    await tag(KYIV, 'talks go on', '4');
    await tag(KYIV, 'Kyiv', '2');
    await tag(KYIV, '1,250', '3');
  });

  test('the quote sheet names the speakers, the unattributed first, and jumps back to a quote', async () => {
    await page.click('[data-testid=reports]');
    await page.locator('[data-testid=quote-sheet]').waitFor();
    assert.equal(await page.locator('[data-testid=article]').count(), 0, 'the reports take the article’s place');
    assert.deepEqual(await sheetRows(), [
      [ids.kyiv, ids['talks go on'], ''],
      [ids.kyiv, ids['Our position has not changed'], 'Rustem Umerov'],
      [ids.kremlin, ids['We are working on it'], 'Dmitry Peskov'],
      [ids.kremlin, ids['Nobody expects miracles'], 'Dmitry Peskov'],
    ]);
    const shown = await page.locator('[data-testid=quote-sheet] [data-quote-id] .speaker').allTextContents();
    assert.deepEqual(shown, ['unattributed', 'Rustem Umerov', 'Dmitry Peskov', 'Dmitry Peskov']);

    await page.selectOption('[data-testid=quote-grouping]', 'speaker');
    await eventually(async () =>
      assert.deepEqual(
        await page.locator('[data-testid=quote-sheet] .group-heading').allTextContents(),
        ['Unattributed (1)', 'Dmitry Peskov (2)', 'Rustem Umerov (1)'],
      ),
    );
    await page.selectOption('[data-testid=quote-speaker-filter]', '=Dmitry Peskov');
    await eventually(async () => assert.equal((await sheetRows()).length, 2));
    await page.selectOption('[data-testid=quote-speaker-filter]', '');
    await page.selectOption('[data-testid=quote-grouping]', 'document');
    await eventually(async () => assert.equal((await sheetRows()).length, 4));

    // Keyboard: Tab to the row's "Show", Enter.
    const row = page.locator(`[data-testid=quote-sheet] [data-quote-id="${ids['Nobody expects miracles']}"]`);
    await row.locator('[data-testid=report-jump]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=article]').waitFor();
    await eventually(async () => assert.deepEqual(await selectedSpanIds(page), [ids['Nobody expects miracles']]));
    const current = page.locator('[data-testid=document-item]').filter({ has: page.locator('[aria-current=page]') });
    assert.equal(await current.getAttribute('data-document-id'), ids.kremlin);
  });

  test('the CSV and Markdown downloads hold exactly the rows on screen', async () => {
    await page.click('[data-testid=reports]');
    await page.locator('[data-testid=quote-sheet]').waitFor();
    const expected = [
      ['', 'talks go on', 'kyiv.txt', 'in_progress', ids['talks go on'], ...extent(KYIV, 'talks go on').map(String)],
      ['Rustem Umerov', 'Our position has not changed', 'kyiv.txt', 'in_progress', ids['Our position has not changed'], ...extent(KYIV, 'Our position has not changed').map(String)],
      ['Dmitry Peskov', 'We are working on it', 'kremlin.txt', 'in_progress', ids['We are working on it'], ...extent(KREMLIN, 'We are working on it').map(String)],
      ['Dmitry Peskov', 'Nobody expects miracles', 'kremlin.txt', 'in_progress', ids['Nobody expects miracles'], ...extent(KREMLIN, 'Nobody expects miracles').map(String)],
    ];
    const download = async (testid) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
      return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
    };
    const csv = await download('export-report-csv');
    assert.equal(csv.name, 'quote-sheet.csv');
    const rows = csvRows(csv.text.replace(/^\uFEFF/, ''));
    assert.deepEqual(rows[0], ['speaker', 'quote', 'document', 'status', 'quote_id', 'start', 'end']);
    assert.deepEqual(rows.slice(1), expected);

    const md = await download('export-report-md');
    assert.equal(md.name, 'quote-sheet.md');
    const tableRows = md.text
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| speaker') && !l.startsWith('| ---'))
      .map((l) => l.slice(2, -2).split(' | ').map((cell) => cell.replace(/\\(.)/g, '$1')));
    assert.deepEqual(tableRows, expected);
    assert.deepEqual(md.text.split('\n').filter((l) => l.startsWith('## ')), ['## kyiv.txt', '## kremlin.txt']);
  });

  test('printing shows the sheet without the toolbar, a page per document', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      assert.equal(await page.locator('.toolbar').isVisible(), false);
      assert.equal(await page.locator('[data-testid=export-report-csv]').isVisible(), false);
      assert.equal(await page.locator('[data-testid=quote-sheet]').isVisible(), true);
      const look = await page.$eval('[data-testid=quote-sheet] tbody + tbody', (body) => {
        const style = getComputedStyle(body);
        const cell = getComputedStyle(body.querySelector('td'));
        return [style.breakBefore, cell.color, getComputedStyle(document.body).backgroundColor];
      });
      assert.deepEqual(look, ['page', 'rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    assert.equal(await page.locator('.toolbar').isVisible(), true);
  });

  test('figures: each in its sentence with its speaker; a check and note are undoable and exported', async () => {
    await page.click('[data-testid=report-figures]');
    const row = page.locator(`[data-testid=figure-sheet] [data-figure-id="${ids['1,250']}"]`);
    await row.waitFor();
    assert.equal(await row.locator('.sentence').textContent(), 'Kyiv lost 1,250 km of road.');
    await row.locator('[data-testid=figure-checked]').check();
    await eventually(async () => assert.equal(await row.getAttribute('data-checked'), 'true'));
    await row.locator('[data-testid=figure-note]').fill('Ministry of roads, May');
    await row.locator('[data-testid=figure-note]').press('Tab');
    await page.keyboard.press('Control+z');
    await eventually(async () => assert.equal(await row.locator('[data-testid=figure-note]').inputValue(), ''));
    assert.equal(await row.getAttribute('data-checked'), 'true', 'one step at a time');
    await page.keyboard.press('Control+y');
    await eventually(async () => assert.equal(await row.locator('[data-testid=figure-note]').inputValue(), 'Ministry of roads, May'));

    await row.locator('[data-testid=report-jump]').click();
    await eventually(async () => assert.deepEqual(await selectedSpanIds(page), [ids['1,250']]));
    const { json } = await exportJson(page);
    const kyivDoc = json.documents[0];
    const exported = kyivDoc.spans.find((s) => s.id === ids['1,250']);
    assert.deepEqual([exported.checked, exported.note], [true, 'Ministry of roads, May']);
    assert.ok(kyivDoc.spans.filter((s) => s.text !== '1,250').every((s) => !('checked' in s)), 'unchecked spans carry no key');
  });

  test('people and places: counts per document, sortable, drawn with the numbers as text', async () => {
    await page.click('[data-testid=reports]');
    await page.click('[data-testid=report-people]');
    const table = page.locator('[data-testid=people-sheet]');
    await table.waitFor();
    assert.equal(await table.locator('thead th').count(), 6, 'the sample article has a column too');
    await page.click('[data-testid=report-documents] summary');
    for (const id of [ids.kremlin, ids.kyiv]) await page.check(`[data-testid=report-documents] input[data-document-id="${id}"]`);
    await eventually(async () => assert.equal(await table.locator('thead th').count(), 5));
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    assert.deepEqual(rows, [
      ['Dmitry Peskov', 'actor', '2', '0', '2'],
      ['Kyiv', 'location', '0', '1', '1'],
      ['Rustem Umerov', 'actor', '0', '1', '1'],
    ]);
    const bars = await page.$$eval('[data-testid=people-chart] g.bar', (gs) => gs.map((g) => [...g.querySelectorAll('text')].map((t) => t.textContent)));
    assert.deepEqual(bars, [['Dmitry Peskov', '2'], ['Kyiv', '1'], ['Rustem Umerov', '1']]);
    assert.match(await page.getAttribute('[data-testid=people-chart] svg', 'aria-label'), /Dmitry Peskov 2, Kyiv 1, Rustem Umerov 1/);
    await table.locator('[data-testid=people-sort]').filter({ hasText: 'Name' }).click();
    await eventually(async () =>
      assert.deepEqual(await table.locator('tbody th').allTextContents(), ['Dmitry Peskov', 'Kyiv', 'Rustem Umerov']),
    );
    await table.locator('[data-testid=people-sort]').filter({ hasText: 'kyiv.txt' }).click();
    await eventually(async () => assert.equal(await table.locator('tbody th').first().textContent(), 'Kyiv'));
  });
});
