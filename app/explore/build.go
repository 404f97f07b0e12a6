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
func BuildTables(r *report.Report) Tables {
	return Tables{
		Movers:       Movers(r),
		Constituents: Constituents(r),
		Events:       Events(r),
		Financings:   Financings(r),
		Picks:        Picks(r),
		Stocks:       Stocks(r),
	}
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

// index holds the lookups the builders share. It is built from the
// report's slices directly so the builders depend on the model only.
type index struct {
	companies    map[string]report.Company     // by id
	constituents map[string]report.Constituent // by company id
}

func newIndex(r *report.Report) index {
	ix := index{companies: map[string]report.Company{}, constituents: map[string]report.Constituent{}}
	for _, c := range r.Companies {
		ix.companies[c.ID] = c
	}
	for _, c := range r.Constituents {
		if _, dup := ix.constituents[c.Company]; !dup {
			ix.constituents[c.Company] = c
		}
	}
	return ix
}

// ref returns the link to company id, shown as printed.
func (ix index) ref(printed, id string) Ref {
	name := printed
	if c, ok := ix.companies[id]; ok {
		name = c.Name
	}
	if printed == "" {
		printed = name
	}
	return Ref{Text: printed, ID: id, Name: name}
}

// chainFacets returns the link and segment facet values of company id: none
// when it is no constituent, and no segment where the report gives none.
func (ix index) chainFacets(id string) (link, segment []string) {
	c, ok := ix.constituents[id]
	if !ok {
		return nil, nil
	}
	if c.Link != "" {
		link = []string{c.Link}
	}
	if c.Segment != "" {
		segment = []string{c.Segment}
	}
	return link, segment
}

// chainOrder returns the links and segments in the order the constituents
// table first prints them.
func chainOrder(r *report.Report) (links, segments []string) {
	seenL, seenS := map[string]bool{}, map[string]bool{}
	for _, c := range r.Constituents {
		if c.Link != "" && !seenL[c.Link] {
			seenL[c.Link] = true
			links = append(links, c.Link)
		}
		if c.Segment != "" && !seenS[c.Segment] {
			seenS[c.Segment] = true
			segments = append(segments, c.Segment)
		}
	}
	return links, segments
}

func col(key string, kind Kind) Column {
	return Column{Key: key, Label: "col." + key, Kind: kind}
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
	links, segments := chainOrder(r)
	listCol := col(ColList, Text)
	listCol.ValueMsg = "list."
	cols := []Column{col(ColRank, Number), col(ColName, Text), col(ColReturn, Number),
		listCol, col(ColLink, Text), col(ColSegment, Text)}
	listFacet := facet(FacetList)
	listFacet.ValueMsg = "list."
	listFacet.Values = moverLists
	linkFacet, segFacet := facet(FacetLink), facet(FacetSegment)
	linkFacet.Values, segFacet.Values = links, segments
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
					TextCell(strings.Join(seg, "")),
				},
				Facets: map[string][]string{FacetList: {key}, FacetLink: link, FacetSegment: seg},
				Source: m,
			})
		}
	}
	return build(RouteMovers, cols, []Facet{listFacet, linkFacet, segFacet}, rows)
}

// Constituents builds the /constituents table: the index's stocks with
// their period and YTD return where a mover list gives one (period from
// the period gainers or losers, YTD from the YTD gainers).
func Constituents(r *report.Report) *Table {
	ix := newIndex(r)
	links, segments := chainOrder(r)
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
		col(ColPeriod, Number), col(ColYTD, Number)}
	linkFacet, segFacet := facet(FacetLink), facet(FacetSegment)
	linkFacet.Values, segFacet.Values = links, segments
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
	return build(RouteConstituents, cols, []Facet{linkFacet, segFacet}, rows)
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
	cols := []Column{col(ColDate, Date), kindCol, col(ColTitle, Text), col(ColCompanies, Text), col(ColSource, Text)}
	kindFacet := facet(FacetKind)
	kindFacet.ValueMsg = "kind."
	kindFacet.Values = specs[RouteEvents].facets[0].enum
	named := map[string]bool{}
	var rows []Row
	add := func(src any, id, kind, date, printed, title, source string, companies []string, body ...string) {
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
			Cells:  []Cell{DateCell(date, text), TextCell(kind), TextCell(title), refCell(refs...), TextCell(source)},
			Facets: map[string][]string{FacetKind: {kind}, FacetCompany: names},
			more:   body,
			Source: src,
		})
	}
	for it := range r.Events.All() {
		add(it, it.ID, string(it.Kind), it.Date, it.DateAsPrinted, it.Title, it.Source, it.Companies, it.Body()...)
	}
	companyFacet := facet(FacetCompany)
	for _, c := range r.Companies { // report order of the companies
		if named[c.ID] {
			companyFacet.Values = append(companyFacet.Values, c.Name)
		}
	}
	return build(RouteEvents, cols, []Facet{kindFacet, companyFacet}, rows)
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
		rows = append(rows, Row{
			ID: f.ID,
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
	return build(RouteFinancings, cols, []Facet{facet(FacetCurrency)}, rows)
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
	return build(RoutePicks, cols, []Facet{layer, facet(FacetVertical)}, rows)
}
