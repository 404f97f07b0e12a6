package ui

import (
	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// eventsPage is "/events": the company events with the analysts' view,
// then the domestic and overseas news, one table per kind, filterable by
// kind, company and date range.
type eventsPage struct{ explorer }

var eventsSpec = explorerSpec{
	route:    explore.RouteEvents,
	title:    "events.title",
	groupBy:  explore.ColKind,
	groupMsg: "events.",
	dates:    true,
}

func (p *eventsPage) OnNav(ctx app.Context) { p.nav(ctx) }

func (p *eventsPage) Render() app.UI { return p.render() }
