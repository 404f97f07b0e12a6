// Times keystrokes in the search box and clicks on facet values inside the
// page: performance.now() just before the input or click event is
// dispatched, until a MutationObserver sees the DOM hold the rows that the
// new state shows. What each state shows (its "signature": the row count
// line, the number of rows and the first and last row ids) is learnt first
// by applying each state once and waiting for the page to settle; a step
// whose signature equals the current one cannot be timed and is skipped.
async (cfg) => {
  const rowSel = 'main table.data tbody tr';
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const sig = () => {
    const rows = document.querySelectorAll(rowSel);
    const c = document.querySelector('#count');
    const ends = rows.length ? rows[0].id + '|' + rows[rows.length - 1].id : '';
    return (c ? c.textContent : '') + '|' + rows.length + '|' + ends;
  };
  const watch = { subtree: true, childList: true, characterData: true, attributes: true };
  // quiet waits until the page has not changed for ms, at most limit ms.
  const quiet = async (ms, limit) => {
    let last = performance.now();
    const mo = new MutationObserver(() => { last = performance.now(); });
    mo.observe(document.body, watch);
    const end = performance.now() + limit;
    while (performance.now() - last < ms && performance.now() < end) await sleep(10);
    mo.disconnect();
  };
  // timed runs act and resolves with the milliseconds until the page shows
  // want, or -1 after cfg.timeout; it counts the DOM mutation records seen
  // until then into muts.
  const muts = [];
  const timed = (act, want) => new Promise((resolve) => {
    let done = false;
    let t0 = 0;
    let n = 0;
    const finish = (v) => {
      if (done) return;
      done = true;
      // Records not yet delivered: an update made while the event was
      // dispatched is there before any callback runs.
      n += mo.takeRecords().length;
      mo.disconnect();
      clearTimeout(timer);
      muts.push(n);
      resolve(v);
    };
    const mo = new MutationObserver((recs) => {
      n += recs.length;
      if (sig() === want) finish(performance.now() - t0);
    });
    mo.observe(document.body, watch);
    const timer = setTimeout(() => finish(-1), cfg.timeout);
    t0 = performance.now();
    act();
    if (sig() === want) finish(performance.now() - t0);
  });
  const settle = () => quiet(cfg.settle, 60000);

  const search = async () => {
    const input = () => document.querySelector('#q');
    if (!input()) return { note: 'no search box #q on ' + location.pathname };
    const names = Array.from(document.querySelectorAll(rowSel + ' td.col-name, ' + rowSel + ' td.col-title'))
      .map((td) => td.textContent.trim()).filter((s) => [...s].length >= 3);
    if (!names.length) return { note: 'no name of three or more characters to type' };
    const name = [...names[Math.floor(names.length / 2)]];
    const prefix = (n) => name.slice(0, n).join('');
    // Type three characters, then delete them one by one.
    const steps = [prefix(1), prefix(2), prefix(3), prefix(2), prefix(1), ''];
    const type = (q) => () => {
      const el = input();
      el.value = q;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    };
    const want = {};
    for (const q of steps) {
      type(q)();
      await settle();
      want[q] = sig();
    }
    const samples = [];
    let timeouts = 0, skipped = 0;
    let cur = sig();
    for (let i = 0; samples.length + timeouts < cfg.samples && i < cfg.samples * 6; i++) {
      const q = steps[i % steps.length];
      if (want[q] === cur) { skipped++; continue; }
      const ms = await timed(type(q), want[q]);
      if (ms < 0) timeouts++; else samples.push(ms);
      await quiet(cfg.gap, 10000);
      cur = sig();
    }
    type('')();
    await settle();
    return { samples, mutations: muts.splice(0), timeouts, skipped, note: 'typed ' + prefix(3) + ' and deleted it' };
  };

  const facet = async () => {
    const find = (f, v) => Array.from(document.querySelectorAll('a.facet-value'))
      .find((a) => a.dataset.facet === f && a.dataset.value === v);
    const click = (f, v) => () => { const a = find(f, v); if (a) a.click(); };
    // Up to two values of each facet, each toggled on and off again.
    const seen = {};
    const cands = Array.from(document.querySelectorAll('a.facet-value:not(.on)'))
      .map((a) => [a.dataset.facet, a.dataset.value])
      .filter(([f]) => (seen[f] = (seen[f] || 0) + 1) <= 2);
    if (!cands.length) return { note: 'no facet value to click on ' + location.pathname };
    const base = sig();
    const chosen = [];
    for (const [f, v] of cands) {
      click(f, v)();
      await settle();
      const on = sig();
      click(f, v)();
      await settle();
      if (on !== base && sig() === base) chosen.push([f, v, on]);
      if (sig() !== base) return { note: 'toggling ' + f + '=' + v + ' twice did not restore the view' };
    }
    if (!chosen.length) return { note: 'no facet value changed the rows' };
    const samples = [];
    let timeouts = 0;
    for (let i = 0; samples.length + timeouts < cfg.samples; i++) {
      const [f, v, on] = chosen[Math.floor(i / 2) % chosen.length];
      const ms = await timed(click(f, v), i % 2 === 0 ? on : base);
      if (ms < 0) timeouts++; else samples.push(ms);
      await quiet(cfg.gap, 10000);
    }
    return { samples, mutations: muts.splice(0), timeouts, note: chosen.map(([f, v]) => f + '=' + v).join(', ') };
  };

  await settle();
  const nodes = document.getElementsByTagName('*').length;
  const s = await search();
  const f = await facet();
  return { nodes, search: s, facet: f };
}
