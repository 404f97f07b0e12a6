// Service worker of the AI weekly explorer. go-app renders this template
// (Handler.ServiceWorkerTemplate) into /app-worker.js, replacing the version
// and the resources to cache; ui.NewHandler fills in the shell routes first.
//
//   - One cache per content version, named after the scope and the version,
//     so that two apps on one origin (GitHub Pages) never touch each other's
//     caches. Install precaches every resource, the data and a prerendered
//     page per route; if any of them cannot be fetched after retries, or
//     belongs to another version (a deploy during the install), the install
//     fails and leaves no cache behind, and the browser tries again on the
//     next visit.
//   - A new version installs in the background and waits: pages keep the
//     worker, wasm and data they started with until the person reloads from
//     the banner (web/pwa.js posts SKIP_WAITING), so an old wasm never reads
//     new data or the reverse. Activation deletes the older caches of this
//     scope; pages of this version that no worker controls yet (the first
//     visit) ask to be taken over.
//   - Navigations, with any path and query, go to the network first and fall
//     back to the route's cached page, or to the cached root page for other
//     routes of the app (/stocks/{name}); the wasm then routes by the address
//     bar, query included. Everything else in scope is served from this
//     version's cache first; an earlier week's data is cached the first
//     time a page opens it.
//   - An earlier week's page of a static export (/w/2023-04-09/movers, which
//     web/pwa.js moves a link to that week to) is cached the first time it
//     is opened, and offline it answers both that path and the link
//     (/movers?week=2023-04-09). Without it, the route's page of the newest
//     week stands in, marked as a fallback: the wasm renders the week.
"use strict";

const VERSION = "{{.Version}}";
const RESOURCES = {{.ResourcesToCache}};
// Fixed routes, each precached as its prerendered page.
const SHELL_ROUTES = {{.ShellRoutes}};
// Patterns of the other routes the app renders (regular expressions on the
// path below the prefix); offline they get the root page.
const APP_ROUTES = {{.AppRoutes}}.map((s) => new RegExp(s));

const SCOPE_PATH = new URL(self.registration.scope).pathname; // "/" or "/sub/"
const BASE = SCOPE_PATH.replace(/\/$/, ""); // "" or "/sub"
const CACHE_PREFIX = "aiweekly " + SCOPE_PATH + " ";
const CACHE = CACHE_PREFIX + VERSION;

// The response header in which the Go server names its version.
const VERSION_HEADER = "X-App-Version";

const ATTEMPTS = 3;
const RETRY_DELAY_MS = 400;
const NAVIGATION_TIMEOUT_MS = 5000;
const MATCH = { ignoreVary: true };

// shellURL is the URL of the prerendered page of a fixed route.
function shellURL(route) {
  return route === "/" ? BASE + "/" : BASE + route;
}

// Static resources: go-app's list without the root page, which the shell
// routes cover with the URL the browser navigates to.
const STATIC = RESOURCES.filter((u) => u !== BASE && u !== BASE + "/" && u !== "/");
const SHELLS = SHELL_ROUTES.map(shellURL);

// -----------------------------------------------------------------------------
// Install: precache everything or nothing.
// -----------------------------------------------------------------------------
self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

async function precache() {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all([...STATIC, ...SHELLS].map((url) => store(cache, url)));
  } catch (err) {
    // A partial cache must not look installed: drop it and fail the
    // install, which the browser retries on the next navigation.
    await caches.delete(CACHE);
    console.error("app worker " + VERSION + ": install failed:", err.message);
    throw err;
  }
  console.log("app worker " + VERSION + ": cached " + (STATIC.length + SHELLS.length) + " resources");
}

// store fetches url past the HTTP cache and puts the response in cache. It
// retries network errors, server errors and responses of another version;
// a client error (404) is final.
//
// The Go server names the version of every response in VERSION_HEADER. A
// deploy that lands while this version installs would otherwise leave this
// version's cache with the next version's files (the data, a page): a
// response of another version is retried, in case the deploy is rolling
// back or still settling, and then fails the install, which deletes the
// cache. A static host sends no such header, and nothing is compared.
async function store(cache, url) {
  let last;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    let resp;
    try {
      resp = await fetch(new Request(url, { cache: "no-cache", credentials: "same-origin" }));
    } catch (err) {
      last = err;
    }
    const version = resp && resp.headers.get(VERSION_HEADER);
    if (resp && resp.ok && version && version !== VERSION) {
      last = new Error("version " + version + ", not " + VERSION);
      resp = null;
    }
    if (resp && resp.ok) {
      await cache.put(url, resp.redirected ? await unredirect(resp) : resp);
      return;
    }
    if (resp) {
      last = new Error("HTTP " + resp.status);
      if (resp.status < 500) {
        break;
      }
    }
    if (attempt < ATTEMPTS) {
      await new Promise((ok) => setTimeout(ok, RETRY_DELAY_MS * attempt));
    }
  }
  throw new Error("precaching " + url + ": " + (last && last.message));
}

// unredirect copies a response that followed a redirect (a static host
// answering /sub/movers with /sub/movers/): a navigation must not be
// answered with a response marked as redirected.
async function unredirect(resp) {
  return new Response(await resp.blob(), {
    status: resp.status,
    statusText: resp.statusText,
    headers: resp.headers,
  });
}

// -----------------------------------------------------------------------------
// Activate: delete this scope's older caches, then control open pages.
// -----------------------------------------------------------------------------
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(
        keys
          .filter((k) => k.startsWith(CACHE_PREFIX) && k !== CACHE)
          .map((k) => caches.delete(k))
      );
      console.log("app worker " + VERSION + ": active");
    })()
  );
});

// Messages from web/pwa.js: SKIP_WAITING when the person reloads from the
// update banner; CLAIM from a page this worker does not control yet, which
// it takes over only when the page is of this version. (Claiming in
// activate would let go-app take the first install for an update, and
// could take over a page of another version.)
self.addEventListener("message", (event) => {
  const msg = event.data || {};
  if (msg.type === "SKIP_WAITING") {
    event.waitUntil(self.skipWaiting());
  } else if (msg.type === "CLAIM" && msg.version === VERSION) {
    event.waitUntil(self.clients.claim());
  }
});

// -----------------------------------------------------------------------------
// Fetch
// -----------------------------------------------------------------------------
self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") {
    return;
  }
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE_PATH)) {
    return;
  }
  if (req.mode === "navigate") {
    event.respondWith(navigate(req, url));
    return;
  }
  event.respondWith(cacheFirst(req));
});

// WEEKS is the directory of the earlier weeks: each is cached the first
// time a page opens it, so that every week the reader has opened works
// offline (the newest and the index of weeks are precached).
const WEEKS = BASE + "/data/weeks/";

// cacheFirst answers from this version's cache, or from the network for what
// install did not cache. The data and the wasm are always in the cache, so a
// page gets both from the same version.
async function cacheFirst(req) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(req, MATCH);
  if (hit) {
    return hit;
  }
  const resp = await fetch(req);
  const url = new URL(req.url);
  const version = resp.headers.get(VERSION_HEADER);
  if (resp.ok && url.pathname.startsWith(WEEKS) && url.search === "" && (!version || version === VERSION)) {
    await cache.put(req, resp.clone());
  }
  return resp;
}

// navigate tries the network, then the cached page for the route. A 404 for
// a path the app routes (a static host without that file) gets the cached
// page too, which boots the app on that path.
async function navigate(req, url) {
  let resp;
  try {
    resp = await withTimeout(fetch(req), NAVIGATION_TIMEOUT_MS);
  } catch (err) {
    // Offline: any path in scope boots the app, which shows its own
    // not-found page for paths it does not route.
    const shell = await shellFor(url, false);
    if (shell) {
      return shell;
    }
    throw err;
  }
  if (resp.status === 404 || resp.status >= 500) {
    const shell = await shellFor(url, true);
    if (shell) {
      return shell;
    }
  }
  const week = weekOf(url);
  if (week && week.own && resp.ok && sameVersion(resp)) {
    const cache = await caches.open(CACHE);
    await cache.put(week.page, resp.redirected ? await unredirect(resp.clone()) : resp.clone());
  }
  return resp;
}

// sameVersion reports whether resp is of this version, or of a host that
// does not say (see store).
function sameVersion(resp) {
  const version = resp.headers.get(VERSION_HEADER);
  return !version || version === VERSION;
}

// WEEK_PAGE matches the path, below the prefix, of an earlier week's page
// in a static export (app/site's weekPagesDir): the week, and the route's
// file below it.
const WEEK_PAGE = /^\/w\/(\d{4}-\d{2}-\d{2})(\/.*)?$/;

// weekOf returns, for a navigation to an earlier week's page or to a
// link naming a week, the week's date, the route, the URL its page is
// cached under, and whether url is that page (own); null otherwise.
function weekOf(url) {
  const below = url.pathname.slice(BASE.length);
  const m = WEEK_PAGE.exec(below);
  let date = m && m[1];
  // A page opened by its file name (movers.html, movers/index.html) is
  // the route's.
  const route = routeOf(BASE + (m ? (m[2] || "/").replace(/(\/index)?\.html$/, "") : below));
  if (!m) {
    date = url.searchParams.get("week");
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      return null;
    }
  }
  return { date: date, route: route, page: BASE + "/w/" + date + (route === "/" ? "" : route), own: !!m };
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout after " + ms + " ms")), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (err) => {
        clearTimeout(timer);
        reject(err);
      }
    );
  });
}

// routeOf is the app path of a pathname in scope: prefix and trailing
// slashes removed, "/" for the root.
function routeOf(pathname) {
  const route = pathname.slice(BASE.length).replace(/\/+$/, "");
  return route === "" ? "/" : route;
}

// shellFor returns the cached page that renders url: its route's own page,
// or for other paths the root page marked as a fallback (web/loader.css
// hides its prerendered content until the wasm renders the right one). With
// onlyAppRoutes it returns null for paths the app does not route. It
// returns null when nothing is cached.
//
// A week's page is its cached own, or else the route's page, which shows
// the newest week, marked as a fallback too.
async function shellFor(url, onlyAppRoutes) {
  const week = weekOf(url);
  const route = week ? week.route : routeOf(url.pathname);
  const cache = await caches.open(CACHE);
  if (week) {
    const hit = await cache.match(week.page, MATCH);
    if (hit) {
      return hit;
    }
  }
  if (SHELL_ROUTES.includes(route)) {
    const hit = await cache.match(shellURL(route), MATCH);
    if (hit) {
      return week ? asFallback(hit) : hit;
    }
  }
  if (onlyAppRoutes && !APP_ROUTES.some((re) => re.test(route))) {
    return null;
  }
  const root = await cache.match(shellURL("/"), MATCH);
  return root ? asFallback(root) : null;
}

// asFallback is the cached page resp marked as standing in for another.
async function asFallback(resp) {
  const html = (await resp.text()).replace(/<body\b/i, '<body data-shell="fallback"');
  const headers = new Headers(resp.headers);
  for (const h of ["content-length", "content-encoding", "etag"]) {
    headers.delete(h);
  }
  return new Response(html, { status: 200, statusText: "OK", headers: headers });
}
