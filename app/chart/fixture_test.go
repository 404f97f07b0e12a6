package chart

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// snapshot is the part of data/report.json the chart tests draw. It is
// decoded here rather than through app/report so that this package stays
// independent of the model's loader.
type snapshot struct {
	IndexReturns struct {
		Series []struct {
			Name         string  `json:"name"`
			PeriodReturn float64 `json:"period_return"`
			YTDReturn    float64 `json:"ytd_return"`
		} `json:"series"`
		YTDExcess float64 `json:"ytd_excess"`
	} `json:"index_returns"`
	Movers map[string][]struct {
		Name   string  `json:"name"`
		Return float64 `json:"return"`
	} `json:"movers"`
	Constituents []struct {
		Name    string `json:"name"`
		Link    string `json:"link"`
		Segment string `json:"segment"`
	} `json:"constituents"`
	Events map[string][]struct {
		Date string `json:"date"`
	} `json:"events"`
	Financings struct {
		FX struct {
			Base  string  `json:"base"`
			Quote string  `json:"quote"`
			Rate  float64 `json:"rate"`
			Date  string  `json:"date"`
		} `json:"fx"`
		Items []struct {
			Name   string `json:"name"`
			Amount struct {
				Value     float64 `json:"value"`
				Currency  string  `json:"currency"`
				AsPrinted string  `json:"as_printed"`
			} `json:"amount"`
		} `json:"items"`
	} `json:"financings"`
}

// fixture holds the chart rows built from the real report.
type fixture struct {
	index   []IndexPoint
	excess  float64
	movers  map[string][]Bar // by JSON key: period_gainers, ytd_gainers, period_losers
	counts  []CountBar
	days    []DayCount
	amounts []Amount
	axis    string
}

func loadFixture(tb testing.TB) fixture {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "data", "report.json"))
	if err != nil {
		tb.Fatalf("read report: %v", err)
	}
	var s snapshot
	if err := json.Unmarshal(b, &s); err != nil {
		tb.Fatalf("decode report: %v", err)
	}
	var f fixture
	for _, x := range s.IndexReturns.Series {
		f.index = append(f.index, IndexPoint{Name: x.Name, Period: x.PeriodReturn, YTD: x.YTDReturn})
	}
	f.excess = s.IndexReturns.YTDExcess

	f.movers = map[string][]Bar{}
	for list, ms := range s.Movers {
		for _, m := range ms {
			f.movers[list] = append(f.movers[list], Bar{Label: m.Name, Value: m.Return})
		}
	}

	// Links in order of appearance, each followed by its sub-tracks.
	type seg struct{ link, segment string }
	var links []string
	var segs []seg
	linkN, segN := map[string]int{}, map[seg]int{}
	for _, c := range s.Constituents {
		if linkN[c.Link] == 0 {
			links = append(links, c.Link)
		}
		linkN[c.Link]++
		if c.Segment != "" {
			k := seg{c.Link, c.Segment}
			if segN[k] == 0 {
				segs = append(segs, k)
			}
			segN[k]++
		}
	}
	for _, l := range links {
		f.counts = append(f.counts, CountBar{Label: l, Count: linkN[l], Href: "/constituents?" + url.Values{"link": {l}}.Encode()})
		for _, k := range segs {
			if k.link == l {
				f.counts = append(f.counts, CountBar{Label: k.segment, Count: segN[k], Level: 1,
					Href: "/constituents?" + url.Values{"link": {l}, "segment": {k.segment}}.Encode()})
			}
		}
	}

	// The report's period, so that the axis runs over all of it.
	f.days = []DayCount{{Date: "2023-04-01"}, {Date: "2023-04-14"}}
	for kind, items := range s.Events {
		for _, it := range items {
			d := DayCount{Date: it.Date}
			switch kind {
			case "company_events":
				d.Company = 1
			case "domestic_news":
				d.Domestic = 1
			case "overseas_news":
				d.Overseas = 1
			}
			f.days = append(f.days, d)
		}
	}

	fx := s.Financings.FX
	for _, it := range s.Financings.Items {
		v := it.Amount.Value
		if it.Amount.Currency == fx.Quote {
			v /= fx.Rate
		}
		f.amounts = append(f.amounts, Amount{Label: it.Name, USD: v, Note: it.Amount.AsPrinted})
	}
	f.axis = "美元（USD），按 1 " + fx.Base + " = " + strconv.FormatFloat(fx.Rate, 'f', -1, 64) + " " + fx.Quote + "（" + fx.Date + "）汇率折算"
	return f
}
