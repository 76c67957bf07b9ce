// End to end against the release build in dist/: open a messy file, tag spans by dragging the
// real mouse and pressing keys, nest, cross paragraphs, undo/redo, keep exact characters with
// Alt, select and delete, export, check the export with Python, reopen it, and refuse bad files.
//
// The steps share one page and run in order; each leaves the state the next one starts from.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  ARTIFACTS,
  DIST,
  ROOT,
  articleText,
  cpIndexOf,
  eventually,
  launch,
  selectText,
  selectedSpanIds,
  selectionText,
  spans,
} from './support.mjs';

const SAMPLE = readFileSync(join(ROOT, 'samples', 'geneva-talks.txt'), 'utf8');
const MESSY_NAME = 'messy.txt';
const MESSY =
  'Talks in Genève 🇨🇭 ended.\r\n\r\nKremlin spokesperson Dmitry Peskov said: “We are working with Zelensky’s team – slowly.”\r\n\r\nBoilerplate: Subscribe now!\r\n\r\n\r\n';

const DOCUMENT_ITEMS = '[data-testid=document-list] [data-testid=document-item]';

/** Counts occurrences of each (label, text) pair, for comparing span sets regardless of ids. */
const multiset = (list) =>
  list
    .map((s) => JSON.stringify([s.label, s.text]))
    .sort()
    .reduce((counts, key) => ({ ...counts, [key]: (counts[key] ?? 0) + 1 }), {});

/** The spans of `label` whose text is `text`. */
const find = (list, label, text) => list.filter((s) => s.label === label && s.text === text);

describe('annotating an article in the release build', { timeout: 60_000 }, () => {
  let app;
  let page;
  // Ids of spans made along the way, for later steps.
  const ids = {};
  let exported;

  before(async () => {
    assert.ok(existsSync(join(DIST, 'index.html')), `no release build in ${DIST}: run trunk build --release`);
    app = await launch();
    page = app.page;
  });

  after(async () => {
    await app?.close();
  });

  const documentCount = () => page.locator(DOCUMENT_ITEMS).count();
  const spanElement = (id) => page.locator(`[data-testid=article] [data-span-id="${id}"]`);

  test('a. opens on the sample article, text exactly as the file', async () => {
    assert.equal(await articleText(page), SAMPLE);
    assert.equal(await documentCount(), 1);
    assert.deepEqual(await spans(page), []);
  });

  test('b. opens a messy plain-text file exactly as it is (CRLF, emoji, trailing blank lines)', async () => {
    const before = await documentCount();
    await page.setInputFiles('input[type=file][data-testid=open-file]', {
      name: MESSY_NAME,
      mimeType: 'text/plain',
      buffer: Buffer.from(MESSY, 'utf8'),
    });
    await eventually(async () => assert.equal(await documentCount(), before + 1));
    await eventually(async () => assert.equal(await articleText(page), MESSY));
    const active = page.locator(`${DOCUMENT_ITEMS} button[aria-current=page]`);
    assert.equal(await active.count(), 1);
    assert.match(await active.textContent(), /messy\.txt/);
    assert.deepEqual(await spans(page), []);
  });

  test('c. a drag from mid-"Dmitry" to mid-"Peskov" and key 1 tags the actor "Dmitry Peskov"', async () => {
    const dmitry = cpIndexOf(MESSY, 'Dmitry');
    const peskov = cpIndexOf(MESSY, 'Peskov');
    await selectText(page, dmitry + 3, peskov + 3);
    assert.equal(await selectionText(page), 'try Pes', 'the drag selects what it was aimed at');
    await page.keyboard.press('1');
    const actors = await eventually(async () => {
      const list = await spans(page);
      assert.equal(list.length, 1, JSON.stringify(list));
      return list;
    });
    assert.equal(actors[0].label, 'actor');
    assert.equal(actors[0].text, 'Dmitry Peskov');
    ids.peskov = actors[0].id;
    assert.equal(await spanElement(ids.peskov).getAttribute('aria-current'), 'true');
    assert.equal(await selectionText(page), '', 'the text selection is cleared after tagging');
  });

  test('d. a drag over the whole quotation and key 4 tags the quote without marks or full stop', async () => {
    const open = cpIndexOf(MESSY, '“');
    const close = cpIndexOf(MESSY, '”');
    await selectText(page, open, close + 1);
    assert.equal(await selectionText(page), '“We are working with Zelensky’s team – slowly.”');
    await page.keyboard.press('4');
    const quotes = await eventually(async () => {
      const found = find(await spans(page), 'quote', 'We are working with Zelensky’s team – slowly');
      assert.equal(found.length, 1, JSON.stringify(await spans(page)));
      return found;
    });
    ids.quote = quotes[0].id;
    assert.equal(await spanElement(ids.quote).getAttribute('aria-current'), 'true');
    assert.equal((await spans(page)).length, 2);
    assert.equal(await articleText(page), MESSY, 'tagging adds no character to the article text');
  });

  test('e. nests an actor in the quote; tags across paragraphs; undo/redo', async () => {
    const zelensky = cpIndexOf(MESSY, 'Zelensky’s');
    await selectText(page, zelensky, zelensky + Array.from('Zelensky’s').length);
    await page.keyboard.press('1');
    const nested = await eventually(async () => {
      const found = find(await spans(page), 'actor', 'Zelensky’s');
      assert.equal(found.length, 1, JSON.stringify(await spans(page)));
      return found[0];
    });
    ids.zelensky = nested.id;
    const isNested = await page.evaluate(
      ([outer, inner]) => {
        const quote = document.querySelector(`[data-testid=article] [data-span-id="${outer}"]`);
        const actor = document.querySelector(`[data-testid=article] [data-span-id="${inner}"]`);
        return !!quote && !!actor && quote !== actor && quote.contains(actor);
      },
      [ids.quote, ids.zelensky],
    );
    assert.ok(isNested, 'the actor element is inside the quote element');

    // Across the paragraph break: from "ended" to "Kremlin".
    const ended = cpIndexOf(MESSY, 'ended');
    const kremlin = cpIndexOf(MESSY, 'Kremlin');
    await selectText(page, ended, kremlin + 'Kremlin'.length);
    await page.keyboard.press('3');
    const crossing = 'ended.\r\n\r\nKremlin';
    const figure = await eventually(async () => {
      const found = find(await spans(page), 'figure', crossing);
      assert.equal(found.length, 1, JSON.stringify(await spans(page)));
      return found[0];
    });
    assert.ok((await spanElement(figure.id).count()) >= 2, 'a span over paragraphs is drawn in each');
    assert.equal(await articleText(page), MESSY);
    const withFigure = await spans(page);
    assert.equal(withFigure.length, 4);

    await page.keyboard.press('Control+z');
    await eventually(async () => assert.deepEqual(find(await spans(page), 'figure', crossing), []));
    assert.equal((await spans(page)).length, 3);
    await page.keyboard.press('Control+Shift+Z');
    await eventually(async () => assert.equal(find(await spans(page), 'figure', crossing).length, 1));
    assert.deepEqual(multiset(await spans(page)), multiset(withFigure));
    await page.keyboard.press('Control+z');
    await eventually(async () => assert.deepEqual(find(await spans(page), 'figure', crossing), []));
    assert.deepEqual(
      multiset(await spans(page)),
      multiset([
        { label: 'actor', text: 'Dmitry Peskov' },
        { label: 'quote', text: 'We are working with Zelensky’s team – slowly' },
        { label: 'actor', text: 'Zelensky’s' },
      ]),
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'annotated.png'), fullPage: true });
  });

  test('f. with Alt held, the exact characters are tagged (key 2, then the Location button)', async () => {
    // Records whether the page saw Alt on the mouse-up that ends the drag.
    await page.evaluate(() => {
      window.__lastMouseUpAlt = null;
      window.addEventListener('mouseup', (e) => (window.__lastMouseUpAlt = e.altKey), { capture: true });
    });
    const geneve = cpIndexOf(MESSY, 'Genève');
    const [from, to] = [geneve + 3, geneve + 6];
    const partial = Array.from(MESSY).slice(from, to).join('');
    assert.equal(partial, 'ève');

    await selectText(page, from, to, { alt: true });
    assert.equal(await page.evaluate(() => window.__lastMouseUpAlt), true, 'the mouse-up carried Alt');
    assert.equal(await selectionText(page), partial, 'an Alt-drag selects text in headless Chromium');
    await page.keyboard.press('2');
    await eventually(async () => {
      const list = await spans(page);
      assert.equal(find(list, 'location', partial).length, 1, JSON.stringify(list));
      assert.deepEqual(find(list, 'location', 'Genève'), [], 'not snapped to the whole word');
    });

    // The same through the toolbar button: undo, Alt-drag again, click Location.
    await page.keyboard.press('Control+z');
    await eventually(async () => assert.deepEqual(find(await spans(page), 'location', partial), []));
    await selectText(page, from, to, { alt: true });
    assert.equal(await selectionText(page), partial);
    await page.click('[data-testid=label-location]');
    const location = await eventually(async () => {
      const list = await spans(page);
      const found = find(list, 'location', partial);
      assert.equal(found.length, 1, JSON.stringify(list));
      assert.deepEqual(find(list, 'location', 'Genève'), []);
      return found[0];
    });
    ids.location = location.id;
    assert.equal(await spanElement(ids.location).getAttribute('aria-current'), 'true');
    assert.equal((await spans(page)).length, 4);
    assert.equal(await articleText(page), MESSY);
  });

  // The card of the selected span must never cover the article: a span right below the
  // selected one stays clickable.
  test('f2. the selected span\'s card leaves the other spans clickable', async () => {
    assert.deepEqual(await selectedSpanIds(page), [ids.location], 'the Alt-tagged "ève" is selected');
    const blocked = await page.evaluate((id) => {
      const misses = [];
      for (const element of document.querySelectorAll(`[data-testid=article] [data-span-id="${id}"]`)) {
        for (const rect of element.getClientRects()) {
          const [x, y] = [rect.left + rect.width / 2, rect.top + rect.height / 2];
          const hit = document.elementFromPoint(x, y);
          if (!hit?.closest(`[data-span-id="${id}"]`)) {
            const owner = hit?.closest('[data-testid], [role]') ?? hit;
            misses.push({ x: Math.round(x), y: Math.round(y), hit: hit?.outerHTML.slice(0, 80), under: owner?.outerHTML.slice(0, 120) });
          }
        }
      }
      return misses;
    }, ids.peskov);
    if (blocked.length) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'popover-covers-span.png') });
    }
    assert.deepEqual(blocked, [], 'the "Dmitry Peskov" span is under something else at its centre');
  });

  test('g. clicking a span selects it; Delete removes it; Ctrl+Z restores it; side panel selects', async () => {
    await spanElement(ids.peskov).click();
    await eventually(async () => assert.deepEqual(await selectedSpanIds(page), [ids.peskov]));
    const beforeDelete = await spans(page);

    await page.keyboard.press('Delete');
    await eventually(async () => assert.equal(await spanElement(ids.peskov).count(), 0));
    assert.equal((await spans(page)).length, beforeDelete.length - 1);
    assert.deepEqual(await selectedSpanIds(page), []);

    await page.keyboard.press('Control+z');
    await eventually(async () => assert.deepEqual(await spans(page), beforeDelete));
    assert.equal(await spanElement(ids.peskov).getAttribute('aria-current'), 'true');

    await page.click(`button[data-span-entry="${ids.quote}"]`);
    await eventually(async () => assert.deepEqual(await selectedSpanIds(page), [ids.quote]));
    assert.equal(await page.getAttribute(`button[data-span-entry="${ids.quote}"]`, 'aria-current'), 'true');
  });

  test('h. Export JSON downloads the native format, checked independently by Python', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-json]')]);
    assert.equal(download.suggestedFilename(), 'messy.json');
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(path);
    const raw = readFileSync(path, 'utf8');
    const json = JSON.parse(raw);
    assert.equal(json.format, 'article-annotator');
    assert.equal(json.version, 1);
    assert.equal(json.offset_unit, 'codepoint');
    assert.equal(json.documents.length, 1);
    const [doc] = json.documents;
    assert.equal(doc.text, MESSY);
    const onScreen = await spans(page);
    assert.deepEqual(multiset(doc.spans), multiset(onScreen));

    const script = `
import hashlib, json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    data = json.load(f)
bad = 0
count = 0
for doc in data["documents"]:
    text = doc["text"]
    if doc.get("sha256") != hashlib.sha256(text.encode("utf-8")).hexdigest():
        print("sha256 mismatch in", doc["id"], file=sys.stderr)
        bad += 1
    for span in doc["spans"]:
        count += 1
        if text[span["start"]:span["end"]] != span["text"]:
            print("span", span["id"], repr(text[span["start"]:span["end"]]), "!=", repr(span["text"]), file=sys.stderr)
            bad += 1
print(count)
sys.exit(1 if bad else 0)
`;
    const out = execFileSync('python3', ['-c', script, path], { encoding: 'utf8' });
    assert.equal(Number(out.trim()), onScreen.length);
    exported = { raw, name: download.suggestedFilename(), spans: onScreen };
  });

  test('i. the export reopens as the same document; reopening it again merges, adding nothing', async () => {
    assert.ok(exported, 'step h exported a file');
    const before = await documentCount();
    const openExport = () =>
      page.setInputFiles('input[type=file][data-testid=open-file]', {
        name: exported.name,
        mimeType: 'application/json',
        buffer: Buffer.from(exported.raw, 'utf8'),
      });
    // The same text again (same sha256) merges into the open document: nothing is duplicated.
    await openExport();
    await eventually(async () => assert.deepEqual(multiset(await spans(page)), multiset(exported.spans)));
    assert.equal(await documentCount(), before);

    // Removed, then reopened from the export: the document comes back with every span.
    await page.locator(`${DOCUMENT_ITEMS} button[aria-current=page]`).locator('xpath=..').locator('[data-testid=remove-document]').click();
    await eventually(async () => assert.equal(await documentCount(), before - 1));
    await openExport();
    await eventually(async () => assert.equal(await documentCount(), before));
    const last = page.locator(DOCUMENT_ITEMS).last();
    await eventually(async () => assert.equal(await last.locator('button').first().getAttribute('aria-current'), 'page'));
    assert.equal(await page.locator(`${DOCUMENT_ITEMS} button[aria-current=page]`).count(), 1);
    assert.equal(await articleText(page), MESSY);
    await eventually(async () => assert.deepEqual(multiset(await spans(page)), multiset(exported.spans)));
  });

  const badFiles = [
    { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "article-annotator", "documents": [') },
    { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"rows": [[1, 2], [3, 4]], "source": "a spreadsheet tool"}') },
    {
      name: 'image.png',
      mimeType: 'image/png',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    },
    { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x63, 0x61, 0x66, 0xe9]) },
  ];

  for (const file of badFiles) {
    test(`j. a bad file (${file.name}) is refused with an alert and changes nothing`, async () => {
      const text = await articleText(page);
      const count = await documentCount();
      const list = await spans(page);
      assert.equal(await page.locator('[role=alert]').count(), 0, 'no alert is showing before');

      await page.setInputFiles('input[type=file][data-testid=open-file]', file);
      const alert = page.locator('[role=alert]');
      await alert.waitFor();
      const message = await alert.textContent();
      assert.ok(message.includes(file.name), `the alert names the file: ${message}`);

      assert.equal(await articleText(page), text);
      assert.equal(await documentCount(), count);
      assert.deepEqual(await spans(page), list);

      const dismiss = alert.getByRole('button', { name: 'Dismiss' });
      if (await dismiss.count()) {
        await dismiss.click();
        await alert.waitFor({ state: 'detached' });
      }
    });
  }

  test('the page raised no uncaught errors', () => {
    const pageErrors = app.errors.filter((e) => e.startsWith('pageerror'));
    assert.deepEqual(pageErrors, [], app.errors.join('\n'));
  });
});
