package importer

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/airesearch/aiweekly/app/report"
)

func TestMentions(t *testing.T) {
	names := (&Curated{Companies: []report.Company{
		{ID: "qihoo360", Name: "三六零", Aliases: []string{"360"}},
		{ID: "meta", Name: "Meta"},
		{ID: "baai", Name: "智源研究院", Aliases: []string{"智源"}},
		{ID: "inspur", Name: "浪潮信息", Aliases: []string{"浪潮"}},
	}}).names()
	for _, tt := range []struct{ text, want string }{
		{"360发布大模型", "[qihoo360]"},
		{"覆盖3600家", "[]"},
		{"A360", "[]"},
		{"Metaverse与Meta", "[meta]"},
		{"智源研究院携手浪潮信息；智源", "[baai inspur]"},
		{"浪潮AIStation与智源", "[inspur baai]"},
	} {
		if got := fmt.Sprint(mentions(names, tt.text)); got != tt.want {
			t.Errorf("mentions(%q) = %s; want %s", tt.text, got, tt.want)
		}
	}
}

func TestAmount(t *testing.T) {
	for in, want := range map[string]string{
		"2560万美元":    "25600000 USD",
		"3000万人民币":   "30000000 CNY",
		"1.2万元":      "12000 CNY",
		"0.35亿美元":    "35000000 USD",
		"1.23456万港元": "12345.6 HKD",
		"500欧元":      "500 EUR",
	} {
		im := &importer{}
		m := im.amount(in, 1)
		if got := strconv.FormatFloat(m.Value, 'f', -1, 64) + " " + m.Currency; got != want || m.AsPrinted != in || len(im.problems) > 0 {
			t.Errorf("amount(%q) = %+v, %v; want %s", in, m, im.problems, want)
		}
	}
	im := &importer{}
	im.amount("数千万美元", 7)
	if len(im.problems) != 1 || im.problems[0].Line != 7 {
		t.Errorf("amount(数千万美元) problems = %v; want one at line 7", im.problems)
	}
}

func TestRetJSON(t *testing.T) {
	for _, tt := range []struct {
		in   Ret
		want string
	}{{25, "25.0"}, {13.6, "13.6"}, {-0.81, "-0.81"}, {257.4, "257.4"}, {0, "0.0"}} {
		if got, _ := tt.in.MarshalJSON(); string(got) != tt.want {
			t.Errorf("Ret(%v).MarshalJSON() = %s; want %s", float64(tt.in), got, tt.want)
		}
	}
}
