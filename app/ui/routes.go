package ui

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// route is one fixed page of the app. The navigation bar, [IsKnownPath]
// (the server's 404s), [Paths] (the static export and the service worker's
// precache) and the explorer views all come from [routeTable]: adding a
// page is one entry here plus its component.
type route struct {
	path  string
	nav   string // message id of its entry in the navigation bar; "" for none
	title string // message id of the page's title
	// page returns the page's component around v, which holds the site,
	// the path and the title.
	page func(v reportView) app.Composer
	// explorer is the spec of a table view, nil for other pages.
	explorer *explorerSpec
}

// routeTable lists the fixed routes in the order of the navigation bar.
var routeTable = []route{
	{path: "/", nav: "nav.overview", title: "nav.overview", page: func(v reportView) app.Composer { return &overviewPage{v} }},
	{path: "/index", nav: "nav.index", title: "index.title", page: func(v reportView) app.Composer { return &indexPage{v} }},
	explorerRoute(explorerSpec{route: explore.RouteMovers, title: "movers.title", groupBy: explore.ColList, groupMsg: "movers."},
		func(x explorer) app.Composer { return &moversPage{x} }),
	explorerRoute(explorerSpec{route: explore.RouteConstituents, title: "constituents.title"},
		func(x explorer) app.Composer { return &constituentsPage{x} }),
	explorerRoute(explorerSpec{route: explore.RouteEvents, title: "events.title", groupBy: explore.ColKind, groupMsg: "events.", dates: true, rowPages: true, cards: true},
		func(x explorer) app.Composer { return &eventsPage{x} }),
	explorerRoute(explorerSpec{route: explore.RouteFinancings, title: "financings.title", rowPages: true},
		func(x explorer) app.Composer { return &financingsPage{x} }),
	explorerRoute(explorerSpec{route: explore.RoutePicks, title: "picks.title"},
		func(x explorer) app.Composer { return &picksPage{x} }),
	explorerRoute(explorerSpec{route: explore.RouteStocks, title: "stocks.title"},
		func(x explorer) app.Composer { return &stocksPage{x} }),
	{path: "/changes", nav: "nav.changes", title: "changes.title", page: func(v reportView) app.Composer { return &changesPage{reportView: v} }},
	{path: "/weeks", nav: "nav.weeks", title: "weeks.title", page: func(v reportView) app.Composer { return &weeksPage{v} }},
	{path: "/about", nav: "nav.about", title: "about.title", page: func(v reportView) app.Composer { return &aboutPage{v} }},
	// The search has the top bar's box instead of a navigation entry.
	{path: string(explore.RouteSearch), title: "search.title", page: func(v reportView) app.Composer { return &searchPage{reportView: v} }},
}

// navRoutes are the routes of the navigation bar, in its order.
func navRoutes() []route {
	var out []route
	for _, r := range routeTable {
		if r.nav != "" {
			out = append(out, r)
		}
	}
	return out
}

// explorerRoute is the entry of a table view: its path is the spec's
// route, its navigation message "nav."+name, its title the spec's.
func explorerRoute(spec explorerSpec, page func(explorer) app.Composer) route {
	return route{
		path:     string(spec.route),
		nav:      "nav." + strings.TrimPrefix(string(spec.route), "/"),
		title:    spec.title,
		page:     func(v reportView) app.Composer { return page(explorer{reportView: v, spec: spec}) },
		explorer: &spec,
	}
}

// newPage is a new component of the page r, showing the report of s.
func (r route) newPage(s *Site) app.Composer {
	return r.page(reportView{site: s, active: r.path, title: r.title})
}

// stockPath is the pattern of one company page; the name is any of its
// aliases. It stays a string: a regexp compiled when the package starts
// would be main-thread time before the browser's first render, and
// IsKnownPath matches it written out.
const stockPath = `^/stocks/[^/]+$`

// Routes registers every route with go-app, each page showing the report
// of s. Unknown paths fall through to the not-found page; [IsPage] tells
// the server to answer those, and stock pages of unknown names, 404. In
// the browser it first gives a page opened by its exported file name the
// address of its route (see goapp.go). go-app keeps one route table per
// process (see goapp.go), so call Routes once.
func Routes(s *Site) {
	showExportedRoute()
	for _, r := range routeTable {
		app.Route(r.path, func() app.Composer { return r.newPage(s) })
	}
	app.RouteWithRegexp(stockRoute(), func() app.Composer { return &stockPage{reportView: reportView{site: s}} })
	app.RouteWithRegexp(rowRoute(), func() app.Composer { return &rowPage{reportView: reportView{site: s}} })
	app.RouteWithRegexp(`^/.*`, func() app.Composer { return &notFoundPage{} })
}

// Paths returns the paths of the fixed routes, in the order of the
// navigation bar: the pages the static export writes besides the stock
// pages, and the shells the service worker precaches.
func Paths() []string {
	out := make([]string, len(routeTable))
	for i, r := range routeTable {
		out[i] = r.path
	}
	return out
}

// explorerRoutes lists the table views in navigation order.
func explorerRoutes() []explore.Route {
	var out []explore.Route
	for _, r := range routeTable {
		if r.explorer != nil {
			out = append(out, r.explorer.route)
		}
	}
	return out
}

// IsKnownPath reports whether path is one of the app's routes. A stock page
// counts whatever its name: whether the company exists is for [IsPage].
func IsKnownPath(path string) bool {
	for _, r := range routeTable {
		if path == r.path {
			return true
		}
	}
	if _, _, ok := rowPageOf(path); ok {
		return true
	}
	name, ok := strings.CutPrefix(path, "/stocks/")
	return ok && name != "" && !strings.Contains(name, "/")
}

// rowRoute is the pattern of the record pages: one segment below a table
// route whose spec has rowPages (/events/ce-1, /financings/f-2).
func rowRoute() string {
	var alts []string
	for _, r := range routeTable {
		if r.explorer != nil && r.explorer.rowPages {
			alts = append(alts, regexp.QuoteMeta(r.path))
		}
	}
	return `^(` + strings.Join(alts, "|") + `)/[^/]+$`
}

// rowPageOf splits the path of a record page into its table route and the
// record's id (as the path spells it, unescaped); ok is false for any other
// path. Ids are ASCII (ce-1), so an escape in the segment names no record.
func rowPageOf(path string) (route explore.Route, id string, ok bool) {
	for _, r := range routeTable {
		if r.explorer == nil || !r.explorer.rowPages {
			continue
		}
		rest, found := strings.CutPrefix(path, r.path+"/")
		if found && rest != "" && !strings.ContainsAny(rest, "/%") {
			return r.explorer.route, rest, true
		}
	}
	return "", "", false
}

// RowPaths lists the record page of every event, news item and financing
// of rep, in the report's order: the pages the static export writes
// besides the fixed routes and the stock pages.
func RowPaths(rep *report.Report) []string {
	if rep == nil {
		return nil
	}
	var out []string
	for it := range rep.Events.All() {
		out = append(out, string(explore.RouteEvents)+"/"+it.ID)
	}
	for _, f := range rep.Financings.Items {
		out = append(out, string(explore.RouteFinancings)+"/"+f.ID)
	}
	return out
}

// hasRecord reports whether rep holds a record with id in the table of
// route. It walks the report itself, not the tables, so that the server's
// answer to a flood of made-up ids builds nothing.
func hasRecord(rep *report.Report, route explore.Route, id string) bool {
	switch route {
	case explore.RouteEvents:
		for it := range rep.Events.All() {
			if it.ID == id {
				return true
			}
		}
	case explore.RouteFinancings:
		for _, f := range rep.Financings.Items {
			if f.ID == id {
				return true
			}
		}
	}
	return false
}

// IsPage reports whether path, percent-encoded as the request spells it
// and below the prefix, is a page that exists: a fixed route, or the stock
// page of a name or alias of a company in rep. The name is one segment
// and may hold encoded slashes (/stocks/A%2FB). Without a report every
// stock page counts: the page then says why there is none.
func IsPage(rep *report.Report, path string) bool {
	if route, id, ok := rowPageOf(path); ok {
		return rep == nil || hasRecord(rep, route, id)
	}
	name, ok := stockName(path)
	if !ok {
		return IsKnownPath(path)
	}
	if rep == nil {
		return true
	}
	_, found := rep.Company(name)
	return found
}

// NavMessages are the message ids of the navigation bar's entries, in its
// order, for the tests that read the bar in each language.
func NavMessages() []string {
	var ids []string
	for _, r := range navRoutes() {
		ids = append(ids, r.nav)
	}
	return ids
}

// exportedRoute returns the route a page of the static export holds when
// opened by its file name (path is encoded, below the prefix): /about for
// /about.html and /about/index.html, / for /index.html. It reports false
// for any other path, a route itself included.
func exportedRoute(path string) (string, bool) {
	if IsKnownPath(path) && !strings.HasSuffix(path, ".html") {
		return "", false
	}
	var route string
	switch {
	case path == "/index.html":
		route = "/"
	case strings.HasSuffix(path, "/index.html"):
		route = strings.TrimSuffix(path, "/index.html")
	case strings.HasSuffix(path, ".html"):
		route = strings.TrimSuffix(path, ".html")
	default:
		return "", false
	}
	if !IsKnownPath(route) {
		return "", false
	}
	return route, true
}

// showExportedRoute rewrites the address bar of a page opened by its
// file name to its route (see 11 in goapp.go), before go-app reads it.
func showExportedRoute() {
	if !app.IsClient {
		return
	}
	loc := app.Window().Get("location")
	u, err := url.Parse(loc.Get("href").String())
	if err != nil {
		return
	}
	prefix := rootPrefix()
	below, ok := strings.CutPrefix(u.EscapedPath(), prefix)
	if !ok {
		return
	}
	route, ok := exportedRoute(below)
	if !ok {
		return
	}
	target := prefix + route
	if route == "/" && prefix != "" {
		target = prefix + "/"
	}
	if u.RawQuery != "" {
		target += "?" + u.RawQuery
	}
	if u.Fragment != "" {
		target += "#" + u.EscapedFragment()
	}
	app.Window().Get("history").Call("replaceState", nil, "", target)
}
