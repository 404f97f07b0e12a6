package ui

import (
	"strconv"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// rowLayout is what every row of one page's tables shares: the columns and
// the indexes of those shown. The explorer keeps one per table, so rows
// compare it by pointer.
type rowLayout struct {
	columns []explore.Column
	cols    []int
	scales  []float64     // per column: what a full in-cell bar stands for (columnScales)
	route   explore.Route // the table's route, for the rows' permalinks
	pages   bool          // whether its records have pages of their own
}

// tableRow is one table row as a component, so that go-app, which compares
// a component's exported fields before rendering it again, skips every row
// whose record, position and colours did not change: a keystroke renders
// and reconciles the rows that changed, not every row. A row that now
// shows another record is updated in place, which sets only the texts
// and attributes that differ (goapp.go, 12). It carries the
// record's id, so that a link can point at it (/events?company=微软#on-6),
// and its position among the table's rows (aria-rowindex, the header row
// being 1), which screen readers need when the table mounts only a window
// of its rows.
type tableRow struct {
	app.Compo

	// Row is the record shown.
	Row *explore.Row
	// Layout is the table's columns, shared by its rows.
	Layout *rowLayout
	// Prefs are the URL's preferences, for the words and links.
	Prefs prefs
	// Index is the row's aria-rowindex.
	Index int
	// Marked is set on the row the address names (/events#ce-2).
	Marked bool
	// Status says how the last copy of the row's permalink went.
	Status string
}

func (t *tableRow) Render() app.UI {
	r, l := t.Row, t.Layout
	cells := make([]app.UI, len(l.cols), len(l.cols)+1)
	for i, ci := range l.cols {
		cells[i] = t.Prefs.cellView(l.columns[ci], r, ci, l.scales[ci])
	}
	href := t.Prefs.rowHref(l.route, l.pages, r.ID)
	if c, ok := r.Source.(report.Company); ok { // a company's page is its stock page
		href = t.Prefs.stockHref(c.Name)
	}
	cells = append(cells, t.Prefs.permalinkCell(href, t.Status))
	tr := app.Tr().ID(r.ID).Aria("rowindex", attr(strconv.Itoa(t.Index)))
	if t.Marked {
		tr = tr.Class("marked").Aria("current", "true")
	}
	return tr.Body(cells...)
}
