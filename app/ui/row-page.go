package ui

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// rowPage is "/events/{id}" and "/financings/{id}": one record of a table
// on a page of its own, as Datasette's row pages are, with every company it
// names linked to its stock page and a link back to the row in its table.
// The id is the report's own (ce-1, dn-3, on-7, f-2).
type rowPage struct {
	reportView
	route explore.Route
	id    string
	row   *explore.Row // nil when the report has no such record
}

// OnInit finds the record for the first render when the report is there.
func (p *rowPage) OnInit() {
	if !p.init() {
		return // the server, or a report still loading: OnNav finds it
	}
	p.find(app.Window().URL())
}

func (p *rowPage) OnNav(ctx app.Context) {
	// The title comes from the report, never from the link (see attr).
	p.load(ctx, p.T("row.title"), func(ctx app.Context) {
		p.find(ctx.Page().URL())
		ctx.Page().SetTitle(headText(p.heading() + " · " + p.T("app.name")))
	})
}

// find reads the table route and the id from the path of u and looks the
// record up in that table.
func (p *rowPage) find(u *url.URL) {
	p.route, p.id, p.row = "", "", nil
	route, id, ok := rowPageOf(strings.TrimPrefix(pagePath(u), rootPrefix()))
	if !ok {
		return
	}
	p.route, p.id = route, id
	if r, found := p.content.table(route).RowByID(id); found {
		p.active, p.row = string(route), r
	}
}

// heading is the record's title: an item's title, a financing's company.
func (p *rowPage) heading() string {
	if p.row == nil {
		return p.T("notfound.title")
	}
	switch src := p.row.Source.(type) {
	case report.Item:
		return src.Title
	case report.Financing:
		return src.Name
	}
	return p.id
}

func (p *rowPage) Render() app.UI {
	if s := p.status(); s != nil {
		return p.layout(s)
	}
	if p.row == nil {
		return p.layout(p.notFound())
	}
	var facts []app.UI
	var body app.UI
	switch src := p.row.Source.(type) {
	case report.Item:
		facts, body = p.itemFacts(src)
	case report.Financing:
		facts, body = p.financingFacts(src)
	}
	back := p.link(string(p.route)) + "#" + url.PathEscape(p.id)
	return p.layout(
		app.Article().Class("record").ID("record").DataSet("id", attr(p.id)).Body(
			app.H1().Text(p.heading()),
			app.Dl().Class("facts").Body(facts...),
			body,
			app.Div().Class("toolbar").Body(
				app.A().ID("record-in-table").Href(back).Text(p.T("row.intable")),
				app.Div().Class("actions").Body(&copyLink{}),
			),
		),
	)
}

// fact is one term and its description.
func fact(term string, desc ...app.UI) []app.UI {
	return []app.UI{app.Dt().Text(term), app.Dd().Body(desc...)}
}

// companyLinks links each company id to its stock page, joined by 、.
func (p *rowPage) companyLinks(ids []string) app.UI {
	if len(ids) == 0 {
		return app.Text("—")
	}
	parts := make([]app.UI, 0, 2*len(ids))
	for i, id := range ids {
		if i > 0 {
			parts = append(parts, app.Text("、"))
		}
		name := id
		if c, ok := p.rep.CompanyByID(id); ok {
			name = c.Name
		}
		parts = append(parts, app.A().Class("company").Href(p.stockHref(name)).Text(name))
	}
	return app.Span().Body(parts...)
}

// itemFacts are an event's or news item's kind, date, source and
// companies, and what the report says under its title.
func (p *rowPage) itemFacts(it report.Item) ([]app.UI, app.UI) {
	kind := p.view(explore.RouteEvents).Toggle(explore.FacetKind, string(it.Kind))
	facts := fact(p.T("col.kind"), app.A().Href(viewHref(kind)).Text(p.T("kind."+string(it.Kind))))
	facts = append(facts, fact(p.T("col.date"), p.dateTag(it.Date, it.DateAsPrinted))...)
	if it.Source != "" {
		facts = append(facts, fact(p.T("col.source"), app.Text(it.Source))...)
	}
	facts = append(facts, fact(p.T("col.companies"), p.companyLinks(it.Companies))...)
	body, _ := p.eventBodyView(it)
	return facts, body
}

// financingFacts are a financing's company, amount as printed, amount in
// its currency and in the base currency at the stored rate, business and
// highlights.
func (p *rowPage) financingFacts(f report.Financing) ([]app.UI, app.UI) {
	fx := p.rep.Financings.FX
	facts := fact(p.T("col.name"), p.companyLinks([]string{f.Company}))
	facts = append(facts, fact(p.T("row.amount.printed"), app.Text(f.Amount.AsPrinted))...)
	facts = append(facts, fact(p.T("col.amount"), app.Text(money(f.Amount.Value)+" "+f.Amount.Currency))...)
	if v, ok := fx.ToBase(f.Amount); ok && f.Amount.Currency != fx.Base {
		rate := strconv.FormatFloat(fx.Rate, 'f', -1, 64)
		facts = append(facts, fact(fmt.Sprintf(p.T("row.amount.base"), fx.Base),
			app.Text(fmt.Sprintf(p.T("row.amount.rate"), money(v), fx.Base, fx.Base, rate, fx.Quote, fx.Date)))...)
	}
	facts = append(facts, fact(p.T("col.business"), app.Text(f.Business))...)
	return facts, app.P().Class("highlights").Text(f.Highlights)
}

// notFound says the report has no record with the id, with a link to the
// table it would be in.
func (p *rowPage) notFound() app.UI {
	table := "/"
	if p.route != "" {
		table = string(p.route)
	}
	return app.Section().Class("notfound").Body(
		app.H1().Text(p.T("notfound.title")),
		app.P().Text(fmt.Sprintf(p.T("row.notfound"), p.id)),
		app.A().ID("record-table").Href(p.link(table)).Text(p.T("row.totable")),
	)
}
