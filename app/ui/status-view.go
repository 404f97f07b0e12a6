package ui

import (
	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// statusView renders the loading or failed state; it returns nil once the
// report is ready. A failure says what went wrong in words a person can
// act on (the kind), the detail for a developer, and, for invalid data,
// the JSON path of every problem.
func (p prefs) statusView(rep *report.Report, err *LoadError) app.UI {
	if err != nil {
		return p.failedView(err)
	}
	if rep == nil {
		return app.Section().Class("status loading").Aria("live", "polite").Aria("busy", "true").Body(
			app.P().Text(p.T("status.loading")),
		)
	}
	return nil
}

// failedView is the error page of err.
func (p prefs) failedView(err *LoadError) app.UI {
	probs := problems(err)
	kind := string(err.Kind)
	return app.Section().Class("status failed").Aria("live", "assertive").Body(
		app.H1().Text(p.T("status.failed")),
		app.P().Class("kind "+kind).Text(p.T("status.kind."+kind)),
		app.P().Body(app.Strong().Text(p.T("status.reason")+p.colon()), app.Code().Class("reason").Text(err.Error())),
		app.If(len(probs) > 0, func() app.UI {
			return app.Ul().Class("problems").Body(app.Range(probs).Slice(func(i int) app.UI {
				return app.Li().Text(probs[i])
			}))
		}),
		app.Button().Class("button").Text(p.T("status.retry")).OnClick(reload),
	)
}

// reload loads the page again, the report with it.
func reload(ctx app.Context, e app.Event) { ctx.Reload() }
