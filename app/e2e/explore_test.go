package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/testkit"
	"github.com/airesearch/aiweekly/app/ui"
	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The explorer tests check what a person sees against the pure package:
// for every URL the page shows exactly the rows, selections, chips, sort
// and notices that explore.Table.Parse and explore.Apply give for that
// URL, so "the URL is the state" is tested as a whole, and the literal
// expectations in the cases pin the meaning down independently.

var (
	tablesOnce sync.Once
	tables     explore.Tables
)

// reportTables builds the explore tables of the real data/report.json.
func reportTables(tb testing.TB) explore.Tables {
	tb.Helper()
	rep := testkit.LoadReport(tb)
	tablesOnce.Do(func() { tables = explore.BuildTables(rep) })
	return tables
}

// group is the rows of one table on the page, by record id.
type group struct {
	Group string   `json:"group"`
	IDs   []string `json:"ids"`
}

// pageView is what an explorer page shows, read from the DOM.
type pageView struct {
	Path     string   `json:"path"`
	Search   string   `json:"search"`
	Groups   []group  `json:"groups"`
	Selected []string `json:"selected"` // facet=value of the selected facet links
	Chips    []string `json:"chips"`    // param=value
	Q        string   `json:"q"`        // the search box
	Sorted   []string `json:"sorted"`   // key:aria-sort of sorted headers
	Notices  []string `json:"notices"`  // param=value
	Shell    string   `json:"shell"`    // the shell's class
	From     string   `json:"from"`
	To       string   `json:"to"`
	Empty    bool     `json:"empty"`
	Count    string   `json:"count"`
}

// viewJS reads a pageView; it returns null until the live page shows a
// count (the report is loaded and OnNav ran) and its chart has followed
// the view (a chart of fewer bars moves what is below it).
const viewJS = `(() => {
  const shell = document.querySelector('.shell[data-live="1"]');
  const count = document.getElementById('count');
  if (!shell || !count || document.querySelector('.chart-slot[data-chart="behind"]')) return null;
  const all = (sel) => Array.from(document.querySelectorAll(sel));
  const sorted = [...new Set(all('th[aria-sort="ascending"] button, th[aria-sort="descending"] button')
    .map(b => b.dataset.key + ':' + b.parentElement.getAttribute('aria-sort')))];
  const val = (id) => { const e = document.getElementById(id); return e ? e.value : ''; };
  return {
    path: location.pathname, search: location.search,
    groups: all('main table.data').map(t => ({group: t.dataset.group || '', ids: Array.from(t.querySelectorAll('tbody tr')).map(tr => tr.id)})),
    selected: all('a.facet-value.on').map(a => a.dataset.facet + '=' + a.dataset.value),
    chips: all('.chip').map(c => c.dataset.param + '=' + c.dataset.value),
    q: val('q'), sorted: sorted,
    notices: all('.notice').map(n => n.dataset.param + '=' + n.dataset.value),
    shell: shell.className, from: val('from'), to: val('to'),
    empty: !!document.querySelector('.empty'), count: count.textContent,
  };
})()`

// groupCol is the column a route's page splits its rows by.
var groupCol = map[explore.Route]string{explore.RouteMovers: explore.ColList, explore.RouteEvents: explore.ColKind}

// expectView is what the page at path?rawQuery must show, from the pure
// package.
func expectView(tb testing.TB, path, rawQuery string) pageView {
	tb.Helper()
	t := reportTables(tb).For(explore.Route(path))
	if t == nil {
		tb.Fatalf("no table for %s", path)
	}
	v, raw := explore.ParseRawQuery(rawQuery)
	s, ns := t.Parse(v)
	ns = append(raw, ns...)
	res := explore.Apply(t, s)
	want := pageView{Path: path, Q: s.Q, From: s.From, To: s.To, Shell: "shell", Empty: len(res.Rows) == 0}
	if s.Colors == explore.ColorsIntl {
		want.Shell = "shell intl"
	}
	gc := groupCol[t.Route]
	want.Groups = groupRows(t, s, res.Rows, gc)
	for _, f := range res.Facets {
		for _, fv := range f.Values {
			if fv.Selected {
				want.Selected = append(want.Selected, f.Key+"="+fv.Value)
			}
		}
	}
	for _, c := range res.Chips {
		want.Chips = append(want.Chips, c.Param+"="+c.Value)
	}
	if s.Sort.Key != "" && s.Sort.Key != gc && len(res.Rows) > 0 {
		want.Sorted = []string{s.Sort.Key + ":" + s.AriaSort(s.Sort.Key)}
	}
	for _, n := range ns {
		want.Notices = append(want.Notices, n.Param+"="+n.Value)
	}
	if s.Filtered() {
		want.Count = fmt.Sprintf(ui.Message(explore.LangZH, "explore.count.some"), len(res.Rows), res.Total)
	} else {
		want.Count = fmt.Sprintf(ui.Message(explore.LangZH, "explore.count.all"), res.Total)
	}
	return want
}

// groupRows splits rows as the page does: by the grouping column, groups
// in the report's order unless the view sorts by that column.
func groupRows(t *explore.Table, s explore.State, rows []*explore.Row, col string) []group {
	var ids []string
	for _, r := range rows {
		ids = append(ids, r.ID)
	}
	if len(rows) == 0 {
		return nil
	}
	_, ci, ok := t.Column(col)
	if !ok {
		return []group{{IDs: ids}}
	}
	var order []string
	if s.Sort.Key != col {
		f, _ := t.Facet(col)
		order = slices.Clone(f.Values)
	}
	by := map[string][]string{}
	for _, r := range rows {
		v := r.Cells[ci].Text
		if !slices.Contains(order, v) {
			order = append(order, v)
		}
		by[v] = append(by[v], r.ID)
	}
	var out []group
	for _, v := range order {
		if len(by[v]) > 0 {
			out = append(out, group{Group: v, IDs: by[v]})
		}
	}
	return out
}

// diffView says how got differs from want, or "" when the page shows the
// view.
func diffView(got, want pageView) string {
	var d []string
	chk := func(name string, g, w any) {
		gj, _ := json.Marshal(g)
		wj, _ := json.Marshal(w)
		if !bytes.Equal(gj, wj) {
			d = append(d, fmt.Sprintf("%s = %s; want %s", name, gj, wj))
		}
	}
	norm := func(s []string) []string {
		if len(s) == 0 {
			return nil
		}
		s = slices.Clone(s)
		slices.Sort(s)
		return s
	}
	chk("groups", nonEmpty(got.Groups), nonEmpty(want.Groups))
	chk("selected", norm(got.Selected), norm(want.Selected))
	chk("chips", nonEmptyS(got.Chips), nonEmptyS(want.Chips))
	chk("q", got.Q, want.Q)
	chk("sorted", nonEmptyS(got.Sorted), nonEmptyS(want.Sorted))
	chk("notices", nonEmptyS(got.Notices), nonEmptyS(want.Notices))
	chk("shell", got.Shell, want.Shell)
	chk("empty", got.Empty, want.Empty)
	chk("count", got.Count, want.Count)
	if want.Path == "/events" {
		chk("from", got.From, want.From)
		chk("to", got.To, want.To)
	}
	return strings.Join(d, "\n")
}

func nonEmpty(g []group) []group {
	if len(g) == 0 {
		return nil
	}
	return g
}

func nonEmptyS(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

// readView reads the page's view, or nil while it is not live yet.
func readView(tb testing.TB, ctx context.Context) *pageView {
	tb.Helper()
	var v *pageView
	if err := chromedp.Run(ctx, chromedp.Evaluate(viewJS, &v)); err != nil {
		tb.Fatalf("read view: %v", err)
	}
	return v
}

// waitView waits until the address bar is path with query values want
// (nil: any) and the page shows that view as the pure package computes it;
// it returns what the page shows.
func waitView(tb testing.TB, ctx context.Context, path string, want url.Values) pageView {
	tb.Helper()
	deadline := time.Now().Add(15 * time.Second)
	var last *pageView
	why := "page not live"
	for time.Now().Before(deadline) {
		last = readView(tb, ctx)
		if last != nil {
			got, _ := url.ParseQuery(strings.TrimPrefix(last.Search, "?"))
			switch {
			case last.Path != path:
				why = fmt.Sprintf("path %s; want %s", last.Path, path)
			case want != nil && !sameValues(got, want):
				why = fmt.Sprintf("query %v; want %v", got, want)
			default:
				exp := expectView(tb, path, strings.TrimPrefix(last.Search, "?"))
				if why = diffView(*last, exp); why == "" {
					return *last
				}
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	tb.Fatalf("page %s does not show its view: %s\nlast: %+v", path, why, last)
	return pageView{}
}

func sameValues(a, b url.Values) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

// run runs chromedp actions, failing the test with what was being done.
func run(tb testing.TB, ctx context.Context, what string, actions ...chromedp.Action) {
	tb.Helper()
	if err := chromedp.Run(ctx, actions...); err != nil {
		tb.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates js into res.
func eval(tb testing.TB, ctx context.Context, js string, res any) {
	tb.Helper()
	run(tb, ctx, "evaluate "+js, chromedp.Evaluate(js, res))
}

// ids flattens the groups of a view.
func (v pageView) ids() []string {
	var out []string
	for _, g := range v.Groups {
		out = append(out, g.IDs...)
	}
	return out
}

// TestExploreContract opens a link for each parameter of the URL contract
// on its own and in combination, including bad values: the page shows the
// view the link names, and the notices for what it could not apply.
func TestExploreContract(t *testing.T) {
	s := startServer(t)
	long := strings.Repeat("长", explore.MaxQueryRunes+50)
	tests := []struct {
		name    string
		path    string
		query   string
		ids     []string // the rows, in page order; nil: only compare with the pure package
		groups  []string // the groups, in page order
		notices []string // param=value
	}{
		{"movers all", "/movers", "", nil, []string{"period-gainers", "ytd-gainers", "period-losers"}, nil},
		{"movers list", "/movers", "list=ytd-gainers",
			[]string{"ytd-gainers/1", "ytd-gainers/2", "ytd-gainers/3", "ytd-gainers/4", "ytd-gainers/5", "ytd-gainers/6", "ytd-gainers/7", "ytd-gainers/8", "ytd-gainers/9", "ytd-gainers/10"},
			[]string{"ytd-gainers"}, nil},
		{"movers two lists", "/movers", "list=period-losers&list=period-gainers", nil, []string{"period-gainers", "period-losers"}, nil},
		{"movers link", "/movers", "link=" + url.QueryEscape("AI应用"),
			[]string{"period-gainers/2", "period-gainers/3", "period-gainers/4", "period-gainers/6", "period-gainers/8", "ytd-gainers/2", "ytd-gainers/8", "ytd-gainers/10", "period-losers/10"}, nil, nil},
		{"movers segment", "/movers", "segment=" + url.QueryEscape("AI芯片"), []string{"period-gainers/1", "ytd-gainers/1", "ytd-gainers/9"}, nil, nil},
		// period-gainers/10 is 商汤-W, found by its alias 商汤科技.
		{"movers q", "/movers", "q=" + url.QueryEscape("科技"),
			[]string{"period-gainers/1", "period-gainers/3", "period-gainers/5", "period-gainers/10", "ytd-gainers/4", "ytd-gainers/5", "ytd-gainers/9", "ytd-gainers/10", "period-losers/1"}, nil, nil},
		{"movers sort return desc", "/movers", "sort=-return&list=period-losers",
			[]string{"period-losers/10", "period-losers/9", "period-losers/8", "period-losers/7", "period-losers/6", "period-losers/5", "period-losers/4", "period-losers/3", "period-losers/2", "period-losers/1"}, nil, nil},
		{"movers sort by list desc reverses the tables", "/movers", "sort=-list", nil, []string{"period-losers", "ytd-gainers", "period-gainers"}, nil},
		{"movers everything", "/movers", "list=ytd-gainers&link=" + url.QueryEscape("AI算法及数据") + "&sort=-return&q=" + url.QueryEscape("科技") + "&colors=intl",
			[]string{"ytd-gainers/5"}, nil, nil},
		{"movers unknown name ignored", "/movers", "utm_source=chat&list=ytd-gainers&foo=%3Cb%3E", nil, []string{"ytd-gainers"}, nil},
		{"movers bad values", "/movers", "list=bogus&sort=nope&colors=pink&link=" + url.QueryEscape("AI应用"), nil, nil,
			[]string{"colors=pink", "list=bogus", "sort=nope"}},
		{"constituents link", "/constituents", "link=" + url.QueryEscape("AI工具"),
			[]string{"k22", "k23", "k24", "k25", "k26", "k27", "k28", "k29", "k30", "k31", "k32", "k33"}, nil, nil},
		{"constituents segment", "/constituents", "segment=" + url.QueryEscape("AI大模型"), []string{"k14", "k15"}, nil, nil},
		{"constituents q", "/constituents", "q=" + url.QueryEscape("软件"), []string{"k30", "k31"}, nil, nil},
		{"constituents sort ytd", "/constituents", "sort=-ytd&segment=" + url.QueryEscape("AI芯片"), nil, nil, nil},
		{"constituents combined", "/constituents", "link=" + url.QueryEscape("AI算力及基础设施") + "&segment=" + url.QueryEscape("AI芯片") + "&segment=" + url.QueryEscape("AI服务器") + "&sort=name", nil, nil, nil},
		{"constituents bad link", "/constituents", "link=bogus&q=" + url.QueryEscape("软件"), []string{"k30", "k31"}, nil, []string{"link=bogus"}},
		{"events kind", "/events", "kind=overseas", []string{"on-1", "on-2", "on-3", "on-4", "on-5", "on-6", "on-7", "on-8", "on-9"}, []string{"overseas"}, nil},
		{"events two kinds", "/events", "kind=company&kind=domestic", nil, []string{"company", "domestic"}, nil},
		{"events company", "/events", "company=OpenAI", []string{"on-2", "on-4", "on-7"}, nil, nil},
		{"events from", "/events", "from=2023-04-12", []string{"dn-5", "on-5", "on-6", "on-7", "on-9"}, nil, nil},
		{"events to", "/events", "to=2023-04-05", []string{"ce-1", "on-1", "on-2"}, nil, nil},
		{"events q in body", "/events", "q=" + url.QueryEscape("雪湖·海若"), []string{"ce-4"}, nil, nil},
		{"events sort date desc", "/events", "sort=-date&kind=domestic", []string{"dn-5", "dn-4", "dn-3", "dn-2", "dn-1"}, nil, nil},
		{"events everything", "/events", "kind=overseas&company=" + url.QueryEscape("微软") + "&from=2023-04-10&to=2023-04-12&sort=-date",
			[]string{"on-6", "on-8"}, nil, nil},
		{"events bad date", "/events", "from=2023-13-45&kind=company", []string{"ce-1", "ce-2", "ce-3", "ce-4"}, nil, []string{"from=2023-13-45"}},
		{"events range ends before it starts", "/events", "from=2023-04-12&to=2023-04-05", []string{"dn-5", "on-5", "on-6", "on-7", "on-9"}, nil, []string{"to=2023-04-05"}},
		{"constituents bad escape", "/constituents", "link=%ZZ&q=" + url.QueryEscape("软件"), []string{"k30", "k31"}, nil, []string{"link=%ZZ"}},
		{"constituents too many parameters", "/constituents", "q=" + url.QueryEscape("软件") + strings.Repeat("&z=1", 10500), []string{"k30", "k31"}, nil, []string{"z=9501"}},
		{"financings currency", "/financings", "currency=USD", []string{"f-1", "f-2"}, nil, nil},
		{"financings q", "/financings", "q=" + url.QueryEscape("宇宙"), []string{"f-3"}, nil, nil},
		{"financings sort amount in usd", "/financings", "sort=-amount", []string{"f-1", "f-3", "f-2"}, nil, nil},
		{"financings combined", "/financings", "currency=USD&sort=amount", []string{"f-2", "f-1"}, nil, nil},
		{"picks layer", "/picks", "layer=" + url.QueryEscape("应用层"),
			[]string{"p-2/1", "p-3/1", "p-4/1", "p-5/1", "p-5/2", "p-6/1", "p-7/1", "p-7/2", "p-8/1", "p-9/1", "p-10/1", "p-11/1"}, nil, nil},
		{"picks vertical", "/picks", "vertical=" + url.QueryEscape("大模型"), []string{"p-1/1", "p-1/2"}, nil, nil},
		{"picks q", "/picks", "q=" + url.QueryEscape("奇安信"), []string{"p-7/2"}, nil, nil},
		{"picks combined", "/picks", "layer=" + url.QueryEscape("基础层") + "&vertical=" + url.QueryEscape("大模型") + "&sort=-name", []string{"p-1/2", "p-1/1"}, nil, nil},
		{"picks layer is single", "/picks", "layer=" + url.QueryEscape("基础层") + "&layer=" + url.QueryEscape("应用层"), []string{"p-1/1", "p-1/2"}, nil,
			[]string{"layer=应用层"}},
		{"colors intl", "/picks", "colors=intl", nil, nil, nil},
		{"long q is cut", "/constituents", "q=" + url.QueryEscape(long), nil, nil, nil},
		{"nothing matches", "/financings", "q=" + url.QueryEscape("不存在的公司"), nil, nil, nil},
	}
	// One tab per run of cases on the same route. Its first link, and every
	// link with a notice or a colour, is opened as a new page load; the
	// others are followed inside the running app, which is the query-only
	// navigation that reuses the page component.
	var ctx context.Context
	prev := ""
	for _, tt := range tests {
		live := tt.path == prev
		if !live {
			ctx, prev = newTab(t), tt.path
		}
		full := !live || tt.notices != nil || strings.Contains(tt.query, "colors=") || strings.Contains(tt.name, "unknown")
		t.Run(tt.name, func(t *testing.T) {
			u := s.URL + tt.path
			if tt.query != "" {
				u += "?" + tt.query
			}
			if full {
				run(t, ctx, "open "+u, chromedp.Navigate(u))
			} else {
				js, _ := json.Marshal(u)
				run(t, ctx, "follow "+u, chromedp.Evaluate("goappNav("+string(js)+")", nil))
			}
			want, _ := url.ParseQuery(tt.query)
			got := waitView(t, ctx, tt.path, want)
			if tt.ids != nil && !slices.Equal(got.ids(), tt.ids) {
				t.Errorf("rows = %v; want %v", got.ids(), tt.ids)
			}
			if tt.groups != nil {
				var gs []string
				for _, g := range got.Groups {
					gs = append(gs, g.Group)
				}
				if !slices.Equal(gs, tt.groups) {
					t.Errorf("tables = %v; want %v", gs, tt.groups)
				}
			}
			if tt.notices != nil && !slices.Equal(got.Notices, tt.notices) {
				t.Errorf("notices = %v; want %v", got.Notices, tt.notices)
			}
		})
	}
	t.Run("long q notice and cut", func(t *testing.T) {
		ctx := newTab(t)
		run(t, ctx, "open", chromedp.Navigate(s.URL+"/constituents?q="+url.QueryEscape(long)))
		got := waitView(t, ctx, "/constituents", nil)
		if n := len([]rune(got.Q)); n != explore.MaxQueryRunes {
			t.Errorf("search box holds %d runes; want %d", n, explore.MaxQueryRunes)
		}
		if len(got.Notices) != 1 || !strings.HasPrefix(got.Notices[0], "q=") {
			t.Errorf("notices = %v; want one for q", got.Notices)
		}
	})
	t.Run("notices name parameter and value", func(t *testing.T) {
		ctx := newTab(t)
		run(t, ctx, "open", chromedp.Navigate(s.URL+"/events?from=2023-13-45&kind=nope"))
		waitView(t, ctx, "/events", nil)
		text := textOf(t, ctx, "#notices")
		for _, w := range []string{"from", "2023-13-45", "kind", "nope"} {
			if !strings.Contains(text, w) {
				t.Errorf("notices %q lack %q", text, w)
			}
		}
		var role string
		eval(t, ctx, `document.getElementById('notices').getAttribute('role')`, &role)
		if role != "status" {
			t.Errorf("notices role = %q; want status", role)
		}
	})
	t.Run("empty result offers to clear", func(t *testing.T) {
		ctx := newTab(t)
		run(t, ctx, "open", chromedp.Navigate(s.URL+"/financings?q="+url.QueryEscape("不存在的公司")+"&sort=-amount"))
		waitView(t, ctx, "/financings", nil)
		run(t, ctx, "clear", chromedp.Click("#empty-clear", chromedp.ByQuery))
		got := waitView(t, ctx, "/financings", url.Values{"sort": {"-amount"}})
		if !slices.Equal(got.ids(), []string{"f-1", "f-3", "f-2"}) {
			t.Errorf("after clearing rows = %v", got.ids())
		}
	})
}

// click clicks the element matching sel.
func click(tb testing.TB, ctx context.Context, sel string) {
	tb.Helper()
	run(tb, ctx, "click "+sel, chromedp.Click(sel, chromedp.ByQuery, chromedp.NodeVisible))
}

// historyLength is the tab's number of history entries.
func historyLength(tb testing.TB, ctx context.Context) int {
	tb.Helper()
	var n int
	eval(tb, ctx, `history.length`, &n)
	return n
}

// TestExploreClicks sets filters by clicking and typing, then checks that
// reloading gives the same rows, that Back and Forward step through the
// views, and that typing replaced its history entry rather than adding one.
func TestExploreClicks(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	open(t, ctx, s.URL+"/movers", "#count")
	waitView(t, ctx, "/movers", url.Values{})

	link := "AI算法及数据"
	steps := []struct {
		name string
		do   func(t *testing.T)
		want url.Values
	}{
		{"facet list", func(t *testing.T) { click(t, ctx, `a.facet-value[data-facet="list"][data-value="period-losers"]`) },
			url.Values{"list": {"period-losers"}}},
		{"facet link", func(t *testing.T) { click(t, ctx, `a.facet-value[data-facet="link"][data-value="`+link+`"]`) },
			url.Values{"list": {"period-losers"}, "link": {link}}},
		{"sort return, biggest first", func(t *testing.T) { click(t, ctx, `th button[data-key="return"]`) },
			url.Values{"list": {"period-losers"}, "link": {link}, "sort": {"-return"}}},
		{"sort return again flips", func(t *testing.T) { click(t, ctx, `th button[data-key="return"]`) },
			url.Values{"list": {"period-losers"}, "link": {link}, "sort": {"return"}}},
	}
	var history []url.Values
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			st.do(t)
			waitView(t, ctx, "/movers", st.want)
		})
		history = append(history, st.want)
	}
	typed := url.Values{"list": {"period-losers"}, "link": {link}, "sort": {"return"}, "q": {"三六"}}
	t.Run("typing replaces the entry", func(t *testing.T) {
		before := historyLength(t, ctx)
		run(t, ctx, "type", chromedp.SendKeys("#q", "三六", chromedp.ByQuery))
		got := waitView(t, ctx, "/movers", typed)
		if !slices.Equal(got.ids(), []string{"period-losers/6"}) {
			t.Errorf("rows = %v; want [period-losers/6] (三六零)", got.ids())
		}
		if after := historyLength(t, ctx); after != before {
			t.Errorf("history grew from %d to %d entries while typing", before, after)
		}
	})
	history[len(history)-1] = typed
	t.Run("reload gives the same rows", func(t *testing.T) {
		before := readView(t, ctx)
		run(t, ctx, "reload", chromedp.Reload())
		after := waitView(t, ctx, "/movers", typed)
		if !slices.Equal(before.ids(), after.ids()) || before.Q != after.Q {
			t.Errorf("after reload rows %v q %q; before %v q %q", after.ids(), after.Q, before.ids(), before.Q)
		}
	})
	t.Run("back and forward", func(t *testing.T) {
		for i := len(history) - 2; i >= 0; i-- {
			eval(t, ctx, `history.back()`, nil)
			waitView(t, ctx, "/movers", history[i])
		}
		eval(t, ctx, `history.back()`, nil)
		waitView(t, ctx, "/movers", url.Values{})
		for i := range history {
			eval(t, ctx, `history.forward()`, nil)
			waitView(t, ctx, "/movers", history[i])
		}
	})
	t.Run("chip removes its filter", func(t *testing.T) {
		click(t, ctx, `.chip[data-param="q"] .chip-remove`)
		waitView(t, ctx, "/movers", url.Values{"list": {"period-losers"}, "link": {link}, "sort": {"return"}})
	})
	t.Run("clear all keeps the sort", func(t *testing.T) {
		click(t, ctx, `#clear-all`)
		waitView(t, ctx, "/movers", url.Values{"sort": {"return"}})
	})
	t.Run("link to the address before typing still works", func(t *testing.T) {
		// Typing replaces the entry behind go-app's back; a link to the
		// address it replaced must still navigate.
		run(t, ctx, "open", chromedp.Navigate(s.URL+"/movers?list=ytd-gainers"))
		waitView(t, ctx, "/movers", url.Values{"list": {"ytd-gainers"}})
		run(t, ctx, "type", chromedp.SendKeys("#q", "zz", chromedp.ByQuery))
		waitView(t, ctx, "/movers", url.Values{"list": {"ytd-gainers"}, "q": {"zz"}})
		click(t, ctx, `.chip[data-param="q"] .chip-remove`)
		got := waitView(t, ctx, "/movers", url.Values{"list": {"ytd-gainers"}})
		if len(got.ids()) != 10 {
			t.Errorf("rows = %v; want the 10 YTD gainers", got.ids())
		}
	})
	t.Run("keyboard", func(t *testing.T) {
		run(t, ctx, "open", chromedp.Navigate(s.URL+"/constituents"))
		waitView(t, ctx, "/constituents", url.Values{})
		run(t, ctx, "sort with Enter", chromedp.Focus(`th button[data-key="ytd"]`, chromedp.ByQuery), chromedp.KeyEvent("\r"))
		waitView(t, ctx, "/constituents", url.Values{"sort": {"-ytd"}})
		run(t, ctx, "facet with Enter", chromedp.Focus(`a.facet-value[data-facet="link"][data-value="AI工具"]`, chromedp.ByQuery), chromedp.KeyEvent("\r"))
		waitView(t, ctx, "/constituents", url.Values{"sort": {"-ytd"}, "link": {"AI工具"}})
		var unreachable []string
		eval(t, ctx, `Array.from(document.querySelectorAll('main a, main button, main input'))
			.filter(e => e.tabIndex < 0 || e.disabled).map(e => e.outerHTML.slice(0, 80))`, &unreachable)
		if len(unreachable) > 0 {
			t.Errorf("controls out of the tab order: %q", unreachable)
		}
		var unlabelled []string
		eval(t, ctx, `Array.from(document.querySelectorAll('main input'))
			.filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.id)`, &unlabelled)
		if len(unlabelled) > 0 {
			t.Errorf("inputs without a label: %q", unlabelled)
		}
	})
	t.Run("date inputs", func(t *testing.T) {
		run(t, ctx, "open", chromedp.Navigate(s.URL+"/events?kind=overseas"))
		waitView(t, ctx, "/events", url.Values{"kind": {"overseas"}})
		before := historyLength(t, ctx)
		eval(t, ctx, `(() => { const e = document.getElementById('from'); e.value = '2023-04-10';
			e.dispatchEvent(new Event('change', {bubbles: true})); return true; })()`, nil)
		got := waitView(t, ctx, "/events", url.Values{"kind": {"overseas"}, "from": {"2023-04-10"}})
		if !slices.Equal(got.ids(), []string{"on-5", "on-6", "on-7", "on-8", "on-9"}) {
			t.Errorf("rows = %v", got.ids())
		}
		if after := historyLength(t, ctx); after != before+1 {
			t.Errorf("history %d -> %d; a date change adds one entry", before, after)
		}
		eval(t, ctx, `(() => { const e = document.getElementById('to'); e.value = '2023-04-12';
			e.dispatchEvent(new Event('change', {bubbles: true})); return true; })()`, nil)
		waitView(t, ctx, "/events", url.Values{"kind": {"overseas"}, "from": {"2023-04-10"}, "to": {"2023-04-12"}})
	})
}

// TestExploreExport downloads the current rows as CSV and JSON and checks
// the files: named after the view, a byte-order mark, the rows filtered
// and sorted as on the page.
func TestExploreExport(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	dir := t.TempDir()
	run(t, ctx, "allow downloads", browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(dir))
	tests := []struct {
		path, query, button, file string
		check                     func(t *testing.T, data []byte)
	}{
		{"/movers", "list=ytd-gainers&sort=-return", "#export-csv", "movers-ytd-gainers.csv", func(t *testing.T, data []byte) {
			if !bytes.HasPrefix(data, []byte("\uFEFF")) {
				t.Errorf("CSV does not start with a byte-order mark: % x", data[:min(8, len(data))])
			}
			lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(string(data), "\uFEFF")), "\r\n")
			if len(lines) != 11 {
				t.Fatalf("CSV has %d lines; want header and 10 rows:\n%s", len(lines), data)
			}
			if want := "排名,公司,涨跌幅(%),榜单,产业链环节,细分赛道"; lines[0] != want {
				t.Errorf("header = %q; want %q", lines[0], want)
			}
			if want := "1,寒武纪-U,257.4,今年以来涨幅前十,AI算力及基础设施,AI芯片"; lines[1] != want {
				t.Errorf("first row = %q; want %q", lines[1], want)
			}
		}},
		{"/constituents", "link=" + url.QueryEscape("AI工具") + "&sort=-ytd", "#export-csv", "constituents-filtered.csv", nil},
		{"/events", "kind=company&sort=-date", "#export-json", "events-company.json", func(t *testing.T, data []byte) {
			var rows []map[string]any
			if err := json.Unmarshal(data, &rows); err != nil {
				t.Fatalf("JSON export: %v\n%s", err, data)
			}
			if len(rows) != 4 || rows[0]["date"] != "2023-04-11" || rows[3]["date"] != "2023-04-05" {
				t.Errorf("JSON rows = %v; want the 4 company events, latest first", rows)
			}
		}},
		{"/financings", "sort=-amount", "#export-json", "financings.json", func(t *testing.T, data []byte) {
			var rows []struct {
				Name   string  `json:"name"`
				Amount float64 `json:"amount"`
			}
			if err := json.Unmarshal(data, &rows); err != nil {
				t.Fatalf("JSON export: %v", err)
			}
			if len(rows) != 3 || rows[0].Name != "Perplexity" || rows[0].Amount != 25600000 {
				t.Errorf("JSON rows = %+v", rows)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			run(t, ctx, "open", chromedp.Navigate(s.URL+tt.path+"?"+tt.query))
			want, _ := url.ParseQuery(tt.query)
			waitView(t, ctx, tt.path, want)
			data := clickForFile(t, ctx, tt.button, filepath.Join(dir, tt.file))
			// The file holds exactly what the pure package writes for the view.
			tb := reportTables(t).For(explore.Route(tt.path))
			st, _ := tb.Parse(want)
			var exp bytes.Buffer
			var err error
			if strings.HasSuffix(tt.file, ".csv") {
				err = explore.WriteCSV(&exp, tb, explore.Apply(tb, st), func(id string) string { return ui.Message(explore.LangZH, id) })
			} else {
				err = explore.WriteJSON(&exp, tb, explore.Apply(tb, st))
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(data, exp.Bytes()) {
				t.Errorf("%s =\n%s\nwant\n%s", tt.file, data, exp.Bytes())
			}
			if tt.check != nil {
				tt.check(t, data)
			}
		})
	}
}

// waitFile waits for a finished download at path and returns its bytes.
// clickForFile clicks the button sel until the download it starts lands
// at path, and returns the file. The click is the element's own (not a
// mouse at its coordinates, which a late layout shift can move off the
// button), and it is repeated a few times, because on a busy machine the
// first one can reach the page the server prerendered just before the
// wasm replaced it.
func clickForFile(tb testing.TB, ctx context.Context, sel, path string) []byte {
	tb.Helper()
	for range 4 {
		run(tb, ctx, "click "+sel, chromedp.WaitVisible(sel, chromedp.ByQuery),
			chromedp.Evaluate(`document.querySelector(`+jsString(sel)+`).click()`, nil))
		if data := waitFileFor(path, 5*time.Second); data != nil {
			return data
		}
	}
	return waitFile(tb, path)
}

// waitFileFor waits up to d for a non-empty file at path.
func waitFileFor(path string, d time.Duration) []byte {
	for deadline := time.Now().Add(d); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if data, err := os.ReadFile(path); err == nil && len(data) > 0 {
			return data
		}
	}
	return nil
}

func waitFile(tb testing.TB, path string) []byte {
	tb.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if data, err := os.ReadFile(path); err == nil && len(data) > 0 {
			return data
		}
		time.Sleep(100 * time.Millisecond)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	tb.Fatalf("no download %s; directory holds %v", path, names)
	return nil
}

// TestExploreSafety opens links whose values hold markup and script: the
// page shows them as literal text, builds no element from them, and opens
// no dialog; the server's prerendered page escapes them too.
func TestExploreSafety(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	var dialogs atomic.Int32
	chromedp.ListenTarget(ctx, func(ev any) {
		if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			dialogs.Add(1)
			go chromedp.Run(ctx, page.HandleJavaScriptDialog(false))
		}
	})
	markup := `<img src=x onerror=alert(1)><script>alert(1)</script>`
	tests := []struct {
		name, path, query string
	}{
		{"q", "/movers", "q=" + url.QueryEscape(markup)},
		{"facet value", "/events", "company=" + url.QueryEscape(markup)},
		{"sort", "/picks", "sort=" + url.QueryEscape(markup)},
		{"q and colors", "/constituents", "colors=" + url.QueryEscape(markup) + "&q=" + url.QueryEscape(markup)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := s.URL + tt.path + "?" + tt.query
			run(t, ctx, "open", chromedp.Navigate(u))
			got := waitView(t, ctx, tt.path, nil)
			var injected int
			eval(t, ctx, `document.querySelectorAll('main img, main script, [onerror]').length`, &injected)
			if injected != 0 {
				t.Errorf("%d elements built from the link's markup", injected)
			}
			var text string
			eval(t, ctx, `document.querySelector('main').innerText`, &text)
			if strings.Contains(tt.query, "q=") {
				if got.Q != markup {
					t.Errorf("search box = %q; want the literal %q", got.Q, markup)
				}
				if !strings.Contains(text, markup) {
					t.Errorf("page text lacks the literal markup (chip)")
				}
			} else if !strings.Contains(text, markup) {
				t.Errorf("page text lacks the literal markup (notice):\n%s", text)
			}
			time.Sleep(300 * time.Millisecond) // an onerror handler would have run by now
			if n := dialogs.Load(); n != 0 {
				t.Fatalf("%d dialogs opened", n)
			}
			resp, err := http.Get(u)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if bytes.Contains(body, []byte("<img src=x")) || bytes.Contains(body, []byte("<script>alert(1)")) {
				t.Errorf("prerendered page holds the markup unescaped")
			}
		})
	}
}

// TestStockPathMarkup requests a stock page whose name holds markup: the
// body the server prerenders holds it only escaped (the colour toggle's
// links, the not-found text). The head is go-app's: it writes the path
// into <meta property="og:url"> without HTML escaping, which only the
// server can prevent, so this test reads the
// body alone and opens no browser.
func TestStockPathMarkup(t *testing.T) {
	s := startServer(t)
	resp, err := http.Get(s.URL + "/stocks/" + url.PathEscape(`x"><img src=x onerror=alert(1)>`))
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	body := string(data)
	if i := strings.Index(body, "<body"); i >= 0 {
		body = body[i:]
	}
	if strings.Contains(body, "<img src=x") || strings.Contains(body, `x\"`) {
		t.Errorf("prerendered body holds the name's markup unescaped:\n%s", body)
	}
	if !strings.Contains(body, "x&#34;&gt;&lt;img src=x onerror=alert(1)&gt;") {
		t.Errorf("prerendered body does not show the name as text")
	}
}

// TestExploreColors switches the colour convention with the top-bar toggle:
// the shell takes class intl, ups turn green, and every internal link keeps
// colors=intl; switching back drops it.
func TestExploreColors(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	q := "link=" + url.QueryEscape("AI算法及数据")
	open(t, ctx, s.URL+"/constituents?"+q, "#count")
	waitView(t, ctx, "/constituents", url.Values{"link": {"AI算法及数据"}})
	upColor := func() string {
		var c string
		eval(t, ctx, `getComputedStyle(document.querySelector('td.up')).color`, &c)
		return c
	}
	const red, green = "rgb(198, 40, 40)", "rgb(27, 127, 58)"
	if c := upColor(); c != red {
		t.Errorf("cn: up colour = %s; want red %s", c, red)
	}
	click(t, ctx, `.colors-opt.intl`)
	waitView(t, ctx, "/constituents", url.Values{"link": {"AI算法及数据"}, "colors": {"intl"}})
	if c := upColor(); c != green {
		t.Errorf("intl: up colour = %s; want green %s", c, green)
	}
	// The chart follows the table in a later task: wait for its links too.
	const withoutJS = `Array.from(document.querySelectorAll('a[href^="/"]:not(.colors-opt.cn)')).map(a => a.getAttribute('href'))
		.filter(h => !h.includes('colors=intl'))`
	if err := chromedp.Run(ctx, chromedp.Poll(withoutJS+`.length === 0`, nil, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		var without []string
		eval(t, ctx, withoutJS, &without)
		t.Errorf("internal links without colors=intl: %q", without)
	}
	click(t, ctx, `nav a[href="/movers?colors=intl"]`)
	got := waitView(t, ctx, "/movers", url.Values{"colors": {"intl"}})
	if got.Shell != "shell intl" {
		t.Errorf("after nav shell = %q", got.Shell)
	}
	click(t, ctx, `.colors-opt.cn`)
	waitView(t, ctx, "/movers", url.Values{})
	var cls string
	eval(t, ctx, `document.querySelector('.shell').className`, &cls)
	if cls != "shell" {
		t.Errorf("back to cn: shell class %q", cls)
	}
	for _, p := range []string{"/?colors=intl", "/index?colors=intl", "/stocks/360?colors=intl", "/about?colors=intl"} {
		t.Run(p, func(t *testing.T) {
			open(t, ctx, s.URL+p, "main h1")
			var cls string
			var navHref string
			eval(t, ctx, `document.querySelector('.shell').className`, &cls)
			eval(t, ctx, `document.querySelector('nav a[aria-current], nav li:nth-child(3) a').getAttribute('href')`, &navHref)
			if cls != "shell intl" || !strings.Contains(navHref, "colors=intl") {
				t.Errorf("%s: shell %q, nav link %q", p, cls, navHref)
			}
		})
	}
}

// TestExploreCopyLink copies the view's link and shows that it did.
func TestExploreCopyLink(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	run(t, ctx, "grant clipboard", browser.GrantPermissions([]browser.PermissionType{
		browser.PermissionTypeClipboardReadWrite, browser.PermissionTypeClipboardSanitizedWrite}).WithOrigin(s.URL))
	u := s.URL + "/picks?layer=" + url.QueryEscape("应用层") + "&q=" + url.QueryEscape("信")
	run(t, ctx, "open", chromedp.Navigate(u))
	waitView(t, ctx, "/picks", nil)
	var href string
	eval(t, ctx, `location.href`, &href)
	// The copied link names the week it shows, which the address does not.
	href += "&week=" + testkit.LoadReport(t).Meta.ReportDate
	click(t, ctx, "#copy-link")
	var status string
	run(t, ctx, "wait for confirmation", chromedp.Poll(`(() => { const s = document.getElementById('copy-status').textContent;
		const f = document.getElementById('copy-url'); return s ? s + '|' + (f ? f.value : '') : null; })()`, &status,
		chromedp.WithPollingTimeout(10*time.Second)))
	copied, field, _ := strings.Cut(status, "|")
	switch copied {
	case ui.Message(explore.LangZH, "explore.copied"):
		var clip string
		if err := chromedp.Run(ctx, chromedp.Evaluate(`navigator.clipboard.readText()`, &clip, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
			return p.WithAwaitPromise(true)
		})); err == nil && clip != href {
			t.Errorf("clipboard = %q; want %q", clip, href)
		}
	case ui.Message(explore.LangZH, "explore.copy.failed"):
		// No clipboard in this browser: the link is offered to copy by hand.
		if field != href {
			t.Errorf("fallback field = %q; want %q", field, href)
		}
	default:
		t.Errorf("copy status = %q", copied)
	}
}

// TestStockPages reaches a company by an alias and an unknown name, and
// follows its links into the filtered views.
func TestStockPages(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	t.Run("alias", func(t *testing.T) {
		open(t, ctx, s.URL+"/stocks/"+url.PathEscape("百度集团-SW"), "main h1")
		if h := textOf(t, ctx, "main h1"); h != "百度-SW" {
			t.Errorf("h1 = %q; want 百度-SW", h)
		}
		if txt := textOf(t, ctx, "main"); !strings.Contains(txt, "AI大模型") || !strings.Contains(txt, "−13.04% ▼") {
			t.Errorf("stock page lacks its place and return:\n%s", txt)
		}
	})
	t.Run("unknown name offers the closest", func(t *testing.T) {
		open(t, ctx, s.URL+"/stocks/"+url.PathEscape("百度"), "main h1")
		var closest []string
		eval(t, ctx, `Array.from(document.querySelectorAll('.closest a')).map(a => a.textContent)`, &closest)
		if !slices.Contains(closest, "百度-SW") {
			t.Errorf("closest = %v; want 百度-SW among them", closest)
		}
		click(t, ctx, `.closest a`)
		run(t, ctx, "wait for the stock page", chromedp.WaitVisible(`#movers`, chromedp.ByQuery))
	})
	t.Run("links into filtered views", func(t *testing.T) {
		open(t, ctx, s.URL+"/stocks/"+url.PathEscape("微软"), "main h1")
		click(t, ctx, "#events-all")
		got := waitView(t, ctx, "/events", url.Values{"company": {"微软"}})
		if !slices.Equal(got.ids(), []string{"on-1", "on-4", "on-6", "on-8"}) {
			t.Errorf("events of 微软 = %v", got.ids())
		}
		open(t, ctx, s.URL+"/stocks/360", "main h1")
		click(t, ctx, `#movers a[href*="list=period-losers"]`)
		waitView(t, ctx, "/movers", url.Values{"list": {"period-losers"}})
	})
	t.Run("company names link to stock pages", func(t *testing.T) {
		open(t, ctx, s.URL+"/picks?q="+url.QueryEscape("奇安信"), "#count")
		click(t, ctx, `td.col-name a`)
		run(t, ctx, "wait for the stock page", chromedp.WaitVisible(`#movers`, chromedp.ByQuery))
		if h := textOf(t, ctx, "main h1"); h != "奇安信" {
			t.Errorf("h1 = %q", h)
		}
	})
}

// TestOverviewLinks follows the overview's lists and counts into the
// filtered views they summarise.
func TestOverviewLinks(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	tests := []struct {
		sel  string
		path string
		want url.Values
	}{
		{`#top-ytd-gainers h3 a`, "/movers", url.Values{"list": {"ytd-gainers"}}},
		{`#top-period-losers .more a`, "/movers", url.Values{"list": {"period-losers"}}},
		{`#count-events .breakdown a[href*="kind=company"]`, "/events", url.Values{"kind": {"company"}}},
		{`#count-picks .breakdown a[href*="layer="]`, "/picks", url.Values{"layer": {"基础层"}}},
		{`#count-constituents a.total`, "/constituents", url.Values{}},
	}
	for _, tt := range tests {
		t.Run(tt.sel, func(t *testing.T) {
			open(t, ctx, s.URL+"/?colors=intl", "main h1")
			click(t, ctx, tt.sel)
			want := url.Values{"colors": {"intl"}}
			for k, v := range tt.want {
				want[k] = v
			}
			waitView(t, ctx, tt.path, want)
		})
	}
}
