// What a person types into a field is theirs until they leave it: a re-render in the meantime
// (the autosave finishing, which every edit causes a moment later) must not put the old text
// back. Each field below is typed into, left alone past an autosave, then committed.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { eventually, exportJson, launch, openTextFile, tagFirst } from './support.mjs';

const TEXT = 'Dmitry Peskov spoke in Geneva on Monday.\n';
/** Longer than the autosave's delay and its round, so a save lands while the text sits typed. */
const PAST_A_SAVE_MS = 1500;

describe('typing survives re-renders', { timeout: 60_000 }, () => {
  let app;
  let page;
  before(async () => {
    app = await launch();
    page = app.page;
    await openTextFile(page, 'typing.txt', TEXT);
  });
  after(async () => app?.close());

  test('a span note typed while the tag is being saved is kept', async () => {
    await tagFirst(page, 'Dmitry Peskov', '1');
    const note = page.locator('[data-testid=span-note]');
    await note.click();
    await page.keyboard.type('check the spelling');
    await page.waitForTimeout(PAST_A_SAVE_MS);
    assert.equal(await note.inputValue(), 'check the spelling', 'the save re-rendered the card, and the text stayed');
    await page.keyboard.press('Tab');
    await eventually(async () => {
      const { json } = await exportJson(page);
      assert.equal(json.documents[0].spans[0].note, 'check the spelling');
    });
  });

  test('a document name typed across a save is the one given', async () => {
    await tagFirst(page, 'Geneva', '2');
    const item = page.locator('[data-testid=document-item]').filter({ hasText: 'typing.txt' });
    await item.locator('[data-testid=rename-document]').click();
    const input = page.locator('[data-testid=rename-input]');
    await input.fill('Geneva talks');
    await page.waitForTimeout(PAST_A_SAVE_MS);
    await input.press('Enter');
    await eventually(async () =>
      assert.ok((await page.locator('[data-testid=document-item] .document-name').allTextContents()).includes('Geneva talks')),
    );
    assert.deepEqual(app.errors, []);
  });
});
