// Deterministic news-like documents in the app's native JSON format (shared/ui-contract.md),
// for the benchmark. Same seed, same bytes: a run can be compared with an earlier one.
//
// A document of `words` words carries exactly `spans` spans: 80 % stand alone (actor, location,
// figure, quote), 20 % come in pairs where one span is nested inside another (a quote with a
// place or a person in it, "the mayor of Kyiv" with "Kyiv" inside), so 10 % of all spans are
// nested. No span crosses a paragraph or another span, so each span is one element in the
// article. Offsets are code points; each span's `text` is the code-point slice.

import { createHash } from 'node:crypto';

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)); // inclusive
  const pick = (list) => list[Math.floor(next() * list.length)];
  const shuffle = (list) => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
  };
  return { next, int, pick, shuffle };
}

const ACTORS = [
  'Dmitry Peskov', 'Rustem Umerov', 'Ursula von der Leyen', 'Volodymyr Zelensky', 'Emmanuel Macron',
  'Olaf Scholz', 'António Guterres', 'Kaja Kallas', 'Recep Tayyip Erdoğan', 'Xi Jinping',
  'Narendra Modi', 'Luiz Inácio Lula da Silva', 'Cyril Ramaphosa', 'the Kremlin', 'NATO', 'the IMF',
  'Reuters', 'the European Commission', 'Gazprom', 'Siemens', 'the World Health Organization',
  'Ignazio Cassis', 'Marco Rubio', 'Sergei Lavrov', 'Mette Frederiksen', 'Jens Stoltenberg',
];
const LOCATIONS = [
  'Geneva', 'Kyiv', 'Moscow', 'Brussels', 'Washington', 'Zürich', 'São Paulo', 'Kharkiv', 'Odesa',
  'Zaporizhzhia', 'Istanbul', 'Beijing', 'New Delhi', 'Pretoria', 'The Hague', 'Bern', 'Warsaw',
  'Tallinn', 'Ankara', 'the Black Sea', 'Crimea', 'Donetsk', 'Paris', 'Berlin', 'Montréal',
];
const FIGURES = [
  '19 percent', '$4.2 billion', '126 drones', '€850 million', '1,200 troops', '3.7%', '400 homes',
  'nine children', '2.5 million barrels', '£30bn', '17 hours', '60,000 people', '0.25 percentage points',
  'four hours', '12 tanks', '¥1.3 trillion', '80 kilometres', '14,000 tonnes',
];
const ROLES = ['the mayor of', 'the governor of', 'the ambassador to', 'the police chief of', 'a spokesperson for', 'the envoy to'];
const SUBJECTS = [
  'officials', 'the delegation', 'negotiators', 'analysts', 'diplomats', 'the ministry', 'investors',
  'residents', 'the central bank', 'observers', 'lawmakers', 'the army', 'rescue workers', 'the agency',
];
const VERBS = [
  'said', 'warned', 'confirmed', 'denied', 'expected', 'reported', 'announced', 'rejected', 'described',
  'welcomed', 'criticised', 'estimated', 'suggested', 'insisted', 'acknowledged', 'promised',
];
const FILLER = (
  'talks ceasefire agreement framework proposal meeting sanctions economy inflation budget pipeline ' +
  'election parliament coalition border region troops drones energy prices markets exports grain corridor ' +
  'summit statement briefing reporters journalists evening morning overnight weekend session round ' +
  'progress pressure security guarantees reconstruction humanitarian aid convoy shelter power outage ' +
  'investigation court ruling appeal verdict protest crowd banner flags mediators venue delegations ' +
  'however meanwhile although despite because while after before during within between across against ' +
  'would could might should remained appeared continued resumed stalled collapsed improved slowed ' +
  'significant productive detailed difficult cautious fragile broader longer higher lower earlier later ' +
  'the the the the a a a of of of in in in on on to to to and and and with for from by at as that that ' +
  'its their this those which when where who nobody everyone several many few more most some any'
).split(' ');
const QUOTE_WORDS = (
  'we are working on clarifying the parameters nobody expects miracles after two days our position has ' +
  'not changed not by one kilometer this is a serious moment for everyone involved there will be no ' +
  'deal without guarantees people deserve to know the truth we will rebuild every home the numbers speak ' +
  'for themselves patience is running out nothing is agreed until everything is agreed'
).split(' ');
const EMOJI = ['🙂', '👍', '🕊️', '🇺🇦', '👍🏽', '🔥', '📉', '🤝'];
const LABELS = ['actor', 'location', 'figure', 'quote'];

const cpLen = (s) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};
const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const wordCount = (s) => s.split(/\s+/).filter(Boolean).length;

/**
 * The phrases that carry spans, in document order of their spans: each is
 * {text, spans: [{offset, length, label}]} with offsets in code points inside `text`.
 */
function simplePhrase(r) {
  const roll = r.next(); // actor 40 %, location 25 %, figure 20 %, quote 15 %
  const label = roll < 0.4 ? 'actor' : roll < 0.65 ? 'location' : roll < 0.85 ? 'figure' : 'quote';
  if (label === 'actor') return spanOnly(r.pick(ACTORS), 'actor');
  if (label === 'location') return spanOnly(r.pick(LOCATIONS), 'location');
  if (label === 'figure') return spanOnly(r.pick(FIGURES), 'figure');
  return spanOnly(quoteText(r, r.int(4, 12)), 'quote');
}

function spanOnly(text, label) {
  return { text, spans: [{ offset: 0, length: cpLen(text), label }] };
}

function quoteText(r, n) {
  const words = [];
  for (let i = 0; i < n; i++) words.push(r.pick(QUOTE_WORDS));
  if (r.next() < 0.15) words.push(r.pick(EMOJI));
  return `“${capitalize(words.join(' '))}”`;
}

/** An outer span with one span inside it. */
function nestedPhrase(r) {
  if (r.next() < 0.5) {
    // A quote that names a place or a person.
    const inner = r.next() < 0.5 ? { text: r.pick(LOCATIONS), label: 'location' } : { text: r.pick(ACTORS), label: 'actor' };
    const before = [];
    const after = [];
    for (let i = r.int(2, 6); i > 0; i--) before.push(r.pick(QUOTE_WORDS));
    for (let i = r.int(1, 5); i > 0; i--) after.push(r.pick(QUOTE_WORDS));
    const head = `“${capitalize(before.join(' '))} in `;
    const text = `${head}${inner.text} ${after.join(' ')}”`;
    return {
      text,
      spans: [
        { offset: 0, length: cpLen(text), label: 'quote' },
        { offset: cpLen(head), length: cpLen(inner.text), label: inner.label },
      ],
    };
  }
  // "the mayor of Kyiv": an actor with its location inside.
  const role = r.pick(ROLES);
  const place = r.pick(LOCATIONS);
  const text = `${role} ${place}`;
  return {
    text,
    spans: [
      { offset: 0, length: cpLen(text), label: 'actor' },
      { offset: cpLen(role) + 1, length: cpLen(place), label: 'location' },
    ],
  };
}

/**
 * One native-JSON document of about `words` words with exactly `spanCount` spans.
 * Returns {json (string), doc (the document object), stats}.
 */
export function generateDocument({ words, spans: spanCount, seed = 1 }) {
  const r = rng(seed * 7919 + words);
  const nestedPairs = Math.round(spanCount * 0.1);
  const singles = spanCount - 2 * nestedPairs;
  const phrases = r.shuffle([
    ...Array.from({ length: singles }, () => simplePhrase(r)),
    ...Array.from({ length: nestedPairs }, () => nestedPhrase(r)),
  ]);
  const phraseWords = phrases.reduce((n, p) => n + wordCount(p.text), 0);
  const fillerWords = Math.max(0, words - phraseWords);
  // Phrases go between filler words at random, spread over the whole text.
  const slots = new Map(); // filler index → phrases inserted before it
  for (const phrase of phrases) {
    const at = r.int(0, fillerWords);
    if (!slots.has(at)) slots.set(at, []);
    slots.get(at).push(phrase);
  }

  const parts = [];
  const spans = [];
  let cp = 0;
  const emit = (s) => {
    parts.push(s);
    cp += cpLen(s);
  };
  // Title line, then paragraphs separated by a blank line.
  emit(`${capitalize(r.pick(SUBJECTS))} ${r.pick(VERBS)} ${r.pick(FILLER)} talks as ${r.pick(FILLER)} ${r.pick(FILLER)} continues\n\n`);
  let sentenceWords = 0;
  let sentenceLength = r.int(8, 28);
  let paragraphSentences = 0;
  let paragraphLength = r.int(1, 4);
  let atSentenceStart = true;
  let first = true;
  const token = (text, phraseSpans) => {
    if (!first) emit(' ');
    first = false;
    let out = atSentenceStart ? capitalize(text) : text;
    const base = cp;
    emit(out);
    for (const s of phraseSpans ?? []) {
      spans.push({ start: base + s.offset, end: base + s.offset + s.length, label: s.label });
    }
    atSentenceStart = false;
    sentenceWords += wordCount(text);
  };
  const endSentence = () => {
    emit(r.next() < 0.08 ? ` ${r.pick(EMOJI)}.` : '.');
    atSentenceStart = true;
    sentenceWords = 0;
    sentenceLength = r.int(8, 28);
    paragraphSentences++;
    if (paragraphSentences >= paragraphLength) {
      emit('\n\n');
      first = true;
      paragraphSentences = 0;
      paragraphLength = r.int(1, 4);
    }
  };
  for (let i = 0; i <= fillerWords; i++) {
    for (const phrase of slots.get(i) ?? []) token(phrase.text, phrase.spans);
    if (i === fillerWords) break;
    let w = r.pick(FILLER);
    const roll = r.next();
    if (roll < 0.03) w = `${r.pick(SUBJECTS).split(' ').pop()}’s`;
    else if (roll < 0.05) w = `“${w}”`;
    else if (roll < 0.06) w = r.pick(VERBS);
    token(w);
    if (sentenceWords >= sentenceLength) endSentence();
    else if (r.next() < 0.07) parts[parts.length - 1] += ',', cp++;
  }
  if (!atSentenceStart) emit('.');
  const text = parts.join('');

  spans.sort((a, b) => a.start - b.start || b.end - a.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const chars = Array.from(text);
  const nativeSpans = spans.map((s, i) => ({
    id: `s${i + 1}`,
    start: s.start,
    end: s.end,
    label: s.label,
    text: chars.slice(s.start, s.end).join(''),
  }));
  const name = `bench-${words / 1000}k.txt`;
  const doc = {
    id: `bench${words}`,
    name,
    text,
    sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    spans: nativeSpans,
    relations: [],
  };
  const file = {
    format: 'article-annotator',
    version: 1,
    offset_unit: 'codepoint',
    labels: [
      { id: 'actor', name: 'Actor', color: '#1f77b4', key: '1' },
      { id: 'location', name: 'Location', color: '#2ca02c', key: '2' },
      { id: 'figure', name: 'Figure', color: '#e067bb', key: '3' },
      { id: 'quote', name: 'Quote', color: '#eb6e00', key: '4' },
    ],
    documents: [doc],
  };
  const nested = nativeSpans.filter((s, i) => nativeSpans.some((o, j) => j !== i && o.start <= s.start && s.end <= o.end && (o.end - o.start) > (s.end - s.start))).length;
  return {
    json: JSON.stringify(file),
    doc,
    stats: {
      words: wordCount(text),
      codepoints: chars.length,
      utf8Bytes: Buffer.byteLength(text, 'utf8'),
      lines: text.split('\n').length, // what the app renders one element each (blank lines too)
      paragraphs: text.split('\n').filter((l) => l.trim()).length,
      spans: nativeSpans.length,
      nested,
      byLabel: Object.fromEntries(LABELS.map((l) => [l, nativeSpans.filter((s) => s.label === l).length])),
    },
  };
}

/** Checks the format's promises on a generated document; throws on the first problem. */
export function validateDocument(doc) {
  const chars = Array.from(doc.text);
  const paragraphEnds = [];
  chars.forEach((c, i) => c === '\n' && paragraphEnds.push(i));
  let prev = null;
  const open = []; // spans that enclose the current one
  for (const s of doc.spans) {
    if (!(0 <= s.start && s.start < s.end && s.end <= chars.length)) throw new Error(`${s.id} out of range`);
    if (chars.slice(s.start, s.end).join('') !== s.text) throw new Error(`${s.id} text does not match`);
    if (paragraphEnds.some((e) => s.start <= e && e < s.end)) throw new Error(`${s.id} crosses a paragraph`);
    if (prev) {
      const order = prev.start - s.start || s.end - prev.end;
      if (order > 0) throw new Error(`${s.id} is out of order`);
    }
    // No crossing: each span is either inside or after every span that started before it.
    while (open.length && open[open.length - 1].end <= s.start) open.pop();
    if (open.length && s.end > open[open.length - 1].end) throw new Error(`${s.id} crosses ${open.at(-1).id}`);
    open.push(s);
    prev = s;
  }
  if (createHash('sha256').update(doc.text, 'utf8').digest('hex') !== doc.sha256) throw new Error('sha256');
}
