package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/airesearch/aiweekly/app/report"
)

var reportDateRe = regexp.MustCompile(`^(\d{4})年(\d{1,2})月(\d{1,2})日$`)

// header reads the cover: title, rating, report date and the analyst.
func (im *importer) header(ls []line) {
	m := &im.d.Meta
	for _, l := range nonBlank(ls) {
		t := l.text()
		key, val, tab := strings.Cut(t, "\t")
		val = strings.TrimSpace(val)
		switch {
		case strings.HasPrefix(t, "行业评级："):
			m.Rating = strings.TrimPrefix(t, "行业评级：")
			im.at("meta.rating", l.n)
		case reportDateRe.MatchString(t):
			im.reportDateLine(l)
		case tab && key == "分析师":
			m.Analyst.Name = val
			im.at("meta.analyst", l.n)
		case tab && key == "邮箱":
			m.Analyst.Email = val
			im.at("meta.analyst.email", l.n)
		case tab && key == "证书编号":
			m.Analyst.Certificate = val
			im.at("meta.analyst.certificate", l.n)
		case m.Title == "":
			m.Title = t
			im.at("meta.title", l.n)
		default:
			im.unplace(l, "the header")
		}
	}
}

// reportDateLine reads the report date (2023年4月16日).
func (im *importer) reportDateLine(l line) {
	g := reportDateRe.FindStringSubmatch(l.text())
	s := fmt.Sprintf("%s-%s-%s", g[1], pad(g[2]), pad(g[3]))
	im.d.Meta.ReportDate = s
	im.at("meta.report_date", l.n)
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		im.reportDate = t
	}
}

var keyPointRe = regexp.MustCompile(`^(\d+)、(.+)：$`)

// summary reads the numbered key points, each a heading ending in "："
// and its paragraphs, and keeps the summary's risk line for the
// cross-check.
func (im *importer) summary(ls []line) {
	d := im.d
	var text []string
	flush := func() {
		if len(d.KeyPoints) > 0 {
			d.KeyPoints[len(d.KeyPoints)-1].Text = strings.Join(text, "\n")
		}
		text = nil
	}
	for _, l := range nonBlank(ls) {
		t := l.text()
		switch m := keyPointRe.FindStringSubmatch(t); {
		case strings.HasPrefix(t, "风险提示："):
			im.summaryRisks = &l
		case m != nil:
			flush()
			im.at(fmt.Sprintf("key_points[%d]", len(d.KeyPoints)), l.n)
			d.KeyPoints = append(d.KeyPoints, report.KeyPoint{ID: fmt.Sprintf("kp-%d", len(d.KeyPoints)+1), Title: m[2]})
		case len(d.KeyPoints) > 0:
			text = append(text, t)
		default:
			im.unplace(l, "the key points")
		}
	}
	flush()
}

var (
	sectionTitleRe = regexp.MustCompile(`^\d{2}\s+(.+)$`)
	periodRe       = regexp.MustCompile(`（(\d{1,2}月\d{1,2}日)-(\d{1,2}月\d{1,2}日)）`)
	excessRe       = regexp.MustCompile(`(跑赢|跑输)[^；。]*?(\d+(?:\.\d+)?)\s*pct`)
)

// index reads the index section: its title and the paragraph that gives
// the covered period and the returns of the indexes.
func (im *importer) index(ls []line) {
	ir := &im.d.IndexReturns
	for i, l := range nonBlank(ls) {
		switch {
		case i == 0:
			if m := sectionTitleRe.FindStringSubmatch(l.text()); m != nil {
				ir.SectionTitle = m[1]
			}
			im.at("index_returns.section_title", l.n)
		case i == 1:
			ir.Commentary = l.text()
			im.at("index_returns", l.n)
			im.indexFigures(l)
		default:
			im.unplace(l, "the index section")
		}
	}
}

// indexFigures reads the period, each curated index's period and
// year-to-date return, and the year-to-date excess from the commentary.
func (im *importer) indexFigures(l line) {
	t := l.text()
	if p := periodRe.FindStringSubmatch(t); p != nil {
		m := &im.d.Meta
		m.Period.AsPrinted = p[1] + "-" + p[2]
		im.at("meta.period", l.n)
		m.Period.From, m.Period.To = im.date(p[1]), im.date(p[2])
	} else {
		im.complain(l.n, "no covered period （M月D日-M月D日） in the index commentary")
	}
	clauses := strings.Split(t, "；")
	for _, ix := range im.cur.Indexes {
		s := report.IndexSeries{ID: ix.ID, Name: ix.Name}
		re := regexp.MustCompile(regexp.QuoteMeta(ix.Name) + `(上涨|下跌)(\d+(?:\.\d+)?)%`)
		var period, ytd bool
		for _, c := range clauses {
			m := re.FindStringSubmatch(c)
			if m == nil {
				continue
			}
			r := (signed(m[1] == "下跌", m[2]))
			switch {
			case strings.Contains(c, "年初至今") && !ytd:
				s.YTDReturn, ytd = r, true
			case !strings.Contains(c, "年初至今") && !period:
				s.PeriodReturn, period = r, true
			}
		}
		if !period || !ytd {
			im.complain(l.n, "no period and year-to-date return (上涨/下跌 N%%) for %s", ix.Name)
			continue
		}
		im.d.IndexReturns.Series = append(im.d.IndexReturns.Series, s)
	}
	if m := excessRe.FindStringSubmatch(t); m != nil {
		im.d.IndexReturns.YTDExcess = signed(m[1] == "跑输", m[2])
	} else {
		im.complain(l.n, "no year-to-date excess (跑赢/跑输 … N pct) in the index commentary")
	}
}

// signed parses a number that the text prints without its sign.
func signed(negative bool, s string) float64 {
	f := parseFloat(s)
	if negative {
		return -f
	}
	return f
}

// parseFloat parses a number the regular expressions have already
// matched, so it cannot fail.
func parseFloat(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}
