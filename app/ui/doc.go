// Package ui holds the go-app components of the report explorer and the one
// route table that both the browser (cmd/wasm) and the server use, so that
// what the server prerenders matches what the browser runs.
//
// # The report: a Site each main builds
//
// Nothing in the package holds the report. Each main builds a [Site] and
// passes it to [Routes]: the server with [NewSite], from the report it has
// already loaded and validated, so that every page is prerendered with its
// content; the browser with [NewLoader], which starts fetching and parsing
// data/report.json at once and keeps it for every later navigation. The
// browser's main waits a moment for it ([Site.Wait]) before starting
// go-app, and the pages take a loaded report in OnInit, so that the first
// render in the browser shows the report rather than a loading state over
// the prerendered page; a page that asks while loading gets the report
// through ctx.Dispatch once it is there (a site that has not started
// loading loads in a goroutine of ctx.Async on its first request). A site's
// status is never loaded, loading, failed or loaded, as in go-app's own
// docs app; a failure is a [LoadError] whose [FailKind] (offline, not
// found, invalid data, unavailable) the error page puts in words, listing
// the JSON path of each problem of invalid data. The tables the explorer
// views filter (explore.BuildTables) are built once per report, on first
// use, and held with it; each table row carries its source record
// (explore.Row.Source), which the events' bodies and the financings chart
// read instead of looking records up by id.
//
// # One route table
//
// routes.go lists the fixed routes once: path, navigation and title
// messages, page constructor, and for the five table views their explorer
// spec. The navigation bar, [IsPage] (the server's 404s), [Paths] (the
// static export and the service worker's precache) and the explorer views
// all come from it; TestRouteTable fails when a page type is not reachable
// through it. The stock pages (/stocks/{name}) and the not-found page are
// registered by pattern.
//
// # Components
//
// One component per file, named after it. The pages embed reportView (the
// site, the load status, the route, and the URL's prefs: colours and
// language, which every internal link keeps and whose T looks up the
// page's words) and, for the table views, explorer,
// which keeps the view's state (derived from the URL alone in OnNav) and
// its handlers. The explorer's children take values: facetPanel the facet
// counts and the state, searchBox the query, sortableTable a tableProps,
// cellView a column and a row, and so on; the handlers they get are the
// explorer's; the functions that write words are methods of prefs, so a
// page's language reaches each of them without a global. The tables mount a window of their rows (table-window.go:
// those in view and a margin, every row while printing), each row a
// tableRow component, and the chart follows the table's update in a later
// task, so that a keystroke waits for the rows it changed only.
//
// # go-app workarounds
//
// goapp.go lists every place the app works around go-app, each with the
// go-app source location that makes it necessary and the test that fails
// without it: attribute escaping for prerendered pages (attr, checked by
// TestAttributesEscaped), the popstate after replaceState, clearing
// emptied inputs, SVG link interception, the path prefix, handlers that
// read data-key, go-app's process-global route table, rows replaced by
// record rather than patched by position, and dispatches that must not
// prevent their update.
//
// # Server-only parts
//
// handler.go (behind //go:build !wasm) configures go-app's handler, the
// service worker and the web app manifest for the server; the wasm does not
// link it.
package ui
