package ui

import (
	"github.com/airesearch/aiweekly/app/archive"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// weeksPage is "/weeks": every published weekly, newest first, with its
// title, rating and headline index figures, each linking to its overview.
type weeksPage struct{ reportView }

func (p *weeksPage) Render() app.UI { return p.frame(p.body) }

func (p *weeksPage) body() []app.UI {
	weeks := p.site.index().Weeks
	if p.site.previewing() != nil {
		weeks = nil // the list is of published weeks, and the preview is none
	}
	rows := make([]app.UI, len(weeks))
	for i, w := range weeks {
		rows[i] = p.row(w, i == 0)
	}
	intro := p.T("weeks.intro")
	if len(weeks) < 2 {
		intro = p.T("weeks.one") + " " + intro
	}
	return []app.UI{
		app.H1().Text(p.T("weeks.title")),
		app.P().Class("note").ID("weeks-intro").Text(intro),
		p.table(p.T("weeks.title"), []string{"weeks.col.date", "weeks.col.title", "col.rating", "weeks.col.period", "weeks.col.index", "weeks.col.excess"}, rows),
		&previewOpener{Site: p.site, Prefs: p.prefs},
	}
}

// row is one week: its date links to the week's overview, the newest's
// to the overview without a week.
func (p *weeksPage) row(w archive.Week, newest bool) app.UI {
	href := p.inWeek(w.Date).link("/")
	label := w.Date
	if newest {
		href, label = p.inWeek("").link("/"), p.weekLabel(w, true)
	}
	figures := make([]app.UI, len(w.Index))
	for i, f := range w.Index {
		figures[i] = app.Li().Body(
			p.printed(f.Name), app.Text(" "),
			app.Span().Class(trend(f.Period)).Text(pct(f.Period)),
			app.Span().Text(" / "),
			app.Span().Class(trend(f.YTD)).Text(pct(f.YTD)),
		)
	}
	tr := app.Tr().DataSet("week", attr(w.Date))
	if w.Date == p.rep.Meta.ReportDate {
		tr = tr.Class("on")
	}
	return tr.Body(
		app.Th().Scope("row").Body(app.A().Href(href).Text(label)),
		asPrinted(p.prefs, app.Td()).Text(w.Title),
		app.Td().Body(p.term(w.Rating)),
		asPrinted(p.prefs, app.Td()).Text(w.Period),
		app.Td().Body(app.Ul().Class("figures").Body(figures...)),
		pctCell(w.YTDExcess),
	)
}
