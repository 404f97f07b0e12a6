package report_test

import (
	"math"
	"testing"

	"github.com/airesearch/aiweekly/app/report"
)

// TestFacts checks figures of the real snapshot against the report as
// printed (testdata/seed.txt; seed_test.go checks the text wholesale).
func TestFacts(t *testing.T) {
	r := parseReal(t)

	perLink := map[string]int{}
	for _, c := range r.Constituents {
		perLink[c.Link]++
	}
	series := map[string]report.IndexSeries{}
	for _, s := range r.IndexReturns.Series {
		series[s.ID] = s
	}
	financing := map[string]report.Money{}
	for _, f := range r.Financings.Items {
		financing[f.Name] = f.Amount
	}
	alias := func(name string) string {
		c, ok := r.Company(name)
		if !ok {
			return "(none)"
		}
		return c.Name
	}

	tests := []struct {
		name      string
		got, want any
	}{
		{"report date", r.Meta.ReportDate, "2023-04-16"},
		{"period", [2]string{r.Meta.Period.From, r.Meta.Period.To}, [2]string{"2023-04-01", "2023-04-14"}},
		{"rating", r.Meta.Rating, "看好"},
		{"analyst", r.Meta.Analyst.Name, "刘雯蜀"},
		{"certificate", r.Meta.Analyst.Certificate, "s1230523020002"},
		{"rating levels", len(r.Meta.RatingScale.Levels), 3},
		{"risks", len(r.Meta.Risks), 4},
		{"key points", len(r.KeyPoints), 4},

		{"constituents", len(r.Constituents), 45},
		{"AI算力及基础设施", perLink["AI算力及基础设施"], 13},
		{"AI算法及数据", perLink["AI算法及数据"], 8},
		{"AI工具", perLink["AI工具"], 12},
		{"AI应用", perLink["AI应用"], 12},

		{"period gainers", len(r.MoverList(report.PeriodGainers)), 10},
		{"YTD gainers", len(r.MoverList(report.YTDGainers)), 10},
		{"period losers", len(r.MoverList(report.PeriodLosers)), 10},
		{"源杰科技 period", moverReturn(r, report.PeriodGainers, "源杰科技"), 63.81},
		{"寒武纪-U YTD", moverReturn(r, report.YTDGainers, "寒武纪-U"), 257.40},
		{"当虹科技 period", moverReturn(r, report.PeriodLosers, "当虹科技"), -18.09},
		{"云从科技-UW YTD", moverReturn(r, report.YTDGainers, "云从科技-UW"), 174.00},
		{"百度集团-SW period", moverReturn(r, report.PeriodLosers, "百度集团-SW"), -13.04},
		{"first period gainer", r.MoverList(report.PeriodGainers)[0].Name, "源杰科技"},
		{"last period loser", r.MoverList(report.PeriodLosers)[9].Name, "格灵深瞳-U"},

		{"AI index period", series["ai-concept"].PeriodReturn, -0.81},
		{"AI index YTD", series["ai-concept"].YTDReturn, 61.85},
		{"CSI 300 period", series["csi300"].PeriodReturn, 1.01},
		{"CSI 300 YTD", series["csi300"].YTDReturn, 5.69},
		{"YTD excess", r.IndexReturns.YTDExcess, 56.16},
		{"YTD excess is the difference", round2(series["ai-concept"].YTDReturn - series["csi300"].YTDReturn), 56.16},

		{"company events", len(r.Events.CompanyEvents), 4},
		{"domestic news", len(r.Events.DomesticNews), 5},
		{"overseas news", len(r.Events.OverseasNews), 9},
		{"undated news", r.Events.DomesticNews[0].Date, ""},
		{"undated news as printed", r.Events.DomesticNews[0].DateAsPrinted, "近期"},
		{"two events numbered 3", [2]int{r.Events.CompanyEvents[2].Number, r.Events.CompanyEvents[3].Number}, [2]int{3, 3}},
		{"two overseas items numbered 8", [2]int{r.Events.OverseasNews[7].Number, r.Events.OverseasNews[8].Number}, [2]int{8, 8}},

		{"financings", len(r.Financings.Items), 3},
		{"Perplexity", financing["Perplexity"], report.Money{Value: 25_600_000, Currency: "USD", AsPrinted: "2560万美元"}},
		{"Portrait Analytics", financing["Portrait Analytics"], report.Money{Value: 3_000_000, Currency: "USD", AsPrinted: "300万美元"}},
		{"宇宙奇点", financing["宇宙奇点"], report.Money{Value: 30_000_000, Currency: "CNY", AsPrinted: "3000万人民币"}},
		{"fx", [2]string{r.Financings.FX.Base, r.Financings.FX.Quote}, [2]string{"USD", "CNY"}},

		{"pick verticals", len(r.Picks), 11},
		{"base layer", r.Picks[0].Layer + " " + r.Picks[0].Vertical, "基础层 大模型"},
		{"AI+医疗 stocks", len(r.Picks[4].Stocks), 2},

		{"360", alias("360"), "三六零"},
		{"云从科技-UW", alias("云从科技-UW"), "云从科技"},
		{"百度集团-SW", alias("百度集团-SW"), "百度-SW"},
		{"商汤科技", alias("商汤科技"), "商汤-W"},
		{"寒武纪", alias("寒武纪"), "寒武纪-U"},
		{"同花顺财经 is a source, not a company", alias("同花顺财经"), "(none)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v; want %v", tt.got, tt.want)
			}
		})
	}
}

// moverReturn returns the return of the entry of list l printed as name,
// or NaN when there is none.
func moverReturn(r *report.Report, l report.MoverList, name string) float64 {
	for _, m := range r.MoverList(l) {
		if m.Name == name {
			return m.Return
		}
	}
	return math.NaN()
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
