package ui

import (
	"slices"
	"strconv"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// tableProps is what one sortable table shows.
type tableProps struct {
	group    string     // the group's value, "" for an ungrouped table
	caption  string     // the caption, in the interface's words
	layout   *rowLayout // the columns of the table and those shown
	sortable []string   // the keys of the columns that sort
	rows     []*explore.Row
	// first is the position of rows[0] among all the table's rows (0 when
	// the table mounts them all) and total the number of them all.
	first, total int
	st           explore.State // the view: its sort marks a header, its colours the links
	// onSort sorts by the column named in the button's data-key.
	onSort app.EventHandler
}

// sortableTable renders p.rows. A sortable column's header is a button
// that sorts by it, or flips the direction, adding a history entry; the
// header cell carries aria-sort. The table says how many rows it has in
// all (aria-rowcount, the header row included) and each row where it is,
// so that a table mounting a window of its rows reads as the whole table.
func (p prefs) sortableTable(tp tableProps) app.UI {
	l := tp.layout
	return app.Div().Class("table-wrap").Body(
		app.Table().Class("data").DataSet("group", attr(tp.group)).Aria("rowcount", attr(strconv.Itoa(tp.total+1))).Body(
			app.Caption().Text(tp.caption),
			app.THead().Body(app.Tr().Aria("rowindex", "1").Body(app.Range(l.cols).Slice(func(i int) app.UI {
				c := l.columns[l.cols[i]]
				return p.headerCell(c, slices.Contains(tp.sortable, c.Key), tp.st.AriaSort(c.Key), tp.onSort)
			}))),
			app.TBody().Body(app.Range(tp.rows).Slice(func(i int) app.UI {
				return &tableRow{Row: tp.rows[i], Layout: l, Prefs: p, Index: tp.first + i + 2}
			})),
		),
	)
}

// headerCell is one column header; sortable ones hold a button, marked
// with sort, the column's aria-sort value.
func (p prefs) headerCell(c explore.Column, sortable bool, sort string, onSort app.EventHandler) app.UI {
	th := app.Th().Scope("col").Class("col-" + c.Key)
	if !sortable {
		return th.Text(p.T(c.Label))
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
		Title(p.T("explore.sort.hint")).OnClick(onSort)
	return th.Aria("sort", attr(sort)).Body(
		button.Body(
			app.Text(p.T(c.Label)),
			app.Span().Class("arrow").Aria("hidden", "true").Text(arrow),
		),
	)
}
