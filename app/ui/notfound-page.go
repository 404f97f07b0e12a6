package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// notFoundPage answers every path that is not a route.
type notFoundPage struct{ app.Compo }

func (p *notFoundPage) OnNav(ctx app.Context) {
	ctx.Page().SetTitle(headText(T("notfound.title") + " · " + T("app.name")))
}

func (p *notFoundPage) Render() app.UI {
	return layout("",
		app.Section().Class("notfound").Body(
			app.H1().Text(T("notfound.title")),
			app.P().Text(T("notfound.text")),
			app.A().Href(href("/")).Text(T("notfound.home")),
		),
	)
}
