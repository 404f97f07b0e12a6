package importer

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// The types below mirror data/report.json key for key and in the file's key
// order, so that encoding/json writes the snapshot's bytes. They are kept
// apart from app/report's model, which has no JSON tags and is read-only.

// Draft is a report as imported, ready to be written as JSON.
type Draft struct {
	Schema        string        `json:"$schema"`
	SchemaVersion int           `json:"schema_version"`
	Meta          meta          `json:"meta"`
	Units         units         `json:"units"`
	KeyPoints     []keyPoint    `json:"key_points"`
	IndexReturns  indexReturns  `json:"index_returns"`
	Companies     []company     `json:"companies"`
	Movers        movers        `json:"movers"`
	Constituents  []constituent `json:"constituents"`
	Events        events        `json:"events"`
	Financings    financings    `json:"financings"`
	Picks         []pick        `json:"picks"`

	lines map[string]int // JSON path of a value -> the line it came from
}

// Ret is a return or an excess in percent. It is written the way the
// snapshot writes such figures, always with a decimal point (25.0, 13.6),
// so that an integral return still reads as a measured figure.
type Ret float64

// MarshalJSON writes r with the shortest decimals that round-trip, and a
// ".0" when there are none.
func (r Ret) MarshalJSON() ([]byte, error) {
	s := strconv.FormatFloat(float64(r), 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return []byte(s), nil
}

type meta struct {
	Title       string      `json:"title"`
	Broker      string      `json:"broker"`
	BrokerFull  string      `json:"broker_full"`
	Institute   string      `json:"institute"`
	Analyst     analyst     `json:"analyst"`
	ReportDate  string      `json:"report_date"`
	Period      period      `json:"period"`
	Rating      string      `json:"rating"`
	RatingScale ratingScale `json:"rating_scale"`
	Risks       []risk      `json:"risks"`
	Disclaimer  string      `json:"disclaimer"`
	Source      source      `json:"source"`
}

type analyst struct {
	Name        string `json:"name"`
	Email       string `json:"email"`
	Certificate string `json:"certificate"`
}

type period struct {
	From      string `json:"from"`
	To        string `json:"to"`
	AsPrinted string `json:"as_printed"`
}

type ratingScale struct {
	Basis  string        `json:"basis"`
	Levels []ratingLevel `json:"levels"`
	Notes  []string      `json:"notes"`
}

type ratingLevel struct {
	Rating    string   `json:"rating"`
	Text      string   `json:"text"`
	MinExcess *float64 `json:"min_excess"`
	MaxExcess *float64 `json:"max_excess"`
}

type risk struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

type source struct {
	Document  string `json:"document"`
	Publisher string `json:"publisher"`
	URL       string `json:"url"`
	LicenseNo string `json:"license_no"`
}

type units struct {
	Return string `json:"return"`
	Excess string `json:"excess"`
	Amount string `json:"amount"`
}

type keyPoint struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

type indexReturns struct {
	SectionTitle string        `json:"section_title"`
	Commentary   string        `json:"commentary"`
	Series       []indexSeries `json:"series"`
	YTDExcess    Ret           `json:"ytd_excess"`
}

type indexSeries struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	PeriodReturn Ret    `json:"period_return"`
	YTDReturn    Ret    `json:"ytd_return"`
}

type company struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Kind    string   `json:"kind"`
	Note    string   `json:"note,omitempty"`
}

type movers struct {
	PeriodGainers []mover `json:"period_gainers"`
	YTDGainers    []mover `json:"ytd_gainers"`
	PeriodLosers  []mover `json:"period_losers"`
}

type mover struct {
	Rank    int    `json:"rank"`
	Name    string `json:"name"`
	Company string `json:"company"`
	Return  Ret    `json:"return"`
}

type constituent struct {
	ID      string  `json:"id"`
	Company string  `json:"company"`
	Name    string  `json:"name"`
	Link    string  `json:"link"`
	Segment *string `json:"segment"`
}

type events struct {
	CompanyEvents []companyEvent `json:"company_events"`
	DomesticNews  []newsItem     `json:"domestic_news"`
	OverseasNews  []newsItem     `json:"overseas_news"`
}

type companyEvent struct {
	ID            string   `json:"id"`
	Number        int      `json:"number"`
	Date          *string  `json:"date"`
	DateAsPrinted string   `json:"date_as_printed,omitempty"`
	Title         string   `json:"title"`
	Companies     []string `json:"companies"`
	Details       []string `json:"details"`
	Views         []string `json:"views"`
}

type newsItem struct {
	ID            string   `json:"id"`
	Number        int      `json:"number"`
	Date          *string  `json:"date"`
	DateAsPrinted string   `json:"date_as_printed,omitempty"`
	Title         string   `json:"title"`
	Text          string   `json:"text"`
	Source        string   `json:"source"`
	Companies     []string `json:"companies"`
}

type financings struct {
	FX    fx          `json:"fx"`
	Items []financing `json:"items"`
}

type fx struct {
	Base   string  `json:"base"`
	Quote  string  `json:"quote"`
	Rate   float64 `json:"rate"`
	Date   string  `json:"date"`
	Source string  `json:"source"`
}

type financing struct {
	ID         string `json:"id"`
	Company    string `json:"company"`
	Name       string `json:"name"`
	Amount     money  `json:"amount"`
	Business   string `json:"business"`
	Highlights string `json:"highlights"`
}

type money struct {
	Value     float64 `json:"value"`
	Currency  string  `json:"currency"`
	AsPrinted string  `json:"as_printed"`
}

type pick struct {
	ID       string      `json:"id"`
	Layer    string      `json:"layer"`
	Vertical string      `json:"vertical"`
	Stocks   []pickStock `json:"stocks"`
}

type pickStock struct {
	Name    string `json:"name"`
	Company string `json:"company"`
}

// JSON returns the draft as data/report.json writes it: two-space indents,
// non-ASCII and HTML characters as they are, a final newline.
func (d *Draft) JSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
