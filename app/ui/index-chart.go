package ui

import (
	"github.com/airesearch/aiweekly/app/chart"
	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// indexChart is the chart of /index and the overview: the AI concept index
// against the CSI 300, period and YTD returns side by side, the YTD excess
// labelled. The pages that show it keep no routed state, so it reads the
// colour convention from the URL itself, on the server and in the browser
// alike, like the shell does.
type indexChart struct {
	app.Compo

	// Rep is the report whose index returns are drawn.
	Rep *report.Report

	prefs
}

// OnNav follows the colour convention of each navigation, query-only ones
// included.
func (c *indexChart) OnNav(ctx app.Context) { c.prefs = prefsOf(ctx.Page().URL()) }

// OnInit reads the address bar for the browser's first render.
func (c *indexChart) OnInit() {
	if app.IsClient {
		c.prefs = prefsOf(app.Window().URL())
	}
}

// OnMount covers a chart mounted after its page's navigation, once the
// report arrived.
func (c *indexChart) OnMount(ctx app.Context) { c.prefs = prefsOf(ctx.Page().URL()) }

func (c *indexChart) Render() app.UI {
	if c.Rep == nil {
		return app.Div()
	}
	ir := c.Rep.IndexReturns
	series := make([]chart.IndexPoint, len(ir.Series))
	for i, s := range ir.Series {
		series[i] = chart.IndexPoint{Name: s.Name, Period: s.PeriodReturn, YTD: s.YTDReturn}
	}
	const id = "chart-index"
	colors, title := c.url.Colors, c.chartMsg("chart.index.title")
	return &chartView{
		ID:     id,
		Key:    "index|" + colors.String() + "|" + string(c.lang),
		Note:   c.chartMsg("chart.index.note"),
		Failed: c.chartMsg("chart.failed"),
		Draw: func(w int, dark bool) ([]byte, error) {
			return chart.IndexReturns(series, ir.YTDExcess, c.chartOptions(id, colors, w, dark, title))
		},
	}
}
