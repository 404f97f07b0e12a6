package e2e

import (
	"io"
	"net/http"
	"net/url"
	"regexp"
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

// prerenderedIDs fetches the page the server prerenders at path and returns
// its row ids in order.
func prerenderedIDs(tb testing.TB, url string) []string {
	tb.Helper()
	resp, err := http.Get(url)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	var ids []string
	for _, m := range rowID.FindAllSubmatch(body, -1) {
		ids = append(ids, string(m[1]))
	}
	return ids
}

var rowID = regexp.MustCompile(`<tr[^>]* id="([^"]+)"`)

// TestPinyinSort sorts Chinese names as a dictionary does, in the page the
// server prerenders and in the one the browser renders alike.
func TestPinyinSort(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	tests := []struct {
		path, query string
		names       []string
	}{
		{"/picks", "sort=-name", []string{"拓尔思", "同花顺", "通达海", "奇安信", "罗普特", "科大讯飞", "科大讯飞",
			"久远银海", "金山办公", "佳都科技", "广联达", "创业慧康", "安恒信息", "360"}},
		{"/picks", "sort=vertical&layer=" + url.QueryEscape("应用层"), []string{"通达海", "金山办公", "广联达", "佳都科技",
			"科大讯飞", "同花顺", "安恒信息", "奇安信", "创业慧康", "久远银海", "拓尔思", "罗普特"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			server := prerenderedIDs(t, s.URL+tt.path+"?"+tt.query)
			open(t, ctx, s.URL+tt.path+"?"+tt.query, "#count")
			want, _ := url.ParseQuery(tt.query)
			got := waitView(t, ctx, tt.path, want)
			if !slices.Equal(server, got.ids()) {
				t.Errorf("prerendered rows %v; the browser shows %v", server, got.ids())
			}
			var names []string
			eval(t, ctx, `Array.from(document.querySelectorAll('main table.data tbody td.col-name')).map(td => td.textContent.trim())`, &names)
			if !slices.Equal(names, tt.names) {
				t.Errorf("names = %q; want %q", names, tt.names)
			}
		})
	}
}
