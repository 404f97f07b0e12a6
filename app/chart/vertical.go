package chart

import (
	"math"
)

// legendItem is one entry of a legend: a swatch and its name.
type legendItem struct {
	color rgba
	name  string
}

// legendLayout returns the x and line of each item.
func legendLayout(items []legendItem, w float64) ([]struct{ x, line float64 }, int) {
	pos := make([]struct{ x, line float64 }, len(items))
	x, line := margin, 0.0
	maxName := w - 2*margin - 14
	for i, it := range items {
		iw := 14 + math.Min(textWidth(it.name, fontSize), maxName)
		if x > margin && x+iw > w-margin {
			x, line = margin, line+1
		}
		pos[i].x, pos[i].line = x, line
		x += iw + 14
	}
	if len(items) == 0 {
		return pos, 0
	}
	return pos, int(line) + 1
}

// drawLegend draws the items from y down and returns the y under them.
func drawLegend(c *canvas, items []legendItem, y, w float64, pal palette) float64 {
	pos, lines := legendLayout(items, w)
	lh := fontSize * lineHeight
	for i, it := range items {
		cy := y + pos[i].line*lh + lh/2
		c.rect(box{pos[i].x, cy - 5, pos[i].x + 10, cy + 5}, it.color, "swatch")
		name, cut := truncate(it.name, fontSize, w-2*margin-14)
		tip := ""
		if cut {
			tip = it.name
		}
		c.text(pos[i].x+14, cy, name, textStyle{anchor: start, size: fontSize, color: pal.text}, tip)
	}
	return y + float64(lines)*lh
}

// vscale maps values in [lo, hi] to y between top and bottom.
type vscale struct {
	lo, hi      float64
	top, bottom float64
}

func (s vscale) y(v float64) float64 {
	if s.hi == s.lo {
		return s.bottom
	}
	return s.top + (s.hi-v)/(s.hi-s.lo)*(s.bottom-s.top)
}

// yTicks returns tick values at least 36 px apart; integer steps if whole.
func yTicks(s vscale, whole bool) ([]float64, float64) {
	n := max(1, int((s.bottom-s.top)/36))
	step := niceStep(s.hi-s.lo, n)
	if whole && step != math.Trunc(step) {
		step = math.Ceil(step)
	}
	return ticks(s.lo, s.hi, step), step
}

// drawYAxis draws gridlines across [x0, x1] and tick labels right-aligned
// at x0 − gap.
func drawYAxis(c *canvas, s vscale, ts []float64, labels []string, x0, x1 float64, pal palette) {
	for i, t := range ts {
		y := s.y(t)
		if t != 0 {
			c.line(x0, y, x1, y, pal.grid, false)
		}
		c.text(x0-gap, y, labels[i], textStyle{anchor: end, size: smallSize, color: pal.muted}, "")
	}
}
