// The page carries plain text and the native format only: the readers and writers of other
// tools' formats live in the files worker, which a first visit does not fetch. It loads on the
// first open of such a file (or the first export in such a format) and then opens and writes
// them as before; a file it cannot read, or a worker that cannot load, is named in the alert and
// leaves the workspace as it was (a comparison opens without its agreement report).

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import { eventually, exportJson, jsonFile, launch, openTextFile, spans, tagFirst } from './support.mjs';

const WORKER_WASM = /\/files-worker_bg\.wasm$/;
const OPEN = 'input[type=file][data-testid=open-file]';
const ITEMS = '[data-testid=document-list] [data-testid=document-item]';
const file = (name, text) => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(text, 'utf8') });

/** Clicks an export button (opening the menu of more formats if needed); resolves to the file. */
async function download(page, id) {
  const more = page.locator('.more-exports');
  if (id !== 'json' && id !== 'all' && !(await more.evaluate((details) => details.open))) {
    await more.locator('summary').click();
  }
  const [saved] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=export-${id}]`)]);
  return { name: saved.suggestedFilename(), body: await readFile(await saved.path()) };
}

/** The workspace as Export all writes it (the whole of it, byte for byte). */
const workspace = async (page) => (await download(page, 'all')).body.toString('utf8');

const alertText = (page) => page.locator('[role=alert]').allTextContents().then((texts) => texts.join(' '));

describe('the files worker loads when first needed', { timeout: 90_000 }, () => {
  let app;
  let page;
  const requests = [];
  const workerRequests = () => requests.filter((url) => WORKER_WASM.test(url));

  before(async () => {
    // The context's requests include those of the page's workers. The offline cache's service
    // worker fetches every file of the build in the background after the first visit; what the
    // page asks for is what is counted.
    const watch = (page) =>
      page.context().on('request', (request) => request.serviceWorker() || requests.push(request.url()));
    app = await launch({ beforeLoad: watch });
    page = app.page;
  });
  after(async () => app?.close());

  test('a first visit, a text file and the native export fetch no files worker', async () => {
    assert.ok(requests.some((url) => /article-annotator-[0-9a-f]+_bg\.wasm$/.test(url)), `the page's requests are seen: ${requests}`);
    await openTextFile(page, 'plain.txt', 'Dmitry Peskov spoke.');
    await tagFirst(page, 'Peskov', '1');
    const { json } = await exportJson(page);
    assert.deepEqual(json.documents[0].spans.map((s) => s.text), ['Peskov']);
    // The native reader is the page's: the file opens as a document of its own once its text
    // differs (the same text would merge into the open one).
    const count = await page.locator(ITEMS).count();
    const other = json.documents[0];
    other.text = 'Dmitry Peskov spoke again.';
    other.sha256 = createHash('sha256').update(other.text).digest('hex');
    await page.setInputFiles(OPEN, file('again.json', JSON.stringify(json)));
    await eventually(async () => assert.equal(await page.locator(ITEMS).count(), count + 1));
    assert.deepEqual((await spans(page)).map((s) => s.text), ['Peskov']);
    assert.deepEqual(workerRequests(), []);
  });

  test('a pick of brat and doccano files starts the worker and opens as one undo step', async () => {
    const before = await page.locator(ITEMS).count();
    await page.setInputFiles(OPEN, [
      file('geneva.ann', 'T1\tactor 0 6\tPeskov\nT2\tlocation 16 22\tGeneva\n'),
      file('notes.txt', 'Notes from the day.'),
      file('geneva.txt', 'Peskov spoke in Geneva.'),
      file('kyiv.doccano.jsonl', '{"id": 1, "text": "Umerov flew to Kyiv.", "label": [[0, 6, "actor"], [15, 19, "location"]]}\n'),
    ]);
    await eventually(async () => assert.equal(await page.locator(ITEMS).count(), before + 3));
    assert.equal(workerRequests().length, 1, 'the worker was fetched, once');
    const names = await page.locator(`${ITEMS} .document-name`).allTextContents();
    assert.deepEqual(names.slice(before), ['geneva.txt', 'notes.txt', 'kyiv.doccano.jsonl #1']);
    const drawn = (await spans(page)).map((s) => [s.label, s.text]);
    assert.deepEqual(drawn, [['actor', 'Peskov'], ['location', 'Geneva']], 'the first new document is open');
    await page.click('[data-testid=undo]');
    await eventually(async () => assert.equal(await page.locator(ITEMS).count(), before, 'one undo removes all three'));
    await page.click('[data-testid=redo]');
    await eventually(async () => assert.equal(await page.locator(ITEMS).count(), before + 3));
  });

  test('a file the worker cannot read is named and leaves the workspace as it was', async () => {
    const before = await workspace(page);
    await page.setInputFiles(OPEN, [file('broken.zip', 'PK\u0003\u0004 not a zip'), file('cut.jsonl', '{"text": "One"}\n{"text": ')]);
    await eventually(async () => {
      const alert = await alertText(page);
      assert.ok(alert.includes('broken.zip') && alert.includes('cut.jsonl'), alert);
      assert.match(alert, /line 2/, 'the reason is given');
    });
    assert.equal(await workspace(page), before);
  });

  test('exports in other formats are written by the worker', async () => {
    await page.locator(ITEMS).filter({ hasText: 'geneva.txt' }).locator('.document-open').click();
    const csv = await download(page, 'csv');
    assert.equal(csv.name, 'geneva.csv');
    assert.match(csv.body.toString('utf8'), /Peskov/);
    const brat = await download(page, 'brat');
    assert.equal(brat.name, 'geneva.brat.zip');
    assert.equal(brat.body.subarray(0, 2).toString('latin1'), 'PK');
    const all = await download(page, 'all-conll');
    assert.equal(all.name, 'workspace.conll');
    assert.match(all.body.toString('utf8'), /Umerov/);
    assert.equal(workerRequests().length, 1, 'the running worker is reused');
    assert.deepEqual(app.errors, []);
  });
});

describe('a files worker that cannot load', { timeout: 60_000 }, () => {
  let app;
  let page;
  let blocked = true;
  before(async () => {
    const beforeLoad = (page) =>
      page.route(WORKER_WASM, (route) => (blocked ? route.abort() : route.continue()));
    // Without the offline cache, which would answer the worker's fetch from its copy.
    app = await launch({ beforeLoad, serviceWorkers: 'block' });
    page = app.page;
    // Export all leaves out the untouched sample: a document of its own to compare by.
    await page.setInputFiles(OPEN, file('first.txt', 'A first document.'));
    await page.locator(ITEMS).nth(1).waitFor();
  });
  after(async () => app?.close());

  test('leaves a comparison without its agreement report, and says so', async () => {
    const native = (annotator) => jsonFile(`${annotator}.json`, JSON.stringify({
      format: 'article-annotator', version: 1, offset_unit: 'codepoint', labels: [],
      documents: [{ id: 'd1', name: 'kyiv.txt', text: 'Umerov flew to Kyiv.', annotator, spans: [] }],
    }));
    await page.setInputFiles('input[type=file][data-testid=compare-open]', [native('ana'), native('ben')]);
    await page.waitForSelector('[data-testid=compare-article]');
    await eventually(async () => assert.match(await alertText(page), /agreement report could not be computed: the files worker/));
    assert.equal(await page.locator('[data-testid=agreement-report]').count(), 0);
    await page.click('[data-testid=compare-close]');
    await page.locator('[data-testid=compare-view]').waitFor({ state: 'detached' });
  });

  test('is said on screen, changes nothing, and is tried again next time', async () => {
    const before = await workspace(page);
    const count = await page.locator(ITEMS).count();
    await page.setInputFiles(OPEN, [file('kyiv.jsonl', '{"text": "Umerov flew to Kyiv."}\n'), file('fine.txt', 'Fine text.')]);
    await eventually(async () => assert.match(await alertText(page), /kyiv\.jsonl.*files worker/));
    assert.equal(await page.locator(ITEMS).count(), count + 1, 'the text file the page reads still opens');
    assert.notEqual(await workspace(page), before);
    await page.click('[data-testid=undo]');
    await eventually(async () => assert.equal(await workspace(page), before));
    blocked = false;
    await page.setInputFiles(OPEN, file('kyiv.jsonl', '{"text": "Umerov flew to Kyiv."}\n'));
    await eventually(async () => assert.equal(await page.locator(ITEMS).count(), count + 1));
    assert.deepEqual(await page.locator(`${ITEMS} .document-name`).last().textContent(), 'kyiv.jsonl #1');
  });
});
