package ui

import (
	"fmt"
	"net/url"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// pageRows is how many rows a table shows at first and adds per "show
// more", so that a 10,000-row table never mounts 10,000 rows.
const pageRows = 200

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
}

// explorer is embedded by the five table pages. Its state is derived in
// OnNav from the URL alone (see nav), so a reload, a copied link, Back and
// Forward all show the same view; events only ever navigate to a new URL.
type explorer struct {
	reportView
	spec    explorerSpec
	d       *derived
	table   *explore.Table
	st      explore.State
	notices []explore.Notice
	res     explore.Result

	limit     int             // rows shown; pageRows more per "show more"
	limitFor  string          // the view (st.Encode) limit belongs to
	expanded  map[string]bool // facets listing all their values
	exportErr string          // why the last export failed
}

// nav loads the report if needed and derives the whole view from the
// page's URL: parse it against the table (with a notice for each value
// dropped), apply it, and keep the result for Render. The tables come from
// the per-report cache, so this never rebuilds an index.
func (x *explorer) nav(ctx app.Context, spec explorerSpec) {
	x.spec = spec
	x.load(ctx, T(spec.title), func(ctx app.Context) {
		x.show(ctx.Page().URL().Query())
		ctx.Defer(x.syncInputs)
	})
}

// show derives the view from a URL's query values: the state with a notice
// for each value dropped, and the result to render. A new view starts
// again at pageRows rows.
func (x *explorer) show(v url.Values) {
	x.d = derive(x.rep)
	x.table = x.d.tables.For(x.spec.route)
	st, ns := x.table.Parse(v)
	x.st, x.notices = st, withoutColors(ns)
	x.res = explore.Apply(x.table, st)
	if enc := st.Encode(); enc != x.limitFor || x.limit == 0 {
		x.limit, x.limitFor = pageRows, enc
	}
	x.exportErr = ""
}

// syncInputs sets the inputs' values to the state after a navigation that
// emptied one (a chip removed q, Back went to a view without dates).
// go-app drops an empty value attribute and removes the attribute, which
// leaves what the field shows unchanged, so the field would keep the old
// text. A field with focus is left alone: the person is typing in it, and
// the state follows what they type.
func (x *explorer) syncInputs(ctx app.Context) {
	if !app.IsClient {
		return
	}
	doc := app.Window().Get("document")
	active := doc.Get("activeElement")
	for id, want := range map[string]string{"q": x.st.Q, "from": x.st.From, "to": x.st.To} {
		el := doc.Call("getElementById", id)
		if !el.Truthy() || el.Equal(active) || el.Get("value").String() == want {
			continue
		}
		el.Set("value", want)
	}
}

// withoutColors drops the notices about colors, which the shell shows on
// every route.
func withoutColors(ns []explore.Notice) []explore.Notice {
	var out []explore.Notice
	for _, n := range ns {
		if n.Param != explore.ParamColors {
			out = append(out, n)
		}
	}
	return out
}

// render composes the page: heading and count, notices, the facet panel
// beside the results (toolbar, chips, chart, tables), then extra.
func (x *explorer) render(extra ...app.UI) app.UI {
	active := string(x.spec.route)
	if s := statusView(x.rep, x.err); s != nil {
		return layout(active, s)
	}
	if x.table == nil { // the report arrived but OnNav has not run yet
		return layout(active, statusView(nil, nil))
	}
	return layout(active,
		app.H1().Text(T(x.spec.title)),
		app.P().Class("count").ID("count").Text(x.countText()),
		noticesView("notices", x.notices),
		app.Div().Class("explorer").Body(
			facetPanel(x),
			app.Div().Class("results").Body(
				app.Div().Class("toolbar").Body(
					searchBox(x),
					app.If(x.spec.dates, func() app.UI { return dateRange(x) }),
					app.Div().Class("actions").Body(&copyLink{}, exportButtons(x)),
				),
				chipsView(x),
				app.Div().Class("chart-slot").Body(tableChart(x.table, x.res, x.st)),
				x.tables(),
			),
		),
		app.Div().Class("extra").Body(extra...),
	)
}

func (x *explorer) countText() string {
	if x.st.Filtered() {
		return fmt.Sprintf(T("explore.count.some"), len(x.res.Rows), x.res.Total)
	}
	return fmt.Sprintf(T("explore.count.all"), x.res.Total)
}

// tables renders the shown rows, split into groups when the page has
// them, or says that nothing matches; then the "show more" button.
func (x *explorer) tables() app.UI {
	rows := x.res.Rows
	if len(rows) == 0 {
		return app.Div().Class("tables").Body(emptyView(x))
	}
	shown := rows[:min(len(rows), x.limit)]
	cols := x.columns()
	var parts []app.UI
	if x.spec.groupBy == "" {
		parts = append(parts, sortableTable(x, "", T(x.spec.title), shown, cols))
	} else {
		for _, g := range x.groups(shown) {
			parts = append(parts, app.Section().Class("group").ID(g.value).Body(
				sortableTable(x, g.value, T(x.spec.groupMsg+g.value), g.rows, cols),
			))
		}
	}
	if len(rows) > len(shown) {
		next := min(pageRows, len(rows)-len(shown))
		parts = append(parts, app.Button().Type("button").Class("more").ID("show-more").
			Text(fmt.Sprintf(T("explore.more"), next, len(shown), len(rows))).
			OnClick(x.onMore))
	}
	return app.Div().Class("tables").Body(parts...)
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
	add := func(v string) {
		if _, ok := at[v]; !ok {
			at[v] = len(gs)
			gs = append(gs, group{value: v})
		}
	}
	if x.st.Sort.Key != x.spec.groupBy {
		if f, ok := x.table.Facet(x.spec.groupBy); ok {
			for _, v := range f.Values {
				add(v)
			}
		}
	}
	for _, r := range rows {
		v := r.Cells[ci].Text
		add(v)
		gs[at[v]].rows = append(gs[at[v]].rows, r)
	}
	out := gs[:0]
	for _, g := range gs {
		if len(g.rows) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// emptyView says that no row matches, with a way out.
func emptyView(x *explorer) app.UI {
	return app.Div().Class("empty").Role("status").Body(
		app.P().Text(T("explore.empty")),
		app.If(x.st.Filtered(), func() app.UI {
			return app.A().Class("button").ID("empty-clear").Href(viewHref(x.st.ClearFilters())).Text(T("explore.empty.clear"))
		}),
	)
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
// button's data-key, or flip the direction when it already sorts.
func (x *explorer) onSort(ctx app.Context, e app.Event) {
	key := ctx.JSSrc().Get("dataset").Get("key").String()
	x.navigate(ctx, x.st.SortBy(key))
}

// onMore shows pageRows more rows.
func (x *explorer) onMore(ctx app.Context, e app.Event) {
	x.limit += pageRows
}

// onFacetMore lists all values of the facet named in data-key, or folds
// them again.
func (x *explorer) onFacetMore(ctx app.Context, e app.Event) {
	key := ctx.JSSrc().Get("dataset").Get("key").String()
	if x.expanded == nil {
		x.expanded = map[string]bool{}
	}
	x.expanded[key] = !x.expanded[key]
}

// replaceView shows the view at u without adding a history entry, as
// typing in the search box does. go-app's own ReplaceURL leaves OnNav
// uncalled and go-app's idea of the current page stale, so a later link
// to the old address would do nothing. Instead the entry is replaced and
// go-app is told as for Back and Forward (a popstate event): it navigates
// to the address bar without pushing history and calls OnNav, which
// derives the state from the URL as for every other navigation.
func replaceView(u string) {
	if !app.IsClient {
		return
	}
	w := app.Window()
	w.Get("history").Call("replaceState", nil, "", u)
	w.Call("dispatchEvent", w.Get("PopStateEvent").New("popstate"))
}
