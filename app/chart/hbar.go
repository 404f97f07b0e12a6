package chart

import (
	"math"
)

// hrow is one row of a horizontal bar chart, ready to draw.
type hrow struct {
	label  string  // drawn left of the bars
	indent float64 // px, for rows under a parent row
	value  float64 // bar length in data units, signed
	text   string  // drawn at the bar's end
	short  string  // text when text leaves the bars too little room; "" to keep text
	fill   rgba
	color  rgba   // of text
	href   string // wraps the row in a link if set
	name   string // the link's accessible name
}

// hbarSpec is a horizontal bar chart before layout.
type hbarSpec struct {
	rows      []hrow
	leftAlign bool // labels flush left (for indented levels) rather than flush against the bars
	axisUnit  func(v float64) string
	caption   string   // under the axis
	notes     []string // under everything
}

// firstRows returns the first o.MaxRows of rows, noting in spec how many
// are left out.
func firstRows[T any](rows []T, o Options, spec *hbarSpec) []T {
	if len(rows) <= o.MaxRows {
		return rows
	}
	spec.notes = append(spec.notes, fill(o.Labels.More, "{shown}", itoa(o.MaxRows), "{total}", itoa(len(rows))))
	return rows[:o.MaxRows]
}

// Row pitch bounds, in px.
const (
	minPitch     = 20.0
	defaultPitch = 26.0
	maxPitch     = 36.0
)

// hbar lays out and draws a horizontal bar chart: a label column on the
// left, as wide as the widest label up to 42% of the chart and less when
// the bars would get too little room (longer labels cut with "…" and the
// full label as a tooltip); then the bars around a zero line, with room
// kept on each side for the value text at the bar ends.
func hbar(spec hbarSpec, o Options) *canvas {
	pal := o.palette()
	w := float64(o.Width)
	n := len(spec.rows)
	pitch, h := hbarPitch(spec, o)
	c := newCanvas(o.Width, int(h), pal)
	l := layoutHBar(spec, w)
	top := margin
	rowsBottom := top + float64(n)*pitch

	if n == 0 {
		msg := o.Labels.Empty
		c.text(w/2, top+fontSize*lineHeight, msg, textStyle{anchor: middle, size: fontSize, color: pal.muted}, "")
		rowsBottom = top + 2*fontSize*lineHeight
	} else {
		c.line(l.zeroX, top, l.zeroX, rowsBottom, pal.axis, false)
	}

	if spec.axisUnit != nil && n > 0 {
		drawHAxis(c, spec.axisUnit, l.zeroX, l.scale, l.maxPos, l.maxNeg, rowsBottom, top, pal)
		rowsBottom += smallSize*lineHeight + 4
	}
	drawHRows(c, spec, l, top, pitch, w, pal)
	drawHNotes(c, spec, rowsBottom+2, w, pal)
	return c
}

// hbarPitch returns the row pitch, within bounds and as close to the asked
// height as fits, and the chart's height.
func hbarPitch(spec hbarSpec, o Options) (pitch, h float64) {
	n := len(spec.rows)
	chrome := 2 * margin
	if spec.axisUnit != nil {
		chrome += smallSize*lineHeight + 4
	}
	if spec.caption != "" {
		chrome += smallSize*lineHeight + 2
	}
	chrome += float64(len(spec.notes)) * (smallSize*lineHeight + 2)
	if n == 0 {
		chrome += fontSize * lineHeight * 2
	}
	pitch = defaultPitch
	if o.Height > 0 && n > 0 {
		pitch = math.Max(minPitch, math.Min(maxPitch, (float64(o.Height)-chrome)/float64(n)))
	}
	return pitch, math.Ceil(chrome + float64(n)*pitch)
}

// hlayout is where the parts of a horizontal bar chart go across.
type hlayout struct {
	texts  []string // value text of each row, long or short
	labels []string // label of each row, cut to the label column
	tips   []string // the full label of a cut one
	plotX0 float64  // left of the plot, right of the label column
	zeroX  float64  // the zero line
	scale  float64  // px per data unit
	// maxPos and maxNeg are the longest bars on each side, in data units.
	maxPos, maxNeg float64
}

// layoutHBar places the label column, the value text and the bars of a
// chart w px wide.
func layoutHBar(spec hbarSpec, w float64) hlayout {
	n := len(spec.rows)
	l := hlayout{texts: make([]string, n), labels: make([]string, n), tips: make([]string, n)}

	// Value text: room for the widest on each side that has bars.
	reserve := func(short bool) (left, right float64) {
		for i, r := range spec.rows {
			t := r.text
			if short && r.short != "" {
				t = r.short
			}
			l.texts[i] = t
			tw := textWidth(t, fontSize) + 4
			if r.value < 0 {
				left = math.Max(left, tw)
			} else {
				right = math.Max(right, tw)
			}
		}
		return left, right
	}
	left, right := reserve(false)

	// Label column: up to 42% of the width, less if the bars would get
	// under 30% after the value text; the short value text if the long one
	// would cut labels that fit otherwise.
	avail := w - 2*margin - gap
	labelCap := func() float64 { return math.Min(0.42*avail, 0.7*avail-left-right) }
	need := 0.0
	for _, r := range spec.rows {
		need = math.Max(need, r.indent+textWidth(r.label, fontSize))
	}
	if labelCap() < math.Min(need, 0.42*avail) {
		left, right = reserve(true)
	}
	maxLabel := math.Floor(math.Max(labelCap(), 0.2*avail))
	labelW := 0.0
	for i, r := range spec.rows {
		s, cut := truncate(r.label, fontSize, maxLabel-r.indent)
		l.labels[i] = s
		if cut {
			l.tips[i] = r.label
		}
		labelW = math.Max(labelW, r.indent+textWidth(s, fontSize))
	}
	l.plotX0 = margin + labelW + gap
	plotX1 := w - margin

	for _, r := range spec.rows {
		l.maxPos = math.Max(l.maxPos, r.value)
		l.maxNeg = math.Max(l.maxNeg, -r.value)
	}
	span := l.maxPos + l.maxNeg
	if span == 0 {
		span = 1
	}
	barsW := math.Max(1, plotX1-l.plotX0-left-right)
	l.scale = barsW / span
	l.zeroX = l.plotX0 + left + l.maxNeg*l.scale
	return l
}

// drawHRows draws the rows from top, pitch px apart. Bars outside links go
// first, all together; a linked row is drawn whole inside
// its <a>.
func drawHRows(c *canvas, spec hbarSpec, l hlayout, top, pitch, w float64, pal palette) {
	thick := math.Min(pitch*0.62, 20)
	barBox := func(i int) box {
		y := top + float64(i)*pitch + pitch/2
		v := spec.rows[i].value
		x0, x1 := l.zeroX, l.zeroX+v*l.scale
		if x1 < x0 {
			x0, x1 = x1, x0
		}
		if v != 0 && x1-x0 < 1 {
			// A visible sliver for a value too small to draw, on its side.
			if v > 0 {
				x1 = x0 + 1
			} else {
				x0 = x1 - 1
			}
		}
		return box{x0, y - thick/2, x1, y + thick/2}
	}
	for i, r := range spec.rows {
		if r.href == "" {
			c.rect(barBox(i), r.fill, "bar")
		}
	}
	for i, r := range spec.rows {
		y := top + float64(i)*pitch + pitch/2
		b := barBox(i)
		if r.href != "" {
			c.openLink(r.href, r.name)
			c.hitArea(box{1, y - pitch/2 + 1, w - 1, y + pitch/2 - 1})
			c.rect(b, r.fill, "bar")
		}
		if spec.leftAlign {
			c.text(margin+r.indent, y, l.labels[i], textStyle{anchor: start, size: fontSize, color: pal.text}, l.tips[i])
		} else {
			c.text(l.plotX0-gap, y, l.labels[i], textStyle{anchor: end, size: fontSize, color: pal.text}, l.tips[i])
		}
		if r.href != "" {
			// A space between the label and the figure: the link's text
			// then reads as two words, which its name holds in order
			// (WCAG 2.5.3, axe-core's label-content-name-mismatch).
			c.raw(" ")
		}
		vs := textStyle{anchor: start, size: fontSize, color: r.color}
		vx := b.x1 + 4
		if r.value < 0 {
			vs.anchor, vx = end, b.x0-4
		}
		c.text(vx, y, l.texts[i], vs, "")
		if r.href != "" {
			c.closeLink()
		}
	}
}

// drawHNotes draws the caption and the notes from y down.
func drawHNotes(c *canvas, spec hbarSpec, y, w float64, pal palette) {
	if spec.caption != "" {
		y += smallSize * lineHeight / 2
		c.text(w-margin, y, fitText(spec.caption, smallSize, w-2*margin), textStyle{anchor: end, size: smallSize, color: pal.muted}, "")
		y += smallSize*lineHeight/2 + 2
	}
	for _, note := range spec.notes {
		y += smallSize * lineHeight / 2
		c.text(margin, y, fitText(note, smallSize, w-2*margin), textStyle{anchor: start, size: smallSize, color: pal.muted}, "")
		y += smallSize*lineHeight/2 + 2
	}
}

// fitText cuts s to max px at size.
func fitText(s string, size, max float64) string {
	t, _ := truncate(s, size, max)
	return t
}

// drawHAxis draws tick marks and labels under the bars, as many as fit
// without touching.
func drawHAxis(c *canvas, unit func(float64) string, zeroX, scale, maxPos, maxNeg, y, top float64, pal palette) {
	lo, hi := -maxNeg, maxPos
	widest := math.Max(textWidth(unit(hi), smallSize), textWidth(unit(lo), smallSize))
	avail := (hi - lo) * scale
	for n := max(1, int(avail/(widest+16))); n >= 1; n-- {
		step := niceStep(hi-lo, n)
		ts := ticks(lo, hi, step)
		ok := true
		for i := 1; i < len(ts); i++ {
			if (ts[i]-ts[i-1])*scale < widest+12 {
				ok = false
			}
		}
		if !ok && n > 1 {
			continue
		}
		for _, t := range ts {
			x := zeroX + t*scale
			if t != 0 {
				c.line(x, top, x, y, pal.grid, true)
			}
			c.line(x, y, x, y+3, pal.axis, false)
			c.text(x, y+4+smallSize*lineHeight/2, unit(t), textStyle{anchor: middle, size: smallSize, color: pal.muted}, "")
		}
		c.line(zeroX+lo*scale, y, zeroX+hi*scale, y, pal.axis, false)
		return
	}
}
