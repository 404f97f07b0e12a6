package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// moversPage is "/movers": the three top-10 lists.
type moversPage struct{ reportView }

func (p *moversPage) OnNav(ctx app.Context) { p.load(ctx, T("movers.title"), nil) }

func (p *moversPage) Render() app.UI {
	if s := statusView(p.rep, p.err); s != nil {
		return layout("/movers", s)
	}
	return layout("/movers",
		app.H1().Text(T("movers.title")),
		app.Range(moverLists).Slice(func(i int) app.UI {
			l := moverLists[i]
			ms := p.rep.MoverList(l)
			rows := make([]app.UI, 0, len(ms))
			for _, m := range ms {
				rows = append(rows, app.Tr().Body(
					app.Td().Class("num").Text(strconv.Itoa(m.Rank)),
					app.Td().Body(companyLink(m.Name)),
					pctCell(m.Return),
				))
			}
			return app.Section().ID(string(l)).Body(
				table(T("movers."+string(l)), []string{"col.rank", "col.name", "col.return"}, rows),
			)
		}),
	)
}
