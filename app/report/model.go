package report

// The struct tags below are the file's shape, read by [Parse] (see
// read.go): each field is the JSON key of its json tag, in the order of
// the file, and every key is required. A string must be non-empty unless
// its report tag says nullable (present, but may be null for a value the
// report does not give) or optional (may be absent or null); either reads
// as "". A pointer may be null. An int must be a whole number.

// Report is one weekly report, as typed Go values. It is built from
// data/report.json by [Parse] and is read-only afterwards.
type Report struct {
	Schema        string        `json:"$schema" report:"optional"` // the JSON Schema's URL, for editors
	SchemaVersion int           `json:"schema_version"`
	Meta          Meta          `json:"meta"`
	Units         Units         `json:"units"`
	KeyPoints     []KeyPoint    `json:"key_points"`
	IndexReturns  IndexReturns  `json:"index_returns"`
	Companies     []Company     `json:"companies"`
	Movers        Movers        `json:"movers"`
	Constituents  []Constituent `json:"constituents"`
	Events        Events        `json:"events"`
	Financings    Financings    `json:"financings"`
	Picks         []Pick        `json:"picks"`

	byAlias map[string]int // every name and alias, folded (see fold) -> index into Companies
	byID    map[string]int // company id -> index into Companies
}

// Meta holds the report's header, rating scale, risks and source.
type Meta struct {
	Title       string      `json:"title"`
	Broker      string      `json:"broker"`
	BrokerFull  string      `json:"broker_full"`
	Institute   string      `json:"institute"`
	Analyst     Analyst     `json:"analyst"`
	ReportDate  string      `json:"report_date"` // YYYY-MM-DD
	Period      Period      `json:"period"`
	Rating      string      `json:"rating"`
	RatingScale RatingScale `json:"rating_scale"`
	Risks       []Risk      `json:"risks"`
	Disclaimer  string      `json:"disclaimer"`
	Source      Source      `json:"source"`
}

// Analyst is the report's author.
type Analyst struct {
	Name        string `json:"name"`
	Email       string `json:"email"`
	Certificate string `json:"certificate"`
}

// Period is the covered date range, both ends inclusive.
type Period struct {
	From      string `json:"from"` // YYYY-MM-DD
	To        string `json:"to"`   // YYYY-MM-DD
	AsPrinted string `json:"as_printed"`
}

// RatingScale explains the industry ratings.
type RatingScale struct {
	Basis  string        `json:"basis"`
	Levels []RatingLevel `json:"levels"`
	Notes  []string      `json:"notes"`
}

// RatingLevel is one rating with its thresholds on the excess return over
// the CSI 300, in percentage points. A nil bound is open.
type RatingLevel struct {
	Rating    string   `json:"rating"`
	Text      string   `json:"text"`
	MinExcess *float64 `json:"min_excess"`
	MaxExcess *float64 `json:"max_excess"`
}

// Risk is one numbered risk item.
type Risk struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// Source says where the report comes from.
type Source struct {
	Document  string `json:"document"`
	Publisher string `json:"publisher"`
	URL       string `json:"url"`
	LicenseNo string `json:"license_no"`
}

// Units states the unit of each kind of figure once for the whole file.
type Units struct {
	Return string `json:"return"`
	Excess string `json:"excess"`
	Amount string `json:"amount"`
}

// KeyPoint is one of the summary's key points.
type KeyPoint struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

// IndexReturns compares the AI concept index with the CSI 300.
type IndexReturns struct {
	SectionTitle string        `json:"section_title"`
	Commentary   string        `json:"commentary"`
	Series       []IndexSeries `json:"series"`
	YTDExcess    float64       `json:"ytd_excess"` // percentage points, as printed
}

// IndexSeries is one index's return, in percent.
type IndexSeries struct {
	ID           string  `json:"id"`
	Name         string  `json:"name"`
	PeriodReturn float64 `json:"period_return"`
	YTDReturn    float64 `json:"ytd_return"`
}

// Company is one identity: a listed company, a startup or an institute,
// named once with every other way the report writes its name.
type Company struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Kind    string   `json:"kind"` // listed, company, startup, institute
	Note    string   `json:"note" report:"optional"`
}

// Mover is one entry of a mover list.
type Mover struct {
	Rank    int     `json:"rank"`
	Name    string  `json:"name"`    // as printed in the list
	Company string  `json:"company"` // company id
	Return  float64 `json:"return"`
}

// Constituent is one of the index's 45 stocks.
type Constituent struct {
	ID      string `json:"id"`
	Company string `json:"company"`                   // company id
	Name    string `json:"name"`                      // as printed in the appendix table
	Link    string `json:"link"`                      // chain link, e.g. AI算力及基础设施
	Segment string `json:"segment" report:"nullable"` // sub-track; empty where the report gives none
}

// CompanyEvent is one of the report's numbered company events.
type CompanyEvent struct {
	ID            string   `json:"id"`
	Number        int      `json:"number"` // as printed; the report numbers two events 3
	Date          string   `json:"date"`
	DateAsPrinted string   `json:"date_as_printed" report:"optional"`
	Title         string   `json:"title"`
	Companies     []string `json:"companies"` // company ids
	Details       []string `json:"details"`
	Views         []string `json:"views"` // the analysts' view (我们认为)
}

// NewsItem is one domestic or overseas news item.
type NewsItem struct {
	ID            string   `json:"id"`
	Number        int      `json:"number"`                 // as printed; numbers repeat in the report
	Date          string   `json:"date" report:"nullable"` // YYYY-MM-DD, empty where the report gives none
	DateAsPrinted string   `json:"date_as_printed" report:"optional"`
	Title         string   `json:"title"`
	Text          string   `json:"text"`
	Source        string   `json:"source"`
	Companies     []string `json:"companies"` // company ids
}

// Financings holds the startup financings and the exchange rate used to
// compare amounts across currencies.
type Financings struct {
	FX    FX          `json:"fx"`
	Items []Financing `json:"items"`
}

// FX is a rate: one unit of Base is Rate units of Quote.
type FX struct {
	Base   string  `json:"base"`
	Quote  string  `json:"quote"`
	Rate   float64 `json:"rate"`
	Date   string  `json:"date"`
	Source string  `json:"source"` // where the rate comes from, in English
	// SourceZH says the same in Chinese, for the Chinese interface.
	SourceZH string `json:"source_zh" report:"optional"`
}

// Financing is one startup financing round.
type Financing struct {
	ID         string `json:"id"`
	Company    string `json:"company"` // company id
	Name       string `json:"name"`
	Amount     Money  `json:"amount"`
	Business   string `json:"business"`
	Highlights string `json:"highlights"`
}

// Money is an amount in a currency, with the text as printed.
type Money struct {
	Value     float64 `json:"value"`
	Currency  string  `json:"currency"` // ISO 4217
	AsPrinted string  `json:"as_printed"`
}

// Pick is one vertical of the recommended stocks.
type Pick struct {
	ID       string      `json:"id"`
	Layer    string      `json:"layer"` // 基础层 or 应用层
	Vertical string      `json:"vertical"`
	Stocks   []PickStock `json:"stocks"`
}

// PickStock is one recommended stock as printed, resolved to a company.
type PickStock struct {
	Name    string `json:"name"`
	Company string `json:"company"` // company id
}
