package ui

import (
	"fmt"
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
	marked   string // the id of the row the address names, "" for none
	// first is the position of rows[0] among all the table's rows (0 when
	// the table mounts them all) and total the number of them all.
	first, total int
	st           explore.State // the view: its sort marks a header, its colours the links
	// onSort sorts by the column named in the button's data-key.
	onSort app.EventHandler
	// copies says how the last copy of each row's permalink went, by id.
	copies map[string]rowCopy
	// cards lays the rows out as stacked cards on narrow screens (app.css):
	// for rows whose text is long, as the events'.
	cards bool
}

// sortableTable renders p.rows. A sortable column's header is a button
// that sorts by it, or flips the direction, adding a history entry; the
// header cell carries aria-sort. The table says how many rows it has in
// all (aria-rowcount, the header row included) and each row where it is,
// so that a table mounting a window of its rows reads as the whole table.
func (p prefs) sortableTable(tp tableProps) app.UI {
	l := tp.layout
	class := "data"
	if tp.cards {
		class += " cards"
	}
	return app.Div().Class("table-wrap").Body(
		app.Table().Class(class).DataSet("group", attr(tp.group)).Aria("rowcount", attr(strconv.Itoa(tp.total+1))).Body(
			// A caption takes focus when what the reader acted on is gone
			// (focus.go).
			app.Caption().TabIndex(-1).Text(tp.caption),
			app.THead().Body(app.Tr().Aria("rowindex", "1").Body(
				app.Range(l.cols).Slice(func(i int) app.UI {
					c := l.columns[l.cols[i]]
					return p.headerCell(c, slices.Contains(tp.sortable, c.Key), tp.st, tp.onSort)
				}),
				app.Th().Scope("col").Class("col-permalink").Text(p.T("col.permalink")),
			)),
			app.TBody().Body(app.Range(tp.rows).Slice(func(i int) app.UI {
				r := tp.rows[i]
				return &tableRow{Row: r, Layout: l, Prefs: p, Index: tp.first + i + 2, Marked: r.ID == tp.marked,
					Status: p.rowCopyStatus(tp.copies[r.ID])}
			})),
		),
	)
}

// headerCell is one column header; sortable ones hold a button. The
// primary sort key's header carries aria-sort; when the view sorts by
// several keys, each sorting header also shows its place among them (1,
// 2, …) with its direction, and says so to screen readers.
func (p prefs) headerCell(c explore.Column, sortable bool, st explore.State, onSort app.EventHandler) app.UI {
	th := app.Th().Scope("col").Class("col-" + c.Key)
	if !sortable {
		return th.Text(p.T(c.Label))
	}
	rank, desc := st.SortRank(c.Key)
	arrow := "↕"
	switch {
	case rank > 0 && desc:
		arrow = "↓"
	case rank > 0:
		arrow = "↑"
	}
	// onSort reads data-key: see goapp.go on handlers.
	button := app.Button().Type("button").Class("sort").DataSet("key", attr(c.Key)).
		Title(p.T("explore.sort.hint")).OnClick(onSort)
	multi := rank > 0 && len(st.Then) > 0
	if rank > 0 {
		th = th.Class("sorted")
	}
	return th.Aria("sort", attr(st.AriaSort(c.Key))).Body(
		button.Body(
			app.Text(p.T(c.Label)),
			app.Span().Class("arrow").Aria("hidden", "true").Text(arrow),
			app.If(multi, func() app.UI {
				return app.Span().Class("sort-rank").Aria("hidden", "true").Text(strconv.Itoa(rank))
			}),
			app.If(multi, func() app.UI {
				return app.Span().Class("visually-hidden").Text(fmt.Sprintf(p.T(sortRankMsg(desc)), rank))
			}),
		),
	)
}

// sortRankMsg is the message that tells a sort key's place and direction.
func sortRankMsg(desc bool) string {
	if desc {
		return "explore.sort.rank.desc"
	}
	return "explore.sort.rank.asc"
}
