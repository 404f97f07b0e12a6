package e2e

import (
	"net/url"
	"slices"
	"testing"
)

// The analyst tests follow what a reader of the report reaches for: a
// company by any of its names, Chinese text in the order of a dictionary,
// sorting by several columns, dates, notices, exports and the stock pages.

// TestSearchByAnyName opens links that name a company by a name its rows
// do not print: search and the company facet find it all the same.
func TestSearchByAnyName(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	tests := []struct {
		path, query string
		want        []string // row ids
		selected    string   // the facet value shown selected, if any
	}{
		{"/movers", "q=360", []string{"ytd-gainers/6", "period-losers/6"}, ""},
		{"/constituents", "q=" + url.QueryEscape("百度集团"), []string{"k14"}, ""},
		{"/picks", "q=" + url.QueryEscape("三六零"), []string{"p-1/1"}, ""},
		{"/events", "company=" + url.QueryEscape("商汤科技"), []string{"ce-3"}, "company=商汤-W"},
		{"/events", "company=Microsoft", []string{"on-1", "on-4", "on-6", "on-8"}, "company=微软"},
	}
	for _, tt := range tests {
		t.Run(tt.path+"?"+tt.query, func(t *testing.T) {
			open(t, ctx, s.URL+tt.path+"?"+tt.query, "#count")
			want, _ := url.ParseQuery(tt.query)
			got := waitView(t, ctx, tt.path, want)
			if !slices.Equal(got.ids(), tt.want) {
				t.Errorf("rows = %v; want %v", got.ids(), tt.want)
			}
			if tt.selected != "" && !slices.Equal(got.Selected, []string{tt.selected}) {
				t.Errorf("selected = %v; want %s", got.Selected, tt.selected)
			}
			if len(got.Notices) > 0 {
				t.Errorf("notices %v; a name of a known company is no bad value", got.Notices)
			}
		})
	}
}
