package ui

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// prefs is what a render takes from its URL besides the view: the
// reader's preferences as the URL gives them (colours, language), which
// every internal link keeps, and the language the interface is written in.
// It is a value per render, never a global: the server prerenders many
// requests at once. Components that read their URL embed it, so its
// methods (T, link) are theirs; the others get it from their parent.
type prefs struct {
	url  explore.Prefs // as the URL gives them
	lang lang          // url.Lang, else the reader's language
}

// prefsOf reads the preferences of u; a bad value gives its default (the
// shell names it in a notice).
func prefsOf(u *url.URL) prefs {
	var p explore.Prefs
	if u != nil {
		v, _ := explore.ParseRawQuery(u.RawQuery)
		st, _ := explore.ParseQuery("", v)
		p = st.Prefs
	}
	return withPrefs(p, u)
}

// withPrefs resolves the language of preferences p read from u: the one
// the link asks for, else the reader's.
func withPrefs(p explore.Prefs, u *url.URL) prefs {
	l := p.Lang
	if l == "" {
		l = readerLang(u)
	}
	return prefs{url: p, lang: l}
}

// link resolves an app path, which may carry a query, against the prefix
// the app is served under and keeps the URL's preferences: with
// colors=intl or lang=en the link carries them too, so the choice
// survives every internal link.
func (p prefs) link(path string) string {
	if q := p.url.Query().Encode(); q != "" {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		path += sep + q
	}
	return rootPrefix() + path
}

// view is the state of route with no filter, keeping the preferences.
func (p prefs) view(route explore.Route) explore.State {
	return explore.State{Route: route, Prefs: p.url}
}

// viewHref is the link to the view s, preferences included.
func viewHref(s explore.State) string { return rootPrefix() + s.Href() }

// stockHref is the page of the company printed as name.
func (p prefs) stockHref(name string) string {
	return p.link(explore.StockPath(name))
}

// stockName is the company name of a stock page's encoded path below the
// prefix, and whether the path is one: a single segment below /stocks/,
// which may hold encoded slashes.
func stockName(path string) (string, bool) {
	raw, ok := strings.CutPrefix(path, "/stocks/")
	if !ok || raw == "" || strings.Contains(raw, "/") {
		return "", false
	}
	name, err := url.PathUnescape(raw)
	if err != nil {
		return raw, false
	}
	return name, true
}

// layout wraps a page's content with the shell: navigation bar, colour
// toggle and app bar. active is the route path the page belongs to.
func layout(active string, content ...app.UI) app.UI {
	return &shell{Active: active, Content: func() []app.UI { return content }}
}

// minus is U+2212, the sign the charts write too (app/chart), so that a
// negative figure reads the same in a chart and a table, and as a minus
// rather than a hyphen. Exports keep ASCII numbers.
const minus = "\u2212"

// withMinus writes a formatted figure's leading "-" as the minus sign.
func withMinus(s string) string {
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		return minus + rest
	}
	return s
}

// pct formats a return in percent with its sign and an arrow, so colour is
// never the only signal.
func pct(v float64) string {
	s := withMinus(strconv.FormatFloat(v, 'f', 2, 64)) + "%"
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
func (p prefs) companyLink(name string) app.UI {
	return app.A().Href(p.stockHref(name)).Body(p.printed(name))
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

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func isAlnum(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
