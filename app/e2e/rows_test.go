package e2e

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/testkit"
	"github.com/airesearch/aiweekly/app/ui"
	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// waitLong is how long these tests poll for what a page shows: a loaded
// machine may take seconds to run the wasm.
var waitLong = chromedp.WithPollingTimeout(15e9) // ns

// TestRowPages opens the page of every event, news item and financing:
// its title, its companies linked to their stock pages and a link back to
// its row; an unknown id answers 404 with the not-found page.
func TestRowPages(t *testing.T) {
	s := startServer(t)
	rep := testkit.LoadReport(t)
	// companyNames are the display names of the companies with ids.
	companyNames := func(ids []string) []string {
		out := make([]string, len(ids))
		for i, id := range ids {
			c, _ := rep.CompanyByID(id)
			out[i] = c.Name
		}
		return out
	}
	type record struct {
		path, title, back string
		companies         []string
		text              []string // shown somewhere on the page
	}
	var recs []record
	for it := range rep.Events.All() {
		recs = append(recs, record{"/events/" + it.ID, it.Title, "/events#" + it.ID,
			companyNames(it.Companies), it.Body()})
	}
	for _, f := range rep.Financings.Items {
		recs = append(recs, record{"/financings/" + f.ID, f.Name, "/financings#" + f.ID,
			companyNames([]string{f.Company}), []string{f.Amount.AsPrinted, f.Business, f.Highlights}})
	}
	for _, r := range recs {
		t.Run(r.path, func(t *testing.T) {
			if res, err := http.Get(s.URL + r.path); err != nil || res.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: %v %v", r.path, res.Status, err)
			}
			// A tab per page: a slow page on a busy machine spends its
			// own time limit, not the pages' after it.
			ctx := newTab(t)
			open(t, ctx, s.URL+r.path, "#record h1")
			var got struct {
				H1        string   `json:"h1"`
				Text      string   `json:"text"`
				Companies []string `json:"companies"`
				Hrefs     []string `json:"hrefs"`
				Back      string   `json:"back"`
			}
			eval(t, ctx, `(() => { const all = (s) => Array.from(document.querySelectorAll(s));
				return { h1: document.querySelector('#record h1').textContent,
					text: document.getElementById('record').innerText,
					companies: all('#record a.company').map(a => a.textContent),
					hrefs: all('#record a.company').map(a => decodeURIComponent(a.getAttribute('href'))),
					back: document.getElementById('record-in-table').getAttribute('href') }; })()`, &got)
			if got.H1 != r.title {
				t.Errorf("h1 = %q; want %q", got.H1, r.title)
			}
			if strings.Join(got.Companies, "|") != strings.Join(r.companies, "|") {
				t.Errorf("companies %q; want %q", got.Companies, r.companies)
			}
			for i, h := range got.Hrefs {
				if h != "/stocks/"+got.Companies[i] {
					t.Errorf("company link %q; want /stocks/%s", h, got.Companies[i])
				}
			}
			if got.Back != r.back {
				t.Errorf("link to the row %q; want %q", got.Back, r.back)
			}
			for _, want := range r.text {
				if !strings.Contains(got.Text, strings.TrimSpace(want)) {
					t.Errorf("the page lacks %q", want)
				}
			}
		})
	}
	t.Run("unknown id", func(t *testing.T) {
		for _, p := range []string{"/events/ce-99", "/financings/nope", "/events/ce-1/x"} {
			res, err := http.Get(s.URL + p)
			if err != nil || res.StatusCode != http.StatusNotFound {
				t.Errorf("GET %s: %v %v; want 404", p, res.Status, err)
			}
		}
		ctx := newTab(t)
		open(t, ctx, s.URL+"/events/ce-99", "main h1")
		if h := textOf(t, ctx, "main h1"); h != ui.Message(explore.LangZH, "notfound.title") {
			t.Errorf("h1 = %q; want the not-found title", h)
		}
		if txt := textOf(t, ctx, "main"); !strings.Contains(txt, "ce-99") {
			t.Errorf("the not-found page does not name the id:\n%s", txt)
		}
	})
}

// TestRowPermalinks opens a table at a row's fragment: once the wasm has
// rendered, the row is marked and in view; each row's link is its page, and
// "copy" puts that address on the clipboard.
func TestRowPermalinks(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	run(t, ctx, "grant clipboard", browser.GrantPermissions([]browser.PermissionType{
		browser.PermissionTypeClipboardReadWrite, browser.PermissionTypeClipboardSanitizedWrite}).WithOrigin(s.URL))
	rep := testkit.LoadReport(t)
	last := rep.Events.OverseasNews[len(rep.Events.OverseasNews)-1].ID
	open(t, ctx, s.URL+"/events#"+last, "tr.marked")
	var st struct {
		Marked []string `json:"marked"`
		InView bool     `json:"inView"`
		Link   string   `json:"link"`
	}
	run(t, ctx, "wait for the marked row in view", chromedp.Poll(`(() => {
		const m = Array.from(document.querySelectorAll('tr.marked')).map(r => r.id);
		const r = document.getElementById(`+"`"+last+"`"+`).getBoundingClientRect();
		const inView = r.top >= 0 && r.bottom <= innerHeight;
		if (!inView) return null;
		return { marked: m, inView, link: document.querySelector('tr[id="`+last+`"] a.permalink').getAttribute('href') };
	})()`, &st, waitLong))
	if len(st.Marked) != 1 || st.Marked[0] != last {
		t.Errorf("marked rows %q; want only %s", st.Marked, last)
	}
	if st.Link != "/events/"+last {
		t.Errorf("permalink %q; want /events/%s", st.Link, last)
	}
	// Another fragment on the same page moves the mark.
	first := rep.Events.CompanyEvents[0].ID
	run(t, ctx, "follow a fragment", chromedp.Evaluate(`location.hash = "`+first+`"`, nil))
	var marked []string
	run(t, ctx, "wait for the new mark", chromedp.Poll(`(() => { const m = Array.from(document.querySelectorAll('tr.marked')).map(r => r.id);
		return m.length === 1 && m[0] === "`+first+`" ? m : null; })()`, &marked, waitLong))

	open(t, ctx, s.URL+"/movers", "tr[id] .row-copy")
	var want string
	eval(t, ctx, `location.origin + document.querySelector('tbody tr[id] a.permalink').getAttribute('href')`, &want)
	if !strings.HasSuffix(want, "/movers#period-gainers/1") {
		t.Errorf("first mover's permalink %q; want /movers#period-gainers/1", want)
	}
	// The copy names the week shown, so that it keeps its meaning.
	want = strings.Replace(want, "#", "?week="+rep.Meta.ReportDate+"#", 1)
	click(t, ctx, "tbody tr[id] .row-copy")
	var status string
	run(t, ctx, "wait for the row's confirmation", chromedp.Poll(`document.querySelector('tbody tr[id] .row-copy-status').textContent || null`,
		&status, waitLong))
	if status == ui.Message(explore.LangZH, "row.copied") {
		var clip string
		if err := chromedp.Run(ctx, chromedp.Evaluate(`navigator.clipboard.readText()`, &clip, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
			return p.WithAwaitPromise(true)
		})); err == nil && clip != want {
			t.Errorf("clipboard = %q; want %q", clip, want)
		}
	} else if status != ui.Message(explore.LangZH, "row.copy.failed") {
		t.Errorf("row copy status %q", status)
	}
}

// TestStocksIndex checks the company index against the report: sorted by
// sections it starts with the companies named in the most parts, 拓尔思
// (a pick, a YTD gainer and a period loser) among those in several; its
// counts link to where it is named; a search finds a company by an alias
// and a section facet keeps the companies it names.
func TestStocksIndex(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	rep := testkit.LoadReport(t)
	// secs lists, from the report itself, the parts that name each
	// company: each mover list, the constituents, the picks, the events
	// and the financings.
	secs := func() map[string][]string {
		out := map[string][]string{}
		add := func(id, s string) {
			if !slices.Contains(out[id], s) {
				out[id] = append(out[id], s)
			}
		}
		for l, ms := range rep.Movers.Lists() {
			for _, m := range ms {
				add(m.Company, string(l))
			}
		}
		for _, c := range rep.Constituents {
			add(c.Company, "constituents")
		}
		for _, p := range rep.Picks {
			for _, s := range p.Stocks {
				add(s.Company, "picks")
			}
		}
		for it := range rep.Events.All() {
			for _, c := range it.Companies {
				add(c, "events")
			}
		}
		for _, f := range rep.Financings.Items {
			add(f.Company, "financings")
		}
		return out
	}()
	trs, ok := rep.Company("拓尔思")
	if !ok {
		t.Fatal("the report has no 拓尔思")
	}
	for _, want := range []string{"picks", "ytd-gainers", "period-losers"} {
		if !slices.Contains(secs[trs.ID], want) {
			t.Fatalf("拓尔思 is not in %s of the report: the test's premise fails", want)
		}
	}
	most := 0
	for _, ss := range secs {
		most = max(most, len(ss))
	}

	run(t, ctx, "open", chromedp.Navigate(s.URL+"/stocks?sort=-sections"))
	v := waitView(t, ctx, "/stocks", url.Values{"sort": {"-sections"}})
	ids := v.ids()
	if len(ids) != len(rep.Companies) {
		t.Fatalf("%d rows; want every company, %d", len(ids), len(rep.Companies))
	}
	if got := len(secs[ids[0]]); got != most {
		t.Errorf("first row %s is named in %d sections; the most is %d", ids[0], got, most)
	}
	at := slices.Index(ids, trs.ID)
	if at < 0 || len(secs[ids[at]]) < 3 {
		t.Fatalf("拓尔思 at %d of %q", at, ids)
	}
	for _, id := range ids[:at] {
		if len(secs[id]) < len(secs[trs.ID]) {
			t.Errorf("%s (%d sections) sorts before 拓尔思 (%d)", id, len(secs[id]), len(secs[trs.ID]))
		}
	}
	var row struct {
		Sections string   `json:"sections"`
		Links    []string `json:"links"`
		Page     string   `json:"page"`
	}
	eval(t, ctx, `(() => { const tr = document.getElementById("`+trs.ID+`");
		return { sections: tr.querySelector('td.col-sections').textContent,
			links: Array.from(tr.querySelectorAll('td.num a')).map(a => decodeURIComponent(a.getAttribute('href'))),
			page: decodeURIComponent(tr.querySelector('a.permalink').getAttribute('href')) }; })()`, &row)
	if row.Sections != fmt.Sprint(len(secs[trs.ID])) {
		t.Errorf("拓尔思's sections cell %q; want %d", row.Sections, len(secs[trs.ID]))
	}
	for _, want := range []string{"/stocks/拓尔思#movers", "/stocks/拓尔思#picks"} {
		if !slices.Contains(row.Links, want) {
			t.Errorf("拓尔思's counts link to %q; want %s among them", row.Links, want)
		}
	}
	if row.Page != "/stocks/拓尔思" {
		t.Errorf("拓尔思's row links to %q; want its stock page", row.Page)
	}

	// Any alias finds its company: the index shows every other name.
	for _, c := range rep.Companies {
		if len(c.Aliases) == 0 {
			continue
		}
		run(t, ctx, "search an alias", chromedp.Navigate(s.URL+"/stocks?q="+url.QueryEscape(c.Aliases[0])))
		v := waitView(t, ctx, "/stocks", url.Values{"q": {c.Aliases[0]}})
		if !slices.Contains(v.ids(), c.ID) {
			t.Errorf("/stocks?q=%s: rows %q lack %s", c.Aliases[0], v.ids(), c.ID)
		}
		break
	}

	run(t, ctx, "facet", chromedp.Navigate(s.URL+"/stocks?section=financings"))
	v = waitView(t, ctx, "/stocks", url.Values{"section": {"financings"}})
	var want []string
	for _, c := range rep.Companies {
		if slices.Contains(secs[c.ID], "financings") {
			want = append(want, c.ID)
		}
	}
	if !slices.Equal(v.ids(), want) {
		t.Errorf("/stocks?section=financings: rows %q; want %q", v.ids(), want)
	}
	if txt := textOf(t, ctx, "main"); !strings.Contains(txt, "融资") {
		t.Errorf("the section facet is not labelled")
	}
}

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
	})()`, &gs, waitLong))
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
		&focused, waitLong))
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

// TestChartTableLinks clicks the charts' bars into what they stand for
// (a mover's company, a day of events as from and to, a financing's row)
// and checks that a bar and its rows follow each other: focusing a bar
// marks its rows and shows its value under the chart, focusing a row's
// link marks its bar.
func TestChartTableLinks(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	ts := reportTables(t)

	t.Run("movers bar opens the company", func(t *testing.T) {
		first := explore.Apply(ts.Movers, explore.State{Route: explore.RouteMovers}).Rows[0]
		open(t, ctx, s.URL+"/movers", "#chart-movers svg a")
		click(t, ctx, "#chart-movers svg a")
		var path string
		run(t, ctx, "wait for the stock page", chromedp.Poll(`location.pathname.startsWith("/stocks/") && document.querySelector("main h1") ? decodeURIComponent(location.pathname) : null`,
			&path, waitLong))
		if want := "/stocks/" + first.Cells[1].Refs[0].Name; path != want {
			t.Errorf("the first bar opened %s; want %s", path, want)
		}
	})

	t.Run("events day sets from and to", func(t *testing.T) {
		all := explore.Apply(ts.Events, explore.State{Route: explore.RouteEvents})
		day := ""
		for _, r := range all.Rows {
			if d := r.Cells[0].Date; d != "" && (day == "" || d < day) {
				day = d
			}
		}
		open(t, ctx, s.URL+"/events", "#chart-events svg a")
		run(t, ctx, "click the first day", chromedp.Evaluate(`document.querySelector("#chart-events svg a").dispatchEvent(new MouseEvent("click", {bubbles: true, cancelable: true}))`, nil))
		v := waitView(t, ctx, "/events", url.Values{"from": {day}, "to": {day}})
		for _, id := range v.ids() {
			if r, _ := ts.Events.RowByID(id); r.Cells[0].Date != day {
				t.Errorf("after clicking %s the table shows %s of %s", day, id, r.Cells[0].Date)
			}
		}
		if len(v.ids()) == 0 {
			t.Errorf("the day %s shows no rows", day)
		}
	})

	t.Run("dragging across days sets a range", func(t *testing.T) {
		open(t, ctx, s.URL+"/events", "#chart-events svg a")
		var pts []struct {
			X, Y float64
			Day  string
		}
		eval(t, ctx, `Array.from(document.querySelectorAll("#chart-events svg a")).map(a => {
			const r = a.querySelector(".aiw-hit").getBoundingClientRect();
			return { x: r.left + r.width / 2, y: r.top + r.height / 2, day: new URL(a.getAttribute("href"), location.href).searchParams.get("from") }; })`, &pts)
		if len(pts) < 3 {
			t.Fatalf("%d days with events; want 3 or more", len(pts))
		}
		a, b := pts[2], pts[0] // right to left: the range is ordered all the same
		run(t, ctx, "drag", input.DispatchMouseEvent(input.MousePressed, a.X, a.Y).WithButton(input.Left).WithClickCount(1),
			input.DispatchMouseEvent(input.MouseMoved, (a.X+b.X)/2, b.Y).WithButton(input.Left),
			input.DispatchMouseEvent(input.MouseMoved, b.X, b.Y).WithButton(input.Left),
			input.DispatchMouseEvent(input.MouseReleased, b.X, b.Y).WithButton(input.Left).WithClickCount(1))
		v := waitView(t, ctx, "/events", url.Values{"from": {b.Day}, "to": {a.Day}})
		for _, id := range v.ids() {
			if r, _ := ts.Events.RowByID(id); r.Cells[0].Date < b.Day || r.Cells[0].Date > a.Day {
				t.Errorf("the range %s to %s shows %s of %s", b.Day, a.Day, id, r.Cells[0].Date)
			}
		}
	})

	t.Run("financings bar marks its row", func(t *testing.T) {
		rows := explore.Apply(ts.Financings, explore.State{Route: explore.RouteFinancings}).Rows
		want := rows[1].ID
		open(t, ctx, s.URL+"/financings", "#chart-financings svg a")
		run(t, ctx, "click the second bar", chromedp.Evaluate(`document.querySelectorAll("#chart-financings svg a")[1].dispatchEvent(new MouseEvent("click", {bubbles: true, cancelable: true}))`, nil))
		var marked string
		run(t, ctx, "wait for the marked row", chromedp.Poll(`(() => { const m = document.querySelectorAll("tr.marked");
			return m.length === 1 && location.hash === "#" + m[0].id ? m[0].id : null; })()`, &marked, waitLong))
		if marked != want {
			t.Errorf("marked row %s; want %s", marked, want)
		}
	})

	t.Run("bar and row follow each other", func(t *testing.T) {
		rows := explore.Apply(ts.Movers, explore.State{Route: explore.RouteMovers}).Rows
		open(t, ctx, s.URL+"/movers", "#chart-movers svg a")
		run(t, ctx, "focus the third bar", chromedp.Evaluate(`document.querySelectorAll("#chart-movers svg a")[2].focus()`, nil))
		var got struct {
			Rows    []string `json:"rows"`
			Readout string   `json:"readout"`
			Label   string   `json:"label"`
		}
		run(t, ctx, "wait for the row's mark", chromedp.Poll(`(() => { const r = Array.from(document.querySelectorAll("#rows tr.hl")).map(t => t.id);
			const out = document.getElementById("chart-movers-readout").textContent;
			return r.length ? { rows: r, readout: out, label: document.querySelectorAll("#chart-movers svg a")[2].getAttribute("aria-label") } : null; })()`,
			&got, waitLong))
		if len(got.Rows) != 1 || got.Rows[0] != rows[2].ID {
			t.Errorf("focusing the third bar marks rows %q; want %s", got.Rows, rows[2].ID)
		}
		value := strings.TrimSpace(strings.Fields(rows[2].Cells[2].Text)[0])
		if got.Readout != got.Label || !strings.Contains(got.Readout, value) {
			t.Errorf("readout %q (bar %q); want the bar's name with its value %s", got.Readout, got.Label, value)
		}
		var bar int
		run(t, ctx, "focus the fifth row", chromedp.Evaluate(`document.getElementById(`+jsString(rows[4].ID)+`).querySelector("a").focus()`, nil))
		run(t, ctx, "wait for the bar's mark", chromedp.Poll(`(() => { const l = Array.from(document.querySelectorAll("#chart-movers svg a"));
			const i = l.findIndex(a => a.classList.contains("hl")); return i >= 0 ? i : null; })()`, &bar, waitLong))
		if bar != 4 {
			t.Errorf("focusing the fifth row marks bar %d; want 4", bar)
		}
	})
}

// cellBar is what the page shows of one return cell's bar.
type cellBar struct {
	ID     string `json:"id"`
	Class  string `json:"class"`
	Color  string `json:"color"`  // the bar's colour
	Cell   string `json:"cell"`   // the cell's text colour
	Border string `json:"border"` // the bar's border-top width, which is the bar
	Shown  bool   `json:"shown"`
}

const cellBarsJS = `Array.from(document.querySelectorAll("#rows tr[id] td.col-return")).map(td => {
	const b = td.querySelector(".cellbar"), cs = b && getComputedStyle(b);
	return { id: td.parentElement.id, class: b ? b.className : "", color: cs ? cs.borderTopColor : "",
		cell: getComputedStyle(td).color, border: cs ? cs.borderTopWidth : "", shown: !!cs && cs.display !== "none" }; })`

// TestInCellBars checks the bar in every return cell of /movers: its
// length class is the return against the column's largest (from the
// report's table), its colour the cell's, which is red for a gain under
// colors=cn and green under colors=intl, lighter in the dark scheme, and
// it is still drawn when the page prints.
func TestInCellBars(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	tb := reportTables(t).Movers
	_, ci, _ := tb.Column(explore.ColReturn)
	scale := 0.0
	for _, r := range tb.Rows {
		scale = math.Max(scale, math.Abs(r.Cells[ci].Num))
	}
	tests := []struct {
		query, scheme, media string
		up, down             string // computed colours of gains and losses
	}{
		{"", "light", "screen", "rgb(198, 40, 40)", "rgb(27, 127, 58)"},
		{"?colors=intl", "light", "screen", "rgb(27, 127, 58)", "rgb(198, 40, 40)"},
		{"", "dark", "screen", "rgb(239, 83, 80)", "rgb(76, 175, 80)"},
		{"", "light", "print", "rgb(198, 40, 40)", "rgb(27, 127, 58)"},
	}
	for _, tt := range tests {
		t.Run(tt.query+" "+tt.scheme+" "+tt.media, func(t *testing.T) {
			run(t, ctx, "emulate", emulation.SetEmulatedMedia().WithMedia(tt.media).
				WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: tt.scheme}}))
			open(t, ctx, s.URL+"/movers"+tt.query, "td.col-return .cellbar")
			var bars []cellBar
			eval(t, ctx, cellBarsJS, &bars)
			if len(bars) != len(tb.Rows) {
				t.Fatalf("%d return cells; want %d", len(bars), len(tb.Rows))
			}
			for _, b := range bars {
				r, _ := tb.RowByID(b.ID)
				v := r.Cells[ci].Num
				n := int(math.Round(math.Abs(v) / scale * 20))
				if v != 0 && n == 0 {
					n = 1
				}
				want := map[bool]string{true: tt.up, false: tt.down}[v > 0]
				if b.Class != fmt.Sprintf("cellbar w%d", n) || !b.Shown || b.Border != "4px" {
					t.Errorf("%s (%v): bar %q shown %v border %s; want cellbar w%d, 4px", b.ID, v, b.Class, b.Shown, b.Border, n)
				}
				if b.Color != want || b.Cell != want {
					t.Errorf("%s (%v): bar %s in a cell of %s; want %s", b.ID, v, b.Color, b.Cell, want)
				}
			}
		})
	}
	run(t, ctx, "reset", emulation.SetEmulatedMedia().WithMedia("").WithFeatures(nil))
}

// TestRowFocusFollowsRecord focuses a row's permalink on a filtered
// /movers and clears the filter the way the search box does (the entry
// replaced, then a popstate): the record's row moves down its table, and
// focus goes with it, not staying at the position, which now shows
// another record (rows are updated in place).
func TestRowFocusFollowsRecord(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	open(t, ctx, s.URL+"/movers?q=%E7%A7%91", "main table.data tbody tr")
	type spot struct {
		ID    string `json:"id"`
		Index int    `json:"index"`
		Rows  int    `json:"rows"`
		Link  bool   `json:"link"`
		At    int    `json:"at"` // the position of the focused record's row
	}
	const where = `(() => { const a = document.activeElement, tr = a && a.closest('#rows tbody tr');
		return tr ? {id: tr.id, index: tr.sectionRowIndex, rows: document.querySelectorAll('main table.data tbody tr').length,
			link: a.classList.contains('permalink'), at: -1} : null; })()`
	var before spot
	run(t, ctx, "focus the last row's permalink", chromedp.Evaluate(`(() => {
		const rows = document.querySelectorAll('main table.data')[0].querySelectorAll('tbody tr');
		rows[rows.length - 1].querySelector('a.permalink').focus();
		return `+where+`; })()`, &before))
	if before.ID == "" || !before.Link {
		t.Fatalf("focused %+v; want a row's permalink", before)
	}
	run(t, ctx, "clear the search", chromedp.Evaluate(`history.replaceState(null, '', '/movers');
		dispatchEvent(new PopStateEvent('popstate')); true`, nil))
	var after spot
	run(t, ctx, "wait for every row", chromedp.Poll(`(() => {
		if (document.querySelectorAll('main table.data tbody tr').length <= `+fmt.Sprint(before.Rows)+`) return null;
		const at = document.getElementById(`+jsString(before.ID)+`).sectionRowIndex;
		return Object.assign(`+where+` || {id: '', index: -1, rows: 0, link: false}, {at}); })()`, &after, waitLong))
	if after.ID != before.ID || !after.Link {
		t.Errorf("after clearing the search focus is on %+v; want the permalink of row %s (was %+v)", after, before.ID, before)
	}
	if after.At == before.Index {
		t.Errorf("row %s stayed at position %d: the test needs a record that moves", before.ID, before.Index)
	}
}
