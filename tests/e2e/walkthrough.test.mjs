// Issue #7's "done when", as a person would do it: on a fresh article (one of the gold articles
// written by an author who never saw the suggester's rules), Suggest, then work through the
// suggestions by keyboard alone. Right ones are accepted with Enter; a right span with the wrong
// label is accepted and relabelled with the label's key; a right label with the wrong edges is
// accepted and its edges moved a word at a time with Shift+arrows and Alt+Shift+arrows; the rest
// is rejected with x. The export then holds only gold spans, and most suggestions were taken as
// they came.

import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { eventually, exportJson, launch, openTextFile } from './support.mjs';

const GOLD = JSON.parse(readFileSync(new URL('../gold/fresh/peru-mine.json', import.meta.url), 'utf8')).documents[0];
const KEY_OF = { actor: '1', location: '2', figure: '3', quote: '4' };
const ARTICLE = '[data-testid=article]';

/** Code-point bounds of the elements matching `selector` in the article (a span may be drawn as several). */
function boundsOf(page, selector) {
  return page.$eval(
    ARTICLE,
    (article, selector) => {
      const elements = [...article.querySelectorAll(selector)];
      if (elements.length === 0) return null;
      const offset = (node, edge) => {
        const range = document.createRange();
        range.setStart(article, 0);
        if (edge === 'start') range.setEndBefore(node);
        else range.setEndAfter(node);
        return Array.from(range.toString()).length;
      };
      const first = elements[0];
      const last = elements.at(-1);
      return { start: offset(first, 'start'), end: offset(last, 'end'), label: first.dataset.label, id: first.dataset.suggestionId ?? first.dataset.spanId };
    },
    selector,
  );
}

const currentSuggestion = (page) => page.$eval(ARTICLE, (a) => a.querySelector('[data-suggestion-id][data-current=true]')?.dataset.suggestionId ?? null)
  .then((id) => (id === null ? null : boundsOf(page, `[data-suggestion-id="${id}"]`)));
const selectedSpan = (page) => boundsOf(page, '[data-span-id][aria-current="true"]');
const suggestionCount = (page) => page.locator(`${ARTICLE} [data-suggestion-id]`).evaluateAll((els) => new Set(els.map((e) => e.dataset.suggestionId)).size);

describe('a fresh article annotated from suggestions by keyboard alone', { timeout: 120_000 }, () => {
  let app;
  after(async () => app?.close());

  test('most suggestions are accepted with Enter; the rest are fixed or rejected by keys', async (t) => {
    app = await launch();
    const { page } = app;
    await openTextFile(page, 'peru-mine.txt', GOLD.text);
    await page.click('[data-testid=suggest]');
    await eventually(async () => assert.ok((await suggestionCount(page)) > 0));
    await page.focus(ARTICLE);

    const gold = GOLD.spans.map(({ start, end, label }) => ({ start, end, label }));
    const key = (s) => `${s.label}:${s.start}:${s.end}`;
    const taken = new Set();
    const tally = { accepted: 0, relabelled: 0, resized: 0, rejected: 0 };
    const total = await suggestionCount(page);

    for (let step = 0; step < 200; step++) {
      const current = await currentSuggestion(page);
      if (current === null) break;
      const left = await suggestionCount(page);
      const exact = gold.find((g) => key(g) === key(current));
      const sameEdges = gold.find((g) => g.start === current.start && g.end === current.end && !taken.has(key(g)));
      const sameLabel = gold.find(
        (g) => g.label === current.label && g.start < current.end && current.start < g.end && !taken.has(key(g)),
      );
      const goal = exact ?? sameEdges ?? sameLabel;
      if (goal === undefined) {
        await page.keyboard.press('x');
        tally.rejected++;
      } else {
        await page.keyboard.press('Enter');
        await eventually(async () => assert.equal(key(await selectedSpan(page)), key(current)));
        if (goal === exact) {
          tally.accepted++;
        } else if (goal === sameEdges) {
          await page.keyboard.press(KEY_OF[goal.label]);
          await eventually(async () => assert.equal(key(await selectedSpan(page)), key(goal)));
          tally.relabelled++;
        } else {
          // Each press moves an edge by one word; the loop bound is a word count, not a guess.
          for (let press = 0; press < 40; press++) {
            const span = await selectedSpan(page);
            if (span.end === goal.end && span.start === goal.start) break;
            const move =
              span.end < goal.end ? 'Shift+ArrowRight'
              : span.end > goal.end ? 'Shift+ArrowLeft'
              : span.start > goal.start ? 'Alt+Shift+ArrowLeft'
              : 'Alt+Shift+ArrowRight';
            await page.keyboard.press(move);
            await eventually(async () => assert.notEqual(key(await selectedSpan(page)), key(span)));
          }
          const text = Array.from(GOLD.text).slice(current.start, current.end).join('');
          assert.equal(key(await selectedSpan(page)), key(goal), `«${text}» could not be moved to the gold edges by keys`);
          tally.resized++;
        }
        taken.add(key(goal));
      }
      await eventually(async () => assert.ok((await suggestionCount(page)) < left, 'the suggestion was dealt with'));
    }

    t.diagnostic(`${total} suggestions: ${JSON.stringify(tally)}; gold spans ${gold.length}`);
    assert.equal(await suggestionCount(page), 0, 'every suggestion was dealt with');
    const { json } = await exportJson(page);
    const exported = json.documents[0].spans;
    assert.equal(exported.length, tally.accepted + tally.relabelled + tally.resized);
    for (const span of exported) assert.ok(gold.some((g) => key(g) === key(span)), `not gold: ${JSON.stringify(span)}`);
    assert.ok(tally.accepted > total / 2, `most suggestions are right as they come: ${JSON.stringify(tally)} of ${total}`);
    assert.ok(exported.length >= gold.length * 0.75, `most of the article is annotated: ${exported.length} of ${gold.length}`);
    assert.deepEqual(app.errors, []);
  });
});
