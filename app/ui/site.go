package ui

import (
	"errors"
	"sync"
	"time"

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

// Site is the report every page of one app shows, or how loading it went.
// Each main builds one and passes it to [Routes]: the server from the
// report it already loaded ([NewSite]), so that it prerenders the pages
// with their content; the browser one that fetches the report when a page
// first asks for it ([NewLoader]). Nothing else holds the report, so two
// sites can live in one process.
type Site struct {
	// fetch starts loading the report and returns a func that waits for
	// it; nil when there is nothing to load.
	fetch func() (wait func() (*report.Report, error))

	done chan struct{} // closed once loading finished; nil for NewSite

	mu      sync.Mutex
	status  loadStatus
	content *content
	err     *LoadError
	waiting []func(*content, *LoadError)
}

// NewSite returns a site showing r, already loaded. A nil r gives a site
// whose pages say that no report could be loaded, as the server does when
// it serves an invalid data file on request.
func NewSite(r *report.Report) *Site {
	if r == nil {
		return &Site{status: loadFailed, err: &LoadError{
			URL: dataPath, Kind: FailUnavailable, Err: errors.New("no report loaded on the server"),
		}}
	}
	return &Site{status: loaded, content: newContent(r)}
}

// NewLoader returns a site that fetches the report from the app's
// data/report.json, below its prefix, and keeps it for every later
// navigation. It starts the download and the parse at once, in a
// goroutine of its own, so that they overlap the start of go-app: the
// first page then usually renders with its content instead of showing the
// loading state over the page the server prerendered.
func NewLoader() *Site {
	s := &Site{fetch: func() func() (*report.Report, error) { return fetchReport(rootPrefix() + dataPath) }}
	s.status, s.done = loading, make(chan struct{})
	wait := s.fetch()
	go func() { s.finish(wait()) }()
	return s
}

// Wait waits up to d for loading to finish and reports whether it has.
// The browser's main waits before starting go-app, so that its first
// render shows the report (or why it failed) in place of the page the
// server prerendered, rather than the loading state.
func (s *Site) Wait(d time.Duration) bool {
	if s.done == nil {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-s.done:
		return true
	case <-t.C:
		return false
	}
}

// loaded returns the report's content when loading has finished with it,
// nil otherwise.
func (s *Site) loaded() *content {
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
func (s *Site) request(ctx app.Context, f func(*content, *LoadError)) {
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
func (s *Site) finish(r *report.Report, err error) {
	var c *content
	var lerr *LoadError
	switch {
	case err != nil && !errors.As(err, &lerr):
		lerr = &LoadError{URL: dataPath, Kind: FailUnavailable, Err: err}
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
func (c *content) derived() *content {
	c.once.Do(func() {
		c.tables = explore.BuildTables(c.rep)
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

// CanonicalQuery returns the query that means what rawQuery means on the
// page at path: the view's state encoded in its one canonical form, with
// the parameters the page ignores dropped. ok is false when part of
// rawQuery did not apply (a notice names it): the page then shows the
// notice, and only a page made from the raw query says so. The server
// caches the page of a canonical query, made from that query, so that
// junk parameters neither fill its cache nor reach another reader's page.
func (s *Site) CanonicalQuery(path, rawQuery string) (query string, ok bool) {
	v, raw := explore.ParseRawQuery(rawQuery)
	st, ns := explore.ParseQuery("", v) // the colour convention, which every page reads
	if path == string(explore.RouteSearch) {
		st, ns = explore.ParseQuery(explore.RouteSearch, v)
	}
	if c := s.loaded(); c != nil {
		for _, r := range routeTable {
			if r.path == path && r.explorer != nil {
				st, ns = c.table(r.explorer.route).Parse(v)
			}
		}
	}
	return st.Encode(), len(raw) == 0 && len(ns) == 0
}
