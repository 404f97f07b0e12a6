package report

// Report is one weekly report, as typed Go values. It is built from
// data/report.json by [Parse] and is read-only afterwards.
type Report struct {
	SchemaVersion int
	Meta          Meta
	Units         Units
	KeyPoints     []KeyPoint
	IndexReturns  IndexReturns
	Companies     []Company
	Movers        Movers
	Constituents  []Constituent
	Events        Events
	Financings    Financings
	Picks         []Pick

	byAlias map[string]int // every name and alias, folded (see fold) -> index into Companies
	byID    map[string]int // company id -> index into Companies
}

// Meta holds the report's header, rating scale, risks and source.
type Meta struct {
	Title       string
	Broker      string
	BrokerFull  string
	Institute   string
	Analyst     Analyst
	ReportDate  string // YYYY-MM-DD
	Period      Period
	Rating      string
	RatingScale RatingScale
	Risks       []Risk
	Disclaimer  string
	Source      Source
}

// Analyst is the report's author.
type Analyst struct {
	Name        string
	Email       string
	Certificate string
}

// Period is the covered date range, both ends inclusive.
type Period struct {
	From      string // YYYY-MM-DD
	To        string // YYYY-MM-DD
	AsPrinted string
}

// RatingScale explains the industry ratings.
type RatingScale struct {
	Basis  string
	Levels []RatingLevel
	Notes  []string
}

// RatingLevel is one rating with its thresholds on the excess return over
// the CSI 300, in percentage points. A nil bound is open.
type RatingLevel struct {
	Rating    string
	Text      string
	MinExcess *float64
	MaxExcess *float64
}

// Risk is one numbered risk item.
type Risk struct {
	ID   string
	Text string
}

// Source says where the report comes from.
type Source struct {
	Document  string
	Publisher string
	URL       string
	LicenseNo string
}

// Units states the unit of each kind of figure once for the whole file.
type Units struct {
	Return string
	Excess string
	Amount string
}

// KeyPoint is one of the summary's key points.
type KeyPoint struct {
	ID    string
	Title string
	Text  string
}

// IndexReturns compares the AI concept index with the CSI 300.
type IndexReturns struct {
	SectionTitle string
	Commentary   string
	Series       []IndexSeries
	YTDExcess    float64 // percentage points, as printed
}

// IndexSeries is one index's return, in percent.
type IndexSeries struct {
	ID           string
	Name         string
	PeriodReturn float64
	YTDReturn    float64
}

// Company is one identity: a listed company, a startup or an institute,
// named once with every other way the report writes its name.
type Company struct {
	ID      string
	Name    string
	Aliases []string
	Kind    string // listed, company, startup, institute
	Note    string
}

// Movers holds the three top-10 lists.
type Movers struct {
	PeriodGainers []Mover
	YTDGainers    []Mover
	PeriodLosers  []Mover
}

// MoverList names one of the three lists.
type MoverList string

// The three mover lists, with the keys used in the JSON file and in URLs.
const (
	PeriodGainers MoverList = "period-gainers"
	YTDGainers    MoverList = "ytd-gainers"
	PeriodLosers  MoverList = "period-losers"
)

// Mover is one entry of a mover list.
type Mover struct {
	Rank    int
	Name    string // as printed in the list
	Company string // company id
	Return  float64
}

// Constituent is one of the index's 45 stocks.
type Constituent struct {
	ID      string
	Company string // company id
	Name    string // as printed in the appendix table
	Link    string // chain link, e.g. AI算力及基础设施
	Segment string // sub-track; empty where the report gives none
}

// Events holds the dated company events and the news items.
type Events struct {
	CompanyEvents []CompanyEvent
	DomesticNews  []NewsItem
	OverseasNews  []NewsItem
}

// CompanyEvent is one of the report's numbered company events.
type CompanyEvent struct {
	ID            string
	Number        int // as printed; the report numbers two events 3
	Date          string
	DateAsPrinted string
	Title         string
	Companies     []string // company ids
	Details       []string
	Views         []string // the analysts' view (我们认为)
}

// NewsItem is one domestic or overseas news item.
type NewsItem struct {
	ID            string
	Number        int    // as printed; numbers repeat in the report
	Date          string // YYYY-MM-DD, empty where the report gives none
	DateAsPrinted string
	Title         string
	Text          string
	Source        string
	Companies     []string // company ids
}

// Financings holds the startup financings and the exchange rate used to
// compare amounts across currencies.
type Financings struct {
	FX    FX
	Items []Financing
}

// FX is a rate: one unit of Base is Rate units of Quote.
type FX struct {
	Base   string
	Quote  string
	Rate   float64
	Date   string
	Source string
}

// Financing is one startup financing round.
type Financing struct {
	ID         string
	Company    string // company id
	Name       string
	Amount     Money
	Business   string
	Highlights string
}

// Money is an amount in a currency, with the text as printed.
type Money struct {
	Value     float64
	Currency  string // ISO 4217
	AsPrinted string
}

// Pick is one vertical of the recommended stocks.
type Pick struct {
	ID       string
	Layer    string // 基础层 or 应用层
	Vertical string
	Stocks   []PickStock
}

// PickStock is one recommended stock as printed, resolved to a company.
type PickStock struct {
	Name    string
	Company string // company id
}
