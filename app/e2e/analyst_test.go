package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/testkit"
	"github.com/airesearch/aiweekly/app/ui"
	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// The analyst tests follow what a reader of the report reaches for: a
// company by any of its names, Chinese text in the order of a dictionary,
// sorting by several columns, dates, notices, exports and the stock pages.
// Each starts the server and opens a tab with serverTab.

// serverTab starts bin/server and opens a browser tab for one test.
func serverTab(t *testing.T) (*server, context.Context) {
	t.Helper()
	return startServer(t), newTab(t)
}

// get fetches url, following redirects, and returns the last response
// with its body.
func get(tb testing.TB, url string) (*http.Response, []byte) {
	tb.Helper()
	res, err := http.Get(url)
	if err == nil {
		defer res.Body.Close()
		var body []byte
		if body, err = io.ReadAll(res.Body); err == nil {
			return res, body
		}
	}
	tb.Fatalf("GET %s: %v", url, err)
	return nil, nil
}

// countOf is the number of elements matching sel.
func countOf(tb testing.TB, ctx context.Context, sel string) int {
	tb.Helper()
	var n int
	eval(tb, ctx, `document.querySelectorAll(`+jsString(sel)+`).length`, &n)
	return n
}

// TestSearchByAnyName opens links that name a company by a name its rows
// do not print: search and the company facet find it all the same.
func TestSearchByAnyName(t *testing.T) {
	s, ctx := serverTab(t)
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

// prerenderedIDs fetches the page the server prerenders at url and returns
// its row ids in order.
func prerenderedIDs(tb testing.TB, url string) []string {
	tb.Helper()
	_, body := get(tb, url)
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
	s, ctx := serverTab(t)
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

// sortRanks reads the place each sorting header shows, key=rank, for a
// view sorted by several keys.
func sortRanks(tb testing.TB, ctx context.Context) []string {
	tb.Helper()
	var ranks []string
	eval(tb, ctx, `[...new Set(Array.from(document.querySelectorAll('th .sort-rank'))
		.map(s => s.closest('button').dataset.key + '=' + s.textContent))]`, &ranks)
	slices.Sort(ranks)
	return ranks
}

// TestSortClicks clicks a figure's header three times (biggest first,
// smallest first, the report's order) and adds a second key with Shift.
func TestSortClicks(t *testing.T) {
	s, ctx := serverTab(t)
	open(t, ctx, s.URL+"/constituents", "#count")
	report := waitView(t, ctx, "/constituents", url.Values{})
	for _, want := range []string{"-ytd", "ytd", ""} {
		click(t, ctx, `th button[data-key="ytd"]`)
		q := url.Values{}
		if want != "" {
			q.Set("sort", want)
		}
		got := waitView(t, ctx, "/constituents", q)
		if want == "" && !slices.Equal(got.ids(), report.ids()) {
			t.Errorf("after the third click rows %v; want the report's order %v", got.ids(), report.ids())
		}
	}
	if h := historyLength(t, ctx); h < 4 {
		t.Errorf("history has %d entries; each click adds one", h)
	}

	open(t, ctx, s.URL+"/movers?list=ytd-gainers&sort=link", "#count")
	waitView(t, ctx, "/movers", url.Values{"list": {"ytd-gainers"}, "sort": {"link"}})
	eval(t, ctx, `document.querySelector('th button[data-key="return"]').dispatchEvent(
		new MouseEvent('click', {bubbles: true, cancelable: true, shiftKey: true}))`, nil)
	got := waitView(t, ctx, "/movers", url.Values{"list": {"ytd-gainers"}, "sort": {"link,-return"}})
	if want := []string{"ytd-gainers/4", "ytd-gainers/3", "ytd-gainers/5", "ytd-gainers/6", "ytd-gainers/7",
		"ytd-gainers/1", "ytd-gainers/9", "ytd-gainers/2", "ytd-gainers/8", "ytd-gainers/10"}; !slices.Equal(got.ids(), want) {
		t.Errorf("rows = %v; want %v (by link, then biggest return)", got.ids(), want)
	}
	if r := sortRanks(t, ctx); !slices.Equal(r, []string{"link=1", "return=2"}) {
		t.Errorf("headers show the sort keys %v; want [link=1 return=2]", r)
	}
	var label string
	eval(t, ctx, `document.querySelector('th button[data-key="return"]').textContent`, &label)
	if !strings.Contains(label, "第2排序键，降序") {
		t.Errorf("the return header reads %q; want it to say it is the second key, descending", label)
	}
	open(t, ctx, s.URL+"/movers?list=ytd-gainers&sort=link,-return", "#count")
	if again := waitView(t, ctx, "/movers", url.Values{"list": {"ytd-gainers"}, "sort": {"link,-return"}}); !slices.Equal(again.ids(), got.ids()) {
		t.Errorf("the link shows %v; the clicks showed %v", again.ids(), got.ids())
	}
}

// watchCountJS records each text the count shows from now on.
const watchCountJS = `(() => {
  window.__counts = [];
  new MutationObserver(() => window.__counts.push(document.getElementById('count').textContent))
    .observe(document.getElementById('main'), {subtree: true, childList: true, characterData: true});
  return true;
})()`

// TestDateTyping types a date digit by digit: the view changes once, when
// the date is complete, and adds one history entry; leaving the field adds
// none, and from after to still gets a notice.
func TestDateTyping(t *testing.T) {
	s, ctx := serverTab(t)
	open(t, ctx, s.URL+"/events?kind=overseas", "#count")
	waitView(t, ctx, "/events", url.Values{"kind": {"overseas"}})
	before := historyLength(t, ctx)
	eval(t, ctx, watchCountJS, nil)
	run(t, ctx, "type a date", chromedp.Click("#from", chromedp.ByQuery, chromedp.NodeVisible),
		chromedp.SendKeys("#from", "04102023", chromedp.ByQuery))
	got := waitView(t, ctx, "/events", url.Values{"kind": {"overseas"}, "from": {"2023-04-10"}})
	if !slices.Equal(got.ids(), []string{"on-5", "on-6", "on-7", "on-8", "on-9"}) {
		t.Errorf("rows = %v", got.ids())
	}
	if after := historyLength(t, ctx); after != before+1 {
		t.Errorf("history %d -> %d entries while typing a date; want one more", before, after)
	}
	var counts []string
	eval(t, ctx, `[...new Set(window.__counts)]`, &counts)
	if len(counts) > 1 {
		t.Errorf("the count showed %q while typing; want only the final count", counts)
	}
	run(t, ctx, "leave the field", chromedp.Focus("#q", chromedp.ByQuery))
	waitView(t, ctx, "/events", url.Values{"kind": {"overseas"}, "from": {"2023-04-10"}})
	if after := historyLength(t, ctx); after != before+1 {
		t.Errorf("history %d -> %d after leaving the field; the blur adds none", before, after)
	}
	open(t, ctx, s.URL+"/events?from=2023-04-12&to=2023-04-10", "#count")
	if v := waitView(t, ctx, "/events", nil); !slices.Equal(v.Notices, []string{"to=2023-04-10"}) {
		t.Errorf("notices = %v; want the to before from named", v.Notices)
	}
}

// TestNoticesAndFacets: one box lists every value a link could not apply;
// a facet without values is left out; spaces are no search; enumerated
// values match in any case; 未细分 picks out the rows without a sub-track.
func TestNoticesAndFacets(t *testing.T) {
	s, ctx := serverTab(t)
	t.Run("one notice box", func(t *testing.T) {
		open(t, ctx, s.URL+"/movers?list=bogus&sort=nope&colors=pink", "#count")
		v := waitView(t, ctx, "/movers", nil)
		got := slices.Sorted(slices.Values(v.Notices))
		if want := []string{"colors=pink", "list=bogus", "sort=nope"}; !slices.Equal(got, want) {
			t.Errorf("notices = %v; want %v", got, want)
		}
		if boxes := countOf(t, ctx, ".notices-title"); boxes != 1 {
			t.Errorf("%d notice boxes; want one", boxes)
		}
	})
	t.Run("facet without values", func(t *testing.T) {
		open(t, ctx, s.URL+"/constituents?q=zzz", "#count")
		waitView(t, ctx, "/constituents", url.Values{"q": {"zzz"}})
		if groups := countOf(t, ctx, ".facets section.facet"); groups != 0 {
			t.Errorf("%d facet groups shown for a view without rows; want none", groups)
		}
	})
	t.Run("spaces are no search", func(t *testing.T) {
		open(t, ctx, s.URL+"/movers?q=%20%20", "#count")
		v := waitView(t, ctx, "/movers", url.Values{"q": {"  "}})
		if len(v.Chips) != 0 || len(v.ids()) != 30 {
			t.Errorf("chips %v, %d rows; want no chip and all 30 rows", v.Chips, len(v.ids()))
		}
	})
	t.Run("enumerated values in any case", func(t *testing.T) {
		open(t, ctx, s.URL+"/financings?currency=usd", "#count")
		v := waitView(t, ctx, "/financings", url.Values{"currency": {"usd"}})
		if !slices.Equal(v.ids(), []string{"f-1", "f-2"}) || !slices.Equal(v.Selected, []string{"currency=USD"}) || len(v.Notices) > 0 {
			t.Errorf("rows %v, selected %v, notices %v; want the two USD rounds, USD selected, no notice", v.ids(), v.Selected, v.Notices)
		}
	})
	t.Run("no sub-track", func(t *testing.T) {
		open(t, ctx, s.URL+"/constituents?link="+url.QueryEscape("AI工具"), "#count")
		waitView(t, ctx, "/constituents", url.Values{"link": {"AI工具"}})
		var values []string
		eval(t, ctx, `Array.from(document.querySelectorAll('#facet-segment a.facet-value')).map(a => a.dataset.value + ':' + a.querySelector('.label').textContent + ':' + a.querySelector('.n').textContent)`, &values)
		if want := []string{"未细分:未细分:12"}; !slices.Equal(values, want) {
			t.Errorf("segment facet under AI工具 = %q; want %q", values, want)
		}
		click(t, ctx, `#facet-segment a.facet-value`)
		v := waitView(t, ctx, "/constituents", url.Values{"link": {"AI工具"}, "segment": {"未细分"}})
		if len(v.ids()) != 12 {
			t.Errorf("%d rows; want the 12 AI工具 constituents", len(v.ids()))
		}
		if chip := textOf(t, ctx, `.chip[data-param="segment"] .chip-value`); chip != "未细分" {
			t.Errorf("chip reads %q", chip)
		}
	})
}

// TestBackRestoresSearchBox goes Back while the search box has the focus:
// the box shows the query of the address it went back to, not the text
// typed before.
func TestBackRestoresSearchBox(t *testing.T) {
	s, ctx := serverTab(t)
	open(t, ctx, s.URL+"/constituents", "#count")
	waitView(t, ctx, "/constituents", url.Values{})
	click(t, ctx, `a.facet-value[data-facet="link"][data-value="AI工具"]`)
	waitView(t, ctx, "/constituents", url.Values{"link": {"AI工具"}})
	run(t, ctx, "type", chromedp.Click("#q", chromedp.ByQuery), chromedp.SendKeys("#q", "科技", chromedp.ByQuery))
	waitView(t, ctx, "/constituents", url.Values{"link": {"AI工具"}, "q": {"科技"}})
	eval(t, ctx, `history.back()`, nil)
	// waitView checks the box against the URL's q as well.
	v := waitView(t, ctx, "/constituents", url.Values{})
	var focused string
	eval(t, ctx, `document.activeElement && document.activeElement.id`, &focused)
	if focused != "q" || v.Q != "" {
		t.Errorf("after Back the box (focused: %q) reads %q; want it focused and empty", focused, v.Q)
	}
	eval(t, ctx, `history.forward()`, nil)
	if v := waitView(t, ctx, "/constituents", url.Values{"link": {"AI工具"}, "q": {"科技"}}); v.Q != "科技" {
		t.Errorf("after Forward the box reads %q; want 科技", v.Q)
	}
}

// TestExportTables downloads one table of a page that shows several, and
// the whole page: each file holds what the pure package writes for those
// rows, as RFC 4180 CSV with units in the headers or as typed JSON.
func TestExportTables(t *testing.T) {
	s, ctx := serverTab(t)
	dir := t.TempDir()
	run(t, ctx, "allow downloads", browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(dir))
	expect := func(t *testing.T, path, query, group string, csv bool) []byte {
		tb := reportTables(t).For(explore.Route(path))
		v, _ := url.ParseQuery(query)
		st, _ := tb.Parse(v)
		res := explore.Apply(tb, st)
		if group != "" {
			_, gi, _ := tb.Column(groupCol[tb.Route])
			res.Rows = slices.DeleteFunc(res.Rows, func(r *explore.Row) bool { return r.Cells[gi].Text != group })
		}
		var b bytes.Buffer
		var err error
		if csv {
			err = explore.WriteCSV(&b, tb, res, func(id string) string { return ui.Message(explore.LangZH, id) })
		} else {
			err = explore.WriteJSON(&b, tb, res)
		}
		if err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	t.Run("one mover list and the page", func(t *testing.T) {
		open(t, ctx, s.URL+"/movers?sort=-return", "#count")
		waitView(t, ctx, "/movers", url.Values{"sort": {"-return"}})
		one := clickForFile(t, ctx, "#export-csv-ytd-gainers", filepath.Join(dir, "movers-ytd-gainers.csv"))
		if want := expect(t, "/movers", "sort=-return", "ytd-gainers", true); !bytes.Equal(one, want) {
			t.Errorf("movers-ytd-gainers.csv =\n%s\nwant\n%s", one, want)
		}
		recs := strings.Split(strings.TrimSuffix(strings.TrimPrefix(string(one), "\uFEFF"), "\r\n"), "\r\n")
		if len(recs) != 11 || recs[0] != "排名,公司,涨跌幅(%),榜单,产业链环节,细分赛道" || recs[1] != "1,寒武纪-U,257.4,今年以来涨幅前十,AI算力及基础设施,AI芯片" {
			t.Errorf("records %q; want a CRLF header with the unit and the 10 YTD gainers", recs)
		}
		all := clickForFile(t, ctx, "#export-csv", filepath.Join(dir, "movers.csv"))
		if want := expect(t, "/movers", "sort=-return", "", true); !bytes.Equal(all, want) || bytes.Count(all, []byte("\r\n")) != 31 {
			t.Errorf("movers.csv holds %d records; want the header and all 30 rows", bytes.Count(all, []byte("\r\n")))
		}
	})
	t.Run("domestic news as JSON", func(t *testing.T) {
		open(t, ctx, s.URL+"/events", "#count")
		waitView(t, ctx, "/events", url.Values{})
		data := clickForFile(t, ctx, "#export-json-domestic", filepath.Join(dir, "events-domestic.json"))
		if want := expect(t, "/events", "", "domestic", false); !bytes.Equal(data, want) {
			t.Errorf("events-domestic.json =\n%s\nwant\n%s", data, want)
		}
		var rows []map[string]any
		if err := json.Unmarshal(data, &rows); err != nil || len(rows) != 5 {
			t.Fatalf("%d rows, %v; want the 5 domestic news", len(rows), err)
		}
		first := rows[0]
		if first["date"] != nil || first["date_as_printed"] != "近期" || !strings.HasPrefix(first["text"].(string), "北京智源") {
			t.Errorf("undated item = %v; want date null, 近期 as printed, its text", first)
		}
		if cs, ok := first["companies"].([]any); !ok || len(cs) != 2 {
			t.Errorf("companies = %#v; want an array of two", first["companies"])
		}
	})
	t.Run("company events with the analysts' view", func(t *testing.T) {
		data := clickForFile(t, ctx, "#export-csv-company", filepath.Join(dir, "events-company.csv"))
		if !bytes.Contains(data, []byte("分析师观点")) || !bytes.Contains(data, []byte("我们认为，SAM模型")) {
			t.Errorf("events-company.csv lacks the analysts' view:\n%.400s", data)
		}
	})
	t.Run("financings in USD", func(t *testing.T) {
		open(t, ctx, s.URL+"/financings?sort=-amount", "#count")
		waitView(t, ctx, "/financings", url.Values{"sort": {"-amount"}})
		data := clickForFile(t, ctx, "#export-csv", filepath.Join(dir, "financings.csv"))
		recs := strings.Split(strings.TrimPrefix(string(data), "\uFEFF"), "\r\n")
		if want := "公司,融资额,币种,主营业务/产品,应用场景/产品亮点,融资额（原文）,折合美元(USD)"; recs[0] != want {
			t.Errorf("header %q; want %q", recs[0], want)
		}
		if !strings.HasPrefix(recs[2], "宇宙奇点,30000000,CNY,") || !strings.HasSuffix(recs[2], ",3000万人民币,4362747.95") {
			t.Errorf("second record %q; want the amount, its currency, as printed and in USD", recs[2])
		}
	})
}

// TestStockPageSections reads a company's page: one heading per section,
// figures' headers aligned with the figures, events by date, the key
// points that name it; an unknown name is a 404 that offers to search,
// and a page's path with a trailing slash leads to the page.
func TestStockPageSections(t *testing.T) {
	s, ctx := serverTab(t)
	t.Run("headings and alignment", func(t *testing.T) {
		open(t, ctx, s.URL+"/stocks/360", "#movers")
		var doubled []string
		eval(t, ctx, `Array.from(document.querySelectorAll('main section')).filter(s => {
			const h = s.querySelector('h2'), c = s.querySelector('caption');
			return h && c && h.textContent.trim() === c.textContent.trim(); }).map(s => s.id)`, &doubled)
		if len(doubled) > 0 {
			t.Errorf("sections %v repeat their heading as a caption", doubled)
		}
		var aligns []string
		eval(t, ctx, `Array.from(document.querySelectorAll('#movers th')).map(th => th.textContent + ':' + getComputedStyle(th).textAlign)`, &aligns)
		if want := []string{"榜单:left", "排名:right", "涨跌幅:right"}; !slices.Equal(aligns, want) {
			t.Errorf("movers headers %v; want %v", aligns, want)
		}
		var named []string
		eval(t, ctx, `Array.from(document.querySelectorAll('#keypoints a')).map(a => a.hash)`, &named)
		if !slices.Equal(named, []string{"#kp-4"}) {
			t.Errorf("key points naming 360: %v; want [#kp-4]", named)
		}
	})
	t.Run("events by date", func(t *testing.T) {
		open(t, ctx, s.URL+"/stocks/"+url.PathEscape("微软"), "#events")
		var ids []string
		eval(t, ctx, `Array.from(document.querySelectorAll('#events tbody a')).map(a => a.hash.slice(1))`, &ids)
		if want := []string{"on-1", "on-4", "on-8", "on-6"}; !slices.Equal(ids, want) {
			t.Errorf("events of 微软 %v; want %v, by date", ids, want)
		}
		open(t, ctx, s.URL+"/stocks/"+url.PathEscape("商汤科技"), "#keypoints")
		var named []string
		eval(t, ctx, `Array.from(document.querySelectorAll('#keypoints a')).map(a => a.hash)`, &named)
		if !slices.Equal(named, []string{"#kp-2"}) {
			t.Errorf("key points naming 商汤: %v; want [#kp-2]", named)
		}
	})
	t.Run("unknown name", func(t *testing.T) {
		if res, _ := get(t, s.URL+"/stocks/abc"); res.StatusCode != http.StatusNotFound {
			t.Errorf("/stocks/abc answers %d; want 404", res.StatusCode)
		}
		open(t, ctx, s.URL+"/stocks/abc", ".search-elsewhere a")
		var links []string
		eval(t, ctx, `Array.from(document.querySelectorAll('.search-elsewhere a')).map(a => a.pathname + a.search)`, &links)
		if want := []string{"/constituents?q=abc", "/events?q=abc", "/picks?q=abc"}; !slices.Equal(links, want) {
			t.Errorf("search links %v; want %v", links, want)
		}
	})
	t.Run("trailing slash", func(t *testing.T) {
		if res, _ := get(t, s.URL+"/movers/?list=ytd-gainers"); res.StatusCode != http.StatusOK || res.Request.URL.Path != "/movers" {
			t.Errorf("/movers/ ends at %s with %d; want /movers, 200", res.Request.URL, res.StatusCode)
		}
		open(t, ctx, s.URL+"/movers/?list=ytd-gainers", "#count")
		waitView(t, ctx, "/movers", url.Values{"list": {"ytd-gainers"}})
	})
}

// TestAboutMinusAndTitle: /about says what the source document is, with
// the licence number and e-mail the report prints and the exchange rate's
// source in the page's language; tables and charts write one minus sign;
// the tab's title names the view's filters.
func TestAboutMinusAndTitle(t *testing.T) {
	s, ctx := serverTab(t)
	rep := testkit.LoadReport(t)
	seed, err := os.ReadFile(filepath.Join(testkit.Root, "app", "importer", "testdata", "000_61edb88a8ba11f94.txt"))
	if err != nil {
		t.Fatal(err)
	}
	m := rep.Meta
	for _, printed := range []string{"经营许可证编号为：" + m.Source.LicenseNo, m.Analyst.Email} {
		if !bytes.Contains(seed, []byte(printed)) {
			t.Fatalf("the seed text does not print %q", printed)
		}
	}
	fx := rep.Financings.FX
	for _, tt := range []struct{ lang, fxSource string }{{"zh", fx.SourceZH}, {"en", fx.Source}} {
		t.Run("about "+tt.lang, func(t *testing.T) {
			open(t, ctx, s.URL+"/about?lang="+tt.lang, "#source")
			source := textOf(t, ctx, "#source")
			for _, want := range []string{m.Institute, m.Title, m.ReportDate, m.Source.LicenseNo, m.Analyst.Email, m.Analyst.Certificate, tt.fxSource} {
				if !strings.Contains(source, want) {
					t.Errorf("source section lacks %q:\n%s", want, source)
				}
			}
			if strings.Contains(source, m.Source.Document) {
				t.Errorf("source section shows the file name %q", m.Source.Document)
			}
		})
	}
	t.Run("one minus sign", func(t *testing.T) {
		open(t, ctx, s.URL+"/movers?list=period-losers", "#chart-movers svg")
		var texts struct{ Table, Chart string }
		eval(t, ctx, `({table: document.querySelector('#period-losers table').textContent,
			chart: Array.from(document.querySelectorAll('#chart-movers svg text')).map(e => e.textContent).join(' ')})`, &texts)
		for name, txt := range map[string]string{"table": texts.Table, "chart": texts.Chart} {
			if !strings.Contains(txt, "\u221218.09%") || strings.Contains(txt, "-18.09") {
				t.Errorf("%s writes %.300q; want −18.09%% with the minus sign U+2212", name, txt)
			}
		}
	})
	t.Run("title names the filters", func(t *testing.T) {
		path := "/movers?lang=zh&list=ytd-gainers&q=" + url.QueryEscape("科技")
		want := "涨跌幅榜（榜单：今年以来涨幅前十；搜索：科技） · AI行业周报浏览器"
		open(t, ctx, s.URL+path, "#count")
		waitView(t, ctx, "/movers", nil)
		var title string
		eval(t, ctx, `document.title`, &title)
		if title != want {
			t.Errorf("title %q; want %q", title, want)
		}
		_, body := get(t, s.URL+path)
		if !bytes.Contains(body, []byte("<title>"+want+"</title>")) {
			t.Errorf("the prerendered page's title is not %q", want)
		}
		click(t, ctx, `.chip[data-param="q"] .chip-remove`)
		waitView(t, ctx, "/movers", url.Values{"lang": {"zh"}, "list": {"ytd-gainers"}})
		eval(t, ctx, `document.title`, &title)
		if want := "涨跌幅榜（榜单：今年以来涨幅前十） · AI行业周报浏览器"; title != want {
			t.Errorf("after removing q the title is %q; want %q", title, want)
		}
	})
}
