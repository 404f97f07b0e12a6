package explore

import "strings"

// SearchRoutes are the tables the search across the report looks in, in
// the order its results are grouped: companies first (any of their names
// finds them), then the records with pages of their own, then the rest.
var SearchRoutes = []Route{RouteStocks, RouteEvents, RouteFinancings, RoutePicks, RouteMovers, RouteConstituents}

// SearchGroup is what one table holds for a search: the matching rows in
// the table's order.
type SearchGroup struct {
	Route Route
	Rows  []*Row
}

// Search runs q, as the search box of each table would, over every table
// of [SearchRoutes] and returns the groups with a match, in that order. A
// q of only spaces is no search and finds nothing.
func Search(ts Tables, q string) []SearchGroup {
	if strings.TrimSpace(q) == "" {
		return nil
	}
	q, _ = cleanQuery(q)
	var out []SearchGroup
	for _, route := range SearchRoutes {
		t := ts.For(route)
		if t == nil {
			continue
		}
		if res := Apply(t, State{Route: route, Q: q}); len(res.Rows) > 0 {
			out = append(out, SearchGroup{Route: route, Rows: res.Rows})
		}
	}
	return out
}
