//go:build !wasm

package site

import (
	"sync"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/app/ui"
)

// This file holds every use of package ui, the explorer's pages: the rest
// of the site serves any go-app [App].

// explorer is the one ui.Site of a process: go-app's route table, which
// its pages are registered in, is process-global (ui's goapp.go), so the
// first site of a process serves its report to every later one.
var explorer struct {
	once sync.Once
	site *ui.Site
}

// Explorer is the report explorer of package ui, the App a zero [Config]
// serves.
func Explorer() App {
	return App{
		Routes: func(rep *report.Report) {
			explorer.once.Do(func() {
				explorer.site = ui.NewSite(rep)
				ui.Routes(explorer.site)
			})
		},
		Canonical: func(path, rawQuery string) (string, bool) { return explorer.site.CanonicalQuery(path, rawQuery) },
		Negotiate: ui.NegotiateLang,
		Handler:   ui.NewHandler,
		Manifest:  ui.ManifestJSON,
		IsPage:    ui.IsPage,
		Pages: func(rep *report.Report) []string {
			return append(ui.Paths(), stockPages(rep)...)
		},
	}
}

// CleanPrefix checks a path prefix to serve the app under and returns it
// in the form [Config] takes: "" for the root, otherwise a leading slash
// and no trailing one ("/sub").
func CleanPrefix(prefix string) (string, error) { return ui.CleanPrefix(prefix) }
