package ui

import (
	"strconv"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// overviewPage is "/": the report's header, key points, index returns at a
// glance, the top of each mover list and a count per section.
type overviewPage struct{ reportView }

func (p *overviewPage) OnNav(ctx app.Context) { p.load(ctx, T("nav.overview"), nil) }

func (p *overviewPage) Render() app.UI {
	if s := statusView(p.rep, p.err); s != nil {
		return layout("/", s)
	}
	r := p.rep
	m := r.Meta
	return layout("/",
		app.Header().Class("report-head").Body(
			app.H1().Text(m.Title),
			app.Dl().Class("facts").Body(
				app.Dt().Text(T("overview.date")), app.Dd().Body(app.Time().DateTime(m.ReportDate).Text(m.ReportDate)),
				app.Dt().Text(T("overview.broker")), app.Dd().Text(m.Broker),
				app.Dt().Text(T("overview.rating")), app.Dd().Class("rating").Text(m.Rating),
				app.Dt().Text(T("overview.period")), app.Dd().Text(m.Period.From+" – "+m.Period.To),
				app.Dt().Text(T("overview.analyst")), app.Dd().Text(m.Analyst.Name+"（"+T("overview.cert")+" "+m.Analyst.Certificate+"）"),
			),
		),
		app.Section().Body(
			app.H2().Text(T("overview.keypoints")),
			app.Ol().Class("keypoints").Body(app.Range(r.KeyPoints).Slice(func(i int) app.UI {
				k := r.KeyPoints[i]
				return app.Li().ID(k.ID).Body(app.H3().Text(k.Title), app.P().Class("pre").Text(k.Text))
			})),
		),
		app.Section().Body(
			app.H2().Body(app.A().Href(href("/index")).Text(T("index.title"))),
			indexTable(r),
		),
		app.Section().Class("tops").Body(
			app.H2().Body(app.A().Href(href("/movers")).Text(T("movers.title"))),
			app.Div().Class("cols").Body(app.Range(moverLists).Slice(func(i int) app.UI {
				return topMovers(r, moverLists[i], 3)
			})),
		),
		app.Section().Body(
			app.H2().Text(T("overview.counts")),
			app.Ul().Class("counts").Body(app.Range(sectionCounts(r)).Slice(func(i int) app.UI {
				c := sectionCounts(r)[i]
				return app.Li().Body(app.A().Href(href(c.path)).Body(
					app.Span().Class("n").Text(strconv.Itoa(c.n)), app.Span().Text(T(c.msg)),
				))
			})),
		),
	)
}

// moverLists is the display order of the three mover lists.
var moverLists = []report.MoverList{report.PeriodGainers, report.YTDGainers, report.PeriodLosers}

// topMovers is the first n entries of one mover list.
func topMovers(r *report.Report, l report.MoverList, n int) app.UI {
	ms := r.MoverList(l)
	if len(ms) > n {
		ms = ms[:n]
	}
	return app.Div().Class("top").Body(
		app.H3().Body(app.A().Href(href("/movers?list="+string(l))).Text(T("movers."+string(l)))),
		app.Ol().Body(app.Range(ms).Slice(func(i int) app.UI {
			return app.Li().Body(companyLink(ms[i].Name), app.Text(" "), app.Span().Class(trend(ms[i].Return)).Text(pct(ms[i].Return)))
		})),
	)
}

type sectionCount struct {
	path, msg string
	n         int
}

func sectionCounts(r *report.Report) []sectionCount {
	ev := len(r.Events.CompanyEvents) + len(r.Events.DomesticNews) + len(r.Events.OverseasNews)
	movers := len(r.Movers.PeriodGainers) + len(r.Movers.YTDGainers) + len(r.Movers.PeriodLosers)
	stocks := 0
	for _, p := range r.Picks {
		stocks += len(p.Stocks)
	}
	return []sectionCount{
		{"/movers", "nav.movers", movers},
		{"/constituents", "nav.constituents", len(r.Constituents)},
		{"/events", "nav.events", ev},
		{"/financings", "nav.financings", len(r.Financings.Items)},
		{"/picks", "nav.picks", stocks},
	}
}
