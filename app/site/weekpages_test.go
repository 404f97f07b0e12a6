//go:build !wasm

package site

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/app/site/sitetest"
	"github.com/airesearch/aiweekly/app/testkit"
)

// weekPagesEnv, when set, names the directory TestWeekPages exports to in
// the process of its own it runs in.
const weekPagesEnv = "AIWEEKLY_TEST_WEEK_PAGES"

// TestWeekPages exports the real week with the synthetic one before it,
// for the prefix /sub: the earlier week's pages are under w/DATE/, with
// that week's figures, and every page names the week for web/pwa.js. The
// server redirects those paths to the links they stand for. go-app's
// routes, and with them the weeks the explorer's pages show, belong to the
// first site of a process (ui.go), so the site is made in a process of its
// own: this test binary again, running this test alone.
func TestWeekPages(t *testing.T) {
	if dir := os.Getenv(weekPagesEnv); dir != "" {
		exportWeekPages(t, dir)
		return
	}
	dir := filepath.Join(t.TempDir(), "dist")
	cmd := exec.Command(os.Args[0], "-test.run=^TestWeekPages$", "-test.count=1")
	cmd.Env = append(os.Environ(), weekPagesEnv+"="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the export in a process of its own: %v\n%s", err, out)
	}
	newest := testkit.LoadReport(t)
	older := syntheticWeek(t)
	date := older.Meta.ReportDate
	w := "w/" + date + "/"

	movers := string(readExport(t, dir, w+"movers.html"))
	if !bytes.Equal([]byte(movers), readExport(t, dir, w+"movers/index.html")) {
		t.Errorf("%smovers.html and %[1]smovers/index.html differ", w)
	}
	oldFig, newFig := returnText(older.Movers.YTDGainers[0].Return), returnText(newest.Movers.YTDGainers[0].Return)
	if !strings.Contains(movers, `data-week="`+date+`"`) || !strings.Contains(movers, oldFig) || strings.Contains(movers, newFig) {
		t.Errorf("%smovers.html is not the page of %s (want its YTD gainer's %s, not the newest's %s)", w, date, oldFig, newFig)
	}
	if !strings.Contains(movers, `href="/sub/constituents?week=`+date+`"`) {
		t.Errorf("%smovers.html does not link below /sub in its week", w)
	}
	company := older.Movers.YTDGainers[0].Name
	for name, want := range map[string]string{
		w + "index.html":                        "<h1>" + older.Meta.Title,
		w + "index/index.html":                  `data-week="` + date + `"`,
		w + "stocks/" + company + ".html":       "<h1>" + company,
		w + "stocks/" + company + "/index.html": `data-week="` + date + `"`,
	} {
		if !strings.Contains(string(readExport(t, dir, name)), want) {
			t.Errorf("%s lacks %s", name, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "w", newest.Meta.ReportDate)); err == nil {
		t.Errorf("the newest week has pages under w/ too")
	}
	meta := `<meta name="app-week-pages" content="` + date + `">`
	for _, name := range []string{"movers.html", "404.html", w + "movers.html"} {
		if !strings.Contains(string(readExport(t, dir, name)), meta) {
			t.Errorf("%s lacks %s", name, meta)
		}
	}
}

// exportWeekPages makes the site of TestWeekPages, exports it to dir and
// checks the server's redirects of the exported weeks' paths.
func exportWeekPages(t *testing.T, dir string) {
	cfg := config(sitetest.NewFixture(t, 1<<10))
	cfg.Weeks, cfg.Prefix, cfg.BrotliQuality = testkit.SyntheticWeeks, "/sub", 1
	s, srv := startSite(t, cfg)
	if err := s.Export(dir); err != nil {
		t.Fatal(err)
	}
	date, newest := syntheticWeek(t).Meta.ReportDate, testkit.LoadReport(t).Meta.ReportDate
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for path, want := range map[string]string{
		"/sub/w/" + date + "/movers?list=ytd-gainers":     "301 /sub/movers?list=ytd-gainers&week=" + date,
		"/sub/w/" + date + "/movers/?week=2000-01-01&q=a": "301 /sub/movers?q=a&week=" + date,
		"/sub/w/" + date + "/stocks/360?week=" + date:     "301 /sub/stocks/360?week=" + date,
		"/sub/w/" + date:               "301 /sub/?week=" + date,
		"/sub/w/" + date + "/":         "301 /sub/?week=" + date,
		"/sub/w/2000-01-01/movers":     "404 ",
		"/sub/w/" + newest + "/movers": "404 ",
		"/w/" + date + "/movers":       "404 ",
	} {
		res, err := noFollow.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if got := fmt.Sprintf("%d %s", res.StatusCode, res.Header.Get("Location")); got != want {
			t.Errorf("GET %s: %s; want %s", path, got, want)
		}
	}
}

// syntheticWeek returns the synthetic week the tests serve before the real one.
func syntheticWeek(tb testing.TB) *report.Report {
	tb.Helper()
	r, err := report.Parse(sitetest.ReadFile(tb, filepath.Join(testkit.SyntheticWeeks, "2023-04-09.json")))
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// returnText is a return as the pages write it, with a plus or the minus
// sign U+2212.
func returnText(v float64) string { return strings.Replace(fmt.Sprintf("%+.2f%%", v), "-", "−", 1) }

func TestWithWeek(t *testing.T) {
	for _, tt := range []struct{ raw, want string }{
		{"", "week=2023-04-09"},
		{"list=ytd-gainers", "list=ytd-gainers&week=2023-04-09"},
		{"week=2023-04-09&list=ytd-gainers", "week=2023-04-09&list=ytd-gainers"},
		{"week=2000-01-01&list=ytd-gainers&week=2023-04-09", "list=ytd-gainers&week=2023-04-09"},
		{"%77eek=2000-01-01&q=a%26b&&", "q=a%26b&week=2023-04-09"},
	} {
		if got := withWeek(tt.raw, "2023-04-09"); got != tt.want {
			t.Errorf("withWeek(%q) = %q; want %q", tt.raw, got, tt.want)
		}
	}
}
