package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// lcpProbeJS runs before the page's own scripts: it records every
// largest-contentful-paint entry with its element, its size and whether the
// wasm had already taken over the page (the shell's data-live) when the
// entry was reported, and marks every element of the prerendered page, so
// the test can tell whether the last candidate was there before the wasm.
const lcpProbeJS = `(() => {
  window.__lcp = [];
  const live = () => !!document.querySelector('.shell[data-live="1"]');
  const desc = (el) => !el ? '' : el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const r = e.element ? e.element.getBoundingClientRect() : {top: 0, left: 0, width: 0, height: 0};
      window.__lcp.push({el: desc(e.element), size: e.size, time: e.startTime, live: live(),
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
func TestLargestPaintIsPrerendered(t *testing.T) {
	s := startServer(t)
	for _, path := range []string{"/", "/movers", "/constituents", "/events"} {
		t.Run(strings.TrimPrefix(path, "/"), func(t *testing.T) {
			ctx := newTab(t)
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
				t.Logf("LCP %s %v %.0f px² at %.0f ms, live %v: %q", e.El, e.Rect, e.Size, e.Time, e.Live, e.Text)
			}
			if last := got[len(got)-1]; last.Live {
				t.Errorf("the largest content (%s, %.0f px², %q) was painted after the wasm took over, at %.0f ms; the first at %.0f ms was %s (%.0f px²)",
					last.El, last.Size, last.Text, last.Time, got[0].Time, got[0].El, got[0].Size)
			}
		})
	}
}
