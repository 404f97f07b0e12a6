package ui

import (
	"sync"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// dataPath is where the browser fetches the report, below the app's prefix.
const dataPath = "/data/report.json"

// store holds the one report every page reads. The browser fetches and
// parses it once; later navigations reuse it, so a page change never
// re-downloads or re-parses the data.
var store struct {
	mu      sync.Mutex
	done    bool
	rep     *report.Report
	err     error
	waiting []func(*report.Report, error)
}

// SetReport hands the server's already loaded report to the pages, so the
// server prerenders them with their content.
func SetReport(r *report.Report) {
	store.mu.Lock()
	defer store.mu.Unlock()
	store.done, store.rep, store.err = true, r, nil
}

// withReport calls f with the report once it is loaded, at once when it
// already is (as on the server), otherwise on the UI goroutine later.
func withReport(ctx app.Context, f func(*report.Report, error)) {
	store.mu.Lock()
	if store.done {
		r, err := store.rep, store.err
		store.mu.Unlock()
		f(r, err)
		return
	}
	first := len(store.waiting) == 0
	store.waiting = append(store.waiting, func(r *report.Report, err error) {
		ctx.Dispatch(func(app.Context) { f(r, err) })
	})
	store.mu.Unlock()
	if first {
		fetchReport(rootPrefix()+dataPath, finishLoad)
	}
}

func finishLoad(r *report.Report, err error) {
	store.mu.Lock()
	store.done, store.rep, store.err = true, r, err
	waiting := store.waiting
	store.waiting = nil
	store.mu.Unlock()
	for _, w := range waiting {
		w(r, err)
	}
}

// rootPrefix is the path the app is served under, "" at the root.
func rootPrefix() string {
	p := app.Getenv("GOAPP_ROOT_PREFIX")
	if p == "/" {
		return ""
	}
	return p
}
