package ui

import (
	"fmt"

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
		levels = append(levels, app.Tr().Body(app.Th().Scope("row").Body(p.term(l.Rating)), asPrinted(p.prefs, app.Td()).Text(l.Text)))
	}
	return []app.UI{
		app.H1().Text(p.T("about.title")),
		app.Section().ID("scale").Body(
			app.H2().Text(p.T("about.scale")),
			asPrinted(p.prefs, app.P()).Text(m.RatingScale.Basis),
			p.table(p.T("about.scale"), []string{"col.rating", "col.definition"}, levels),
			app.Range(m.RatingScale.Notes).Slice(func(i int) app.UI { return asPrinted(p.prefs, app.P()).Class("note").Text(m.RatingScale.Notes[i]) }),
		),
		app.Section().ID("risks").Body(
			app.H2().Text(p.T("about.risks")),
			asPrinted(p.prefs, app.Ol()).Body(app.Range(m.Risks).Slice(func(i int) app.UI { return app.Li().Text(m.Risks[i].Text) })),
		),
		app.Section().ID("disclaimer").Body(
			app.H2().Text(p.T("about.disclaimer")),
			asPrinted(p.prefs, app.P()).Text(m.Disclaimer),
		),
		p.sourceSection(),
	}
}

// sourceSection says what the source document is (the publisher, the
// title, the date and the period it covers, not the file it was read
// from), who made it with the broker's licence number and the analyst's
// certificate and e-mail as the report prints them, and where the
// exchange rate for comparing financings comes from.
func (p *aboutPage) sourceSection() app.UI {
	m := p.rep.Meta
	item := func(id, label string, text string) []app.UI {
		// The facts are the report's own words in an interface frame.
		return []app.UI{app.Dt().Text(p.T(label)), asPrinted(p.prefs, app.Dd()).ID(id).Text(text)}
	}
	var dl []app.UI
	dl = append(dl, item("source-document", "about.document",
		fmt.Sprintf(p.T("about.document.text"), m.Institute, m.Title, m.ReportDate, m.Period.AsPrinted))...)
	dl = append(dl, item("source-broker", "about.broker",
		fmt.Sprintf(p.T("about.broker.text"), m.BrokerFull, m.Source.LicenseNo))...)
	dl = append(dl, item("source-analyst", "about.analyst",
		fmt.Sprintf(p.T("about.analyst.text"), m.Analyst.Name, m.Analyst.Certificate, m.Analyst.Email))...)
	dl = append(dl, item("source-url", "about.url", m.Source.URL)...)
	dl = append(dl, item("source-fx", "financings.fx", p.fxText(p.rep.Financings.FX))...)
	return app.Section().ID("source").Body(
		app.H2().Text(p.T("about.source")),
		app.Dl().Class("facts").Body(dl...),
	)
}
