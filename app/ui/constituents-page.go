package ui

import (
	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// constituentsPage is "/constituents": the index's 45 stocks by chain link
// and sub-track, with the period and YTD return where a mover list gives
// one.
type constituentsPage struct{ explorer }

var constituentsSpec = explorerSpec{route: explore.RouteConstituents, title: "constituents.title"}

func (p *constituentsPage) OnNav(ctx app.Context) { p.nav(ctx) }

func (p *constituentsPage) Render() app.UI { return p.render() }
