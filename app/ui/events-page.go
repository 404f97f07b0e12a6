package ui

import (
	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// eventsPage is "/events": the company events with the analysts' view,
// then the domestic and overseas news.
type eventsPage struct{ reportView }

func (p *eventsPage) OnNav(ctx app.Context) { p.load(ctx, T("events.title"), nil) }

func (p *eventsPage) Render() app.UI {
	if s := statusView(p.rep, p.err); s != nil {
		return layout("/events", s)
	}
	ev := p.rep.Events
	return layout("/events",
		app.H1().Text(T("events.title")),
		app.Section().ID("company").Body(
			app.H2().Text(T("events.company")),
			app.Range(ev.CompanyEvents).Slice(func(i int) app.UI { return companyEvent(p.rep, ev.CompanyEvents[i]) }),
		),
		newsSection(p.rep, "domestic", T("events.domestic"), ev.DomesticNews),
		newsSection(p.rep, "overseas", T("events.overseas"), ev.OverseasNews),
	)
}

func companyEvent(r *report.Report, e report.CompanyEvent) app.UI {
	return app.Article().Class("event").ID(e.ID).Body(
		app.H3().Body(dateTag(e.Date, e.DateAsPrinted), app.Text(" "+e.Title)),
		app.P().Class("companies").Body(companyNames(r, e.Companies)...),
		app.Ol().Body(app.Range(e.Details).Slice(func(i int) app.UI { return app.Li().Text(e.Details[i]) })),
		app.H4().Text(T("events.view")),
		app.Ol().Class("views").Body(app.Range(e.Views).Slice(func(i int) app.UI { return app.Li().Text(e.Views[i]) })),
	)
}

func newsSection(r *report.Report, id, title string, items []report.NewsItem) app.UI {
	rows := make([]app.UI, 0, len(items))
	for _, n := range items {
		rows = append(rows, app.Tr().ID(n.ID).Body(
			app.Td().Body(dateTag(n.Date, n.DateAsPrinted)),
			app.Td().Body(app.Strong().Text(n.Title), app.P().Text(n.Text)),
			app.Td().Body(companyNames(r, n.Companies)...),
			app.Td().Text(n.Source),
		))
	}
	return app.Section().ID(id).Body(
		table(title, []string{"col.date", "col.title", "col.companies", "col.source"}, rows),
	)
}

// dateTag shows an ISO date, or says the report gives none.
func dateTag(iso, printed string) app.UI {
	if iso == "" {
		return app.Span().Class("nodate").Title(printed).Text(T("events.nodate"))
	}
	return app.Time().DateTime(iso).Text(iso)
}
