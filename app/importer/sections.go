package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/airesearch/aiweekly/app/report"
)

// section is one part of the weekly. The extracted text keeps none of the
// PDF's headings, so a section is known by its first line, and the
// sections always come in the order of [sections].
type section struct {
	name   string         // for complaints
	starts *regexp.Regexp // matches the section's first line; nil for the header
	want   string         // what that first line looks like, for a complaint
	parse  func(*importer, []line)
}

// sections lists the weekly's parts in the order it prints them. The news
// lists and the risks start alike ("- 1、"); their place in the order tells
// them apart.
var sections = []section{
	{"header", nil, "", (*importer).header},
	{"key points", regexp.MustCompile(`^1、`), "1、…：", (*importer).summary},
	{"index section", regexp.MustCompile(`^\d{2}\s`), "01 板块表现：…", (*importer).index},
	{"movers", regexp.MustCompile(`涨幅前|^本期涨幅`), "本期涨幅\t\t今年以来涨幅", (*importer).movers},
	{"company events", regexp.MustCompile(`^1、`), "1、4月5日，…", (*importer).companyEvents},
	{"domestic news", regexp.MustCompile(`^- 1、`), "- 1、…", (*importer).domesticNews},
	{"overseas news", regexp.MustCompile(`^- 1、`), "- 1、…", (*importer).overseasNews},
	{"financings table", regexp.MustCompile(`^企业\t融资额`), "企业\t融资额\t…", (*importer).financings},
	{"picks", regexp.MustCompile(`^- \*\*基础层`), "- **基础层：**", (*importer).picks},
	{"risks", regexp.MustCompile(`^- 1、`), "- 1、…", (*importer).risks},
	{"constituents table", regexp.MustCompile(`^表附录`), "表附录：…成分股（共N支）", (*importer).constituents},
	{"rating scale", regexp.MustCompile(`^行业的投资评级`), "行业的投资评级", (*importer).ratingScale},
	{"legal notice", regexp.MustCompile(`^法律声明`), "法律声明及风险提示", (*importer).legal},
	{"footer", regexp.MustCompile(`^\S+研究所$`), "…研究所", (*importer).footer},
}

// split cuts the lines into one group per section. A line that starts a
// later section than the next one means the sections between are missing;
// each is reported at that line.
func (im *importer) split(ls []line) [][]line {
	groups := make([][]line, len(sections))
	cur := 0
	for _, l := range ls {
		for k := cur + 1; k < len(sections); k++ {
			if !sections[k].starts.MatchString(l.raw) {
				continue
			}
			for _, s := range sections[cur+1 : k] {
				im.complain(l.n, "no %s before this line (it starts with a line like %q)", s.name, s.want)
			}
			cur = k
			break
		}
		groups[cur] = append(groups[cur], l)
	}
	for _, s := range sections[cur+1:] {
		im.complain(0, "no %s at the end of the text (it starts with a line like %q)", s.name, s.want)
	}
	return groups
}

// crossCheck compares what the text prints twice: the top movers in a
// sentence and in the tables, the risks in the summary and at the end.
func (im *importer) crossCheck() {
	for _, l := range im.topLines {
		im.checkTop(l)
	}
	if im.summaryRisks != nil {
		im.checkRisks(*im.summaryRisks)
	}
}

var topRe = regexp.MustCompile(`([^、：（）]+)（(-?\d+(?:\.\d+)?)%）`)

// checkTop compares a sentence such as "涨幅前五的AI概念标的是：源杰科技（63.81%）、…"
// with the head of the matching mover list.
func (im *importer) checkTop(l line) {
	for _, clause := range strings.Split(l.text(), "；") {
		key, list := im.listOf(clause)
		for i, m := range topRe.FindAllStringSubmatch(clause, -1) {
			name, ret := m[1], parseFloat(m[2])
			if i >= len(list) {
				im.complain(l.n, "%s (%s%%) is number %d of %s here, but the table lists only %d", name, m[2], i+1, key, len(list))
				break
			}
			if got := list[i]; got.Name != name || float64(got.Return) != ret {
				at := im.d.lines[fmt.Sprintf("movers.%s[%d]", key, i)]
				im.complain(at, "%s %v%% at rank %d here, but line %d prints %s %s%%", got.Name, float64(got.Return), i+1, l.n, name, m[2])
			}
		}
	}
}

// listOf returns the mover list a clause of the top-five sentence speaks
// of, with its JSON key.
func (im *importer) listOf(clause string) (string, []report.Mover) {
	switch {
	case strings.Contains(clause, "跌幅"):
		return "period_losers", im.d.Movers.PeriodLosers
	case strings.Contains(clause, "年初至今"), strings.Contains(clause, "今年以来"):
		return "ytd_gainers", im.d.Movers.YTDGainers
	}
	return "period_gainers", im.d.Movers.PeriodGainers
}

var numberedRe = regexp.MustCompile(`\d+、`)

// checkRisks compares the summary's "风险提示：1、…；2、…" with the risks
// at the end of the report, spaces aside (the two print them differently).
func (im *importer) checkRisks(l line) {
	_, list, _ := strings.Cut(l.text(), "：")
	var got []string
	for _, s := range numberedRe.Split(list, -1) {
		if s = strings.Trim(s, "； "); s != "" {
			got = append(got, s)
		}
	}
	risks := im.d.Meta.Risks
	squash := func(s string) string { return strings.ReplaceAll(s, " ", "") }
	if len(got) != len(risks) {
		im.complain(l.n, "the summary lists %d risks, the risks section %d", len(got), len(risks))
		return
	}
	for i, r := range risks {
		if squash(r.Text) != squash(got[i]) {
			im.complain(im.d.lines[fmt.Sprintf("meta.risks[%d]", i)], "risk %d reads %q here, but line %d prints %q", i+1, r.Text, l.n, got[i])
		}
	}
}

// assembleCompanies lists the companies the draft refers to, in the order
// of first reference: constituents, movers, picks, events, financings.
func (im *importer) assembleCompanies() {
	d := im.d
	var ids []string
	add := func(id string) {
		if id != "" && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	for _, c := range d.Constituents {
		add(c.Company)
	}
	for _, l := range [][]report.Mover{d.Movers.PeriodGainers, d.Movers.YTDGainers, d.Movers.PeriodLosers} {
		for _, m := range l {
			add(m.Company)
		}
	}
	for _, p := range d.Picks {
		for _, s := range p.Stocks {
			add(s.Company)
		}
	}
	for _, e := range d.Events.CompanyEvents {
		for _, id := range e.Companies {
			add(id)
		}
	}
	for _, n := range slices.Concat(d.Events.DomesticNews, d.Events.OverseasNews) {
		for _, id := range n.Companies {
			add(id)
		}
	}
	for _, f := range d.Financings.Items {
		add(f.Company)
	}
	for _, id := range ids {
		c, _ := im.cur.company(id)
		c.Aliases = slices.Clone(c.Aliases)
		d.Companies = append(d.Companies, c)
	}
}
