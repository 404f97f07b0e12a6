package ui

import (
	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// reportView is embedded by every page that shows the report: it holds the
// loading status (loading while both are nil, failed with err, ready with
// rep) and loads the shared report once per navigation.
type reportView struct {
	app.Compo
	rep    *report.Report
	err    error
	colors explore.Colors // the colour convention of the URL, for the page's links
}

// load fetches the report if needed, then calls ready on the UI goroutine
// with the page's state filled in. It reads the colour convention from the
// URL first, so links render right even while loading.
func (v *reportView) load(ctx app.Context, title string, ready func(app.Context)) {
	v.colors = colorsOf(ctx.Page().URL())
	ctx.Page().SetTitle(title + " · " + T("app.name"))
	withReport(ctx, func(r *report.Report, err error) {
		v.rep, v.err = r, err
		if r != nil && ready != nil {
			ready(ctx)
		}
	})
}
