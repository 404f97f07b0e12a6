package importer

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/airesearch/aiweekly/app/report"
)

var layerRe = regexp.MustCompile(`^- \*\*(.+?)：\*\*$`)

// picks reads the recommended stocks: a bullet per layer ("- **基础层：**"),
// then lines of "vertical：stock，stock" joined by "；".
func (im *importer) picks(ls []line) {
	layer := ""
	for _, l := range nonBlank(ls) {
		t := l.text()
		if m := layerRe.FindStringSubmatch(t); m != nil {
			layer = m[1]
			continue
		}
		if layer == "" || !strings.Contains(t, "：") {
			im.unplace(l, "the picks")
			continue
		}
		for _, part := range strings.Split(t, "；") {
			if part = strings.TrimSpace(part); part != "" {
				im.pick(l, layer, part)
			}
		}
	}
}

// pick adds one vertical with its stocks, from "AI+医疗：创业慧康，久远银海".
func (im *importer) pick(l line, layer, part string) {
	vertical, names, ok := strings.Cut(part, "：")
	if !ok {
		im.complain(l.n, "want vertical：stocks in the picks, got %q", part)
		return
	}
	ps := &im.d.Picks
	im.at(fmt.Sprintf("picks[%d]", len(*ps)), l.n)
	p := report.Pick{ID: fmt.Sprintf("p-%d", len(*ps)+1), Layer: layer, Vertical: vertical}
	for _, name := range strings.FieldsFunc(names, func(r rune) bool { return r == '，' || r == '、' }) {
		name = strings.TrimSpace(name)
		p.Stocks = append(p.Stocks, report.PickStock{Name: name, Company: im.company(name, l.n)})
	}
	*ps = append(*ps, p)
}

var bulletRe = regexp.MustCompile(`^- \d+、(.+)$`)

// risks reads the risk bullets "- N、text；".
func (im *importer) risks(ls []line) {
	rs := &im.d.Meta.Risks
	for _, l := range nonBlank(ls) {
		m := bulletRe.FindStringSubmatch(l.text())
		if m == nil {
			im.unplace(l, "the risks")
			continue
		}
		im.at(fmt.Sprintf("meta.risks[%d]", len(*rs)), l.n)
		*rs = append(*rs, report.Risk{ID: fmt.Sprintf("r-%d", len(*rs)+1), Text: strings.TrimSuffix(m[1], "；")})
	}
}

var (
	levelRe = regexp.MustCompile(`^([^：]+)：(.+)$`)
	boundRe = regexp.MustCompile(`([+-])\s*(\d+(?:\.\d+)?)%`)
)

// ratingScale reads the rating scale: its heading, the paragraph giving
// the basis, a bullet per rating, then notes.
func (im *importer) ratingScale(ls []line) {
	rs := &im.d.Meta.RatingScale
	for i, l := range nonBlank(ls) {
		t := l.text()
		m := bulletRe.FindStringSubmatch(t)
		switch {
		case i == 0:
			// the heading, 行业的投资评级
		case m != nil:
			im.level(l, m[1])
		case len(rs.Levels) == 0 && rs.Basis == "":
			rs.Basis = t
			im.at("meta.rating_scale.basis", l.n)
		case len(rs.Levels) > 0:
			im.at(fmt.Sprintf("meta.rating_scale.notes[%d]", len(rs.Notes)), l.n)
			rs.Notes = append(rs.Notes, t)
		default:
			im.unplace(l, "the rating scale")
		}
	}
}

// level reads one rating, "看好：行业指数相对于沪深300指数表现 + 10%以上；", with
// its bounds on the excess return: two signed figures are a range, one is
// a lower bound when followed by 以上 and an upper one by 以下.
func (im *importer) level(l line, s string) {
	m := levelRe.FindStringSubmatch(s)
	if m == nil {
		im.unplace(l, "the rating scale")
		return
	}
	ls := &im.d.Meta.RatingScale.Levels
	im.at(fmt.Sprintf("meta.rating_scale.levels[%d]", len(*ls)), l.n)
	lv := report.RatingLevel{Rating: m[1], Text: strings.TrimSuffix(m[2], "；")}
	bounds := boundRe.FindAllStringSubmatchIndex(lv.Text, -1)
	value := func(b []int) *float64 {
		f := signed(lv.Text[b[2]:b[3]] == "-", lv.Text[b[4]:b[5]])
		return &f
	}
	switch len(bounds) {
	case 2:
		lv.MinExcess, lv.MaxExcess = value(bounds[0]), value(bounds[1])
	case 1:
		switch rest := lv.Text[bounds[0][1]:]; {
		case strings.HasPrefix(rest, "以上"):
			lv.MinExcess = value(bounds[0])
		case strings.HasPrefix(rest, "以下"):
			lv.MaxExcess = value(bounds[0])
		}
	}
	if lv.MinExcess == nil && lv.MaxExcess == nil {
		im.complain(l.n, "no bound (+ N%%以上, - N%%以下, or - N%% ~ + N%%) in rating %s", lv.Rating)
	}
	*ls = append(*ls, lv)
}

var (
	brokerRe  = regexp.MustCompile(`^本报告由(.+?)（`)
	licenseRe = regexp.MustCompile(`编号为：([A-Za-z0-9]+)`)
)

// boilerplate lists the paragraphs of the legal notice that the report
// model does not hold, by their opening words.
var boilerplate = map[string]string{
	"本公司的交易人员": "legal notice: the firm's other staff may hold other views",
	"本报告版权":    "legal notice: copyright and reprint terms",
}

// legal reads the legal notice: the broker and its licence from the
// paragraph naming the author, the disclaimer from the paragraphs saying
// what the report is not ("本报告仅…").
func (im *importer) legal(ls []line) {
	m := &im.d.Meta
	for i, l := range nonBlank(ls) {
		t := l.text()
		switch {
		case i == 0:
			// the heading, 法律声明及风险提示
		case brokerRe.MatchString(t):
			m.BrokerFull = brokerRe.FindStringSubmatch(t)[1]
			m.Broker = strings.TrimSuffix(strings.TrimSuffix(m.BrokerFull, "股份有限公司"), "有限公司")
			im.at("meta.broker_full", l.n)
			if lic := licenseRe.FindStringSubmatch(t); lic != nil {
				m.Source.LicenseNo = lic[1]
				im.at("meta.source.license_no", l.n)
			}
		case strings.HasPrefix(t, "本报告仅"):
			m.Disclaimer += t
			im.at("meta.disclaimer", l.n)
		case im.boilerplate(l):
		default:
			im.unplace(l, "the legal notice")
		}
	}
}

// boilerplate skips l if it opens like a known boilerplate paragraph.
func (im *importer) boilerplate(l line) bool {
	for opening, why := range boilerplate {
		if strings.HasPrefix(l.text(), opening) {
			im.skip(l, why)
			return true
		}
	}
	return false
}

var (
	urlRe     = regexp.MustCompile(`^.+：<(https?://[^>]+)>$`)
	contactRe = regexp.MustCompile(`^(\S*地址|邮政编码|电话|传真)：`)
)

// footer reads the publisher's name and web address, and skips its
// addresses and numbers.
func (im *importer) footer(ls []line) {
	m := &im.d.Meta
	for i, l := range nonBlank(ls) {
		t := l.text()
		switch u := urlRe.FindStringSubmatch(t); {
		case i == 0:
			m.Institute, m.Source.Publisher = t, t
			im.at("meta.institute", l.n)
		case u != nil:
			m.Source.URL = u[1]
			im.at("meta.source.url", l.n)
		case contactRe.MatchString(t):
			im.skip(l, "footer: the publisher's address, post code, telephone or fax")
		default:
			im.unplace(l, "the footer")
		}
	}
}
