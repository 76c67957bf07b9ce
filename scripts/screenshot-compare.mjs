// Makes the README's screenshot of the compare view (docs/compare.png) from the release build
// in dist/: two annotators' exports of the sample article, with the differences people make.
//   trunk build --release && node scripts/screenshot-compare.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT, cpIndexOf, launch } from '../tests/e2e/support.mjs';

const text = readFileSync(join(ROOT, 'samples', 'geneva-talks.txt'), 'utf8');

const QUOTE = 'We are working on clarifying the parameters. Nobody expects miracles after two days,';

// [text, label, occurrence] per annotator: they agree on most, and differ as people do; each
// links the quote (the last span) to a different speaker (SAID_BY: quote's index, speaker's).
const ANA = [
  ['Dmitry Peskov', 'actor'],
  ['Moscow', 'location'],
  ['Russian delegation', 'actor'],
  ['two days', 'figure'],
  ['Rustem Umerov', 'actor'],
  ['Kyiv', 'location'],
  ['19 percent of its territory', 'figure'],
  ['Palais des Nations', 'location'],
  [QUOTE, 'quote'],
];
const BEN = [
  ['Kremlin spokesperson Dmitry Peskov', 'actor'],
  ['Moscow', 'location'],
  ['Russian delegation', 'location'],
  ['two days', 'figure'],
  ['Rustem Umerov', 'actor'],
  ['Kyiv', 'actor'],
  ['19 percent', 'figure'],
  ['Peskov', 'actor', 1],
  [QUOTE, 'quote'],
];
const SAID_BY = { Ana: [8, 0], Ben: [8, 7] };

function exported(annotator, tags) {
  const spans = tags.map(([needle, label, occurrence = 0], n) => {
    const start = cpIndexOf(text, needle, occurrence);
    return { id: `s${n + 1}`, start, end: start + [...needle].length, label, text: needle };
  });
  const [from, to] = SAID_BY[annotator];
  const relations = [{ id: 'r1', type: 'said_by', from: spans[from].id, to: spans[to].id }];
  const documents = [{ id: 'd1', name: 'geneva-talks.txt', text, annotator, spans, relations }];
  const file = { format: 'article-annotator', version: 1, offset_unit: 'codepoint', documents };
  return { name: `${annotator.toLowerCase()}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) };
}

const app = await launch({ viewport: { width: 1400, height: 1100 } });
const { page } = app;
await page.setInputFiles('input[type=file][data-testid=compare-open]', [exported('Ana', ANA), exported('Ben', BEN)]);
await page.waitForSelector('[data-testid=compare-article]');
await page.focus('[data-testid=compare-article]');
// The cursor on the last stop: the quote said by different speakers.
await page.keyboard.press('p');
await page.waitForSelector('[data-testid=disagreement][data-kind=links]');
await page.locator('[data-testid=agreement-report] [data-measure]').first().waitFor();
await page.evaluate(() => window.scrollTo(0, 0));
await page.screenshot({ path: join(ROOT, 'docs', 'compare.png') });
console.log('wrote docs/compare.png');
await app.close();
