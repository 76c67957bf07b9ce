// Two annotators agree on every span of a quote but link it to different speakers, and one of
// them marks a place the other does not. The compare view shows where the speakers differ, the
// report is computed in the files worker, the help lists the compare keys, the view and its
// decisions survive a reload, one side's speaker is kept with a button, and the saved gold copy
// is marked gold (list and native JSON), exports as JSON Lines too, and has its own undo.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { cpIndexOf, eventually, exportJson, jsonFile, launch } from './support.mjs';

const TEXT = '“We will not sign,” said Dmitry Peskov after meeting Rustem Umerov in Geneva.\n';
const at = (needle) => {
  const start = cpIndexOf(TEXT, needle);
  return { start, end: start + Array.from(needle).length, text: needle };
};
const QUOTE = at('We will not sign');
const PESKOV = at('Dmitry Peskov');
const UMEROV = at('Rustem Umerov');
const GENEVA = at('Geneva');

/** A native export by `annotator`: the quote, both actors, the quote said by `speaker`. */
function exportBy(annotator, speaker, extra = []) {
  const spans = [
    { id: 's1', ...QUOTE, label: 'quote' },
    { id: 's2', ...PESKOV, label: 'actor' },
    { id: 's3', ...UMEROV, label: 'actor' },
    ...extra.map((s, n) => ({ id: `s${n + 4}`, ...s })),
  ];
  const to = speaker === PESKOV ? 's2' : 's3';
  const doc = { id: 'd1', name: 'geneva.txt', text: TEXT, annotator, spans, relations: [{ id: 'r1', type: 'said_by', from: 's1', to }] };
  const raw = JSON.stringify({ format: 'article-annotator', version: 1, offset_unit: 'codepoint', labels: [], documents: [doc] });
  return jsonFile(`${annotator.toLowerCase()}.json`, raw);
}

const decided = (page) => page.textContent('[data-testid=decided]');

/** What the compare view keeps for a reload under `key` ("files", "place"), or null. */
const kept = (page, key) =>
  page.evaluate((key) => new Promise((resolve, reject) => {
    const open = indexedDB.open('article-annotator-compare', 1);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('compare').objectStore('compare').get(key);
      get.onsuccess = () => { open.result.close(); resolve(get.result ?? null); };
    };
  }), key);

describe('speakers compared and adjudicated, the gold copy marked and kept', { timeout: 180_000 }, () => {
  let app;
  const workers = [];

  before(async () => {
    app = await launch();
    app.page.on('worker', (worker) => workers.push(worker.url()));
  });
  after(async () => {
    assert.deepEqual(app?.errors ?? [], []);
    await app?.close();
  });

  test('the quote linked to different speakers is marked, and the report comes from the files worker', async () => {
    const { page } = app;
    await page.setInputFiles('input[type=file][data-testid=compare-open]', [
      exportBy('Ana', PESKOV, [{ ...GENEVA, label: 'location' }]),
      exportBy('Ben', UMEROV),
    ]);
    await page.waitForSelector('[data-testid=compare-article]');
    const differs = await page.$$eval('[data-testid=compare-article] [data-links=differs]', (els) =>
      els.map((e) => [e.dataset.label, e.textContent]));
    assert.deepEqual(differs, [['quote', QUOTE.text]]);
    assert.equal(await page.getAttribute('[data-testid=agreement-legend] [data-links=differs]', 'data-count'), '1');
    assert.equal(await decided(page), '0 of 2 disagreements settled', 'Geneva, then the speakers');
    // Ana's 4 spans against Ben's 3: the three shared match.
    const exact = page.locator('[data-testid=agreement-report] [data-measure=f1-exact][data-label=all]');
    assert.equal(Number(await exact.getAttribute('data-value')), 6 / 7);
    assert.ok(workers.some((url) => url.includes('files_worker')), `no files worker started: ${workers}`);
  });

  test('the help lists the compare keys, and Escape closes the help before the view', async () => {
    const { page } = app;
    await page.keyboard.press('?');
    const rows = page.locator('[data-testid=help] [data-testid=compare-keys] tr');
    await rows.first().waitFor();
    const keys = await page.$$eval('[data-testid=help] [data-testid=compare-keys] th', (ths) => ths.map((t) => t.textContent));
    for (const key of ['n / j / ↓', 'p / k / ↑', '1–9', 'b', 'x', 'a', 'g', 'Escape', '?']) assert.ok(keys.includes(key), `${key} in ${keys}`);
    await page.keyboard.press('n');
    assert.equal(await page.getAttribute('[data-testid=disagreement]', 'data-kind'), 'spans', 'keys go to the help while it is open');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=help]').waitFor({ state: 'detached' });
    assert.equal(await page.locator('[data-testid=compare-view]').count(), 1);
  });

  test('each side’s speaker is shown, kept by a button, and the decisions survive a reload', async () => {
    const { page } = app;
    await page.focus('[data-testid=compare-article]');
    for (const key of ['a', 'x']) await page.keyboard.press(key);
    const panel = page.locator('[data-testid=disagreement][data-kind=links]');
    await panel.waitFor();
    const versions = await panel.locator('.versions li').allTextContents();
    assert.ok(versions[0].includes(`Ana: said by “${PESKOV.text}”`), versions[0]);
    assert.ok(versions[1].includes(`Ben: said by “${UMEROV.text}”`), versions[1]);
    assert.ok(await page.locator('[data-testid=compare-article] [data-current-disagreement][data-links=differs]').count() === 1);
    await page.click('[data-testid=keep-links-2]');
    await eventually(async () => assert.equal(await decided(page), '2 of 2 disagreements settled'));
    assert.equal(await panel.getAttribute('data-decision'), 'copy-2');
    // The place is written to IndexedDB as each decision is taken; wait for it, then reload.
    await eventually(async () => {
      const place = await kept(page, 'place');
      assert.ok(place && JSON.parse(place).decisions[0].links[0], `kept place: ${place}`);
    });
    assert.equal((await kept(page, 'files')).length, 2, 'both files, as picked');
    await page.reload();
    await page.waitForSelector('[data-testid=compare-article]');
    await eventually(async () => assert.equal(await decided(page), '2 of 2 disagreements settled'));
    assert.equal(await page.getAttribute('[data-testid=disagreement]', 'data-decision'), 'copy-2');
    assert.deepEqual(await page.locator('[data-testid=compare-annotators] li').allTextContents(), ['Ana', 'Ben']);
    await page.locator('[data-testid=agreement-report] [data-measure=f1-exact][data-label=all]').waitFor();
  });

  test('the gold copy holds Ben’s speaker, is marked gold, exports as JSON and JSON Lines, and has its own undo', async () => {
    const { page } = app;
    await page.focus('[data-testid=compare-article]');
    await page.keyboard.press('g');
    await page.waitForSelector('[data-testid=article]');
    const gold = page.locator('[data-testid=document-item][data-gold=true]');
    await gold.waitFor();
    assert.equal(await gold.locator('[data-testid=gold-badge]').textContent(), 'gold');
    assert.equal(await page.locator('[data-testid=document-item]:not([data-gold])').count() >= 1, true);
    const { json } = await exportJson(page);
    const doc = json.documents.find((d) => d.gold === true);
    assert.ok(doc, 'the native export marks the gold copy');
    assert.equal(doc.name, 'geneva.txt (gold)');
    assert.ok(json.documents.filter((d) => d !== doc).every((d) => d.gold === undefined));
    const spans = doc.spans.map(({ start, end, label }) => ({ start, end, label }));
    assert.deepEqual(spans, [
      { start: QUOTE.start, end: QUOTE.end, label: 'quote' },
      { start: PESKOV.start, end: PESKOV.end, label: 'actor' },
      { start: UMEROV.start, end: UMEROV.end, label: 'actor' },
    ]);
    const byId = Object.fromEntries(doc.spans.map((s) => [s.id, s]));
    assert.deepEqual(doc.relations.map((r) => [r.type, byId[r.from].text, byId[r.to].text, r.annotator ?? doc.annotator]),
      [['said_by', QUOTE.text, UMEROV.text, 'Ben']]);

    await page.locator('.more-exports > summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-jsonl]')]);
    const line = JSON.parse((await readFile(await download.path(), 'utf8')).trim().split('\n')[0]);
    assert.equal(line.text, TEXT);
    assert.deepEqual(line.relations.map((r) => [r.label, r.head_span.start, r.child_span.start]), [['said_by', QUOTE.start, UMEROV.start]]);

    // Its own undo: removing the quote there is undone there, span and speaker link back.
    await page.click(`[data-testid=article] [data-label=quote]`);
    await page.keyboard.press('Delete');
    await eventually(async () => assert.equal(await page.locator('[data-testid=article] [data-label=quote]').count(), 0));
    await page.keyboard.press('Control+z');
    await eventually(async () => assert.equal(await page.locator('[data-testid=article] [data-label=quote]').count(), 1));
    const again = (await exportJson(page)).json.documents.find((d) => d.gold === true);
    assert.equal(again.relations.length, 1);
  });

  test('after the gold copy is saved, a reload does not bring the compare view back', async () => {
    const { page } = app;
    await eventually(async () => assert.equal(await kept(page, 'files'), null, 'saving closed the view and forgot its files'));
    await page.reload();
    await page.waitForSelector('[data-testid=article]');
    assert.equal(await page.locator('[data-testid=compare-view]').count(), 0);
    assert.equal(await page.locator('[data-testid=document-item][data-gold=true]').count(), 1, 'the gold mark is stored');
  });
});
