package report

import "slices"

// The closed vocabularies of the file. data/report.schema.json repeats them
// as enums; a test keeps the two in step.
var (
	chainLinks = []string{"AI算力及基础设施", "AI算法及数据", "AI工具", "AI应用"}
	layers     = []string{"基础层", "应用层"}
	kinds      = []string{"listed", "company", "startup", "institute"}
	currencies = []string{"CNY", "USD", "HKD", "EUR", "GBP", "JPY"}
	moverLists = []MoverList{PeriodGainers, YTDGainers, PeriodLosers}
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

// MoverLists returns the three mover lists in the report's order.
func MoverLists() []MoverList { return slices.Clone(moverLists) }

// Valid reports whether l names one of the three mover lists.
func (l MoverList) Valid() bool { return slices.Contains(moverLists, l) }

// jsonKey is the key of the list in data/report.json: period_gainers for
// period-gainers.
func (l MoverList) jsonKey() string {
	switch l {
	case PeriodGainers:
		return "period_gainers"
	case YTDGainers:
		return "ytd_gainers"
	case PeriodLosers:
		return "period_losers"
	}
	return ""
}
