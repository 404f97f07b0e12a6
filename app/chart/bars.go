package chart

import "fmt"

// Bar is one row of [Bars]: a name and a signed return in percent.
type Bar struct {
	Label string  // e.g. 云从科技-UW
	Value float64 // percent, e.g. 174 for +174%
	// Href, when set, wraps the row, bar and label, in a link (relative or
	// http(s)), named by Name: the label and the value if Name is empty.
	Href, Name string
}

// Bars draws signed values, such as the movers' returns, as horizontal bars
// in the order given: the label left of the bars, the value with its sign
// and ▲ or ▼ at the bar's end, gains and losses filled in the colours of
// o.Colors. Rows past o.MaxRows are left out with a note saying so.
func Bars(rows []Bar, o Options) ([]byte, error) {
	c, err := bars(rows, o.normalized())
	if err != nil {
		return nil, err
	}
	return c.svg(title(o.Title, "涨跌幅"), "", roleOf(rows, func(b Bar) string { return b.Href }), o.DescribedBy)
}

func bars(rows []Bar, o Options) (*canvas, error) {
	pal := o.palette()
	spec := hbarSpec{}
	shown := firstRows(rows, o, &spec)
	for i, r := range shown {
		if err := finite(r.Value, fmt.Sprintf("bars[%d].value", i)); err != nil {
			return nil, err
		}
		if err := checkHref(r.Href); err != nil {
			return nil, fmt.Errorf("bars[%d].href: %w", i, err)
		}
		row := hrow{label: r.Label, value: r.Value, text: change(r.Value, "%"), fill: pal.axis, color: pal.text,
			href: r.Href, name: linkName(r.Name, r.Label, change(r.Value, "%"))}
		// On a narrow chart the whole percentages leave the labels room
		// (+257%▲ for +257.40% ▲); a figure that rounds to 0 keeps its
		// decimals.
		if s := signed(r.Value, 0); s != "0" {
			row.short = s + "%" + arrow(r.Value, 2)
		}
		switch sign(r.Value) {
		case 1:
			row.fill, row.color = pal.gain, pal.gainText
		case -1:
			row.fill, row.color = pal.loss, pal.lossText
		}
		spec.rows = append(spec.rows, row)
	}
	return hbar(spec, o), nil
}

// roleOf is the root role of a chart of rows: "group" when a row links
// somewhere, whose children an img role would hide, "img" otherwise.
func roleOf[T any](rows []T, href func(T) string) string {
	for _, r := range rows {
		if href(r) != "" {
			return "group"
		}
	}
	return "img"
}

// linkName is a link's accessible name: name, or the label and the value
// it shows.
func linkName(name, label, value string) string {
	if name != "" {
		return name
	}
	return label + " " + value
}

// title returns t, or def when t is empty.
func title(t, def string) string {
	if t == "" {
		return def
	}
	return t
}
