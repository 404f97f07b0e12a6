package ui

import (
	"github.com/airesearch/aiweekly/app/chart"
	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// indexChart is the chart of /index and the overview: the AI concept index
// against the CSI 300, period and YTD returns side by side, the YTD excess
// labelled, in the colours and language of its page's URL.
type indexChart struct {
	app.Compo

	// Rep is the report whose index returns are drawn.
	Rep *report.Report
	// Prefs are the page's, for the colours and the words.
	Prefs prefs
}

func (c *indexChart) Render() app.UI {
	if c.Rep == nil {
		return app.Div()
	}
	p, ir := c.Prefs, c.Rep.IndexReturns
	series := make([]chart.IndexPoint, len(ir.Series))
	for i, s := range ir.Series {
		series[i] = chart.IndexPoint{Name: p.termLabel(s.Name), Period: s.PeriodReturn, YTD: s.YTDReturn}
	}
	const id = "chart-index"
	colors, title := p.url.Colors, p.chartMsg("chart.index.title")
	return &chartView{
		ID:     id,
		Key:    "index|" + colors.String() + "|" + string(p.lang),
		Note:   p.chartMsg("chart.index.note"),
		Failed: p.chartMsg("chart.failed"),
		Draw: func(w int, dark bool) ([]byte, error) {
			return chart.IndexReturns(series, ir.YTDExcess, p.chartOptions(id, colors, w, dark, title))
		},
	}
}
