// Injected into every document the benchmark loads, before the page's own
// scripts: it records in window.__benchReady the time (performance.now, from
// the start of navigation) when an element matching the selector (which the
// runner writes in place of $READY) is first laid out with a size, checking
// on every DOM change and every frame. It also keeps every long task the
// Long Tasks API reports (main-thread tasks over 50 ms) in
// window.__benchLongTasks as [startTime, duration], from the document's
// first script on, so that none of the page's own is missed, and the
// latest largest-contentful-paint candidate in window.__benchLCP: its time,
// size and a description of its element taken when it was painted.
(() => {
  const sel = $READY;
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__benchLongTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {
    window.__benchLongTasks = null; // no Long Tasks API here
  }
  const describe = (el) => {
    if (!el) return '(element removed before the entry was read)';
    let d = el.tagName.toLowerCase();
    if (el.id) d += '#' + el.id;
    if (el.classList.length) d += '.' + [...el.classList].join('.');
    const text = (el.textContent || '').replace(/\s+/g, ' ').trim();
    return d + (text ? ' "' + text.slice(0, 40) + (text.length > 40 ? '…' : '') + '"' : '');
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__benchLCP = { time: e.startTime, size: e.size, element: describe(e.element), node: e.element };
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch (e) { /* no LCP API: __benchLCP stays unset */ }
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
