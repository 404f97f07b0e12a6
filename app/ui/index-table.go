package ui

import (
	"strconv"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// indexTable is the period and YTD returns of each index, with the excess,
// under the chart of the same figures.
func (p prefs) indexTable(r *report.Report) app.UI {
	ir := r.IndexReturns
	rows := make([]app.UI, 0, len(ir.Series))
	for _, s := range ir.Series {
		rows = append(rows, app.Tr().ID("index-"+s.ID).Body(
			app.Th().Scope("row").Body(p.term(s.Name)), pctCell(s.PeriodReturn), pctCell(s.YTDReturn),
		))
	}
	return app.Div().Class("index-returns").Body(
		&indexChart{Rep: r, Prefs: p},
		p.table(r.Meta.Period.From+" – "+r.Meta.Period.To, []string{"index.series", "index.period", "index.ytd"}, rows),
		app.P().Class("excess").Body(
			app.Text(p.T("index.excess")+p.colon()),
			app.Strong().Class(trend(ir.YTDExcess)).Text(signed(ir.YTDExcess)+" "+p.T("index.pct")),
		),
	)
}

// signed formats v with two decimals and an explicit sign.
func signed(v float64) string {
	s := withMinus(strconv.FormatFloat(v, 'f', 2, 64))
	if v > 0 {
		return "+" + s
	}
	return s
}
