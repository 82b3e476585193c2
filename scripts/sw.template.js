// Service worker template. scripts/postbuild.mjs fills in the two placeholders below and writes
// the result to dist/sw.js (not hashed: the app registers it as './sw.js'). Do not edit
// dist/sw.js by hand; it is regenerated after every build.
//
// Policy:
// - install: precache every file of this build (the list is generated at build time) into a
//   cache named after a hash of the build, fetched with cache: 'reload' (never a stale copy
//   from the HTTP cache). If any file fails, installation fails and the old worker stays.
// - activate: delete every other cache of this app at this scope (older builds), then claim
//   the open pages. One build's files live in one cache: versions never mix.
// - fetch: same-origin GET only (everything else goes to the network untouched).
//   Precached assets (hashed names): cache-first. Navigations to the app's root or
//   index.html: network-first, falling back to this build's cached index.html. The cached
//   index is never overwritten by a network copy, so an offline start always gets an
//   index.html that matches the cached assets.
'use strict';

const BUILD = '__BUILD_HASH__';
const PRECACHE = __PRECACHE_LIST__;

const SCOPE = self.registration.scope; // ends with '/'
const APP = 'report-explorer';
// Cache storage is per origin: the scope in the name keeps two deployments of the app under
// different prefixes of one origin from deleting each other's caches.
const CACHE_PREFIX = `${APP}|${SCOPE}|`;
const CACHE = CACHE_PREFIX + BUILD;

// The list is relative to sw.js itself, which sits at the root of the build.
const abs = (rel) => new URL(rel, self.location.href).href;
const INDEX_URLS = new Set([abs('./'), abs('./index.html')]);
const ASSET_URLS = new Set(PRECACHE.map(abs).filter((u) => !INDEX_URLS.has(u)));
const CACHED_INDEX = abs('./index.html');
const REPORTS = abs('./reports/');

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(PRECACHE.map((rel) => new Request(abs(rel), { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  return fetch(request);
}

async function networkFirstIndex(request) {
  try {
    return await fetch(request);
  } catch (err) {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(CACHED_INDEX);
    if (hit) return hit;
    throw err;
  }
}

async function reportFile(request, bare) {
  const cache = await caches.open(CACHE);
  const hit = (await cache.match(request)) ?? (ASSET_URLS.has(bare) ? await cache.match(bare) : undefined);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const bare = url.origin + url.pathname; // the query (app state) does not pick the file
  if (request.mode === 'navigate' || INDEX_URLS.has(bare)) {
    if (INDEX_URLS.has(bare)) event.respondWith(networkFirstIndex(request));
    return; // other paths: the host answers (a 404 stays a 404; no SPA fallback)
  }
  if (bare.startsWith(REPORTS) && bare.endsWith('.json')) event.respondWith(reportFile(request, bare));
  else if (ASSET_URLS.has(url.href)) event.respondWith(cacheFirst(request));
});
