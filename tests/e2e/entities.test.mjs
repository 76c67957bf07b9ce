// Mentions of one person written three ways are proposed as one entity, grouped with a click,
// stepped through, renamed, and exported as `entities`; merges are undoable.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { cpIndexOf, eventually, exportJson, launch, openTextFile, selectText, spans } from './support.mjs';

const TEXT =
  'Volodymyr Zelensky met Emmanuel Macron in Kyiv.\n\n' +
  'Zelenskyy said the talks went well.\n\n' +
  'Ukrainian President Volodymyr Zelensky’s office thanked Macron.\n';

describe('entities in the release build', { timeout: 60_000 }, () => {
  let app;
  let page;
  before(async () => {
    app = await launch();
    page = app.page;
    await openTextFile(page, 'zelensky.txt', TEXT);
  });
  after(async () => app?.close());

  /** Drags over `needle` and tags it; the span is `expected` once snapped to words. */
  const tag = async (needle, key, expected = needle) => {
    const start = cpIndexOf(TEXT, needle);
    await selectText(page, start, start + Array.from(needle).length);
    await page.keyboard.press(key);
    await eventually(async () => assert.equal((await spans(page)).filter((s) => s.text === expected).length, 1, expected));
  };
  const selectedText = () =>
    page.$$eval('[data-testid=article] [aria-current=true]', (els) => els.map((e) => e.textContent).join(''));

  test('three spellings of one name are proposed as one entity and grouped with a click', async () => {
    await tag('Volodymyr Zelensky', '1');
    await tag('Emmanuel Macron', '1');
    await tag('Zelenskyy', '1');
    await tag('Ukrainian President Volodymyr Zelensky’s', '1');
    await tag('Macron.', '1', 'Macron');
    const proposal = page.locator('[data-testid=entity-proposal]').filter({ hasText: 'Volodymyr Zelensky' });
    await proposal.waitFor();
    assert.match(await proposal.textContent(), /Volodymyr Zelensky · Zelenskyy · Ukrainian President Volodymyr Zelensky’s/);
    await proposal.locator('[data-testid=accept-entity]').click();
    const item = page.locator('[data-testid=entity-item]').filter({ has: page.locator('[data-testid=entity-name]') }).first();
    await eventually(async () => assert.equal(await item.locator('[data-testid=entity-counts]').textContent(), '3 here · 3 in all'));
    assert.equal(await item.locator('[data-testid=entity-name]').inputValue(), 'Volodymyr Zelensky');
  });

  test('Next steps through the mentions in reading order', async () => {
    const item = page.locator('[data-testid=entity-item]').first();
    const seen = [];
    for (let i = 0; i < 4; i++) {
      await item.locator('[data-testid=entity-next]').click();
      await eventually(async () => assert.notEqual(await selectedText(), seen[seen.length - 1] ?? ''));
      seen.push(await selectedText());
    }
    assert.deepEqual(seen, ['Volodymyr Zelensky', 'Zelenskyy', 'Ukrainian President Volodymyr Zelensky’s', 'Volodymyr Zelensky']);
  });

  test('rename, merge another entity in, undo the merge; the export carries entities', async () => {
    const first = page.locator('[data-testid=entity-item]').first();
    await first.locator('[data-testid=entity-name]').fill('Volodymyr Zelenskyy');
    await first.locator('[data-testid=entity-name]').press('Enter');
    await page.locator('[data-testid=entity-proposal]').filter({ hasText: 'Macron' }).locator('[data-testid=accept-entity]').click();
    await eventually(async () => assert.equal(await page.locator('[data-testid=entity-item]').count(), 2));
    const macron = page.locator('[data-testid=entity-item]').nth(1);
    assert.equal(await macron.locator('[data-testid=entity-name]').inputValue(), 'Emmanuel Macron');
    const zelenskyId = await first.getAttribute('data-entity-id');
    await macron.locator('[data-testid=entity-merge]').selectOption(zelenskyId);
    await eventually(async () => assert.equal(await page.locator('[data-testid=entity-item]').count(), 1));
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await eventually(async () => assert.equal(await page.locator('[data-testid=entity-item]').count(), 2));

    const { json } = await exportJson(page);
    const doc = json.documents[0];
    const mentionTexts = (entity) => entity.mentions.map((id) => doc.spans.find((s) => s.id === id).text);
    const byName = Object.fromEntries(doc.entities.map((e) => [e.name, e]));
    assert.deepEqual(mentionTexts(byName['Volodymyr Zelenskyy']), ['Volodymyr Zelensky', 'Zelenskyy', 'Ukrainian President Volodymyr Zelensky’s']);
    assert.deepEqual(mentionTexts(byName['Emmanuel Macron']), ['Emmanuel Macron', 'Macron']);
    assert.equal(byName['Emmanuel Macron'].label, 'actor');
    assert.deepEqual(app.errors, []);
  });
});
