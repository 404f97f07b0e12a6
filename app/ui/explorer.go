package ui

import (
	"fmt"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// facetRows is how many values a facet lists before "show all", and
// facetMax how many it lists at most even then.
const (
	facetRows = 12
	facetMax  = 300
)

// explorerSpec is what differs between the five table pages.
type explorerSpec struct {
	route explore.Route
	title string // message id of the heading
	// groupBy, when set, is an enumerated column whose values split the
	// rows into one table each (the three mover lists, the three kinds of
	// events), captioned with message groupMsg+value and with the section
	// id value; the column itself is then not repeated in the tables.
	groupBy  string
	groupMsg string
	dates    bool // from/to inputs (events)
	// rowPages gives each record a page of its own below the route
	// (/events/ce-1): rowPage shows it, and the table's rows link to it.
	rowPages bool
	cards    bool // rows as stacked cards on narrow screens (events)
}

// explorer is embedded by the five table pages; it keeps the view's state
// and the handlers, and hands its children what they show. Its state is
// derived from the URL alone (see nav and show), so a reload, a copied
// link, Back and Forward all show the same view; events only ever navigate
// to a new URL.
type explorer struct {
	reportView
	spec    explorerSpec
	table   *explore.Table
	st      explore.State
	notices []explore.Notice
	res     explore.Result

	expanded  map[string]bool // facets listing all their values
	exportErr string          // why the last export failed
	// typed are the queries the search box has sent and OnNav not yet
	// shown (search-box.go).
	typed typedQueries
	// datesTyped is set once a date applied while its input has the
	// focus: later changes replace that history entry (date-range.go).
	datesTyped bool
	said       string    // the count the live region says (focus.go)
	focusWas   focusSpot // what had focus when the navigation began

	// The window of rows the tables mount (table-window.go).
	winStart   int           // the display position of its first row
	winFor     string        // the view (st.Encode) winStart belongs to
	printAll   bool          // every row, while the page prints
	win        *windowShared // what the scroll listener reads
	rowsLayout *rowLayout
	rowsFor    *explore.Table // the table rowsLayout is of
	onScroll   app.Func
	onPrintKey app.Func
	onPrint    app.Func
	onRowCopy  app.Func           // the rows' copy buttons (row-link.go)
	copies     map[string]rowCopy // how each row's last copy went

	marked string // the record id the address's fragment names (/events#ce-2)
	// The groups of the rows groupedOf, as groupsOf last split them.
	grouped   []group
	groupedOf []*explore.Row

	// The view the chart shows, which follows the table's in a later task.
	chartRes explore.Result
	chartSt  explore.State
	// The chart's props as last made, never mounted, and what they were
	// made of (chart in table-window.go).
	chartProps *chartView
	chartFor   string

	stage partsStage // what the first page holds back while it mounts (staged.go)
}

// OnNav shows the view of the page's URL (see nav).
func (x *explorer) OnNav(ctx app.Context) { x.nav(ctx) }

// OnInit derives the view for the first render when the report is there.
func (x *explorer) OnInit() {
	if x.init() {
		u := app.Window().URL()
		x.marked = u.Fragment
		x.show(u.RawQuery)
		x.firstParts()
	}
}

// Render shows the view; a page with more to show calls render itself.
func (x *explorer) Render() app.UI { return x.render() }

// nav loads the report if needed and derives the whole view from the
// page's URL: parse it against the table (with a notice for each value
// dropped), apply it, and keep the result for Render. The tables come from
// the site's content, built once per report, so this never rebuilds an
// index.
func (x *explorer) nav(ctx app.Context) {
	x.focusWas = focusNow()
	x.load(ctx, x.T(x.title), func(ctx app.Context) {
		u := ctx.Page().URL()
		x.marked = u.Fragment
		x.show(u.RawQuery)
		ctx.Page().SetTitle(headText(x.filtersTitle(x.T(x.title), x.res.Chips, x.table) + " · " + x.T("app.name")))
		x.announce(ctx)
		x.revealMarked(ctx)
		x.followChart(ctx)
		x.deferSpacers(ctx)
		ctx.Defer(func(app.Context) {
			syncInputs(map[string]string{"q": x.st.Q, "from": x.st.From, "to": x.st.To})
			if !x.typed.arrived(x.st.Q) {
				setInput("q", x.st.Q) // Back or Forward: even while focused
			}
		})
		// After syncInputs, which leaves the focused field alone.
		x.keepFocus(ctx)
	})
}

// show derives the view from a URL's query values: the state with a notice
// for each value dropped, and the result to render. A new view keeps the
// window where the page is scrolled to.
func (x *explorer) show(rawQuery string) {
	x.table = x.content.table(x.spec.route)
	x.st, x.notices = viewOf(x.table, rawQuery)
	if ns := x.site.weekNotices(rawQuery); ns != nil {
		x.notices = append(ns, x.notices...)
	}
	x.st.Week = x.site.linkWeek(x.st.Week)
	x.res = explore.Apply(x.table, x.st)
	if x.win == nil {
		x.win = &windowShared{}
	}
	x.win.nRows.Store(int64(len(x.res.Rows)))
	enc := x.st.Encode()
	if x.stage.view != enc {
		x.stage = partsStage{} // another view than the first page's: all of it at once
	}
	if enc != x.winFor {
		x.winFor = enc
		if app.IsClient {
			x.winStart = x.windowAt(len(x.res.Rows))
		}
		x.win.shownStart.Store(int64(x.winStart))
	}
	x.exportErr = ""
	if x.said == "" {
		x.said = x.countText()
	}
}

// viewOf parses a link's raw query against table: the state it asks for,
// and a notice for each part of it that did not apply (a malformed escape,
// parameters past explore.MaxParams, a value the table does not know, a
// bad colour convention or language: the shell leaves those to a table
// page, so that the page shows one box).
func viewOf(table *explore.Table, rawQuery string) (explore.State, []explore.Notice) {
	v, ns := explore.ParseRawQuery(rawQuery)
	st, more := table.Parse(v)
	return st, append(ns, more...)
}

// render composes the page: heading and count, notices, the facet panel
// beside the results (toolbar, chips, chart, tables), then extra.
func (x *explorer) render(extra ...app.UI) app.UI {
	if s := x.status(); s != nil {
		return x.layout(s)
	}
	if x.table == nil { // the report arrived but OnNav has not run yet
		return x.layout(x.statusView(nil, nil))
	}
	return x.layoutStaging(x.stage.active(),
		app.H1().Text(x.T(x.spec.title)),
		app.P().Class("count").ID("count").Text(x.countText()),
		app.P().Class("visually-hidden").ID("count-live").Role("status").Text(x.said),
		x.noticesView("notices", x.notices),
		app.A().Class("skip").Href("#results").Text(x.T("explore.skip")).OnClick(focusTarget),
		app.Div().Class("explorer").Body(
			x.facetsFold(),
			app.Div().Class("results").ID("results").TabIndex(-1).Body(
				x.toolbar(),
				x.chipsView(x.res.Chips, x.table, x.st),
				// data-chart says whether the chart shows the table's view yet
				// or still the one before (it follows in a later task,
				// followChart): the browser tests act on a page once it is
				// "current", so that a click is not aimed at a header the
				// chart's new height is about to move.
				app.Div().Class("chart-slot").DataSet("chart", attr(x.chartState())).Body(x.chartOrHeld()),
				x.tables(),
			),
		),
		app.Div().Class("extra").Body(extra...),
	)
}

// facetsFold is the facet panel inside a disclosure whose summary,
// "筛选 (n)" with n the active filters, only narrow screens show (app.css):
// there the data comes first and the facets open on demand, with or
// without the wasm. The open state is the browser's: go-app never sets
// it, so it survives the re-render of a navigation.
func (x *explorer) facetsFold() app.UI {
	return app.Details().Class("facets-fold").Body(
		app.Summary().Class("facets-toggle").Text(fmt.Sprintf(x.T("explore.filters"), len(x.res.Chips))),
		app.If(!x.stage.facets, func() app.UI {
			return x.facetPanel(x.res.Facets, x.st, x.expanded, x.onFacetMore)
		}),
	)
}

// toolbar is the search box, the date range where the view has one, the
// copy link and the export buttons.
func (x *explorer) toolbar() app.UI {
	return app.Div().Class("toolbar").Body(
		x.searchBox(x.st.Q, x.onSearch),
		app.If(x.spec.dates, func() app.UI {
			c := x.content.derived()
			return x.dateRange(x.st.From, x.st.To, c.first, c.last, x.onDates, x.onDatesBlur)
		}),
		app.Div().Class("actions").Body(&copyLink{Prefs: x.prefs, Week: x.rep.Meta.ReportDate}, x.exportButtons(x.exportErr, x.onExportCSV, x.onExportJSON)),
	)
}

func (x *explorer) countText() string {
	if x.st.Filtered() {
		return fmt.Sprintf(x.T("explore.count.some"), len(x.res.Rows), x.res.Total)
	}
	return fmt.Sprintf(x.T("explore.count.all"), x.res.Total)
}

// tables renders the rows in the window, split into groups when the page
// has them, between the spacers that stand for the rows left out; or says
// that nothing matches.
func (x *explorer) tables() app.UI {
	rows := x.res.Rows
	if len(rows) == 0 {
		return app.Div().Class("tables").ID("rows").Body(x.emptyView(x.st))
	}
	start, end := x.window(len(rows))
	props := tableProps{
		layout:   x.rowsLayoutOf(),
		sortable: explore.SortKeys(x.spec.route),
		st:       x.st,
		onSort:   x.onSort,
		marked:   x.marked,
		copies:   x.copies,
		cards:    x.spec.cards,
	}
	parts := []app.UI{app.Div().Class("rows-spacer").ID("rows-before")}
	if x.spec.groupBy == "" {
		props.caption, props.rows, props.first, props.total = x.T(x.spec.title), rows[start:end], start, len(rows)
		parts = append(parts, x.sortableTable(props))
	} else {
		for _, g := range windowGroups(x.groupsOf(rows), start, end) {
			props.group, props.caption, props.rows = g.value, x.T(x.spec.groupMsg+g.value), g.rows
			props.first, props.total = g.first, g.total
			parts = append(parts, app.Section().Class("group").ID(g.value).Body(
				x.groupExportButtons(g.value, props.caption, x.onExportGroupCSV, x.onExportGroupJSON),
				x.sortableTable(props),
			))
		}
	}
	parts = append(parts, app.Div().Class("rows-spacer").ID("rows-after"))
	return app.Div().Class("tables").ID("rows").Body(parts...)
}

// columns lists the indexes of the columns the tables show: all but the
// grouping column, which the captions already name.
func (x *explorer) columns() []int {
	out := make([]int, 0, len(x.table.Columns))
	for i, c := range x.table.Columns {
		if c.Key != x.spec.groupBy {
			out = append(out, i)
		}
	}
	return out
}

// group is the rows of one value of the grouping column.
type group struct {
	value string
	rows  []*explore.Row
}

// groupsOf is x.groups(rows), kept while the view's rows are the same
// slice: the page renders again without a new view (a scroll moving the
// window, the chart following), and at 10,000 rows each split is 20,000
// map lookups.
func (x *explorer) groupsOf(rows []*explore.Row) []group {
	if len(rows) != len(x.groupedOf) || len(rows) > 0 && &rows[0] != &x.groupedOf[0] {
		x.grouped, x.groupedOf = x.groups(rows), rows
	}
	return x.grouped
}

// groups splits rows by the grouping column, keeping their order inside
// each group. Groups follow the facet's (the report's) order, or the order
// the rows come in when the view sorts by the grouping column itself.
func (x *explorer) groups(rows []*explore.Row) []group {
	if len(rows) == 0 {
		return nil
	}
	_, ci, ok := x.table.Column(x.spec.groupBy)
	if !ok {
		return []group{{rows: rows}}
	}
	at := map[string]int{}
	var gs []group
	add := func(v string) int {
		i, ok := at[v]
		if !ok {
			i = len(gs)
			at[v] = i
			gs = append(gs, group{value: v})
		}
		return i
	}
	if x.st.Sort.Key != x.spec.groupBy {
		if f, ok := x.table.Facet(x.spec.groupBy); ok {
			for _, v := range f.Values {
				add(v)
			}
		}
	}
	// Rows of one group mostly come together: a lookup only when the
	// value changes, as at 10,000 rows the lookups were most of a split.
	last, li := "", -1
	for _, r := range rows {
		if v := r.Cells[ci].Text; li < 0 || v != last {
			last, li = v, add(v)
		}
		gs[li].rows = append(gs[li].rows, r)
	}
	out := gs[:0]
	for _, g := range gs {
		if len(g.rows) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// navigate goes to the view s, adding a history entry; go-app then calls
// OnNav, which derives the state from the new URL.
func (x *explorer) navigate(ctx app.Context, s explore.State) {
	// The handler that called this changed no state: OnNav renders the new
	// view, so the handler's own update would only redraw the old one.
	ctx.PreventUpdate()
	ctx.Navigate(viewHref(s))
}

// onSort is a sortable header's click: sort by the column named in the
// button's data-key (State.SortBy), or with Shift held add it as another
// key (State.ThenBy).
func (x *explorer) onSort(ctx app.Context, e app.Event) {
	// One handler for every header: go-app keeps the first listener of a
	// button whose handler has the same code, so a closure over the
	// column would sort by the column of its first render (goapp.go).
	key := dataKey(ctx)
	if e.Get("shiftKey").Truthy() {
		x.navigate(ctx, x.st.ThenBy(key))
		return
	}
	x.navigate(ctx, x.st.SortBy(key))
}

// onFacetMore lists all values of the facet named in data-key, or folds
// them again.
func (x *explorer) onFacetMore(ctx app.Context, e app.Event) {
	// One handler for every facet, reading data-key: a closure over the
	// facet would keep the captures of its first render (goapp.go).
	key := dataKey(ctx)
	if x.expanded == nil {
		x.expanded = map[string]bool{}
	}
	x.expanded[key] = !x.expanded[key]
}
