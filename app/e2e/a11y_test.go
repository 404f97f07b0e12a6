package e2e

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// axeSource is axe-core's axe.min.js, which `make browser-deps` installs
// from npm, pinned, into bin/axe.
func axeSource(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(root + "/bin/axe/node_modules/axe-core/axe.min.js")
	if err != nil {
		tb.Fatalf("axe-core is missing (run `make browser-deps`): %v", err)
	}
	return string(b)
}

// axeRunJS runs axe-core over the whole page, every rule of every impact,
// and returns the violations with up to five of their elements each.
const axeRunJS = `(async () => {
  const r = await axe.run(document, {resultTypes: ['violations']});
  return r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 200)),
    count: v.nodes.length}));
})()`

// axeViolation is one rule axe-core found broken, as axeRunJS returns it.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
	Count  int      `json:"count"`
}

// checkAxe fails the test with every violation axe-core finds on the page.
func checkAxe(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	var vs []axeViolation
	run(t, ctx, "run axe-core on "+what, chromedp.Evaluate(axeRunJS, &vs, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
		return p.WithAwaitPromise(true)
	}))
	for _, v := range vs {
		t.Errorf("%s: axe %s (%s, %d elements): %s\n\t%s", what, v.ID, v.Impact, v.Count, v.Help, strings.Join(v.Nodes, "\n\t"))
	}
}

// chartsSVGJS is the markup of the page's charts, which a change of colour
// scheme redraws.
const chartsSVGJS = `[...document.querySelectorAll('.chart-box svg')].map(s => s.outerHTML).join('')`

// checkAxeSchemes runs axe-core on the page in the light colour scheme,
// then in the dark one once the charts are drawn again for it, and goes
// back to light.
func checkAxeSchemes(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	checkAxe(t, ctx, what+", light")
	var before string
	eval(t, ctx, chartsSVGJS, &before)
	setScheme(t, ctx, "dark", before)
	checkAxe(t, ctx, what+", dark")
	eval(t, ctx, chartsSVGJS, &before)
	setScheme(t, ctx, "light", before)
}

// setScheme emulates prefers-color-scheme: scheme and waits until the
// charts, drawn as before, are drawn anew.
func setScheme(t *testing.T, ctx context.Context, scheme, before string) {
	t.Helper()
	run(t, ctx, "emulate the "+scheme+" colour scheme",
		emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}))
	if before == "" {
		return
	}
	js := fmt.Sprintf(`(%s) !== %q`, chartsSVGJS, before)
	run(t, ctx, "wait for the charts in the "+scheme+" scheme", chromedp.Poll(js, nil, chromedp.WithPollingTimeout(10*time.Second)))
}

// activeJS describes the focused element: tag, id and classes.
const activeJS = `(() => { const el = document.activeElement;
  return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : ''); })()`

// press focuses sel (when not empty), presses key and waits until the
// focused element matches want (a CSS selector), failing with where focus
// went instead.
func press(t *testing.T, ctx context.Context, sel, key, want, what string) {
	t.Helper()
	acts := []chromedp.Action{}
	if sel != "" {
		acts = append(acts, chromedp.Focus(sel, chromedp.ByQuery))
	}
	acts = append(acts, chromedp.KeyEvent(key))
	run(t, ctx, what, acts...)
	js := fmt.Sprintf(`document.activeElement.matches(%q)`, want)
	if err := chromedp.Run(ctx, chromedp.Poll(js, nil, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		var got string
		eval(t, ctx, activeJS, &got)
		t.Errorf("%s: focus on %s; want %s", what, got, want)
	}
}

// waitFor waits until js is true.
func waitFor(t *testing.T, ctx context.Context, js, what string) {
	t.Helper()
	run(t, ctx, what, chromedp.Poll(js, nil, chromedp.WithPollingTimeout(10*time.Second)))
}

// TestKeyboardWalk uses the table views with the keyboard only: the skip
// links, search, a facet, removing chips and clearing them all, sorting,
// exporting and a chart's bar. After each action focus is on the element
// acted on or, when that is gone, on the next chip, the search box or the
// table's caption, never on the body; the live region says the count once
// the view settles.
func TestKeyboardWalk(t *testing.T) {
	s := startServer(t)
	ctx := screenTab(t, 1280)
	openSettled(t, ctx, s.URL+"/movers")
	run(t, ctx, "start at the top", chromedp.Evaluate(`document.activeElement.blur()`, nil))
	press(t, ctx, "", "\t", `a.skip[href="#main"]`, "first Tab")
	press(t, ctx, `a.skip[href="#results"]`, "\r", `#results`, "skip to results")
	press(t, ctx, "", "\t", `#q`, "Tab after skipping to the results")

	run(t, ctx, "type a search", chromedp.SendKeys(`#q`, "科技", chromedp.ByQuery))
	waitFor(t, ctx, `location.search.includes('q=') && document.querySelector('.chip') !== null`, "wait for the search's chip")
	waitFor(t, ctx, `document.getElementById('count-live').textContent === document.getElementById('count').textContent`,
		"wait for the live region to say the count")

	press(t, ctx, `a.facet-value`, "\r", `a.facet-value`, "facet with Enter")
	waitFor(t, ctx, `document.querySelectorAll('.chip').length === 2`, "wait for the facet's chip")
	press(t, ctx, `.chip-remove`, "\r", `.chip-remove`, "remove the first of two chips")
	waitFor(t, ctx, `document.querySelectorAll('.chip').length === 1`, "wait for one chip")
	press(t, ctx, "", "\r", `#q`, "remove the last chip")
	waitFor(t, ctx, `document.querySelectorAll('.chip').length === 0`, "wait for no chip")

	press(t, ctx, `a.facet-value`, "\r", `a.facet-value`, "facet with Enter again")
	waitFor(t, ctx, `document.getElementById('clear-all') !== null`, "wait for 清除全部筛选")
	press(t, ctx, `#clear-all`, "\r", `#q`, "clear all filters")

	sortBtn := `th[aria-sort] button.sort`
	press(t, ctx, sortBtn, "\r", sortBtn, "sort with Enter")
	waitFor(t, ctx, `[...document.querySelectorAll('th[aria-sort]')].some(th => th.getAttribute('aria-sort') === 'ascending' || th.getAttribute('aria-sort') === 'descending')`,
		"wait for a header to announce its sort")
	press(t, ctx, `#export-csv`, "\r", `#export-csv`, "export with Enter")

	openSettled(t, ctx, s.URL+"/constituents")
	press(t, ctx, `.chart-box svg a`, "\r", `#rows caption`, "Enter on a chart bar")
	waitFor(t, ctx, `document.querySelector('.chip') !== null`, "wait for the bar's filter")
}
