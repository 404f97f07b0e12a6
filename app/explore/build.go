package explore

import (
	"math"
	"strconv"
	"strings"

	"github.com/airesearch/aiweekly/app/report"
)

// Tables holds the five tables of one report, built once when the report
// loads; every keystroke afterwards only runs [Apply].
type Tables struct {
	Movers       *Table
	Constituents *Table
	Events       *Table
	Financings   *Table
	Picks        *Table
	Stocks       *Table
}

// BuildTables builds every table of r.
func BuildTables(r *report.Report) Tables { return BuildTablesPaused(r, nil) }

// BuildTablesPaused is [BuildTables] calling pause, unless nil, before
// each table. A caller on one thread (the browser's) passes a pause
// that lets the page handle input and paint, so that building the tables
// is several short tasks rather than one long one.
func BuildTablesPaused(r *report.Report, pause func()) Tables {
	var ts Tables
	steps := []struct {
		table **Table
		build func(*report.Report) *Table
	}{
		{&ts.Movers, Movers}, {&ts.Constituents, Constituents}, {&ts.Events, Events},
		{&ts.Financings, Financings}, {&ts.Picks, Picks}, {&ts.Stocks, Stocks},
	}
	for _, s := range steps {
		if pause != nil {
			pause()
		}
		*s.table = s.build(r)
	}
	return ts
}

// For returns the table of route, or nil for a route without one.
func (ts Tables) For(route Route) *Table {
	switch route {
	case RouteMovers:
		return ts.Movers
	case RouteConstituents:
		return ts.Constituents
	case RouteEvents:
		return ts.Events
	case RouteFinancings:
		return ts.Financings
	case RoutePicks:
		return ts.Picks
	case RouteStocks:
		return ts.Stocks
	}
	return nil
}

func col(key string, kind Kind) Column {
	return Column{Key: key, Label: "col." + key, Kind: kind}
}

// percentCol is a column of returns, in percent.
func percentCol(key string) Column {
	c := col(key, Number)
	c.Unit = "%"
	return c
}

func facet(key string) Facet {
	return Facet{Key: key, Label: "facet." + key}
}

// returnCell shows a return in percent with two decimals, as printed.
func returnCell(v float64) Cell {
	return NumberCell(v, strconv.FormatFloat(v, 'f', 2, 64))
}

func refCell(refs ...Ref) Cell {
	texts := make([]string, len(refs))
	for i, r := range refs {
		texts[i] = r.Text
	}
	return Cell{Text: strings.Join(texts, "、"), Refs: refs}
}

// keys returns the URL keys of a vocabulary of the report.
func keys[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// Movers builds the /movers table: the three top-10 lists as one table,
// one row per entry (id "ytd-gainers/1"), with the company's chain link and
// sub-track taken from its constituent record.
func Movers(r *report.Report) *Table {
	ix := newIndex(r)
	linkFacet, segFacet := chainFacetsOf(r)
	listCol := col(ColList, Text)
	listCol.ValueMsg = "list."
	cols := []Column{col(ColRank, Number), col(ColName, Text), percentCol(ColReturn),
		listCol, col(ColLink, Text), col(ColSegment, Text)}
	listFacet := facet(FacetList)
	listFacet.ValueMsg = "list."
	listFacet.Values = moverLists
	var rows []Row
	for l, ms := range r.Movers.Lists() {
		key := string(l)
		for _, m := range ms {
			link, seg := ix.chainFacets(m.Company)
			rows = append(rows, Row{
				ID: key + "/" + strconv.Itoa(m.Rank),
				Cells: []Cell{
					NumberCell(float64(m.Rank), strconv.Itoa(m.Rank)),
					refCell(ix.ref(m.Name, m.Company)),
					returnCell(m.Return),
					TextCell(key),
					TextCell(strings.Join(link, "")),
					TextCell(ix.constituents[m.Company].Segment),
				},
				Facets: map[string][]string{FacetList: {key}, FacetLink: link, FacetSegment: seg},
				Source: m,
			})
		}
	}
	return build(RouteMovers, cols, []Facet{listFacet, linkFacet, segFacet}, ix.withNames(rows))
}

// Constituents builds the /constituents table: the index's stocks with
// their period and YTD return where a mover list gives one (period from
// the period gainers or losers, YTD from the YTD gainers).
func Constituents(r *report.Report) *Table {
	ix := newIndex(r)
	linkFacet, segFacet := chainFacetsOf(r)
	period, ytd := map[string]float64{}, map[string]float64{}
	for l, ms := range r.Movers.Lists() {
		dst := period
		if l == report.YTDGainers {
			dst = ytd
		}
		for _, m := range ms {
			if _, dup := dst[m.Company]; !dup {
				dst[m.Company] = m.Return
			}
		}
	}
	ret := func(m map[string]float64, id string) Cell {
		if v, ok := m[id]; ok {
			return returnCell(v)
		}
		return MissingCell()
	}
	cols := []Column{col(ColName, Text), col(ColLink, Text), col(ColSegment, Text),
		percentCol(ColPeriod), percentCol(ColYTD)}
	rows := make([]Row, 0, len(r.Constituents))
	for _, c := range r.Constituents {
		link, seg := ix.chainFacets(c.Company)
		rows = append(rows, Row{
			ID: c.ID,
			Cells: []Cell{
				refCell(ix.ref(c.Name, c.Company)),
				TextCell(c.Link),
				TextCell(c.Segment),
				ret(period, c.Company),
				ret(ytd, c.Company),
			},
			Facets: map[string][]string{FacetLink: link, FacetSegment: seg},
			Source: c,
		})
	}
	return build(RouteConstituents, cols, []Facet{linkFacet, segFacet}, ix.withNames(rows))
}

// Events builds the /events table: the company events, then the domestic
// and the overseas news, in report order. An undated item shows its date
// as printed (近期). The page shows each item's body under its title (a
// company event's details and the analysts' view, a news item's text), so
// search matches the body too; export leaves it out.
func Events(r *report.Report) *Table {
	ix := newIndex(r)
	kindCol := col(ColKind, Text)
	kindCol.ValueMsg = "kind."
	companiesCol := col(ColCompanies, Text)
	companiesCol.List = true
	cols := []Column{col(ColDate, Date), kindCol, col(ColTitle, Text), companiesCol, col(ColSource, Text)}
	kindFacet := facet(FacetKind)
	kindFacet.ValueMsg = "kind."
	kindFacet.Values = specs[RouteEvents].facets[0].enum
	named := map[string]bool{}
	var rows []Row
	add := func(it report.Item) {
		id, kind, date, printed, companies := it.ID, string(it.Kind), it.Date, it.DateAsPrinted, it.Companies
		refs := make([]Ref, len(companies))
		names := make([]string, len(companies))
		for i, c := range companies {
			refs[i] = ix.ref("", c)
			names[i] = refs[i].Name
			named[c] = true
		}
		text := printed
		if date != "" {
			text = date
		}
		rows = append(rows, Row{
			ID:     id,
			Cells:  []Cell{DateCell(date, text), TextCell(kind), TextCell(it.Title), refCell(refs...), TextCell(it.Source)},
			Facets: map[string][]string{FacetKind: {kind}, FacetCompany: names},
			more:   it.Body(),
			Source: it,
			Extra:  eventExtra(it),
		})
	}
	for it := range r.Events.All() {
		add(it)
	}
	companyFacet := facet(FacetCompany)
	for _, c := range r.Companies { // report order of the companies
		if named[c.ID] {
			companyFacet.Values = append(companyFacet.Values, c.Name)
		}
	}
	companyFacet.Aliases = ix.aliases(r, companyFacet.Values)
	t := build(RouteEvents, cols, []Facet{kindFacet, companyFacet}, ix.withNames(rows))
	t.Exports = []Column{col(ColDateAsPrinted, Text), col(ColText, Text), col(ColView, Text)}
	return t
}

// eventExtra is what an events export adds to the columns: the date as
// printed, the text under the title (a company event's details, a news
// item's text) and the analysts' view (company events only), paragraphs
// joined by newlines.
func eventExtra(it report.Item) []Cell {
	var text, view string
	switch {
	case it.Event != nil:
		text, view = strings.Join(it.Event.Details, "\n"), strings.Join(it.Event.Views, "\n")
	case it.News != nil:
		text = it.News.Text
	}
	return []Cell{TextCell(it.DateAsPrinted), TextCell(text), TextCell(view)}
}

// Financings builds the /financings table. The amount shows as printed and
// exports in its own currency; it sorts by its value in the base currency
// of the report's exchange rate (US dollars), so 3000万人民币 sorts between
// 2560万美元 and 300万美元. An amount in a third currency sorts last.
func Financings(r *report.Report) *Table {
	ix := newIndex(r)
	fx := r.Financings.FX
	cols := []Column{col(ColName, Text), col(ColAmount, Number), col(ColCurrency, Text),
		col(ColBusiness, Text), col(ColHighlights, Text)}
	rows := make([]Row, 0, len(r.Financings.Items))
	for _, f := range r.Financings.Items {
		amount := NumberCell(f.Amount.Value, f.Amount.AsPrinted)
		if v, ok := fx.ToBase(f.Amount); ok {
			amount.Key = v
		} else {
			amount.Key = math.NaN()
		}
		usd := MissingCell()
		if v, ok := toUSD(fx, f.Amount); ok {
			v = math.Round(v*100) / 100 // to the cent
			usd = NumberCell(v, strconv.FormatFloat(v, 'f', 2, 64))
		}
		rows = append(rows, Row{
			ID:    f.ID,
			Extra: []Cell{TextCell(f.Amount.AsPrinted), usd},
			Cells: []Cell{
				refCell(ix.ref(f.Name, f.Company)),
				amount,
				TextCell(f.Amount.Currency),
				TextCell(f.Business),
				TextCell(f.Highlights),
			},
			Facets: map[string][]string{FacetCurrency: {f.Amount.Currency}},
			Source: f,
		})
	}
	t := build(RouteFinancings, cols, []Facet{facet(FacetCurrency)}, ix.withNames(rows))
	usd := col(ColAmountUSD, Number)
	usd.Unit = "USD"
	t.Exports = []Column{col(ColAmountAsPrinted, Text), usd}
	return t
}

// toUSD converts m into US dollars at the report's stored rate, whichever
// side of the rate the dollar is on; false when it cannot.
func toUSD(fx report.FX, m report.Money) (float64, bool) {
	v, ok := fx.ToBase(m)
	switch {
	case !ok:
		return 0, false
	case fx.Base == "USD":
		return v, true
	case fx.Quote == "USD":
		return v * fx.Rate, true
	}
	return 0, false
}

// Picks builds the /picks table: one row per (vertical, stock), id
// "p-1/2" for the second stock of pick p-1.
func Picks(r *report.Report) *Table {
	ix := newIndex(r)
	cols := []Column{col(ColLayer, Text), col(ColVertical, Text), col(ColName, Text)}
	layer := facet(FacetLayer)
	layer.Single = true
	var rows []Row
	for _, p := range r.Picks {
		for i, s := range p.Stocks {
			rows = append(rows, Row{
				ID:     p.ID + "/" + strconv.Itoa(i+1),
				Cells:  []Cell{TextCell(p.Layer), TextCell(p.Vertical), refCell(ix.ref(s.Name, s.Company))},
				Facets: map[string][]string{FacetLayer: {p.Layer}, FacetVertical: {p.Vertical}},
				Source: s,
			})
		}
	}
	return build(RoutePicks, cols, []Facet{layer, facet(FacetVertical)}, ix.withNames(rows))
}
