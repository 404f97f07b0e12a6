package e2e

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// searchGroup is one group of results as the page shows it.
type searchGroup struct {
	ID    string   `json:"id"`
	Hrefs []string `json:"hrefs"`
	View  string   `json:"view"`
}

// readSearch waits for the live /search page to show q and reads its groups.
func readSearch(t *testing.T, ctx context.Context, q string) []searchGroup {
	t.Helper()
	var gs []searchGroup
	run(t, ctx, "read the results", chromedp.Poll(`(() => {
		if (!document.querySelector('.shell[data-live="1"]') || !document.getElementById('search-count')) return null;
		if (document.getElementById('search-title').dataset.q !== `+jsString(q)+`) return null;
		return Array.from(document.querySelectorAll('.search-group')).map(g => ({ id: g.id,
			hrefs: Array.from(g.querySelectorAll('a.result')).map(a => decodeURIComponent(a.getAttribute('href'))),
			view: decodeURIComponent(g.querySelector('a.search-view').getAttribute('href')) }));
	})()`, &gs, chromedp.WithPollingTimeout(15*time.Second)))
	return gs
}

// wantSearch is what explore.Search finds for q, as the page should link it.
func wantSearch(t *testing.T, q string) []searchGroup {
	var out []searchGroup
	for _, g := range explore.Search(reportTables(t), q) {
		name := strings.TrimPrefix(string(g.Route), "/")
		view, err := url.PathUnescape(explore.State{Route: g.Route, Q: q}.Href()) // the page's links are read decoded
		if err != nil {
			t.Fatal(err)
		}
		sg := searchGroup{ID: "results-" + name, View: view}
		for _, r := range g.Rows[:min(len(g.Rows), 10)] {
			var h string
			switch g.Route {
			case explore.RouteEvents, explore.RouteFinancings:
				h = string(g.Route) + "/" + r.ID
			case explore.RouteStocks:
				h = "/stocks/" + r.Cells[0].Refs[0].Name
			default:
				h = view + "#" + r.ID
			}
			sg.Hrefs = append(sg.Hrefs, h)
		}
		out = append(out, sg)
	}
	return out
}

// TestSiteSearch focuses the top bar's box with "/", searches from it and
// checks the results against explore.Search: grouped by table, each
// linking to its record's page, its stock page or its row in the filtered
// table; /search?q=… opened directly shows the same.
func TestSiteSearch(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	open(t, ctx, s.URL+"/movers", "#count")
	// One keyDown carrying its text is a real keystroke: a page that
	// prevents its default gets no character (chromedp.KeyEvent would send
	// the character as an event of its own).
	run(t, ctx, "press /",
		input.DispatchKeyEvent(input.KeyDown).WithKey("/").WithCode("Slash").WithText("/").WithWindowsVirtualKeyCode(191),
		input.DispatchKeyEvent(input.KeyUp).WithKey("/").WithCode("Slash").WithWindowsVirtualKeyCode(191))
	var focused string
	run(t, ctx, "wait for the focus", chromedp.Poll(`document.activeElement && document.activeElement.id === "site-q" ? "site-q" : null`,
		&focused, chromedp.WithPollingTimeout(5*time.Second)))
	const q = "360"
	run(t, ctx, "type and submit", chromedp.KeyEvent(q+kb.Enter))
	got := readSearch(t, ctx, q)
	want := wantSearch(t, q)
	if len(want) < 2 || !slices.EqualFunc(got, want, func(a, b searchGroup) bool {
		return a.ID == b.ID && a.View == b.View && slices.Equal(a.Hrefs, b.Hrefs)
	}) {
		t.Errorf("/search?q=%s shows\n%+v\nwant\n%+v", q, got, want)
	}
	if len(got) == 0 || got[0].ID != "results-stocks" || !slices.Contains(got[0].Hrefs, "/stocks/三六零") {
		t.Errorf("360 does not find 三六零 first: %+v", got)
	}
	var box string
	eval(t, ctx, `document.getElementById("site-q").value`, &box)
	if box != q {
		t.Errorf("the box says %q after the search; want %q", box, q)
	}

	for _, q := range []string{"微软", "搜索", "AI芯片"} {
		open(t, ctx, s.URL+"/search?q="+url.QueryEscape(q), "#search-count")
		got, want := readSearch(t, ctx, q), wantSearch(t, q)
		if len(want) == 0 || !slices.EqualFunc(got, want, func(a, b searchGroup) bool {
			return a.ID == b.ID && a.View == b.View && slices.Equal(a.Hrefs, b.Hrefs)
		}) {
			t.Errorf("/search?q=%s shows\n%+v\nwant\n%+v", q, got, want)
		}
	}
	open(t, ctx, s.URL+"/search?q="+url.QueryEscape("没有这种词zzz"), "#search-count")
	if txt := textOf(t, ctx, "#search-count"); !strings.Contains(txt, "没有这种词zzz") {
		t.Errorf("no match says %q", txt)
	}
}
