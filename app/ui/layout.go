package ui

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

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
	v, _ := explore.ParseRawQuery(u.RawQuery)
	st, _ := explore.ParseQuery("", v)
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
