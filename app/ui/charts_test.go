package ui

import (
	"bytes"
	"encoding/xml"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/app/testkit"
)

// chartReport is the real data/report.json, whose period and rate
// tableChart draws with.
func chartReport(tb testing.TB) *report.Report {
	tb.Helper()
	return testkit.LoadReport(tb)
}

// svgDoc is what the tests read from a drawn chart.
type svgDoc struct {
	label, describedBy string
	texts              []string          // every <text>, in order, without its tooltip
	fills              []string          // the fill of every <path>, in order
	links              map[string]string // href -> aria-label of every <a>
	linkOrder          []string          // hrefs in order
}

// parseChart decodes an SVG document fully, failing on invalid XML.
func parseChart(tb testing.TB, b []byte) svgDoc {
	tb.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	doc := svgDoc{links: map[string]string{}}
	var stack []string
	var text *strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			if err.Error() == "EOF" {
				break
			}
			tb.Fatalf("chart is not XML: %v\n%s", err, b)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			attr := func(name string) string {
				for _, a := range tok.Attr {
					if a.Name.Local == name {
						return a.Value
					}
				}
				return ""
			}
			switch tok.Name.Local {
			case "svg":
				doc.label, doc.describedBy = attr("aria-label"), attr("aria-describedby")
			case "path":
				doc.fills = append(doc.fills, attr("fill"))
			case "a":
				doc.links[attr("href")] = attr("aria-label")
				doc.linkOrder = append(doc.linkOrder, attr("href"))
			case "text":
				text = &strings.Builder{}
			}
			stack = append(stack, tok.Name.Local)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			if tok.Name.Local == "text" && text != nil {
				doc.texts = append(doc.texts, text.String())
				text = nil
			}
		case xml.CharData:
			if text != nil && stack[len(stack)-1] == "text" {
				text.Write(tok)
			}
		}
	}
	return doc
}

// drawTableChart applies query to route's table and draws its chart at
// 640 px, light; ok is false when there is no chart.
func drawTableChart(tb testing.TB, r *report.Report, route explore.Route, query string) (*chartView, svgDoc, bool) {
	tb.Helper()
	tab := explore.BuildTables(r).For(route)
	v, err := url.ParseQuery(query)
	if err != nil {
		tb.Fatal(err)
	}
	s, _ := tab.Parse(v)
	ui := zhPrefs.tableChart(tab, explore.Apply(tab, s), s, r)
	if ui == nil {
		return nil, svgDoc{}, false
	}
	cv, ok := ui.(*chartView)
	if !ok {
		tb.Fatalf("zhPrefs.tableChart(%s?%s) = %T; want *chartView", route, query, ui)
	}
	b, err := cv.Draw(640, false)
	if err != nil {
		tb.Fatalf("draw %s?%s: %v", route, query, err)
	}
	return cv, parseChart(tb, b), true
}

// The bar colours of app/chart.
const (
	redFill   = "#e5484d"
	greenFill = "#30a46c"
)

func TestTableChartMovers(t *testing.T) {
	r := chartReport(t)
	tests := []struct {
		query      string
		labels     []string // the first labels, in order
		bars       int
		gain, loss string
	}{
		{"list=period-losers", []string{"当虹科技", "海天瑞声", "拓维信息"}, 10, redFill, greenFill},
		{"list=period-gainers&colors=intl", []string{"源杰科技", "昆仑万维", "返利科技"}, 10, greenFill, redFill},
		{"list=ytd-gainers&sort=name", nil, 10, redFill, greenFill},
		// Several lists: each label names its list's horizon. 商汤-W is
		// found by its alias 商汤科技.
		{"q=科技", []string{"源杰科技（本期）", "返利科技（本期）", "万兴科技（本期）", "商汤-W（本期）"}, 9, redFill, greenFill},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			cv, doc, ok := drawTableChart(t, r, explore.RouteMovers, tt.query)
			if !ok {
				t.Fatal("no chart")
			}
			if cv.ID != "chart-movers" || doc.describedBy != cv.ID+"-note" || cv.Note == "" {
				t.Errorf("id %q, aria-describedby %q, note %q; want chart-movers and its note", cv.ID, doc.describedBy, cv.Note)
			}
			if n := countFill(doc.fills, tt.gain) + countFill(doc.fills, tt.loss); n != tt.bars {
				t.Errorf("%d bars; want %d", n, tt.bars)
			}
			// Labels sit left of the bars in row order: the texts
			// without a % are the labels.
			var labels []string
			for _, tx := range doc.texts {
				if !strings.Contains(tx, "%") {
					labels = append(labels, tx)
				}
			}
			if len(labels) != tt.bars {
				t.Errorf("labels %q; want %d", labels, tt.bars)
			}
			if tt.labels != nil && !slices.Equal(labels[:len(tt.labels)], tt.labels) {
				t.Errorf("labels start %q; want %q", labels[:len(tt.labels)], tt.labels)
			}
			if strings.Contains(tt.query, "sort=name") {
				tab := explore.BuildTables(r).Movers
				v, _ := url.ParseQuery(tt.query)
				s, _ := tab.Parse(v)
				var names []string
				for _, row := range explore.Apply(tab, s).Rows {
					names = append(names, row.Cells[1].Text)
				}
				if !slices.Equal(labels, names) {
					t.Errorf("labels %q under sort=name; want the table's (sorted) order %q", labels, names)
				}
			}
		})
	}
}

// TestTableChartMoversColors checks that a gain is drawn in red under cn
// and green under intl, and a loss the reverse.
func TestTableChartMoversColors(t *testing.T) {
	r := chartReport(t)
	for _, tt := range []struct {
		query      string
		red, green int
	}{
		{"list=period-gainers", 10, 0},
		{"list=period-gainers&colors=intl", 0, 10},
		{"list=period-losers", 0, 10},
		{"list=period-losers&colors=intl", 10, 0},
	} {
		_, doc, _ := drawTableChart(t, r, explore.RouteMovers, tt.query)
		if red, green := countFill(doc.fills, redFill), countFill(doc.fills, greenFill); red != tt.red || green != tt.green {
			t.Errorf("%s: %d red, %d green bars; want %d, %d", tt.query, red, green, tt.red, tt.green)
		}
	}
}

func countFill(fills []string, f string) int {
	n := 0
	for _, x := range fills {
		if x == f {
			n++
		}
	}
	return n
}

// TestTableChartConstituents checks that each bar links to exactly the
// view the facet panel's link for the same value opens, and that a
// selected value's bar clears it.
func TestTableChartConstituents(t *testing.T) {
	r := chartReport(t)
	tab := explore.BuildTables(r).Constituents
	tests := []struct {
		query string
		bars  []string // labels with their counts
	}{
		{"", []string{"AI算力及基础设施 13", "AI芯片 4", "AI服务器 4", "CPU、GPU 4", "AI运维服务 1", "AI算法及数据 8", "AI大模型 2", "AI算法 4", "AI数据 2", "AI工具 12", "AI应用 12"}},
		{"link=AI工具&colors=intl", []string{"AI工具 12"}},
		{"segment=AI芯片&q=科", []string{"AI算力及基础设施 2", "AI芯片 2"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			v, _ := url.ParseQuery(tt.query)
			s, _ := tab.Parse(v)
			res := explore.Apply(tab, s)
			_, doc, ok := drawTableChart(t, r, explore.RouteConstituents, tt.query)
			if !ok {
				t.Fatal("no chart")
			}
			var bars []string
			for i := 0; i+1 < len(doc.texts); i += 2 {
				bars = append(bars, doc.texts[i]+" "+doc.texts[i+1])
			}
			if !slices.Equal(bars, tt.bars) {
				t.Errorf("bars %q; want %q", bars, tt.bars)
			}
			// The facet panel links each value to viewHref(s.Toggle(...)).
			want := map[string]string{}
			for _, f := range res.Facets {
				for _, fv := range f.Values {
					want[viewHref(s.Toggle(f.Key, fv.Value))] = fv.Value
				}
			}
			if len(doc.linkOrder) != len(tt.bars) {
				t.Errorf("%d links; want one per bar (%d)", len(doc.linkOrder), len(tt.bars))
			}
			for i, href := range doc.linkOrder {
				value, ok := want[href]
				if !ok || !strings.HasPrefix(tt.bars[i], value+" ") {
					t.Errorf("bar %q links to %q; want its facet link", tt.bars[i], href)
				}
				name := doc.links[href]
				if sel := s.Selected(explore.FacetLink, value) || s.Selected(explore.FacetSegment, value); sel != strings.HasPrefix(name, "取消筛选") {
					t.Errorf("bar %q (selected %v) named %q", value, sel, name)
				}
			}
		})
	}
}

func TestTableChartEvents(t *testing.T) {
	r := chartReport(t)
	tests := []struct {
		query       string
		first, last string
		total       int
	}{
		{"", "4/1", "4/14", 18},
		{"kind=overseas", "4/1", "4/14", 9},
		{"from=2023-04-05&to=2023-04-10", "4/5", "4/10", 9},
		{"from=2020-01-01", "4/1", "4/14", 17}, // outside the period: the period's axis; the undated item drops
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			cv, doc, ok := drawTableChart(t, r, explore.RouteEvents, tt.query)
			if !ok {
				t.Fatal("no chart")
			}
			var days []string
			for _, tx := range doc.texts {
				if strings.Contains(tx, "/") {
					days = append(days, tx)
				}
			}
			if len(days) == 0 || days[0] != tt.first || days[len(days)-1] != tt.last {
				t.Errorf("day labels %q; want %s to %s", days, tt.first, tt.last)
			}
			if !strings.Contains(cv.Note, " "+strconv.Itoa(tt.total)+" ") {
				t.Errorf("note %q; want it to count %d rows", cv.Note, tt.total)
			}
		})
	}
}

func TestTableChartFinancings(t *testing.T) {
	r := chartReport(t)
	cv, doc, ok := drawTableChart(t, r, explore.RouteFinancings, "")
	if !ok {
		t.Fatal("no chart")
	}
	// 3000万人民币 at 6.8764 CNY per USD is 4,362,748.5 USD.
	for _, w := range []string{"Perplexity", "$25.6M（2560万美元）", "$3M（300万美元）", "宇宙奇点", "$4.4M（3000万人民币）", "USD（1 USD = 6.8764 CNY，2023-04-10 数据所存汇率）"} {
		if !slices.Contains(doc.texts, w) {
			t.Errorf("chart lacks %q; texts %q", w, doc.texts)
		}
	}
	for _, w := range []string{"CNY", "2023-04-10", "报告本身未给出汇率"} {
		if !strings.Contains(cv.Note, w) {
			t.Errorf("note %q lacks %q", cv.Note, w)
		}
	}
	if _, doc, _ := drawTableChart(t, r, explore.RouteFinancings, "currency=CNY"); !slices.Contains(doc.texts, "宇宙奇点") || slices.Contains(doc.texts, "Perplexity") {
		t.Errorf("currency=CNY texts %q; want 宇宙奇点 alone", doc.texts)
	}
}

func TestTableChartNone(t *testing.T) {
	r := chartReport(t)
	for _, tt := range []struct {
		route explore.Route
		query string
	}{
		{explore.RoutePicks, ""},
		{explore.RouteMovers, "q=没有这家公司"},
		{explore.RouteConstituents, "q=没有这家公司"},
	} {
		if _, _, ok := drawTableChart(t, r, tt.route, tt.query); ok {
			t.Errorf("%s?%s has a chart; want none", tt.route, tt.query)
		}
	}
	if got := zhPrefs.tableChart(nil, explore.Result{}, explore.State{}, r); got != nil {
		t.Errorf("zhPrefs.tableChart(nil table) = %v; want nil", got)
	}
}

// TestTableChartKey checks the key that decides whether chartView draws
// again: the same rows give the same key whatever the search text, other
// rows or another colour convention give another.
func TestTableChartKey(t *testing.T) {
	r := chartReport(t)
	key := func(query string) string {
		cv, _, ok := drawTableChart(t, r, explore.RouteMovers, query)
		if !ok {
			t.Fatalf("%s: no chart", query)
		}
		return cv.Key
	}
	if a, b := key(""), key("q=A"); a != b {
		t.Errorf("key of all rows %q != key of q=A, which shows the same rows", a)
	}
	for _, q := range []string{"q=科", "colors=intl", "sort=return"} {
		if key("") == key(q) {
			t.Errorf("key of %s equals the unfiltered key; want another", q)
		}
	}
}

// TestChartViewRedraw checks that chartView draws only when the key, the
// width or the colour scheme changed.
func TestChartViewRedraw(t *testing.T) {
	calls := 0
	c := &chartView{ID: "chart-x", Key: "a", Draw: func(w int, dark bool) ([]byte, error) {
		calls++
		return []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="` + strconv.Itoa(w) + `"/>`), nil
	}}
	c.OnInit()
	steps := []struct {
		name  string
		do    func()
		calls int
	}{
		{"first", func() {}, 1},
		{"same", c.redraw, 1},
		{"new key", func() { c.Key = "b"; c.redraw() }, 2},
		{"same key again", c.redraw, 2},
		{"width", func() { c.width = 375; c.redraw() }, 3},
		{"dark", func() { c.dark = true; c.redraw() }, 4},
	}
	for _, s := range steps {
		s.do()
		if calls != s.calls {
			t.Errorf("%s: %d draws; want %d", s.name, calls, s.calls)
		}
	}
	if c.svg != `<svg xmlns="http://www.w3.org/2000/svg" width="375"/>` {
		t.Errorf("svg = %q; want the last drawing", c.svg)
	}
}

func TestInternalURL(t *testing.T) {
	page, _ := url.Parse("http://127.0.0.1:8000/constituents?q=x")
	tests := []struct {
		ref  string
		want string
		ok   bool
	}{
		{"/constituents?link=AI%E5%B7%A5%E5%85%B7", "http://127.0.0.1:8000/constituents?link=AI%E5%B7%A5%E5%85%B7", true},
		{"/constituents", "http://127.0.0.1:8000/constituents", true},
		{"/sub/constituents?segment=x", "http://127.0.0.1:8000/sub/constituents?segment=x", true},
		{"https://example.com/x", "", false},
		{"//example.com/x", "", false},
		{"http://127.0.0.1:8001/", "", false},
	}
	for _, tt := range tests {
		u, ok := internalURL(page, tt.ref)
		if ok != tt.ok || ok && u.String() != tt.want {
			t.Errorf("internalURL(%q) = %v, %v; want %q, %v", tt.ref, u, ok, tt.want, tt.ok)
		}
	}
}

// TestIndexChart checks the chart of /index and the overview: both
// returns of both indexes, the excess labelled, and the colours of the
// link's convention.
func TestIndexChart(t *testing.T) {
	r := chartReport(t)
	for _, tt := range []struct {
		colors     explore.Colors
		gain, loss string
	}{
		{explore.ColorsCN, "#c62a2f", "#18794e"},
		{explore.ColorsIntl, "#18794e", "#c62a2f"},
	} {
		c := &indexChart{Rep: r, Prefs: prefs{url: explore.Prefs{Colors: tt.colors}, lang: zh}}
		cv, ok := c.Render().(*chartView)
		if !ok {
			t.Fatalf("indexChart renders %T; want *chartView", c.Render())
		}
		b, err := cv.Draw(640, false)
		if err != nil {
			t.Fatal(err)
		}
		doc := parseChart(t, b)
		for _, w := range []string{"AI概念指数", "沪深300指数", "超额收益", "+56.16 pct ▲", "+61.85% ▲", "−0.81% ▼", "+1.01% ▲", "+5.69% ▲"} {
			if !slices.Contains(doc.texts, w) {
				t.Errorf("%s: chart lacks %q; texts %q", tt.colors, w, doc.texts)
			}
		}
		// The value text takes the gain colour, the one loss the loss colour.
		if !bytes.Contains(b, []byte(`fill="`+tt.gain+`">+61.85%`)) || !bytes.Contains(b, []byte(`fill="`+tt.loss+`">−0.81%`)) {
			t.Errorf("%s: value colours not %s up, %s down", tt.colors, tt.gain, tt.loss)
		}
		if doc.describedBy != "chart-index-note" {
			t.Errorf("aria-describedby = %q; want chart-index-note", doc.describedBy)
		}
	}
}

// TestEventDays checks that the events chart gets one entry per day, the
// period's ends included, with every shown event counted once under its kind.
func TestEventDays(t *testing.T) {
	r := chartReport(t)
	tb := explore.Events(r)
	s, _ := tb.Parse(url.Values{})
	days, _ := eventDays(tb, explore.Apply(tb, s), "2023-04-01", "2023-04-14")
	got := map[string][3]int{}
	total := 0
	for _, d := range days {
		if _, dup := got[d.Date]; dup {
			t.Errorf("day %q listed twice", d.Date)
		}
		got[d.Date] = [3]int{d.Company, d.Domestic, d.Overseas}
		total += d.Company + d.Domestic + d.Overseas
	}
	if days[0].Date != "2023-04-01" || days[1].Date != "2023-04-14" {
		t.Errorf("first days = %q, %q; want the period's ends", days[0].Date, days[1].Date)
	}
	for date, want := range map[string][3]int{
		"2023-04-13": {0, 1, 2},
		"2023-04-10": {1, 1, 1},
		"":           {0, 1, 0},
		"2023-04-01": {0, 0, 0},
	} {
		if got[date] != want {
			t.Errorf("day %q = %v; want %v", date, got[date], want)
		}
	}
	if total != 18 {
		t.Errorf("events counted = %d; want 18", total)
	}
}
