// Makes the README's screenshots from the release build in dist/: the sample article with
// nested and overlapping spans, in the light and the dark theme; then, with the quotes
// attributed and Peskov's mentions grouped, the quote sheet of the reports view.
//   trunk build --release && node scripts/screenshot.mjs
import { join } from 'node:path';

import { ROOT, cpIndexOf, launch, selectText } from '../tests/e2e/support.mjs';

// [text to select, key, occurrence]: realistic annotations of samples/geneva-talks.txt.
const TAGS = [
  ['Kremlin spokesperson Dmitry Peskov', '1'],
  ['Dmitry Peskov', '1'],
  ['Moscow', '2'],
  ['Russian delegation', '1'],
  ['We are working on clarifying the parameters. Nobody expects miracles after two days', '4'],
  ['two days', '3'],
  ['Peskov', '1', 1],
  ['Our position has not changed – not by one kilometer', '4'],
  ['one kilometer', '3'],
  ['Ukraine’s chief negotiator, Rustem Umerov', '1'],
  ['Rustem Umerov', '1'],
  ['Kyiv', '2'],
  ['19 percent of its territory', '3'],
  ['Palais des Nations', '2'],
];
// Tagged for the quote sheet only, after the article's screenshots.
const MORE_QUOTES = [
  ['productive and focused', '4'],
  ['a detailed framework', '4'],
];

// [quote, its speaker as the speaker picker lists it]
const SPEAKERS = [
  ['We are working on clarifying the parameters. Nobody expects miracles after two days', /^\d+ Peskov$/],
  ['Our position has not changed – not by one kilometer', /^\d+ Rustem Umerov$/],
  ['a detailed framework', /^\d+ Kremlin spokesperson Dmitry Peskov$/],
];

const app = await launch({ viewport: { width: 1400, height: 860 } });
const { page } = app;
const text = await page.locator('[data-testid=article]').textContent();
async function tagAll(tags) {
  for (const [needle, key, occurrence = 0] of tags) {
    const start = cpIndexOf(text, needle, occurrence);
    await selectText(page, start, start + [...needle].length);
    await page.keyboard.press(key);
  }
}
await tagAll(TAGS);
await page.locator('[data-span-entry]').filter({ hasText: 'Dmitry Peskov' }).first().click();
await page.evaluate(() => window.scrollTo(0, 0));
for (const theme of ['light', 'dark']) {
  await page.evaluate((theme) => document.documentElement.setAttribute('data-theme', theme), theme);
  const file = theme === 'light' ? 'screenshot.png' : 'screenshot-dark.png';
  await page.screenshot({ path: join(ROOT, 'docs', file) });
  console.log(`wrote docs/${file}`);
}

await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
await tagAll(MORE_QUOTES);
for (const [quote, speaker] of SPEAKERS) {
  await page.locator('[data-span-entry]').filter({ hasText: quote.slice(0, 20) }).first().click();
  await page.keyboard.press('s');
  await page.locator('[data-testid=link-candidate]').filter({ hasText: speaker }).click();
}
await page.locator('[data-testid=entity-proposal]').filter({ hasText: 'Dmitry Peskov' }).locator('[data-testid=accept-entity]').click();
await page.click('[data-testid=reports]');
await page.locator('[data-testid=quote-sheet] [data-quote-id]').first().waitFor();
await page.evaluate(() => window.scrollTo(0, 0));
await page.screenshot({ path: join(ROOT, 'docs', 'reports.png') });
console.log('wrote docs/reports.png');
await app.close();
