package ui

import (
	"fmt"
	"strconv"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// facetPanel lists each facet's values with the number of rows each would
// show, as Datasette does. A value is a link to the view st with that
// value toggled: values of one facet combine with OR, facets with AND, and
// each facet's counts follow the other filters. Being links, they work with
// the keyboard, add a history entry, and can be opened in a new tab. The
// facets named in expanded list all their values; onMore, reading the
// button's data-key, expands or folds one.
func (p prefs) facetPanel(facets []explore.FacetCounts, st explore.State, expanded map[string]bool, onMore app.EventHandler) app.UI {
	return app.Aside().Class("facets").Aria("labelledby", "facets-title").Body(
		app.H2().ID("facets-title").Text(p.T("explore.facets")),
		app.Range(facets).Slice(func(i int) app.UI {
			// A facet the other filters leave without a value says nothing.
			return app.If(len(facets[i].Values) > 0, func() app.UI {
				return p.facetGroup(facets[i], st, expanded[facets[i].Key], onMore)
			})
		}),
	)
}

// facetGroup is one facet: its heading, up to facetRows values (every
// selected value among them) or all of them up to facetMax when open.
func (p prefs) facetGroup(fc explore.FacetCounts, st explore.State, open bool, onMore app.EventHandler) app.UI {
	limit := facetRows
	if open {
		limit = facetMax
	}
	vals := shownValues(fc.Values, limit)
	head := "facet-" + fc.Key + "-title"
	return app.Section().Class("facet").ID("facet-"+fc.Key).Body(
		app.H3().ID(head).Text(p.T(fc.Label)),
		app.Ul().Aria("labelledby", attr(head)).Body(app.Range(vals).Slice(func(i int) app.UI {
			return p.facetValue(fc, vals[i], st)
		})),
		app.If(len(fc.Values) > facetRows, func() app.UI {
			text := fmt.Sprintf(p.T("explore.facet.more"), len(fc.Values))
			if open {
				text = p.T("explore.facet.less")
			}
			b := app.Button().Type("button").Class("facet-more").DataSet("key", attr(fc.Key))
			b = b.Aria("expanded", attr(strconv.FormatBool(open))).Aria("controls", attr("facet-"+fc.Key))
			// onMore reads data-key: see goapp.go on handlers.
			return b.Text(text).OnClick(onMore)
		}),
		app.If(open && len(fc.Values) > facetMax, func() app.UI {
			return app.P().Class("note").Text(fmt.Sprintf(p.T("explore.facet.capped"), facetMax))
		}),
	)
}

// shownValues keeps the first limit values in display order, plus every
// selected value beyond them, so that a selection never hides.
func shownValues(vals []explore.FacetValue, limit int) []explore.FacetValue {
	if len(vals) <= limit {
		return vals
	}
	out := make([]explore.FacetValue, 0, limit+1)
	for i, v := range vals {
		if i < limit || v.Selected {
			out = append(out, v)
		}
	}
	return out
}

// facetValue is one value: a link toggling it in st, its label and count.
func (p prefs) facetValue(fc explore.FacetCounts, v explore.FacetValue, st explore.State) app.UI {
	label := p.facetLabel(fc, v.Value)
	a := app.A().Class("facet-value").Href(viewHref(st.Toggle(fc.Key, v.Value)))
	a = a.DataSet("facet", attr(fc.Key)).DataSet("value", attr(v.Value))
	if v.Selected {
		a = a.Class("on").Aria("current", "true")
	}
	return app.Li().Body(a.Body(
		app.Span().Class("check").Aria("hidden", "true").Text(check(v.Selected)),
		app.Span().Class("label").Body(label),
		app.If(v.Selected, func() app.UI {
			return app.Span().Class("visually-hidden").Text(p.paren(p.T("explore.facet.selected")))
		}),
		app.Span().Class("n").Text(strconv.Itoa(v.Count)),
	))
}

func check(on bool) string {
	if on {
		return "✓"
	}
	return ""
}

// facetLabel shows value of facet fc: our words for an enumerated value, a
// term with its label, else the value as printed.
func (p prefs) facetLabel(fc explore.FacetCounts, value string) app.UI {
	switch {
	case fc.ValueMsg != "":
		return app.Text(p.T(fc.ValueMsg + value))
	case fc.None != "" && value == fc.None:
		return app.Text(p.T(fc.Label + ".none"))
	case vocabColumns[fc.Key]:
		return p.term(value)
	}
	return p.printed(value)
}
