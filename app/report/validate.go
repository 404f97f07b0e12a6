package report

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Bounds of the values the loader accepts.
const (
	minReturn = -100.0 // percent: a price cannot fall by more
	maxReturn = 10000.0
	// dateSlack is how long before the covered period an event or news item
	// may be dated: the report looks back at most a year.
	dateSlack = 366 * 24 * time.Hour
	dateFmt   = "2006-01-02"
)

// idPattern is the shape of every id: lower-case ASCII words joined by
// hyphens, safe in a URL and an HTML id.
var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// validator checks a report read by reader as a whole. It reports nothing
// about a value that had a problem while reading, so that every problem is
// reported once.
type validator struct {
	r  *Report
	ps *problems

	ids   map[string]int // company id -> index, from companies read cleanly
	names map[string]int // folded name or alias -> index
	// idsOK and namesOK are false when a company's id or names could not be
	// read: references cannot then be told unknown with certainty.
	idsOK, namesOK bool

	lo, hi   time.Time // dates of events and news must fall inside
	windowOK bool
}

// validate checks r as a whole, adding to ps.
func validate(r *Report, ps *problems) {
	v := &validator{r: r, ps: ps}
	v.meta()
	v.keyPoints()
	v.indexReturns()
	v.companies()
	v.movers()
	v.constituents()
	v.events()
	v.financings()
	v.picks()
}

func (v *validator) ok(paths ...string) bool { return v.ps.ok(paths...) }

func (v *validator) add(path, format string, args ...any) { v.ps.add(path, format, args...) }

// nonEmpty reports a list read without problems but with no entries.
func (v *validator) nonEmpty(path string, n int) {
	if n == 0 && v.ok(path) {
		v.add(path, "want at least one entry")
	}
}

// date parses an ISO date, reporting one that does not parse.
func (v *validator) date(path, s string) (time.Time, bool) {
	if !v.ok(path) {
		return time.Time{}, false
	}
	t, err := time.Parse(dateFmt, s)
	if err != nil {
		v.add(path, "want a date YYYY-MM-DD, got %q", s)
		return time.Time{}, false
	}
	return t, true
}

// datedInWindow checks the date of an event, a news item or a rate: it
// parses, and falls between a year before the covered period and the
// report date.
func (v *validator) datedInWindow(path, s string) {
	t, ok := v.date(path, s)
	if !ok || !v.windowOK {
		return
	}
	if t.Before(v.lo) || t.After(v.hi) {
		v.add(path, "%s is outside %s..%s (a year before meta.period.from to meta.report_date)",
			s, v.lo.Format(dateFmt), v.hi.Format(dateFmt))
	}
}

// ret checks a return in percent.
func (v *validator) ret(path string, f float64) {
	if v.ok(path) && (f < minReturn || f > maxReturn) {
		v.add(path, "want a return from %g to %g (percent), got %g", minReturn, maxReturn, f)
	}
}

// oneOf checks s against a closed vocabulary.
func (v *validator) oneOf(path, s string, want []string) bool {
	if !v.ok(path) {
		return false
	}
	if !slices.Contains(want, s) {
		v.add(path, "want one of %s; got %q", strings.Join(want, ", "), s)
		return false
	}
	return true
}

// idSet checks that ids are well formed and unique within one collection.
type idSet struct {
	v     *validator
	first map[string]string // id -> path of the object that has it first
}

func (v *validator) idSet() *idSet { return &idSet{v: v, first: map[string]string{}} }

// check checks the id at obj+".id".
func (s *idSet) check(obj, id string) {
	path := obj + ".id"
	if !s.v.ok(path) {
		return
	}
	if !idPattern.MatchString(id) {
		s.v.add(path, "want an id of lower-case letters, digits and hyphens, got %q", id)
	}
	if at, dup := s.first[id]; dup {
		s.v.add(path, "duplicate id %q (first at %s)", id, at)
		return
	}
	s.first[id] = obj
}

// company checks a reference to a company id, and returns the company's
// index when it is known.
func (v *validator) company(path, id string) (int, bool) {
	if !v.ok(path) || !v.idsOK {
		return 0, false
	}
	i, ok := v.ids[id]
	if !ok {
		v.add(path, "unknown company id %q", id)
	}
	return i, ok
}

// printed checks that a name printed next to a reference to company i is
// one of that company's names.
func (v *validator) printed(path, name string, i int) {
	if !v.ok(path) || !v.namesOK {
		return
	}
	j, ok := v.names[fold(name)]
	switch {
	case !ok:
		v.add(path, "%q is not the name or an alias of any company", name)
	case j != i:
		v.add(path, "%q names company %q, not %q", name, v.r.Companies[j].ID, v.r.Companies[i].ID)
	}
}

// ref checks a company reference at obj+".company" with the printed name
// at obj+".name", and reports whether the company is known.
func (v *validator) ref(obj, id, name string) bool {
	i, ok := v.company(obj+".company", id)
	if ok {
		v.printed(obj+".name", name, i)
	}
	return ok
}

// companyList checks a list of company ids naming what an event is about.
func (v *validator) companyList(path string, ids []string) {
	seen := map[string]int{}
	for i, id := range ids {
		p := fmt.Sprintf("%s[%d]", path, i)
		if _, ok := v.company(p, id); !ok {
			continue
		}
		if j, dup := seen[id]; dup {
			v.add(p, "company %q is already at %s[%d]", id, path, j)
			continue
		}
		seen[id] = i
	}
}

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

// companies checks the companies and builds the maps that the reference
// checks use. A name or alias may belong to one company only, compared as
// [Report.Company] compares them.
func (v *validator) companies() {
	cs := v.r.Companies
	v.nonEmpty("companies", len(cs))
	v.ids, v.names = map[string]int{}, map[string]int{}
	v.idsOK, v.namesOK = v.ok("companies"), v.ok("companies")
	ids := v.idSet()
	owner := map[string]string{} // folded name -> path where it first appears
	for i, c := range cs {
		p := fmt.Sprintf("companies[%d]", i)
		ids.check(p, c.ID)
		if v.ok(p + ".id") {
			if _, dup := v.ids[c.ID]; !dup {
				v.ids[c.ID] = i
			}
		} else {
			v.idsOK = false
		}
		v.oneOf(p+".kind", c.Kind, kinds)

		if !v.ps.clean(p+".name") || !v.ps.clean(p+".aliases") {
			v.namesOK = false
		}
		type named struct{ path, name string }
		all := []named{{p + ".name", c.Name}}
		for j, a := range c.Aliases {
			all = append(all, named{fmt.Sprintf("%s.aliases[%d]", p, j), a})
		}
		for _, x := range all {
			q, name := x.path, x.name
			if !v.ok(q) {
				continue
			}
			key := fold(name)
			at, taken := owner[key]
			switch {
			case !taken:
				owner[key] = q
				v.names[key] = i
			case v.names[key] == i:
				v.add(q, "%q repeats %s", name, at)
			default:
				v.add(q, "%q already names company %q (%s)", name, cs[v.names[key]].ID, at)
			}
		}
	}
}

func (v *validator) movers() {
	for _, l := range moverLists {
		path := "movers." + l.jsonKey()
		ms := v.r.moverList(l)
		v.nonEmpty(path, len(ms))
		seen := map[string]int{}
		for i, m := range ms {
			p := fmt.Sprintf("%s[%d]", path, i)
			v.ret(p+".return", m.Return)
			if !v.ref(p, m.Company, m.Name) {
				continue
			}
			if j, dup := seen[m.Company]; dup {
				v.add(p+".company", "company %q is already at %s[%d]", m.Company, path, j)
				continue
			}
			seen[m.Company] = i
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
	seen := map[string]int{}
	for i, c := range v.r.Constituents {
		p := fmt.Sprintf("constituents[%d]", i)
		ids.check(p, c.ID)
		v.oneOf(p+".link", c.Link, chainLinks)
		if !v.ref(p, c.Company, c.Name) {
			continue
		}
		if j, dup := seen[c.Company]; dup {
			v.add(p+".company", "company %q is already at constituents[%d]", c.Company, j)
			continue
		}
		seen[c.Company] = i
	}
}

// events checks the company events and the news. Their ids share one
// namespace, the events page.
func (v *validator) events() {
	ev := v.r.Events
	ids := v.idSet()
	for i, e := range ev.CompanyEvents {
		p := fmt.Sprintf("events.company_events[%d]", i)
		ids.check(p, e.ID)
		v.number(p+".number", e.Number)
		v.datedInWindow(p+".date", e.Date)
		v.nonEmpty(p+".companies", len(e.Companies))
		v.companyList(p+".companies", e.Companies)
		v.nonEmpty(p+".details", len(e.Details))
	}
	news := func(key string, items []NewsItem) {
		for i, n := range items {
			p := fmt.Sprintf("events.%s[%d]", key, i)
			ids.check(p, n.ID)
			v.number(p+".number", n.Number)
			switch {
			case !v.ok(p + ".date"):
			case n.Date != "":
				v.datedInWindow(p+".date", n.Date)
			case v.ok(p+".date_as_printed") && n.DateAsPrinted == "":
				// Where the report gives no date, the item says how it
				// puts the time instead (近期), so that none is invented.
				v.add(p+".date_as_printed", "required when date is null")
			}
			v.companyList(p+".companies", n.Companies)
		}
	}
	news("domestic_news", ev.DomesticNews)
	news("overseas_news", ev.OverseasNews)
}

// number checks an item number as printed; numbers may repeat.
func (v *validator) number(path string, n int) {
	if v.ok(path) && n < 1 {
		v.add(path, "want a number from 1, got %d", n)
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
		seen := map[string]int{}
		for j, s := range pk.Stocks {
			q := fmt.Sprintf("%s.stocks[%d]", p, j)
			if !v.ref(q, s.Company, s.Name) {
				continue
			}
			if k, dup := seen[s.Company]; dup {
				v.add(q+".company", "company %q is already at %s.stocks[%d]", s.Company, p, k)
				continue
			}
			seen[s.Company] = j
		}
	}
}
