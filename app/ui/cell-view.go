package ui

import (
	"math"
	"strconv"
	"strings"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// cellView renders the cell of row r in column col (index ci) as the page
// shows it: company names link to their stock page in colours c, returns
// carry sign, arrow and colour, enumerated values their label, undated
// events say so, and an event's title has its body under it. Every value
// is set as text.
func (p prefs) cellView(col explore.Column, r *explore.Row, ci int, scale float64) app.UI {
	cell := r.Cells[ci]
	class := "col-" + col.Key
	switch {
	case len(cell.Refs) > 0:
		parts := make([]app.UI, 0, 2*len(cell.Refs))
		for i, ref := range cell.Refs {
			if i > 0 {
				parts = append(parts, app.Text(p.T("punct.list")))
			}
			parts = append(parts, app.A().Href(p.stockHref(ref.Name)).Body(p.printed(ref.Text)))
		}
		return app.Td().Class(class).Body(parts...)
	case col.Kind == explore.Number:
		return numberCell(col, r, cell, class, p, scale)
	case col.Kind == explore.Date:
		return app.Td().Class(class).Body(p.dateTag(cell.Date, cell.Text))
	case vocabColumns[col.Key] && cell.Text == "":
		// No empty text node: each node a row mounts is a call into
		// JavaScript, and a keystroke can mount a screenful of rows.
		return app.Td().Class(class)
	case vocabColumns[col.Key]:
		return app.Td().Class(class).Body(p.term(cell.Text))
	case col.ValueMsg != "":
		return app.Td().Class(class).Text(p.T(col.ValueMsg + cell.Text))
	case col.Key == explore.ColTitle:
		if body, ok := p.eventBodyView(r.Source); ok {
			return app.Td().Class(class).Body(app.Strong().Class("title").Body(p.printed(cell.Text)), body)
		}
	}
	return app.Td().Class(class).Body(p.printed(orDash(cell.Text)))
}

// numberCell is a figure: a dash when missing, a signed return, an amount
// with its currency and, as its title, the amount as printed.
func numberCell(col explore.Column, r *explore.Row, cell explore.Cell, class string, p prefs, scale float64) app.UI {
	switch {
	case cell.Missing:
		return app.Td().Class(class + " num missing").Text("—")
	case col.Key == explore.ColReturn || col.Key == explore.ColPeriod || col.Key == explore.ColYTD:
		return app.Td().Class(class+" "+trend(cell.Num)).Body(cellBar(cell.Num, scale), app.Span().Class("v").Text(pct(cell.Num)))
	case col.Key == explore.ColAmount:
		text := money(cell.Num)
		if cur := r.Facets[explore.FacetCurrency]; len(cur) > 0 {
			text += " " + cur[0]
		}
		return app.Td().Class(class + " num").Title(attr(cell.Text)).Text(text)
	}
	if cell.Link != "" {
		return app.Td().Class(class + " num").Body(app.A().Href(p.cellHref(cell.Link)).Text(cell.Text))
	}
	return app.Td().Class(class + " num").Text(cell.Text)
}

// cellHref resolves a cell's link, which may end in a fragment
// (/stocks/寒武纪-U#movers), keeping the preferences in its query.
func (p prefs) cellHref(link string) string {
	path, frag, ok := strings.Cut(link, "#")
	if !ok {
		return p.link(link)
	}
	return p.link(path) + "#" + frag
}

// dateTag shows an ISO date, or says the report gives none (with the date
// as printed, 近期, as its title).
func (p prefs) dateTag(iso, printed string) app.UI {
	if iso == "" {
		return app.Span().Class("nodate").Title(attr(printed)).Text(p.T("events.nodate"))
	}
	return app.Time().DateTime(iso).Text(iso)
}

// cellBarSteps is how many widths an in-cell bar takes: the page's
// Content-Security-Policy allows no style attribute, so each width is a
// class of the stylesheet (w0 … w20, in steps of 5%).
const cellBarSteps = 20

// cellBar is a return's bar inside its cell, as long against the cell as
// the return is against the largest of its column (scale), in the colour
// of its sign; the number beside it says the same, so it is hidden from
// assistive technology.
func cellBar(v, scale float64) app.UI {
	if scale <= 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	n := int(math.Round(math.Min(math.Abs(v)/scale, 1) * cellBarSteps))
	if v != 0 && n == 0 {
		n = 1 // a visible sliver for a figure too small to draw
	}
	return app.Span().Class("cellbar w"+strconv.Itoa(n)).Aria("hidden", "true")
}

// columnScales is, per column of columns, the largest absolute figure of
// the column's rows for the return columns, which carry in-cell bars, and
// 0 for the others.
func columnScales(columns []explore.Column, rows []explore.Row) []float64 {
	out := make([]float64, len(columns))
	for ci, c := range columns {
		if c.Kind != explore.Number || (c.Key != explore.ColReturn && c.Key != explore.ColPeriod && c.Key != explore.ColYTD) {
			continue
		}
		for _, r := range rows {
			if cell := r.Cells[ci]; !cell.Missing && !math.IsNaN(cell.Num) && !math.IsInf(cell.Num, 0) {
				out[ci] = math.Max(out[ci], math.Abs(cell.Num))
			}
		}
	}
	return out
}
