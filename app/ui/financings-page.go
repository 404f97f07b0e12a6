package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// financingsPage is "/financings": the startup financings.
type financingsPage struct{ reportView }

func (p *financingsPage) OnNav(ctx app.Context) { p.load(ctx, T("financings.title"), nil) }

func (p *financingsPage) Render() app.UI {
	if s := statusView(p.rep, p.err); s != nil {
		return layout("/financings", s)
	}
	f := p.rep.Financings
	rows := make([]app.UI, 0, len(f.Items))
	for _, it := range f.Items {
		rows = append(rows, app.Tr().ID(it.ID).Body(
			app.Td().Body(companyLink(it.Name)),
			app.Td().Class("num").Title(it.Amount.AsPrinted).Text(money(it.Amount.Value)+" "+it.Amount.Currency),
			app.Td().Text(it.Business),
			app.Td().Text(it.Highlights),
		))
	}
	return layout("/financings",
		app.H1().Text(T("financings.title")),
		table(T("financings.title"), []string{"col.name", "col.amount", "col.business", "col.highlights"}, rows),
		app.P().Class("note").Text(T("financings.fx")+"：1 "+f.FX.Base+" = "+strconv.FormatFloat(f.FX.Rate, 'f', -1, 64)+" "+f.FX.Quote+"（"+f.FX.Date+"；"+f.FX.Source+"）"),
	)
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
