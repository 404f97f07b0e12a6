package chart

import "fmt"

// Bar is one row of [Bars]: a name and a signed return in percent.
type Bar struct {
	Label string  // e.g. 云从科技-UW
	Value float64 // percent, e.g. 174 for +174%
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
	return c.svg(title(o.Title, "涨跌幅"), "", "img", o.DescribedBy)
}

func bars(rows []Bar, o Options) (*canvas, error) {
	pal := o.palette()
	spec := hbarSpec{}
	shown := firstRows(rows, o, &spec)
	for i, r := range shown {
		if err := finite(r.Value, fmt.Sprintf("bars[%d].value", i)); err != nil {
			return nil, err
		}
		row := hrow{label: r.Label, value: r.Value, text: change(r.Value, "%"), fill: pal.axis, color: pal.text}
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

// title returns t, or def when t is empty.
func title(t, def string) string {
	if t == "" {
		return def
	}
	return t
}
