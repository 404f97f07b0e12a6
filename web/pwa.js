// The page side of the app's loading and updates, run right after go-app's
// app.js and before the wasm starts (a deferred script, so no inline code and
// nothing for the Content-Security-Policy to allow).
//
//  1. A static host that serves /sub/movers from movers/index.html redirects
//     to /sub/movers/; the route table has no trailing slashes, so drop it
//     from the address before the wasm reads it.
//  2. go-app's full-screen loader is a slim bar over the prerendered page
//     (loader.css); this script sets its width from the label app.js writes.
//  3. A new service worker waits until the person chooses to reload: this
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

  // 2. Progress bar.
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

  // 3. Updates.
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
  var version = typeof goappGetenv === "function" ? goappGetenv("GOAPP_VERSION") : "";
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

  window.aiweeklyApplyUpdate = function () {
    sw.getRegistration().then(function (reg) {
      if (!reg || !reg.waiting) {
        location.reload();
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
      reg.waiting.postMessage({ type: "SKIP_WAITING" });
      // Should the new worker never take over, reload anyway.
      setTimeout(reload, 4000);
    }, function () {
      location.reload();
    });
  };
})();
