//go:build !wasm

package site

import (
	"maps"
	"slices"
	"sync"

	"github.com/airesearch/aiweekly/app/archive"
	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/app/ui"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// This file holds every use of package ui, the explorer's pages: the rest
// of the site serves any go-app [App].

// explorer is the one ui.Site of a process: go-app's route table, which
// its pages are registered in, is process-global (ui's goapp.go), so the
// first site of a process serves its report to every later one.
var explorer struct {
	once    sync.Once
	site    *ui.Site
	archive *archive.Archive // the weeks of the first site, nil without valid data
}

// Explorer is the report explorer of package ui, the App a zero [Config]
// serves.
func Explorer() App {
	return App{
		Archive: func(a *archive.Archive) {
			if explorer.site == nil {
				explorer.archive = a
			}
		},
		Routes: func(rep *report.Report) {
			explorer.once.Do(func() {
				explorer.site = ui.NewSite(rep)
				if explorer.archive != nil {
					explorer.site = ui.NewArchiveSite(explorer.archive)
				}
				ui.Routes(explorer.site)
			})
		},
		Canonical: func(path, rawQuery string) (string, bool) { return explorer.site.CanonicalQuery(path, rawQuery) },
		Negotiate: ui.NegotiateLang,
		Handler: func(version, prefix string) *app.Handler {
			return ui.NewHandler(version, prefix, slices.Sorted(maps.Keys(earlierWeekPages())))
		},
		Manifest: ui.ManifestJSON,
		IsPage: func(rep *report.Report, path string) bool {
			for _, r := range weekReports(rep) {
				if ui.IsPage(r, path) {
					return true
				}
			}
			return false
		},
		Pages: func(rep *report.Report) []string {
			reps := weekReports(rep)
			return slices.Concat(ui.Paths(), stockPages(reps...), rowPages(reps))
		},
		WeekPages: earlierWeekPages,
	}
}

// earlierWeekPages returns the pages of each week but the newest, by
// date: the fixed routes, and the stock and record pages of that week's
// report.
func earlierWeekPages() map[string][]string {
	a := explorer.archive
	if a == nil {
		return nil
	}
	out := map[string][]string{}
	for _, w := range a.Index().Weeks {
		if w.File == archive.NewestPath {
			continue
		}
		r, _ := a.Report(w.Date)
		out[w.Date] = slices.Concat(ui.Paths(), stockPages(r), ui.RowPaths(r))
	}
	return out
}

// weekReports is every week the explorer serves, newest first: those of
// its archive, or rep alone (nil when there is no valid data).
func weekReports(rep *report.Report) []*report.Report {
	a := explorer.archive
	if a == nil {
		return []*report.Report{rep}
	}
	var out []*report.Report
	for _, w := range a.Index().Weeks {
		r, _ := a.Report(w.Date)
		out = append(out, r)
	}
	return out
}

// rowPages lists the page of each record (/events/ce-1) of every week in
// reps, once: a link to an earlier week's record then has its page too.
func rowPages(reps []*report.Report) []string {
	var out []string
	seen := map[string]bool{}
	for _, rep := range reps {
		for _, p := range ui.RowPaths(rep) {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out
}

// CleanPrefix checks a path prefix to serve the app under and returns it
// in the form [Config] takes: "" for the root, otherwise a leading slash
// and no trailing one ("/sub").
func CleanPrefix(prefix string) (string, error) { return ui.CleanPrefix(prefix) }
