package explore

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/testkit"
)

func TestRealViews(t *testing.T) {
	// Each case wants the texts of column col, in order.
	tests := []struct {
		name     string
		route    Route
		raw, col string
		want     []string
	}{
		{"movers ytd gainers by return desc", RouteMovers, "list=ytd-gainers&sort=-return", ColName,
			[]string{"寒武纪-U", "昆仑万维", "海天瑞声", "万兴科技", "云从科技-UW", "三六零", "拓尔思", "大华股份", "源杰科技", "返利科技"}},
		{"movers ytd gainers returns", RouteMovers, "list=ytd-gainers&sort=-return", ColReturn,
			[]string{"257.40", "238.31", "197.67", "185.76", "174.00", "137.00", "128.58", "116.80", "109.15", "104.19"}},
		{"movers losers by return asc", RouteMovers, "list=period-losers&sort=return", ColName,
			[]string{"当虹科技", "海天瑞声", "拓维信息", "百度集团-SW", "景嘉微", "三六零", "拓尔思", "汉得信息", "致远互联", "格灵深瞳-U"}},
		{"movers segment through constituent", RouteMovers, "segment=AI芯片", ColName,
			[]string{"源杰科技", "寒武纪-U", "源杰科技"}},
		{"movers link and list AND", RouteMovers, "link=AI工具&list=period-gainers", ColName,
			[]string{"万兴科技", "远光软件"}},
		{"movers two lists OR", RouteMovers, "list=period-gainers&list=period-losers&q=三六零", ColList,
			[]string{"period-losers"}},
		{"movers search chinese", RouteMovers, "q=科技&list=ytd-gainers", ColName,
			[]string{"万兴科技", "云从科技-UW", "源杰科技", "返利科技"}},
		{"movers sort by list keeps report order of lists", RouteMovers, "sort=-list&q=昆仑", ColList,
			[]string{"ytd-gainers", "period-gainers"}},
		{"constituents AI工具", RouteConstituents, "link=AI工具&q=软件", ColName,
			[]string{"科蓝软件", "远光软件"}},
		{"constituents ytd desc missing last", RouteConstituents, "sort=-ytd&segment=AI芯片", ColName,
			[]string{"寒武纪-U", "源杰科技", "长光华芯", "澜起科技"}},
		{"constituents period asc", RouteConstituents, "sort=period&link=AI算法及数据", ColPeriod,
			[]string{"-15.90", "-13.04", "-8.01", "-7.81", "10.98", "", "", ""}},
		{"events kind company", RouteEvents, "kind=company", "id",
			[]string{"ce-1", "ce-2", "ce-3", "ce-4"}},
		{"events date range inclusive, undated out", RouteEvents, "from=2023-04-10&to=2023-04-12", "id",
			[]string{"ce-3", "ce-4", "dn-4", "on-5", "on-6", "on-8"}},
		{"events date desc undated last", RouteEvents, "sort=-date&kind=domestic", "id",
			[]string{"dn-5", "dn-4", "dn-3", "dn-2", "dn-1"}},
		{"events date asc undated last", RouteEvents, "sort=date&kind=domestic", "id",
			[]string{"dn-2", "dn-3", "dn-4", "dn-5", "dn-1"}},
		{"events company", RouteEvents, "company=微软", "id",
			[]string{"on-1", "on-4", "on-6", "on-8"}},
		{"events q case-insensitive", RouteEvents, "q=deepspeed", "id", []string{"on-6"}},
		{"events q source", RouteEvents, "q=澎湃新闻", "id", []string{"on-6", "on-7"}},
		{"events q company event details", RouteEvents, "q=雪湖·海若", "id", []string{"ce-4"}},
		{"events q news text", RouteEvents, "q=sundar", "id", []string{"on-3"}},
		{"events to only", RouteEvents, "to=2023-04-04", "id", []string{"on-1", "on-2"}},
		{"financings amount in usd", RouteFinancings, "sort=amount", ColName,
			[]string{"Portrait Analytics", "宇宙奇点", "Perplexity"}},
		{"financings amount desc", RouteFinancings, "sort=-amount", ColAmount,
			[]string{"2560万美元", "3000万人民币", "300万美元"}},
		{"financings currency", RouteFinancings, "currency=CNY", ColName, []string{"宇宙奇点"}},
		{"picks layer", RoutePicks, "layer=基础层", ColName, []string{"360", "科大讯飞"}},
		{"picks vertical", RoutePicks, "vertical=AI%2B医疗&vertical=AI%2B网安", ColName,
			[]string{"创业慧康", "久远银海", "安恒信息", "奇安信"}},
		{"picks q", RoutePicks, "q=科大讯飞", ColVertical, []string{"大模型", "AI+教育"}},
		{"picks sort vertical", RoutePicks, "sort=-name&layer=基础层", ColName, []string{"科大讯飞", "360"}},
		{"movers by link, then biggest return", RouteMovers, "list=ytd-gainers&sort=link,-return", ColReturn,
			// links in pinyin order: 工具, 算法及数据, 算力及基础设施, 应用
			[]string{"185.76", "197.67", "174.00", "137.00", "128.58", "257.40", "109.15", "238.31", "116.80", "104.19"}},
		{"movers q by alias", RouteMovers, "q=360", "id", []string{"ytd-gainers/6", "period-losers/6"}},
		{"constituents q by alias", RouteConstituents, "q=百度集团", ColName, []string{"百度-SW"}},
		{"picks q by the name the picks do not print", RoutePicks, "q=三六零", ColName, []string{"360"}},
		{"events company by alias", RouteEvents, "company=商汤科技", "id", []string{"ce-3"}},
		{"markup in q matches nothing", RouteMovers, "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", ColName, []string{}},
	}
	ts := realTables(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := ts.For(tt.route)
			_, r := view(t, tb, tt.raw)
			var got []string
			if tt.col == "id" {
				got = ids(r)
			} else {
				got = column(t, tb, r, tt.col)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s?%s %s = %q; want %q", tt.route, tt.raw, tt.col, got, tt.want)
			}
		})
	}
}

func TestRealSizes(t *testing.T) {
	ts := realTables(t)
	// The views of each route, by query string, with the rows each shows.
	tests := map[Route]map[string]int{
		RouteMovers:       {"": 30, "list=ytd-gainers": 10},
		RouteConstituents: {"": 45, "link=AI工具": 12, "link=AI应用": 12, "link=AI工具&link=AI应用": 24, "segment=AI芯片&segment=AI服务器": 8},
		RouteEvents:       {"": 18, "kind=overseas": 9, "from=2023-04-01": 17},
		RouteFinancings:   {"": 3},
		RoutePicks:        {"": 14, "layer=应用层": 12},
	}
	for route, views := range tests {
		for raw, want := range views {
			t.Run(string(route)+"?"+raw, func(t *testing.T) {
				_, r := view(t, ts.For(route), raw)
				if len(r.Rows) != want || r.Total != len(ts.For(route).Rows) {
					t.Errorf("%s?%s: %d of %d rows; want %d", route, raw, len(r.Rows), r.Total, want)
				}
			})
		}
	}
}

func TestRealCells(t *testing.T) {
	ts := realTables(t)
	t.Run("movers first row", func(t *testing.T) {
		_, r := view(t, ts.Movers, "list=ytd-gainers&sort=-return")
		row := r.Rows[0]
		if got := row.Cells[0].Text + " " + row.Cells[1].Text + " " + row.Cells[2].Text; got != "1 寒武纪-U 257.40" {
			t.Errorf("first row = %q; want %q", got, "1 寒武纪-U 257.40")
		}
		if got, want := row.Cells[1].Refs, []Ref{{Text: "寒武纪-U", ID: "cambricon", Name: "寒武纪-U"}}; !slices.Equal(got, want) {
			t.Errorf("first row refs = %v; want %v", got, want)
		}
		if got, want := row.ID, "ytd-gainers/1"; got != want {
			t.Errorf("first row id = %q; want %q", got, want)
		}
	})
	t.Run("every mover has a chain link", func(t *testing.T) {
		_, li, _ := ts.Movers.Column(ColLink)
		for _, row := range ts.Movers.Rows {
			if row.Cells[li].Text == "" || len(row.Facets[FacetLink]) != 1 {
				t.Errorf("mover %s (%s) has no link", row.ID, row.Cells[1].Text)
			}
		}
	})
	t.Run("constituent returns", func(t *testing.T) {
		want := map[string][2]string{"k01": {"", "257.40"}, "k03": {"63.81", "109.15"}, "k27": {"-18.09", ""}, "k02": {"", ""}}
		for _, row := range ts.Constituents.Rows {
			w, ok := want[row.ID]
			if !ok {
				continue
			}
			got := [2]string{row.Cells[3].Text, row.Cells[4].Text}
			if got != w || row.Cells[3].Missing != (w[0] == "") || row.Cells[4].Missing != (w[1] == "") {
				t.Errorf("constituent %s period, ytd = %q; want %q", row.ID, got, w)
			}
		}
	})
	t.Run("alias link", func(t *testing.T) {
		_, r := view(t, ts.Picks, "layer=基础层")
		if got, want := r.Rows[0].Cells[2].Refs[0], (Ref{Text: "360", ID: "qihoo360", Name: "三六零"}); got != want {
			t.Errorf("pick 360 ref = %+v; want %+v", got, want)
		}
		if got, want := StockPath(r.Rows[0].Cells[2].Refs[0].Name), "/stocks/%E4%B8%89%E5%85%AD%E9%9B%B6"; got != want {
			t.Errorf("StockPath = %q; want %q", got, want)
		}
	})
	t.Run("undated event shows as printed", func(t *testing.T) {
		_, r := view(t, ts.Events, "q=智源研究院携手")
		if len(r.Rows) != 1 || r.Rows[0].Cells[0].Text != "近期" || r.Rows[0].Cells[0].Date != "" {
			t.Fatalf("dn-1 rows = %v; want one undated row shown 近期", ids(r))
		}
		if got, want := r.Rows[0].Cells[3].Text, "智源研究院、浪潮信息"; got != want {
			t.Errorf("dn-1 companies = %q; want %q", got, want)
		}
	})
}

// TestSegmentless pins the decision for the AI工具 and AI应用 constituents,
// which the report gives no sub-track: their segment value is NoSegment
// (未细分), so the facet counts them under it and segment=未细分 picks them
// out; a named segment filter excludes them, their cell is empty, and they
// sort last by segment either way.
func TestSegmentless(t *testing.T) {
	ts := realTables(t)
	_, all := view(t, ts.Constituents, "")
	total := 0
	for v, n := range counts(t, all, FacetSegment) {
		if v != NoSegment {
			total += n
		}
	}
	if total != 21 {
		t.Errorf("named segment counts sum to %d; want 21 (45 less 24 without a segment)", total)
	}
	if n := counts(t, all, FacetSegment)[NoSegment]; n != 24 {
		t.Errorf("segment %s counts %d; want 24", NoSegment, n)
	}
	if n, ok := counts(t, all, FacetSegment)[""]; ok {
		t.Errorf("segment facet has an empty value counted %d", n)
	}
	_, none := view(t, ts.Constituents, "segment="+NoSegment+"&link=AI算力及基础设施")
	if len(none.Rows) != 0 {
		t.Errorf("segment=未细分&link=AI算力及基础设施 gives %v; every one of them has a sub-track", ids(none))
	}
	_, none = view(t, ts.Constituents, "segment="+NoSegment)
	if got := column(t, ts.Constituents, none, ColSegment); len(got) != 24 || slices.ContainsFunc(got, func(s string) bool { return s != "" }) {
		t.Errorf("segment=未细分 shows segments %q; want 24 empty cells", got)
	}
	_, seg := view(t, ts.Constituents, "segment=AI芯片&link=AI工具")
	if len(seg.Rows) != 0 {
		t.Errorf("segment=AI芯片&link=AI工具 gives %v; want none", ids(seg))
	}
	for _, raw := range []string{"sort=segment", "sort=-segment"} {
		_, r := view(t, ts.Constituents, raw)
		got := column(t, ts.Constituents, r, ColSegment)
		if slices.Contains(got[:21], "") || slices.ContainsFunc(got[21:], func(s string) bool { return s != "" }) {
			t.Errorf("constituents?%s segments = %q; want the 24 empty ones last", raw, got)
		}
		if !slices.Equal(ids(r)[21:], ids(all)[21:]) {
			t.Errorf("constituents?%s: segmentless rows %v; want report order %v", raw, ids(r)[21:], ids(all)[21:])
		}
	}
}

func TestFacetCounts(t *testing.T) {
	tests := []struct {
		name       string
		route      Route
		raw, facet string
		want       map[string]int
	}{
		{"movers lists unfiltered", RouteMovers, "", FacetList,
			map[string]int{"period-gainers": 10, "ytd-gainers": 10, "period-losers": 10}},
		{"movers list counts ignore own selection", RouteMovers, "list=ytd-gainers", FacetList,
			map[string]int{"period-gainers": 10, "ytd-gainers": 10, "period-losers": 10}},
		{"movers list counts follow link", RouteMovers, "list=ytd-gainers&link=AI工具", FacetList,
			map[string]int{"period-gainers": 2, "ytd-gainers": 1, "period-losers": 3}},
		{"movers link counts follow list", RouteMovers, "list=ytd-gainers&link=AI工具", FacetLink,
			map[string]int{"AI算力及基础设施": 2, "AI算法及数据": 4, "AI工具": 1, "AI应用": 3}},
		{"constituents segment follows link", RouteConstituents, "link=AI算法及数据", FacetSegment,
			map[string]int{"AI大模型": 2, "AI算法": 4, "AI数据": 2}},
		// 商汤-W is found through its alias 商汤科技.
		{"constituents link follows q", RouteConstituents, "q=科技", FacetLink,
			map[string]int{"AI算力及基础设施": 2, "AI算法及数据": 3, "AI工具": 2, "AI应用": 3}},
		{"events kind follows dates", RouteEvents, "from=2023-04-10", FacetKind,
			map[string]int{"company": 2, "domestic": 2, "overseas": 5}},
		{"events company counts", RouteEvents, "kind=overseas&company=OpenAI", FacetCompany,
			map[string]int{"浙大": 1, "微软": 4, "UiPath": 1, "OpenAI": 3, "谷歌": 1, "斯坦福大学": 1, "GitHub": 1}},
		{"picks layer zero hidden", RoutePicks, "vertical=AI%2B医疗", FacetLayer, map[string]int{"应用层": 2}},
		{"picks layer zero shown when selected", RoutePicks, "vertical=AI%2B医疗&layer=基础层", FacetLayer,
			map[string]int{"基础层": 0, "应用层": 2}},
	}
	ts := realTables(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, r := view(t, ts.For(tt.route), tt.raw)
			got := counts(t, r, tt.facet)
			if len(got) != len(tt.want) {
				t.Errorf("%s?%s %s counts = %v; want %v", tt.route, tt.raw, tt.facet, got, tt.want)
			}
			for v, n := range tt.want {
				if got[v] != n {
					t.Errorf("%s?%s %s[%s] = %d; want %d (all: %v)", tt.route, tt.raw, tt.facet, v, got[v], n, got)
				}
			}
		})
	}

	t.Run("display order is report order", func(t *testing.T) {
		_, r := view(t, ts.Movers, "")
		var got []string
		for _, f := range r.Facets {
			var vals []string
			for _, v := range f.Values {
				vals = append(vals, v.Value)
			}
			got = append(got, f.Key+":"+strings.Join(vals, ","))
		}
		want := []string{
			"list:period-gainers,ytd-gainers,period-losers",
			"link:AI算力及基础设施,AI算法及数据,AI工具,AI应用",
			"segment:AI芯片,AI服务器,CPU、GPU,AI大模型,AI算法,AI数据,未细分", // rows without a sub-track last
		}
		if !slices.Equal(got, want) {
			t.Errorf("movers facets = %q; want %q", got, want)
		}
	})
}

func TestChips(t *testing.T) {
	ts := realTables(t)
	s, r := view(t, ts.Events, "q=GPT&to=2023-04-12&company=微软&kind=overseas&kind=company")
	want := []Chip{
		{Param: "kind", Value: "company", ValueMsg: "kind."},
		{Param: "kind", Value: "overseas", ValueMsg: "kind."},
		{Param: "company", Value: "微软"},
		{Param: "q", Value: "GPT"},
		{Param: "to", Value: "2023-04-12"},
	}
	if !slices.Equal(r.Chips, want) {
		t.Errorf("chips = %v; want %v", r.Chips, want)
	}
	for _, c := range r.Chips {
		s = s.Remove(c)
	}
	if s.Filtered() || s.Encode() != "" {
		t.Errorf("after removing every chip Encode() = %q; want \"\"", s.Encode())
	}
	empty := Apply(ts.Events, State{Route: RouteEvents, Q: "no such text"})
	if len(empty.Rows) != 0 || len(empty.Chips) != 1 {
		t.Errorf("empty result: %d rows, chips %v; want 0 rows and the q chip", len(empty.Rows), empty.Chips)
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name    string
		route   Route
		raw     string
		want    string // Encode of the checked state
		notices []Notice
	}{
		{"known values kept", RouteConstituents, "link=AI工具&segment=AI芯片", "link=AI%E5%B7%A5%E5%85%B7&segment=AI%E8%8A%AF%E7%89%87", nil},
		{"unknown link dropped", RouteConstituents, "link=bogus&link=AI工具&sort=name", "link=AI%E5%B7%A5%E5%85%B7&sort=name",
			[]Notice{{"link", "bogus", ReasonUnknownValue}}},
		{"unknown layer", RoutePicks, "layer=x&vertical=AI%2B金融", "vertical=AI%2B%E9%87%91%E8%9E%8D",
			[]Notice{{"layer", "x", ReasonUnknownValue}}},
		{"unknown company", RouteEvents, "company=nobody&kind=company", "kind=company",
			[]Notice{{"company", "nobody", ReasonUnknownValue}}},
		{"unknown currency", RouteFinancings, "currency=EUR", "", []Notice{{"currency", "EUR", ReasonUnknownValue}}},
		{"alias names its company", RouteEvents, "company=Open%20AI", "company=OpenAI", nil},
		{"alias of a Chinese name", RouteEvents, "company=商汤科技", "company=%E5%95%86%E6%B1%A4-W", nil},
		{"company id in any case", RouteEvents, "company=Microsoft", "company=%E5%BE%AE%E8%BD%AF", nil},
		{"two spellings of one company", RouteEvents, "company=商汤&company=商汤-W", "company=%E5%95%86%E6%B1%A4-W", nil},
		{"label in another case", RouteFinancings, "currency=usd", "currency=USD", nil},
		{"spaces only are no search", RouteMovers, "q=%20%20%E3%80%80", "", nil},
		{"enumerated value in any case", RouteMovers, "list=YTD-Gainers", "list=ytd-gainers", nil},
		{"colors in any case", RouteMovers, "colors=INTL", "colors=intl", nil},
		{"sort keys in any case", RouteMovers, "sort=-Return,LINK", "sort=-return%2Clink", nil},
		{"no sub-track", RouteConstituents, "segment=未细分", "segment=%E6%9C%AA%E7%BB%86%E5%88%86", nil},
		{"secondary sort keys", RouteMovers, "sort=link,-return", "sort=link%2C-return", nil},
		{"bad and repeated sort keys dropped", RouteMovers, "sort=link,nope,-link,return", "sort=link%2Creturn",
			[]Notice{{"sort", "nope", ReasonUnknownValue}, {"sort", "-link", ReasonRepeated}}},
		{"alias of a company the facet lacks", RouteEvents, "company=寒武纪", "", []Notice{{"company", "寒武纪", ReasonUnknownValue}}},
	}
	ts := realTables(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ns := ts.For(tt.route).Parse(query(t, tt.raw))
			if got := s.Encode(); got != tt.want {
				t.Errorf("Parse(%q).Encode() = %q; want %q", tt.raw, got, tt.want)
			}
			if !slices.Equal(ns, tt.notices) {
				t.Errorf("Parse(%q) notices = %v; want %v", tt.raw, ns, tt.notices)
			}
		})
	}
}

// TestTablesMatchContract checks that each table's columns and facets are
// the contract's sort keys and facets.
func TestTablesMatchContract(t *testing.T) {
	ts := realTables(t)
	for _, route := range TableRoutes {
		tb := ts.For(route)
		var cols, facets []string
		for _, c := range tb.Columns {
			cols = append(cols, c.Key)
			if c.Label != "col."+c.Key {
				t.Errorf("%s column %s label = %q; want %q", route, c.Key, c.Label, "col."+c.Key)
			}
		}
		for _, f := range tb.Facets {
			facets = append(facets, f.Key)
		}
		if !slices.Equal(cols, SortKeys(route)) {
			t.Errorf("%s columns = %v; want %v", route, cols, SortKeys(route))
		}
		if !slices.Equal(facets, FacetKeys(route)) {
			t.Errorf("%s facets = %v; want %v", route, facets, FacetKeys(route))
		}
		seen := map[string]bool{}
		for _, r := range tb.Rows {
			if r.ID == "" || seen[r.ID] {
				t.Errorf("%s row id %q empty or repeated", route, r.ID)
			}
			seen[r.ID] = true
		}
	}
	if ts.For("/about") != nil {
		t.Errorf("Tables.For(/about) = table; want nil")
	}
}

// naiveApply is the definition Apply must agree with, written plainly.
func naiveApply(t *Table, s State) (ids []string, counts map[string]map[string]int) {
	q := strings.ToLower(strings.TrimSpace(s.Q))
	passFacet := func(r Row, key string) bool {
		want := s.Facets[key]
		if len(want) == 0 {
			return true
		}
		if _, ok := t.Facet(key); !ok {
			return true
		}
		for _, v := range r.Facets[key] {
			if slices.Contains(want, v) {
				return true
			}
		}
		return false
	}
	passOther := func(r Row) bool {
		if q != "" && !strings.Contains(r.search, q) {
			return false
		}
		if t.dateCol >= 0 && (s.From != "" || s.To != "") {
			d := r.Cells[t.dateCol].Date
			if d == "" || (s.From != "" && d < s.From) || (s.To != "" && d > s.To) {
				return false
			}
		}
		return true
	}
	counts = map[string]map[string]int{}
	for _, f := range t.Facets {
		counts[f.Key] = map[string]int{}
	}
	for _, r := range t.Rows {
		if !passOther(r) {
			continue
		}
		all := true
		for _, f := range t.Facets {
			if !passFacet(r, f.Key) {
				all = false
			}
		}
		if all {
			ids = append(ids, r.ID)
		}
		for _, f := range t.Facets {
			others := true
			for _, g := range t.Facets {
				if g.Key != f.Key && !passFacet(r, g.Key) {
					others = false
				}
			}
			if others {
				for _, v := range r.Facets[f.Key] {
					counts[f.Key][v]++
				}
			}
		}
	}
	return ids, counts
}

// TestApplyMatchesNaive compares Apply with naiveApply on random states of
// every real table.
func TestApplyMatchesNaive(t *testing.T) {
	ts := realTables(t)
	rng := rand.New(rand.NewPCG(7, 16))
	for i := range 3000 {
		tb := ts.For(TableRoutes[rng.IntN(len(TableRoutes))])
		s := State{Route: tb.Route}
		for range rng.IntN(5) {
			f := tb.Facets[rng.IntN(len(tb.Facets))]
			s = s.Toggle(f.Key, f.Values[rng.IntN(len(f.Values))])
		}
		if rng.IntN(3) == 0 {
			row := tb.Rows[rng.IntN(len(tb.Rows))]
			runes := []rune(row.Cells[rng.IntN(len(row.Cells))].Text)
			if len(runes) > 0 {
				a := rng.IntN(len(runes))
				b := a + rng.IntN(min(4, len(runes)-a)) + 1
				s = s.WithQuery(strings.ToUpper(string(runes[a:b])))
			}
		}
		if tb.Route == RouteEvents && rng.IntN(2) == 0 {
			s, _ = s.WithDates("2023-04-0"+string(rune('1'+rng.IntN(9))), []string{"", "2023-04-10", "2023-04-13"}[rng.IntN(3)])
		}
		r := Apply(tb, s)
		wantIDs, wantCounts := naiveApply(tb, s)
		gotIDs := ids(r)
		if !slices.Equal(gotIDs, wantIDs) && !(len(gotIDs) == 0 && len(wantIDs) == 0) {
			t.Fatalf("case %d: Apply(%s?%s) rows = %v; want %v", i, tb.Route, s.Encode(), gotIDs, wantIDs)
		}
		for _, fc := range r.Facets {
			for _, v := range fc.Values {
				if v.Count != wantCounts[fc.Key][v.Value] {
					t.Fatalf("case %d: Apply(%s?%s) %s[%s] = %d; want %d", i, tb.Route, s.Encode(), fc.Key, v.Value, v.Count, wantCounts[fc.Key][v.Value])
				}
				if v.Selected != s.Selected(fc.Key, v.Value) {
					t.Fatalf("case %d: %s[%s] selected = %v", i, fc.Key, v.Value, v.Selected)
				}
			}
			n := 0
			for _, c := range wantCounts[fc.Key] {
				if c > 0 {
					n++
				}
			}
			shown := 0
			for _, v := range fc.Values {
				if v.Count > 0 {
					shown++
				}
			}
			if shown != n {
				t.Fatalf("case %d: %s shows %d non-zero values; want %d", i, fc.Key, shown, n)
			}
		}
	}
}

func TestSortStable(t *testing.T) {
	ts := realTables(t)
	for _, route := range TableRoutes {
		tb := ts.For(route)
		for _, key := range SortKeys(route) {
			for _, desc := range []bool{false, true} {
				s := State{Route: route, Sort: Sort{key, desc}}
				r := Apply(tb, s)
				if len(r.Rows) != len(tb.Rows) {
					t.Fatalf("%s?%s: %d rows; want %d", route, s.Encode(), len(r.Rows), len(tb.Rows))
				}
				if r.Sort != s.Sort {
					t.Errorf("%s?%s: Result.Sort = %v; want %v", route, s.Encode(), r.Sort, s.Sort)
				}
				_, ci, _ := tb.Column(key)
				pos := map[string]int{}
				for i, row := range tb.Rows {
					pos[row.ID] = i
				}
				for i := 1; i < len(r.Rows); i++ {
					a, b := r.Rows[i-1], r.Rows[i]
					c := compareCells(tb, ci, a, b)
					if desc {
						c = -c
					}
					if missingCell(tb, ci, a) && !missingCell(tb, ci, b) {
						t.Errorf("%s?%s: missing %s before %s", route, s.Encode(), a.ID, b.ID)
					}
					if missingCell(tb, ci, a) || missingCell(tb, ci, b) {
						continue
					}
					if c > 0 || c == 0 && pos[a.ID] > pos[b.ID] {
						t.Errorf("%s?%s: %s before %s", route, s.Encode(), a.ID, b.ID)
					}
				}
			}
		}
	}
}

func missingCell(t *Table, ci int, r *Row) bool {
	c := r.Cells[ci]
	if t.Columns[ci].Kind == Number {
		return c.Missing || c.Key != c.Key
	}
	return r.sortBy[ci] == ""
}

func compareCells(t *Table, ci int, a, b *Row) int {
	if t.Columns[ci].Kind == Number {
		switch x, y := a.Cells[ci].Key, b.Cells[ci].Key; {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	return strings.Compare(a.sortBy[ci], b.sortBy[ci])
}

func TestNewTable(t *testing.T) {
	cols := []Column{{Key: "name", Label: "col.name"}, {Key: "n", Label: "col.n", Kind: Number}}
	facets := []Facet{{Key: "tag", Label: "facet.tag", Values: []string{"b"}}}
	tests := []struct {
		name    string
		cols    []Column
		facets  []Facet
		rows    []Row
		wantErr bool
	}{
		{"ok", cols, facets, []Row{{ID: "1", Cells: []Cell{TextCell("x"), NumberCell(1, "1")}, Facets: map[string][]string{"tag": {"a", "b"}}}}, false},
		{"cells short", cols, facets, []Row{{ID: "1", Cells: []Cell{TextCell("x")}}}, true},
		{"id repeated", cols, facets, []Row{{ID: "1", Cells: make([]Cell, 2)}, {ID: "1", Cells: make([]Cell, 2)}}, true},
		{"unknown facet", cols, facets, []Row{{ID: "1", Cells: make([]Cell, 2), Facets: map[string][]string{"x": {"a"}}}}, true},
		{"column repeated", append(slices.Clone(cols), cols[0]), facets, nil, true},
		{"facet key empty", cols, []Facet{{}}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb, err := NewTable("/x", tt.cols, tt.facets, tt.rows)
			if (err != nil) != tt.wantErr {
				t.Fatalf("NewTable() error = %v; want error %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			f, _ := tb.Facet("tag")
			if got, want := f.Values, []string{"b", "a"}; !slices.Equal(got, want) {
				t.Errorf("facet values = %v; want %v (listed first, then as rows carry them)", got, want)
			}
			if got, want := tb.SearchText(0), "x\n1"; got != want {
				t.Errorf("SearchText(0) = %q; want %q", got, want)
			}
		})
	}
}

// TestBuildTablesPaused wants the tables BuildTables builds, with a pause
// before each of them.
func TestBuildTablesPaused(t *testing.T) {
	r := testkit.LoadReport(t)
	pauses := 0
	got := BuildTablesPaused(r, func() { pauses++ })
	if want := BuildTables(r); !reflect.DeepEqual(got, want) {
		t.Error("BuildTablesPaused built other tables than BuildTables")
	}
	if pauses != 6 {
		t.Errorf("BuildTablesPaused paused %d times for the six tables; want 6", pauses)
	}
}
