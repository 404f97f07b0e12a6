package explore

import (
	"net/url"
	"testing"

	"github.com/airesearch/aiweekly/app/testkit"
)

// realTables builds the tables of the real report.
func realTables(tb testing.TB) Tables {
	tb.Helper()
	return BuildTables(testkit.LoadReport(tb))
}

// query parses a raw query string, failing the test on a syntax error.
func query(tb testing.TB, raw string) url.Values {
	tb.Helper()
	v, err := url.ParseQuery(raw)
	if err != nil {
		tb.Fatalf("url.ParseQuery(%q): %v", raw, err)
	}
	return v
}

// view parses raw for t's route through t and applies it, failing on any
// notice.
func view(tb testing.TB, t *Table, raw string) (State, Result) {
	tb.Helper()
	s, ns := t.Parse(query(tb, raw))
	if len(ns) > 0 {
		tb.Fatalf("%s?%s: notices %v; want none", t.Route, raw, ns)
	}
	return s, Apply(t, s)
}

// column returns the texts of column key in r's rows.
func column(tb testing.TB, t *Table, r Result, key string) []string {
	tb.Helper()
	_, ci, ok := t.Column(key)
	if !ok {
		tb.Fatalf("table %s has no column %q", t.Route, key)
	}
	out := make([]string, len(r.Rows))
	for i, row := range r.Rows {
		out[i] = row.Cells[ci].Text
	}
	return out
}

// ids returns the ids of r's rows.
func ids(r Result) []string {
	out := make([]string, len(r.Rows))
	for i, row := range r.Rows {
		out[i] = row.ID
	}
	return out
}

// counts returns facet key's counts in r as value -> count.
func counts(tb testing.TB, r Result, key string) map[string]int {
	tb.Helper()
	for _, f := range r.Facets {
		if f.Key == key {
			m := map[string]int{}
			for _, v := range f.Values {
				m[v.Value] = v.Count
			}
			return m
		}
	}
	tb.Fatalf("result has no facet %q", key)
	return nil
}
