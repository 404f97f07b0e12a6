package ui

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// stockPage is "/stocks/{name}": one company, reached by any of its names,
// with every place the report mentions it.
type stockPage struct {
	reportView
	name    string // the name from the path, unescaped
	company report.Company
	found   bool
}

// OnInit finds the company for the first render when the report is there.
func (p *stockPage) OnInit() {
	if p.init() {
		p.find(app.Window().URL())
	}
}

func (p *stockPage) OnNav(ctx app.Context) {
	// The title is the company's name from the report, never the name
	// from the link: go-app writes the title into meta attributes that it
	// does not escape for HTML (see attr).
	p.load(ctx, p.T("stock.title"), func(ctx app.Context) {
		p.find(ctx.Page().URL())
		title := p.T("notfound.title")
		if p.found {
			title = p.company.Name
		}
		ctx.Page().SetTitle(headText(title + " · " + p.T("app.name")))
	})
}

// find reads the company's name from the path of u and looks it up. A
// path of more than one segment below /stocks/ names no company.
func (p *stockPage) find(u *url.URL) {
	name, ok := stockName(strings.TrimPrefix(pagePath(u), rootPrefix()))
	p.name, p.company, p.found = name, report.Company{}, false
	if ok {
		p.company, p.found = p.rep.Company(name)
	}
}

func (p *stockPage) Render() app.UI {
	if s := p.status(); s != nil {
		return p.layout(s)
	}
	if !p.found {
		return p.layout(p.notFound())
	}
	r, c := p.rep, p.company
	return p.layout(
		app.H1().Text(c.Name),
		app.Dl().Class("facts").Body(
			app.Dt().Text(p.T("stock.aliases")), app.Dd().Text(orDash(strings.Join(c.Aliases, "、"))),
			app.Dt().Text(p.T("stock.segment")), app.Dd().Body(p.position()),
		),
		p.moversSection(),
		p.picksSection(),
		p.eventsSection(r),
		p.financingsSection(),
		&companyHistory{Site: p.site, ID: c.ID, Name: c.Name, Prefs: p.prefs},
	)
}

func (p *stockPage) notFound() app.UI {
	closest := p.rep.Closest(p.name, 5)
	return app.Section().Class("notfound").Body(
		app.H1().Text(p.T("notfound.title")),
		app.P().Text(fmt.Sprintf(p.T("stock.notfound"), p.name)),
		app.If(len(closest) > 0, func() app.UI {
			return app.Nav().Aria("labelledby", "closest-title").Body(
				app.P().ID("closest-title").Text(p.T("stock.closest")),
				app.Ul().Class("closest").Body(app.Range(closest).Slice(func(i int) app.UI {
					return app.Li().Body(p.companyLink(closest[i].Name))
				})),
			)
		}),
	)
}

// position is the company's chain link and sub-track, each linking to the
// constituents filtered by it.
func (p *stockPage) position() app.UI {
	k, ok := p.rep.ConstituentOf(p.company.ID)
	if !ok {
		return app.Text(p.T("stock.notconstituent") + "（" + p.T("companykind."+p.company.Kind) + "）")
	}
	byLink := p.view(explore.RouteConstituents).Toggle(explore.FacetLink, k.Link)
	if k.Segment == "" {
		return app.A().Href(viewHref(byLink)).Text(k.Link)
	}
	return app.Span().Body(
		app.A().Href(viewHref(byLink)).Text(k.Link),
		app.Text(" › "),
		app.A().Href(viewHref(byLink.Toggle(explore.FacetSegment, k.Segment))).Text(k.Segment),
	)
}

func (p *stockPage) moversSection() app.UI {
	var rows []app.UI
	for l, ms := range p.rep.Movers.Lists() {
		for _, m := range ms {
			if m.Company == p.company.ID {
				list := p.view(explore.RouteMovers).Toggle(explore.FacetList, string(l))
				rows = append(rows, app.Tr().Body(
					app.Td().Body(app.A().Href(viewHref(list)).Text(p.T("movers."+string(l)))),
					app.Td().Class("num").Text(strconv.Itoa(m.Rank)),
					pctCell(m.Return),
				))
			}
		}
	}
	return p.section("movers", p.T("stock.movers"), rows, []string{"col.list", "col.rank", "col.return"})
}

func (p *stockPage) picksSection() app.UI {
	var rows []app.UI
	for _, pk := range p.rep.Picks {
		if slices.ContainsFunc(pk.Stocks, func(s report.PickStock) bool { return s.Company == p.company.ID }) {
			layer := p.view(explore.RoutePicks).Toggle(explore.FacetLayer, pk.Layer)
			rows = append(rows, app.Tr().Body(
				app.Td().Body(app.A().Href(viewHref(layer)).Text(pk.Layer)),
				app.Td().Body(app.A().Href(viewHref(layer.Toggle(explore.FacetVertical, pk.Vertical))).Text(pk.Vertical)),
			))
		}
	}
	return p.section("picks", p.T("stock.picks"), rows, []string{"col.layer", "col.vertical"})
}

// eventsSection lists the events naming the company, each linking to it
// on /events filtered by the company, with a link to that whole view.
func (p *stockPage) eventsSection(r *report.Report) app.UI {
	byCompany := viewHref(p.view(explore.RouteEvents).Toggle(explore.FacetCompany, p.company.Name))
	var rows []app.UI
	for it := range r.Events.All() {
		if slices.Contains(it.Companies, p.company.ID) {
			rows = append(rows, p.eventRow(it.Date, it.DateAsPrinted, p.T("events."+string(it.Kind)), it.Title, byCompany+"#"+it.ID))
		}
	}
	sec := p.section("events", p.T("stock.events"), rows, []string{"col.date", "col.kind", "col.title"})
	if len(rows) == 0 {
		return sec
	}
	return app.Div().Body(sec, app.P().Class("more").Body(app.A().ID("events-all").Href(byCompany).Text(p.T("stock.events.all"))))
}

func (p prefs) eventRow(date, printed, kind, title, link string) app.UI {
	return app.Tr().Body(app.Td().Body(p.dateTag(date, printed)), app.Td().Text(kind), app.Td().Body(app.A().Href(link).Text(title)))
}

func (p *stockPage) financingsSection() app.UI {
	var rows []app.UI
	for _, f := range p.rep.Financings.Items {
		if f.Company == p.company.ID {
			rows = append(rows, app.Tr().Body(app.Td().Title(attr(f.Amount.AsPrinted)).Text(money(f.Amount.Value)+" "+f.Amount.Currency), app.Td().Text(f.Business)))
		}
	}
	return p.section("financings", p.T("stock.financings"), rows, []string{"col.amount", "col.business"})
}

// section is a titled table that says "none" when it has no rows.
func (p prefs) section(id, title string, rows []app.UI, headers []string) app.UI {
	if len(rows) == 0 {
		return app.Section().ID(id).Body(app.H2().Text(title), app.P().Class("none").Text(p.T("stock.none")))
	}
	return app.Section().ID(id).Body(app.H2().Text(title), p.table(title, headers, rows))
}
