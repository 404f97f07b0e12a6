package chart

import (
	"fmt"
	"math"

	"github.com/wcharczuk/go-chart/v2/drawing"
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
	exText := signed(excess, 2) + " " + o.Labels.Points
	if a := arrow(excess, 2); a != "" {
		exText += " " + a
	}
	exColor := pal.text
	switch sign(excess) {
	case 1:
		exColor = pal.gainText
	case -1:
		exColor = pal.lossText
	}

	items := make([]legendItem, len(series))
	for i, s := range series {
		items[i] = legendItem{color: seriesColor(pal, i), name: s.Name}
	}
	y := drawLegend(c, items, margin, w, pal)
	if header {
		c.text(margin, y+lh/2, fitText(o.Labels.Excess+" "+exText, fontSize, w-2*margin), textStyle{anchor: start, size: fontSize, color: exColor}, "")
		y += lh
	}

	groups := []string{o.Labels.Period, o.Labels.YTD}
	lo, hi := 0.0, 0.0
	for _, s := range series {
		lo = math.Min(lo, math.Min(s.Period, s.YTD))
		hi = math.Max(hi, math.Max(s.Period, s.YTD))
	}
	if lo == hi {
		hi = 1
	}
	plotTop := y + 6
	plotBottom := h - margin - lh - 4
	room := float64(1+extra) * lh
	s := vscale{lo: lo, hi: hi, top: plotTop, bottom: plotBottom}
	if hi > 0 {
		s.top += room
	}
	if lo < 0 {
		s.bottom -= room
	}
	ts, step := yTicks(s, false)
	tl := make([]string, len(ts))
	tickW := 0.0
	for i, t := range ts {
		tl[i] = tickLabel(t, step, "%")
		tickW = math.Max(tickW, textWidth(tl[i], smallSize))
	}
	plotX0, plotX1 := margin+tickW+gap, w-margin
	drawYAxis(c, s, ts, tl, plotX0, plotX1, pal)

	groupW := (plotX1 - plotX0) / float64(len(groups))
	nser := max(1, len(series))
	slot := groupW * 0.84 / float64(nser)
	barW := math.Min(slot*0.75, 56)
	type bar struct{ x0, x1, top, v float64 }
	bars := make([][]bar, len(groups))
	for g, name := range groups {
		gx := plotX0 + float64(g)*groupW
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
			bars[g] = append(bars[g], bar{x0, x0 + barW, s.y(v), v})
		}
	}
	c.line(plotX0, s.y(0), plotX1, s.y(0), pal.axis, false)

	// Value labels over positive bars and under negative ones; a label that
	// would touch one placed before moves a line further out.
	labelsFit, excessFit = true, true
	var labels []box
	valueBox := map[[2]int]box{}
	for g := range groups {
		for i, b := range bars[g] {
			text := change(b.v, "%")
			tw := textWidth(text, fontSize)
			cx := (b.x0 + b.x1) / 2
			cx = math.Max(plotX0+tw/2, math.Min(plotX1-tw/2, cx))
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
			if bx.y0 < plotTop || bx.y1 > plotBottom {
				labelsFit = false
			}
			labels = append(labels, bx)
			valueBox[[2]int{g, i}] = bx
			color := pal.text
			switch sign(b.v) {
			case 1:
				color = pal.gainText
			case -1:
				color = pal.lossText
			}
			c.text(cx, (bx.y0+bx.y1)/2, text, textStyle{anchor: middle, size: fontSize, color: color}, "")
		}
	}

	if !header {
		hiI, loI := 0, 1
		if bars[1][1].v > bars[1][0].v {
			hiI, loI = 1, 0
		}
		hb, lb := bars[1][hiI], bars[1][loI]
		lcx := (lb.x0 + lb.x1) / 2
		hcx := (hb.x0 + hb.x1) / 2
		yHi := hb.top
		yEnd := valueBox[[2]int{1, loI}].y0 - 2
		if lb.v < 0 {
			yEnd = s.y(0) - 2
		}
		line1, line2 := o.Labels.Excess, exText
		tw := math.Max(textWidth(line1, fontSize), textWidth(line2, fontSize))
		// The text is centred on the shorter bar, kept clear of the taller
		// one and inside the plot.
		minX, maxX := hb.x1+3+tw/2, w-margin-tw/2
		if hb.x0 > lb.x0 {
			minX, maxX = plotX0+tw/2, hb.x0-3-tw/2
		}
		if yEnd-yHi >= 2*lh+8 && minX <= maxX {
			c.line(hcx, yHi, lcx, yHi, pal.muted, true)
			c.line(lcx, yHi, lcx, yEnd, pal.muted, false)
			cx := math.Max(minX, math.Min(maxX, lcx))
			cy := (yHi + yEnd) / 2
			c.rect(box{cx - tw/2 - 2, cy - lh - 1, cx + tw/2 + 2, cy + lh + 1}, pal.bg, "backdrop")
			c.text(cx, cy-lh/2, line1, textStyle{anchor: middle, size: fontSize, color: pal.text}, "")
			c.text(cx, cy+lh/2, line2, textStyle{anchor: middle, size: fontSize, color: exColor}, "")
		} else {
			excessFit = false
		}
	}
	return c, labelsFit, excessFit
}

// seriesColor returns the fill of the i-th series; the first is the
// accent, the others muted, so that the AI index stands out.
func seriesColor(pal palette, i int) drawing.Color {
	if i == 0 {
		return pal.series[0]
	}
	if i == 1 {
		return pal.axis
	}
	return pal.series[(i-1)%3]
}
