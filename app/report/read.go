package report

// The readers below follow data/report.json section by section. Each takes
// the node of its value and returns the typed value, recording a problem
// for every key that is missing, unknown or of the wrong type.

// report reads the whole document. It returns nil when the document is not
// an object, when there is nothing left to validate.
func (rd reader) report(n node) *Report {
	f, ok := rd.object(n, "$schema", "schema_version", "meta", "units", "key_points",
		"index_returns", "companies", "movers", "constituents", "events", "financings", "picks")
	if !ok {
		return nil
	}
	rd.optStr(f.get("$schema"))
	// Read in the order of the file, so that problems of equal position
	// (missing keys) come out in that order too.
	r := &Report{
		SchemaVersion: rd.integer(f.get("schema_version")),
		Meta:          rd.meta(f.get("meta")),
		Units:         rd.units(f.get("units")),
	}
	for _, e := range rd.list(f.get("key_points")) {
		r.KeyPoints = append(r.KeyPoints, rd.keyPoint(e))
	}
	r.IndexReturns = rd.indexReturns(f.get("index_returns"))
	for _, e := range rd.list(f.get("companies")) {
		r.Companies = append(r.Companies, rd.company(e))
	}
	r.Movers = rd.movers(f.get("movers"))
	for _, e := range rd.list(f.get("constituents")) {
		r.Constituents = append(r.Constituents, rd.constituent(e))
	}
	r.Events = rd.events(f.get("events"))
	r.Financings = rd.financings(f.get("financings"))
	for _, e := range rd.list(f.get("picks")) {
		r.Picks = append(r.Picks, rd.pick(e))
	}
	return r
}

func (rd reader) meta(n node) Meta {
	f, ok := rd.object(n, "title", "broker", "broker_full", "institute", "analyst",
		"report_date", "period", "rating", "rating_scale", "risks", "disclaimer", "source")
	if !ok {
		return Meta{}
	}
	m := Meta{
		Title:       rd.str(f.get("title")),
		Broker:      rd.str(f.get("broker")),
		BrokerFull:  rd.str(f.get("broker_full")),
		Institute:   rd.str(f.get("institute")),
		Analyst:     rd.analyst(f.get("analyst")),
		ReportDate:  rd.str(f.get("report_date")),
		Period:      rd.period(f.get("period")),
		Rating:      rd.str(f.get("rating")),
		RatingScale: rd.ratingScale(f.get("rating_scale")),
	}
	for _, e := range rd.list(f.get("risks")) {
		var x Risk
		if g, ok := rd.object(e, "id", "text"); ok {
			x = Risk{ID: rd.str(g.get("id")), Text: rd.str(g.get("text"))}
		}
		m.Risks = append(m.Risks, x)
	}
	m.Disclaimer = rd.str(f.get("disclaimer"))
	m.Source = rd.source(f.get("source"))
	return m
}

func (rd reader) analyst(n node) Analyst {
	f, ok := rd.object(n, "name", "email", "certificate")
	if !ok {
		return Analyst{}
	}
	return Analyst{
		Name:        rd.str(f.get("name")),
		Email:       rd.str(f.get("email")),
		Certificate: rd.str(f.get("certificate")),
	}
}

func (rd reader) period(n node) Period {
	f, ok := rd.object(n, "from", "to", "as_printed")
	if !ok {
		return Period{}
	}
	return Period{
		From:      rd.str(f.get("from")),
		To:        rd.str(f.get("to")),
		AsPrinted: rd.str(f.get("as_printed")),
	}
}

func (rd reader) ratingScale(n node) RatingScale {
	f, ok := rd.object(n, "basis", "levels", "notes")
	if !ok {
		return RatingScale{}
	}
	s := RatingScale{Basis: rd.str(f.get("basis")), Notes: rd.strs(f.get("notes"))}
	for _, e := range rd.list(f.get("levels")) {
		var l RatingLevel
		if g, ok := rd.object(e, "rating", "text", "min_excess", "max_excess"); ok {
			l = RatingLevel{
				Rating:    rd.str(g.get("rating")),
				Text:      rd.str(g.get("text")),
				MinExcess: rd.nullNum(g.get("min_excess")),
				MaxExcess: rd.nullNum(g.get("max_excess")),
			}
		}
		s.Levels = append(s.Levels, l)
	}
	return s
}

func (rd reader) source(n node) Source {
	f, ok := rd.object(n, "document", "publisher", "url", "license_no")
	if !ok {
		return Source{}
	}
	return Source{
		Document:  rd.str(f.get("document")),
		Publisher: rd.str(f.get("publisher")),
		URL:       rd.str(f.get("url")),
		LicenseNo: rd.str(f.get("license_no")),
	}
}

func (rd reader) units(n node) Units {
	f, ok := rd.object(n, "return", "excess", "amount")
	if !ok {
		return Units{}
	}
	return Units{
		Return: rd.str(f.get("return")),
		Excess: rd.str(f.get("excess")),
		Amount: rd.str(f.get("amount")),
	}
}

func (rd reader) keyPoint(n node) KeyPoint {
	f, ok := rd.object(n, "id", "title", "text")
	if !ok {
		return KeyPoint{}
	}
	return KeyPoint{ID: rd.str(f.get("id")), Title: rd.str(f.get("title")), Text: rd.str(f.get("text"))}
}

func (rd reader) indexReturns(n node) IndexReturns {
	f, ok := rd.object(n, "section_title", "commentary", "series", "ytd_excess")
	if !ok {
		return IndexReturns{}
	}
	ir := IndexReturns{
		SectionTitle: rd.str(f.get("section_title")),
		Commentary:   rd.str(f.get("commentary")),
		YTDExcess:    rd.num(f.get("ytd_excess")),
	}
	for _, e := range rd.list(f.get("series")) {
		var s IndexSeries
		if g, ok := rd.object(e, "id", "name", "period_return", "ytd_return"); ok {
			s = IndexSeries{
				ID:           rd.str(g.get("id")),
				Name:         rd.str(g.get("name")),
				PeriodReturn: rd.num(g.get("period_return")),
				YTDReturn:    rd.num(g.get("ytd_return")),
			}
		}
		ir.Series = append(ir.Series, s)
	}
	return ir
}

func (rd reader) company(n node) Company {
	f, ok := rd.object(n, "id", "name", "aliases", "kind", "note")
	if !ok {
		return Company{}
	}
	return Company{
		ID:      rd.str(f.get("id")),
		Name:    rd.str(f.get("name")),
		Aliases: rd.strs(f.get("aliases")),
		Kind:    rd.str(f.get("kind")),
		Note:    rd.optStr(f.get("note")),
	}
}

func (rd reader) movers(n node) Movers {
	f, ok := rd.object(n, "period_gainers", "ytd_gainers", "period_losers")
	if !ok {
		return Movers{}
	}
	list := func(key string) []Mover {
		var out []Mover
		for _, e := range rd.list(f.get(key)) {
			var m Mover
			if g, ok := rd.object(e, "rank", "name", "company", "return"); ok {
				m = Mover{
					Rank:    rd.integer(g.get("rank")),
					Name:    rd.str(g.get("name")),
					Company: rd.str(g.get("company")),
					Return:  rd.num(g.get("return")),
				}
			}
			out = append(out, m)
		}
		return out
	}
	return Movers{
		PeriodGainers: list(PeriodGainers.jsonKey()),
		YTDGainers:    list(YTDGainers.jsonKey()),
		PeriodLosers:  list(PeriodLosers.jsonKey()),
	}
}

func (rd reader) constituent(n node) Constituent {
	f, ok := rd.object(n, "id", "company", "name", "link", "segment")
	if !ok {
		return Constituent{}
	}
	return Constituent{
		ID:      rd.str(f.get("id")),
		Company: rd.str(f.get("company")),
		Name:    rd.str(f.get("name")),
		Link:    rd.str(f.get("link")),
		Segment: rd.nullStr(f.get("segment")),
	}
}

func (rd reader) events(n node) Events {
	f, ok := rd.object(n, "company_events", "domestic_news", "overseas_news")
	if !ok {
		return Events{}
	}
	var ev Events
	for _, e := range rd.list(f.get("company_events")) {
		ev.CompanyEvents = append(ev.CompanyEvents, rd.companyEvent(e))
	}
	for _, e := range rd.list(f.get("domestic_news")) {
		ev.DomesticNews = append(ev.DomesticNews, rd.newsItem(e))
	}
	for _, e := range rd.list(f.get("overseas_news")) {
		ev.OverseasNews = append(ev.OverseasNews, rd.newsItem(e))
	}
	return ev
}

func (rd reader) companyEvent(n node) CompanyEvent {
	f, ok := rd.object(n, "id", "number", "date", "date_as_printed", "title", "companies", "details", "views")
	if !ok {
		return CompanyEvent{}
	}
	return CompanyEvent{
		ID:            rd.str(f.get("id")),
		Number:        rd.integer(f.get("number")),
		Date:          rd.str(f.get("date")),
		DateAsPrinted: rd.optStr(f.get("date_as_printed")),
		Title:         rd.str(f.get("title")),
		Companies:     rd.strs(f.get("companies")),
		Details:       rd.strs(f.get("details")),
		Views:         rd.strs(f.get("views")),
	}
}

func (rd reader) newsItem(n node) NewsItem {
	f, ok := rd.object(n, "id", "number", "date", "date_as_printed", "title", "text", "source", "companies")
	if !ok {
		return NewsItem{}
	}
	return NewsItem{
		ID:            rd.str(f.get("id")),
		Number:        rd.integer(f.get("number")),
		Date:          rd.nullStr(f.get("date")),
		DateAsPrinted: rd.optStr(f.get("date_as_printed")),
		Title:         rd.str(f.get("title")),
		Text:          rd.str(f.get("text")),
		Source:        rd.str(f.get("source")),
		Companies:     rd.strs(f.get("companies")),
	}
}

func (rd reader) financings(n node) Financings {
	f, ok := rd.object(n, "fx", "items")
	if !ok {
		return Financings{}
	}
	var fs Financings
	if g, ok := rd.object(f.get("fx"), "base", "quote", "rate", "date", "source"); ok {
		fs.FX = FX{
			Base:   rd.str(g.get("base")),
			Quote:  rd.str(g.get("quote")),
			Rate:   rd.num(g.get("rate")),
			Date:   rd.str(g.get("date")),
			Source: rd.str(g.get("source")),
		}
	}
	for _, e := range rd.list(f.get("items")) {
		var it Financing
		if g, ok := rd.object(e, "id", "company", "name", "amount", "business", "highlights"); ok {
			it = Financing{
				ID:         rd.str(g.get("id")),
				Company:    rd.str(g.get("company")),
				Name:       rd.str(g.get("name")),
				Amount:     rd.money(g.get("amount")),
				Business:   rd.str(g.get("business")),
				Highlights: rd.str(g.get("highlights")),
			}
		}
		fs.Items = append(fs.Items, it)
	}
	return fs
}

func (rd reader) money(n node) Money {
	f, ok := rd.object(n, "value", "currency", "as_printed")
	if !ok {
		return Money{}
	}
	return Money{
		Value:     rd.num(f.get("value")),
		Currency:  rd.str(f.get("currency")),
		AsPrinted: rd.str(f.get("as_printed")),
	}
}

func (rd reader) pick(n node) Pick {
	f, ok := rd.object(n, "id", "layer", "vertical", "stocks")
	if !ok {
		return Pick{}
	}
	p := Pick{
		ID:       rd.str(f.get("id")),
		Layer:    rd.str(f.get("layer")),
		Vertical: rd.str(f.get("vertical")),
	}
	for _, e := range rd.list(f.get("stocks")) {
		var s PickStock
		if g, ok := rd.object(e, "name", "company"); ok {
			s = PickStock{Name: rd.str(g.get("name")), Company: rd.str(g.get("company"))}
		}
		p.Stocks = append(p.Stocks, s)
	}
	return p
}
