package ui

import (
	"strconv"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// overviewPage is "/": the report's header, key points, index returns at a
// glance, the top of each mover list and a count per section; every list
// and count links into the filtered view it summarises.
type overviewPage struct{ reportView }

func (p *overviewPage) Render() app.UI { return p.frame(p.body) }

// body is the page once the report is ready.
func (p *overviewPage) body() []app.UI {
	r := p.rep
	m := r.Meta
	lists := report.MoverLists() // in the report's order
	return []app.UI{
		app.Header().Class("report-head").Body(
			asPrinted(p.prefs, app.H1()).Text(m.Title),
			app.Dl().Class("facts").Body(
				app.Dt().Text(p.T("overview.date")), app.Dd().Body(app.Time().DateTime(m.ReportDate).Text(m.ReportDate)),
				app.Dt().Text(p.T("overview.broker")), asPrinted(p.prefs, app.Dd()).Text(m.Broker),
				app.Dt().Text(p.T("overview.rating")), app.Dd().Class("rating").Body(p.term(m.Rating)),
				app.Dt().Text(p.T("overview.period")), app.Dd().Text(m.Period.From+" – "+m.Period.To),
				app.Dt().Text(p.T("overview.analyst")), app.Dd().Body(p.printed(m.Analyst.Name), app.Text(p.paren(p.T("overview.cert")+" "+m.Analyst.Certificate))),
			),
		),
		app.Section().Body(
			app.H2().Text(p.T("overview.keypoints")),
			asPrinted(p.prefs, app.Ol()).Class("keypoints").Body(app.Range(r.KeyPoints).Slice(func(i int) app.UI {
				k := r.KeyPoints[i]
				return app.Li().ID(k.ID).Body(app.H3().Text(k.Title), app.P().Class("pre").Text(k.Text))
			})),
		),
		app.Section().Body(
			app.H2().Body(app.A().Href(p.link("/index")).Text(p.T("index.title"))),
			p.indexTable(r),
		),
		app.Section().Class("tops").Body(
			app.H2().Body(app.A().Href(p.link("/movers")).Text(p.T("movers.title"))),
			app.Div().Class("cols").Body(app.Range(lists).Slice(func(i int) app.UI {
				return p.topMovers(r, lists[i], 3)
			})),
		),
		p.counts(),
	}
}

// topMovers is the first n entries of one mover list, under a heading that
// opens the list on /movers.
func (p prefs) topMovers(r *report.Report, l report.MoverList, n int) app.UI {
	ms := r.MoverList(l)
	if len(ms) > n {
		ms = ms[:n]
	}
	list := p.view(explore.RouteMovers).Toggle(explore.FacetList, string(l))
	return app.Div().Class("top").ID("top-"+string(l)).Body(
		app.H3().Body(app.A().Href(viewHref(list)).Text(p.T("movers."+string(l)))),
		app.Ol().Body(app.Range(ms).Slice(func(i int) app.UI {
			return app.Li().Body(p.companyLink(ms[i].Name), app.Text(" "), app.Span().Class(trend(ms[i].Return)).Text(pct(ms[i].Return)))
		})),
		app.P().Class("more").Body(app.A().Href(viewHref(list)).Text(p.T("overview.more"))),
	)
}

// counts is the number of rows of each table, linking to it, with the
// rows per value of its first facet (list, chain link, kind, currency,
// layer), each linking to the view filtered by that value.
func (p *overviewPage) counts() app.UI {
	routes := explorerRoutes()
	return app.Section().Class("counts-section").Body(
		app.H2().Text(p.T("overview.counts")),
		app.Ul().Class("counts").Body(app.Range(routes).Slice(func(i int) app.UI {
			return p.sectionCount(p.content.table(routes[i]))
		})),
	)
}

// sectionCount is one table's count and its first facet's breakdown.
func (p prefs) sectionCount(t *explore.Table) app.UI {
	all := p.view(t.Route)
	res := explore.Apply(t, all)
	var fc explore.FacetCounts
	if len(res.Facets) > 0 {
		fc = res.Facets[0]
	}
	return app.Li().ID("count-"+string(t.Route)[1:]).Body(
		app.A().Class("total").Href(viewHref(all)).Body(
			app.Span().Class("n").Text(strconv.Itoa(res.Total)), app.Span().Text(p.T("nav."+string(t.Route)[1:])),
		),
		app.If(len(fc.Values) > 0, func() app.UI {
			return app.Ul().Class("breakdown").Aria("label", p.T(fc.Label)).Body(app.Range(fc.Values).Slice(func(i int) app.UI {
				v := fc.Values[i]
				return app.Li().Body(app.A().Href(viewHref(all.Toggle(fc.Key, v.Value))).Body(
					app.Span().Body(p.facetLabel(fc, v.Value)), app.Text(" "), app.Span().Class("n").Text(strconv.Itoa(v.Count)),
				))
			}))
		}),
	)
}
