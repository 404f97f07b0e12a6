// Package synthweek makes the synthetic week the tests of the archive use:
// a week before the real one, made by code from data/report.json, with
// other returns, a reordered list, a constituent added and one removed,
// one moved to another chain link, and fewer events and financings, so
// that the real week has new ones. Its title says it is synthetic; it is
// kept in app/testkit/testdata/weeks, which nothing publishes: a server
// serves it only when told to (-weeks).
package synthweek

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/airesearch/aiweekly/app/importer"
	"github.com/airesearch/aiweekly/app/report"
)

// TitleMark ends the title of every synthetic week.
const TitleMark = "（合成测试周，非真实数据）"

// Days is how many days before the real week the synthetic one is dated.
const Days = 7

// Generate returns the synthetic week made from real, the bytes of a real
// week, as a file in data/report.json's form. The result is a valid
// report; Generate fails if it is not.
func Generate(real []byte) ([]byte, error) {
	r, err := report.Parse(real)
	if err != nil {
		return nil, fmt.Errorf("synthetic week: the real week: %w", err)
	}
	if err := earlier(r); err != nil {
		return nil, err
	}
	index(r)
	movers(r)
	constituents(r)
	events(r)
	financings(r)
	b, err := (&importer.Draft{Report: *r}).JSON()
	if err != nil {
		return nil, err
	}
	if _, err := report.Parse(b); err != nil {
		return nil, fmt.Errorf("synthetic week: not valid: %w", err)
	}
	return b, nil
}

// shift moves a YYYY-MM-DD date Days days back.
func shift(date string) (string, error) {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return "", fmt.Errorf("synthetic week: %w", err)
	}
	return t.AddDate(0, 0, -Days).Format(time.DateOnly), nil
}

// earlier dates the week Days days before and marks its title.
func earlier(r *report.Report) error {
	m := &r.Meta
	m.Title += TitleMark
	for _, d := range []*string{&m.ReportDate, &m.Period.From, &m.Period.To} {
		s, err := shift(*d)
		if err != nil {
			return err
		}
		*d = s
	}
	from, _ := time.Parse(time.DateOnly, m.Period.From)
	to, _ := time.Parse(time.DateOnly, m.Period.To)
	m.Period.AsPrinted = fmt.Sprintf("%d月%d日-%d月%d日", from.Month(), from.Day(), to.Month(), to.Day())
	return nil
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// index lowers each index's returns by a different amount, so the excess
// changes too, and says so in place of the real week's commentary, whose
// figures would no longer match.
func index(r *report.Report) {
	ir := &r.IndexReturns
	ir.Commentary = "合成测试周：各指数收益由真实一周的数据按固定幅度调低生成，并非真实行情。"
	for i := range ir.Series {
		s := &ir.Series[i]
		s.PeriodReturn = round2(s.PeriodReturn - 2.5 - float64(i))
		s.YTDReturn = round2(s.YTDReturn - 4 - float64(i))
	}
	if len(ir.Series) >= 2 {
		ir.YTDExcess = round2(ir.Series[0].YTDReturn - ir.Series[1].YTDReturn)
	}
}

// movers scales every return, which keeps each list's order; swaps the
// first two names of the period gainers; and puts a constituent the YTD
// gainers lack in place of their last entry.
func movers(r *report.Report) {
	for _, ms := range [][]report.Mover{r.Movers.PeriodGainers, r.Movers.YTDGainers, r.Movers.PeriodLosers} {
		for i := range ms {
			ms[i].Return = round2(ms[i].Return * 0.8)
		}
	}
	if g := r.Movers.PeriodGainers; len(g) >= 2 {
		g[0].Name, g[0].Company, g[1].Name, g[1].Company = g[1].Name, g[1].Company, g[0].Name, g[0].Company
	}
	y := r.Movers.YTDGainers
	for _, k := range r.Constituents {
		if len(y) > 0 && !slices.ContainsFunc(y, func(m report.Mover) bool { return m.Company == k.Company }) {
			y[len(y)-1].Name, y[len(y)-1].Company = k.Name, k.Company
			break
		}
	}
}

// constituents removes the last constituent, adds a listed company the
// index lacks, and moves the first constituent to another chain link.
func constituents(r *report.Report) {
	ks := r.Constituents
	if len(ks) < 2 {
		return
	}
	ks = ks[:len(ks)-1]
	for _, c := range r.Companies {
		if _, in := r.ConstituentOf(c.ID); !in && c.Kind == "listed" {
			ks = append(ks, report.Constituent{ID: "k99", Company: c.ID, Name: c.Name, Link: ks[0].Link})
			break
		}
	}
	for _, k := range ks[1:] {
		if k.Link != ks[0].Link {
			ks[0].Link, ks[0].Segment = k.Link, k.Segment
			break
		}
	}
	r.Constituents = ks
}

// events drops the items dated after the synthetic report date, and the
// last company event, so that the real week has new ones.
func events(r *report.Report) {
	late := func(date string) bool { return date > r.Meta.ReportDate }
	e := &r.Events
	e.CompanyEvents = slices.DeleteFunc(e.CompanyEvents, func(x report.CompanyEvent) bool { return late(x.Date) })
	if len(e.CompanyEvents) > 1 {
		e.CompanyEvents = e.CompanyEvents[:len(e.CompanyEvents)-1]
	}
	news := func(x report.NewsItem) bool { return late(x.Date) }
	e.DomesticNews = slices.DeleteFunc(e.DomesticNews, news)
	e.OverseasNews = slices.DeleteFunc(e.OverseasNews, news)
}

// financings drops the first round and dates the rate no later than the
// report.
func financings(r *report.Report) {
	f := &r.Financings
	if len(f.Items) > 1 {
		f.Items = f.Items[1:]
	}
	if f.FX.Date > r.Meta.ReportDate {
		f.FX.Date = r.Meta.ReportDate
	}
}
