package explore

import (
	"slices"

	"github.com/airesearch/aiweekly/app/report"
)

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

// names returns the name and every alias of company id.
func (ix index) names(id string) []string {
	c, ok := ix.companies[id]
	if !ok {
		return nil
	}
	return append([]string{c.Name}, c.Aliases...)
}

// withNames gives each row every name and alias of the companies its cells
// name, so that q finds a row by any of them: /picks prints 360, and
// q=三六零 finds it.
func (ix index) withNames(rows []Row) []Row {
	for ri := range rows {
		r := &rows[ri]
		for _, c := range r.Cells {
			for _, ref := range c.Refs {
				r.names = append(r.names, ix.names(ref.ID)...)
			}
		}
	}
	return rows
}

// aliases maps every alias and the id of each company listed by name in
// values to that name, for a facet of company names.
func (ix index) aliases(r *report.Report, values []string) map[string]string {
	m := map[string]string{}
	for _, c := range r.Companies {
		if slices.Contains(values, c.Name) {
			m[c.ID] = c.Name
			for _, a := range c.Aliases {
				m[a] = c.Name
			}
		}
	}
	return m
}

// NoSegment is the segment facet's value for the constituents the report
// gives no sub-track (those of AI工具 and AI应用), so that they can be
// picked out: segment=未细分. Their segment cell stays empty.
const NoSegment = "未细分"

// chainFacets returns the link and segment facet values of company id: none
// when it is no constituent, and NoSegment where the report gives no
// segment.
func (ix index) chainFacets(id string) (link, segment []string) {
	c, ok := ix.constituents[id]
	if !ok {
		return nil, nil
	}
	if c.Link != "" {
		link = []string{c.Link}
	}
	segment = []string{NoSegment}
	if c.Segment != "" {
		segment = []string{c.Segment}
	}
	return link, segment
}

// chainFacetsOf returns the link and segment facets of the movers and
// constituents tables: the chain's links and segments in the report's
// order, NoSegment last.
func chainFacetsOf(r *report.Report) (link, segment Facet) {
	links, segments := chainOrder(r)
	link, segment = facet(FacetLink), facet(FacetSegment)
	link.Values, segment.Values = links, append(segments, NoSegment)
	segment.None = NoSegment
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
