// The service worker that makes the release build start and work without a network once it has
// been visited. It keeps every file of one build in one cache and answers the page, the
// suggester's worker and any other worker from there; it is not a sync or push service.
//
// `scripts/service_worker.mjs` writes it into the build with BUILD set to the build's version
// and file list, so a new build is a new worker script: the browser installs it next to the
// running one, where it waits until the page's "Reload" (src/browser/service_worker.rs) lets it
// take over, and then it deletes the caches of every other version. A development build gets
// this file with BUILD left null: it caches nothing and removes whatever an earlier release
// build registered at the same address, so `trunk serve` is never answered from a stale cache.
'use strict';

const BUILD = null;

// Caches are shared by the whole origin: the name carries the scope, so two copies of the app
// under different paths of one host keep their own.
const PREFIX = `article-annotator ${self.registration.scope} `;

const dropCaches = async (keep) => {
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== keep) await caches.delete(name);
  }
};

if (BUILD === null) {
  self.addEventListener('install', () => self.skipWaiting());
  self.addEventListener('activate', (event) => event.waitUntil(dropCaches(null).then(() => self.registration.unregister())));
} else {
  const CACHE = PREFIX + BUILD.version;
  const scope = new URL(self.registration.scope);
  // The page is kept under the scope's own address ("./"), which is how it is visited.
  const PAGE = scope.href;

  self.addEventListener('install', (event) => {
    event.waitUntil(
      (async () => {
        const cache = await caches.open(CACHE);
        try {
          // Past the HTTP cache, so no file of an older build slips into this version.
          await Promise.all(
            BUILD.files.map(async (file) => {
              const url = new URL(file, scope).href;
              const response = await fetch(url, { cache: 'no-cache' });
              if (!response.ok) throw new Error(`${url}: ${response.status}`);
              // A host that redirected (…/index.html → …/) gives a response a navigation may not use.
              await cache.put(url, response.redirected ? new Response(await response.blob(), response) : response);
            }),
          );
        } catch (error) {
          await caches.delete(CACHE);
          throw error;
        }
      })(),
    );
  });

  self.addEventListener('message', (event) => {
    if (event.data === 'skip-waiting') self.skipWaiting();
  });

  self.addEventListener('activate', (event) => event.waitUntil(dropCaches(CACHE).then(() => self.clients.claim())));

  self.addEventListener('fetch', (event) => {
    const request = event.request;
    if (request.method !== 'GET' || !request.url.startsWith(scope.href)) return;
    const url = new URL(request.url);
    url.search = '';
    url.hash = '';
    const isPage = url.href === PAGE || url.href === `${PAGE}index.html`;
    event.respondWith(
      (async () => {
        const cache = await caches.open(CACHE);
        const hit = await cache.match(isPage ? PAGE : url.href, { ignoreVary: true });
        return hit ?? fetch(request);
      })(),
    );
  });
}
