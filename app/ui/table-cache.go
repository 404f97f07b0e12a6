package ui

import (
	"sync"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/report"
)

// derived is what the explorer pages build from one report: the five
// tables with their search and facet indexes, and what the events page
// shows under each title. It is built once per report and shared; a
// keystroke only runs [explore.Apply] on it.
type derived struct {
	tables explore.Tables
	bodies map[string]eventBody // by event id
	// first and last are the earliest and latest event dates, bounds for
	// the date inputs.
	first, last string
}

// eventBody is the text the events table shows under an event's title.
type eventBody struct {
	details []string // a company event's numbered details
	views   []string // the analysts' view (我们认为)
	text    string   // a news item's text
}

// cache holds the derived data of the last report seen. The server
// prerenders pages concurrently, hence the lock; the browser has one
// report for its whole life.
var cache struct {
	mu  sync.Mutex
	rep *report.Report
	d   *derived
}

// derive returns the derived data of r, building it on first use.
func derive(r *report.Report) *derived {
	cache.mu.Lock()
	defer cache.mu.Unlock()
	if cache.rep != r || cache.d == nil {
		cache.rep, cache.d = r, build(r)
	}
	return cache.d
}

func build(r *report.Report) *derived {
	d := &derived{tables: explore.BuildTables(r), bodies: map[string]eventBody{}}
	date := func(s string) {
		if s == "" {
			return
		}
		if d.first == "" || s < d.first {
			d.first = s
		}
		if s > d.last {
			d.last = s
		}
	}
	for _, e := range r.Events.CompanyEvents {
		d.bodies[e.ID] = eventBody{details: e.Details, views: e.Views}
		date(e.Date)
	}
	for _, list := range [][]report.NewsItem{r.Events.DomesticNews, r.Events.OverseasNews} {
		for _, n := range list {
			d.bodies[n.ID] = eventBody{text: n.Text}
			date(n.Date)
		}
	}
	return d
}
