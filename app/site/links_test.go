//go:build !wasm

package site

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/app/site/sitetest"
)

// hrefs are the link targets of a page.
var hrefs = regexp.MustCompile(`href="([^"]*)"`)

// TestStockLinksEncodedOnce serves a stock page whose name is not ASCII:
// every link on the prerendered page back to it is percent-encoded once,
// so it leads to the page before the wasm runs and for crawlers.
func TestStockLinksEncodedOnce(t *testing.T) {
	_, srv := startSite(t, config(sitetest.NewFixture(t, 1024)))
	const path = "/stocks/%E4%B8%89%E5%85%AD%E9%9B%B6" // 三六零
	res, body := sitetest.Fetch(t, "GET", srv.URL+path)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	var self []string
	for _, m := range hrefs.FindAllStringSubmatch(string(body), -1) {
		if strings.Contains(m[1], "%25") {
			t.Errorf("link %q is encoded twice", m[1])
		}
		if strings.HasPrefix(m[1], "/stocks/") {
			self = append(self, m[1])
		}
	}
	want := []string{path + "?lang=zh", path + "?lang=en", path, path + "?colors=intl"} // the switches, then the colour options
	if strings.Join(self, " ") != strings.Join(want, " ") {
		t.Errorf("links to the page %q; want %q", self, want)
	}
}

// TestUnknownStock answers a stock page of a company the report does not
// name with 404 and the page's closest names; a known one with 200.
func TestUnknownStock(t *testing.T) {
	_, srv := startSite(t, config(sitetest.NewFixture(t, 1024)))
	for path, want := range map[string]int{
		"/stocks/nonexistent": 404, "/stocks/%E4%B8%89%E5%85%AD": 404, "/stocks/360": 200, "/stocks/%E5%95%86%E6%B1%A4%E7%A7%91%E6%8A%80": 200,
	} {
		res, body := sitetest.Fetch(t, "GET", srv.URL+path)
		if res.StatusCode != want {
			t.Errorf("GET %s: status %d; want %d", path, res.StatusCode, want)
		}
		if want == 404 && !strings.Contains(string(body), `class="closest"`) && path != "/stocks/nonexistent" {
			t.Errorf("GET %s: no closest names: %.300s", path, body)
		}
		if want == 404 && !strings.Contains(string(body), "nonexistent") && path == "/stocks/nonexistent" {
			t.Errorf("GET %s: not the stock page naming the name", path)
		}
	}
}

// ogURL is the og:url meta element of a page.
var ogURL = regexp.MustCompile(`<meta property="og:url"[^>]*>`)

// TestOGURL checks og:url: absent when the site does not know its public
// address, absolute below the base URL when it does, the path encoded once.
func TestOGURL(t *testing.T) {
	f := sitetest.NewFixture(t, 1024)
	_, plain := startSite(t, config(f))
	_, body := sitetest.Fetch(t, "GET", plain.URL+"/stocks/%E4%B8%89%E5%85%AD%E9%9B%B6")
	if m := ogURL.FindString(string(body)); m != "" {
		t.Errorf("without a base URL the page has %s; want no og:url", m)
	}

	cfg := config(f)
	cfg.Prefix, cfg.BaseURL = "/aiweekly", "https://example.org/aiweekly/"
	_, based := startSite(t, cfg)
	rep, err := report.Parse(f.Data)
	if err != nil {
		t.Fatal(err)
	}
	week := rep.Meta.ReportDate // a week named by its date keeps it; an unknown one is dropped
	for path, want := range map[string]string{
		"/aiweekly/stocks/%E4%B8%89%E5%85%AD%E9%9B%B6": `<meta property="og:url" content="https://example.org/aiweekly/stocks/%E4%B8%89%E5%85%AD%E9%9B%B6">`,
		"/aiweekly/movers?list=ytd-gainers":            `<meta property="og:url" content="https://example.org/aiweekly/movers">`,
		"/aiweekly/":                                   `<meta property="og:url" content="https://example.org/aiweekly/">`,
		"/aiweekly/movers?week=" + week:                `<meta property="og:url" content="https://example.org/aiweekly/movers?week=` + week + `">`,
		"/aiweekly/movers?week=1999-01-01":             `<meta property="og:url" content="https://example.org/aiweekly/movers">`,
		"/aiweekly/nowhere":                            "",
	} {
		_, body := sitetest.Fetch(t, "GET", based.URL+path)
		if got := ogURL.FindString(string(body)); got != want {
			t.Errorf("GET %s: %q; want %q", path, got, want)
		}
	}
}

func TestReplaceMeta(t *testing.T) {
	const origin = "https://example.org"
	for _, tt := range []struct{ page, want string }{
		{`<head><meta property="og:url" content="https:///a%20b"><meta property="og:title" content="t"></head>`,
			`<head><meta property="og:url" content="https://example.org/a%20b"><meta property="og:title" content="t"></head>`},
		{`<head><meta content="https:///a%20b" property="og:url"><meta property="og:image" content="https://"></head>`,
			`<head><meta property="og:url" content="https://example.org/a%20b"></head>`},
		{`<head><meta property="og:image" content="https://example.org/i.png"></head>`,
			`<head><meta property="og:image" content="https://example.org/i.png"></head>`},
		{`<p>no meta</p>`, `<p>no meta</p>`},
	} {
		if got := string(withOGURL([]byte(tt.page), origin, "/a%20b", 200)); got != tt.want {
			t.Errorf("withOGURL(%s)\n = %s\nwant %s", tt.page, got, tt.want)
		}
	}
	if got := string(withOGURL([]byte(`<meta content="https:///x" property="og:url"><b>`), "", "/x", 200)); got != "<b>" {
		t.Errorf("without an origin: %s; want the element gone", got)
	}
}

func TestCleanBaseURL(t *testing.T) {
	for _, tt := range []struct{ base, prefix, want string }{
		{"", "", ""},
		{"https://example.org", "", "https://example.org"},
		{"https://example.org/", "", "https://example.org"},
		{"http://127.0.0.1:8000", "", "http://127.0.0.1:8000"},
		{"https://example.org/aiweekly", "/aiweekly", "https://example.org"},
		{"https://example.org/aiweekly/", "/aiweekly", "https://example.org"},
		{"https://Example.ORG/aiweekly/", "/aiweekly", "https://example.org"},
	} {
		got, err := CleanBaseURL(tt.base, tt.prefix)
		if err != nil || got != tt.want {
			t.Errorf("CleanBaseURL(%q, %q) = %q, %v; want %q", tt.base, tt.prefix, got, err, tt.want)
		}
	}
	for _, tt := range []struct{ base, prefix string }{
		{"example.org", ""}, {"/aiweekly", "/aiweekly"}, {"ftp://example.org", ""}, {"https://", ""},
		{"https://example.org/aiweekly", ""}, {"https://example.org", "/aiweekly"}, {"https://example.org/other", "/aiweekly"},
		{"https://u:p@example.org", ""}, {"https://example.org/?q=1", ""}, {"https://example.org/#x", ""},
		{"https://exa\"mple.org", ""}, {"https://example.org:99999", ""}, {"javascript:alert(1)", ""},
	} {
		if got, err := CleanBaseURL(tt.base, tt.prefix); err == nil {
			t.Errorf("CleanBaseURL(%q, %q) = %q; want an error", tt.base, tt.prefix, got)
		}
	}
}

// TestStockSegmentPaths checks which encoded slashes and backslashes a
// path may hold: inside the one segment of a stock page's name, and
// nowhere else; dot segments stay refused inside the name too.
func TestStockSegmentPaths(t *testing.T) {
	// By prefix, each target and whether it is safe.
	for prefix, targets := range map[string]map[string]bool{
		"": {
			"/stocks/a%2Fb": true, "/stocks/a%2fb%5Cc": true,
			"/stocks/a/b":                  true, // a page that does not exist, not a traversal
			"/stocks/..%2f..%2fsecret.txt": false, "/stocks/a%2F..%2Fb": false, "/stocks/a%5C..": false,
			"/stocks/.%2Fa": false, "/stocks/a%00b": false, "/stocks/a%2Fb/c": false, "/sub/stocks/a%2Fb": false,
			"/web/a%2Fb": false, "/movers%2Fx": false, "/x/stocks/a%2Fb": false,
		},
		"/sub": {"/sub/stocks/a%2Fb": true, "/stocks/a%2Fb": false, "/sub/web/a%2Fb": false},
	} {
		for target, safe := range targets {
			r := httptest.NewRequest("GET", target, nil)
			if got := isSafePath(r, prefix); got != safe {
				t.Errorf("isSafePath(%s) under %q = %v; want %v", target, prefix, got, safe)
			}
		}
	}
}
