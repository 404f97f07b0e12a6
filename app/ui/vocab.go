package ui

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// zhCN is the lang attribute of the report's own text, which is Chinese
// and shown as printed in either interface language.
const zhCN = "zh-CN"

// terms are our English labels for the report's fixed vocabulary: the
// chain links, sub-tracks, layers and verticals, the rating scale and the
// two index series. They are shown beside the term as printed, never
// instead of it in a link: URLs keep the printed term, so a link works in
// both languages. A term missing here shows as printed (TestTermsComplete
// checks the report's).
var terms = map[string]string{
	// Chain links.
	"AI算力及基础设施": "AI computing power and infrastructure",
	"AI算法及数据":   "AI algorithms and data",
	"AI工具":      "AI tools",
	"AI应用":      "AI applications",
	// Sub-tracks.
	"AI大模型":   "Large AI models",
	"AI数据":    "AI data",
	"AI服务器":   "AI servers",
	"AI算法":    "AI algorithms",
	"AI芯片":    "AI chips",
	"AI运维服务":  "AI operations services",
	"CPU、GPU": "CPUs and GPUs",
	// Layers and verticals of the recommended stocks.
	"基础层":     "Foundation layer",
	"应用层":     "Application layer",
	"大模型":     "Large models",
	"AI+交通":   "AI + transport",
	"AI+医疗":   "AI + healthcare",
	"AI+工具":   "AI + tools",
	"AI+建筑":   "AI + construction",
	"AI+政务":   "AI + government services",
	"AI+教育":   "AI + education",
	"AI+智慧城市": "AI + smart cities",
	"AI+法律":   "AI + law",
	"AI+网安":   "AI + cybersecurity",
	"AI+金融":   "AI + finance",
	// The industry rating and its scale.
	"看好": "Positive",
	"中性": "Neutral",
	"看淡": "Negative",
	// The index series.
	"AI概念指数":  "AI concept index",
	"沪深300指数": "CSI 300 index",
}

// vocabColumns are the columns and facets whose values are terms.
var vocabColumns = map[string]bool{
	explore.ColLink: true, explore.ColSegment: true, explore.ColLayer: true, explore.ColVertical: true,
}

// hasHan reports whether s holds a Chinese character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// printed shows text from the report as printed; on an English page it is
// marked as Chinese when it holds Chinese, so that a screen reader reads
// it in Chinese. A Chinese page is Chinese throughout and needs no mark.
func (p prefs) printed(s string) app.UI {
	if p.lang != en || !hasHan(s) {
		return app.Text(s)
	}
	return app.Span().Lang(zhCN).Text(s)
}

// asPrinted marks element e, which holds the report's own text, as
// Chinese on an English page.
func asPrinted[E interface{ Lang(string, ...any) E }](p prefs, e E) E {
	if p.lang == en {
		return e.Lang(zhCN)
	}
	return e
}

// term shows a term of the report's vocabulary: as printed on a Chinese
// page; on an English page our label, with the term as printed beside it.
func (p prefs) term(s string) app.UI {
	label, ok := terms[s]
	if p.lang != en || !ok {
		return p.printed(s)
	}
	return app.Span().Class("term").Body(
		app.Text(label+" "),
		app.Span().Class("printed").Lang(zhCN).Text(s),
	)
}

// shortTerms are shorter English labels of the terms whose label does not
// fit beside the bars of a narrow chart.
var shortTerms = map[string]string{
	"AI算力及基础设施": "AI compute & infra",
	"AI运维服务":    "AI ops services",
}

// termLabel is the plain text of a term where no markup fits (a chart
// label): our English label on an English page, else the term as printed.
func (p prefs) termLabel(s string) string {
	if label, ok := terms[s]; ok && p.lang == en {
		return label
	}
	return s
}

// colon and paren write the interface's punctuation: full-width in
// Chinese, ASCII with its spaces in English.
func (p prefs) colon() string { return p.T("punct.colon") }

func (p prefs) paren(s string) string { return fmt.Sprintf(p.T("punct.paren"), s) }

// markChinese marks each <text> and <title> (a bar's tooltip, a link's
// name) of an SVG from app/chart that holds Chinese (a company's name, a
// term as printed) as Chinese, as printed does for the page's text; the
// chart's own words come from the catalog in the page's language.
func markChinese(svg string) string {
	svg = markTag(svg, "<text ", "</text>")
	return markTag(svg, "<title>", "</title>")
}

// markTag adds lang="zh-CN" to each element of svg that starts with open,
// ends at the next close and holds Chinese.
func markTag(svg, open, close string) string {
	var b strings.Builder
	for {
		i := strings.Index(svg, open)
		if i < 0 {
			break
		}
		j := strings.Index(svg[i:], close)
		if j < 0 {
			break
		}
		b.WriteString(svg[:i])
		b.WriteString(open[:len(open)-1])
		if hasHan(svg[i : i+j]) {
			b.WriteString(` lang="` + zhCN + `"`)
		}
		b.WriteString(open[len(open)-1:])
		b.WriteString(svg[i+len(open) : i+j])
		svg = svg[i+j:]
	}
	b.WriteString(svg)
	return b.String()
}
