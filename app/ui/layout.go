package ui

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/airesearch/aiweekly/app/explore"
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

// linkTo resolves an app path, which may carry a query, against the prefix
// the app is served under and keeps colour convention c: with intl the
// link carries colors=intl, so the choice survives every internal link.
func linkTo(path string, c explore.Colors) string {
	if c == explore.ColorsIntl {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		path += sep + explore.ParamColors + "=" + c.String()
	}
	return rootPrefix() + path
}

// viewHref is the link to the view s, colour convention included.
func viewHref(s explore.State) string { return rootPrefix() + s.Href() }

// href resolves an app path for a component that keeps no routed state
// (the not-found page): it keeps the colour convention of the address bar
// in the browser; the server prerenders the default.
func href(path string) string { return linkTo(path, clientColors()) }

// clientColors is the colour convention of the address bar, or the default
// outside the browser.
func clientColors() explore.Colors {
	if !app.IsClient {
		return explore.ColorsCN
	}
	return colorsOf(app.Window().URL())
}

// colorsOf reads the colour convention of u; a bad value gives the default
// (the shell names it in a notice).
func colorsOf(u *url.URL) explore.Colors {
	if u == nil {
		return explore.ColorsCN
	}
	st, _ := explore.ParseQuery("", u.Query())
	return st.Colors
}

// stockHref is the page of the company printed as name.
func stockHref(name string, c explore.Colors) string {
	return linkTo(explore.StockPath(name), c)
}

// layout wraps a page's content with the shell: navigation bar, colour
// toggle and app bar. active is the route path the page belongs to.
func layout(active string, content ...app.UI) app.UI {
	return &shell{Active: active, Content: func() []app.UI { return content }}
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
func companyLink(name string, c explore.Colors) app.UI {
	return app.A().Href(stockHref(name, c)).Text(name)
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

// orDash shows an empty field as a dash.
func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// attr makes s safe as an attribute value in the page the server
// prerenders. go-app writes attribute values there with strconv.Quote,
// which escapes a double quote as \" — not an HTML escape — so a " from a
// link (q, a notice's value) would end the attribute and let the rest of
// the value add attributes or elements. On the server, s is HTML-escaped
// (&, <, >, " and ' as entities, and the backslash and every rune
// strconv.Quote would escape as numeric references), which strconv.Quote
// leaves alone and the browser decodes back to s. In the browser go-app
// sets attributes through the DOM, which takes s as it is.
func attr(s string) string {
	if app.IsClient {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&#34;")
		case r == '\'':
			b.WriteString("&#39;")
		case r == '\\' || !strconv.IsPrint(r):
			b.WriteString("&#" + strconv.Itoa(int(r)) + ";")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// liveFlag marks a page rendered by the browser rather than prerendered by
// the server; tests and styles can tell the two apart.
func liveFlag() string {
	if app.IsClient {
		return "1"
	}
	return "0"
}
