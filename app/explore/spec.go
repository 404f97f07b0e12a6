package explore

import (
	"slices"

	"github.com/airesearch/aiweekly/app/report"
)

// Route names one page of the app by its path. The five table routes have
// their own parameters; every other route (/, /index, /stocks/{name}, ...)
// takes only colors.
type Route string

// The routes that show a table.
const (
	RouteMovers       Route = "/movers"
	RouteConstituents Route = "/constituents"
	RouteEvents       Route = "/events"
	RouteFinancings   Route = "/financings"
	RoutePicks        Route = "/picks"
	RouteStocks       Route = "/stocks" // the company index; /stocks/{name} is one company
	RouteSearch       Route = "/search" // the search across every table: q only, no table of its own
)

// TableRoutes lists the routes that show a table, in navigation order.
// app/ui's route table declares the pages; its TestRouteTable checks that
// its explorer views are exactly these, in this order.
var TableRoutes = []Route{RouteMovers, RouteConstituents, RouteEvents, RouteFinancings, RoutePicks, RouteStocks}

// Names of the query parameters that are not facets.
const (
	ParamColors = "colors"
	ParamQ      = "q"
	ParamSort   = "sort"
	ParamFrom   = "from"
	ParamTo     = "to"
)

// Facet keys. Each is also the name of its query parameter.
const (
	FacetList     = "list"     // movers: which top-10 list
	FacetLink     = "link"     // movers, constituents: chain link
	FacetSegment  = "segment"  // movers, constituents: sub-track
	FacetKind     = "kind"     // events: company, domestic or overseas; stocks: the company's kind
	FacetCompany  = "company"  // events: company display name
	FacetCurrency = "currency" // financings: ISO 4217 code
	FacetLayer    = "layer"    // picks: 基础层 or 应用层, single-valued
	FacetVertical = "vertical" // picks: the vertical as printed
	FacetSection  = "section"  // stocks: a part of the report that names the company
)

// Column keys. Each is also a sort key (sort=key, or sort=-key for
// descending) and the key of its value in a JSON export.
const (
	ColRank       = "rank"
	ColName       = "name"
	ColReturn     = "return"
	ColList       = "list"
	ColLink       = "link"
	ColSegment    = "segment"
	ColPeriod     = "period" // constituents: period return from a mover list
	ColYTD        = "ytd"    // constituents: YTD return from a mover list
	ColDate       = "date"
	ColKind       = "kind"
	ColTitle      = "title"
	ColCompanies  = "companies"
	ColSource     = "source"
	ColAmount     = "amount"
	ColCurrency   = "currency"
	ColBusiness   = "business"
	ColHighlights = "highlights"
	ColLayer      = "layer"
	ColVertical   = "vertical"
	ColAliases    = "aliases"    // stocks: the company's other names
	ColSections   = "sections"   // stocks: how many parts of the report name it
	ColMovers     = "movers"     // stocks: its entries in the mover lists
	ColPicks      = "picks"      // stocks: the picks naming it
	ColEvents     = "events"     // stocks: the events and news naming it
	ColFinancings = "financings" // stocks: its financings
)

// Keys of the columns only exports carry (Table.Exports).
const (
	ColDateAsPrinted   = "date_as_printed"   // events: the date as the report prints it (近期)
	ColText            = "text"              // events: the text under the title
	ColView            = "view"              // events: the analysts' view (company events)
	ColAmountAsPrinted = "amount_as_printed" // financings: 2560万美元
	ColAmountUSD       = "amount_usd"        // financings: the amount in US dollars at the stored rate
)

// The values of the events' kind facet.
const (
	EventCompany  = string(report.EventCompany)
	EventDomestic = string(report.EventDomestic)
	EventOverseas = string(report.EventOverseas)
)

// Limits on what a link may carry. Longer input is cut (q) or dropped
// (facet values) so that a hostile link cannot blow up the page.
const (
	MaxQueryRunes = 200 // q is cut to this many runes
	MaxValueRunes = 200 // a longer facet value is dropped
)

// facetSpec is what the URL contract says about one facet.
type facetSpec struct {
	key      string
	enum     []string // the allowed values; nil: any label the table holds
	single   bool     // at most one value (layer)
	valueMsg string   // message-key prefix for enum values
}

// routeSpec is what the URL contract says about one table route.
type routeSpec struct {
	facets []facetSpec
	sorts  []string // column keys, in column order
	// descFirst are the sort keys a first click sorts biggest first.
	descFirst []string
	dates     bool // from/to apply
}

// The values of the enumerated facets, in the report's order.
var (
	moverLists = keys(report.MoverLists())
	eventKinds = keys(report.EventKinds())
)

// specs is the URL contract, one entry per table route.
var specs = map[Route]routeSpec{
	RouteMovers: {
		facets: []facetSpec{
			{key: FacetList, enum: moverLists, valueMsg: "list."},
			{key: FacetLink},
			{key: FacetSegment},
		},
		sorts:     []string{ColRank, ColName, ColReturn, ColList, ColLink, ColSegment},
		descFirst: []string{ColReturn},
	},
	RouteConstituents: {
		facets:    []facetSpec{{key: FacetLink}, {key: FacetSegment}},
		sorts:     []string{ColName, ColLink, ColSegment, ColPeriod, ColYTD},
		descFirst: []string{ColPeriod, ColYTD},
	},
	RouteEvents: {
		facets: []facetSpec{
			{key: FacetKind, enum: eventKinds, valueMsg: "kind."},
			{key: FacetCompany},
		},
		sorts: []string{ColDate, ColKind, ColTitle, ColCompanies, ColSource},
		dates: true,
	},
	RouteFinancings: {
		facets:    []facetSpec{{key: FacetCurrency}},
		sorts:     []string{ColName, ColAmount, ColCurrency, ColBusiness, ColHighlights},
		descFirst: []string{ColAmount},
	},
	RoutePicks: {
		facets: []facetSpec{{key: FacetLayer, single: true}, {key: FacetVertical}},
		sorts:  []string{ColLayer, ColVertical, ColName},
	},
	RouteSearch: {}, // q, read as every table reads it
	RouteStocks: {
		facets: []facetSpec{
			{key: FacetSection, enum: sections, valueMsg: "section."},
			{key: FacetKind, enum: report.Kinds(), valueMsg: "companykind."},
			{key: FacetLink},
			{key: FacetSegment},
		},
		sorts: []string{ColName, ColAliases, ColKind, ColLink, ColSegment, ColSections, ColMovers, ColPicks, ColEvents, ColFinancings},
	},
}

// facet returns the facet named key, if the route has one.
func (sp routeSpec) facet(key string) (facetSpec, bool) {
	for _, f := range sp.facets {
		if f.key == key {
			return f, true
		}
	}
	return facetSpec{}, false
}

// SortKeys returns the sort keys of route r in column order, or nil for a
// route without a table.
func SortKeys(r Route) []string {
	return slices.Clone(specs[r].sorts)
}

// FacetKeys returns the facet keys (query parameter names) of route r in
// display order, or nil for a route without a table.
func FacetKeys(r Route) []string {
	var keys []string
	for _, f := range specs[r].facets {
		keys = append(keys, f.key)
	}
	return keys
}
