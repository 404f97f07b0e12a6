// The page side of the app's loading and updates, run right after go-app's
// app.js and before the wasm starts (a deferred script, so no inline code and
// nothing for the Content-Security-Policy to allow).
//
//  1. A static host that serves /sub/movers from movers/index.html redirects
//     to /sub/movers/; the route table has no trailing slashes, so drop it
//     from the address before the wasm reads it.
//  2. go-app's app.js runs the Go program (go.run) in the microtask right
//     after the wasm is instantiated (pkg/app/gen/app.js:240-245 in go-app
//     v10.1.11), so the end of the compile, the instantiation, Go's runtime
//     start and the package initialisation are one long task; this script
//     starts the program in a task of its own (see app/ui/goapp.go, 18).
//  3. Earlier weeks. A static host ignores the query, so for a link to an
//     earlier week (/movers?week=2023-04-09) it sends the newest week's
//     page; the export holds each earlier week's pages under a path that
//     names it (/w/2023-04-09/movers, app/site's weekPagesDir). Such a link
//     moves to that page, and that page gives the address bar the link's
//     form back, so the wasm and every link only ever see ?week=.
//  4. go-app's full-screen loader is a slim bar over the prerendered page
//     (loader.css); this script sets its width from the label app.js writes.
//  5. A page prerendered by a newer version than the code app.js runs (a
//     deploy, and the old worker's cache) gets the update banner, and the
//     wasm leaves the page as it is.
//  6. A new service worker waits until the person chooses to reload: this
//     script tells go-app (goappOnUpdate, which drives OnAppUpdate) when one
//     is installed and waiting, and aiweeklyApplyUpdate activates it, then
//     reloads once it controls the page. A page no worker controls yet asks
//     the active worker of its own version to take it over.
(function () {
  "use strict";

  var prefix = "";
  if (typeof goappGetenv === "function") {
    prefix = (goappGetenv("GOAPP_ROOT_PREFIX") || "").replace(/\/$/, "");
  }

  // 1. Trailing slash.
  var path = location.pathname;
  if (path.length > prefix.length + 1 && /\/$/.test(path)) {
    history.replaceState(history.state, "", path.replace(/\/+$/, "") + location.search + location.hash);
  }

  // 2. The Go program in a task of its own. app.js calls go.run once the
  // wasm is instantiated, without waiting for what it returns (a promise
  // of the program's end); run starts it after a posted message instead.
  if (typeof Go === "function" && typeof Go.prototype.run === "function") {
    var run = Go.prototype.run;
    Go.prototype.run = function (instance) {
      var go = this;
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function () {
          channel.port1.close();
          resolve(run.call(go, instance));
        };
        channel.port2.postMessage(null);
      });
    };
  }

  // 3. Earlier weeks.
  if (weekPage()) {
    return;
  }

  // 4. Progress bar.
  var loader = document.getElementById("app-wasm-loader");
  var label = document.getElementById("app-wasm-loader-label");
  if (loader && label) {
    loader.setAttribute("role", "progressbar");
    loader.setAttribute("aria-valuemin", "0");
    loader.setAttribute("aria-valuemax", "100");
    var show = function () {
      var m = /^\s*(\d{1,3})\s*%\s*$/.exec(label.textContent || "");
      if (m) {
        loader.style.setProperty("--progress", m[1]);
        loader.setAttribute("aria-valuenow", m[1]);
      } else if (label.textContent) {
        // app.js writes the error in the label when the wasm fails.
        loader.classList.add("failed");
        loader.removeAttribute("aria-valuenow");
      }
    };
    new MutationObserver(show).observe(label, { childList: true, characterData: true, subtree: true });
    show();
  }

  // 5. A page newer than the code. After a deploy, a reload gets the new
  // prerendered page from the network and app.js and the wasm from the old
  // version's cache; the wasm then does not start over the page (see
  // ui.StalePage), and this banner offers the reload into the new version.
  var version = typeof goappGetenv === "function" ? goappGetenv("GOAPP_VERSION") : "";
  var meta = document.querySelector('meta[name="app-version"]');
  if (meta && version && meta.getAttribute("content") !== version) {
    showStale();
  }

  // 6. Updates.
  if (!("serviceWorker" in navigator)) {
    return;
  }
  var sw = navigator.serviceWorker;
  var announced = false;
  var announce = function () {
    if (announced || !sw.controller) {
      return;
    }
    announced = true;
    if (typeof goappOnUpdate === "function") {
      goappOnUpdate();
    }
  };
  var track = function (worker) {
    if (!worker) {
      return;
    }
    if (worker.state === "installed") {
      announce();
    }
    worker.addEventListener("statechange", function () {
      if (worker.state === "installed") {
        announce();
      }
    });
  };
  var watch = function (reg) {
    if (!reg) {
      return false;
    }
    track(reg.waiting);
    track(reg.installing);
    reg.addEventListener("updatefound", function () {
      track(reg.installing);
    });
    return true;
  };
  // app.js registers the worker; on a first visit there is no registration
  // until then, and nothing to update either.
  sw.getRegistration().then(function (reg) {
    if (!watch(reg)) {
      sw.ready.then(watch);
    }
  });

  // A page the worker does not control yet (the first visit, or a reload
  // that bypassed it) asks the active worker to take it over, once the
  // worker is activated (so go-app, which announces a worker reaching
  // "activated" while the page has a controller, does not take the first
  // install for an update) and only if the worker is of the page's own
  // version (so the page never gets data from another version's cache).
  sw.ready.then(function (reg) {
    var worker = reg.active;
    var claim = function () {
      if (!sw.controller && worker.state === "activated") {
        worker.postMessage({ type: "CLAIM", version: version });
      }
    };
    claim();
    worker.addEventListener("statechange", claim);

    // Look for a new version when the page comes back into view, at most
    // every ten minutes; browsers only look on navigations, which a
    // single-page app rarely makes.
    var checked = Date.now();
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible" && Date.now() - checked > 10 * 60 * 1000) {
        checked = Date.now();
        reg.update().catch(function () {});
      }
    });
  });

  // apply activates reg's new worker and reloads. A stale page shows the
  // banner before the browser has fetched, or finished installing, the new
  // worker: apply looks for it once and waits for its install rather than
  // reload into the old version.
  var apply = function (reg, looked) {
    var next = reg && (reg.waiting || reg.installing);
    if (!next && reg && !looked && document.documentElement.hasAttribute("data-stale")) {
      reg.update().then(function () {
        apply(reg, true);
      }, function () {
        location.reload();
      });
      return;
    }
    if (!next) {
      location.reload();
      return;
    }
    if (next.state !== "installed") {
      next.addEventListener("statechange", function () {
        if (next.state === "installed" || next.state === "redundant") {
          apply(reg, true);
        }
      });
      return;
    }
    var reloaded = false;
    var reload = function () {
      if (!reloaded) {
        reloaded = true;
        location.reload();
      }
    };
    sw.addEventListener("controllerchange", reload);
    next.postMessage({ type: "SKIP_WAITING" });
    // Should the new worker never take over, reload anyway.
    setTimeout(reload, 4000);
  };

  window.aiweeklyApplyUpdate = function () {
    sw.getRegistration().then(function (reg) {
      apply(reg, false);
    }, function () {
      location.reload();
    });
  };

  // weekPage gives the page of an earlier week, opened by the path the
  // export writes it under, the address of its link, and moves a link to
  // an earlier week that got another week's page (from a static host) to
  // that week's own page; it reports whether it did the latter, and the
  // page is left to go. The move is made only from a link's address and
  // only to a week the page names (meta app-week-pages, which the export
  // has pages of), never from a week's own page, so it happens once at
  // most: a page the host lacks gets 404.html, which stays.
  function weekPage() {
    var meta = document.querySelector('meta[name="app-week-pages"]');
    var weeks = meta ? (meta.getAttribute("content") || "").split(/\s+/) : [];
    var below = location.pathname.slice(prefix.length);
    var m = /^\/w\/(\d{4}-\d{2}-\d{2})(\/.*)?$/.exec(below);
    if (m) {
      if (weeks.indexOf(m[1]) >= 0) {
        history.replaceState(history.state, "", prefix + (m[2] || "/") + "?" + withWeek(location.search, m[1]) + location.hash);
      }
      return false;
    }
    var asked = firstWeek(location.search);
    var shell = document.querySelector(".shell[data-week]");
    var shown = shell && shell.getAttribute("data-week");
    // The service worker marks a page it serves offline for another week
    // as a fallback (app/ui/worker.js): the wasm renders the week then.
    var fallback = document.body && document.body.getAttribute("data-shell") === "fallback";
    if (!asked || weeks.indexOf(asked) < 0 || !shown || shown === asked || fallback) {
      return false;
    }
    location.replace(prefix + "/w/" + asked + (below === "" ? "/" : below) + location.search + location.hash);
    return true;
  }

  // firstWeek is the first week parameter of the query search, the one
  // the app reads; "" for none.
  function firstWeek(search) {
    var parts = search.replace(/^\?/, "").split("&");
    for (var i = 0; i < parts.length; i++) {
      var kv = parts[i].split("=");
      if (decode(kv[0]) === "week") {
        return decode(kv.slice(1).join("="));
      }
    }
    return "";
  }

  // withWeek is the query search (without its "?") naming week date: as
  // it is when its first week parameter is date, otherwise without its
  // week parameters and date's appended, the rest as written (app/site's
  // withWeek does the same for the Go server's redirect).
  function withWeek(search, date) {
    var query = search.replace(/^\?/, "");
    if (firstWeek(search) === date) {
      return query;
    }
    var kept = query.split("&").filter(function (p) {
      return p !== "" && decode(p.split("=")[0]) !== "week";
    });
    kept.push("week=" + date);
    return kept.join("&");
  }

  function decode(s) {
    try {
      return decodeURIComponent(s.replace(/\+/g, " "));
    } catch (e) {
      return s;
    }
  }

  // showStale marks the page stale and shows the app bar's update banner,
  // as the wasm would (app/ui/app-bar.go, with the strings of
  // app/ui/messages.go), since the wasm does not run over this page.
  function showStale() {
    document.documentElement.setAttribute("data-stale", "");
    if (document.getElementById("reload-update")) {
      return;
    }
    var banner = document.createElement("div");
    banner.className = "banner update";
    banner.setAttribute("role", "status");
    var text = document.createElement("span");
    text.textContent = "新版本已就绪。";
    var button = document.createElement("button");
    button.id = "reload-update";
    button.textContent = "重新加载";
    button.addEventListener("click", function () {
      if (typeof window.aiweeklyApplyUpdate === "function") {
        window.aiweeklyApplyUpdate();
      } else {
        location.reload();
      }
    });
    banner.appendChild(text);
    banner.appendChild(button);
    var bar = document.querySelector(".appbar");
    if (bar) {
      bar.insertBefore(banner, bar.firstChild);
    } else {
      document.body.insertBefore(banner, document.body.firstChild);
    }
  }
})();
