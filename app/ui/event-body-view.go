package ui

import (
	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// eventBodyView is what the report says under an event's title, read from
// the row's source record, a [report.Item]: a company event's details and
// the analysts' view, or a news item's text. ok is false for a record of
// another kind.
func (p prefs) eventBodyView(src any) (body app.UI, ok bool) {
	it, ok := src.(report.Item)
	if !ok {
		return nil, false
	}
	var text string
	var details, views []string
	switch {
	case it.Event != nil:
		details, views = it.Event.Details, it.Event.Views
	case it.News != nil:
		text = it.News.Text
	}
	return app.Div().Class("event-body").Body(
		app.If(text != "", func() app.UI { return asPrinted(p, app.P()).Text(text) }),
		app.If(len(details) > 0, func() app.UI {
			return asPrinted(p, app.Ol()).Class("details").Body(app.Range(details).Slice(func(i int) app.UI {
				return app.Li().Text(details[i])
			}))
		}),
		app.If(len(views) > 0, func() app.UI {
			return app.Div().Class("views").Body(
				app.P().Class("view-label").Body(app.Strong().Text(p.T("events.view"))),
				asPrinted(p, app.Ol()).Body(app.Range(views).Slice(func(i int) app.UI {
					return app.Li().Text(views[i])
				})),
			)
		}),
	), true
}
