package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// constituentsPage is "/constituents": the index's 45 stocks by chain link
// and sub-track.
type constituentsPage struct{ reportView }

func (p *constituentsPage) OnNav(ctx app.Context) { p.load(ctx, T("constituents.title"), nil) }

func (p *constituentsPage) Render() app.UI {
	if s := statusView(p.rep, p.err); s != nil {
		return layout("/constituents", s)
	}
	cs := p.rep.Constituents
	rows := make([]app.UI, 0, len(cs))
	for _, c := range cs {
		rows = append(rows, app.Tr().Body(
			app.Td().Body(companyLink(c.Name)),
			app.Td().Text(c.Link),
			app.Td().Text(orDash(c.Segment)),
		))
	}
	return layout("/constituents",
		app.H1().Text(T("constituents.title")),
		app.P().Class("count").Text(count(len(cs))),
		table(T("constituents.title"), []string{"col.name", "col.link", "col.segment"}, rows),
	)
}
