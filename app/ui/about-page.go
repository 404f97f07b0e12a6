package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// aboutPage is "/about": the rating scale, risks, disclaimer and source.
type aboutPage struct{ reportView }

func (p *aboutPage) Render() app.UI { return p.frame(p.body) }

// body is the page once the report is ready.
func (p *aboutPage) body() []app.UI {
	m := p.rep.Meta
	levels := make([]app.UI, 0, len(m.RatingScale.Levels))
	for _, l := range m.RatingScale.Levels {
		levels = append(levels, app.Tr().Body(app.Th().Scope("row").Text(l.Rating), app.Td().Text(l.Text)))
	}
	return []app.UI{
		app.H1().Text(p.T("about.title")),
		app.Section().ID("scale").Body(
			app.H2().Text(p.T("about.scale")),
			app.P().Text(m.RatingScale.Basis),
			p.table(p.T("about.scale"), []string{"col.rating", "col.definition"}, levels),
			app.Range(m.RatingScale.Notes).Slice(func(i int) app.UI { return app.P().Class("note").Text(m.RatingScale.Notes[i]) }),
		),
		app.Section().ID("risks").Body(
			app.H2().Text(p.T("about.risks")),
			app.Ol().Body(app.Range(m.Risks).Slice(func(i int) app.UI { return app.Li().Text(m.Risks[i].Text) })),
		),
		app.Section().ID("disclaimer").Body(
			app.H2().Text(p.T("about.disclaimer")),
			app.P().Text(m.Disclaimer),
		),
		app.Section().ID("source").Body(
			app.H2().Text(p.T("about.source")),
			app.P().Text(m.BrokerFull+" · "+m.Institute+" · "+m.Analyst.Name+"（"+m.Analyst.Certificate+"）"),
			app.P().Text(m.Source.Document+" · "+m.Source.URL),
		),
	}
}
