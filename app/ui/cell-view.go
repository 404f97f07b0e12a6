package ui

import (
	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// cellView renders the cell of row r in column col (index ci) as the page
// shows it: company names link to their stock page in colours c, returns
// carry sign, arrow and colour, enumerated values their label, undated
// events say so, and an event's title has its body under it. Every value
// is set as text.
func (p prefs) cellView(col explore.Column, r *explore.Row, ci int) app.UI {
	cell := r.Cells[ci]
	class := "col-" + col.Key
	switch {
	case len(cell.Refs) > 0:
		parts := make([]app.UI, 0, 2*len(cell.Refs))
		for i, ref := range cell.Refs {
			if i > 0 {
				parts = append(parts, app.Text("、"))
			}
			parts = append(parts, app.A().Href(p.stockHref(ref.Name)).Text(ref.Text))
		}
		return app.Td().Class(class).Body(parts...)
	case col.Kind == explore.Number:
		return numberCell(col, r, cell, class)
	case col.Kind == explore.Date:
		return app.Td().Class(class).Body(p.dateTag(cell.Date, cell.Text))
	case col.ValueMsg != "":
		return app.Td().Class(class).Text(p.T(col.ValueMsg + cell.Text))
	case col.Key == explore.ColTitle:
		if body, ok := p.eventBodyView(r.Source); ok {
			return app.Td().Class(class).Body(app.Strong().Class("title").Text(cell.Text), body)
		}
	}
	return app.Td().Class(class).Text(orDash(cell.Text))
}

// numberCell is a figure: a dash when missing, a signed return, an amount
// with its currency and, as its title, the amount as printed.
func numberCell(col explore.Column, r *explore.Row, cell explore.Cell, class string) app.UI {
	switch {
	case cell.Missing:
		return app.Td().Class(class + " num missing").Text("—")
	case col.Key == explore.ColReturn || col.Key == explore.ColPeriod || col.Key == explore.ColYTD:
		return app.Td().Class(class + " " + trend(cell.Num)).Text(pct(cell.Num))
	case col.Key == explore.ColAmount:
		text := money(cell.Num)
		if cur := r.Facets[explore.FacetCurrency]; len(cur) > 0 {
			text += " " + cur[0]
		}
		return app.Td().Class(class + " num").Title(attr(cell.Text)).Text(text)
	}
	return app.Td().Class(class + " num").Text(cell.Text)
}

// dateTag shows an ISO date, or says the report gives none (with the date
// as printed, 近期, as its title).
func (p prefs) dateTag(iso, printed string) app.UI {
	if iso == "" {
		return app.Span().Class("nodate").Title(attr(printed)).Text(p.T("events.nodate"))
	}
	return app.Time().DateTime(iso).Text(iso)
}
