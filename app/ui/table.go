package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// table renders a plain table with a caption and header cells.
func (p prefs) table(caption string, headers []string, rows []app.UI) app.UI {
	return app.Div().Class("table-wrap").Body(
		app.Table().Body(
			app.Caption().Text(caption),
			app.THead().Body(app.Tr().Body(app.Range(headers).Slice(func(i int) app.UI {
				return app.Th().Scope("col").Text(p.T(headers[i]))
			}))),
			app.TBody().Body(rows...),
		),
	)
}
