// Accessible to keyboard and screen-reader users, at any width: axe-core finds no critical or
// serious violation in the app's main states; Tab goes toolbar → article → span card → side panel
// → documents and back, with a skip link and Alt+A to reach the article; the help dialog and the
// speaker picker hold the focus and give it back; the status line (a polite live region) says
// each edit; spans reach the accessibility tree with their label; the first-visit hint goes away
// for good; narrow and wide windows keep the article's lines readable; "Export all" leaves the
// untouched sample out.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import {
  ARTIFACTS,
  ROOT,
  articleText,
  coveredBy,
  cpIndexOf,
  eventually,
  launch,
  openTextFile,
  selectText,
  scrollTextIntoView,
  spans,
  selectedSpanIds,
  tagFirst,
} from './support.mjs';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SAMPLE = readFileSync(join(ROOT, 'samples', 'geneva-talks.txt'), 'utf8');
const ARTICLE = '[data-testid=article]';
const LIVE = '[data-testid=live-region]';

/** The critical and serious violations axe-core finds on the page as it is, as "rule: targets". */
async function seriousViolations(page) {
  // Evaluated rather than added as a script tag, which the app's content security policy refuses.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

async function expectNoSeriousViolation(page, state) {
  assert.deepEqual(await seriousViolations(page), [], `axe in the state "${state}"`);
}

const liveText = (page) => page.locator(LIVE).textContent();

async function expectSaid(page, text) {
  await eventually(async () => assert.equal(await liveText(page), text));
}

/** Where the focused element is: which part of the page, by the order Tab must follow. */
const focusedPart = (page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'none';
    const parts = [
      ['.skip-link', 'skip link'],
      ['.toolbar, .suggestion-bar, .find-bar', 'toolbar'],
      ['[role=tablist]', 'view tabs'],
      ['[data-testid=article]', 'article'],
      ['[data-testid=span-popover]', 'span card'],
      ['.side-panel', 'side panel'],
      ['[data-testid=document-list]', 'documents'],
      ['[data-testid=first-visit-hint]', 'hint'],
    ];
    return parts.find(([selector]) => active.closest(selector))?.[1] ?? active.outerHTML.slice(0, 80);
  });

/** The parts Tab (or Shift+Tab) visits from where the focus is, each once, in order. */
async function partsVisited(page, key, presses) {
  const visited = [];
  for (let i = 0; i < presses; i += 1) {
    await page.keyboard.press(key);
    const part = await focusedPart(page);
    if (visited.at(-1) !== part) visited.push(part);
  }
  return visited;
}

const focusedTestId = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** Selects `needle` (its first occurrence) by keyboard alone: Alt+A, then the caret by words. */
async function selectByKeyboard(page, words) {
  await page.keyboard.press('Alt+A');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < words; i += 1) await page.keyboard.press('Shift+ArrowRight');
}

async function dismissHint(page) {
  await page.click('[data-testid=dismiss-first-visit]');
  await page.locator('[data-testid=first-visit-hint]').waitFor({ state: 'detached' });
}

describe('accessibility of the app', { timeout: 120_000 }, () => {
  let app;
  let page;
  before(async () => {
    app = await launch({ viewport: { width: 1280, height: 800 } });
    page = app.page;
  });
  after(async () => app?.close());

  test('axe finds nothing critical or serious: article, span, help, picker, suggestions, dark theme', async () => {
    await expectNoSeriousViolation(page, 'article open');
    await tagFirst(page, 'Dmitry Peskov', '1');
    await expectNoSeriousViolation(page, 'a span selected');
    await page.keyboard.press('?');
    await page.locator('[data-testid=help]').waitFor();
    await expectNoSeriousViolation(page, 'help open');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=help]').waitFor({ state: 'detached' });
    await tagFirst(page, 'We are working on clarifying the parameters', '4');
    await page.keyboard.press('s');
    await page.locator('[data-testid=link-picker]').waitFor();
    await expectNoSeriousViolation(page, 'speaker picker open');
    await page.keyboard.press('Escape');
    await page.click('[data-testid=suggest]');
    await page.locator(`${ARTICLE} [data-suggestion-id]`).first().waitFor();
    await expectNoSeriousViolation(page, 'suggestions shown');
    while ((await page.evaluate(() => document.documentElement.dataset.theme)) !== 'dark') {
      await page.click('[data-testid=theme]');
    }
    await expectNoSeriousViolation(page, 'dark theme, suggestions shown');
    await page.click('[data-testid=clear-suggestions]');
    await page.click(`${ARTICLE} [data-span-id]`);
    await expectNoSeriousViolation(page, 'dark theme, a span selected');
    assert.equal(await page.locator('[data-testid=theme]').textContent(), 'Theme: dark');
    assert.equal(await page.locator('[data-testid=theme]').getAttribute('aria-label'), null,
      'the Theme button is named by the words it shows');
    assert.equal(await articleText(page), SAMPLE);
    assert.deepEqual(app.errors, []);
  });

  test('a span reaches the accessibility tree as a mark with its label, the text unchanged', async () => {
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const marks = nodes
      .filter((n) => !n.ignored && n.role?.value === 'mark')
      .map((n) => n.description?.value);
    assert.ok(marks.includes('Actor'), `a mark described "Actor" in ${JSON.stringify(marks)}`);
    assert.ok(marks.some((d) => d?.startsWith('Quote')), `a mark described "Quote…" in ${JSON.stringify(marks)}`);
    await cdp.detach();
    // The devtools protocol does not list aria-current; axe above found it valid where it is.
    const current = await page.$$eval(`${ARTICLE} [aria-current]`, (els) => [...new Set(els.map((e) => e.dataset.spanId))]);
    assert.deepEqual(current, await selectedSpanIds(page), 'only the selected span is current');
    assert.equal(current.length, 1);
    assert.equal(await articleText(page), SAMPLE);
  });
});

describe('keyboard only', { timeout: 120_000 }, () => {
  let app;
  let page;
  before(async () => {
    app = await launch({ viewport: { width: 1280, height: 800 } });
    page = app.page;
  });
  after(async () => app?.close());

  test('the first-visit hint says how to tag, link and export, and once dismissed stays away', async () => {
    const hint = page.locator('[data-testid=first-visit-hint]');
    const lines = await hint.locator('li').allTextContents();
    assert.equal(lines.length, 3);
    assert.match(lines[0], /^Tag: select words/);
    assert.match(lines[1], /^Link a speaker: .*press s/);
    assert.match(lines[2], /^Export: /);
    await page.focus('[data-testid=dismiss-first-visit]');
    await page.keyboard.press('Enter');
    await hint.waitFor({ state: 'detached' });
    assert.equal(await focusedTestId(page), 'article', 'the focus goes on to the article');
    await page.reload();
    await page.waitForSelector(ARTICLE);
    assert.equal(await hint.count(), 0, 'a later visit shows no hint');
  });

  test('the skip link is the first Tab stop and Alt+A focuses the article from a text field', async () => {
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link');
    assert.equal(await skip.evaluate((e) => e === document.activeElement), true);
    assert.equal(await skip.textContent(), 'Skip to article');
    const box = await skip.boundingBox();
    assert.ok(box && box.y >= 0 && box.width > 20, 'visible once focused');
    await page.keyboard.press('Enter');
    assert.equal(await focusedTestId(page), 'article');

    await page.keyboard.press('/');
    await eventually(async () => assert.equal(await focusedTestId(page), 'find-input'));
    await page.keyboard.type('Geneva');
    await page.keyboard.press('Alt+A');
    assert.equal(await focusedTestId(page), 'article', 'Alt+A leaves the find box for the article');
    assert.equal(await page.inputValue('[data-testid=find-input]'), 'Geneva', 'nothing more was typed');
    await page.click('[aria-label="Close find (Escape)"]');
  });

  test('Tab goes toolbar → view tabs → article → span card → side panel → documents, and Shift+Tab back', async () => {
    await selectByKeyboard(page, 1);
    await page.keyboard.press('1');
    await eventually(async () => assert.equal((await selectedSpanIds(page)).length, 1));
    await page.focus('.skip-link');
    const forward = ['skip link', ...(await partsVisited(page, 'Tab', 120))];
    // The two view tabs (Article, Reports) are one stop: the arrow keys choose between them.
    const route = ['skip link', 'toolbar', 'view tabs', 'article', 'span card', 'side panel', 'documents'];
    assert.deepEqual(forward.slice(0, route.length), route, forward.join(' → '));
    // From the documents, Shift+Tab walks the same way back.
    await page.focus('[data-testid=document-list] button');
    const back = await partsVisited(page, 'Shift+Tab', 60);
    assert.deepEqual(back.slice(0, 5), ['side panel', 'span card', 'article', 'view tabs', 'toolbar'], back.join(' → '));
    assert.equal((await selectedSpanIds(page)).length, 1, 'tabbing through the article selects nothing');
  });

  test('the help dialog holds the focus and gives it back; so does the speaker picker', async () => {
    await page.focus('[data-testid=help-button]');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), `${key} stays in the dialog`);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await focusedTestId(page), 'help-button', 'Escape gives the focus back to the ? button');

    await page.keyboard.press('Alt+A');
    await page.keyboard.press('?');
    await dialog.waitFor();
    await page.keyboard.press('?');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await focusedTestId(page), 'article', 'opened from the article, closed back to it');

    await tagFirst(page, 'Umerov', '1');
    await tagFirst(page, 'Our position has not changed – not by one kilometer', '4');
    await page.keyboard.press('Alt+A');
    await page.keyboard.press('s');
    const picker = page.locator('[data-testid=link-picker]');
    await picker.waitFor();
    const list = picker.getByRole('listbox');
    assert.equal(await list.evaluate((l) => l === document.activeElement), true, 'the focus moves into the picker');
    assert.ok((await list.getAttribute('aria-labelledby')) !== null, 'the list is named');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await list.evaluate((l) => l === document.activeElement), true, 'Tab stays in the picker');
    const first = await picker.locator('[data-testid=link-candidate][aria-selected=true]').textContent();
    assert.match(first, /Umerov/);
    await page.keyboard.press('Enter');
    await picker.waitFor({ state: 'detached' });
    assert.equal(await focusedTestId(page), 'article', 'picking gives the focus back');
    await expectSaid(page, 'linked: “Our position has not changed – not by one kilometer” said by Umerov');
  });

  test('the status line says each edit, undo and redo, and why a key did nothing', async () => {
    assert.equal(await page.locator(LIVE).getAttribute('role'), 'status');
    assert.ok(await page.locator(LIVE).evaluate((e) => !!e.closest('.toolbar')), 'seen in the toolbar');

    await page.keyboard.press('Escape');
    await page.keyboard.press('1');
    await expectSaid(page, 'nothing to tag: select some text in the article first');
    await page.keyboard.press('Delete');
    await expectSaid(page, 'nothing to delete: no span is selected');

    const dash = cpIndexOf(SAMPLE, '–');
    await scrollTextIntoView(page, dash);
    await selectText(page, dash, dash + 1);
    await page.keyboard.press('2');
    await expectSaid(page, 'nothing to tag: the selection has no letters or digits');

    await tagFirst(page, 'Kharkiv', '2');
    await expectSaid(page, 'Location: Kharkiv added');
    await page.keyboard.press('1');
    await expectSaid(page, 'Actor: Kharkiv, was Location');
    await page.keyboard.press('Shift+ArrowRight');
    await expectSaid(page, 'Actor: Kharkiv, Odesa, resized');
    await page.keyboard.press('Delete');
    await expectSaid(page, 'Actor: Kharkiv, Odesa deleted');
    await page.keyboard.press('Control+z');
    await expectSaid(page, 'undone: Actor: Kharkiv, Odesa deleted');
    await page.keyboard.press('Control+z');
    await expectSaid(page, 'undone: Actor: Kharkiv, Odesa, resized');
    await page.keyboard.press('Control+Shift+z');
    await expectSaid(page, 'redone: Actor: Kharkiv, Odesa, resized');
    await page.keyboard.press('k');
    await expectSaid(page, 'Quote: Our position has not changed – not by one kilometer selected');

    await page.click('[data-testid=suggest]');
    await eventually(async () => assert.match(await liveText(page), /^\d+ suggestions? shown: Enter accepts, x rejects$/));
    await page.keyboard.press('Alt+A');
    await page.keyboard.press('Enter');
    await eventually(async () => assert.match(await liveText(page), / added$/));
    assert.equal(await articleText(page), SAMPLE);
    assert.deepEqual(app.errors, []);
  });
});

/** Characters on each full line of the article (a paragraph's last line is left out). */
function fullLineLengths(page) {
  return page.$eval(ARTICLE, (article) => {
    const lengths = [];
    for (const paragraph of article.querySelectorAll('.paragraph')) {
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      let top = null;
      let count = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.length; i += 1) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect) continue;
          if (top !== null && rect.top > top + rect.height / 2) {
            lengths.push(count);
            count = 0;
          }
          if (top === null || rect.top > top + rect.height / 2) top = rect.top;
          count += 1;
        }
      }
    }
    return lengths;
  });
}

const boxOf = (page, selector) => page.locator(selector).first().boundingBox();

describe('any width', { timeout: 120_000 }, () => {
  mkdirSync(ARTIFACTS, { recursive: true });

  for (const width of [700, 1280]) {
    test(`${width} px: readable lines, the side panel beside or below the article, axe clean`, async () => {
      const app = await launch({ viewport: { width, height: 700 } });
      try {
        const { page } = app;
        await dismissHint(page);
        await tagFirst(page, 'Swiss mediators', '2');
        const article = await boxOf(page, ARTICLE);
        const panel = await boxOf(page, '.side-panel');
        const lines = await fullLineLengths(page);
        await page.screenshot({ path: join(ARTIFACTS, `width-${width}.png`) });
        assert.ok(lines.length > 5, `${lines.length} full lines`);
        for (const length of lines) assert.ok(length >= 45 && length <= 90, `${width} px: a line of ${length} characters (${lines})`);
        if (width < 1100) {
          assert.ok(article.width >= width * 0.8, `the article takes the width: ${article.width} px`);
          assert.ok(panel.y >= article.y + article.height, 'the side panel comes below the article');
        } else {
          assert.ok(panel.x >= article.x + article.width, 'the side panel is beside the article');
        }
        await expectNoSeriousViolation(page, `${width} px, a span selected`);

        // Scrolled to the bottom, nothing sticky covers the span card or the speaker picker.
        await tagFirst(page, 'Umerov', '1');
        await tagFirst(page, 'Our position has not changed – not by one kilometer', '4');
        await page.keyboard.press('s');
        await page.locator('[data-testid=link-picker]').waitFor();
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await page.locator('[data-testid=link-picker]').scrollIntoViewIfNeeded();
        for (const part of ['[data-testid=link-picker]', '[data-testid=span-popover]']) {
          await page.locator(part).scrollIntoViewIfNeeded();
          assert.equal(await coveredBy(page, part), null, `${part} is not covered at ${width} px`);
          const toolbar = await boxOf(page, '.toolbar');
          const box = await boxOf(page, part);
          const position = await page.locator('.toolbar').evaluate((e) => getComputedStyle(e).position);
          if (position === 'sticky') assert.ok(box.y >= toolbar.y + toolbar.height - 1, `${part} starts below the toolbar`);
        }
        await page.screenshot({ path: join(ARTIFACTS, `width-${width}-picker.png`) });
        assert.deepEqual(app.errors, []);
      } finally {
        await app.close();
      }
    });
  }
});

describe('the sticky toolbar', { timeout: 60_000 }, () => {
  test('what sticks below it follows its height as the window narrows and widens', async () => {
    const app = await launch({ viewport: { width: 1280, height: 700 } });
    try {
      const { page } = app;
      const heights = () => page.evaluate(() => ({
        toolbar: document.querySelector('.toolbar').offsetHeight,
        published: getComputedStyle(document.documentElement).getPropertyValue('--toolbar-height').trim(),
      }));
      const follows = async (width) => {
        await page.setViewportSize({ width, height: 700 });
        await eventually(async () => {
          const { toolbar, published } = await heights();
          assert.equal(published, `${toolbar}px`, `${width} px`);
        });
        return (await heights()).toolbar;
      };
      const wide = await follows(1280);
      const narrow = await follows(420);
      assert.ok(narrow > wide, `the toolbar wraps at 420 px (${narrow} px tall, ${wide} px at 1280)`);
      assert.equal(await follows(1280), wide);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
});

describe('a touch screen', { timeout: 60_000 }, () => {
  test('a selection is tagged by tapping a label button', async () => {
    const app = await launch({ viewport: { width: 700, height: 900 }, touch: true });
    try {
      const { page } = app;
      // A long press selects a word on a phone; the page sees the same selection.
      await page.$eval(ARTICLE, (article) => {
        const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.data.indexOf('Kremlin');
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 'Kremlin'.length);
          getSelection().removeAllRanges();
          getSelection().addRange(range);
          return;
        }
      });
      await page.tap('[data-testid=label-location]');
      await expectSaid(page, 'Location: Kremlin added');
      assert.deepEqual((await spans(page)).map((s) => [s.label, s.text]), [['location', 'Kremlin']]);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
});

describe('export all', { timeout: 60_000 }, () => {
  test('leaves the untouched sample out, and takes it once it is changed', async () => {
    const app = await launch();
    try {
      const { page } = app;
      let downloads = 0;
      page.on('download', () => (downloads += 1));
      await page.click('[data-testid=export-all]');
      await expectSaid(page, 'nothing to export: the sample article is unchanged and there is no other document');
      assert.equal(downloads, 0);

      const exportAll = async () => {
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-all]')]);
        return JSON.parse(readFileSync(await download.path(), 'utf8')).documents.map((d) => d.name);
      };
      await openTextFile(page, 'mine.txt', 'Officials in Saudi Arabia met on Monday.');
      assert.deepEqual(await exportAll(), ['mine.txt']);
      await page.locator('[data-testid=document-list] [data-testid=document-item]').first().locator('button').first().click();
      await eventually(async () => assert.equal(await articleText(page), SAMPLE));
      await tagFirst(page, 'Kharkiv', '2');
      assert.deepEqual(await exportAll(), ['geneva-talks.txt', 'mine.txt']);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
});
