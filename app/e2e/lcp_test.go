package e2e

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// lcpProbeJS runs before the page's own scripts: it records every
// largest-contentful-paint entry with its element, its size and whether
// the element is the wasm's (inside the shell the wasm rendered, which
// carries a data-live other than 0, "staging" included). It asks the element, not the page's state when the
// entry is reported: the observer reports late on a busy machine, after
// the wasm took over, and go-app's mount replaces every prerendered
// element, whose entries then have no element.
const lcpProbeJS = `(() => {
  window.__lcp = [];
  const live = (el) => !!(el && el.closest('.shell:not([data-live="0"])'));
  const desc = (el) => !el ? '' : el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const r = e.element ? e.element.getBoundingClientRect() : {top: 0, left: 0, width: 0, height: 0};
      window.__lcp.push({el: desc(e.element), size: e.size, time: e.startTime, live: live(e.element),
        rect: [r.left, r.top, r.width, r.height].map(Math.round),
        text: e.element ? (e.element.textContent || '').slice(0, 40) : ''});
    }
  }).observe({type: 'largest-contentful-paint', buffered: true});
})()`

// lcpEntry is one largest-contentful-paint entry as lcpProbeJS keeps it.
type lcpEntry struct {
	El   string  `json:"el"`
	Size float64 `json:"size"`
	Time float64 `json:"time"`
	Live bool    `json:"live"`
	Text string  `json:"text"`
	Rect []int   `json:"rect"` // left, top, width, height when reported
}

// TestLargestPaintIsPrerendered loads each route cold and reads the
// largest-contentful-paint entries the page reports until well after the
// wasm took over. The largest content must be the prerendered page's: no
// entry may be reported once the wasm has rendered (the browser reports a
// new entry only for a later, larger element), so the content a reader
// sees at first paint is the content they keep. go-app replaces the
// prerendered DOM when the wasm mounts, so each element is painted anew:
// if anything moved it (the install button the app bar showed above the
// page did, by 47 px on a phone), the same key point of / was measured a
// pixel larger and became a new, late candidate (Lighthouse's 10.5 s).
//
// Each route loads in a browser context of its own (no cache, no service
// worker from the route before), and app.wasm is held until the
// prerendered page has painted: on a phone the wasm arrives seconds after
// the first paint, and on a loaded machine with a warm cache it could
// otherwise mount first, leaving nothing to compare.
func TestLargestPaintIsPrerendered(t *testing.T) {
	s := startServer(t)
	for _, path := range []string{"/", "/movers", "/constituents", "/events"} {
		t.Run(pathName(path), func(t *testing.T) {
			ctx := newIsolatedTab(t)
			holdWasmUntilPaint(t, ctx)
			// Lighthouse's mobile screen: a phone's width is where the
			// wasm's render could differ from the prerendered one.
			run(t, ctx, "emulate a phone", chromedp.EmulateViewport(412, 823, chromedp.EmulateScale(1.75), chromedp.EmulateMobile),
				chromedp.ActionFunc(func(ctx context.Context) error {
					_, err := page.AddScriptToEvaluateOnNewDocument(lcpProbeJS).Do(ctx)
					return err
				}))
			open(t, ctx, s.URL+path, "main h1")
			// The chart and the rest of the first render settle within a
			// few frames; wait for two animation frames and some slack.
			time.Sleep(time.Second)
			var got []lcpEntry
			eval(t, ctx, `window.__lcp`, &got)
			if len(got) == 0 {
				t.Fatal("no largest-contentful-paint entry")
			}
			for _, e := range got {
				t.Logf("LCP %s %v %.0f px² at %.0f ms, wasm's %v: %q", e.El, e.Rect, e.Size, e.Time, e.Live, e.Text)
			}
			if got[0].Live {
				t.Fatalf("the first paint was the wasm's although app.wasm was held until the prerendered page painted")
			}
			if last := got[len(got)-1]; last.Live {
				t.Errorf("the largest content (%s, %.0f px², %q) was the wasm's, painted at %.0f ms; the first, prerendered, at %.0f ms was %s (%.0f px²)",
					last.El, last.Size, last.Text, last.Time, got[0].Time, got[0].El, got[0].Size)
			}
		})
	}
}

// newIsolatedTab is newTab in a browser context of its own: an empty
// cache and no service worker, as a first visit. It makes the context and
// its window itself: chromedp's WithNewBrowserContext opens a tab with no
// window, which this Chromium refuses ("no browser is open").
func newIsolatedTab(tb testing.TB) context.Context {
	tb.Helper()
	newTab(tb) // starts the browser on first use
	var id target.ID
	var bc cdp.BrowserContextID
	// Browser contexts are the browser's to make, not a tab's.
	bctx := cdp.WithExecutor(browserCtx, chromedp.FromContext(browserCtx).Browser)
	err := func() error {
		var err error
		if bc, err = target.CreateBrowserContext().Do(bctx); err != nil {
			return err
		}
		id, err = target.CreateTarget("about:blank").WithBrowserContextID(bc).WithNewWindow(true).Do(bctx)
		return err
	}()
	if err != nil {
		tb.Fatalf("open a tab in a new browser context: %v", err)
	}
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithTargetID(id))
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	tb.Cleanup(func() {
		cancelT()
		cancel()
		_ = target.DisposeBrowserContext(bc).Do(bctx)
	})
	return ctx
}

// holdWasmUntilPaint pauses the page's request for app.wasm until the
// page has reported a largest-contentful-paint entry (the prerendered
// page has painted), or 20 seconds have passed.
func holdWasmUntilPaint(tb testing.TB, ctx context.Context) {
	tb.Helper()
	chromedp.ListenTarget(ctx, func(ev any) {
		e, ok := ev.(*fetch.EventRequestPaused)
		if !ok {
			return
		}
		// A listener must not block; the wait and the reply run apart.
		go func() {
			if strings.Contains(e.Request.URL, "app.wasm") {
				_ = chromedp.Run(ctx, chromedp.Poll(`window.__lcp && window.__lcp.length > 0`, nil,
					chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second)))
			}
			_ = chromedp.Run(ctx, fetch.ContinueRequest(e.RequestID))
		}()
	})
	run(tb, ctx, "intercept app.wasm", fetch.Enable().WithPatterns([]*fetch.RequestPattern{{URLPattern: "*app.wasm*"}}))
}

// pathName names a subtest after a route: "home" for /, else the path
// without its leading slash.
func pathName(path string) string {
	if path == "/" {
		return "home"
	}
	return strings.TrimPrefix(path, "/")
}

// TestChartKeepsItsHeight loads / and /events on a phone's screen twice:
// once with app.wasm held for good (the prerendered page, whose vertical
// chart the server drew 640 px wide and the browser scales down) and once
// live, after the wasm redrew the chart at its figure's width. The caption
// under the chart must sit where it was: go-app replaces the prerendered
// caption when it mounts, and moved (by the 2.4 px that the two drawings'
// heights differed on a 412 px screen) it measured larger and became
// Lighthouse's largest paint of /events, at 9 s.
func TestChartKeepsItsHeight(t *testing.T) {
	s := startServer(t)
	for path, id := range map[string]string{"/": "chart-index", "/events": "chart-events"} {
		t.Run(pathName(path), func(t *testing.T) {
			phone := chromedp.EmulateViewport(412, 823, chromedp.EmulateScale(1.75), chromedp.EmulateMobile)
			// The caption's top, from the figure's top: the chart's height.
			js := fmt.Sprintf(`(() => { const f = document.getElementById(%q), c = document.getElementById(%q);
  return f && c ? c.getBoundingClientRect().top - f.getBoundingClientRect().top : -1; })()`, id, id+"-note")

			pre := newIsolatedTab(t)
			// Paused and never continued: the page stays as the server sent it.
			run(t, pre, "hold app.wasm", phone, fetch.Enable().WithPatterns([]*fetch.RequestPattern{{URLPattern: "*app.wasm*"}}),
				chromedp.Navigate(s.URL+path), chromedp.WaitVisible("#"+id+"-note", chromedp.ByQuery))
			var before float64
			eval(t, pre, js, &before)

			ctx := newIsolatedTab(t)
			run(t, ctx, "emulate a phone", phone)
			open(t, ctx, s.URL+path, "#"+id+" svg")
			waitChart(t, ctx, id, measured)
			var after float64
			eval(t, ctx, js, &after)
			t.Logf("%s: caption %.2f px below the figure's top prerendered, %.2f px live", id, before, after)
			if before <= 0 || math.Abs(after-before) > 0.5 {
				t.Errorf("%s: the caption is %.2f px below the figure's top live, %.2f px prerendered: the wasm's redraw changed the chart's height", id, after, before)
			}
		})
	}
}
