package ui

import (
	"fmt"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// chipsView shows each active filter of the view st as a chip whose × link
// removes it, and one link that clears them all; t names the facets. The
// container stays in place when empty, so that the elements after it keep
// their identity (and focus).
func (p prefs) chipsView(chips []explore.Chip, t *explore.Table, st explore.State) app.UI {
	return app.Div().Class("chips").Aria("label", p.T("explore.chips")).Body(
		app.If(len(chips) > 0, func() app.UI {
			return app.Ul().Body(
				app.Range(chips).Slice(func(i int) app.UI { return p.chipView(chips[i], t, st) }),
				app.Li().Class("clear").Body(
					app.A().ID("clear-all").Href(viewHref(st.ClearFilters())).Text(p.T("explore.clear")),
				),
			)
		}),
	)
}

// chipView is one active filter: "产业链环节：AI应用 ×".
func (p prefs) chipView(c explore.Chip, t *explore.Table, st explore.State) app.UI {
	name, value := p.chipLabel(t, c)
	remove := fmt.Sprintf(p.T("explore.chip.remove"), name+" "+value)
	li := app.Li().Class("chip").DataSet("param", attr(c.Param)).DataSet("value", attr(c.Value))
	return li.Body(
		app.Span().Class("chip-name").Text(name+"："),
		app.Span().Class("chip-value").Text(value),
		app.A().Class("chip-remove").Href(viewHref(st.Remove(c))).Aria("label", attr(remove)).Title(attr(remove)).
			Text("×"),
	)
}

// chipLabel returns the words a chip shows for its parameter and value.
func (p prefs) chipLabel(t *explore.Table, c explore.Chip) (name, value string) {
	value = c.Value
	if c.ValueMsg != "" {
		value = p.T(c.ValueMsg + c.Value)
	}
	switch c.Param {
	case explore.ParamQ, explore.ParamFrom, explore.ParamTo:
		return p.T("chip." + c.Param), value
	}
	if f, ok := t.Facet(c.Param); ok {
		return p.T(f.Label), value
	}
	return c.Param, value
}
