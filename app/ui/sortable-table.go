package ui

import (
	"slices"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// tableProps is what one sortable table shows.
type tableProps struct {
	group    string           // the group's value, "" for an ungrouped table
	caption  string           // the caption, in the interface's words
	columns  []explore.Column // every column of the table
	cols     []int            // the indexes of the columns shown
	sortable []string         // the keys of the columns that sort
	rows     []*explore.Row
	st       explore.State // the view: its sort marks a header, its colours the links
	// onSort sorts by the column named in the button's data-key.
	onSort app.EventHandler
}

// sortableTable renders p.rows. A sortable column's header is a button
// that sorts by it, or flips the direction, adding a history entry; the
// header cell carries aria-sort.
func sortableTable(p tableProps) app.UI {
	return app.Div().Class("table-wrap").Body(
		app.Table().Class("data").DataSet("group", attr(p.group)).Body(
			app.Caption().Text(p.caption),
			app.THead().Body(app.Tr().Body(app.Range(p.cols).Slice(func(i int) app.UI {
				c := p.columns[p.cols[i]]
				return headerCell(c, slices.Contains(p.sortable, c.Key), p.st.AriaSort(c.Key), p.onSort)
			}))),
			app.TBody().Body(app.Range(p.rows).Slice(func(i int) app.UI {
				return rowView(p.rows[i], p.columns, p.cols, p.st.Colors)
			})),
		),
	)
}

// headerCell is one column header; sortable ones hold a button, marked
// with sort, the column's aria-sort value.
func headerCell(c explore.Column, sortable bool, sort string, onSort app.EventHandler) app.UI {
	th := app.Th().Scope("col").Class("col-" + c.Key)
	if !sortable {
		return th.Text(T(c.Label))
	}
	arrow := "↕"
	switch sort {
	case "ascending":
		arrow = "↑"
	case "descending":
		arrow = "↓"
	}
	// onSort reads data-key: see goapp.go on handlers.
	button := app.Button().Type("button").Class("sort").DataSet("key", attr(c.Key)).
		Title(T("explore.sort.hint")).OnClick(onSort)
	return th.Aria("sort", attr(sort)).Body(
		button.Body(
			app.Text(T(c.Label)),
			app.Span().Class("arrow").Aria("hidden", "true").Text(arrow),
		),
	)
}

// rowView is one table row, with the record's id so that a link can point
// at it (/events?company=微软#on-6).
func rowView(r *explore.Row, columns []explore.Column, cols []int, c explore.Colors) app.UI {
	cells := make([]app.UI, len(cols))
	for i, ci := range cols {
		cells[i] = cellView(columns[ci], r, ci, c)
	}
	return app.Tr().ID(r.ID).Body(cells...)
}
