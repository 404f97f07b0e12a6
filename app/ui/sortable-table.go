package ui

import (
	"slices"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// sortableTable renders rows of x's table, columns cols (indexes into the
// table's columns). A sortable column's header is a button that sorts by
// it, or flips the direction, adding a history entry; the header cell
// carries aria-sort.
func sortableTable(x *explorer, group, caption string, rows []*explore.Row, cols []int) app.UI {
	sortable := explore.SortKeys(x.spec.route)
	return app.Div().Class("table-wrap").Body(
		app.Table().Class("data").DataSet("group", group).Body(
			app.Caption().Text(caption),
			app.THead().Body(app.Tr().Body(app.Range(cols).Slice(func(i int) app.UI {
				c := x.table.Columns[cols[i]]
				return headerCell(x, c, slices.Contains(sortable, c.Key))
			}))),
			app.TBody().Body(app.Range(rows).Slice(func(i int) app.UI {
				return rowView(x, rows[i], cols)
			})),
		),
	)
}

// headerCell is one column header; sortable ones hold a button.
func headerCell(x *explorer, c explore.Column, sortable bool) app.UI {
	th := app.Th().Scope("col").Class("col-" + c.Key)
	if !sortable {
		return th.Text(T(c.Label))
	}
	sort := x.st.AriaSort(c.Key)
	arrow := "↕"
	switch sort {
	case "ascending":
		arrow = "↑"
	case "descending":
		arrow = "↓"
	}
	return th.Aria("sort", sort).Body(
		app.Button().Type("button").Class("sort").DataSet("key", c.Key).
			Title(T("explore.sort.hint")).OnClick(x.onSort).Body(
			app.Text(T(c.Label)),
			app.Span().Class("arrow").Aria("hidden", "true").Text(arrow),
		),
	)
}

// rowView is one table row, with the record's id so that a link can point
// at it (/events?company=微软#on-6).
func rowView(x *explorer, r *explore.Row, cols []int) app.UI {
	cells := make([]app.UI, len(cols))
	for i, ci := range cols {
		cells[i] = cellView(x, r, ci)
	}
	return app.Tr().ID(r.ID).Body(cells...)
}

// cellView renders one cell as the page shows it: company names link to
// their stock page, returns carry sign, arrow and colour, enumerated values
// their label, undated events say so. Every value is set as text.
func cellView(x *explorer, r *explore.Row, ci int) app.UI {
	col, cell, c := x.table.Columns[ci], r.Cells[ci], x.st.Colors
	class := "col-" + col.Key
	switch {
	case len(cell.Refs) > 0:
		parts := make([]app.UI, 0, 2*len(cell.Refs))
		for i, ref := range cell.Refs {
			if i > 0 {
				parts = append(parts, app.Text("、"))
			}
			parts = append(parts, app.A().Href(stockHref(ref.Name, c)).Text(ref.Text))
		}
		return app.Td().Class(class).Body(parts...)
	case col.Kind == explore.Number && cell.Missing:
		return app.Td().Class(class + " num missing").Text("—")
	case col.Kind == explore.Number:
		switch col.Key {
		case explore.ColReturn, explore.ColPeriod, explore.ColYTD:
			return app.Td().Class(class + " " + trend(cell.Num)).Text(pct(cell.Num))
		case explore.ColAmount:
			text := money(cell.Num)
			if cur := r.Facets[explore.FacetCurrency]; len(cur) > 0 {
				text += " " + cur[0]
			}
			return app.Td().Class(class + " num").Title(attr(cell.Text)).Text(text)
		}
		return app.Td().Class(class + " num").Text(cell.Text)
	case col.Kind == explore.Date:
		return app.Td().Class(class).Body(dateTag(cell.Date, cell.Text))
	case col.ValueMsg != "":
		return app.Td().Class(class).Text(T(col.ValueMsg + cell.Text))
	case col.Key == explore.ColTitle && x.spec.route == explore.RouteEvents:
		return app.Td().Class(class).Body(
			app.Strong().Class("title").Text(cell.Text),
			eventBodyView(x.d.bodies[r.ID]),
		)
	}
	return app.Td().Class(class).Text(orDash(cell.Text))
}

// eventBodyView is what the report says under an event's title: a company
// event's details and the analysts' view, or a news item's text.
func eventBodyView(b eventBody) app.UI {
	return app.Div().Class("event-body").Body(
		app.If(b.text != "", func() app.UI { return app.P().Text(b.text) }),
		app.If(len(b.details) > 0, func() app.UI {
			return app.Ol().Class("details").Body(app.Range(b.details).Slice(func(i int) app.UI {
				return app.Li().Text(b.details[i])
			}))
		}),
		app.If(len(b.views) > 0, func() app.UI {
			return app.Div().Class("views").Body(
				app.P().Class("view-label").Body(app.Strong().Text(T("events.view"))),
				app.Ol().Body(app.Range(b.views).Slice(func(i int) app.UI {
					return app.Li().Text(b.views[i])
				})),
			)
		}),
	)
}

// dateTag shows an ISO date, or says the report gives none (with the date
// as printed, 近期, as its title).
func dateTag(iso, printed string) app.UI {
	if iso == "" {
		return app.Span().Class("nodate").Title(attr(printed)).Text(T("events.nodate"))
	}
	return app.Time().DateTime(iso).Text(iso)
}
