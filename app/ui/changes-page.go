package ui

import (
	"fmt"

	"github.com/airesearch/aiweekly/app/archive"
	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// changesPage is "/changes": what changed from the week before to the
// week shown. With one week, or on the earliest, it says so.
type changesPage struct {
	reportView
	prevWeek string         // the week before the one shown, "" for none
	prev     *report.Report // its report, once loaded
	prevErr  *LoadError
}

func (p *changesPage) OnNav(ctx app.Context) {
	p.load(ctx, p.T(p.title), func(ctx app.Context) {
		p.prev, p.prevErr, p.prevWeek = nil, nil, ""
		w, ok := p.site.index().Previous(p.rep.Meta.ReportDate)
		if !ok {
			return
		}
		p.prevWeek = w.Date
		p.site.request(ctx, w.Date, func(c *content, err *LoadError) {
			p.prevErr = err
			if c != nil {
				p.prev = c.rep
			}
		})
	})
}

func (p *changesPage) Render() app.UI { return p.frame(p.body) }

func (p *changesPage) body() []app.UI {
	head := []app.UI{app.H1().Text(p.T("changes.title"))}
	switch {
	case p.prevWeek == "":
		return append(head, app.P().ID("changes-none").Text(p.T("changes.none")))
	case p.prevErr != nil:
		return append(head, p.statusView(nil, p.prevErr))
	case p.prev == nil:
		return append(head, app.P().Class("loading").Text(p.T("status.loading")))
	}
	c := archive.Compare(p.prev, p.rep)
	return append(head,
		app.P().ID("changes-weeks").Text(fmt.Sprintf(p.T("changes.between"), c.From, c.To)),
		p.indexSection(c),
		p.listsSection(c),
		p.constituentsSection(c),
		p.eventsSection(c),
		p.financingsSection(c),
	)
}

// indexSection compares each index's returns.
func (p *changesPage) indexSection(c archive.Changes) app.UI {
	rows := make([]app.UI, len(c.Index))
	for i, x := range c.Index {
		before := []app.UI{app.Td().Text("—"), app.Td().Text("—")}
		if x.Was {
			before = []app.UI{pctCell(x.Before.Period), pctCell(x.Before.YTD)}
		}
		rows[i] = app.Tr().Body(append(append([]app.UI{app.Th().Scope("row").Body(p.printed(x.Name))}, before...),
			pctCell(x.After.Period), pctCell(x.After.YTD))...)
	}
	return app.Section().ID("changes-index").Body(
		app.H2().Text(p.T("nav.index")),
		p.table(p.T("nav.index"), []string{"index.series", "changes.prev.period", "changes.prev.ytd", "changes.cur.period", "changes.cur.ytd"}, rows),
	)
}

// listsSection names the entrants and leavers of each mover list.
func (p *changesPage) listsSection(c archive.Changes) app.UI {
	var rows []app.UI
	for _, l := range c.Lists {
		for _, m := range l.Entered {
			rows = append(rows, p.moverRow(l.List, "changes.entered", m))
		}
		for _, m := range l.Left {
			rows = append(rows, p.moverRow(l.List, "changes.left", m))
		}
	}
	return p.changesSection("changes-movers", p.T("nav.movers"), rows, []string{"col.list", "changes.col.change", "col.name", "col.rank", "col.return"})
}

func (p *changesPage) moverRow(l report.MoverList, change string, m report.Mover) app.UI {
	return app.Tr().DataSet("change", attr(change)).Body(
		app.Td().Text(p.T("movers."+string(l))), app.Td().Text(p.T(change)),
		app.Td().Body(p.companyLink(m.Name)),
		app.Td().Class("num").Text(fmt.Sprint(m.Rank)), pctCell(m.Return),
	)
}

// constituentsSection names the constituents added, removed or moved.
func (p *changesPage) constituentsSection(c archive.Changes) app.UI {
	var rows []app.UI
	row := func(change, name string, from, to app.UI) {
		rows = append(rows, app.Tr().DataSet("change", attr(change)).Body(
			app.Td().Text(p.T(change)), app.Td().Body(p.companyLink(name)), app.Td().Body(from), app.Td().Body(to),
		))
	}
	for _, k := range c.Added {
		row("changes.added", k.Name, p.place("", ""), p.place(k.Link, k.Segment))
	}
	for _, k := range c.Removed {
		row("changes.removed", k.Name, p.place(k.Link, k.Segment), p.place("", ""))
	}
	for _, m := range c.Moved {
		row("changes.moved", m.Name, p.place(m.FromLink, m.FromSeg), p.place(m.ToLink, m.ToSeg))
	}
	return p.changesSection("changes-constituents", p.T("nav.constituents"), rows, []string{"changes.col.change", "col.name", "changes.col.before", "changes.col.after"})
}

// place is a chain link with its sub-track, terms of the report's
// vocabulary; a dash for none.
func (p prefs) place(link, segment string) app.UI {
	switch {
	case link == "":
		return app.Text("—")
	case segment == "":
		return p.term(link)
	}
	return app.Span().Body(p.term(link), app.Text(" › "), p.term(segment))
}

// eventsSection lists the events and news the week before lacks.
func (p *changesPage) eventsSection(c archive.Changes) app.UI {
	rows := make([]app.UI, len(c.Events))
	for i, it := range c.Events {
		rows[i] = app.Tr().Body(app.Td().Text(orDash(it.Date)), app.Td().Text(p.T("kind."+string(it.Kind))), asPrinted(p.prefs, app.Td()).Text(it.Title))
	}
	return p.changesSection("changes-events", p.T("changes.events"), rows, []string{"col.date", "col.kind", "col.title"})
}

// financingsSection lists the rounds the week before lacks.
func (p *changesPage) financingsSection(c archive.Changes) app.UI {
	rows := make([]app.UI, len(c.Financings))
	for i, f := range c.Financings {
		rows[i] = app.Tr().Body(app.Td().Body(p.companyLink(f.Name)), app.Td().Body(p.printed(f.Amount.AsPrinted)), app.Td().Body(p.printed(f.Business)))
	}
	return p.changesSection("changes-financings", p.T("changes.financings"), rows, []string{"col.name", "col.amount", "col.business"})
}

// changesSection is one kind of change as a table, or a line saying there
// is none.
func (p prefs) changesSection(id, title string, rows []app.UI, headers []string) app.UI {
	if len(rows) == 0 {
		return app.Section().ID(id).Body(app.H2().Text(title), app.P().Class("note").Text(p.T("changes.same")))
	}
	return app.Section().ID(id).Body(app.H2().Text(title), p.table(title, headers, rows))
}
