package ui

import (
	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// dateRange holds the events' from and to date inputs, bounded by first
// and last; onChange runs when either changes, onBlur when either loses
// the focus.
func (p prefs) dateRange(from, to, first, last string, onChange, onBlur app.EventHandler) app.UI {
	input := func(id, value string) app.UI {
		return app.Input().Type("date").ID(id).Name(id).Value(attr(value)).
			Min(first).Max(last).OnChange(onChange).OnBlur(onBlur)
	}
	return app.FieldSet().Class("dates").Body(
		app.Legend().Text(p.T("explore.dates")),
		app.Label().For("from").Text(p.T("explore.from")), input("from", from),
		app.Label().For("to").Text(p.T("explore.to")), input("to", to),
	)
}

// onDates applies the dates when one is complete. Typing 04102023 into a
// date input changes its value at each digit of the year (0002-04-10,
// 0020-04-10, 0202-04-10, 2023-04-10): a year before 1000 in the focused
// input is a year being typed, so it waits for the next digit or the blur.
// The first date applied while an input has the focus adds a history
// entry; later ones replace it, so Back leaves the dates rather than
// undoing digits.
func (x *explorer) onDates(ctx app.Context, e app.Event) {
	src := ctx.JSSrc()
	focused := src.Equal(app.Window().Get("document").Get("activeElement"))
	if focused && typingYear(src.Get("value").String()) {
		ctx.PreventUpdate()
		return
	}
	x.applyDates(ctx, focused)
}

// onDatesBlur applies what an input holds when it loses the focus (a year
// typed short included) and ends its typing: the next change adds an
// entry again.
func (x *explorer) onDatesBlur(ctx app.Context, e app.Event) {
	x.applyDates(ctx, false)
	x.datesTyped = false
}

// typingYear reports whether a date input's value has a year of fewer
// than four significant digits, as while its year is being typed.
func typingYear(v string) bool {
	return len(v) == len("2006-01-02") && v[0] == '0'
}

// applyDates reads both inputs and shows the events between them: a new
// history entry, or, after one added while an input had the focus
// (focused), that entry replaced. A date input yields a valid YYYY-MM-DD or
// nothing, so WithDates fails only on a browser without date inputs,
// where the typed text is then ignored with a notice.
func (x *explorer) applyDates(ctx app.Context, focused bool) {
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
	if next.From == x.st.From && next.To == x.st.To {
		ctx.PreventUpdate()
		return
	}
	if x.datesTyped {
		ctx.PreventUpdate()
		replaceView(viewHref(next))
		return
	}
	x.datesTyped = focused
	x.navigate(ctx, next)
}
