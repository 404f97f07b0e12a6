package ui

import (
	"fmt"
	"net/url"
	"slices"
	"sort"
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
		app.H1().Body(p.printed(c.Name)),
		app.Dl().Class("facts").Body(
			app.Dt().Text(p.T("stock.aliases")), app.Dd().Body(p.printed(orDash(strings.Join(c.Aliases, p.T("punct.list"))))),
			app.Dt().Text(p.T("stock.segment")), app.Dd().Body(p.position()),
		),
		p.moversSection(),
		p.picksSection(),
		p.keyPointsSection(r),
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
		p.searchElsewhere(),
	)
}

// searchElsewhere offers to search the tables for the name, for a name
// close to no company's (/stocks/abc): it may still be printed in a row.
func (p *stockPage) searchElsewhere() app.UI {
	if strings.TrimSpace(p.name) == "" {
		return nil
	}
	routes := []explore.Route{explore.RouteConstituents, explore.RouteEvents, explore.RoutePicks}
	return app.Nav().Class("search-elsewhere").Aria("labelledby", "search-elsewhere-title").Body(
		app.P().ID("search-elsewhere-title").Text(fmt.Sprintf(p.T("stock.search"), p.name)),
		app.Ul().Body(app.Range(routes).Slice(func(i int) app.UI {
			st := p.view(routes[i]).WithQuery(p.name)
			return app.Li().Body(app.A().Href(viewHref(st)).Text(p.T("nav." + strings.TrimPrefix(string(routes[i]), "/"))))
		})),
	)
}

// position is the company's chain link and sub-track, each linking to the
// constituents filtered by it.
func (p *stockPage) position() app.UI {
	k, ok := p.rep.ConstituentOf(p.company.ID)
	if !ok {
		return app.Text(p.T("stock.notconstituent") + p.paren(p.T("companykind."+p.company.Kind)))
	}
	byLink := p.view(explore.RouteConstituents).Toggle(explore.FacetLink, k.Link)
	if k.Segment == "" {
		return app.A().Href(viewHref(byLink)).Body(p.term(k.Link))
	}
	return app.Span().Body(
		app.A().Href(viewHref(byLink)).Body(p.term(k.Link)),
		app.Text(" › "),
		app.A().Href(viewHref(byLink.Toggle(explore.FacetSegment, k.Segment))).Body(p.term(k.Segment)),
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
	return p.section("movers", p.T("stock.movers"), rows, []string{"col.list", "#col.rank", "#col.return"})
}

func (p *stockPage) picksSection() app.UI {
	var rows []app.UI
	for _, pk := range p.rep.Picks {
		if slices.ContainsFunc(pk.Stocks, func(s report.PickStock) bool { return s.Company == p.company.ID }) {
			layer := p.view(explore.RoutePicks).Toggle(explore.FacetLayer, pk.Layer)
			rows = append(rows, app.Tr().Body(
				app.Td().Body(app.A().Href(viewHref(layer)).Body(p.term(pk.Layer))),
				app.Td().Body(app.A().Href(viewHref(layer.Toggle(explore.FacetVertical, pk.Vertical))).Body(p.term(pk.Vertical))),
			))
		}
	}
	return p.section("picks", p.T("stock.picks"), rows, []string{"col.layer", "col.vertical"})
}

// keyPointsSection lists the summary's key points that name the company
// by any of its names, each linking to it on the overview.
func (p *stockPage) keyPointsSection(r *report.Report) app.UI {
	names := append([]string{p.company.Name}, p.company.Aliases...)
	var rows []app.UI
	for _, k := range r.KeyPoints {
		if slices.ContainsFunc(names, func(n string) bool {
			return strings.Contains(k.Title, n) || strings.Contains(k.Text, n)
		}) {
			rows = append(rows, app.Tr().Body(app.Td().Body(app.A().Href(p.link("/")+"#"+k.ID).Body(p.prefs.printed(k.Title)))))
		}
	}
	return p.section("keypoints", p.T("stock.keypoints"), rows, []string{"col.keypoint"})
}

// byDate orders items by date, the undated last. It goes through
// sort.Stable, which the report's sorts link anyway, instead of
// slices.SortStableFunc, an instantiation of 8 KB of wasm for this type.
type byDate []report.Item

func (s byDate) Len() int      { return len(s) }
func (s byDate) Swap(i, j int) { s[i], s[j] = s[j], s[i] }
func (s byDate) Less(i, j int) bool {
	a, b := s[i].Date, s[j].Date
	return a != "" && (b == "" || a < b)
}

// eventsSection lists the events naming the company in date order (the
// undated last, ties in the report's order), each linking to it on
// /events filtered by the company, with a link to that whole view.
func (p *stockPage) eventsSection(r *report.Report) app.UI {
	byCompany := viewHref(p.view(explore.RouteEvents).Toggle(explore.FacetCompany, p.company.Name))
	var items []report.Item
	for it := range r.Events.All() {
		if slices.Contains(it.Companies, p.company.ID) {
			items = append(items, it)
		}
	}
	sort.Stable(byDate(items))
	var rows []app.UI
	for _, it := range items {
		rows = append(rows, p.eventRow(it.Date, it.DateAsPrinted, p.T("events."+string(it.Kind)), it.Title, byCompany+"#"+it.ID))
	}
	sec := p.section("events", p.T("stock.events"), rows, []string{"col.date", "col.kind", "col.title"})
	if len(rows) == 0 {
		return sec
	}
	return app.Div().Body(sec, app.P().Class("more").Body(app.A().ID("events-all").Href(byCompany).Text(p.T("stock.events.all"))))
}

func (p prefs) eventRow(date, printed, kind, title, link string) app.UI {
	return app.Tr().Body(app.Td().Body(p.dateTag(date, printed)), app.Td().Text(kind), app.Td().Body(app.A().Href(link).Body(p.printed(title))))
}

func (p *stockPage) financingsSection() app.UI {
	var rows []app.UI
	for _, f := range p.rep.Financings.Items {
		if f.Company == p.company.ID {
			rows = append(rows, app.Tr().Body(app.Td().Class("num").Title(attr(f.Amount.AsPrinted)).Text(money(f.Amount.Value)+" "+f.Amount.Currency), app.Td().Body(p.printed(f.Business))))
		}
	}
	return p.section("financings", p.T("stock.financings"), rows, []string{"#col.amount", "col.business"})
}

// section is a titled table that says "none" when it has no rows. The
// heading names the table (aria-labelledby) rather than a caption that
// would say the same again. A header id starting with # heads a column of
// figures, aligned with them on the right.
func (p prefs) section(id, title string, rows []app.UI, headers []string) app.UI {
	head := id + "-title"
	if len(rows) == 0 {
		return app.Section().ID(id).Body(app.H2().ID(head).Text(title), app.P().Class("none").Text(p.T("stock.none")))
	}
	return app.Section().ID(id).Body(
		app.H2().ID(head).Text(title),
		app.Div().Class("table-wrap").Body(
			app.Table().Aria("labelledby", attr(head)).Body(
				app.THead().Body(app.Tr().Body(app.Range(headers).Slice(func(i int) app.UI {
					msg, num := strings.CutPrefix(headers[i], "#")
					th := app.Th().Scope("col").Text(p.T(msg))
					if num {
						th = th.Class("num")
					}
					return th
				}))),
				app.TBody().Body(rows...),
			),
		),
	)
}
