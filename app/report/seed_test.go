package report_test

import (
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/airesearch/aiweekly/app/report"
)

// seedPath is a copy of the report as printed, the source of the snapshot.
const seedPath = "testdata/seed.txt"

func readSeed(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// seedLines returns the non-empty lines of seed that follow the line
// header, up to the next empty line.
func seedLines(tb testing.TB, seed, header string) []string {
	tb.Helper()
	_, rest, ok := strings.Cut(seed, "\n"+header+"\n")
	if !ok {
		tb.Fatalf("seed has no line %q", header)
	}
	block, _, _ := strings.Cut(rest, "\n\n")
	return strings.Split(block, "\n")
}

// TestSeedMovers compares the three mover lists with the tables as printed.
func TestSeedMovers(t *testing.T) {
	r, seed := parseReal(t), readSeed(t)
	type row struct {
		name string
		ret  string
	}
	var period, ytd, losers []row
	for _, line := range seedLines(t, seed, "本期涨幅\t\t今年以来涨幅\t") {
		f := strings.Split(line, "\t")
		period = append(period, row{f[0], f[1]})
		ytd = append(ytd, row{f[2], f[3]})
	}
	for _, line := range seedLines(t, seed, "本期跌幅\t") {
		f := strings.Split(line, "\t")
		losers = append(losers, row{f[0], f[1]})
	}
	for _, tt := range []struct {
		list report.MoverList
		want []row
	}{
		{report.PeriodGainers, period},
		{report.YTDGainers, ytd},
		{report.PeriodLosers, losers},
	} {
		t.Run(string(tt.list), func(t *testing.T) {
			ms := r.MoverList(tt.list)
			if len(ms) != len(tt.want) {
				t.Fatalf("%d entries; the seed prints %d", len(ms), len(tt.want))
			}
			for i, m := range ms {
				got := row{m.Name, fmt.Sprintf("%.2f%%", m.Return)}
				if got != tt.want[i] || m.Rank != i+1 {
					t.Errorf("rank %d = %v; the seed prints %v at rank %d", m.Rank, got, tt.want[i], i+1)
				}
			}
		})
	}
}

// TestSeedConstituents compares the constituents with the appendix table,
// whose link and sub-track cells span the rows below them.
func TestSeedConstituents(t *testing.T) {
	r, seed := parseReal(t), readSeed(t)
	if !strings.Contains(seed, fmt.Sprintf("（共%d支）", len(r.Constituents))) {
		t.Errorf("the seed does not print the count %d", len(r.Constituents))
	}
	var want []report.Constituent
	var link, segment string
	for _, line := range seedLines(t, seed, "AI行业环节\t细分赛道\t个股标的\t\t\t\t\t") {
		f := strings.Split(line, "\t")
		if f[0] != "" {
			link, segment = f[0], ""
		}
		if f[1] != "" {
			segment = f[1]
		}
		for _, name := range f[2:] {
			if name != "" {
				want = append(want, report.Constituent{Name: name, Link: link, Segment: segment})
			}
		}
	}
	if len(r.Constituents) != len(want) {
		t.Fatalf("%d constituents; the seed prints %d", len(r.Constituents), len(want))
	}
	for i, c := range r.Constituents {
		got := report.Constituent{Name: c.Name, Link: c.Link, Segment: c.Segment}
		if got != want[i] {
			t.Errorf("constituents[%d] = %+v; the seed prints %+v", i, got, want[i])
		}
	}
}

// TestSeedText checks that every text of the snapshot is printed in the
// seed as it stands, with its number, date and source where it has them.
func TestSeedText(t *testing.T) {
	r, seed := parseReal(t), readSeed(t)
	printed := func(tb testing.TB, s string) {
		tb.Helper()
		if !strings.Contains(seed, s) {
			tb.Errorf("not in the seed: %q", s)
		}
	}

	t.Run("meta", func(t *testing.T) {
		m := r.Meta
		d, err := time.Parse("2006-01-02", m.ReportDate)
		if err != nil {
			t.Fatal(err)
		}
		printed(t, "\n"+m.Title+"\n")
		printed(t, "行业评级："+m.Rating)
		printed(t, fmt.Sprintf("%d年%d月%d日", d.Year(), d.Month(), d.Day()))
		printed(t, "分析师\t"+m.Analyst.Name)
		printed(t, "邮箱\t"+m.Analyst.Email)
		printed(t, "证书编号\t"+m.Analyst.Certificate)
		printed(t, "（"+m.Period.AsPrinted+"）")
		printed(t, m.BrokerFull)
		printed(t, "经营许可证编号为："+m.Source.LicenseNo)
		printed(t, m.Source.URL)
		printed(t, "\n"+m.Institute+"\n")
		printed(t, m.RatingScale.Basis)
		for i, l := range m.RatingScale.Levels {
			printed(t, fmt.Sprintf("%d、%s：%s", i+1, l.Rating, l.Text))
		}
		for _, n := range m.RatingScale.Notes {
			printed(t, n)
		}
		for i, x := range m.Risks {
			printed(t, fmt.Sprintf("%d、%s", i+1, x.Text))
		}
		for _, s := range strings.SplitAfter(m.Disclaimer, "。") {
			if s != "" {
				printed(t, s)
			}
		}
	})

	t.Run("key points and index", func(t *testing.T) {
		for i, k := range r.KeyPoints {
			printed(t, fmt.Sprintf("%d、%s：", i+1, k.Title))
			for _, line := range strings.Split(k.Text, "\n") {
				printed(t, line)
			}
		}
		ir := r.IndexReturns
		printed(t, ir.SectionTitle)
		printed(t, ir.Commentary)
		change := func(f float64) string {
			if f < 0 {
				return fmt.Sprintf("下跌%.2f%%", -f)
			}
			return fmt.Sprintf("上涨%.2f%%", f)
		}
		// The commentary gives the period's returns, then the year's.
		period, ytd, ok := strings.Cut(ir.Commentary, "年初至今")
		if !ok {
			t.Fatalf("commentary has no year to date: %q", ir.Commentary)
		}
		for _, s := range ir.Series {
			if p := s.Name + change(s.PeriodReturn); !strings.Contains(period, p) {
				t.Errorf("the period's returns do not include %q", p)
			}
			if y := s.Name + change(s.YTDReturn); !strings.Contains(ytd, y) {
				t.Errorf("the year's returns do not include %q", y)
			}
		}
		printed(t, fmt.Sprintf("跑赢%s %.2f pct", ir.Series[1].Name, ir.YTDExcess))
	})

	t.Run("events", func(t *testing.T) {
		for _, e := range r.Events.CompanyEvents {
			printed(t, fmt.Sprintf("%d、%s", e.Number, e.Title))
			checkDate(t, e.ID, e.Date, e.DateAsPrinted, e.Title)
			for _, s := range append(e.Details, e.Views...) {
				printed(t, s)
			}
		}
		for _, n := range append(r.Events.DomesticNews, r.Events.OverseasNews...) {
			printed(t, fmt.Sprintf("%d、%s", n.Number, n.Title))
			checkDate(t, n.ID, n.Date, n.DateAsPrinted, n.Title)
			printed(t, n.Text)
			printed(t, "（来源："+n.Source+"）")
		}
	})

	t.Run("financings", func(t *testing.T) {
		for _, f := range r.Financings.Items {
			printed(t, strings.Join([]string{f.Name, f.Amount.AsPrinted, f.Business, f.Highlights}, "\t"))
			if v, cur := amountAsPrinted(t, f.Amount.AsPrinted); v != f.Amount.Value || cur != f.Amount.Currency {
				t.Errorf("%s: amount %v %s; %q is %v %s", f.ID, f.Amount.Value, f.Amount.Currency, f.Amount.AsPrinted, v, cur)
			}
		}
	})

	t.Run("picks", func(t *testing.T) {
		for _, p := range r.Picks {
			var names []string
			for _, s := range p.Stocks {
				names = append(names, s.Name)
			}
			// The key points list the picks on one line per layer, the
			// stocks of a vertical joined by either kind of comma.
			line := lineWith(seed, "（1）基础层：")
			if p.Layer == "应用层" {
				line = lineWith(seed, "（2）应用层：")
			}
			if !strings.Contains(line, p.Vertical+"："+strings.Join(names, "，")) &&
				!strings.Contains(line, p.Vertical+"："+strings.Join(names, "、")) {
				t.Errorf("%s %s: %v not printed in %q", p.Layer, p.Vertical, names, line)
			}
		}
	})

	t.Run("company names", func(t *testing.T) {
		for _, c := range r.Companies {
			printed(t, c.Name)
			for _, a := range c.Aliases {
				printed(t, a)
			}
		}
	})

	t.Run("event companies are named", func(t *testing.T) {
		named := func(id, text string) bool {
			c, _ := r.CompanyByID(id)
			for _, n := range append([]string{c.Name}, c.Aliases...) {
				if strings.Contains(text, n) {
					return true
				}
			}
			return false
		}
		for _, e := range r.Events.CompanyEvents {
			text := e.Title + strings.Join(e.Details, "") + strings.Join(e.Views, "")
			for _, id := range e.Companies {
				if !named(id, text) {
					t.Errorf("%s is about %s, which it does not name", e.ID, id)
				}
			}
		}
		for _, n := range append(r.Events.DomesticNews, r.Events.OverseasNews...) {
			for _, id := range n.Companies {
				if !named(id, n.Title+n.Text) {
					t.Errorf("%s is about %s, which it does not name", n.ID, id)
				}
			}
		}
	})
}

// checkDate checks that an ISO date agrees with the date as printed (4月5日)
// and that a title starts with the date as printed.
func checkDate(tb testing.TB, id, date, asPrinted, title string) {
	tb.Helper()
	if !strings.HasPrefix(title, asPrinted+"，") {
		tb.Errorf("%s: title %q does not start with %q", id, title, asPrinted)
	}
	if date == "" {
		return
	}
	d, err := time.Parse("2006-01-02", date)
	if err != nil {
		tb.Fatalf("%s: %v", id, err)
	}
	if want := fmt.Sprintf("%d月%d日", d.Month(), d.Day()); asPrinted != want {
		tb.Errorf("%s: date %s printed as %q; want %q", id, date, asPrinted, want)
	}
}

// amountAsPrinted reads an amount such as 2560万美元.
func amountAsPrinted(tb testing.TB, s string) (float64, string) {
	tb.Helper()
	num, unit, ok := strings.Cut(s, "万")
	n, err := strconv.ParseFloat(num, 64)
	if !ok || err != nil {
		tb.Fatalf("amount %q: want a number of 万", s)
	}
	cur := map[string]string{"美元": "USD", "人民币": "CNY", "元": "CNY"}[unit]
	return math.Round(n * 10000), cur
}

// lineWith returns the line of s that contains sub.
func lineWith(s, sub string) string {
	for _, line := range strings.Split(s, "\n") {
		if strings.Contains(line, sub) {
			return line
		}
	}
	return ""
}
