package explore

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// syntheticTable builds an n-row table shaped like /movers, with Chinese
// and ASCII text, through the public constructor.
func syntheticTable(tb testing.TB, n int) *Table {
	tb.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	links := []string{"AI算力及基础设施", "AI算法及数据", "AI工具", "AI应用"}
	segments := []string{"AI芯片", "AI服务器", "CPU、GPU", "AI大模型", "AI算法", "AI数据", ""}
	words := []string{"科技", "信息", "软件", "智能", "数据", "网络", "Meta", "OpenAI", "股份", "电子"}
	cols := []Column{
		{Key: ColRank, Label: "col.rank", Kind: Number},
		{Key: ColName, Label: "col.name"},
		{Key: ColReturn, Label: "col.return", Kind: Number},
		{Key: ColList, Label: "col.list", ValueMsg: "list."},
		{Key: ColLink, Label: "col.link"},
		{Key: ColSegment, Label: "col.segment"},
	}
	facets := []Facet{
		{Key: FacetList, Label: "facet.list", ValueMsg: "list.", Values: moverLists},
		{Key: FacetLink, Label: "facet.link", Values: links},
		{Key: FacetSegment, Label: "facet.segment"},
	}
	rows := make([]Row, n)
	for i := range rows {
		list := moverLists[rng.IntN(3)]
		link := links[rng.IntN(len(links))]
		seg := segments[rng.IntN(len(segments))]
		name := words[rng.IntN(len(words))] + strconv.Itoa(i) + words[rng.IntN(len(words))]
		ret := rng.Float64()*300 - 50
		rf := map[string][]string{FacetList: {list}, FacetLink: {link}}
		if seg != "" {
			rf[FacetSegment] = []string{seg}
		}
		rows[i] = Row{
			ID: strconv.Itoa(i),
			Cells: []Cell{
				NumberCell(float64(i%10+1), strconv.Itoa(i%10+1)),
				TextCell(name),
				NumberCell(ret, strconv.FormatFloat(ret, 'f', 2, 64)),
				TextCell(list), TextCell(link), TextCell(seg),
			},
			Facets: rf,
		}
	}
	t, err := NewTable(RouteMovers, cols, facets, rows)
	if err != nil {
		tb.Fatalf("NewTable: %v", err)
	}
	return t
}

func BenchmarkApply(b *testing.B) {
	t := syntheticTable(b, 10000)
	states := []struct {
		name string
		s    State
	}{
		{"all", State{Route: RouteMovers}},
		{"facets", State{Route: RouteMovers}.Toggle(FacetList, "ytd-gainers").Toggle(FacetLink, "AI工具").Toggle(FacetLink, "AI应用").Toggle(FacetSegment, "AI芯片")},
		{"q-chinese", State{Route: RouteMovers}.WithQuery("科技")},
		{"q-miss", State{Route: RouteMovers}.WithQuery("不存在的文字")},
		{"sort-return", State{Route: RouteMovers, Sort: Sort{Key: ColReturn, Desc: true}}},
		{"sort-name", State{Route: RouteMovers, Sort: Sort{Key: ColName}}},
		{"everything", State{Route: RouteMovers, Q: "ai", Sort: Sort{Key: ColName, Desc: true}}.Toggle(FacetLink, "AI工具").Toggle(FacetList, "period-losers")},
	}
	for _, st := range states {
		b.Run(st.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Apply(t, st.s)
			}
		})
	}
}
