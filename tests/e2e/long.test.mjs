// A long document (400 paragraphs, 800 spans) draws its spans only near the viewport and the
// rest as plain text: the article's textContent is still the document text, spans appear
// as their paragraphs scroll near, a span picked in the side panel far down is drawn, selected
// and in view, tagging works in a paragraph just drawn, and the export has every span.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import { articleText, cpIndexOf, eventually, exportJson, isInViewport, jsonFile, launch, selectText, spans } from './support.mjs';

const PARAGRAPHS = 400;
const lines = Array.from({ length: PARAGRAPHS }, (_, i) => `Day ${i + 1}: Dmitry Peskov met officials in Geneva and spoke about the agenda.`);
const TEXT = `${lines.join('\n')}\n`;

function nativeFile() {
  const spans = [];
  let at = 0;
  for (const line of lines) {
    for (const [needle, label] of [['Dmitry Peskov', 'actor'], ['Geneva', 'location']]) {
      const start = at + Array.from(line.slice(0, line.indexOf(needle))).length;
      spans.push({ id: `s${spans.length + 1}`, start, end: start + needle.length, label, text: needle });
    }
    at += Array.from(line).length + 1;
  }
  return JSON.stringify({
    format: 'article-annotator',
    version: 1,
    offset_unit: 'codepoint',
    labels: [],
    documents: [
      { id: 'long', name: 'long.txt', text: TEXT, sha256: createHash('sha256').update(TEXT).digest('hex'), spans, relations: [] },
    ],
  });
}

describe('a long document in the release build', { timeout: 90_000 }, () => {
  let app;
  let page;
  before(async () => {
    app = await launch({ viewport: { width: 1200, height: 800 } });
    page = app.page;
    await page.setInputFiles('input[type=file][data-testid=open-file]', jsonFile('long.json', nativeFile()));
    await eventually(async () => assert.equal(await articleText(page), TEXT));
  });
  after(async () => app?.close());

  const drawnIds = async () => new Set((await spans(page)).map((s) => s.id));

  test('only the spans near the viewport are drawn; the text is all there', async () => {
    assert.equal(await articleText(page), TEXT, 'plain paragraphs keep the text');
    await eventually(async () => {
      const drawn = await drawnIds();
      assert.ok(drawn.has('s1') && drawn.has('s2'), 'the top is drawn');
      assert.ok(drawn.size < 400, `far fewer than 800 spans drawn: ${drawn.size}`);
      assert.ok(!drawn.has('s800'), 'the bottom is not');
    });
    assert.ok((await page.locator('[data-plain]').count()) > 200, 'far paragraphs are plain text');
  });

  test('scrolling to the end draws the spans there', async () => {
    await page.evaluate(() => window.scrollTo(0, document.scrollingElement.scrollHeight));
    await eventually(async () => {
      const drawn = await drawnIds();
      assert.ok(drawn.has('s799') && drawn.has('s800'), 'the bottom is drawn');
      assert.ok(!drawn.has('s1'), 'and the top no longer');
    });
    assert.equal(await articleText(page), TEXT);
  });

  test('a span picked in the side panel far away is drawn, selected and in view', async () => {
    await page.click('[data-span-entry="s101"]');
    const element = '[data-testid=article] [data-span-id="s101"]';
    await eventually(async () => {
      assert.equal(await page.getAttribute(element, 'aria-current'), 'true');
      assert.ok(await isInViewport(page, element), 'scrolled into view');
    });
  });

  test('tagging in a paragraph just drawn gives the right offsets; the export has every span', async () => {
    const start = cpIndexOf(TEXT, 'the agenda', 50);
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.scrollTo(0, 0));
    // Paragraph 51 is far below the first screen: scroll it near, then select and tag.
    await page.locator('[data-testid=article] [data-para-start]').nth(50).scrollIntoViewIfNeeded();
    await eventually(async () => assert.equal(await page.locator('[data-testid=article] [data-para-start]').nth(50).getAttribute('data-plain'), null));
    await selectText(page, start + 4, start + 10);
    await page.keyboard.press('1');
    const { json } = await exportJson(page);
    const doc = json.documents[0];
    assert.equal(doc.spans.length, 801);
    const added = doc.spans.find((s) => s.text === 'agenda');
    assert.deepEqual([added?.start, added?.end, added?.label], [start + 4, start + 10, 'actor']);
    assert.equal(await articleText(page), TEXT);
    assert.deepEqual(app.errors, []);
  });

  test('the side panel lists the first entries, then the selected one past them, without redrawing the first', async () => {
    const entries = '[data-label=actor] [data-span-entry]';
    const total = Number(await page.textContent('[data-testid=count-actor]'));
    assert.ok(total > 400, `${total} actors`);
    assert.equal(await page.locator(entries).count(), 100, 'a hundred entries until "Show all"');
    // Each entry element remembers the span it showed: a redrawn or shifted list would not.
    await page.evaluate((sel) => document.querySelectorAll(sel).forEach((e) => (e.shownSpan = e.dataset.spanEntry)), entries);
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.scrollTo(0, document.scrollingElement.scrollHeight));
    const far = '[data-testid=article] [data-span-id="s799"]';
    await page.locator(far).click();
    await eventually(async () => assert.equal(await page.getAttribute('[data-span-entry="s799"]', 'aria-current'), 'true'));
    const listed = await page.evaluate((sel) => [...document.querySelectorAll(sel)].map((e) => [e.dataset.spanEntry, e.shownSpan ?? null]), entries);
    assert.equal(listed.length, 101);
    assert.deepEqual(listed.at(-1), ['s799', null], 'the selected entry comes after the first hundred, newly drawn');
    assert.ok(listed.slice(0, 100).every(([id, shown]) => id === shown), 'the first hundred entries are the same elements, unchanged');
    await page.click('[data-label=actor] .show-all');
    await eventually(async () => assert.equal(await page.locator(entries).count(), total));
    assert.deepEqual(app.errors, []);
  });
});
