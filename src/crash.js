// The buttons of the crash dialog, which src/browser/crash.rs draws when the app panics. They
// are plain JavaScript because after a panic the app's WebAssembly is dead and answers no
// click; a file of its own (not inline) so the page's Content-Security-Policy allows it.
// "Export all" downloads the workspace the app last stored, read straight from its storage
// (src/browser/storage.rs, src/formats/storage.rs), in the native format the app opens.
'use strict';
(() => {
  const note = (text) => {
    for (const element of document.querySelectorAll('[data-crash-note]')) element.textContent = text;
  };

  // The IndexedDB copy as a string, or null; never creates the database if there is none.
  const fromIndexedDb = () =>
    new Promise((resolve) => {
      try {
        const open = indexedDB.open('article-annotator');
        open.onupgradeneeded = () => open.transaction.abort();
        open.onerror = () => resolve(null);
        open.onsuccess = () => {
          try {
            const get = open.result.transaction('workspace').objectStore('workspace').get('current');
            get.onsuccess = () => resolve(typeof get.result === 'string' ? get.result : null);
            get.onerror = () => resolve(null);
          } catch {
            resolve(null);
          }
          open.result.close();
        };
      } catch {
        resolve(null);
      }
    });

  // A stored copy as {workspace, saved_at}: schema 2 is a wrapper, schema 1 the bare native file.
  const read = (text) => {
    try {
      const stored = JSON.parse(text);
      if (stored?.schema === 2 && stored.workspace) return stored;
      if (stored?.format === 'article-annotator') return { workspace: stored, saved_at: 0 };
    } catch {
      // Unreadable: the other copy may do.
    }
    return null;
  };

  const exportAll = async () => {
    // Copies kept as pages closed: one per tab (`….workspace-at-close.<tab>`) or one for all.
    const closing = [];
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (key?.startsWith('article-annotator.workspace-at-close')) closing.push(localStorage.getItem(key));
      }
    } catch {
      // No local storage in this browser.
    }
    // The newest copy wins, as when the app opens: the export is what Reload shows.
    const copies = [await fromIndexedDb(), ...closing].filter(Boolean).map(read).filter(Boolean);
    const newest = copies.reduce((a, b) => ((b.saved_at ?? 0) > (a.saved_at ?? 0) ? b : a), copies[0]);
    if (!newest) {
      note('Nothing has been saved in this browser yet, so there is nothing to export.');
      return;
    }
    const blob = new Blob([JSON.stringify(newest.workspace, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = Object.assign(document.createElement('a'), { href: url, download: 'workspace.json', hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    note('Exported as workspace.json.');
  };

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('[data-crash-reload]')) location.reload();
    else if (target?.closest('[data-crash-export]')) exportAll();
  });
})();
