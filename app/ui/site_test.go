package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/airesearch/aiweekly/app/archive"
	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/app/testkit"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// TestTwoSites builds two sites in one process, as nothing in app/ui is
// shared between them: each shows its own report and its own tables.
func TestTwoSites(t *testing.T) {
	a := testkit.LoadReport(t)
	other := *a
	other.Financings.Items = a.Financings.Items[:1]
	sa, sb := NewSite(a), NewSite(&other)
	var ca, cb *content
	sa.request(app.Context{}, "", func(c *content, err *LoadError) { ca = c })
	sb.request(app.Context{}, "", func(c *content, err *LoadError) { cb = c })
	if ca == nil || cb == nil || ca.rep != a || cb.rep != &other {
		t.Fatalf("sites show %p and %p; want %p and %p", ca, cb, a, &other)
	}
	na := len(ca.table(explore.RouteFinancings).Rows)
	nb := len(cb.table(explore.RouteFinancings).Rows)
	if na != len(a.Financings.Items) || nb != 1 {
		t.Errorf("financings rows = %d and %d; want %d and 1", na, nb, len(a.Financings.Items))
	}
	if first, again := ca.table(explore.RouteFinancings), ca.table(explore.RouteFinancings); first != again {
		t.Errorf("the tables are built again on each use; want once per report")
	}
}

// TestSiteLoad checks the loader's statuses and the kind of each failure.
func TestSiteLoad(t *testing.T) {
	_, parseErr := report.Parse([]byte(`{"meta": `))
	tests := []struct {
		name  string
		fetch func() (*report.Report, error)
		kind  FailKind
	}{
		{"offline", func() (*report.Report, error) {
			return nil, &LoadError{URL: dataPath, Kind: FailOffline, Err: errors.New("fetch: TypeError")}
		}, FailOffline},
		{"invalid", func() (*report.Report, error) { return nil, parseError(dataPath, parseErr) }, FailInvalid},
		{"other", func() (*report.Report, error) { return nil, errors.New("boom") }, FailUnavailable},
		{"loaded", func() (*report.Report, error) { return testkit.LoadReport(t), nil }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &weekLoad{url: dataPath, fetch: func() func() (*report.Report, error) { return tt.fetch }}
			if s.status != neverLoaded {
				t.Fatalf("status = %v before loading; want neverLoaded", s.status)
			}
			s.finish(s.fetch()())
			var got *LoadError
			var c *content
			s.request(app.Context{}, func(cc *content, err *LoadError) { c, got = cc, err })
			switch {
			case tt.kind == "" && (c == nil || got != nil || s.status != loaded):
				t.Errorf("status %v, content %v, err %v; want loaded", s.status, c, got)
			case tt.kind != "" && (got == nil || got.Kind != tt.kind || s.status != loadFailed):
				t.Errorf("status %v, err %v; want failed with kind %q", s.status, got, tt.kind)
			}
		})
	}
	if err := NewSite(nil).week(archive.NewestPath).err; err == nil || err.Kind != FailUnavailable {
		t.Errorf("NewSite(nil) failure = %v; want kind unavailable", err)
	}
}

// TestFailedView checks that the error page names the kind of failure in
// words and, for invalid data, lists the JSON path of each problem.
func TestFailedView(t *testing.T) {
	data := strings.Replace(string(mustRead(t)), `"return": 257.4`, `"return": "abc"`, 1)
	_, perr := report.Parse([]byte(data))
	if perr == nil {
		t.Fatal("fixture edit did not apply")
	}
	html := app.HTMLString(zhPrefs.statusView(nil, parseError(dataPath, perr)))
	for _, w := range []string{zhPrefs.T("status.failed"), zhPrefs.T("status.kind.invalid"), "movers.ytd_gainers[0].return", `class="kind invalid"`} {
		if !strings.Contains(html, w) {
			t.Errorf("error page lacks %q:\n%s", w, html)
		}
	}
	off := app.HTMLString(zhPrefs.statusView(nil, &LoadError{URL: dataPath, Kind: FailOffline, Err: errors.New("fetch: TypeError")}))
	if !strings.Contains(off, zhPrefs.T("status.kind.offline")) || !strings.Contains(off, zhPrefs.T("status.retry")) {
		t.Errorf("offline page lacks its sentence or the retry button:\n%s", off)
	}
	if zhPrefs.statusView(testkit.LoadReport(t), nil) != nil {
		t.Errorf("statusView of a loaded report is not nil")
	}
}

// mustRead reads the real data/report.json.
func mustRead(tb testing.TB) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "data", "report.json"))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// TestSiteWait checks that Wait returns once loading finished, and not
// before.
func TestSiteWait(t *testing.T) {
	if !NewSite(nil).Wait(0) {
		t.Errorf("Wait on a site built loaded = false; want true")
	}
	w := &weekLoad{url: dataPath, status: loading, done: make(chan struct{})}
	s := &Site{ready: make(chan struct{})}
	go func() { <-w.done; close(s.ready) }()
	if s.Wait(time.Millisecond) {
		t.Errorf("Wait before loading finished = true; want false")
	}
	w.finish(testkit.LoadReport(t), nil)
	if !s.Wait(time.Second) || w.status != loaded {
		t.Errorf("Wait after loading = false or status %v; want true and loaded", w.status)
	}
}
