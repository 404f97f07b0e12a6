package ui

import (
	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// dateRange holds the events' from and to date inputs, bounded by first
// and last; onChange runs when either changes.
func (p prefs) dateRange(from, to, first, last string, onChange app.EventHandler) app.UI {
	input := func(id, value string) app.UI {
		return app.Input().Type("date").ID(id).Name(id).Value(attr(value)).
			Min(first).Max(last).OnChange(onChange)
	}
	return app.FieldSet().Class("dates").Body(
		app.Legend().Text(p.T("explore.dates")),
		app.Label().For("from").Text(p.T("explore.from")), input("from", from),
		app.Label().For("to").Text(p.T("explore.to")), input("to", to),
	)
}

// onDates reads both inputs and navigates to the events between them,
// adding a history entry. A date input yields a valid YYYY-MM-DD or
// nothing, so WithDates fails only on a browser without date inputs,
// where the typed text is then ignored with a notice.
func (x *explorer) onDates(ctx app.Context, e app.Event) {
	doc := app.Window().Get("document")
	from := doc.Call("getElementById", "from").Get("value").String()
	to := doc.Call("getElementById", "to").Get("value").String()
	next, err := x.st.WithDates(from, to)
	if err != nil {
		x.notices = nil
		for _, d := range []struct{ param, value string }{{explore.ParamFrom, from}, {explore.ParamTo, to}} {
			if _, err := x.st.WithDates(d.value, ""); err != nil {
				x.notices = append(x.notices, explore.Notice{Param: d.param, Value: d.value, Reason: explore.ReasonBadDate})
			}
		}
		return
	}
	x.navigate(ctx, next)
}
