package report_test

import (
	"math"
	"slices"
	"testing"

	"github.com/airesearch/aiweekly/app/report"
)

// TestCompanyLookup finds companies by name or alias (Company, compared
// by id) and by id (CompanyByID, compared by name).
func TestCompanyLookup(t *testing.T) {
	r := parseReal(t)
	lookups := map[string]struct {
		find func(string) (report.Company, bool)
		show func(report.Company) string // what a case compares
	}{
		"Company":     {r.Company, func(c report.Company) string { return c.ID }},
		"CompanyByID": {r.CompanyByID, func(c report.Company) string { return c.Name }},
	}
	tests := []struct {
		lookup string
		in     []string // each finds want
		want   string   // "" for no company
	}{
		{"Company", []string{"寒武纪-U", "寒武纪"}, "cambricon"},
		{"Company", []string{"360", "三六零", " 三六零\u3000"}, "qihoo360"},
		{"Company", []string{"百度集团-SW", "百度-sw"}, "baidu"},
		{"Company", []string{"商汤科技", "商汤"}, "sensetime"},
		{"Company", []string{"云从科技-UW"}, "cloudwalk"},
		{"Company", []string{"Meta", "meta", "  META "}, "meta"},
		{"Company", []string{"open ai"}, "openai"},
		{"Company", []string{"Portrait Analytics"}, "portrait-analytics"},
		{"Company", []string{"北京智源人工智能研究院"}, "baai"},
		{"Company", []string{"cambricon", "寒武", "同花顺财经", ""}, ""}, // an id is not a name
		{"CompanyByID", []string{"cambricon"}, "寒武纪-U"},
		{"CompanyByID", []string{"10jqka"}, "同花顺"},
		{"CompanyByID", []string{"yuzhou-qidian"}, "宇宙奇点"},
		{"CompanyByID", []string{"寒武纪-U", "Cambricon", ""}, ""},
	}
	for _, tt := range tests {
		for _, in := range tt.in {
			t.Run(tt.lookup+"/"+in, func(t *testing.T) {
				l := lookups[tt.lookup]
				c, ok := l.find(in)
				if got := l.show(c); ok != (tt.want != "") || got != tt.want {
					t.Errorf("%s(%q) = %q, %v; want %q", tt.lookup, in, got, ok, tt.want)
				}
			})
		}
	}
}

func TestClosest(t *testing.T) {
	r := parseReal(t)
	tests := []struct {
		name string
		n    int
		want []string // ids, in order
	}{
		{"寒武", 1, []string{"cambricon"}},
		{"寒武纪股份", 1, []string{"cambricon"}},
		{"商汤科", 1, []string{"sensetime"}},
		{"Perplexty", 1, []string{"perplexity"}},
		{"perplexity ai", 1, []string{"perplexity"}},
		{"科技", 4, []string{"yuanjie", "montage", "sensetime", "cloudwalk"}},
		{"拓尔斯", 1, []string{"trs"}},
		{"智源", 3, []string{"baai", "haomo", "modelbest"}}, // then the names with 智, in file order
		{"qqqq", 3, nil},
		{"", 3, nil},
		{"寒武纪", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range r.Closest(tt.name, tt.n) {
				got = append(got, c.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Closest(%q, %d) = %q; want %q", tt.name, tt.n, got, tt.want)
			}
			again := r.Closest(tt.name, tt.n)
			if len(again) != len(got) {
				t.Errorf("Closest(%q, %d) changed between calls", tt.name, tt.n)
			}
		})
	}
}

func TestMoverList(t *testing.T) {
	r := parseReal(t)
	tests := []struct {
		list      report.MoverList
		wantLen   int
		wantFirst string
	}{
		{report.PeriodGainers, 10, "源杰科技"},
		{report.YTDGainers, 10, "寒武纪-U"},
		{report.PeriodLosers, 10, "当虹科技"},
		{"weekly-gainers", 0, ""},
	}
	for _, tt := range tests {
		t.Run(string(tt.list), func(t *testing.T) {
			ms := r.MoverList(tt.list)
			if len(ms) != tt.wantLen || tt.list.Valid() != (tt.wantLen > 0) {
				t.Fatalf("MoverList(%q) has %d entries, Valid() = %v; want %d", tt.list, len(ms), tt.list.Valid(), tt.wantLen)
			}
			if len(ms) == 0 {
				return
			}
			if ms[0].Name != tt.wantFirst || ms[0].Rank != 1 {
				t.Errorf("MoverList(%q)[0] = %+v; want %s at rank 1", tt.list, ms[0], tt.wantFirst)
			}
			ms[0].Name = "changed"
			if again := r.MoverList(tt.list); again[0].Name != tt.wantFirst {
				t.Errorf("changing the result of MoverList(%q) changed the report", tt.list)
			}
		})
	}
	if got := report.MoverLists(); !slices.Equal(got, []report.MoverList{report.PeriodGainers, report.YTDGainers, report.PeriodLosers}) {
		t.Errorf("MoverLists() = %v", got)
	}
}

func TestConstituentOf(t *testing.T) {
	r := parseReal(t)
	tests := []struct {
		companyID string
		want      report.Constituent // its ID, Link and Segment; zero when not in the index
	}{
		{"cambricon", report.Constituent{ID: "k01", Link: "AI算力及基础设施", Segment: "AI芯片"}},
		{"shsnc", report.Constituent{ID: "k13", Link: "AI算力及基础设施", Segment: "AI运维服务"}},
		{"cloudwalk", report.Constituent{ID: "k19", Link: "AI算法及数据", Segment: "AI算法"}},
		{"kingsoft-office", report.Constituent{ID: "k22", Link: "AI工具"}},
		{"10jqka", report.Constituent{ID: "k45", Link: "AI应用"}},
		{"glodon", report.Constituent{}}, // a pick, not in the index
		{"meta", report.Constituent{}},
	}
	for _, tt := range tests {
		t.Run(tt.companyID, func(t *testing.T) {
			c, ok := r.ConstituentOf(tt.companyID)
			w := tt.want
			if ok != (w.ID != "") || c.ID != w.ID || c.Link != w.Link || c.Segment != w.Segment {
				t.Errorf("ConstituentOf(%q) = %+v, %v; want %s %s %q", tt.companyID, c, ok, w.ID, w.Link, w.Segment)
			}
		})
	}
}

func TestToBase(t *testing.T) {
	fx := parseReal(t).Financings.FX
	tests := []struct {
		name   string
		fx     report.FX
		in     report.Money
		want   float64
		wantOK bool
	}{
		{"USD stays", fx, report.Money{Value: 25_600_000, Currency: "USD"}, 25_600_000, true},
		{"CNY at the stored rate", fx, report.Money{Value: 30_000_000, Currency: "CNY"}, 30_000_000 / 6.8764, true},
		{"other currency", fx, report.Money{Value: 1, Currency: "EUR"}, 0, false},
		{"no rate", report.FX{Base: "USD", Quote: "CNY"}, report.Money{Value: 1, Currency: "CNY"}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.fx.ToBase(tt.in)
			if ok != tt.wantOK || math.Abs(got-tt.want) > 1e-6 {
				t.Errorf("ToBase(%v) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
			}
		})
	}
	// The CNY round is the largest once converted: 30,000,000 / 6.8764.
	if got, _ := fx.ToBase(report.Money{Value: 30_000_000, Currency: "CNY"}); math.Round(got) != 4_362_748 {
		t.Errorf("30,000,000 CNY = %.2f USD; want about 4,362,748", got)
	}
}

func TestZeroReport(t *testing.T) {
	var r report.Report
	if _, ok := r.Company("360"); ok {
		t.Error("Company on a zero Report found a company")
	}
	if _, ok := r.CompanyByID("qihoo360"); ok {
		t.Error("CompanyByID on a zero Report found a company")
	}
	if got := r.Closest("360", 3); len(got) != 0 {
		t.Errorf("Closest on a zero Report = %v", got)
	}
}
