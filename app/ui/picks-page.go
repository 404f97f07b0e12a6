package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// picksPage is "/picks": the recommended stocks by layer and vertical.
type picksPage struct{ reportView }

func (p *picksPage) OnNav(ctx app.Context) { p.load(ctx, T("picks.title"), nil) }

func (p *picksPage) Render() app.UI {
	if s := statusView(p.rep, p.err); s != nil {
		return layout("/picks", s)
	}
	rows := make([]app.UI, 0, len(p.rep.Picks))
	for _, pk := range p.rep.Picks {
		names := make([]app.UI, 0, 2*len(pk.Stocks))
		for i, s := range pk.Stocks {
			if i > 0 {
				names = append(names, app.Text("、"))
			}
			names = append(names, companyLink(s.Name))
		}
		rows = append(rows, app.Tr().ID(pk.ID).Body(
			app.Td().Text(pk.Layer),
			app.Td().Text(pk.Vertical),
			app.Td().Body(names...),
		))
	}
	return layout("/picks",
		app.H1().Text(T("picks.title")),
		table(T("picks.title"), []string{"col.layer", "col.vertical", "col.stocks"}, rows),
	)
}
