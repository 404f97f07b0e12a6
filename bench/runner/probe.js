// Injected into every document the benchmark loads, before the page's own
// scripts: it records in window.__benchReady the time (performance.now, from
// the start of navigation) when an element matching the selector (which the
// runner writes in place of $READY) is first laid out with a size, checking
// on every DOM change and every frame.
(() => {
  const sel = $READY;
  const check = () => {
    if (window.__benchReady) return true;
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return false;
    window.__benchReady = performance.now();
    return true;
  };
  const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
  mo.observe(document, { subtree: true, childList: true, attributes: true });
  const tick = () => { if (!check()) requestAnimationFrame(tick); else mo.disconnect(); };
  requestAnimationFrame(tick);
})();
//# sourceURL=bench-probe.js
