package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
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
	b, err := os.ReadFile(filepath.Join(root, "bin", "axe", "node_modules", "axe-core", "axe.min.js"))
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
