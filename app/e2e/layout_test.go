package e2e

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/airesearch/aiweekly/app/ui"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// screenWidths are the widths every route is read at: a small phone, a
// common phone, a tablet and a desktop, in CSS pixels.
var screenWidths = []int{320, 375, 768, 1280}

// axeWidths are the widths axe-core checks, in both colour schemes.
var axeWidths = map[int]bool{375: true, 1280: true}

// screenPages are the pages every width shows: each fixed route, a stock
// page, the movers, whose returns go both ways, in the other colour
// convention, and the constituents, whose chart's links are named in the
// interface's words, in English.
func screenPages() []string {
	return append(ui.Paths(), "/stocks/360", "/movers?colors=intl", "/constituents?lang=en")
}

// layoutJS measures what a reader at this width would suffer: a page
// wider than the window, table columns narrower than six characters
// (tables laid out as cards aside), tap targets under 24×24 CSS px, chart
// labels cut with "…", and the page's height. A target may be smaller when
// it is a link inside a sentence or a list of names (WCAG 2.5.8's inline
// exception) or a chart's bar, which its table's rows repeat (the
// equivalent exception).
const layoutJS = `(() => {
  const out = {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
    height: document.documentElement.scrollHeight, narrow: [], small: [], cut: [], wide: []};
  const shown = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '') +
    ' "' + (el.textContent || el.value || '').trim().slice(0, 24) + '"';
  for (const t of document.querySelectorAll('main table')) {
    if (!shown(t) || getComputedStyle(t).display !== 'table' || !t.rows.length) continue;
    const em = parseFloat(getComputedStyle(t).fontSize);
    for (const c of t.rows[0].cells) {
      const w = c.getBoundingClientRect().width;
      if (w < 6 * em - 0.5) out.narrow.push(name(c) + ' ' + Math.round(w) + 'px');
    }
  }
  const sel = 'a[href], button, summary, input, select, [tabindex]:not([tabindex="-1"])';
  for (const el of document.querySelectorAll(sel)) {
    if (!shown(el) || el.closest('svg')) continue;
    if (el.matches('.skip') && document.activeElement !== el) continue;
    if (el.tagName === 'A' && el.closest('p, td, dd, li.inline, .event-body, .companies')) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 24 || r.height < 24) out.small.push(name(el) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
  }
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right > window.innerWidth + 1 && shown(el) && !el.closest('.table-wrap') && !el.closest('.skip')) out.wide.push(name(el) + ' right ' + Math.round(r.right));
    if (out.wide.length >= 5) break;
  }
  for (const tx of document.querySelectorAll('.chart-box svg text')) {
    if (tx.textContent.includes('…')) out.cut.push(tx.textContent);
  }
  return out;
})()`

// layoutReport is what layoutJS returns (encoding/json matches its keys
// to the fields whatever their case).
type layoutReport struct {
	ScrollWidth, InnerWidth int
	Height                  float64
	Narrow, Small, Cut      []string
	Wide                    []string
}

// chartsDrawnJS is true once every chart is drawn for the width its
// figure has (data-width), which the wasm measures after it mounts.
const chartsDrawnJS = `[...document.querySelectorAll('figure.chart')].every(f =>
  !f.querySelector('svg') || Math.abs(Number(f.dataset.width) - f.clientWidth) <= 1)`

// screenTab is a tab of its own showing the app w CSS px wide, for all the
// pages of one width: longer-lived than newTab's, since it visits them all.
func screenTab(tb testing.TB, w int) context.Context {
	tb.Helper()
	newTab(tb) // starts the shared browser
	ctx, cancel := chromedp.NewContext(browserCtx)
	ctx, cancelT := context.WithTimeout(ctx, 4*time.Minute)
	tb.Cleanup(func() { cancelT(); cancel() })
	run(tb, ctx, "emulate a screen "+strconv.Itoa(w)+" px wide", chromedp.EmulateViewport(int64(w), 800))
	return ctx
}

// openSettled opens url and waits until the wasm shows it and its charts
// are drawn for their width.
func openSettled(tb testing.TB, ctx context.Context, url string) {
	tb.Helper()
	open(tb, ctx, url, "main h1")
	run(tb, ctx, "wait for the charts of "+url, chromedp.Poll(chartsDrawnJS, nil, chromedp.WithPollingTimeout(20*time.Second)))
}

// filterFirst applies the first value of the page's first facet by
// clicking it, and waits for its chip: the page with a filter on.
func filterFirst(tb testing.TB, ctx context.Context) {
	tb.Helper()
	run(tb, ctx, "apply a facet value",
		chromedp.Evaluate(`document.querySelector('a.facet-value').click()`, nil),
		chromedp.WaitVisible(`.chip`, chromedp.ByQuery),
		chromedp.Poll(chartsDrawnJS, nil, chromedp.WithPollingTimeout(20*time.Second)))
}

// checkLayout measures the page shown in ctx, w px wide, and reports what
// a reader at that width could not read or tap; it returns the page's
// height.
func checkLayout(t *testing.T, ctx context.Context, w int, what string) float64 {
	t.Helper()
	var r layoutReport
	eval(t, ctx, layoutJS, &r)
	if r.InnerWidth != w {
		t.Fatalf("%s: the window is %d px wide, want %d", what, r.InnerWidth, w)
	}
	if r.ScrollWidth > r.InnerWidth {
		t.Errorf("%s: the page scrolls sideways: %d px wide in a %d px window; too wide: %s",
			what, r.ScrollWidth, r.InnerWidth, strings.Join(r.Wide, "; "))
	}
	if len(r.Narrow) > 0 {
		t.Errorf("%s: columns under six characters wide: %s", what, strings.Join(r.Narrow, "; "))
	}
	if len(r.Small) > 0 {
		t.Errorf("%s: tap targets under 24×24 px: %s", what, strings.Join(r.Small, "; "))
	}
	if w >= 375 && len(r.Cut) > 0 {
		t.Errorf("%s: chart labels cut: %q", what, r.Cut)
	}
	return r.Height
}

// TestScreens reads every route at each of screenWidths, with no filter
// and, on the table views, with one: no sideways scrolling of the page,
// table columns of six characters or more, tap targets of 24×24 px or
// more, charts whose labels fit; at axeWidths axe-core finds nothing in
// either colour scheme (a11y_test.go). /events, whose table becomes cards
// on narrow screens, is at most three times as tall on a phone as on a
// desktop. One tab per width visits every page.
func TestScreens(t *testing.T) {
	s := startServer(t)
	axe := axeSource(t)
	height := map[int]float64{}
	for _, w := range screenWidths {
		t.Run(strconv.Itoa(w), func(t *testing.T) {
			ctx := screenTab(t, w)
			if axeWidths[w] {
				run(t, ctx, "add axe-core to every page", chromedp.ActionFunc(func(ctx context.Context) error {
					_, err := page.AddScriptToEvaluateOnNewDocument(axe).Do(ctx)
					return err
				}))
			}
			for _, path := range screenPages() {
				what := fmt.Sprintf("%s at %d px", path, w)
				openSettled(t, ctx, s.URL+path)
				h := checkLayout(t, ctx, w, what)
				if path == "/events" {
					height[w] = h
				}
				if axeWidths[w] {
					checkAxeSchemes(t, ctx, what)
				}
				if !hasFacets(t, ctx) || (!axeWidths[w] && w != 320) {
					continue
				}
				filterFirst(t, ctx)
				checkLayout(t, ctx, w, what+" filtered")
				if axeWidths[w] {
					checkAxeSchemes(t, ctx, what+" filtered")
				}
			}
		})
	}
	t.Logf("/events is %.0f px tall at 375 px and %.0f px at 1280 px", height[375], height[1280])
	if phone, desk := height[375], height[1280]; phone > 0 && desk > 0 && phone > 3*desk {
		t.Errorf("/events is %.0f px tall at 375 px, %.1f× its %.0f px at 1280 px; want at most 3×", phone, phone/desk, desk)
	}
}

// hasFacets reports whether the page shown in ctx has facets to filter by.
func hasFacets(tb testing.TB, ctx context.Context) bool {
	tb.Helper()
	var ok bool
	eval(tb, ctx, `!!document.querySelector('a.facet-value')`, &ok)
	return ok
}

// printJS reports, under print media, what a printed page would show:
// the controls that must not print and are shown, whether the table
// header repeats on each page, the chips naming the filters and the chart.
const printJS = `(() => {
  const shown = (sel) => [...document.querySelectorAll(sel)].filter(el => el.getClientRects().length > 0).length;
  return {controls: ['.topbar', '.facets-fold', '.toolbar', '.chip-remove', '#clear-all', '.appbar button']
      .filter(sel => shown(sel) > 0),
    thead: [...document.querySelectorAll('main table:not(.cards) thead')].map(h => getComputedStyle(h).display),
    chips: shown('.chip'), charts: shown('.chart-box svg'), rows: document.querySelectorAll('main tbody tr').length};
})()`

// printReport is what printJS returns.
type printReport struct {
	Controls []string `json:"controls"`
	Thead    []string `json:"thead"`
	Chips    int      `json:"chips"`
	Charts   int      `json:"charts"`
	Rows     int      `json:"rows"`
}

// TestPrint prints a filtered view (print media emulated): the title, the
// filters as chips, the chart and the table print, with the header
// repeated on each page; navigation, facets and controls do not.
func TestPrint(t *testing.T) {
	s := startServer(t)
	ctx := screenTab(t, 1280)
	openSettled(t, ctx, s.URL+"/movers")
	filterFirst(t, ctx)
	run(t, ctx, "emulate print media", emulation.SetEmulatedMedia().WithMedia("print"))
	var r printReport
	eval(t, ctx, printJS, &r)
	if len(r.Controls) > 0 {
		t.Errorf("printed page shows %q", r.Controls)
	}
	if len(r.Thead) == 0 || slices.ContainsFunc(r.Thead, func(d string) bool { return d != "table-header-group" }) {
		t.Errorf("table headers display as %q; want table-header-group, repeated on each page", r.Thead)
	}
	if r.Chips == 0 || r.Charts == 0 || r.Rows == 0 {
		t.Errorf("printed page shows %d chips, %d charts, %d rows; want the filters, the chart and the table", r.Chips, r.Charts, r.Rows)
	}
}
