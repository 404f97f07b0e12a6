package ui

import (
	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// moversPage is "/movers": the three top-10 lists, one table per list,
// each entry with its company's chain link and sub-track, to facet by.
type moversPage struct{ explorer }

var moversSpec = explorerSpec{
	route:    explore.RouteMovers,
	title:    "movers.title",
	groupBy:  explore.ColList,
	groupMsg: "movers.",
}

func (p *moversPage) OnNav(ctx app.Context) { p.nav(ctx) }

func (p *moversPage) Render() app.UI { return p.render() }
