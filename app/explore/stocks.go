package explore

import (
	"strconv"
	"strings"

	"github.com/airesearch/aiweekly/app/report"
)

// The values of the stocks' section facet: the parts of the report that
// can name a company, in the report's order. The mover lists are apart,
// so that "a YTD gainer and a period loser" is two sections.
const (
	SectionConstituents = "constituents"
	SectionPicks        = "picks"
	SectionEvents       = "events"
	SectionFinancings   = "financings"
)

var sections = append(keys(report.MoverLists()), SectionConstituents, SectionPicks, SectionEvents, SectionFinancings)

// mentions is where the report names one company.
type mentions struct {
	lists       map[string]bool // mover list keys
	movers      int             // entries in the mover lists
	constituent bool
	picks       int
	events      int
	financings  int
}

// sectionsOf lists the sections of m in facet order.
func (m mentions) sectionsOf() []string {
	var out []string
	for _, l := range keys(report.MoverLists()) {
		if m.lists[l] {
			out = append(out, l)
		}
	}
	for _, s := range []struct {
		key string
		in  bool
	}{{SectionConstituents, m.constituent}, {SectionPicks, m.picks > 0}, {SectionEvents, m.events > 0}, {SectionFinancings, m.financings > 0}} {
		if s.in {
			out = append(out, s.key)
		}
	}
	return out
}

// countMentions walks every section of r once, by company id.
func countMentions(r *report.Report) map[string]*mentions {
	out := make(map[string]*mentions, len(r.Companies))
	at := func(id string) *mentions {
		m, ok := out[id]
		if !ok {
			m = &mentions{lists: map[string]bool{}}
			out[id] = m
		}
		return m
	}
	for l, ms := range r.Movers.Lists() {
		for _, mv := range ms {
			m := at(mv.Company)
			m.lists[string(l)] = true
			m.movers++
		}
	}
	for _, c := range r.Constituents {
		at(c.Company).constituent = true
	}
	for _, p := range r.Picks {
		for _, s := range p.Stocks {
			at(s.Company).picks++
		}
	}
	for it := range r.Events.All() {
		for _, c := range it.Companies {
			at(c).events++
		}
	}
	for _, f := range r.Financings.Items {
		at(f.Company).financings++
	}
	return out
}

// countCell is a count that links to what it counts, when there is any.
func countCell(n int, link string) Cell {
	c := NumberCell(float64(n), strconv.Itoa(n))
	if n > 0 {
		c.Link = link
	}
	return c
}

// Stocks builds the /stocks table, the company index: one row per company
// of the report (id the company's id), with its other names, its kind, its
// chain link and sub-track where it is an index constituent, and where the
// report names it: how many sections, then a count per section, each
// linking to those mentions (its stock page's part, or the events
// filtered by it). Sorting by sections answers who the report names in
// several places.
func Stocks(r *report.Report) *Table {
	ix, counts := newIndex(r), countMentions(r)
	cols := []Column{col(ColName, Text), col(ColAliases, Text), {Key: ColKind, Label: "col." + ColKind, ValueMsg: "companykind."},
		col(ColLink, Text), col(ColSegment, Text), col(ColSections, Number), col(ColMovers, Number), col(ColPicks, Number),
		col(ColEvents, Number), col(ColFinancings, Number)}
	links, segments := chainOrder(r)
	facets := []Facet{
		{Key: FacetSection, Label: "facet." + FacetSection, ValueMsg: "section.", Values: sections},
		{Key: FacetKind, Label: "facet." + FacetKind, ValueMsg: "companykind.", Values: report.Kinds()},
		{Key: FacetLink, Label: "facet." + FacetLink, Values: links},
		{Key: FacetSegment, Label: "facet." + FacetSegment, Values: segments},
	}
	rows := make([]Row, 0, len(r.Companies))
	for _, c := range r.Companies {
		m := counts[c.ID]
		if m == nil {
			m = &mentions{}
		}
		link, seg := ix.chainFacets(c.ID)
		page := StockPath(c.Name)
		secs := m.sectionsOf()
		events := State{Route: RouteEvents}.Toggle(FacetCompany, c.Name).Href()
		rows = append(rows, Row{
			ID: c.ID,
			Cells: []Cell{
				refCell(ix.ref(c.Name, c.ID)),
				TextCell(strings.Join(c.Aliases, "、")),
				TextCell(c.Kind),
				TextCell(strings.Join(link, "")),
				TextCell(strings.Join(seg, "")),
				NumberCell(float64(len(secs)), strconv.Itoa(len(secs))),
				countCell(m.movers, page+"#movers"),
				countCell(m.picks, page+"#picks"),
				countCell(m.events, events),
				countCell(m.financings, page+"#financings"),
			},
			Facets: map[string][]string{FacetSection: secs, FacetKind: {c.Kind}, FacetLink: link, FacetSegment: seg},
			Source: c,
		})
	}
	return build(RouteStocks, cols, facets, rows)
}
