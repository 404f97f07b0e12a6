//go:build !wasm

package site

import (
	"sync"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/app/ui"
)

// This file holds every use of package ui, the explorer's pages: the rest
// of the site serves any go-app [App].

// explorerRoutes registers the explorer's routes with go-app once per
// process.
var explorerRoutes sync.Once

// Explorer is the report explorer of package ui, the App a zero [Config]
// serves.
func Explorer() App {
	return App{
		// go-app's route table is process-global, so the first site of a
		// process serves its report to every later one (ui's goapp.go).
		Routes: func(rep *report.Report) {
			explorerRoutes.Do(func() { ui.Routes(ui.NewSite(rep)) })
		},
		Handler:  ui.NewHandler,
		Manifest: ui.ManifestJSON,
		IsPage:   ui.IsPage,
		Pages: func(rep *report.Report) []string {
			return append(ui.Paths(), stockPages(rep)...)
		},
	}
}

// CleanPrefix checks a path prefix to serve the app under and returns it
// in the form [Config] takes: "" for the root, otherwise a leading slash
// and no trailing one ("/sub").
func CleanPrefix(prefix string) (string, error) { return ui.CleanPrefix(prefix) }
