// Who said what: three quotes get their speakers by keyboard (`s`, then a digit, Enter or the
// arrows), the speaker is shown next to each quote and in the side panel, a new pick replaces
// the old speaker, deleting a speaker takes its relation along (undo brings both back), and the
// export carries the relations. Then a custom relation type, `located in` (actor → location,
// key l), is added in the label editor and used by the same flow; it is exported, survives a
// reload, and deleting it takes its relations (undo brings them back).

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { articleText, cpIndexOf, eventually, exportJson, launch, openTextFile, selectText, spans } from './support.mjs';

const TEXT =
  'Kremlin spokesperson Dmitry Peskov said: “We are working on it.”\n\n' +
  'Rustem Umerov answered: “Our position has not changed.”\n\n' +
  '“Nobody expects miracles,” Peskov added, while Umerov left.\n';

/**
 * Selects the `occurrence`-th `needle` of `text` (the article's text) with the mouse, presses
 * `key`, and resolves to the span it made: the one with that text whose id is not in `known`.
 */
async function tagNeedle(page, text, needle, key, occurrence, known) {
  const start = cpIndexOf(text, needle, occurrence);
  await selectText(page, start, start + Array.from(needle).length);
  await page.keyboard.press(key);
  return eventually(async () => {
    const span = (await spans(page)).find((s) => s.text === needle && !known.includes(s.id));
    assert.ok(span, `${needle} is tagged`);
    return span;
  });
}

/** What the article draws after a span: its links in words ("said by Dmitry Peskov"). */
const linksShown = (page, spanId) =>
  page.$$eval(`[data-testid=article] [data-span-id="${spanId}"][data-links]`, (els) => els.map((e) => e.dataset.links));

describe('linking quotes to their speakers in the release build', { timeout: 60_000 }, () => {
  let app;
  let page;
  const byText = {};

  before(async () => {
    app = await launch();
    page = app.page;
    await openTextFile(page, 'speakers.txt', TEXT);
  });
  after(async () => app?.close());

  const tag = async (needle, key, occurrence = 0) => {
    const found = await tagNeedle(page, TEXT, needle, key, occurrence, Object.values(byText));
    byText[`${needle}#${occurrence}`] = found.id;
  };
  const selected = () => page.$$eval('[data-testid=article] [aria-current=true]', (els) => [...new Set(els.map((e) => e.dataset.spanId))]);
  const speakerShown = async (quoteId) =>
    (await linksShown(page, quoteId)).map((links) => links.replace(/^said by /, ''));

  test('spans for three quotes and their actors', async () => {
    await tag('Dmitry Peskov', '1');
    await tag('We are working on it', '4');
    await tag('Rustem Umerov', '1');
    await tag('Our position has not changed', '4');
    await tag('Nobody expects miracles', '4');
    await tag('Peskov', '1', 1);
    await tag('Umerov', '1', 1);
    assert.equal((await spans(page)).length, 7);
  });

  test('three quotes attributed by keyboard alone', async () => {
    // First quote: the nearest actor is Dmitry Peskov, right before it: `s`, Enter.
    await page.keyboard.press('Escape');
    await page.focus('[data-testid=article]');
    while ((await selected())[0] !== byText['We are working on it#0']) await page.keyboard.press('j');
    await page.keyboard.press('s');
    const picker = page.locator('[data-testid=link-picker]');
    await picker.waitFor();
    const first = await page.locator('[data-testid=link-candidate]').first().textContent();
    assert.match(first, /Dmitry Peskov/);
    assert.equal(await page.locator(`[data-span-id="${byText['Dmitry Peskov#0']}"][data-link=cursor]`).count(), 1);
    await page.keyboard.press('Enter');
    await eventually(async () => assert.deepEqual(await speakerShown(byText['We are working on it#0']), ['Dmitry Peskov']));
    assert.equal(await picker.count(), 0, 'the picker closes');

    // Second quote: `s` then the digit of Rustem Umerov's place in the list.
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    assert.deepEqual(await selected(), [byText['Our position has not changed#0']]);
    await page.keyboard.press('s');
    const names = await page.locator('[data-testid=link-candidate]').allTextContents();
    const digit = names.findIndex((n) => n.includes('Rustem Umerov')) + 1;
    assert.ok(digit >= 1, JSON.stringify(names));
    await page.keyboard.press(String(digit));
    await eventually(async () => assert.deepEqual(await speakerShown(byText['Our position has not changed#0']), ['Rustem Umerov']));

    // Third quote: `s`, arrows to the Peskov after it, Enter.
    await page.keyboard.press('j');
    assert.deepEqual(await selected(), [byText['Nobody expects miracles#0']]);
    await page.keyboard.press('s');
    for (let i = 0; i < 9; i++) {
      const cursor = await page.locator('[data-testid=link-candidate][aria-selected=true]').textContent();
      if (/\bPeskov$/.test(cursor.trim()) && !cursor.includes('Dmitry')) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await eventually(async () => assert.deepEqual(await speakerShown(byText['Nobody expects miracles#0']), ['Peskov']));
    assert.equal(await page.locator('.span-links').count(), 3, 'the side panel names all three speakers');
    assert.match(await page.locator('.span-links').first().textContent(), /^said by /);
  });

  test('a new pick replaces the speaker (one undo step); a click picks too', async () => {
    const quote = byText['Nobody expects miracles#0'];
    await page.keyboard.press('s');
    await page.locator('[data-testid=link-picker]').waitFor();
    await page.locator(`[data-testid=article] [data-span-id="${byText['Umerov#1']}"]`).click();
    await eventually(async () => assert.deepEqual(await speakerShown(quote), ['Umerov']));
    const { json } = await exportJson(page);
    assert.equal(json.documents[0].relations.filter((r) => r.from === quote).length, 1, 'one speaker per quote');
    await page.keyboard.press('Control+z');
    await eventually(async () => assert.deepEqual(await speakerShown(quote), ['Peskov']));
  });

  test('deleting a speaker takes its relation along; undo brings both back', async () => {
    const quote = byText['We are working on it#0'];
    await page.locator(`[data-testid=article] [data-span-id="${byText['Dmitry Peskov#0']}"]`).click();
    await page.keyboard.press('Delete');
    await eventually(async () => assert.deepEqual(await speakerShown(quote), []));
    await page.keyboard.press('Control+z');
    await eventually(async () => assert.deepEqual(await speakerShown(quote), ['Dmitry Peskov']));
    assert.equal(await articleText(page), TEXT);
  });

  test('the export carries the relations, quote → actor', async () => {
    const { json } = await exportJson(page);
    const doc = json.documents[0];
    const text = (id) => doc.spans.find((s) => s.id === id).text;
    const pairs = doc.relations.map((r) => [r.type, text(r.from), text(r.to)]).sort();
    assert.deepEqual(pairs, [
      ['said_by', 'Nobody expects miracles', 'Peskov'],
      ['said_by', 'Our position has not changed', 'Rustem Umerov'],
      ['said_by', 'We are working on it', 'Dmitry Peskov'],
    ]);
    assert.deepEqual(app.errors, []);
  });
});

describe('a custom relation type in the release build', { timeout: 60_000 }, () => {
  const PLACES = 'Dmitry Peskov spoke in Geneva on Monday.\n\nRustem Umerov stayed in Kyiv, far from Geneva.\n';
  let app;
  let page;

  before(async () => {
    app = await launch();
    page = app.page;
    await openTextFile(page, 'places.txt', PLACES);
  });
  after(async () => app?.close());

  const tag = (needle, key, occurrence = 0) => tagNeedle(page, PLACES, needle, key, occurrence, Object.values(ids));
  const spanElement = (id) => page.locator(`[data-testid=article] [data-span-id="${id}"]`).first();
  const ids = {};

  test('added in the label editor, then linked with its own key: l, then Enter or a digit', async () => {
    ids.peskov = (await tag('Dmitry Peskov', '1')).id;
    ids.geneva = (await tag('Geneva', '2')).id;
    ids.umerov = (await tag('Rustem Umerov', '1')).id;
    ids.kyiv = (await tag('Kyiv', '2')).id;
    ids.geneva2 = (await tag('Geneva', '2', 1)).id;

    const editor = page.locator('[data-testid=label-editor]');
    if (await editor.evaluate((e) => !e.open)) await editor.locator('summary').first().click();
    await page.fill('[data-testid=new-relation-name]', 'located in');
    await page.selectOption('[data-testid=new-relation-from]', 'actor');
    await page.selectOption('[data-testid=new-relation-to]', 'location');
    await page.selectOption('[data-testid=new-relation-key]', 'l');
    await page.click('[data-testid=add-relation-type]');
    await page.locator('[data-testid=relation-type-located_in]').waitFor();

    await spanElement(ids.peskov).click();
    await page.keyboard.press('l');
    await page.locator('[data-testid=link-picker]').waitFor();
    const candidates = await page.locator('[data-testid=link-candidate]').allTextContents();
    assert.equal(candidates.length, 3, `locations only: ${candidates}`);
    assert.match(candidates[0], /Geneva/, 'the location in the same paragraph first');
    await page.keyboard.press('Enter');
    await eventually(async () => assert.deepEqual(await linksShown(page, ids.peskov), ['located in Geneva']));

    await spanElement(ids.umerov).click();
    await page.keyboard.press('l');
    const names = await page.locator('[data-testid=link-candidate]').allTextContents();
    await page.keyboard.press(String(names.findIndex((n) => n.includes('Kyiv')) + 1));
    await eventually(async () => assert.deepEqual(await linksShown(page, ids.umerov), ['located in Kyiv']));
    const card = page.locator('[data-testid=span-relation][data-relation-type=located_in]');
    assert.match(await card.textContent(), /Located in\s*Kyiv/, 'the span card names the link');
    assert.equal(await page.locator('[data-testid=pick-relation-located_in]').count(), 1, 'not single: another may be added');

    // A quote key still belongs to said_by; a location is not a source of located_in.
    await spanElement(ids.kyiv).click();
    await page.keyboard.press('l');
    assert.equal(await page.locator('[data-testid=link-picker]').count(), 0);
    assert.equal(await articleText(page), PLACES);
  });

  test('exported with its declaration, and kept across a reload', async () => {
    const expected = [
      ['located_in', 'Dmitry Peskov', 'Geneva'],
      ['located_in', 'Rustem Umerov', 'Kyiv'],
    ];
    const check = async () => {
      const { json } = await exportJson(page);
      const doc = json.documents[0];
      const text = (id) => doc.spans.find((s) => s.id === id).text;
      assert.deepEqual(doc.relations.map((r) => [r.type, text(r.from), text(r.to)]).sort(), expected);
      assert.deepEqual(json.relation_types.find((t) => t.id === 'located_in'), {
        id: 'located_in',
        name: 'located in',
        key: 'l',
        from: 'actor',
        to: 'location',
        single: false,
      });
      assert.ok(json.relation_types.some((t) => t.id === 'said_by' && t.key === 's'));
    };
    await check();
    await page.reload();
    await page.waitForSelector('[data-testid=article]');
    await check();
    await spanElement(ids.peskov).click();
    await page.keyboard.press('l');
    await page.locator('[data-testid=link-picker]').waitFor();
    await page.keyboard.press('Escape');
  });

  test('deleting the type takes its relations; undo brings both back', async () => {
    const editor = page.locator('[data-testid=label-editor]');
    if (await editor.evaluate((e) => !e.open)) await editor.locator('summary').first().click();
    await page.click('[data-testid=relation-type-delete-located_in]');
    await eventually(async () => assert.deepEqual(await linksShown(page, ids.peskov), []));
    assert.equal(await page.locator('[data-testid=relation-type-located_in]').count(), 0);
    await page.keyboard.press('Control+z');
    await eventually(async () => assert.deepEqual(await linksShown(page, ids.peskov), ['located in Geneva']));
    await page.locator('[data-testid=relation-type-located_in]').waitFor();
    assert.deepEqual(app.errors, []);
  });
});
