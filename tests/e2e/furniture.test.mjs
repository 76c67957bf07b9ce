// A page saved from the web, as a scraper keeps it: a headline, a byline, a stamp, share
// buttons, the story, an author's bio, a disclaimer, a source line and a copyright line. The
// furniture lines, the bio and the disclaimer are dimmed (a view-only hint, which a checkbox turns off and the browser remembers); the article's
// text stays exactly the document. Suggest puts the cursor on the story, not on the headline;
// undoing "Accept all" shows the suggestions again and redo takes them again.

import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';

import { articleText, cpIndexOf, eventually, launch, openTextFile, spans } from './support.mjs';

const PAGE =
  'Kremlin Calls Geneva Talks Useful as Drones Hit Kharkiv\n' +
  'By Anna Kowalska in Geneva\n' +
  'Updated 14:02 GMT | 4 min read\n' +
  'Share this article\n' +
  '\n' +
  'Kremlin spokesperson Dmitry Peskov said on Tuesday: “We are working on clarifying the parameters.”\n' +
  '\n' +
  'Overnight, air defences shot down nearly 400 drones over Kharkiv and Odesa, officials in Kyiv said.\n' +
  '\n' +
  'Anna Kowalska is a correspondent based in Geneva and has covered “the long war in the east” since 2022.\n' +
  '\n' +
  'Disclaimer: Danube Wire aggregates reports from agencies and provides them on an "as is and as available" basis.\n' +
  'Source: Danube Wire\n' +
  '© 2026 Danube Wire. All rights reserved.\n';

// The lines that only credit, date or navigate the page, the author's bio and the disclaimer.
// The headline is the story's, so it stays as it is.
const BIO = 'Anna Kowalska is a correspondent';
const DISCLAIMER = 'Disclaimer: Danube Wire';
const FURNITURE = [
  'By Anna Kowalska in Geneva',
  'Updated 14:02 GMT | 4 min read',
  'Share this article',
  PAGE.split('\n').find((line) => line.startsWith(BIO)),
  PAGE.split('\n').find((line) => line.startsWith(DISCLAIMER)),
  'Source: Danube Wire',
  '© 2026 Danube Wire. All rights reserved.',
];
const ARTICLE = '[data-testid=article]';
const BODY_START = cpIndexOf(PAGE, 'Kremlin spokesperson');

const dimmed = (page) =>
  page.$$eval(`${ARTICLE} .paragraph[data-furniture="true"]`, (els) => els.map((e) => e.textContent.trim()));

/** The computed text colour and opacity of the paragraph that starts with `start`. */
const lookOf = (page, start) =>
  page.$$eval(
    `${ARTICLE} .paragraph`,
    (els, start) => {
      const style = getComputedStyle(els.find((e) => e.textContent.startsWith(start)));
      return `${style.color} / ${style.opacity}`;
    },
    start,
  );

/** The suggestions drawn, one per id (an element may be split by spans), with its paragraph's start. */
const suggestions = (page) =>
  page.$$eval(`${ARTICLE} [data-suggestion-id]`, (els) => {
    const seen = new Map();
    for (const e of els) {
      const paragraph = Number(e.closest('.paragraph').dataset.paraStart);
      seen.set(e.dataset.suggestionId, { id: e.dataset.suggestionId, paragraph, current: e.dataset.current === 'true' });
    }
    return [...seen.values()];
  });

describe('site furniture of a saved page', { timeout: 90_000 }, () => {
  let app;
  after(async () => app?.close());

  test('is dimmed as a hint that a checkbox turns off, remembered over a reload', async () => {
    app = await launch();
    const { page } = app;
    await openTextFile(page, 'scraped.txt', PAGE);
    const setting = page.locator('input[type=checkbox][data-testid=dim-furniture]');
    assert.equal(await setting.isChecked(), true, 'on unless turned off');
    await eventually(async () => assert.deepEqual(await dimmed(page), FURNITURE));
    assert.equal(await articleText(page), PAGE, 'the text is exactly the document');
    const body = await lookOf(page, 'Kremlin spokesperson');
    assert.notEqual(await lookOf(page, 'By Anna Kowalska'), body, 'dimmed');
    assert.equal(await lookOf(page, 'Kremlin Calls Geneva'), body, 'the headline is not furniture');

    await setting.uncheck();
    await eventually(async () => assert.deepEqual(await dimmed(page), []));
    assert.equal(await lookOf(page, 'By Anna Kowalska'), body);
    assert.equal(await articleText(page), PAGE);
    // Long enough for the autosave (300 ms) to keep the opened document.
    await page.waitForTimeout(800);
    await page.reload();
    await page.waitForSelector(ARTICLE);
    await eventually(async () => assert.equal(await articleText(page), PAGE));
    assert.equal(await setting.isChecked(), false, 'the browser remembers the setting');
    assert.deepEqual(await dimmed(page), []);

    await setting.check();
    await eventually(async () => assert.deepEqual(await dimmed(page), FURNITURE));
    assert.deepEqual(app.errors, []);
  });

  test('Suggest starts the cursor on the story; undoing Accept all shows the suggestions again', async () => {
    const { page } = app;
    await page.click('[data-testid=suggest]');
    await eventually(async () => assert.ok((await suggestions(page)).length >= 4));
    const before = await suggestions(page);
    // In the bio and the disclaimer, the names only: no quote, whatever stands in quotation marks.
    const inNotices = await page.$$eval(
      `${ARTICLE} .paragraph[data-furniture="true"] [data-suggestion-id]`,
      (els) => els.map((e) => [e.dataset.label, e.textContent]),
    );
    const notices = inNotices.map(([, text]) => text);
    assert.ok(notices.includes('Anna Kowalska') && notices.includes('Danube Wire'), JSON.stringify(inNotices));
    assert.ok(!notices.some((text) => text.includes('long war') || text.includes('as available')), JSON.stringify(inNotices));
    assert.ok(before.some((s) => s.paragraph === 0), `the headline has suggestions: ${JSON.stringify(before)}`);
    const current = before.filter((s) => s.current);
    assert.equal(current.length, 1);
    assert.ok(current[0].paragraph >= BODY_START, `the cursor starts on the story: ${JSON.stringify(current)}`);
    assert.deepEqual(await spans(page), []);

    await page.click('[data-testid=accept-all-suggestions]');
    await eventually(async () => assert.equal((await spans(page)).length, before.length));
    assert.deepEqual(await suggestions(page), []);

    await page.keyboard.press('Control+z');
    await eventually(async () => assert.equal((await spans(page)).length, 0));
    const back = await suggestions(page);
    assert.equal(back.length, before.length, 'the same suggestions, still to be judged');
    assert.deepEqual(back.map((s) => s.id), before.map((s) => s.id));
    assert.ok(back.find((s) => s.current).paragraph >= BODY_START);

    await page.keyboard.press('Control+Shift+z');
    await eventually(async () => assert.equal((await spans(page)).length, before.length));
    assert.deepEqual(await suggestions(page), []);
    assert.equal(await articleText(page), PAGE);
    assert.deepEqual(app.errors, []);
  });
});
