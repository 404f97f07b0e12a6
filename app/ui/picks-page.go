package ui

import (
	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// picksPage is "/picks": the recommended stocks, one row per stock, by
// layer and vertical.
type picksPage struct{ explorer }

var picksSpec = explorerSpec{route: explore.RoutePicks, title: "picks.title"}

func (p *picksPage) OnNav(ctx app.Context) { p.nav(ctx) }

func (p *picksPage) Render() app.UI { return p.render() }
