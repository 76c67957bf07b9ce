// The page's main-thread tasks, read from a Chrome trace: how long typing or scrolling could
// have waited. A key press or a scroll step waits for the task in progress to end, and rendering
// (style, layout, paint) runs as a task too, so the longest task in an interval is how long the
// page could not answer input then. Frame intervals (rAF deltas) cannot tell that: in an idle
// page they already vary around 16.7 ms, and a task that fits between two frames still delays a
// key press.
//
// The interval is given by `performance.mark`s of the page (harness.js), which the trace carries.

/** What to trace: the scheduler's tasks, the page's marks, and what ran inside the tasks. */
export const TASK_CATEGORIES = ['toplevel', 'blink.user_timing', 'devtools.timeline'];

/**
 * The renderer main thread's top-level tasks, `{ start, end, ms, what }` in ms of the trace's
 * clock (`what`: the longest events inside), and `mark(name)`: the time of the last mark of
 * that name.
 */
export function readTasks(trace) {
  const events = trace.traceEvents ?? trace;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('the trace has no renderer main thread');
  const categories = (e) => (e.cat ?? '').split(',');
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number');
  // Top-level tasks only: nested run loops (a task that runs tasks) count once, as the outer one.
  const outer = [];
  for (const t of onMain.filter((e) => categories(e).includes('toplevel')).sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    if (!outer.length || t.ts >= outer.at(-1).ts + outer.at(-1).dur) outer.push(t);
  }
  const inner = onMain.filter((e) => !categories(e).includes('toplevel'));
  const tasks = outer.map((t) => ({
    start: t.ts / 1000,
    end: (t.ts + t.dur) / 1000,
    ms: t.dur / 1000,
    what: () =>
      inner
        .filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur)
        .sort((a, b) => b.dur - a.dur)
        .slice(0, 3)
        .map((e) => `${e.name} ${(e.dur / 1000).toFixed(1)}`)
        .join(', '),
  }));
  const mark = (name) => {
    const found = events.filter((e) => e.name === name && e.pid === main.pid && categories(e).includes('blink.user_timing'));
    if (!found.length) throw new Error(`the trace has no mark ${name}`);
    return found.at(-1).ts / 1000;
  };
  return { tasks, mark };
}

/** The longest of `tasks` (0 when there is none) and, for a report, the ones of 8 ms or more. */
export function longest(tasks, origin) {
  const sorted = [...tasks].sort((a, b) => b.ms - a.ms);
  return {
    ms: round(sorted[0]?.ms ?? 0),
    long: sorted.filter((t) => t.ms >= 8).map((t) => ({ atMs: round(t.start - origin), ms: round(t.ms), what: t.what() })),
  };
}

/**
 * One Suggest (harness.js) on a document showing none, traced: with the page's longest main-thread tasks while the worker
 * ran (from the click to the reply's arrival, the reply's own task left out) and in all (until
 * the suggestions were painted), which is how long typing or scrolling could have waited.
 */
export async function tracedSuggest(browser, page) {
  // Suggestions already shown would make the reply's DOM change nothing: clear them first.
  await page.evaluate(() => document.querySelector('[data-testid=clear-suggestions]')?.click());
  await page.evaluate(() => __bench.settle(300));
  await browser.startTracing(page, { categories: TASK_CATEGORIES });
  const result = await page.evaluate(() => __bench.suggest());
  const { tasks, mark } = readTasks(JSON.parse((await browser.stopTracing()).toString('utf8')));
  const [click, reply, painted] = [mark('suggest:click'), mark('worker:message'), mark('suggest:painted')];
  result.longestTaskWaiting = longest(tasks.filter((t) => t.end > click && t.end < reply), click);
  result.longestTask = longest(tasks.filter((t) => t.end > click && t.start < painted), click);
  return result;
}

/**
 * One more add (key 1 on a word further up), traced until the page is quiet again: the longest
 * main-thread task from 200 ms after the key on, which is the app's save of the workspace
 * (written some 300 ms after a change). The edits' own measures are untraced; this one is apart
 * so that tracing cannot slow them.
 */
export async function tracedSave(browser, page) {
  await page.evaluate(() => __bench.selectWordFarDown(0.6));
  await browser.startTracing(page, { categories: TASK_CATEGORIES });
  await page.evaluate(() => performance.mark('save:key'));
  await page.keyboard.press('1');
  await page.evaluate(() => __bench.settle(1500));
  const { tasks, mark } = readTasks(JSON.parse((await browser.stopTracing()).toString('utf8')));
  const key = mark('save:key');
  return longest(tasks.filter((t) => t.start >= key + 200), key);
}

const round = (x) => Math.round(x * 10) / 10;
