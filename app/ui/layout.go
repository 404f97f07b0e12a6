package ui

import (
	"fmt"
	"net/url"
	"strconv"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// navItems pairs each fixed route with its message id.
var navItems = []struct{ path, msg string }{
	{"/", "nav.overview"},
	{"/index", "nav.index"},
	{"/movers", "nav.movers"},
	{"/constituents", "nav.constituents"},
	{"/events", "nav.events"},
	{"/financings", "nav.financings"},
	{"/picks", "nav.picks"},
	{"/about", "nav.about"},
}

// href resolves an app path against the prefix the app is served under.
func href(path string) string { return rootPrefix() + path }

// stockHref is the page of the company printed as name.
func stockHref(name string) string { return href("/stocks/" + url.PathEscape(name)) }

// layout wraps a page's content with the navigation bar; active is the
// route path the page belongs to.
func layout(active string, content ...app.UI) app.UI {
	return app.Div().Class("shell").DataSet("live", liveFlag()).Body(
		app.A().Class("skip").Href("#main").Text("跳到正文"),
		app.Header().Class("topbar").Body(
			app.A().Class("brand").Href(href("/")).Text(T("app.name")),
			app.Nav().Aria("label", T("nav.label")).Body(
				app.Ul().Body(
					app.Range(navItems).Slice(func(i int) app.UI {
						it := navItems[i]
						a := app.A().Href(href(it.path)).Text(T(it.msg))
						if it.path == active {
							a = a.Aria("current", "page").Class("active")
						}
						return app.Li().Body(a)
					}),
				),
			),
		),
		&appBar{},
		app.Main().ID("main").Body(content...),
	)
}

// statusView renders the loading or failed state; it returns nil once the
// report is ready.
func statusView(rep *report.Report, err error) app.UI {
	if err != nil {
		probs := problems(err)
		return app.Section().Class("status failed").Aria("live", "assertive").Body(
			app.H1().Text(T("status.failed")),
			app.P().Body(app.Strong().Text(T("status.reason")+"："), app.Code().Class("reason").Text(err.Error())),
			app.If(len(probs) > 0, func() app.UI {
				return app.Ul().Class("problems").Body(app.Range(probs).Slice(func(i int) app.UI {
					return app.Li().Text(probs[i])
				}))
			}),
			app.Button().Class("button").Text(T("status.retry")).OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }),
		)
	}
	if rep == nil {
		return app.Section().Class("status loading").Aria("live", "polite").Aria("busy", "true").Body(
			app.P().Text(T("status.loading")),
		)
	}
	return nil
}

// pct formats a return in percent with its sign and an arrow, so colour is
// never the only signal.
func pct(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64) + "%"
	switch {
	case v > 0:
		return "+" + s + " ▲"
	case v < 0:
		return s + " ▼"
	}
	return s
}

// trend is the CSS class of a signed figure.
func trend(v float64) string {
	switch {
	case v > 0:
		return "num up"
	case v < 0:
		return "num down"
	}
	return "num"
}

// pctCell is a table cell holding a signed percentage.
func pctCell(v float64) app.UI {
	return app.Td().Class(trend(v)).Text(pct(v))
}

// companyLink links a printed company name to its stock page.
func companyLink(name string) app.UI {
	return app.A().Href(stockHref(name)).Text(name)
}

// companyNames links every company id to its page, in order.
func companyNames(r *report.Report, ids []string) []app.UI {
	out := make([]app.UI, 0, 2*len(ids))
	for i, id := range ids {
		if i > 0 {
			out = append(out, app.Text("、"))
		}
		if c, ok := r.CompanyByID(id); ok {
			out = append(out, companyLink(c.Name))
		} else {
			out = append(out, app.Text(id))
		}
	}
	return out
}

// table renders a plain table with a caption and header cells.
func table(caption string, headers []string, rows []app.UI) app.UI {
	return app.Div().Class("table-wrap").Body(
		app.Table().Body(
			app.Caption().Text(caption),
			app.THead().Body(app.Tr().Body(app.Range(headers).Slice(func(i int) app.UI {
				return app.Th().Scope("col").Text(T(headers[i]))
			}))),
			app.TBody().Body(rows...),
		),
	)
}

// count is the row-count note under a heading.
func count(n int) string { return fmt.Sprintf(T("rows"), n) }

// orDash shows an empty field as a dash.
func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// liveFlag marks a page rendered by the browser rather than prerendered by
// the server; tests and styles can tell the two apart.
func liveFlag() string {
	if app.IsClient {
		return "1"
	}
	return "0"
}
