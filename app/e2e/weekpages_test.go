package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/app/testkit"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
)

// TestWeekExportPrerendered exports both weeks for the prefix /sub and
// serves the export with Go's plain file server, which ignores the query
// as every static host does. A link to the earlier week, opened cold with
// app.wasm held back, shows that week's prerendered page at the link's
// address before the wasm runs, and the same once it has; the week's own
// path, opened as a link, gets the link's address too.
func TestWeekExportPrerendered(t *testing.T) {
	ensureBuilt(t)
	newest, older := bothReports(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(exportSub(t, "-weeks", testkit.SyntheticWeeks))))
	t.Cleanup(srv.Close)
	date := older.Meta.ReportDate
	ctx := newIsolatedTab(t)
	release := holdWasm(t, ctx)

	// The page shown holds want and not notWant ("" for anything), and
	// its address is link.
	check := func(when, link string, want, notWant string) {
		t.Helper()
		if txt := textOf(t, ctx, "main"); !strings.Contains(txt, want) || notWant != "" && strings.Contains(txt, notWant) {
			t.Errorf("%s, %s shows other figures than %s's (want %s, not %s):\n%s", when, link, date, want, notWant, txt)
		}
		if u := locationOf(t, ctx); u.RequestURI() != link {
			t.Errorf("%s, the address bar is %s; want %s", when, u.RequestURI(), link)
		}
	}
	link := "/sub/movers?list=ytd-gainers&week=" + date
	oldFig, newFig := signed(older.Movers.YTDGainers[0].Return), signed(newest.Movers.YTDGainers[0].Return)
	run(t, ctx, "open "+link, chromedp.Navigate(srv.URL+link),
		chromedp.WaitVisible(`.shell[data-live="0"][data-week="`+date+`"] #ytd-gainers table`, chromedp.ByQuery))
	check("before the wasm runs", link, oldFig, newFig)
	release()
	waitWeek(t, ctx, date)
	check("once the wasm runs", link, oldFig, newFig)

	// Go's file server redirects /sub/w/DATE/movers to /sub/w/DATE/movers/.
	own := "/sub/w/" + date + "/movers?list=period-losers"
	open(t, ctx, srv.URL+own, "#period-losers table")
	waitWeek(t, ctx, date)
	check("opened by the week's own path", "/sub/movers?list=period-losers&week="+date,
		signed(older.MoverList(report.PeriodLosers)[0].Return), signed(newest.MoverList(report.PeriodLosers)[0].Return))
}

// holdWasm pauses the page's requests for app.wasm until the returned
// function is called (at the latest when the test ends).
func holdWasm(tb testing.TB, ctx context.Context) (release func()) {
	tb.Helper()
	released := make(chan struct{})
	var once sync.Once
	release = func() { once.Do(func() { close(released) }) }
	tb.Cleanup(release)
	chromedp.ListenTarget(ctx, func(ev any) {
		e, ok := ev.(*fetch.EventRequestPaused)
		if !ok {
			return
		}
		// A listener must not block; the wait and the reply run apart.
		go func() {
			<-released
			_ = chromedp.Run(ctx, fetch.ContinueRequest(e.RequestID))
		}()
	})
	run(tb, ctx, "intercept app.wasm", fetch.Enable().WithPatterns([]*fetch.RequestPattern{{URLPattern: "*app.wasm*"}}))
	return release
}
