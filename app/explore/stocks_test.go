package explore

import (
	"slices"
	"testing"

	"github.com/airesearch/aiweekly/app/testkit"
)

// TestStocksSections checks the company index against the report: each
// company's sections are the mover lists it is in, and the picks, events
// and financings naming it; 拓尔思 is a pick, a YTD gainer and a period
// loser, and sorting by sections puts no company with fewer before it.
func TestStocksSections(t *testing.T) {
	rep := testkit.LoadReport(t)
	tb := Stocks(rep)
	trs, _ := rep.Company("拓尔思")
	row, ok := tb.RowByID(trs.ID)
	if !ok {
		t.Fatal("no row for 拓尔思")
	}
	for _, s := range []string{"picks", "ytd-gainers", "period-losers"} {
		if !slices.Contains(row.Facets[FacetSection], s) {
			t.Errorf("拓尔思's sections %q lack %s", row.Facets[FacetSection], s)
		}
	}
	res := Apply(tb, State{Route: RouteStocks, Sort: Sort{Key: ColSections, Desc: true}})
	_, ci, _ := tb.Column(ColSections)
	at := Position(res.Rows, trs.ID)
	for _, r := range res.Rows[:at] {
		if r.Cells[ci].Num < row.Cells[ci].Num {
			t.Errorf("%s (%v sections) sorts before 拓尔思 (%v)", r.ID, r.Cells[ci].Num, row.Cells[ci].Num)
		}
	}
	if int(row.Cells[ci].Num) != len(row.Facets[FacetSection]) {
		t.Errorf("sections cell %v; facet values %q", row.Cells[ci].Num, row.Facets[FacetSection])
	}
}

// TestSearchAll checks the search across the tables: any name of a
// company finds it first, a word finds rows in each table that has it,
// and a q of spaces finds nothing.
func TestSearchAll(t *testing.T) {
	rep := testkit.LoadReport(t)
	ts := BuildTables(rep)
	c360, _ := rep.Company("360")
	gs := Search(ts, "360")
	if len(gs) == 0 || gs[0].Route != RouteStocks || gs[0].Rows[0].ID != c360.ID {
		t.Errorf("Search(360) = %+v; want %s (%s) first", gs, c360.Name, c360.ID)
	}
	gs = Search(ts, "微软")
	if len(gs) < 2 {
		t.Errorf("Search(微软) finds %d groups; want the company and its news", len(gs))
	}
	for _, g := range gs {
		want := Apply(ts.For(g.Route), State{Route: g.Route, Q: "微软"}).Rows
		if !slices.Equal(g.Rows, want) {
			t.Errorf("%s: %d rows; the table's search gives %d", g.Route, len(g.Rows), len(want))
		}
	}
	if gs := Search(ts, "   "); gs != nil {
		t.Errorf("Search of spaces = %+v; want nothing", gs)
	}
}
