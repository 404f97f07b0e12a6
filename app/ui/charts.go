package ui

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/airesearch/aiweekly/app/chart"
	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// tableChart is the chart that follows a table's filters: the rows of res
// as the view s shows them, in the colour convention of s, with the period
// and exchange rate of r, the report the explorer shows. It returns nil
// where the view has no chart (/picks, whose rows are names without
// figures) and when no row matches, which the table already says.
func (p prefs) tableChart(t *explore.Table, res explore.Result, s explore.State, r *report.Report) app.UI {
	if t == nil || len(res.Rows) == 0 {
		return nil
	}
	var spec chartSpec
	switch t.Route {
	case explore.RouteMovers:
		spec = p.moversChart(t, res, s)
	case explore.RouteConstituents:
		spec = p.constituentsChart(t, res, s)
	case explore.RouteEvents:
		spec = p.eventsChart(t, res, s, r)
	case explore.RouteFinancings:
		spec = p.financingsChart(t, res, s, r)
	default:
		return nil
	}
	if spec.draw == nil {
		return nil
	}
	return &chartView{ID: spec.id, Key: spec.key, Draw: spec.draw, Note: spec.note, Failed: p.chartMsg("chart.failed"),
		Rows: spec.rows}
}

// chartSpec is one chart ready to mount: what chartView needs.
type chartSpec struct {
	id   string
	key  string
	note string
	draw func(width int, dark bool) ([]byte, error)
	// rows holds, for each link of the chart in the order it draws them,
	// the ids of the table rows it stands for, joined by spaces.
	rows []string
}

// chartOptions are the options every chart shares: width and scheme from
// chartView, colours from the view, strings (the labels too) from the
// catalog, and the note under the chart as its description.
func (p prefs) chartOptions(id string, c explore.Colors, width int, dark bool, title string) chart.Options {
	o := chart.Options{Width: width, Dark: dark, Title: title, DescribedBy: id + "-note", Labels: p.chartLabels()}
	if c == explore.ColorsIntl {
		o.Colors = chart.Intl
	}
	return o
}

// chartKey joins what a chart depends on besides its width and scheme:
// the route, colours, language and the ids of the rows in order.
func (p prefs) chartKey(s explore.State, extra string, rows []*explore.Row) string {
	var b strings.Builder
	b.WriteString(string(s.Route))
	b.WriteByte('|')
	b.WriteString(s.Colors.String())
	b.WriteByte('|')
	b.WriteString(string(p.lang))
	b.WriteByte('|')
	b.WriteString(extra)
	for _, r := range rows {
		b.WriteByte('|')
		b.WriteString(r.ID)
	}
	return b.String()
}

// cell returns row r's cell in column key of t.
func cell(t *explore.Table, r *explore.Row, key string) (explore.Cell, bool) {
	if _, i, ok := t.Column(key); ok && i < len(r.Cells) {
		return r.Cells[i], true
	}
	return explore.Cell{}, false
}

// moversChart draws the shown movers as signed bars in the table's order.
// When rows from more than one list are shown, each label names its list's
// horizon, since the same company can be in two lists.
func (p prefs) moversChart(t *explore.Table, res explore.Result, s explore.State) chartSpec {
	lists := map[string]bool{}
	for _, r := range res.Rows {
		if c, ok := cell(t, r, explore.ColList); ok {
			lists[c.Text] = true
		}
	}
	// A narrow chart names the horizons with shorter words after a space,
	// so that the labels fit beside the bars. A bar opens its company, as
	// the name in the row does; ids are the rows with a bar, the same for
	// both.
	var ids []string
	bars := func(horizon, open, close string) []chart.Bar {
		out := make([]chart.Bar, 0, len(res.Rows))
		ids = ids[:0]
		for _, r := range res.Rows {
			name, _ := cell(t, r, explore.ColName)
			ret, _ := cell(t, r, explore.ColReturn)
			if ret.Missing {
				continue
			}
			label := name.Text
			if list, ok := cell(t, r, explore.ColList); ok && len(lists) > 1 {
				label += open + p.chartMsg(horizon+list.Text) + close
			}
			b := chart.Bar{Label: label, Value: ret.Num}
			if len(name.Refs) > 0 {
				// Named by what it shows (the label and the value), as
				// screen readers and speech input expect of a link.
				b.Href = p.stockHref(name.Refs[0].Name)
				ids = append(ids, r.ID)
			}
			out = append(out, b)
		}
		return out
	}
	wide, narrow := bars("chart.movers.horizon.", "（", "）"), bars("chart.movers.tag.", " ", "")
	const id = "chart-movers"
	title := fmt.Sprintf(p.chartMsg("chart.movers.title"), len(wide))
	return chartSpec{
		id:   id,
		key:  p.chartKey(s, "", res.Rows),
		rows: ids,
		note: fmt.Sprintf(p.chartMsg("chart.movers.note"), len(wide)),
		draw: func(w int, dark bool) ([]byte, error) {
			if w < narrowChart {
				return chart.Bars(narrow, p.chartOptions(id, s.Colors, w, dark, title))
			}
			return chart.Bars(wide, p.chartOptions(id, s.Colors, w, dark, title))
		},
	}
}

// narrowChart is the width, in CSS px, below which a chart is narrow.
const narrowChart = 560

// constituentsChart counts the shown constituents per chain link, each
// followed by its sub-tracks, in the facets' (the report's) order. Each
// bar links to the view a click on the same facet value gives: it selects
// the value, or clears it when it is selected.
func (p prefs) constituentsChart(t *explore.Table, res explore.Result, s explore.State) chartSpec {
	type seg struct{ link, segment string }
	linkN, segN := map[string]int{}, map[seg]int{}
	for _, r := range res.Rows {
		for _, l := range r.Facets[explore.FacetLink] {
			linkN[l]++
			for _, sg := range r.Facets[explore.FacetSegment] {
				segN[seg{l, sg}]++
			}
		}
	}
	var links, segments []string
	if f, ok := t.Facet(explore.FacetLink); ok {
		links = f.Values
	}
	if f, ok := t.Facet(explore.FacetSegment); ok {
		// A link without sub-tracks has no bars under it: a 未细分 bar
		// would repeat the link's.
		segments = slices.DeleteFunc(slices.Clone(f.Values), func(v string) bool { return v == f.None })
	}
	bar := func(facet, value string, n, level int) chart.CountBar {
		label := p.termLabel(value)
		b := chart.CountBar{Label: label, Count: n, Level: level, Href: viewHref(s.Toggle(facet, value))}
		if s.Selected(facet, value) {
			b.Name = fmt.Sprintf(p.chartMsg("chart.counts.clear"), label, n)
		}
		return b
	}
	var rows []chart.CountBar
	for _, l := range links {
		if linkN[l] == 0 {
			continue
		}
		rows = append(rows, bar(explore.FacetLink, l, linkN[l], 0))
		for _, sg := range segments {
			if n := segN[seg{l, sg}]; n > 0 {
				rows = append(rows, bar(explore.FacetSegment, sg, n, 1))
			}
		}
	}
	if len(rows) == 0 {
		return chartSpec{}
	}
	const id = "chart-constituents"
	title := fmt.Sprintf(p.chartMsg("chart.counts.title"), len(res.Rows))
	return chartSpec{
		id: id,
		// The links depend on the whole state, not only on the rows.
		key:  p.chartKey(s, s.Encode(), res.Rows),
		note: fmt.Sprintf(p.chartMsg("chart.counts.note"), len(res.Rows)),
		draw: func(w int, dark bool) ([]byte, error) {
			return chart.Counts(rows, p.chartOptions(id, s.Colors, w, dark, title))
		},
	}
}

// eventsChart counts the shown events per day and kind over the report's
// period (narrowed to the view's from and to when they lie inside it), so
// that a day without events shows as a gap. Undated items are noted under
// the axis.
func (p prefs) eventsChart(t *explore.Table, res explore.Result, s explore.State, r *report.Report) chartSpec {
	first, last := "", ""
	if r != nil {
		first, last = r.Meta.Period.From, r.Meta.Period.To
	}
	if s.From != "" && s.From > first && (last == "" || s.From <= last) {
		first = s.From
	}
	if s.To != "" && s.To < last && s.To >= first {
		last = s.To
	}
	days, ids := eventDays(t, res, first, last)
	// A day's column sets from and to to that day, as typing the day in
	// both date fields would.
	var dated []string
	for i := range days {
		d := &days[i]
		if n := d.Company + d.Domestic + d.Overseas; d.Date != "" && n > 0 {
			day := s
			day.From, day.To = d.Date, d.Date
			d.Href, d.Name = viewHref(day), fmt.Sprintf(p.T("chart.link.day"), d.Date, n)
			dated = append(dated, d.Date)
		}
	}
	slices.Sort(dated) // the order the chart draws its columns in
	rows := make([]string, len(dated))
	for i, d := range dated {
		rows[i] = strings.Join(ids[d], " ")
	}
	const id = "chart-events"
	title := fmt.Sprintf(p.chartMsg("chart.events.title"), first, last)
	return chartSpec{
		id:   id,
		key:  p.chartKey(s, s.Encode(), res.Rows), // the links depend on the whole view
		rows: rows,
		note: fmt.Sprintf(p.chartMsg("chart.events.note"), len(res.Rows)),
		draw: func(w int, dark bool) ([]byte, error) {
			return chart.EventsPerDay(days, p.chartOptions(id, s.Colors, w, dark, title))
		},
	}
}

// financingsChart draws the shown financings on one US dollar axis, each
// amount converted with the exchange rate stored in the data (the report
// prints none) and labelled with its value as printed. An amount in a
// currency the rate does not cover is left out and counted in the note.
func (p prefs) financingsChart(t *explore.Table, res explore.Result, s explore.State, r *report.Report) chartSpec {
	if r == nil {
		return chartSpec{}
	}
	fx := r.Financings.FX
	var rows []chart.Amount
	var ids []string
	skipped := 0
	for _, row := range res.Rows {
		f, ok := row.Source.(report.Financing)
		usd, conv := fx.ToBase(f.Amount)
		if !ok || !conv || math.IsNaN(usd) {
			skipped++
			continue
		}
		name, _ := cell(t, row, explore.ColName)
		// A bar leads to its row in the table below, marked.
		rows = append(rows, chart.Amount{Label: name.Text, USD: usd, Note: f.Amount.AsPrinted,
			Href: viewHref(s) + "#" + row.ID})
		ids = append(ids, row.ID)
	}
	if len(rows) == 0 {
		return chartSpec{}
	}
	axis := fmt.Sprintf(p.chartMsg("chart.amounts.axis"), fx.Base, fx.Base, strconv.FormatFloat(fx.Rate, 'f', -1, 64), fx.Quote, fx.Date)
	note := fmt.Sprintf(p.chartMsg("chart.amounts.note"), len(rows), fx.Quote, fx.Date, fx.Base)
	if skipped > 0 {
		note += fmt.Sprintf(p.chartMsg("chart.amounts.skipped"), skipped, fx.Base)
	}
	const id = "chart-financings"
	title := fmt.Sprintf(p.chartMsg("chart.amounts.title"), fx.Base)
	return chartSpec{
		id:   id,
		key:  p.chartKey(s, axis+s.Encode(), res.Rows),
		note: note,
		rows: ids,
		draw: func(w int, dark bool) ([]byte, error) {
			o := p.chartOptions(id, s.Colors, w, dark, title)
			o.Labels.Axis = axis
			return chart.Amounts(rows, o)
		},
	}
}

// eventDays counts the shown events per day and kind, one entry per
// distinct day with the period's ends first, so the chart parses a date per
// day, not per row: at 10,000 events that parsing dominated a keystroke.
// ids holds the ids of each day's rows.
func eventDays(t *explore.Table, res explore.Result, first, last string) (days []chart.DayCount, ids map[string][]string) {
	byDay := make(map[string]int)
	days = make([]chart.DayCount, 0, 32)
	ids = make(map[string][]string)
	at := func(date string) *chart.DayCount {
		i, ok := byDay[date]
		if !ok {
			i = len(days)
			byDay[date] = i
			days = append(days, chart.DayCount{Date: date})
		}
		return &days[i]
	}
	for _, d := range []string{first, last} {
		if d != "" {
			at(d)
		}
	}
	for _, row := range res.Rows {
		date, _ := cell(t, row, explore.ColDate)
		kind, _ := cell(t, row, explore.ColKind)
		d := at(date.Date)
		ids[date.Date] = append(ids[date.Date], row.ID)
		switch kind.Text {
		case explore.EventCompany:
			d.Company++
		case explore.EventDomestic:
			d.Domestic++
		case explore.EventOverseas:
			d.Overseas++
		}
	}
	return days, ids
}
