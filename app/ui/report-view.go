package ui

import (
	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// reportView is embedded by every page that shows the report. Routes sets
// the site whose report it shows and the route path it belongs to; the
// page then holds the loading status of its navigation: loading while
// both content and err are nil, failed with err, ready with content.
type reportView struct {
	app.Compo
	site   *Site
	active string // the route path, marked in the navigation; "" for none
	title  string // message id of the page's title

	content *content
	rep     *report.Report // content.rep, once loaded
	err     *LoadError
	prefs   // of the URL, for the page's words and links
}

// OnInit lets the browser's first render show the report when the site
// has it already (the browser's main waits for it), instead of the loading
// state until the dispatched OnNav has run. On the server, OnNav runs
// before the page is written, so this does nothing there.
func (v *reportView) OnInit() { v.init() }

// init takes the site's report if it is loaded and reports whether it is.
func (v *reportView) init() bool {
	if !app.IsClient || v.site == nil {
		return false
	}
	c := v.site.loaded(weekParam(app.Window().URL()))
	if c == nil {
		return false
	}
	v.content, v.rep = c, c.rep
	v.prefs = prefsOf(app.Window().URL())
	v.prefs.url.Week = v.site.linkWeek(v.prefs.url.Week)
	return true
}

// OnNav loads the report for the pages that keep no routed state.
func (v *reportView) OnNav(ctx app.Context) { v.load(ctx, v.T(v.title), nil) }

// load asks the site for the report, then calls ready on the UI goroutine
// with the page's state filled in. It reads the colour convention from the
// URL first, so links render right even while loading.
func (v *reportView) load(ctx app.Context, title string, ready func(app.Context)) {
	v.prefs = prefsOf(ctx.Page().URL())
	ctx.Page().SetTitle(headText(title + " · " + v.T("app.name")))
	v.site.request(ctx, weekParam(ctx.Page().URL()), func(c *content, err *LoadError) {
		v.content, v.err = c, err
		v.prefs.url.Week = v.site.linkWeek(v.prefs.url.Week)
		v.rep = nil
		if c != nil {
			v.rep = c.rep
		}
		if c != nil && ready != nil {
			ready(ctx)
		}
	})
}

// status is the loading or failed view, nil once the report is ready.
func (v *reportView) status() app.UI { return v.statusView(v.rep, v.err) }

// frame renders the loading or failed state, or the page's content from
// body once the report is ready.
func (v *reportView) frame(body func() []app.UI) app.UI {
	if s := v.status(); s != nil {
		return v.layout(s)
	}
	return v.layout(body()...)
}

// layout wraps the page's content with the shell, marking the page's
// route in the navigation.
func (v *reportView) layout(content ...app.UI) app.UI { return v.layoutStaging(false, content...) }

// layoutStaging is layout for a page that may still be mounting parts of
// its content in stages: the shell is not live until they are in.
func (v *reportView) layoutStaging(staging bool, content ...app.UI) app.UI {
	return &shell{Active: v.active, Site: v.site, Staging: staging, Content: func() []app.UI { return content }}
}
