// In-page half of the benchmark, injected before any page script (context.addInitScript) into
// both the app and the floor page, so both are measured by exactly the same code.
//
// Every timestamp is performance.now() taken inside the page: the start in a capture-phase
// listener on window (it runs before the app's own listeners), the end in page callbacks. No
// round trip to Node (CDP) is inside a measured interval.
//
// One measurement: start → (MutationObserver sees the expected DOM) `dom` → requestAnimationFrame
// `raf1` → [style, layout, paint of that frame] → a message posted from raf1 arrives `painted` →
// the next requestAnimationFrame `raf2`. Reported per sample:
//   total   = raf2 - start      (the brief's "two requestAnimationFrame callbacks" figure; on a
//                                60 Hz compositor it includes up to two frame waits)
//   painted = painted - start   (the frame that shows the change has been rendered)
//   script  = dom - start       (event handlers, wasm, the DOM patch)
//   frame   = painted - raf1    (style + layout + paint of that frame)
//   work    = script + frame    (main-thread time the change costs, without waiting for vsync)
(() => {
  if (window.__bench) return;
  const now = () => performance.now();
  const bench = {
    wasmMemory: null,
    loafs: [],
    longtasks: [],
  };
  window.__bench = bench;

  // Trunk's loader announces the wasm instance; keep its memory to report the linear memory size.
  addEventListener('TrunkApplicationStarted', (event) => {
    bench.wasmMemory = event.detail?.wasm?.memory ?? null;
  });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.loafs.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  // Each message from a Web Worker (the suggester's reply) is marked for the trace (tasks.mjs),
  // by a listener that runs before the page's own handler in the same task.
  if (window.Worker) {
    const PageWorker = window.Worker;
    window.Worker = class extends PageWorker {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', () => performance.mark('worker:message'));
      }
    };
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}

  const article = () => document.querySelector('[data-testid=article]');
  // Ready: when the article first is in the page (navigation start is performance's 0), checked
  // on every DOM change from the first byte, so it is known to within one mutation batch.
  bench.readyAt = null;
  const watchReady = new MutationObserver(() => {
    if (article()) {
      bench.readyAt = now();
      watchReady.disconnect();
    }
  });
  watchReady.observe(document, { subtree: true, childList: true });
  const spanCount = () => {
    const a = article();
    return a ? a.querySelectorAll('[data-span-id]').length : 0;
  };
  const byId = (id) => article()?.querySelector(`[data-span-id="${CSS.escape(id)}"]`) ?? null;

  /** Whether the paragraph at viewport height `y` is drawn with its spans (not plain text). */
  const drawnAt = (y) => {
    const a = article();
    const box = a.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, y)?.closest('[data-para-start]');
    return !hit || !hit.hasAttribute('data-plain');
  };

  const conditions = {
    count: (n) => spanCount() === n,
    // A long document draws spans only near the viewport: open is done when the named document
    // is on screen with spans and the paragraphs at the top, middle and bottom are drawn.
    visible: (name) =>
      article()?.getAttribute('aria-label') === `Article: ${name}` &&
      spanCount() > 0 &&
      [2, innerHeight / 2, innerHeight - 2].every(drawnAt),
    label: ({ id, label }) => byId(id)?.getAttribute('data-label') === label,
    gone: (id) => byId(id) === null,
    present: (id) => byId(id) !== null,
  };

  /** The frame after `dom`: resolves with {raf1, painted, raf2}. */
  const afterFrame = () =>
    new Promise((resolve) => {
      requestAnimationFrame(() => {
        const raf1 = now();
        let painted = null;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          painted = now();
        };
        channel.port2.postMessage(0);
        requestAnimationFrame(() => {
          const raf2 = now();
          // The message normally arrives between the two frames; if it did not, raf2 stands in.
          resolve({ raf1, painted: painted ?? raf2, raf2 });
        });
      });
    });

  /**
   * Arms one measurement: `event` ('change' or 'keydown') on window, capture phase, starts the
   * clock; the condition `kind`/`arg` (see `conditions`) ends it. With `settleMs`, a condition
   * never met falls back to "the span count stopped changing for settleMs" (method 'stable').
   * Returns nothing; `bench.result` is a promise of the sample.
   */
  bench.arm = ({ event, kind, arg, timeoutMs = 60_000, settleMs = 3_000 }) => {
    const check = () => conditions[kind](arg);
    let start = null;
    let done = false;
    let resolve;
    let reject;
    bench.result = new Promise((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
    let lastCount = spanCount();
    let lastChange = null;
    let mutations = 0;
    const finish = async (dom, method) => {
      if (done) return;
      done = true;
      observer.disconnect();
      clearInterval(poll);
      clearTimeout(timer);
      const { raf1, painted, raf2 } = await afterFrame();
      resolve({
        method,
        total: raf2 - start,
        painted: painted - start,
        script: dom - start,
        frame: painted - raf1,
        work: dom - start + (painted - raf1),
        mutationCallbacks: mutations,
        start,
        spans: spanCount(),
      });
    };
    const observer = new MutationObserver(() => {
      if (start === null || done) return;
      mutations++;
      const t = now();
      if (check()) return finish(t, 'condition');
      const count = spanCount();
      if (count !== lastCount) {
        lastCount = count;
        lastChange = t;
      }
    });
    // Only what the condition can depend on, so the observer costs the page as little as possible.
    observer.observe(
      document.documentElement,
      kind === 'label' ? { subtree: true, childList: true, attributes: true, attributeFilter: ['data-label'] } : { subtree: true, childList: true },
    );
    const onStart = () => {
      if (start !== null) return;
      start = now();
      removeEventListener(event, onStart, true);
      // A condition already true at the start (should not happen) is measured as is.
      queueMicrotask(() => check() && finish(now(), 'condition'));
    };
    addEventListener(event, onStart, true);
    const poll = setInterval(() => {
      if (start !== null && lastChange !== null && now() - lastChange > settleMs && spanCount() > 0) {
        finish(lastChange, 'stable');
      }
    }, 250);
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      observer.disconnect();
      clearInterval(poll);
      reject(new Error(`timed out waiting for ${kind} ${JSON.stringify(arg)} (spans: ${spanCount()}, started: ${start !== null})`));
    }, timeoutMs);
  };

  /** Waits until the page is quiet: `ms` of wall time, then two idle callbacks. */
  bench.settle = (ms = 500) =>
    new Promise((resolve) => {
      setTimeout(() => {
        requestIdleCallback(() => requestIdleCallback(() => resolve(), { timeout: 3000 }), { timeout: 3000 });
      }, ms);
    });

  bench.spanCount = spanCount;
  bench.spanIds = () => Array.from(article().querySelectorAll('[data-span-id]'), (e) => e.getAttribute('data-span-id'));

  /**
   * Selects a word of 5+ letters that no span covers, about `fraction` of the way down the
   * article, after scrolling it to the middle of the viewport (so no measurement includes
   * scrolling to it). Returns the word.
   */
  bench.selectWordFarDown = async (fraction = 0.85) => {
    const a = article();
    const candidates = () => {
      const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) => (node.parentElement.closest('[data-span-id]') || !/\p{L}{5,}/u.test(node.data) ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_ACCEPT),
      });
      const nodes = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
      return nodes;
    };
    // Scroll there first: a long document draws the spans of that part only once it is near the
    // viewport, which replaces its text nodes; then pick a word from what is drawn.
    const far = candidates()[Math.floor(candidates().length * fraction)];
    far.parentElement.scrollIntoView({ block: 'center' });
    await bench.settle(500);
    const inView = (n) => {
      const r = n.parentElement.getBoundingClientRect();
      return r.bottom > innerHeight * 0.3 && r.top < innerHeight * 0.7 && !n.parentElement.closest('[data-plain]');
    };
    const node = candidates().find(inView) ?? far;
    const match = /(?<![\p{L}’'])\p{L}{5,}(?![\p{L}’'])/u.exec(node.data);
    const range = document.createRange();
    range.setStart(node, match.index);
    range.setEnd(node, match.index + match[0].length);
    const rect = range.getBoundingClientRect();
    window.scrollBy(0, rect.top - innerHeight / 2);
    // The app redraws what is near the viewport a frame or two after a scroll; an edit armed
    // before that would count the spans it draws as the edit's.
    await bench.settle(300);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return match[0];
  };

  /** Id of the selected span (aria-selected), else of the span holding the text `word` newly. */
  bench.newSpanId = (before) => {
    // The app marks the selected span aria-current (aria-selected is invalid on text, and what
    // builds before that used).
    const selected = article().querySelector('[data-span-id][aria-current="true"], [data-span-id][aria-selected="true"]');
    if (selected) return selected.getAttribute('data-span-id');
    const known = new Set(before);
    return bench.spanIds().find((id) => !known.has(id)) ?? null;
  };

  /**
   * Scrolls the whole document from top to bottom, `stepFraction` of the viewport per frame,
   * and reports the frame intervals (rAF deltas) and the long animation frames seen meanwhile.
   */
  bench.scrollThrough = (stepFraction = 0.5) =>
    new Promise((resolve) => {
      const scroller = document.scrollingElement;
      scroller.scrollTop = 0;
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const loafFrom = bench.loafs.length;
          const longFrom = bench.longtasks.length;
          const positions = [];
          const began = now();
          const deltas = [];
          let last = now();
          const step = Math.max(1, Math.round(innerHeight * stepFraction));
          const frame = () => {
            const t = now();
            deltas.push(t - last);
            last = t;
            const before = scroller.scrollTop;
            positions.push(before);
            // Done at the bottom; also when the page stopped moving (nothing left to scroll) or
            // after two minutes, so a page that never reaches its end cannot hang the run.
            const stuck = positions.length > 3 && positions.at(-1) === positions.at(-4);
            if (before + innerHeight >= scroller.scrollHeight - 1 || stuck || t - began > 120_000) {
              const loafs = bench.loafs.slice(loafFrom);
              const sorted = [...deltas].sort((x, y) => x - y);
              resolve({
                reachedEnd: !stuck && t - began <= 120_000,
                frames: deltas.length,
                height: scroller.scrollHeight,
                durationMs: t - began,
                longestFrame: sorted.at(-1),
                p95Frame: sorted[Math.floor(sorted.length * 0.95)],
                framesOver50: deltas.filter((d) => d > 50).length,
                loafCount: loafs.length,
                longestLoaf: loafs.reduce((m, e) => Math.max(m, e.duration), 0),
                longTasks: bench.longtasks.slice(longFrom).map((e) => Math.round(e.duration)),
                // The three longest frames: where they were and how long (for a look afterwards).
                worst: deltas
                  .map((d, i) => ({ ms: Math.round(d * 10) / 10, frame: i, scrollTop: positions[i - 1] ?? 0 }))
                  .sort((x, y) => y.ms - x.ms)
                  .slice(0, 3),
              });
              return;
            }
            window.scrollBy(0, step);
            requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        }),
      );
    });

  // Suggest: from the click on "Suggest" to the suggestions painted (two frames after they are
  // in the DOM), with the longest frame meanwhile. The suggester runs in a Web Worker, so the
  // page should keep drawing frames while it works; the longest frame says whether it did.
  bench.suggest = () =>
    new Promise((resolve) => {
      const button = document.querySelector('[data-testid=suggest]');
      const longFrom = bench.longtasks.length;
      const began = now();
      const deltas = [];
      let last = began;
      let shownAt = null;
      let framesAfter = 0;
      performance.mark('suggest:click');
      button.click();
      const frame = () => {
        const t = now();
        deltas.push(t - last);
        last = t;
        const count = document.querySelectorAll('[data-suggestion-id]').length;
        const busy = button.getAttribute('aria-busy') === 'true';
        if (shownAt === null && count > 0 && !busy) shownAt = t;
        if (shownAt !== null && ++framesAfter >= 2) {
          performance.mark('suggest:painted');
          resolve({
            total: t - began,
            suggestions: count,
            longestFrame: deltas.reduce((m, d) => Math.max(m, d), 0),
            // Frames before the reply arrived: what typing or scrolling met while the worker ran.
            longestFrameWaiting: deltas.slice(0, -3).reduce((m, d) => Math.max(m, d), 0),
            longTasks: bench.longtasks.slice(longFrom).map((e) => Math.round(e.duration)),
          });
          return;
        }
        if (t - began > 60_000) return resolve({ total: null, suggestions: count, timedOut: true });
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
})();
