package ui

import (
	"errors"
	"sync"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// dataPath is where the browser fetches the report, below the app's prefix.
const dataPath = "/data/report.json"

// loadStatus is how far loading the report got, as in go-app's own docs
// app (docs/src/status.go).
type loadStatus int

const (
	neverLoaded loadStatus = iota
	loading
	loadFailed
	loaded
)

// weekLoad is one week's report, or how loading it went: the [Site]
// holds one per week a page asked for. On the server it is loaded from the
// start ([loadedWeek]); in the browser it fetches the week's file.
type weekLoad struct {
	// url is the file's address, for messages.
	url string
	// fetch starts loading the report and returns a func that waits for
	// it; nil when there is nothing to load.
	fetch func() (wait func() (*report.Report, error))

	done chan struct{} // closed once loading finished; nil for loadedWeek

	mu      sync.Mutex
	status  loadStatus
	content *content
	err     *LoadError
	waiting []func(*content, *LoadError)
}

// loadedWeek returns a week showing r, already loaded. A nil r gives a
// week whose pages say that no report could be loaded, as the server does
// when it serves an invalid data file on request.
func loadedWeek(r *report.Report) *weekLoad {
	if r == nil {
		return &weekLoad{url: dataPath, status: loadFailed, err: &LoadError{
			URL: dataPath, Kind: FailUnavailable, Err: errors.New("no report loaded on the server"),
		}}
	}
	return &weekLoad{url: dataPath, status: loaded, content: newContent(r)}
}

// startWeek returns a week that fetches the report at url, below the
// app's prefix, and keeps it for every later navigation. It starts the
// download and the parse at once, in a goroutine of its own, so that they
// overlap the start of go-app: the first page then usually renders with
// its content instead of showing the loading state over the page the
// server prerendered.
func startWeek(url string) *weekLoad {
	s := &weekLoad{url: url, fetch: func() func() (*report.Report, error) { return fetchReport(url) }}
	s.status, s.done = loading, make(chan struct{})
	wait := s.fetch()
	go func() { s.finish(wait()) }()
	return s
}

// loaded returns the report's content when loading has finished with it,
// nil otherwise.
func (s *weekLoad) loaded() *content {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.content
}

// request calls f with the report's content, or with why it failed, once
// loading finished: at once when it already has (as on the server),
// otherwise on the UI goroutine of ctx later, through ctx.Dispatch. On a
// site whose loading has not started, the first request starts the
// download at once, so that it overlaps the first render, and waits for it
// and parses it in a goroutine of ctx.Async.
func (s *weekLoad) request(ctx app.Context, f func(*content, *LoadError)) {
	s.mu.Lock()
	switch s.status {
	case loaded, loadFailed:
		c, err := s.content, s.err
		s.mu.Unlock()
		f(c, err)
		return
	}
	s.waiting = append(s.waiting, func(c *content, err *LoadError) {
		ctx.Dispatch(func(app.Context) { f(c, err) })
	})
	start := s.status == neverLoaded
	s.status = loading
	s.mu.Unlock()
	if start {
		wait := s.fetch()
		ctx.Async(func() { s.finish(wait()) })
	}
}

// finish keeps the result of loading and hands it to every page waiting.
func (s *weekLoad) finish(r *report.Report, err error) {
	var c *content
	lerr, isLoad := errorAs[*LoadError](err)
	switch {
	case err != nil && !isLoad:
		lerr = &LoadError{URL: s.url, Kind: FailUnavailable, Err: err}
	case err == nil:
		c = newContent(r)
	}
	s.mu.Lock()
	s.content, s.err = c, lerr
	s.status = loaded
	if lerr != nil {
		s.status = loadFailed
	}
	waiting := s.waiting
	s.waiting = nil
	if s.done != nil {
		close(s.done)
	}
	s.mu.Unlock()
	for _, w := range waiting {
		w(c, lerr)
	}
}

// content is one report with what the pages derive from it: the five
// tables with their search and facet indexes, and the bounds of the date
// inputs. The tables are built on first use and then shared by every page
// and every render; a keystroke only runs [explore.Apply] on them.
type content struct {
	rep *report.Report

	once   sync.Once
	tables explore.Tables
	// first and last are the earliest and latest event dates.
	first, last string
}

func newContent(r *report.Report) *content { return &content{rep: r} }

// derived returns the tables and date bounds, building them once.
func (c *content) derived() *content { return c.prepared(nil) }

// prepared is derived calling pause, unless nil, before each table when
// it builds them.
func (c *content) prepared(pause func()) *content {
	c.once.Do(func() {
		c.tables = explore.BuildTablesPaused(c.rep, pause)
		date := func(s string) {
			if s == "" {
				return
			}
			if c.first == "" || s < c.first {
				c.first = s
			}
			if s > c.last {
				c.last = s
			}
		}
		for it := range c.rep.Events.All() {
			date(it.Date)
		}
	})
	return c
}

// table is the table of route, built on first use.
func (c *content) table(route explore.Route) *explore.Table {
	return c.derived().tables.For(route)
}

// loadedOrNil is loaded on a week that may not exist yet.
func (s *weekLoad) loadedOrNil() *content {
	if s == nil {
		return nil
	}
	return s.loaded()
}
