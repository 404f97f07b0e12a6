package report

import (
	"fmt"
	"net/url"
	"strings"
)

// The checks below follow data/report.json section by section.

func (v *validator) meta() {
	r := v.r
	if v.ok("schema_version") && r.SchemaVersion != 1 {
		v.add("schema_version", "want 1, got %d", r.SchemaVersion)
	}
	m := r.Meta
	if v.ok("meta.analyst.email") {
		local, domain, ok := strings.Cut(m.Analyst.Email, "@")
		if !ok || local == "" || !strings.Contains(domain, ".") || strings.ContainsAny(m.Analyst.Email, " \t") {
			v.add("meta.analyst.email", "want an email address, got %q", m.Analyst.Email)
		}
	}
	if v.ok("meta.source.url") {
		u, err := url.Parse(m.Source.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			v.add("meta.source.url", "want an http or https URL, got %q", m.Source.URL)
		}
	}

	report, rOK := v.date("meta.report_date", m.ReportDate)
	from, fOK := v.date("meta.period.from", m.Period.From)
	to, tOK := v.date("meta.period.to", m.Period.To)
	if fOK && tOK && to.Before(from) {
		v.add("meta.period.to", "%s is before meta.period.from %s", m.Period.To, m.Period.From)
	}
	if tOK && rOK && to.After(report) {
		v.add("meta.period.to", "%s is after meta.report_date %s", m.Period.To, m.ReportDate)
	}
	if fOK && rOK && !from.After(report) {
		v.lo, v.hi, v.windowOK = from.Add(-dateSlack), report, true
	}

	levels := "meta.rating_scale.levels"
	v.nonEmpty(levels, len(m.RatingScale.Levels))
	ratings := map[string]int{}
	for i, l := range m.RatingScale.Levels {
		p := fmt.Sprintf("%s[%d]", levels, i)
		if v.ok(p + ".rating") {
			if j, dup := ratings[l.Rating]; dup {
				v.add(p+".rating", "duplicate rating %q (first at %s[%d])", l.Rating, levels, j)
			} else {
				ratings[l.Rating] = i
			}
		}
		if l.MinExcess != nil && l.MaxExcess != nil && v.ok(p+".min_excess", p+".max_excess") &&
			*l.MinExcess > *l.MaxExcess {
			v.add(p+".min_excess", "%g is above max_excess %g", *l.MinExcess, *l.MaxExcess)
		}
	}
	if v.ok("meta.rating") && v.ps.clean(levels) && len(ratings) > 0 {
		if _, ok := ratings[m.Rating]; !ok {
			names := make([]string, 0, len(m.RatingScale.Levels))
			for _, l := range m.RatingScale.Levels {
				names = append(names, l.Rating)
			}
			v.add("meta.rating", "%q is not one of the rating scale's ratings (%s)", m.Rating, strings.Join(names, ", "))
		}
	}

	v.nonEmpty("meta.risks", len(m.Risks))
	ids := v.idSet()
	for i, x := range m.Risks {
		ids.check(fmt.Sprintf("meta.risks[%d]", i), x.ID)
	}
}

func (v *validator) keyPoints() {
	v.nonEmpty("key_points", len(v.r.KeyPoints))
	ids := v.idSet()
	for i, k := range v.r.KeyPoints {
		ids.check(fmt.Sprintf("key_points[%d]", i), k.ID)
	}
}

func (v *validator) indexReturns() {
	ir := v.r.IndexReturns
	v.nonEmpty("index_returns.series", len(ir.Series))
	ids := v.idSet()
	for i, s := range ir.Series {
		p := fmt.Sprintf("index_returns.series[%d]", i)
		ids.check(p, s.ID)
		v.ret(p+".period_return", s.PeriodReturn)
		v.ret(p+".ytd_return", s.YTDReturn)
	}
	// An excess is the difference of two returns.
	if lo, hi := minReturn-maxReturn, maxReturn-minReturn; v.ok("index_returns.ytd_excess") &&
		(ir.YTDExcess < lo || ir.YTDExcess > hi) {
		v.add("index_returns.ytd_excess", "want an excess from %g to %g (percentage points), got %g", lo, hi, ir.YTDExcess)
	}
}

func (v *validator) movers() {
	for l, ms := range v.r.Movers.Lists() {
		path := "movers." + l.jsonKey()
		v.nonEmpty(path, len(ms))
		refs := v.refSet(path)
		for i, m := range ms {
			p := fmt.Sprintf("%s[%d]", path, i)
			v.ret(p+".return", m.Return)
			refs.check(i, p, m.Company, m.Name)
		}
		v.ranks(path, ms, l == PeriodLosers)
	}
}

// ranks checks that the ranks of a list run from 1 to its length, each
// once, and that the returns follow the ranks: gainers from the highest
// down, losers from the lowest up.
func (v *validator) ranks(path string, ms []Mover, losers bool) {
	byRank := make([]int, len(ms)+1) // rank -> index+1
	valid := true
	for i, m := range ms {
		p := fmt.Sprintf("%s[%d].rank", path, i)
		if !v.ok(p) {
			return // a missing rank would show up again as a gap
		}
		switch {
		case m.Rank < 1 || m.Rank > len(ms):
			v.add(p, "want a rank from 1 to %d, got %d", len(ms), m.Rank)
			valid = false
		case byRank[m.Rank] != 0:
			v.add(p, "duplicate rank %d (first at %s[%d])", m.Rank, path, byRank[m.Rank]-1)
			valid = false
		default:
			byRank[m.Rank] = i + 1
		}
	}
	for rank := 1; rank <= len(ms); rank++ {
		if byRank[rank] == 0 {
			v.add(path, "rank %d is missing: ranks run from 1 to %d", rank, len(ms))
			valid = false
		}
	}
	if !valid {
		return
	}
	for rank := 2; rank <= len(ms); rank++ {
		i, j := byRank[rank-1]-1, byRank[rank]-1
		a, b := ms[i], ms[j]
		pa, pb := fmt.Sprintf("%s[%d].return", path, i), fmt.Sprintf("%s[%d].return", path, j)
		if !v.ok(pa, pb) {
			continue
		}
		switch {
		case !losers && b.Return > a.Return:
			v.add(pb, "%g at rank %d is above %g at rank %d: gainers run from the highest return down", b.Return, rank, a.Return, rank-1)
		case losers && b.Return < a.Return:
			v.add(pb, "%g at rank %d is below %g at rank %d: losers run from the lowest return up", b.Return, rank, a.Return, rank-1)
		}
	}
}

func (v *validator) constituents() {
	v.nonEmpty("constituents", len(v.r.Constituents))
	ids := v.idSet()
	refs := v.refSet("constituents")
	for i, c := range v.r.Constituents {
		p := fmt.Sprintf("constituents[%d]", i)
		ids.check(p, c.ID)
		v.oneOf(p+".link", c.Link, chainLinks)
		refs.check(i, p, c.Company, c.Name)
	}
}

// events checks the company events and the news. Their ids share one
// namespace, the events page.
func (v *validator) events() {
	ids := v.idSet()
	for kind, items := range v.r.Events.Kinds() {
		for i, it := range items {
			p := fmt.Sprintf("events.%s[%d]", kind.jsonKey(), i)
			ids.check(p, it.ID)
			v.number(p+".number", it.Number)
			switch {
			case !v.ok(p + ".date"):
			case it.Date != "":
				v.datedInWindow(p+".date", it.Date)
			case v.ok(p+".date_as_printed") && it.DateAsPrinted == "":
				// Where the report gives no date, the item says how it
				// puts the time instead (近期), so that none is invented.
				v.add(p+".date_as_printed", "required when date is null")
			}
			v.companyList(p+".companies", it.Companies)
			if kind == EventCompany { // news may name no company
				v.nonEmpty(p+".companies", len(it.Companies))
				v.nonEmpty(p+".details", len(it.Event.Details))
			}
		}
	}
}

func (v *validator) financings() {
	fx := v.r.Financings.FX
	baseOK := v.oneOf("financings.fx.base", fx.Base, currencies)
	quoteOK := v.oneOf("financings.fx.quote", fx.Quote, currencies)
	if baseOK && quoteOK && fx.Base == fx.Quote {
		v.add("financings.fx.quote", "%q is also the base currency", fx.Quote)
	}
	if v.ok("financings.fx.rate") && fx.Rate <= 0 {
		v.add("financings.fx.rate", "want a rate above 0, got %g", fx.Rate)
	}
	v.datedInWindow("financings.fx.date", fx.Date)

	ids := v.idSet()
	for i, f := range v.r.Financings.Items {
		p := fmt.Sprintf("financings.items[%d]", i)
		ids.check(p, f.ID)
		v.ref(p, f.Company, f.Name)
		if v.ok(p+".amount.value") && f.Amount.Value <= 0 {
			v.add(p+".amount.value", "want an amount above 0, got %g", f.Amount.Value)
		}
		cur := p + ".amount.currency"
		if v.oneOf(cur, f.Amount.Currency, currencies) && baseOK && quoteOK &&
			f.Amount.Currency != fx.Base && f.Amount.Currency != fx.Quote {
			v.add(cur, "%q is neither financings.fx.base %q nor financings.fx.quote %q, so it cannot be compared",
				f.Amount.Currency, fx.Base, fx.Quote)
		}
	}
}

func (v *validator) picks() {
	v.nonEmpty("picks", len(v.r.Picks))
	ids := v.idSet()
	verticals := map[[2]string]int{}
	for i, pk := range v.r.Picks {
		p := fmt.Sprintf("picks[%d]", i)
		ids.check(p, pk.ID)
		if v.oneOf(p+".layer", pk.Layer, layers) && v.ok(p+".vertical") {
			k := [2]string{pk.Layer, pk.Vertical}
			if j, dup := verticals[k]; dup {
				v.add(p+".vertical", "%s %q is already at picks[%d]", pk.Layer, pk.Vertical, j)
			} else {
				verticals[k] = i
			}
		}
		v.nonEmpty(p+".stocks", len(pk.Stocks))
		refs := v.refSet(p + ".stocks")
		for j, s := range pk.Stocks {
			refs.check(j, fmt.Sprintf("%s.stocks[%d]", p, j), s.Company, s.Name)
		}
	}
}
