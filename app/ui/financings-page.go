package ui

import (
	"fmt"
	"strconv"

	"github.com/airesearch/aiweekly/app/report"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// financingsPage is "/financings": the startup financings, with the
// exchange rate that sorting by amount uses.
type financingsPage struct{ explorer }

// Render adds the exchange rate under the explorer.
func (p *financingsPage) Render() app.UI {
	if p.rep == nil {
		return p.render()
	}
	return p.render(app.P().Class("note").ID("fx").Text(p.fxText(p.rep.Financings.FX)))
}

// fxText states the exchange rate with its date and source, the source in
// the interface's language where the report gives it so (source_zh).
func (p prefs) fxText(fx report.FX) string {
	src := fx.Source
	if p.lang == zh && fx.SourceZH != "" {
		src = fx.SourceZH
	}
	return fmt.Sprintf(p.T("financings.fx.rate"), fx.Base, strconv.FormatFloat(fx.Rate, 'f', -1, 64), fx.Quote, fx.Date, src)
}

// money formats an amount with thousands separators.
func money(v float64) string {
	s := strconv.FormatFloat(v, 'f', 0, 64)
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}
