// Two people tag the same article under their own annotator names and export it; their files
// are compared: the compare view shows each kind of difference, the report's figures equal the
// ones worked out here from the files, the disagreements are settled by keyboard and the gold
// copy's export holds exactly the spans chosen. Then bad input: texts that do not match, a
// file picked twice, files without names.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { articleText, eventually, exportJson, jsonFile, launch, openTextFile, tagFirst } from './support.mjs';

const TEXT = 'Kremlin spokesperson Dmitry Peskov met Rustem Umerov in Geneva on Monday, and 40 delegates attended.\n';

/** Sets the annotator name as a person would: type it, leave the field. */
async function setAnnotator(page, name) {
  await page.fill('input[data-testid=annotator-name]', name);
  await page.press('input[data-testid=annotator-name]', 'Tab');
}

/** A fresh visit (its own browser storage) in `app`'s browser. */
async function freshPage(app) {
  const context = await app.browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(app.url);
  await page.waitForSelector('[data-testid=article]');
  return page;
}

/** Tags `tags` ([needle, key]) in TEXT under `name` and resolves to the native export. */
async function annotate(page, name, tags) {
  await setAnnotator(page, name);
  await openTextFile(page, 'geneva.txt', TEXT);
  for (const [needle, key] of tags) await tagFirst(page, needle, key);
  return exportJson(page);
}

// Tokens as the app cuts this text (words, numbers, each punctuation mark; no apostrophes here).
function tokens(text) {
  const found = [];
  const re = /[A-Za-z0-9]+|[^A-Za-z0-9\s]/gu;
  for (const m of text.matchAll(re)) {
    const start = Array.from(text.slice(0, m.index)).length;
    found.push([start, start + Array.from(m[0]).length]);
  }
  return found;
}

/** Cohen's kappa over tokens, a token's category being the labels of the spans it is in, or O. */
function kappa(text, a, b) {
  const category = (spans, [s, e]) =>
    [...new Set(spans.filter((x) => x.start < e && s < x.end).map((x) => x.label))].sort().join('+') || 'O';
  const pairs = tokens(text).map((t) => [category(a, t), category(b, t)]);
  const n = pairs.length;
  const observed = pairs.filter(([x, y]) => x === y).length / n;
  const count = (i, c) => pairs.filter((p) => p[i] === c).length;
  const categories = [...new Set(pairs.flat())];
  const expected = categories.reduce((sum, c) => sum + count(0, c) * count(1, c), 0) / (n * n);
  return (observed - expected) / (1 - expected);
}

const figure = (page, measure, label) =>
  page
    .locator(`[data-testid=agreement-report] [data-measure="${measure}"][data-label="${label}"]`)
    .getAttribute('data-value')
    .then(Number);

const marks = (page) =>
  page.$$eval('[data-testid=compare-article] [data-agreement]', (els) =>
    els.map((e) => ({ text: e.textContent, kind: e.dataset.agreement, label: e.dataset.label, by: e.dataset.annotators })),
  );

describe('comparing two annotators and settling a gold copy in the release build', { timeout: 120_000 }, () => {
  let app;
  let ana;
  let ben;
  let listed; // the documents listed before comparing

  before(async () => {
    app = await launch();
    ana = await annotate(app.page, 'Ana', [['Dmitry Peskov', '1'], ['Rustem Umerov', '1'], ['Geneva', '2'], ['40 delegates', '3']]);
    const page = await freshPage(app);
    ben = await annotate(page, 'Ben', [['Dmitry Peskov', '1'], ['Rustem Umerov', '2'], ['Geneva on Monday', '2']]);
    await page.context().close();
  });
  after(async () => {
    assert.deepEqual(app?.errors ?? [], []);
    await app?.close();
  });

  test('each export names its annotator, on the document', () => {
    assert.equal(ana.json.documents[0].annotator, 'Ana');
    assert.equal(ben.json.documents[0].annotator, 'Ben');
    assert.ok(ana.json.documents[0].spans.every((s) => s.annotator === undefined), 'one person: named once');
    assert.equal(ana.json.documents[0].spans.length, 4);
    assert.equal(ben.json.documents[0].spans.length, 3);
  });

  test('the compare view marks every kind of difference and keeps the text exact', async () => {
    const { page } = app;
    listed = await page.locator('[data-testid=document-item]').count();
    // Different file names: the text's sha256 matches them.
    await page.setInputFiles('input[type=file][data-testid=compare-open]', [
      jsonFile('ana-export.json', ana.raw),
      jsonFile('ben.json', ben.raw),
    ]);
    await page.waitForSelector('[data-testid=compare-article]');
    assert.equal(await page.locator('[data-testid=compare-article]').evaluate((e) => e.textContent), TEXT);
    assert.deepEqual(await page.locator('[data-testid=compare-annotators] li').allTextContents(), ['Ana', 'Ben']);
    assert.equal(await page.locator('[data-testid=compare-document]').count(), 1);
    const found = await marks(page);
    const kind = (text, label) => found.find((m) => m.text === text && m.label === label)?.kind;
    assert.equal(kind('Dmitry Peskov', 'actor'), 'agreed');
    assert.equal(found.find((m) => m.text === 'Dmitry Peskov').by, 'Ana Ben');
    assert.equal(kind('Rustem Umerov', 'actor'), 'label');
    assert.equal(kind('Rustem Umerov', 'location'), 'label');
    assert.equal(kind('Geneva', 'location'), 'boundary');
    assert.equal(kind('40 delegates', 'figure'), 'only-some');
    // Ben's "Geneva on Monday" holds Ana's "Geneva" nested inside it.
    assert.equal(kind('Geneva on Monday', 'location'), 'boundary');
    assert.equal(found.length, 6);
  });

  test('the report equals the figures worked out from the two files', async () => {
    const { page } = app;
    const a = ana.json.documents[0].spans;
    const b = ben.json.documents[0].spans;
    // Exact: Peskov only; overlap adds Geneva; unlabeled adds Umerov. 2·matched / (4 + 3).
    assert.equal(await figure(page, 'f1-exact', 'all'), 2 / 7);
    assert.equal(await figure(page, 'f1-overlap', 'all'), 4 / 7);
    assert.equal(await figure(page, 'f1-unlabeled', 'all'), 4 / 7);
    assert.equal(await figure(page, 'f1-exact', 'actor'), 2 / 3);
    assert.equal(await figure(page, 'f1-overlap', 'location'), 2 / 3);
    assert.equal(await figure(page, 'f1-exact', 'figure'), 0);
    assert.ok(Math.abs((await figure(page, 'kappa', 'all')) - kappa(TEXT, a, b)) < 1e-12);
    const actorOnly = (spans) => spans.filter((s) => s.label === 'actor');
    assert.ok(Math.abs((await figure(page, 'kappa', 'actor')) - kappa(TEXT, actorOnly(a), actorOnly(b))) < 1e-12);
    const alpha = await figure(page, 'alpha', 'all');
    assert.ok(alpha > -1 && alpha < 1, `alpha ${alpha}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-agreement-json]')]);
    const report = JSON.parse(await readFile(await download.path(), 'utf8'));
    const exact = report.corpus.find((f) => f.measure === 'f1-exact' && f.label === 'all');
    assert.deepEqual(exact.counts, { matched: 1, only_first: 3, only_second: 2, label_conflicts: 1 });
    assert.deepEqual(report.annotators, ['Ana', 'Ben']);
  });

  test('disagreements are stepped through and settled by keyboard; the gold export holds exactly the choices', async () => {
    const { page } = app;
    await page.focus('[data-testid=compare-article]');
    const current = () => page.$$eval('[data-current-disagreement]', (els) => els.map((e) => e.textContent));
    assert.deepEqual(await current(), ['Rustem Umerov', 'Rustem Umerov']);
    await page.keyboard.press('n');
    await eventually(async () => assert.ok((await current()).includes('Geneva on Monday')));
    await page.keyboard.press('p');
    await eventually(async () => assert.deepEqual(await current(), ['Rustem Umerov', 'Rustem Umerov']));
    // Keep what both agree on; Umerov as Ben has it; Geneva as Ana has it; no figure.
    for (const key of ['a', '2', '1', 'x']) await page.keyboard.press(key);
    await eventually(async () =>
      assert.equal(await page.textContent('[data-testid=decided]'), '3 of 3 disagreements settled'));
    await page.keyboard.press('g');
    await page.waitForSelector('[data-testid=article]');
    await eventually(async () => assert.equal(await articleText(page), TEXT));
    const gold = await exportJson(page);
    const doc = gold.json.documents[0];
    assert.equal(doc.name, 'geneva.txt (gold)');
    const at = (needle) => TEXT.indexOf(needle); // ASCII: code units are code points
    const want = [
      { start: at('Dmitry Peskov'), end: at('Dmitry Peskov') + 13, label: 'actor', text: 'Dmitry Peskov', annotator: 'Ana' },
      { start: at('Rustem Umerov'), end: at('Rustem Umerov') + 13, label: 'location', text: 'Rustem Umerov', annotator: 'Ben' },
      { start: at('Geneva'), end: at('Geneva') + 6, label: 'location', text: 'Geneva', annotator: 'Ana' },
    ];
    assert.deepEqual(doc.spans.map(({ start, end, label, text, annotator }) => ({ start, end, label, text, annotator })), want);
    assert.equal(doc.annotator, undefined, 'two people’s spans: each names its own');
    // The gold copy is a document of its own, beside the annotator's copy of the same text.
    assert.equal(await page.locator('[data-testid=document-item]').count(), listed + 1);
  });

  test('the annotator name is kept by the browser for the next visit', async () => {
    const { page } = app;
    await page.reload();
    await page.waitForSelector('[data-testid=article]');
    assert.equal(await page.inputValue('input[data-testid=annotator-name]'), 'Ana');
  });
});

describe('bad input to compare', { timeout: 60_000 }, () => {
  let app;
  before(async () => {
    app = await launch();
  });
  after(async () => {
    assert.deepEqual(app?.errors ?? [], []);
    await app?.close();
  });

  const native = (text, spans, annotator) =>
    JSON.stringify({
      format: 'article-annotator',
      version: 1,
      offset_unit: 'codepoint',
      labels: [{ id: 'actor', name: 'Actor', color: '#1f77b4' }],
      documents: [{ id: 'd1', name: 'a.txt', text, ...(annotator ? { annotator } : {}), spans, relations: [] }],
    });
  const peskov = [{ id: 's1', start: 0, end: 6, label: 'actor', text: 'Peskov' }];

  test('texts that differ are listed as unmatched, not merged, and no figures are shown', async () => {
    const { page } = app;
    const listed = await page.locator('[data-testid=document-item]').count();
    const text = await articleText(page);
    await page.setInputFiles('input[type=file][data-testid=compare-open]', [
      jsonFile('a.json', native('Peskov spoke.', peskov, 'Ana')),
      jsonFile('b.json', native('Peskov spoke again.', peskov, 'Ben')),
    ]);
    await page.waitForSelector('[data-testid=compare-unmatched]');
    const unmatched = await page.locator('[data-testid=unmatched-item]').allTextContents();
    assert.equal(unmatched.length, 2);
    assert.ok(unmatched[0].includes('a.json') && unmatched[1].includes('b.json'), unmatched.join(' | '));
    assert.equal(await page.locator('[data-testid=compare-document]').count(), 0);
    assert.equal(await page.locator('[data-testid=agreement-report]').count(), 0);
    await page.click('[data-testid=compare-close]');
    await page.waitForSelector('[data-testid=article]');
    assert.equal(await page.locator('[data-testid=document-item]').count(), listed, 'nothing was merged or added');
    assert.equal(await articleText(page), text);
  });

  test('one file twice is said on screen; files without names become annotator 1, 2', async () => {
    const { page } = app;
    const unnamed = native('Peskov spoke.', peskov, null);
    const other = native('Peskov spoke.', [{ id: 's1', start: 7, end: 12, label: 'actor', text: 'spoke' }], null);
    await page.setInputFiles('input[type=file][data-testid=compare-open]', [
      jsonFile('x.json', unnamed),
      jsonFile('y.json', other),
      jsonFile('x again.json', unnamed),
    ]);
    await page.waitForSelector('[data-testid=compare-article]');
    assert.deepEqual(await page.locator('[data-testid=compare-annotators] li').allTextContents(), ['annotator 1', 'annotator 2']);
    const alert = await page.textContent('[role=alert]');
    assert.ok(alert.includes('“x again.json” is the same file as “x.json”'), alert);
    assert.equal(await figure(page, 'f1-exact', 'all'), 0);
    await page.focus('[data-testid=compare-article]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=article]');
  });
});
