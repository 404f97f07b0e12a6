package e2e

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/app/testkit"
	"github.com/chromedp/chromedp"
)

// sectionsOf lists, from the report itself, the parts that name each
// company: each mover list, the constituents, the picks, the events and
// the financings.
func sectionsOf(rep *report.Report) map[string][]string {
	out := map[string][]string{}
	add := func(id, s string) {
		if !slices.Contains(out[id], s) {
			out[id] = append(out[id], s)
		}
	}
	for l, ms := range rep.Movers.Lists() {
		for _, m := range ms {
			add(m.Company, string(l))
		}
	}
	for _, c := range rep.Constituents {
		add(c.Company, "constituents")
	}
	for _, p := range rep.Picks {
		for _, s := range p.Stocks {
			add(s.Company, "picks")
		}
	}
	for it := range rep.Events.All() {
		for _, c := range it.Companies {
			add(c, "events")
		}
	}
	for _, f := range rep.Financings.Items {
		add(f.Company, "financings")
	}
	return out
}

// TestStocksIndex checks the company index against the report: sorted by
// sections it starts with the companies named in the most parts, 拓尔思
// (a pick, a YTD gainer and a period loser) among those in several; its
// counts link to where it is named; a search finds a company by an alias
// and a section facet keeps the companies it names.
func TestStocksIndex(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	rep := testkit.LoadReport(t)
	secs := sectionsOf(rep)
	trs, ok := rep.Company("拓尔思")
	if !ok {
		t.Fatal("the report has no 拓尔思")
	}
	for _, want := range []string{"picks", "ytd-gainers", "period-losers"} {
		if !slices.Contains(secs[trs.ID], want) {
			t.Fatalf("拓尔思 is not in %s of the report: the test's premise fails", want)
		}
	}
	most := 0
	for _, ss := range secs {
		most = max(most, len(ss))
	}

	run(t, ctx, "open", chromedp.Navigate(s.URL+"/stocks?sort=-sections"))
	v := waitView(t, ctx, "/stocks", url.Values{"sort": {"-sections"}})
	ids := v.ids()
	if len(ids) != len(rep.Companies) {
		t.Fatalf("%d rows; want every company, %d", len(ids), len(rep.Companies))
	}
	if got := len(secs[ids[0]]); got != most {
		t.Errorf("first row %s is named in %d sections; the most is %d", ids[0], got, most)
	}
	at := slices.Index(ids, trs.ID)
	if at < 0 || len(secs[ids[at]]) < 3 {
		t.Fatalf("拓尔思 at %d of %q", at, ids)
	}
	for _, id := range ids[:at] {
		if len(secs[id]) < len(secs[trs.ID]) {
			t.Errorf("%s (%d sections) sorts before 拓尔思 (%d)", id, len(secs[id]), len(secs[trs.ID]))
		}
	}
	var row struct {
		Sections string   `json:"sections"`
		Links    []string `json:"links"`
		Page     string   `json:"page"`
	}
	eval(t, ctx, `(() => { const tr = document.getElementById("`+trs.ID+`");
		return { sections: tr.querySelector('td.col-sections').textContent,
			links: Array.from(tr.querySelectorAll('td.num a')).map(a => decodeURIComponent(a.getAttribute('href'))),
			page: decodeURIComponent(tr.querySelector('a.permalink').getAttribute('href')) }; })()`, &row)
	if row.Sections != strconv.Itoa(len(secs[trs.ID])) {
		t.Errorf("拓尔思's sections cell %q; want %d", row.Sections, len(secs[trs.ID]))
	}
	for _, want := range []string{"/stocks/拓尔思#movers", "/stocks/拓尔思#picks"} {
		if !slices.Contains(row.Links, want) {
			t.Errorf("拓尔思's counts link to %q; want %s among them", row.Links, want)
		}
	}
	if row.Page != "/stocks/拓尔思" {
		t.Errorf("拓尔思's row links to %q; want its stock page", row.Page)
	}

	// Any alias finds its company: the index shows every other name.
	for _, c := range rep.Companies {
		if len(c.Aliases) == 0 {
			continue
		}
		run(t, ctx, "search an alias", chromedp.Navigate(s.URL+"/stocks?q="+url.QueryEscape(c.Aliases[0])))
		v := waitView(t, ctx, "/stocks", url.Values{"q": {c.Aliases[0]}})
		if !slices.Contains(v.ids(), c.ID) {
			t.Errorf("/stocks?q=%s: rows %q lack %s", c.Aliases[0], v.ids(), c.ID)
		}
		break
	}

	run(t, ctx, "facet", chromedp.Navigate(s.URL+"/stocks?section=financings"))
	v = waitView(t, ctx, "/stocks", url.Values{"section": {"financings"}})
	var want []string
	for _, c := range rep.Companies {
		if slices.Contains(secs[c.ID], "financings") {
			want = append(want, c.ID)
		}
	}
	if !slices.Equal(v.ids(), want) {
		t.Errorf("/stocks?section=financings: rows %q; want %q", v.ids(), want)
	}
	if txt := textOf(t, ctx, "main"); !strings.Contains(txt, "融资") {
		t.Errorf("the section facet is not labelled")
	}
}
