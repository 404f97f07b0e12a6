package e2e

import (
	"context"
	"fmt"
	"maps"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/app/testkit"
	"github.com/airesearch/aiweekly/app/testkit/synthweek"
	"github.com/chromedp/chromedp"
)

// twoWeeks starts a server of the real week and the synthetic one before
// it, and returns it with both reports.
func twoWeeks(t *testing.T) (s *server, newest, older *report.Report) {
	t.Helper()
	newest, older = bothReports(t)
	return startServer(t, "-weeks", testkit.SyntheticWeeks), newest, older
}

// bothReports returns the real week and the synthetic one before it.
func bothReports(t *testing.T) (newest, older *report.Report) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(testkit.SyntheticWeeks, "2023-04-09.json"))
	if err != nil {
		t.Fatal(err)
	}
	if older, err = report.Parse(b); err != nil {
		t.Fatal(err)
	}
	return testkit.LoadReport(t), older
}

// regexpLineCol matches a problem's position as the preview lists it.
var regexpLineCol = regexp.MustCompile(`第 \d+ 行第 \d+ 列`)

// synthTitleMark marks the title of the synthetic week.
const synthTitleMark = synthweek.TitleMark

// signed is a return as the pages write it, with a plus or the minus sign
// U+2212.
func signed(v float64) string { return strings.Replace(fmt.Sprintf("%+.2f%%", v), "-", "−", 1) }

// waitWeek waits until the live page shows week date.
func waitWeek(tb testing.TB, ctx context.Context, date string) {
	tb.Helper()
	run(tb, ctx, "wait for week "+date, chromedp.WaitVisible(`.shell[data-live="1"][data-week="`+date+`"]`, chromedp.ByQuery))
}

// locationOf is the address bar's path and query.
func locationOf(tb testing.TB, ctx context.Context) *url.URL {
	tb.Helper()
	var href string
	eval(tb, ctx, `location.href`, &href)
	u, err := url.Parse(href)
	if err != nil {
		tb.Fatal(err)
	}
	return u
}

// TestOldWeekLink opens a link to the earlier week: the page shows that
// week's figures with a notice that a newer weekly exists, whose link
// opens the same view in the newest.
func TestOldWeekLink(t *testing.T) {
	s, newest, older := twoWeeks(t)
	ctx := newTab(t)
	date := older.Meta.ReportDate
	open(t, ctx, s.URL+"/movers?list=ytd-gainers&week="+date, "#week-notice")
	waitWeek(t, ctx, date)
	if txt := textOf(t, ctx, "main"); !strings.Contains(txt, signed(older.Movers.YTDGainers[0].Return)) ||
		strings.Contains(txt, signed(newest.Movers.YTDGainers[0].Return)) {
		t.Errorf("the page does not show the earlier week's YTD gainers:\n%s", txt)
	}
	if n := textOf(t, ctx, "#week-notice"); !strings.Contains(n, date) || !strings.Contains(n, newest.Meta.ReportDate) {
		t.Errorf("notice %q; want both dates", n)
	}
	var navHref string
	eval(t, ctx, `document.querySelector('nav a[href^="/constituents"]').getAttribute('href')`, &navHref)
	if navHref != "/constituents?week="+date {
		t.Errorf("the navigation links to %q; want it to keep the week", navHref)
	}
	click(t, ctx, "#week-newest")
	waitWeek(t, ctx, newest.Meta.ReportDate)
	u := locationOf(t, ctx)
	if u.Path != "/movers" || u.Query().Get("list") != "ytd-gainers" || u.Query().Has("week") {
		t.Errorf("the newer-week link went to %s; want the same view without week", u)
	}
	run(t, ctx, "wait for the newest figures", chromedp.Poll(
		`document.querySelector('main').innerText.includes(`+jsString(signed(newest.Movers.YTDGainers[0].Return))+`)`, nil,
		chromedp.WithPollingTimeout(10*time.Second)))
	var notices int
	eval(t, ctx, `document.querySelectorAll('#week-notice').length`, &notices)
	if notices != 0 {
		t.Errorf("the newest week shows the newer-week notice")
	}
}

// TestUnknownWeek opens a link to a week that was never published: the
// usual notice names it, and the newest week is shown.
func TestUnknownWeek(t *testing.T) {
	s, newest, _ := twoWeeks(t)
	ctx := newTab(t)
	open(t, ctx, s.URL+"/index?week=2099-01-01", `.notice[data-param="week"]`)
	waitWeek(t, ctx, newest.Meta.ReportDate)
	if n := textOf(t, ctx, `.notice[data-param="week"]`); !strings.Contains(n, "2099-01-01") {
		t.Errorf("notice %q; want it to name the week", n)
	}
}

// TestWeeksPageAndSwitch lists both weeks on /weeks, then switches a
// filtered view to the other week from the top bar, keeping the view.
func TestWeeksPageAndSwitch(t *testing.T) {
	s, newest, older := twoWeeks(t)
	ctx := newTab(t)
	open(t, ctx, s.URL+"/weeks", "main table")
	var dates []string
	eval(t, ctx, `Array.from(document.querySelectorAll('main tr[data-week]')).map(r => r.dataset.week)`, &dates)
	if len(dates) != 2 || dates[0] != newest.Meta.ReportDate || dates[1] != older.Meta.ReportDate {
		t.Errorf("weeks listed %v; want the newest then the earlier one", dates)
	}
	if txt := textOf(t, ctx, "main table"); !strings.Contains(txt, older.Meta.Title) || !strings.Contains(txt, signed(older.IndexReturns.Series[0].PeriodReturn)) {
		t.Errorf("the list lacks the earlier week's title or index return:\n%s", txt)
	}

	link := newest.Constituents[0].Link
	open(t, ctx, s.URL+"/constituents?link="+url.QueryEscape(link), "#count")
	click(t, ctx, ".week-switch summary")
	click(t, ctx, `.week-switch a[data-week="`+older.Meta.ReportDate+`"]`)
	waitWeek(t, ctx, older.Meta.ReportDate)
	u := locationOf(t, ctx)
	if u.Path != "/constituents" || u.Query().Get("link") != link || u.Query().Get("week") != older.Meta.ReportDate {
		t.Errorf("the switch went to %s; want the same view in week %s", u, older.Meta.ReportDate)
	}
}

// TestPreviewFile opens report files from disk on /weeks: a valid one is
// shown on the overview under the local-preview banner, without a week in
// the address; a broken one gets its problems with line and column.
func TestPreviewFile(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	dir := t.TempDir()
	valid := filepath.Join(dir, "draft.json")
	older, err := os.ReadFile(filepath.Join(testkit.SyntheticWeeks, "2023-04-09.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(valid, older, 0o644); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken.json")
	bad := strings.Replace(string(testkit.ReportBytes(t)), `"return": 257.4`, `"return": "abc"`, 1)
	if err := os.WriteFile(broken, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}

	open(t, ctx, s.URL+"/weeks", "#preview-file")
	run(t, ctx, "pick the broken file", chromedp.SetUploadFiles("#preview-file", []string{broken}, chromedp.ByQuery))
	run(t, ctx, "wait for its problems", chromedp.WaitVisible("#preview-problems", chromedp.ByQuery))
	if p := textOf(t, ctx, "#preview-problems"); !strings.Contains(p, "movers.ytd_gainers[0].return") || !regexpLineCol.MatchString(p) {
		t.Errorf("problems %q; want the JSON path with its line and column", p)
	}

	// A file dropped onto another page opens /weeks with its problems.
	open(t, ctx, s.URL+"/movers", "#count")
	var dropped bool
	eval(t, ctx, `(() => { const dt = new DataTransfer();
		dt.items.add(new File([`+jsString(bad)+`], "dropped.json", {type: "application/json"}));
		return window.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, cancelable: true})) === false; })()`, &dropped)
	if !dropped {
		t.Errorf("the drop was not taken by the page (the browser would open the file)")
	}
	run(t, ctx, "wait for the dropped file's problems", chromedp.WaitVisible("#preview-problems", chromedp.ByQuery))
	if u := locationOf(t, ctx); u.Path != "/weeks" || !strings.Contains(textOf(t, ctx, "#preview-status"), "dropped.json") {
		t.Errorf("after the drop: %s, status %q; want /weeks naming the file", u, textOf(t, ctx, "#preview-status"))
	}

	run(t, ctx, "pick the valid file", chromedp.SetUploadFiles("#preview-file", []string{valid}, chromedp.ByQuery))
	run(t, ctx, "wait for the preview", chromedp.WaitVisible("#preview-banner", chromedp.ByQuery))
	u := locationOf(t, ctx)
	if u.Path != "/" || u.RawQuery != "" {
		t.Errorf("the preview is at %s; want the overview, with nothing in the address naming it", u)
	}
	if b := textOf(t, ctx, "#preview-banner"); !strings.Contains(b, "draft.json") || !strings.Contains(b, "2023-04-09") {
		t.Errorf("banner %q; want the file's name and report date", b)
	}
	if txt := textOf(t, ctx, "main"); !strings.Contains(txt, synthTitleMark) {
		t.Errorf("the overview does not show the previewed file:\n%s", txt)
	}
	var before int
	eval(t, ctx, `window.previewPage = 1`, &before)
	click(t, ctx, "#preview-end")
	waitAfterReload(t, ctx, `!window.previewPage && !document.getElementById('preview-banner') && document.querySelector('.shell[data-live="1"]') !== null`)
	if txt := textOf(t, ctx, "main"); strings.Contains(txt, synthTitleMark) {
		t.Errorf("after the preview ended the overview still shows the file")
	}
}

// waitAfterReload waits until js holds in the page a reload brings. A poll
// that started in the old page fails when it goes away, and is started
// again in the new one.
func waitAfterReload(tb testing.TB, ctx context.Context, js string) {
	tb.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		err := chromedp.Run(ctx, chromedp.Poll(js, nil, chromedp.WithPollingTimeout(5*time.Second)))
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("wait after reload for %s: %v", js, err)
		}
	}
}

// TestWeekHistoryAndChanges follows a company link of the earlier week to
// its stock page, which keeps the week and lists the company in both
// weeks; then compares the two weeks on /changes, and finds nothing to
// compare the earlier one with.
func TestWeekHistoryAndChanges(t *testing.T) {
	s, newest, older := twoWeeks(t)
	ctx := newTab(t)
	date := older.Meta.ReportDate
	top := older.Movers.PeriodGainers[0]
	open(t, ctx, s.URL+"/movers?list=period-gainers&week="+date, "#week-notice")
	click(t, ctx, `#period-gainers td.col-name a`)
	run(t, ctx, "wait for the history", chromedp.WaitVisible(`#history tr[data-week="`+newest.Meta.ReportDate+`"]`, chromedp.ByQuery))
	waitWeek(t, ctx, date)
	if u := locationOf(t, ctx); u.Query().Get("week") != date {
		t.Errorf("the company link went to %s; want it to keep week %s", u, date)
	}
	var weeks []string
	eval(t, ctx, `Array.from(document.querySelectorAll('#history tr[data-week]')).map(r => r.dataset.week + ' ' + r.innerText)`, &weeks)
	if len(weeks) != 2 || !strings.HasPrefix(weeks[0], newest.Meta.ReportDate) || !strings.HasPrefix(weeks[1], date) ||
		!strings.Contains(weeks[1], signed(top.Return)) {
		t.Errorf("history of %s = %q; want both weeks, the earlier with its return %s", top.Name, weeks, signed(top.Return))
	}

	open(t, ctx, s.URL+"/changes", "#changes-constituents")
	var changes []string
	eval(t, ctx, `Array.from(document.querySelectorAll('#changes-constituents tr[data-change], #changes-movers tr[data-change]')).map(r => r.dataset.change)`, &changes)
	for _, want := range []string{"changes.added", "changes.removed", "changes.moved", "changes.entered", "changes.left"} {
		if !slices.Contains(changes, want) {
			t.Errorf("the week-over-week view lacks a %s row: %v", want, changes)
		}
	}
	if txt := textOf(t, ctx, "#changes-index"); !strings.Contains(txt, signed(older.IndexReturns.Series[0].PeriodReturn)) ||
		!strings.Contains(txt, signed(newest.IndexReturns.Series[0].PeriodReturn)) {
		t.Errorf("the index returns lack a week:\n%s", txt)
	}
	open(t, ctx, s.URL+"/changes?week="+date, "#changes-none")
}

// TestOneWeek checks that with one week the week-over-week view and the
// history say so, and the top bar offers no switch.
func TestOneWeek(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	open(t, ctx, s.URL+"/changes", "#changes-none")
	open(t, ctx, s.URL+"/stocks/"+url.PathEscape(testkit.LoadReport(t).Movers.PeriodGainers[0].Name), "#history-one")
	var switches int
	eval(t, ctx, `document.querySelectorAll('.week-switch').length`, &switches)
	if switches != 0 {
		t.Errorf("one week, and the top bar offers a switch")
	}
}

// TestWeeksExportOffline exports both weeks for the prefix /sub, serves
// the export with python's http.server and opens the earlier week, then
// stops the host: offline, the week opened, by its link and by its own
// page's path, and the newest still work, and /weeks lists both.
func TestWeeksExportOffline(t *testing.T) {
	ensureBuilt(t)
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("no python3 to serve the export")
	}
	newest, older := bothReports(t)
	dir := exportSub(t, "-weeks", testkit.SyntheticWeeks)
	for _, f := range []string{"sub/data/weeks.json", "sub/data/weeks/" + older.Meta.ReportDate + ".json", "sub/weeks.html", "sub/changes.html"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
			t.Errorf("the export lacks %s: %v", f, err)
		}
	}
	base, stopPy := servePython(t, dir)
	ctx := newTab(t)
	oldLink := "/sub/movers?list=ytd-gainers&week=" + older.Meta.ReportDate
	checkWeek := func(t *testing.T, path, date string, want string) {
		t.Helper()
		open(t, ctx, base+path, "main table")
		waitWeek(t, ctx, date)
		if txt := textOf(t, ctx, "main"); !strings.Contains(txt, want) {
			t.Errorf("%s lacks %q:\n%s", path, want, txt)
		}
	}
	checkWeek(t, oldLink, older.Meta.ReportDate, signed(older.Movers.YTDGainers[0].Return))
	waitControlled(t, ctx)
	// The week is cached when the page fetched it, which the first visit
	// did before the worker controlled the page: open it again.
	checkWeek(t, oldLink, older.Meta.ReportDate, signed(older.Movers.YTDGainers[0].Return))
	// The worker keeps the week's own page (w/DATE/movers), to which
	// pwa.js moved the link, and answers the link with it offline.
	weekPage := "/sub/w/" + older.Meta.ReportDate + "/movers"
	if cached := cachedPaths(t, ctx); !slices.ContainsFunc(slices.Collect(maps.Values(cached)), func(ps []string) bool { return slices.Contains(ps, weekPage) }) {
		t.Errorf("the worker's caches lack %s: %v", weekPage, cached)
	}
	stopPy()
	checkWeek(t, oldLink, older.Meta.ReportDate, signed(older.Movers.YTDGainers[0].Return))
	// Reached by the week's own path, offline too.
	checkWeek(t, weekPage+"?list=ytd-gainers", older.Meta.ReportDate, signed(older.Movers.YTDGainers[0].Return))
	if u := locationOf(t, ctx); u.RequestURI() != oldLink {
		t.Errorf("offline, %s has the address %s; want %s", weekPage, u.RequestURI(), oldLink)
	}
	checkWeek(t, "/sub/movers?list=ytd-gainers", newest.Meta.ReportDate, signed(newest.Movers.YTDGainers[0].Return))
	open(t, ctx, base+"/sub/weeks", `main tr[data-week="`+older.Meta.ReportDate+`"]`)
}
