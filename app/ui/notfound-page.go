package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// notFoundPage answers every path that is not a route. It keeps no routed
// state, only the URL's preferences, for its words and its link home.
type notFoundPage struct {
	app.Compo
	prefs
}

// OnInit reads the address bar for the browser's first render.
func (p *notFoundPage) OnInit() {
	if app.IsClient {
		p.prefs = prefsOf(app.Window().URL())
	}
}

func (p *notFoundPage) OnNav(ctx app.Context) {
	p.prefs = prefsOf(ctx.Page().URL())
	ctx.Page().SetTitle(headText(p.T("notfound.title") + " · " + p.T("app.name")))
}

func (p *notFoundPage) Render() app.UI {
	return layout("",
		app.Section().Class("notfound").Body(
			app.H1().Text(p.T("notfound.title")),
			app.P().Text(p.T("notfound.text")),
			app.A().Href(p.link("/")).Text(p.T("notfound.home")),
		),
	)
}
