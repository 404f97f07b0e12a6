package ui

import (
	"fmt"

	"github.com/airesearch/aiweekly/app/archive"
	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// companyHistory is a company across the weeks of the archive, on its
// stock page: per week its mover lists with rank and return, and its
// chain link, marked where it changed. On the server every week is there;
// the browser fetches the weeks it has not opened yet, and renders when
// they arrive.
type companyHistory struct {
	app.Compo
	Site  *Site
	ID    string // the company's id
	Name  string // its name, for the links to its page in each week
	Prefs prefs

	reports []*report.Report // the weeks loaded, newest first
}

func (h *companyHistory) OnMount(ctx app.Context) { h.fetch(ctx) }

func (h *companyHistory) OnUpdate(ctx app.Context) { h.fetch(ctx) }

// fetch gathers every week, once the index says which there are.
func (h *companyHistory) fetch(ctx app.Context) {
	h.Site.requestAll(ctx, func(cs []*content) {
		h.reports = h.reports[:0]
		for _, c := range cs {
			h.reports = append(h.reports, c.rep)
		}
	})
}

func (h *companyHistory) Render() app.UI {
	if len(h.reports) == 0 && h.Site != nil {
		h.reports = h.Site.loadedWeeks() // the server's, or what the browser has
	}
	title := app.H2().Text(h.Prefs.T("history.title"))
	if len(h.Site.index().Weeks) < 2 {
		return app.Section().ID("history").Body(title, app.P().Class("note").ID("history-one").Text(h.Prefs.T("history.one")))
	}
	entries := archive.History(h.ID, h.reports)
	rows := make([]app.UI, len(entries))
	for i, e := range entries {
		rows[i] = h.row(e)
	}
	return app.Section().ID("history").Body(title,
		h.Prefs.table(h.Prefs.T("history.title"), []string{"weeks.col.date", "history.col.lists", "col.link"}, rows))
}

// row is the company in one week.
func (h *companyHistory) row(e archive.Entry) app.UI {
	var lists []app.UI
	for _, r := range e.Ranks {
		lists = append(lists, app.Li().Body(
			app.Text(fmt.Sprintf(h.Prefs.T("history.rank"), h.Prefs.T("movers."+string(r.List)), r.Rank)+" "),
			app.Span().Class(trend(r.Return)).Text(pct(r.Return)),
		))
	}
	var ranks app.UI = app.Td().Text(h.Prefs.T("history.unlisted"))
	if len(lists) > 0 {
		ranks = app.Td().Body(app.Ul().Class("figures").Body(lists...))
	}
	var link app.UI = app.Text(h.Prefs.T("history.notinindex"))
	if e.InIndex {
		link = h.Prefs.place(e.Link, e.Segment)
	}
	if !e.Listed {
		link = app.Text(h.Prefs.T("history.absent"))
	}
	linkCell := app.Td().Body(link)
	if e.LinkChanged {
		linkCell = app.Td().Class("changed").Body(link, app.Text(" "), app.Strong().Text(h.Prefs.T("history.changed")))
	}
	return app.Tr().DataSet("week", attr(e.Date)).Body(
		app.Th().Scope("row").Body(app.A().Href(h.Prefs.inWeek(e.Date).link(explore.StockPath(h.Name))).Text(e.Date)),
		ranks, linkCell,
	)
}
