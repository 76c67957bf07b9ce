// Every export button downloads a file named after the document (or the workspace), in its
// format; and four levels of nested spans each stay visible, with distinct underlines.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { cpIndexOf, eventually, launch, openTextFile, selectText, spans } from './support.mjs';

const TEXT = 'He said: “President Volodymyr Zelensky of Ukraine met 19 officials in Kyiv 😀.”\r\n';

describe('exports and nesting in the release build', { timeout: 60_000 }, () => {
  let app;
  let page;
  before(async () => {
    app = await launch();
    page = app.page;
    await openTextFile(page, 'nested.txt', TEXT);
  });
  after(async () => app?.close());

  const tag = async (needle, key) => {
    // Nothing selected, so the drag selects text rather than grabbing a selected span's edge.
    await page.keyboard.press('Escape');
    const start = cpIndexOf(TEXT, needle);
    await selectText(page, start, start + Array.from(needle).length);
    await page.keyboard.press(key);
    await eventually(async () => assert.ok((await spans(page)).some((s) => s.text === needle), needle));
  };

  test('four levels of nesting each stay visible, deeper ones underlined higher', async () => {
    await tag('President Volodymyr Zelensky of Ukraine met 19 officials in Kyiv 😀', '4');
    await tag('President Volodymyr Zelensky of Ukraine', '1');
    await tag('Volodymyr Zelensky of Ukraine', '1');
    await tag('Zelensky', '1');
    const boxes = await page.$$eval('[data-testid=article] [data-span-id]', (elements) =>
      elements
        .filter((e) => e.textContent.includes('Zelensky'))
        .map((e) => ({ depth: Number(e.dataset.depth), bottom: e.getBoundingClientRect().bottom, border: getComputedStyle(e).borderBottomWidth })),
    );
    assert.deepEqual(boxes.map((b) => b.depth), [0, 1, 2, 3]);
    const bottoms = boxes.map((b) => b.bottom);
    for (let i = 1; i < bottoms.length; i++) assert.ok(bottoms[i] < bottoms[i - 1] - 2, `level ${i} is drawn above level ${i - 1}: ${bottoms}`);
    assert.ok(boxes.every((b) => parseFloat(b.border) >= 2), 'each level has its own underline');
  });

  const formats = [
    ['json', 'nested.json'],
    ['jsonl', 'nested.jsonl'],
    ['doccano', 'nested.doccano.jsonl'],
    ['w3c', 'nested.w3c.jsonld'],
    ['brat', 'nested.brat.zip'],
    ['label-studio', 'nested.label-studio.json'],
    ['csv', 'nested.csv'],
    ['conll', 'nested.conll'],
  ];
  for (const [id, expected] of formats) {
    test(`export-${id} downloads ${expected}`, async () => {
      if (id !== 'json') await page.locator('.more-exports > summary').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=export-${id}]`)]);
      if (id !== 'json') await page.locator('.more-exports > summary').click();
      const body = await readFile(await download.path());
      assert.ok(body.length > 0);
      const name = download.suggestedFilename();
      assert.equal(name.replace(/\.[^.]+$/, '').split('.')[0], 'nested', name);
      if (!name.endsWith('.zip')) assert.ok(body.toString('utf8').includes('Zelensky'), `${name} holds the spans`);
      assert.equal(name, expected);
    });
  }
});
