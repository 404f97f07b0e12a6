package importer

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/airesearch/aiweekly/app/report"
)

// moverTables names the mover lists by the header cell of their column.
var moverTables = map[string]string{
	"本期涨幅":   "period_gainers",
	"今年以来涨幅": "ytd_gainers",
	"本期跌幅":   "period_losers",
}

var retRe = regexp.MustCompile(`^-?\d+(?:\.\d+)?%$`)

// movers reads the sentences that name the top five (kept for the
// cross-check) and the mover tables. A table's header row names a list
// over each pair of columns, name and return.
func (im *importer) movers(ls []line) {
	var cols map[int]string // first column of a pair -> list key
	for _, l := range nonBlank(ls) {
		cells := l.cells()
		switch {
		case strings.Contains(l.raw, "涨幅前") || strings.Contains(l.raw, "跌幅前"):
			im.topLines = append(im.topLines, l)
		case moverTables[cells[0]] != "":
			cols = map[int]string{}
			for i, c := range cells {
				if key := moverTables[c]; key != "" {
					cols[i] = key
				}
			}
		case cols != nil && len(cells) >= 2:
			im.moverRow(l, cells, cols)
		default:
			im.unplace(l, "the movers")
		}
	}
}

// moverRow reads one row of a mover table: a name and a return under each
// list's header. A list shorter than the others leaves its cells empty.
func (im *importer) moverRow(l line, cells []string, cols map[int]string) {
	for i := 0; i+1 < len(cells); i += 2 {
		key, name, ret := cols[i], cells[i], cells[i+1]
		if name == "" && ret == "" {
			continue
		}
		if key == "" || !retRe.MatchString(ret) {
			im.complain(l.n, "want a name and a return like 12.34%% under a list's header, got %q %q", name, ret)
			continue
		}
		list := im.moverList(key)
		im.at(fmt.Sprintf("movers.%s[%d]", key, len(*list)), l.n)
		*list = append(*list, report.Mover{
			Rank:    len(*list) + 1,
			Name:    name,
			Company: im.company(name, l.n),
			Return:  parseFloat(strings.TrimSuffix(ret, "%")),
		})
	}
}

// moverList returns the draft's list with the given JSON key.
func (im *importer) moverList(key string) *[]report.Mover {
	switch key {
	case "ytd_gainers":
		return &im.d.Movers.YTDGainers
	case "period_losers":
		return &im.d.Movers.PeriodLosers
	}
	return &im.d.Movers.PeriodGainers
}

var countRe = regexp.MustCompile(`共(\d+)支`)

// constituents reads the appendix table: its title (with the count it
// promises), its header row, then rows of chain link, sub-track and
// names. An empty link or sub-track cell continues the one above, as the
// PDF's merged cells did; a new link without a sub-track has none.
func (im *importer) constituents(ls []line) {
	var title line
	var link string
	var segment string
	for i, l := range nonBlank(ls) {
		cells := l.cells()
		switch {
		case i == 0:
			title = l
		case i == 1 && len(cells) >= 3:
			// the header row: AI行业环节, 细分赛道, 个股标的
		case len(cells) >= 3 && (cells[0] != "" || link != ""):
			if cells[0] != "" {
				link, segment = cells[0], ""
			}
			if cells[1] != "" {
				segment = cells[1]
			}
			im.constituentRow(l, link, segment, cells[2:])
		default:
			im.unplace(l, "the constituents table")
		}
	}
	if m := countRe.FindStringSubmatch(title.raw); m != nil && m[1] != fmt.Sprint(len(im.d.Constituents)) {
		im.complain(title.n, "the title promises %s constituents, the table lists %d", m[1], len(im.d.Constituents))
	}
}

// constituentRow adds the names of one row.
func (im *importer) constituentRow(l line, link, segment string, names []string) {
	for _, name := range names {
		if name == "" {
			continue
		}
		cs := &im.d.Constituents
		im.at(fmt.Sprintf("constituents[%d]", len(*cs)), l.n)
		*cs = append(*cs, report.Constituent{
			ID:      fmt.Sprintf("k%02d", len(*cs)+1),
			Company: im.company(name, l.n),
			Name:    name,
			Link:    link,
			Segment: segment,
		})
	}
}

var amountRe = regexp.MustCompile(`^(\d+)(?:\.(\d+))?(万|亿)?(美元|人民币|元|港元|港币|欧元|英镑|日元)$`)

// currencies maps the currency words of the amounts to ISO 4217.
var currencies = map[string]string{
	"美元": "USD", "人民币": "CNY", "元": "CNY", "港元": "HKD", "港币": "HKD",
	"欧元": "EUR", "英镑": "GBP", "日元": "JPY",
}

// financings reads the financings table: a header row, then rows of
// company, amount, business and highlights.
func (im *importer) financings(ls []line) {
	for i, l := range nonBlank(ls) {
		cells := l.cells()
		switch {
		case i == 0:
			// the header row: 企业, 融资额, 主营业务/产品, 应用场景/产品亮点
		case len(cells) == 4:
			items := &im.d.Financings.Items
			im.at(fmt.Sprintf("financings.items[%d]", len(*items)), l.n)
			*items = append(*items, report.Financing{
				ID:         fmt.Sprintf("f-%d", len(*items)+1),
				Company:    im.company(cells[0], l.n),
				Name:       cells[0],
				Amount:     im.amount(cells[1], l.n),
				Business:   cells[2],
				Highlights: cells[3],
			})
		default:
			im.unplace(l, "the financings table")
		}
	}
}

// amount reads an amount such as 2560万美元. The value is computed on the
// digits, so that 1.2万 is exactly 12000.
func (im *importer) amount(s string, n int) report.Money {
	m := amountRe.FindStringSubmatch(s)
	if m == nil {
		im.complain(n, "want an amount like 2560万美元, got %q", s)
		return report.Money{AsPrinted: s}
	}
	whole, frac := m[1], m[2]
	shift := map[string]int{"万": 4, "亿": 8}[m[3]]
	for ; shift > 0; shift-- {
		d := "0"
		if frac != "" {
			d, frac = frac[:1], frac[1:]
		}
		whole += d
	}
	v := whole
	if frac != "" {
		v += "." + frac
	}
	return report.Money{Value: parseFloat(v), Currency: currencies[m[4]], AsPrinted: s}
}
