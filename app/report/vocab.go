package report

import (
	"iter"
	"slices"
	"strings"
)

// The closed vocabularies of the file, each defined here once.
// data/report.schema.json repeats the string ones as enums; a test keeps
// the two in step.
var (
	chainLinks = []string{"AI算力及基础设施", "AI算法及数据", "AI工具", "AI应用"}
	layers     = []string{"基础层", "应用层"}
	kinds      = []string{"listed", "company", "startup", "institute"}
	currencies = []string{"CNY", "USD", "HKD", "EUR", "GBP", "JPY"}
)

// ChainLinks returns the four links of the AI industry chain that group the
// index constituents, in the report's order.
func ChainLinks() []string { return slices.Clone(chainLinks) }

// Layers returns the two layers of the recommended stocks, base layer first.
func Layers() []string { return slices.Clone(layers) }

// Kinds returns the kinds a [Company] may have.
func Kinds() []string { return slices.Clone(kinds) }

// Currencies returns the ISO 4217 codes an amount may be stated in.
func Currencies() []string { return slices.Clone(currencies) }

// MoverList names one of the three lists of [Movers].
type MoverList string

// The three mover lists, with the keys used in URLs. The key of a list in
// data/report.json is the same with underscores: period_gainers.
const (
	PeriodGainers MoverList = "period-gainers"
	YTDGainers    MoverList = "ytd-gainers"
	PeriodLosers  MoverList = "period-losers"
)

// Movers holds the three top-10 lists, one field for each [MoverList].
type Movers struct {
	PeriodGainers []Mover `json:"period_gainers"`
	YTDGainers    []Mover `json:"ytd_gainers"`
	PeriodLosers  []Mover `json:"period_losers"`
}

// MoverLists returns the three mover lists in the report's order.
func MoverLists() []MoverList { return []MoverList{PeriodGainers, YTDGainers, PeriodLosers} }

// Lists yields each mover list with its entries, in the report's order.
func (m *Movers) Lists() iter.Seq2[MoverList, []Mover] { return each(MoverLists(), m.list) }

// list returns the entries of list l; nil for an unknown list.
func (m *Movers) list(l MoverList) []Mover {
	switch l {
	case PeriodGainers:
		return m.PeriodGainers
	case YTDGainers:
		return m.YTDGainers
	case PeriodLosers:
		return m.PeriodLosers
	}
	return nil
}

// Valid reports whether l names one of the three mover lists.
func (l MoverList) Valid() bool { return slices.Contains(MoverLists(), l) }

// jsonKey is the key of the list in data/report.json.
func (l MoverList) jsonKey() string { return strings.ReplaceAll(string(l), "-", "_") }

// EventKind names one of the three kinds of dated item in [Events].
type EventKind string

// The three kinds of dated item, with the keys used in URLs.
const (
	EventCompany  EventKind = "company"  // a numbered company event
	EventDomestic EventKind = "domestic" // a domestic news item
	EventOverseas EventKind = "overseas" // an overseas news item
)

// Events holds the dated company events and the news items, one field for each [EventKind].
type Events struct {
	CompanyEvents []CompanyEvent `json:"company_events"`
	DomesticNews  []NewsItem     `json:"domestic_news"`
	OverseasNews  []NewsItem     `json:"overseas_news"`
}

// EventKinds returns the three kinds in the report's order.
func EventKinds() []EventKind { return []EventKind{EventCompany, EventDomestic, EventOverseas} }

// jsonKey is the key of the kind's list in data/report.json.
func (k EventKind) jsonKey() string {
	if k == EventCompany {
		return "company_events"
	}
	return string(k) + "_news"
}

// Item is a company event or a news item seen through what the two share,
// for the views that list all three kinds together. Event or News points
// at the record itself, for what only one kind has.
type Item struct {
	Kind          EventKind
	ID            string
	Number        int    // as printed; numbers repeat
	Date          string // YYYY-MM-DD; empty where the report gives none
	DateAsPrinted string
	Title         string
	Source        string   // a news item's source; empty for a company event
	Companies     []string // company ids
	Event         *CompanyEvent
	News          *NewsItem
}

// Body returns what the report says under the item's title: a company
// event's details followed by the analysts' view, or a news item's text.
func (it Item) Body() []string {
	if it.Event != nil {
		return append(slices.Clone(it.Event.Details), it.Event.Views...)
	}
	if it.News != nil {
		return []string{it.News.Text}
	}
	return nil
}

// Kinds yields each kind of dated item with its items, in the report's
// order: the company events, the domestic news, the overseas news.
func (e *Events) Kinds() iter.Seq2[EventKind, []Item] { return each(EventKinds(), e.items) }

// items returns the items of kind k; nil for an unknown kind.
func (e *Events) items(k EventKind) []Item {
	switch k {
	case EventCompany:
		return companyItems(e.CompanyEvents)
	case EventDomestic:
		return newsItems(k, e.DomesticNews)
	case EventOverseas:
		return newsItems(k, e.OverseasNews)
	}
	return nil
}

// All yields every dated item in the report's order.
func (e *Events) All() iter.Seq[Item] {
	return func(yield func(Item) bool) {
		for _, items := range e.Kinds() {
			for _, it := range items {
				if !yield(it) {
					return
				}
			}
		}
	}
}

func companyItems(es []CompanyEvent) []Item {
	out := make([]Item, len(es))
	for i := range es {
		e := &es[i]
		out[i] = Item{Kind: EventCompany, ID: e.ID, Number: e.Number, Date: e.Date, DateAsPrinted: e.DateAsPrinted,
			Title: e.Title, Companies: e.Companies, Event: e}
	}
	return out
}

func newsItems(k EventKind, ns []NewsItem) []Item {
	out := make([]Item, len(ns))
	for i := range ns {
		n := &ns[i]
		out[i] = Item{Kind: k, ID: n.ID, Number: n.Number, Date: n.Date, DateAsPrinted: n.DateAsPrinted,
			Title: n.Title, Source: n.Source, Companies: n.Companies, News: n}
	}
	return out
}

// each yields every key of a vocabulary, in order, with what at gives for
// it.
func each[K, V any](keys []K, at func(K) V) iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		for _, k := range keys {
			if !yield(k, at(k)) {
				return
			}
		}
	}
}
