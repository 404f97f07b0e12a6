package chart

import "fmt"

// Amount is one row of [Amounts]: a financing converted to US dollars by the
// caller, with the amount as printed.
type Amount struct {
	Label string  // e.g. 宇宙奇点
	USD   float64 // in dollars, e.g. 4362748.5 for 3000万人民币 at 6.8764
	Note  string  // e.g. 3000万人民币; drawn after the value where it fits
	// Href, when set, wraps the row in a link (relative or http(s)) named
	// by Name: the label and the value if Name is empty.
	Href, Name string
}

// Amounts draws financing amounts as horizontal bars on one dollar axis in
// the order given, each value followed by its note, and the axis captioned
// with o.Labels.Axis, which should name the rate used (按 … 汇率折算).
// Amounts must be zero or more.
func Amounts(rows []Amount, o Options) ([]byte, error) {
	o = o.normalized()
	c, err := amounts(rows, o)
	if err != nil {
		return nil, err
	}
	return c.svg(title(o.Title, "融资金额"), o.Labels.Axis, roleOf(rows, func(a Amount) string { return a.Href }), o.DescribedBy)
}

func amounts(rows []Amount, o Options) (*canvas, error) {
	pal := o.palette()
	spec := hbarSpec{axisUnit: usd, caption: o.Labels.Axis}
	shown := firstRows(rows, o, &spec)
	for i, r := range shown {
		if err := finite(r.USD, fmt.Sprintf("amounts[%d].usd", i)); err != nil {
			return nil, err
		}
		if r.USD < 0 {
			return nil, fmt.Errorf("amounts[%d].usd: want zero or more, got %v", i, r.USD)
		}
		if err := checkHref(r.Href); err != nil {
			return nil, fmt.Errorf("amounts[%d].href: %w", i, err)
		}
		row := hrow{label: r.Label, value: r.USD, text: usd(r.USD), fill: pal.series[0], color: pal.text, href: r.Href}
		if r.Note != "" {
			row.short = row.text
			row.text += "（" + r.Note + "）"
		}
		row.name = linkName(r.Name, r.Label, row.text)
		spec.rows = append(spec.rows, row)
	}
	return hbar(spec, o), nil
}
