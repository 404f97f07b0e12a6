package chart

import (
	"fmt"
	"math"
)

// IndexPoint is one index of [IndexReturns] with its two returns.
type IndexPoint struct {
	Name   string  // e.g. AI概念指数
	Period float64 // percent over the report's period
	YTD    float64 // percent, year to date
}

// IndexReturns draws the indexes' period and year-to-date returns as
// grouped bars, period and YTD side by side, each value with its sign and
// ▲ or ▼. With two indexes, the first's excess over the second (excess,
// in percentage points, as printed) is labelled between their YTD bars;
// otherwise it is noted under the legend.
func IndexReturns(series []IndexPoint, excess float64, o Options) ([]byte, error) {
	c, err := indexReturns(series, excess, o.normalized())
	if err != nil {
		return nil, err
	}
	return c.svg(title(o.Title, "AI概念指数与沪深300指数涨跌幅"), "", "img", o.DescribedBy)
}

// height picks the height of a vertical chart: o.Height, or a share of
// the width within bounds.
func height(o Options) float64 {
	if o.Height > 0 {
		return math.Max(float64(o.Height), 180)
	}
	return math.Round(math.Max(240, math.Min(400, float64(o.Width)*0.6)))
}

func indexReturns(series []IndexPoint, excess float64, o Options) (*canvas, error) {
	for i, s := range series {
		if err := finite(s.Period, fmt.Sprintf("series[%d].period", i)); err != nil {
			return nil, err
		}
		if err := finite(s.YTD, fmt.Sprintf("series[%d].ytd", i)); err != nil {
			return nil, err
		}
	}
	if err := finite(excess, "excess"); err != nil {
		return nil, err
	}
	// Start with room for one line of value text over (and under) the bars
	// and the excess between the bars; add lines while stacked value labels
	// do not fit, and move the excess under the legend if it does not fit
	// between the bars.
	header := len(series) != 2
	for extra := 0; ; {
		c, labelsFit, excessFit := drawIndex(series, excess, o, extra, header)
		switch {
		case !excessFit && !header:
			header = true
		case !labelsFit && extra < 3:
			extra++
		default:
			return c, nil
		}
	}
}

// drawIndex draws the index chart with extra lines of room kept for value
// text, the excess under the legend if header is set, and reports whether
// the value labels and the excess fitted.
func drawIndex(series []IndexPoint, excess float64, o Options, extra int, header bool) (c *canvas, labelsFit, excessFit bool) {
	pal := o.palette()
	w, h := float64(o.Width), height(o)
	c = newCanvas(o.Width, int(h), pal)
	lh := fontSize * lineHeight
	exText, exColor := excessText(excess, o, pal)

	items := make([]legendItem, len(series))
	for i, s := range series {
		items[i] = legendItem{color: seriesColor(pal, i), name: s.Name}
	}
	y := drawLegend(c, items, margin, w, pal)
	if header {
		c.text(margin, y+lh/2, fitText(o.Labels.Excess+" "+exText, fontSize, w-2*margin), textStyle{anchor: start, size: fontSize, color: exColor}, "")
		y += lh
	}

	p := indexPlot(c, series, y+6, h-margin-lh-4, float64(1+extra)*lh, w, pal)
	p.drawBars(c, series, []string{o.Labels.Period, o.Labels.YTD}, h, pal)
	labelsFit, valueBox := p.drawValues(c, pal)
	excessFit = true
	if !header {
		excessFit = p.drawExcess(c, valueBox, o.Labels.Excess, exText, exColor, w, pal)
	}
	return c, labelsFit, excessFit
}

// excessText is the excess as printed under the legend or between the
// bars, and its colour.
func excessText(excess float64, o Options, pal palette) (string, rgba) {
	text := signed(excess, 2) + " " + o.Labels.Points
	if a := arrow(excess, 2); a != "" {
		text += " " + a
	}
	return text, signColor(excess, pal)
}

// signColor is the text colour of a signed value.
func signColor(v float64, pal palette) rgba {
	switch sign(v) {
	case 1:
		return pal.gainText
	case -1:
		return pal.lossText
	}
	return pal.text
}

// ibar is one drawn bar of the index chart.
type ibar struct{ x0, x1, top, v float64 }

// iplot is the plot area of the index chart, once its axis is drawn.
type iplot struct {
	s                   vscale
	plotTop, plotBottom float64
	plotX0, plotX1      float64
	bars                [][]ibar // per group (period, YTD), per series
}

// indexPlot scales the plot between top and bottom, room px kept for
// value text beyond the longest bars, and draws the y axis.
func indexPlot(c *canvas, series []IndexPoint, top, bottom, room, w float64, pal palette) *iplot {
	lo, hi := 0.0, 0.0
	for _, s := range series {
		lo = math.Min(lo, math.Min(s.Period, s.YTD))
		hi = math.Max(hi, math.Max(s.Period, s.YTD))
	}
	if lo == hi {
		hi = 1
	}
	p := &iplot{plotTop: top, plotBottom: bottom, s: vscale{lo: lo, hi: hi, top: top, bottom: bottom}}
	if hi > 0 {
		p.s.top += room
	}
	if lo < 0 {
		p.s.bottom -= room
	}
	ts, step := yTicks(p.s, false)
	tl := make([]string, len(ts))
	tickW := 0.0
	for i, t := range ts {
		tl[i] = tickLabel(t, step, "%")
		tickW = math.Max(tickW, textWidth(tl[i], smallSize))
	}
	p.plotX0, p.plotX1 = margin+tickW+gap, w-margin
	drawYAxis(c, p.s, ts, tl, p.plotX0, p.plotX1, pal)
	return p
}

// drawBars draws one group of bars for each of groups, labelled under the
// plot, with a bar for each series, then the zero line.
func (p *iplot) drawBars(c *canvas, series []IndexPoint, groups []string, h float64, pal palette) {
	lh := fontSize * lineHeight
	s := p.s
	groupW := (p.plotX1 - p.plotX0) / float64(len(groups))
	nser := max(1, len(series))
	slot := groupW * 0.84 / float64(nser)
	barW := math.Min(slot*0.75, 56)
	p.bars = make([][]ibar, len(groups))
	for g, name := range groups {
		gx := p.plotX0 + float64(g)*groupW
		label, cut := truncate(name, fontSize, groupW-4)
		tip := ""
		if cut {
			tip = name
		}
		c.text(gx+groupW/2, h-margin-lh/2, label, textStyle{anchor: middle, size: fontSize, color: pal.text}, tip)
		for i, sr := range series {
			v := sr.Period
			if g == 1 {
				v = sr.YTD
			}
			x0 := gx + groupW*0.08 + float64(i)*slot + (slot-barW)/2
			y0, y1 := s.y(math.Max(v, 0)), s.y(math.Min(v, 0))
			if v != 0 && y1-y0 < 1 {
				if v > 0 {
					y0 = y1 - 1
				} else {
					y1 = y0 + 1
				}
			}
			c.rect(box{x0, y0, x0 + barW, y1}, seriesColor(pal, i), "bar")
			p.bars[g] = append(p.bars[g], ibar{x0, x0 + barW, s.y(v), v})
		}
	}
	c.line(p.plotX0, s.y(0), p.plotX1, s.y(0), pal.axis, false)
}

// drawValues labels positive bars above and negative ones below; a label
// that would touch one placed before moves a line further out. It reports
// whether every label stayed inside the plot, and where each went, by
// group and series.
func (p *iplot) drawValues(c *canvas, pal palette) (fit bool, at map[[2]int]box) {
	lh := fontSize * lineHeight
	fit, at = true, map[[2]int]box{}
	var labels []box
	for g := range p.bars {
		for i, b := range p.bars[g] {
			text := change(b.v, "%")
			tw := textWidth(text, fontSize)
			cx := (b.x0 + b.x1) / 2
			cx = math.Max(p.plotX0+tw/2, math.Min(p.plotX1-tw/2, cx))
			dir := -1.0
			cy := b.top - 2 - lh/2
			if b.v < 0 {
				dir, cy = 1, b.top+2+lh/2
			}
			bx := box{cx - tw/2, cy - lh/2, cx + tw/2, cy + lh/2}
			for hit := true; hit; {
				hit = false
				for _, o := range labels {
					if bx.overlaps(o) {
						hit = true
						bx.y0 += dir * lh
						bx.y1 += dir * lh
					}
				}
			}
			if bx.y0 < p.plotTop || bx.y1 > p.plotBottom {
				fit = false
			}
			labels = append(labels, bx)
			at[[2]int{g, i}] = bx
			c.text(cx, (bx.y0+bx.y1)/2, text, textStyle{anchor: middle, size: fontSize, color: signColor(b.v, pal)}, "")
		}
	}
	return fit, at
}

// drawExcess labels the excess (label over text) beside the taller of
// the two YTD bars, over the shorter one, with a bracket from the top of
// one to the other, and reports whether it fitted. valueBox holds where
// the value labels went.
func (p *iplot) drawExcess(c *canvas, valueBox map[[2]int]box, label, text string, color rgba, w float64, pal palette) bool {
	lh := fontSize * lineHeight
	hiI, loI := 0, 1
	if p.bars[1][1].v > p.bars[1][0].v {
		hiI, loI = 1, 0
	}
	hb, lb := p.bars[1][hiI], p.bars[1][loI]
	lcx := (lb.x0 + lb.x1) / 2
	hcx := (hb.x0 + hb.x1) / 2
	yHi := hb.top
	yEnd := valueBox[[2]int{1, loI}].y0 - 2
	if lb.v < 0 {
		yEnd = p.s.y(0) - 2
	}
	tw := math.Max(textWidth(label, fontSize), textWidth(text, fontSize))
	// The text is centred on the shorter bar, kept clear of the taller
	// one and inside the plot.
	minX, maxX := hb.x1+3+tw/2, w-margin-tw/2
	if hb.x0 > lb.x0 {
		minX, maxX = p.plotX0+tw/2, hb.x0-3-tw/2
	}
	if yEnd-yHi < 2*lh+8 || minX > maxX {
		return false
	}
	c.line(hcx, yHi, lcx, yHi, pal.muted, true)
	c.line(lcx, yHi, lcx, yEnd, pal.muted, false)
	cx := math.Max(minX, math.Min(maxX, lcx))
	cy := (yHi + yEnd) / 2
	c.rect(box{cx - tw/2 - 2, cy - lh - 1, cx + tw/2 + 2, cy + lh + 1}, pal.bg, "backdrop")
	c.text(cx, cy-lh/2, label, textStyle{anchor: middle, size: fontSize, color: pal.text}, "")
	c.text(cx, cy+lh/2, text, textStyle{anchor: middle, size: fontSize, color: color}, "")
	return true
}

// seriesColor returns the fill of the i-th series; the first is the
// accent, the others muted, so that the AI index stands out.
func seriesColor(pal palette, i int) rgba {
	if i == 0 {
		return pal.series[0]
	}
	if i == 1 {
		return pal.axis
	}
	return pal.series[(i-1)%3]
}
