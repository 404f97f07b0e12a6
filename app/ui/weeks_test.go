//go:build !wasm

package ui

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/archive"
	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/app/testkit"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// twoWeekSite is a server's site of the real week and the synthetic one
// before it.
func twoWeekSite(t *testing.T) (*Site, archive.Index) {
	t.Helper()
	a, err := archive.Load(testkit.ReportPath, testkit.SyntheticWeeks)
	if err != nil {
		t.Fatal(err)
	}
	return NewArchiveSite(a), a.Index()
}

// TestSiteWeeks checks which week a link gets: the one it names when it
// was published, the newest otherwise, with a notice for a week never
// published; and the content of each.
func TestSiteWeeks(t *testing.T) {
	s, ix := twoWeekSite(t)
	newest, older := ix.Weeks[0].Date, ix.Weeks[1].Date
	for _, tt := range []struct {
		asked, shown string
		notice, keep bool
	}{
		{"", newest, false, false},
		{older, older, false, true},
		{newest, newest, false, true},
		{"2099-01-01", newest, true, false},
		{"not-a-date", newest, false, false}, // explore's notice names it
	} {
		u := &url.URL{RawQuery: url.Values{paramWeek: {tt.asked}}.Encode()}
		w := s.weekOf(u)
		if w.shown != tt.shown || (w.notice != nil) != tt.notice || w.older() != (tt.shown != newest) {
			t.Errorf("week %q: shown %q, notice %v, older %v; want %q, %v", tt.asked, w.shown, w.notice, w.older(), tt.shown, tt.notice)
		}
		if got := s.linkWeek(tt.asked); (got != "") != tt.keep {
			t.Errorf("week %q: links keep %q", tt.asked, got)
		}
		var c *content
		s.request(app.Context{}, tt.asked, func(cc *content, _ *LoadError) { c = cc })
		if c == nil || c.rep.Meta.ReportDate != tt.shown {
			t.Errorf("week %q: content %v; want week %s", tt.asked, c, tt.shown)
		}
	}
	var all []*content
	s.requestAll(app.Context{}, func(cs []*content) { all = cs })
	if len(all) != 2 || all[0].rep.Meta.ReportDate != newest || all[1].rep.Meta.ReportDate != older {
		t.Errorf("requestAll gave %d weeks; want both, newest first", len(all))
	}
}

// TestCanonicalWeek checks that the canonical query keeps a published
// week, by name even when it is the newest, and that a week never
// published is not canonical (its page shows the notice and is not
// cached).
func TestCanonicalWeek(t *testing.T) {
	s, ix := twoWeekSite(t)
	for _, tt := range []struct {
		raw, want string
		ok        bool
	}{
		{"list=ytd-gainers&week=" + ix.Weeks[1].Date, "list=ytd-gainers&week=" + ix.Weeks[1].Date, true},
		{"week=" + ix.Weeks[0].Date, "week=" + ix.Weeks[0].Date, true},
		{"list=ytd-gainers", "list=ytd-gainers", true},
		{"week=2099-01-01", "", false},
	} {
		q, ok := s.CanonicalQuery(string(explore.RouteMovers), tt.raw)
		if q != tt.want || ok != tt.ok {
			t.Errorf("CanonicalQuery(%q) = %q, %v; want %q, %v", tt.raw, q, ok, tt.want, tt.ok)
		}
	}
}

// TestPreviewProblems checks the preview's list of problems: the line and
// column of each, the first report.MaxProblems, then how many more.
func TestPreviewProblems(t *testing.T) {
	p := prefs{lang: en}
	_, serr := report.Parse([]byte("{\n  \"meta\": }"))
	if got := p.previewProblems(serr); len(got) != 1 || !strings.HasPrefix(got[0], "line 2, column ") {
		t.Errorf("syntax error listed as %q", got)
	}
	ve := &report.ValidationError{Problems: make([]report.Problem, report.MaxProblems), Omitted: 7}
	for i := range ve.Problems {
		ve.Problems[i] = report.Problem{Path: "meta.title", Message: "want a string", Line: i + 1, Column: 3}
	}
	got := p.previewProblems(ve)
	if len(got) != report.MaxProblems+1 || got[0] != "line 1, column 3: meta.title: want a string" || got[len(got)-1] != "and 7 more" {
		t.Errorf("problems listed as %q … %q (%d lines)", got[0], got[len(got)-1], len(got))
	}
	if got := p.previewProblems(errors.New("boom")); len(got) != 1 || got[0] != "boom" {
		t.Errorf("another error listed as %q", got)
	}
}
