package ui

import (
	"fmt"
	"strings"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// searchShown is how many results a group lists before linking to all of
// them in its table.
const searchShown = 10

// searchPage is "/search?q=…": the search across the whole report, as the
// top bar's box asks for it. Results are grouped by table (companies by
// any of their names, events and news, financings, picks, movers,
// constituents), each linking to its record's page or to its row in the
// table filtered by the same words, and each group to that whole view.
type searchPage struct {
	reportView
	q      string
	groups []explore.SearchGroup
}

// OnInit searches for the first render when the report is there.
func (p *searchPage) OnInit() {
	if p.init() {
		p.find(app.Window().URL().RawQuery)
	}
}

func (p *searchPage) OnNav(ctx app.Context) {
	// The title never repeats q: it comes from the link (see attr).
	p.load(ctx, p.T(p.title), func(ctx app.Context) {
		p.find(ctx.Page().URL().RawQuery)
		q := p.q
		ctx.Defer(func(app.Context) { syncInputs(map[string]string{siteSearchID: q}) })
	})
}

// find reads q from a raw query, as every table reads it, and runs it.
func (p *searchPage) find(rawQuery string) {
	v, _ := explore.ParseRawQuery(rawQuery)
	st, _ := explore.ParseQuery(explore.RouteSearch, v)
	p.q, p.groups = st.Q, explore.Search(p.content.derived().tables, st.Q)
}

func (p *searchPage) Render() app.UI {
	return p.frame(func() []app.UI {
		// data-q says which search the page shows, for tests and styles.
		out := []app.UI{app.H1().DataSet("q", attr(p.q)).ID("search-title").Text(p.T("search.title"))}
		switch {
		case strings.TrimSpace(p.q) == "":
			return append(out, app.P().Class("note").ID("search-count").Text(p.T("search.hint")))
		case len(p.groups) == 0:
			return append(out, app.P().Class("empty").ID("search-count").Text(fmt.Sprintf(p.T("search.none"), p.q)))
		}
		n := 0
		for _, g := range p.groups {
			n += len(g.Rows)
		}
		out = append(out, app.P().Class("count").ID("search-count").Text(fmt.Sprintf(p.T("search.count"), p.q, n)))
		for _, g := range p.groups {
			out = append(out, p.group(g))
		}
		return out
	})
}

// search is the view of route filtered by the page's words.
func (p *searchPage) search(route explore.Route) explore.State {
	st := p.view(route)
	st.Q = p.q
	return st
}

// group is one table's results: a heading, the first searchShown rows and
// a link to the table filtered by q.
func (p *searchPage) group(g explore.SearchGroup) app.UI {
	name := strings.TrimPrefix(string(g.Route), "/")
	section := p.T("nav." + name)
	view := viewHref(p.search(g.Route))
	t := p.content.table(g.Route)
	rows := g.Rows[:min(len(g.Rows), searchShown)]
	more := fmt.Sprintf(p.T("search.filter"), section)
	if len(g.Rows) > len(rows) {
		more = fmt.Sprintf(p.T("search.all"), section, len(g.Rows))
	}
	return app.Section().Class("search-group").ID("results-"+name).Body(
		app.H2().Body(app.Text(section+" "), app.Span().Class("n").Text(fmt.Sprintf("(%d)", len(g.Rows)))),
		app.Ul().Class("search-results").Body(app.Range(rows).Slice(func(i int) app.UI {
			title, detail := p.resultText(t, rows[i])
			return app.Li().Body(
				app.A().Class("result").Href(p.resultHref(g.Route, rows[i], view)).Text(title),
				app.If(detail != "", func() app.UI { return app.Span().Class("detail").Text(detail) }),
			)
		})),
		app.P().Class("more").Body(app.A().Class("search-view").Href(view).Text(more)),
	)
}

// resultHref is where a result leads: a company's stock page, a record's
// own page, or else its row in the table filtered by q (view).
func (p *searchPage) resultHref(route explore.Route, r *explore.Row, view string) string {
	for _, rt := range routeTable {
		if rt.explorer != nil && rt.explorer.route == route && rt.explorer.rowPages {
			return p.rowHref(route, true, r.ID)
		}
	}
	if route == explore.RouteStocks && len(r.Cells) > 0 && len(r.Cells[0].Refs) > 0 {
		return p.stockHref(r.Cells[0].Refs[0].Name)
	}
	return view + "#" + r.ID
}

// resultText is a row as one result: its title (or name) and the other
// texts it shows, enumerated values in the interface's words and returns
// signed.
func (p prefs) resultText(t *explore.Table, r *explore.Row) (title, detail string) {
	titleCol := explore.ColName
	if _, _, ok := t.Column(explore.ColTitle); ok {
		titleCol = explore.ColTitle
	}
	var parts []string
	for i, c := range t.Columns {
		cell := r.Cells[i]
		switch {
		case c.Key == titleCol:
			title = cell.Text
		case c.ValueMsg != "" && cell.Text != "":
			parts = append(parts, p.T(c.ValueMsg+cell.Text))
		case c.Kind == explore.Number && (c.Key == explore.ColReturn || c.Key == explore.ColPeriod || c.Key == explore.ColYTD):
			if !cell.Missing {
				parts = append(parts, p.T(c.Label)+" "+pct(cell.Num))
			}
		case c.Kind != explore.Number && cell.Text != "" && c.Key != explore.ColHighlights:
			parts = append(parts, cell.Text)
		case c.Key == explore.ColAmount:
			parts = append(parts, cell.Text)
		}
	}
	return title, strings.Join(parts, " · ")
}
