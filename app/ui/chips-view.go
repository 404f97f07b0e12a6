package ui

import (
	"fmt"
	"strings"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// chipsView shows each active filter of the view st as a chip whose × link
// removes it, and one link that clears them all; t names the facets. The
// container stays in place when empty, so that the elements after it keep
// their identity (and focus).
func (p prefs) chipsView(chips []explore.Chip, t *explore.Table, st explore.State) app.UI {
	return app.Div().Class("chips").Role("group").Aria("label", p.T("explore.chips")).Body(
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

// filtersTitle is a view's title for the browser tab: the page's title
// with its active filters, "涨跌幅榜（榜单：今年以来涨幅前十；搜索：科技）",
// so that tabs and history entries of two views differ. The caller passes
// it through headText. A value from the link (q) may hold markup: the
// page the server prerenders writes the title into an attribute too, so
// there its < and > become ＜ and ＞ (in the browser go-app sets the title
// through the DOM).
func (p prefs) filtersTitle(title string, chips []explore.Chip, t *explore.Table) string {
	if len(chips) == 0 {
		return title
	}
	parts := make([]string, len(chips))
	for i, c := range chips {
		name, value := p.chipLabel(t, c)
		if !app.IsClient {
			value = strings.ReplaceAll(strings.ReplaceAll(value, "<", "＜"), ">", "＞")
		}
		parts[i] = name + p.T("title.sep.value") + value
	}
	return title + fmt.Sprintf(p.T("title.filters"), strings.Join(parts, p.T("title.sep.filters")))
}

// chipView is one active filter: "产业链环节：AI应用 ×".
func (p prefs) chipView(c explore.Chip, t *explore.Table, st explore.State) app.UI {
	name, value := p.chipLabel(t, c)
	remove := fmt.Sprintf(p.T("explore.chip.remove"), name+" "+value)
	li := app.Li().Class("chip").DataSet("param", attr(c.Param)).DataSet("value", attr(c.Value))
	return li.Body(
		app.Span().Class("chip-name").Text(name+p.colon()),
		app.Span().Class("chip-value").Body(p.chipValue(c, value)),
		app.A().Class("chip-remove").Href(viewHref(st.Remove(c))).Aria("label", attr(remove)).Title(attr(remove)).
			Text("×"),
	)
}

// chipLabel returns the words a chip shows for its parameter and value.
func (p prefs) chipLabel(t *explore.Table, c explore.Chip) (name, value string) {
	value = c.Value
	switch {
	case c.ValueMsg != "":
		value = p.T(c.ValueMsg + c.Value)
	case vocabColumns[c.Param]:
		value = p.termLabel(c.Value)
	}
	switch c.Param {
	case explore.ParamQ, explore.ParamFrom, explore.ParamTo:
		return p.T("chip." + c.Param), value
	}
	if f, ok := t.Facet(c.Param); ok {
		if f.None != "" && c.Value == f.None {
			value = p.T(f.Label + ".none")
		}
		return p.T(f.Label), value
	}
	return c.Param, value
}

// chipValue shows the value of chip c, whose label is value: our words for
// an enumerated value, a term with its label, else the value as printed.
func (p prefs) chipValue(c explore.Chip, value string) app.UI {
	switch {
	case c.ValueMsg != "":
		return app.Text(value)
	case vocabColumns[c.Param]:
		return p.term(c.Value)
	}
	return p.printed(value)
}
