package ui

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

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

func (p *stockPage) OnNav(ctx app.Context) {
	raw := strings.TrimPrefix(ctx.Page().URL().Path, rootPrefix()+"/stocks/")
	name, err := url.PathUnescape(raw)
	if err != nil {
		name = raw
	}
	p.name = name
	p.load(ctx, name, func(ctx app.Context) {
		p.company, p.found = p.rep.Company(p.name)
		if p.found {
			ctx.Page().SetTitle(p.company.Name + " · " + T("app.name"))
		}
	})
}

func (p *stockPage) Render() app.UI {
	if s := statusView(p.rep, p.err); s != nil {
		return layout("", s)
	}
	if !p.found {
		return layout("", p.notFound())
	}
	r, c := p.rep, p.company
	return layout("",
		app.H1().Text(c.Name),
		app.Dl().Class("facts").Body(
			app.Dt().Text(T("stock.aliases")), app.Dd().Text(orDash(strings.Join(c.Aliases, "、"))),
			app.Dt().Text(T("stock.segment")), app.Dd().Body(p.position()),
		),
		p.moversSection(),
		p.picksSection(),
		p.eventsSection(r),
		p.financingsSection(),
	)
}

func (p *stockPage) notFound() app.UI {
	closest := p.rep.Closest(p.name, 5)
	return app.Section().Class("notfound").Body(
		app.H1().Text(T("notfound.title")),
		app.P().Text(fmt.Sprintf(T("stock.notfound"), p.name)),
		app.If(len(closest) > 0, func() app.UI {
			return app.Div().Body(
				app.P().Text(T("stock.closest")),
				app.Ul().Class("closest").Body(app.Range(closest).Slice(func(i int) app.UI {
					return app.Li().Body(companyLink(closest[i].Name))
				})),
			)
		}),
	)
}

func (p *stockPage) position() app.UI {
	k, ok := p.rep.ConstituentOf(p.company.ID)
	if !ok {
		return app.Text(T("stock.notconstituent") + "（" + T("kind."+p.company.Kind) + "）")
	}
	s := k.Link
	if k.Segment != "" {
		s += " › " + k.Segment
	}
	return app.A().Href(href("/constituents?link=" + url.QueryEscape(k.Link))).Text(s)
}

func (p *stockPage) moversSection() app.UI {
	var rows []app.UI
	for _, l := range moverLists {
		for _, m := range p.rep.MoverList(l) {
			if m.Company == p.company.ID {
				rows = append(rows, app.Tr().Body(
					app.Td().Body(app.A().Href(href("/movers?list="+string(l))).Text(T("movers."+string(l)))),
					app.Td().Class("num").Text(strconv.Itoa(m.Rank)),
					pctCell(m.Return),
				))
			}
		}
	}
	return section("movers", T("stock.movers"), rows, []string{"col.list", "col.rank", "col.return"})
}

func (p *stockPage) picksSection() app.UI {
	var rows []app.UI
	for _, pk := range p.rep.Picks {
		if slices.ContainsFunc(pk.Stocks, func(s report.PickStock) bool { return s.Company == p.company.ID }) {
			rows = append(rows, app.Tr().Body(app.Td().Text(pk.Layer), app.Td().Text(pk.Vertical)))
		}
	}
	return section("picks", T("stock.picks"), rows, []string{"col.layer", "col.vertical"})
}

func (p *stockPage) eventsSection(r *report.Report) app.UI {
	var rows []app.UI
	for _, e := range r.Events.CompanyEvents {
		if slices.Contains(e.Companies, p.company.ID) {
			rows = append(rows, eventRow(e.Date, e.DateAsPrinted, T("events.company"), e.Title, href("/events#"+e.ID)))
		}
	}
	for _, n := range r.Events.DomesticNews {
		if slices.Contains(n.Companies, p.company.ID) {
			rows = append(rows, eventRow(n.Date, n.DateAsPrinted, T("events.domestic"), n.Title, href("/events#"+n.ID)))
		}
	}
	for _, n := range r.Events.OverseasNews {
		if slices.Contains(n.Companies, p.company.ID) {
			rows = append(rows, eventRow(n.Date, n.DateAsPrinted, T("events.overseas"), n.Title, href("/events#"+n.ID)))
		}
	}
	return section("events", T("stock.events"), rows, []string{"col.date", "col.kind", "col.title"})
}

func eventRow(date, printed, kind, title, link string) app.UI {
	return app.Tr().Body(app.Td().Body(dateTag(date, printed)), app.Td().Text(kind), app.Td().Body(app.A().Href(link).Text(title)))
}

func (p *stockPage) financingsSection() app.UI {
	var rows []app.UI
	for _, f := range p.rep.Financings.Items {
		if f.Company == p.company.ID {
			rows = append(rows, app.Tr().Body(app.Td().Title(f.Amount.AsPrinted).Text(money(f.Amount.Value)+" "+f.Amount.Currency), app.Td().Text(f.Business)))
		}
	}
	return section("financings", T("stock.financings"), rows, []string{"col.amount", "col.business"})
}

// section is a titled table that says "none" when it has no rows.
func section(id, title string, rows []app.UI, headers []string) app.UI {
	if len(rows) == 0 {
		return app.Section().ID(id).Body(app.H2().Text(title), app.P().Class("none").Text(T("stock.none")))
	}
	return app.Section().ID(id).Body(app.H2().Text(title), table(title, headers, rows))
}
