package ui

import (
	"fmt"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/testkit"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The explorer specs of the route table, by route.
var (
	moversSpec       = specOf(explore.RouteMovers)
	constituentsSpec = specOf(explore.RouteConstituents)
	eventsSpec       = specOf(explore.RouteEvents)
	picksSpec        = specOf(explore.RoutePicks)
)

// specOf is the explorer spec of route in the route table.
func specOf(route explore.Route) explorerSpec {
	for _, r := range routeTable {
		if r.explorer != nil && r.explorer.route == route {
			return *r.explorer
		}
	}
	panic("no explorer route " + string(route))
}

// newExplorer is an explorer for spec showing the real report at query.
func newExplorer(tb testing.TB, spec explorerSpec, query string) *explorer {
	tb.Helper()
	if _, err := url.ParseQuery(query); err != nil {
		tb.Fatalf("url.ParseQuery(%q): %v", query, err)
	}
	x := &explorer{spec: spec}
	x.title = spec.title
	x.content = newContent(testkit.LoadReport(tb))
	x.rep = x.content.rep
	x.show(query)
	return x
}

// groupIDs lists the groups x renders, each as value: ids.
func groupIDs(x *explorer) []string {
	var out []string
	for _, g := range x.groups(x.res.Rows) {
		var ids []string
		for _, r := range g.rows {
			ids = append(ids, r.ID)
		}
		out = append(out, g.value+": "+strings.Join(ids, " "))
	}
	return out
}

func TestExplorerGroups(t *testing.T) {
	tests := []struct {
		name  string
		spec  explorerSpec
		query string
		want  []string
	}{
		{"movers in report order", moversSpec, "segment=AI芯片",
			[]string{"period-gainers: period-gainers/1", "ytd-gainers: ytd-gainers/1 ytd-gainers/9"}},
		{"movers sorted inside each list", moversSpec, "sort=-return&segment=AI芯片",
			[]string{"period-gainers: period-gainers/1", "ytd-gainers: ytd-gainers/1 ytd-gainers/9"}},
		{"movers sorted by list reverse the tables", moversSpec, "sort=-list&segment=AI芯片",
			[]string{"ytd-gainers: ytd-gainers/1 ytd-gainers/9", "period-gainers: period-gainers/1"}},
		{"events by kind", eventsSpec, "company=微软&sort=-date",
			[]string{"overseas: on-6 on-8 on-4 on-1"}},
		{"constituents in one table", constituentsSpec, "segment=AI大模型", []string{": k14 k15"}},
		{"no rows no groups", picksSpec, "q=nothing", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := newExplorer(t, tt.spec, tt.query)
			if got := groupIDs(x); !slices.Equal(got, tt.want) {
				t.Errorf("%s?%s groups = %q; want %q", tt.spec.route, tt.query, got, tt.want)
			}
		})
	}
}

// TestGroupsOfFollowsTheView checks the groups the tables render, kept
// between renders: the same view's rows give the groups already split, a
// new view's rows its own.
func TestGroupsOfFollowsTheView(t *testing.T) {
	x := newExplorer(t, moversSpec, "segment=AI芯片")
	first := x.groupsOf(x.res.Rows)
	if !reflect.DeepEqual(first, x.groups(x.res.Rows)) {
		t.Fatalf("groupsOf = %v; want groups' %v", first, x.groups(x.res.Rows))
	}
	if again := x.groupsOf(x.res.Rows); len(again) == 0 || &again[0] != &first[0] {
		t.Errorf("groupsOf split the same rows again")
	}
	x.show("sort=-list&segment=AI芯片")
	got, want := x.groupsOf(x.res.Rows), x.groups(x.res.Rows)
	if !reflect.DeepEqual(got, want) || reflect.DeepEqual(got, first) {
		t.Errorf("after a new view groupsOf = %v; want %v", got, want)
	}
}

func TestExplorerNotices(t *testing.T) {
	x := newExplorer(t, moversSpec, "list=bogus&colors=pink&link=AI应用&utm=x")
	var got []string
	for _, n := range x.notices {
		got = append(got, n.String())
	}
	// A table page lists the colors notice in its own box (the shell
	// shows it on the other routes); utm is no parameter.
	want := []string{`colors="pink": notice.unknown-value`, `list="bogus": notice.unknown-value`}
	if !slices.Equal(got, want) {
		t.Errorf("notices = %q; want %q", got, want)
	}
	if !x.st.Selected(explore.FacetLink, "AI应用") {
		t.Errorf("state %+v lost link=AI应用", x.st)
	}
}

// countRows counts the table rows in rendered HTML, header rows aside.
func countRows(s string) int { return strings.Count(s, "<tr") - strings.Count(s, "<thead") }

// rowTag is the opening tag of the row with the given id in rendered HTML,
// "" if there is none.
func rowTag(html, id string) string {
	for _, m := range regexp.MustCompile(`<tr [^>]*>`).FindAllString(html, -1) {
		if strings.Contains(m, ` id="`+id+`"`) {
			return m
		}
	}
	return ""
}

// TestExplorerRowWindow checks that a long table mounts the window of its
// rows, wherever it starts, says how many rows it has in all and where
// each mounted row is, and mounts every row for printing.
func TestExplorerRowWindow(t *testing.T) {
	const n = 2*windowRows + 50
	x := &explorer{spec: explorerSpec{route: explore.RouteConstituents, title: "constituents.title"}}
	x.table = bigTable(t, n)
	x.res = explore.Apply(x.table, x.st)
	for _, tc := range []struct {
		print           bool
		winStart, first int
		want            int
	}{
		{winStart: 0, first: 0, want: windowRows},
		{winStart: windowStep, first: windowStep, want: windowRows},
		{winStart: n, first: n - windowRows, want: windowRows}, // past the end: the last window
		{print: true, winStart: windowStep, first: 0, want: n},
	} {
		x.winStart, x.printAll = tc.winStart, tc.print
		html := app.HTMLString(x.tables())
		if got := countRows(html); got != tc.want {
			t.Errorf("window at %d, print %v: %d rows rendered; want %d", tc.winStart, tc.print, got, tc.want)
		}
		if want := fmt.Sprintf(`aria-rowcount="%d"`, n+1); !strings.Contains(html, want) {
			t.Errorf("window at %d: no %s in the table", tc.winStart, want)
		}
		id := x.res.Rows[tc.first].ID
		if tag, want := rowTag(html, id), fmt.Sprintf(`aria-rowindex="%d"`, tc.first+2); !strings.Contains(tag, want) || countRows(html[:strings.Index(html, tag)]) != 0 {
			t.Errorf("window at %d, print %v: the first row is not %s with %s (%q)", tc.winStart, tc.print, id, want, tag)
		}
	}
}

// TestWindowGroups cuts groups in display order to a window.
func TestWindowGroups(t *testing.T) {
	rows := func(n int) []*explore.Row { return make([]*explore.Row, n) }
	gs := []group{{value: "a", rows: rows(10)}, {value: "b", rows: rows(5)}, {value: "c", rows: rows(10)}}
	var got []string
	for _, w := range windowGroups(gs, 12, 20) {
		got = append(got, fmt.Sprintf("%s %d+%d/%d", w.value, w.first, len(w.rows), w.total))
	}
	if want := []string{"b 2+3/5", "c 0+5/10"}; !slices.Equal(got, want) {
		t.Errorf("windowGroups(12, 20) = %q; want %q", got, want)
	}
}

// bigTable is an n-row table shaped like /constituents.
func bigTable(tb testing.TB, n int) *explore.Table {
	tb.Helper()
	cols := []explore.Column{
		{Key: explore.ColName, Label: "col.name"},
		{Key: explore.ColLink, Label: "col.link"},
		{Key: explore.ColSegment, Label: "col.segment"},
		{Key: explore.ColPeriod, Label: "col.period", Kind: explore.Number},
		{Key: explore.ColYTD, Label: "col.ytd", Kind: explore.Number},
	}
	facets := []explore.Facet{{Key: explore.FacetLink, Label: "facet.link"}, {Key: explore.FacetSegment, Label: "facet.segment"}}
	rows := make([]explore.Row, n)
	for i := range rows {
		link := "link" + strconv.Itoa(i%4)
		rows[i] = explore.Row{
			ID:     "r" + strconv.Itoa(i),
			Cells:  []explore.Cell{explore.TextCell("公司" + strconv.Itoa(i)), explore.TextCell(link), explore.TextCell(""), explore.NumberCell(float64(i%7)-3, ""), explore.MissingCell()},
			Facets: map[string][]string{explore.FacetLink: {link}},
		}
	}
	t, err := explore.NewTable(explore.RouteConstituents, cols, facets, rows)
	if err != nil {
		tb.Fatalf("NewTable: %v", err)
	}
	return t
}

func TestExplorerFacetValuesBounded(t *testing.T) {
	vals := make([]explore.FacetValue, 40)
	for i := range vals {
		vals[i] = explore.FacetValue{Value: "v" + strconv.Itoa(i), Count: 1, Selected: i == 30}
	}
	got := shownValues(vals, facetRows)
	if len(got) != facetRows+1 || got[len(got)-1].Value != "v30" {
		t.Errorf("shownValues kept %d values ending %q; want %d ending with the selected v30", len(got), got[len(got)-1].Value, facetRows+1)
	}
	if got := shownValues(vals[:5], facetRows); len(got) != 5 {
		t.Errorf("shownValues of 5 = %d values", len(got))
	}
}

// TestPrerenderEscapes renders explorer pages as the server does, with
// markup in every place a link can put it: the HTML holds it only escaped.
func TestPrerenderEscapes(t *testing.T) {
	markup := `"><img src=x onerror=alert(1)><script>alert(1)</script>`
	q := url.QueryEscape(markup)
	tests := []struct {
		spec  explorerSpec
		query string
	}{
		{moversSpec, "q=" + q},
		{eventsSpec, "company=" + q + "&from=" + q + "&q=" + q},
		{picksSpec, "sort=" + q + "&layer=" + q},
	}
	for _, tt := range tests {
		t.Run(string(tt.spec.route), func(t *testing.T) {
			x := newExplorer(t, tt.spec, tt.query)
			html := app.HTMLString(x.render())
			for _, bad := range []string{"<img", "<script>alert", `onerror=alert(1)">`} {
				if strings.Contains(html, bad) {
					i := strings.Index(html, bad)
					t.Errorf("rendered page holds %q: …%s…", bad, html[max(0, i-120):min(len(html), i+60)])
				}
			}
			if !strings.Contains(html, "&lt;img src=x onerror=alert(1)&gt;") {
				t.Errorf("rendered page does not show the markup as text")
			}
		})
	}
}

// TestTypedQueries checks how the explorer tells a navigation that typing
// caused from Back or Forward, which must set a focused search box.
func TestTypedQueries(t *testing.T) {
	var tq typedQueries
	tq.add("科")
	tq.add("科技")
	if !tq.arrived("科") || !slices.Equal(tq, typedQueries{"科技"}) {
		t.Errorf("after the first typed query arrived: %q; want [科技] pending", tq)
	}
	if !tq.arrived("科技") || len(tq) != 0 {
		t.Errorf("after the last typed query arrived: %q; want none pending", tq)
	}
	tq.add("a")
	if tq.arrived("") || len(tq) != 0 {
		t.Errorf("a query never typed counted as typed, or left %q pending", tq)
	}
	for i := range maxTyped + 10 {
		tq.add(strings.Repeat("x", i))
	}
	if len(tq) != maxTyped {
		t.Errorf("%d queries kept; want at most %d", len(tq), maxTyped)
	}
}
