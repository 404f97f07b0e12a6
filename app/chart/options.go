package chart

import (
	"reflect"
	"strconv"
	"strings"
)

// Scheme is the colour convention for gains and losses. The zero value is
// [CN].
type Scheme int

// The two colour conventions.
const (
	CN   Scheme = iota // gains red, losses green, as Chinese market software draws them
	Intl               // gains green, losses red
)

// Options sets a chart's size, colours and the few strings it draws. The
// zero value draws a 640 px wide light chart in the [CN] convention with
// Chinese default strings.
type Options struct {
	// Width is the width of the viewBox in px; 0 means 640, and anything
	// below 320 is drawn at 320. The SVG scales to its container, so this
	// sets the layout (how much fits on a line), not the size on screen.
	Width int
	// Height is the preferred height in px; 0 picks one from the width.
	// Horizontal bar charts take the height their rows need instead: 20 to
	// 36 px a row, inside that range as close to Height as they can.
	Height int
	// Colors picks which of red and green means a gain.
	Colors Scheme
	// Dark draws light text on a dark background.
	Dark bool
	// Title is the chart's accessible name: the <title> element and the
	// aria-label of the root <svg>. Empty means a default per chart.
	Title string
	// MaxRows caps the rows of a horizontal bar chart; the rest are left out
	// with a note ([Labels.More]). 0 means 50.
	MaxRows int
	// Labels holds the strings drawn on the charts, from the caller's
	// message catalog. Empty fields take Chinese defaults.
	Labels Labels
	// DescribedBy is the id of an element on the page that describes the
	// chart, such as a note pointing to the table with the same data. It
	// becomes the root <svg>'s aria-describedby; empty leaves it out.
	DescribedBy string
}

// Labels holds the user-visible strings a chart draws, so that the UI's
// message catalog stays the one place for them. Fields in braces are
// replaced: {n}, {shown}, {total}, {label}.
type Labels struct {
	Period   string // IndexReturns: the period group, default "本区间"
	YTD      string // IndexReturns: the year-to-date group, default "年初至今"
	Excess   string // IndexReturns: the excess label, default "超额收益"
	Points   string // the unit of an excess, default "pct"
	Company  string // EventsPerDay: company events, default "公司动态"
	Domestic string // EventsPerDay: domestic news, default "国内新闻"
	Overseas string // EventsPerDay: overseas news, default "海外新闻"
	Undated  string // EventsPerDay: items with no date, default "另有 {n} 条未注明日期"
	Day      string // EventsPerDay: a time layout for day labels, default "1/2"
	Axis     string // Amounts: the axis caption, default "美元（USD）"
	Link     string // Counts: a bar's link name, default "筛选：{label}（{n}）"
	More     string // the note when rows were cut, default "仅显示前 {shown} 项，共 {total} 项"
	Empty    string // the note on a chart with no rows, default "无数据"
}

// defaultLabels returns the strings a chart draws where [Labels] leaves
// one empty, grouped by the chart that draws them.
func defaultLabels() Labels {
	return Labels{
		Period: "本区间", YTD: "年初至今", Excess: "超额收益", Points: "pct",
		Company: "公司动态", Domestic: "国内新闻", Overseas: "海外新闻", Undated: "另有 {n} 条未注明日期", Day: "1/2",
		Axis: "美元（USD）", Link: "筛选：{label}（{n}）",
		More: "仅显示前 {shown} 项，共 {total} 项", Empty: "无数据",
	}
}

// withDefaults fills each empty field of l from [defaultLabels]. Every
// field of Labels is a string, so one loop serves them all.
func (l Labels) withDefaults() Labels {
	v, d := reflect.ValueOf(&l).Elem(), reflect.ValueOf(defaultLabels())
	for i := range v.NumField() {
		if v.Field(i).String() == "" {
			v.Field(i).Set(d.Field(i))
		}
	}
	return l
}

// fill replaces the {key} fields of tmpl with the given pairs (key,
// value, key, value...), in one pass as strings.Replacer would: a value
// is never searched again. strings.Replacer would add its tries and
// replacer kinds, 15 KB, to the wasm for these three labels.
func fill(tmpl string, pairs ...string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		b.WriteString(tmpl[:i])
		tmpl = tmpl[i:]
		key, value := "{", "{" // a brace that starts no key stays as it is
		for j := 0; j+1 < len(pairs); j += 2 {
			if strings.HasPrefix(tmpl, pairs[j]) {
				key, value = pairs[j], pairs[j+1]
				break
			}
		}
		b.WriteString(value)
		tmpl = tmpl[len(key):]
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// Layout constants, in px.
const (
	defaultWidth = 640
	minWidth     = 320
	fontSize     = 12.0 // labels and values
	smallSize    = 11.0 // ticks, notes
	margin       = 8.0
	gap          = 6.0 // between a label and what it labels
	lineHeight   = 1.25
	defaultRows  = 50
)

// normalized returns o with defaults filled in.
func (o Options) normalized() Options {
	if o.Width == 0 {
		o.Width = defaultWidth
	}
	o.Width = max(o.Width, minWidth)
	o.Height = max(o.Height, 0)
	if o.MaxRows <= 0 {
		o.MaxRows = defaultRows
	}
	o.Labels = o.Labels.withDefaults()
	return o
}

// palette is the set of colours one chart is drawn with.
type palette struct {
	bg, text, muted, grid, axis rgba
	gain, loss                  rgba // bar fills
	gainText, lossText          rgba // value text, darker or lighter for contrast
	series                      [3]rgba
}

// Both the light and the dark colours keep text at a contrast of at least
// 4.5:1 against the background.
var (
	red      = colorFromHex("e5484d")
	green    = colorFromHex("30a46c")
	lightPal = palette{
		bg:       colorFromHex("ffffff"),
		text:     colorFromHex("1c2024"),
		muted:    colorFromHex("60646c"),
		grid:     colorFromHex("e0e1e6"),
		axis:     colorFromHex("8b8d98"),
		gainText: colorFromHex("c62a2f"),
		lossText: colorFromHex("18794e"),
		series: [3]rgba{
			colorFromHex("3e63dd"),
			colorFromHex("f76b15"),
			colorFromHex("8e4ec6"),
		},
	}
	darkPal = palette{
		bg:       colorFromHex("111113"),
		text:     colorFromHex("edeef0"),
		muted:    colorFromHex("b0b4ba"),
		grid:     colorFromHex("2e3135"),
		axis:     colorFromHex("696e77"),
		gainText: colorFromHex("ff9592"),
		lossText: colorFromHex("3dd68c"),
		series: [3]rgba{
			colorFromHex("849dff"),
			colorFromHex("ff801f"),
			colorFromHex("b658c4"),
		},
	}
)

// palette returns the colours for o, with gain and loss swapped for [Intl].
func (o Options) palette() palette {
	p := lightPal
	if o.Dark {
		p = darkPal
	}
	p.gain, p.loss = red, green
	if o.Colors == Intl {
		p.gain, p.loss = green, red
		p.gainText, p.lossText = p.lossText, p.gainText
	}
	return p
}
