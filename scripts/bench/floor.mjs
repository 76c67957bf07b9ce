// The browser's floor: a static page the benchmark writes itself, with the same text and the
// same spans as nested <span> elements (one .paragraph element per line, like the app), the
// app's own stylesheets for the article, and as little script as can do the same jobs:
//   open     a file input whose change handler reads the file (an HTML fragment of the article)
//            and sets it as the article's innerHTML;
//   add      label key with a text selection: wraps the selected range in a new span element;
//   relabel  label key with a span selected: sets its data-label;
//   delete   Delete: unwraps the selected span (its text stays, the element goes);
//   undo     Ctrl+Z: reverts the last of those.

import { writeFile, copyFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (s) => escape(s).replace(/"/g, '&quot;');

/** The article's inner HTML for `doc` (native-format document, spans properly nested). */
export function articleHtml(doc) {
  const chars = Array.from(doc.text);
  const spans = doc.spans; // sorted by (start, end desc)
  const names = { actor: 'Actor', location: 'Location', figure: 'Figure', quote: 'Quote' };
  const out = [];
  let si = 0;
  let lineStart = 0;
  for (let i = 0; i <= chars.length; i++) {
    if (i < chars.length && chars[i] !== '\n') continue;
    const end = Math.min(i + 1, chars.length);
    if (end <= lineStart) break;
    out.push(`<span class="paragraph" data-para-start="${lineStart}">`);
    const stack = [];
    let at = lineStart;
    const text = (to) => {
      if (to > at) out.push(escape(chars.slice(at, to).join('')));
      at = to;
    };
    while (at < end) {
      const next = si < spans.length && spans[si].start < end ? spans[si] : null;
      const closeAt = stack.length ? stack.at(-1).end : Infinity;
      if (next && next.start < closeAt) {
        text(next.start);
        const t = chars.slice(next.start, next.end).join('');
        const title = `${names[next.label] ?? next.label}: ${t}`;
        out.push(
          `<span class="span" data-span-id="${attr(next.id)}" data-label="${attr(next.label)}" data-label-name="${attr(names[next.label] ?? next.label)}" aria-selected="false" aria-label="${attr(title)}" title="${attr(title)}">`,
        );
        stack.push(next);
        si++;
      } else if (stack.length) {
        text(closeAt);
        out.push('</span>');
        stack.pop();
      } else {
        text(end);
      }
    }
    out.push('</span>');
    lineStart = end;
  }
  return out.join('');
}

const FLOOR_JS = `
const article = document.querySelector('[data-testid=article]');
document.querySelector('[data-testid=open-file]').addEventListener('change', async (event) => {
  const file = event.target.files[0];
  article.innerHTML = await file.text();
});
const keys = { 1: 'actor', 2: 'location', 3: 'figure', 4: 'quote' };
const names = { actor: 'Actor', location: 'Location', figure: 'Figure', quote: 'Quote' };
let selected = null;
let nextId = 1;
const history = [];
const select = (el) => {
  if (selected) selected.setAttribute('aria-selected', 'false');
  selected = el;
  if (el) el.setAttribute('aria-selected', 'true');
};
const unwrap = (el) => {
  const children = [...el.childNodes];
  el.replaceWith(...children);
  return children;
};
const wrap = (el, children) => {
  children[0].before(el);
  el.append(...children);
};
addEventListener('keydown', (event) => {
  const selection = getSelection();
  if (event.ctrlKey && event.key === 'z') {
    const last = history.pop();
    if (!last) return;
    event.preventDefault();
    if (last.type === 'add') { select(null); unwrap(last.el); }
    else if (last.type === 'relabel') last.el.setAttribute('data-label', last.before);
    else if (last.type === 'delete') { wrap(last.el, last.children); select(last.el); }
    return;
  }
  if (keys[event.key]) {
    const label = keys[event.key];
    if (!selection.isCollapsed && article.contains(selection.anchorNode)) {
      const el = document.createElement('span');
      el.className = 'span';
      el.setAttribute('data-span-id', 'new' + nextId++);
      el.setAttribute('data-label', label);
      el.setAttribute('data-label-name', names[label]);
      const range = selection.getRangeAt(0);
      el.setAttribute('title', names[label] + ': ' + range.toString());
      range.surroundContents(el);
      selection.removeAllRanges();
      select(el);
      history.push({ type: 'add', el });
    } else if (selected) {
      history.push({ type: 'relabel', el: selected, before: selected.getAttribute('data-label') });
      selected.setAttribute('data-label', label);
    }
    event.preventDefault();
  } else if ((event.key === 'Delete' || event.key === 'Backspace') && selected) {
    const el = selected;
    select(null);
    history.push({ type: 'delete', el, children: unwrap(el) });
    event.preventDefault();
  }
});
`;

/**
 * Writes the floor page into `dir`: index.html, floor.js and the app's CSS copied from `dist`.
 * The article fragment it opens is `articleHtml(doc)`, written by the caller.
 */
export async function writeFloorPage(dir, dist, { variant = 'same' } = {}) {
  // 'block': paragraphs as blocks instead of inline spans (same look, same height), to show what
  // one inline formatting context for the whole article costs the browser on every change.
  const extra = variant === 'block' ? '.paragraph{display:block}' : '';
  const css = (await readdir(dist)).filter((f) => f.endsWith('.css'));
  for (const f of css) await copyFile(join(dist, f), join(dir, f));
  const links = css.map((f) => `<link rel="stylesheet" href="/${f}">`).join('\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Floor</title><link rel="icon" href="data:,">
${links}
<style>
[data-label="actor"]{--label-color:#1f77b4;--label-ink:#ffffff}
[data-label="location"]{--label-color:#2ca02c;--label-ink:#ffffff}
[data-label="figure"]{--label-color:#e067bb;--label-ink:#ffffff}
[data-label="quote"]{--label-color:#eb6e00;--label-ink:#ffffff}
${extra}</style></head>
<body><div class="app">
<input type="file" data-testid="open-file">
<main class="workspace"><nav></nav>
<div class="article" data-testid="article" tabindex="0"></div>
<aside></aside></main></div>
<script src="/floor.js"></script>
</body></html>`;
  await writeFile(join(dir, 'index.html'), html);
  await writeFile(join(dir, 'floor.js'), FLOOR_JS);
}
