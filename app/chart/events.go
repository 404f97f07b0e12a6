package chart

import (
	"fmt"
	"math"
	"time"
)

// DayCount is how many items of each kind fall on one day.
type DayCount struct {
	Date     string // YYYY-MM-DD; empty for items the report gives no date
	Company  int    // company events
	Domestic int    // domestic news
	Overseas int    // overseas news
	Href     string // a link (relative or http(s)) around the day's column; the date's first wins
	Name     string // the link's name; empty: the day and its count
}

// EventsPerDay draws items per day as stacked bars by kind (company,
// domestic, overseas), one column for every calendar day from the earliest
// to the latest date given, so a day with nothing shows as a gap: to cover
// a whole period, include its first and last day, with zero counts if need
// be. Entries for the same date add up. Counts with no date are left off
// the axis and noted under it (o.Labels.Undated).
func EventsPerDay(days []DayCount, o Options) ([]byte, error) {
	c, err := eventsPerDay(days, o.normalized())
	if err != nil {
		return nil, err
	}
	return c.svg(title(o.Title, "每日事件数量"), "", roleOf(days, func(d DayCount) string { return d.Href }), o.DescribedBy)
}

const dateLayout = "2006-01-02"

// kinds returns the counts in the order of the stack: company, domestic,
// overseas.
func (d DayCount) kinds() [3]int { return [3]int{d.Company, d.Domestic, d.Overseas} }

// perDay is the counts summed by date over every calendar day from the
// earliest to the latest.
type perDay struct {
	byDay   map[time.Time][3]int
	links   map[time.Time][2]string // href and name of a linked day
	cols    []time.Time             // every day of the span, in order
	undated int                     // items the report gives no date
}

func sumDays(days []DayCount) (perDay, error) {
	p := perDay{byDay: map[time.Time][3]int{}, links: map[time.Time][2]string{}}
	var first, last time.Time
	for i, d := range days {
		k := d.kinds()
		for j, n := range k {
			if n < 0 {
				return p, fmt.Errorf("days[%d]: count %d of kind %d: want zero or more", i, n, j)
			}
		}
		if d.Date == "" {
			p.undated += k[0] + k[1] + k[2]
			continue
		}
		t, err := time.Parse(dateLayout, d.Date)
		if err != nil {
			return p, fmt.Errorf("days[%d].date: %w", i, err)
		}
		if err := checkHref(d.Href); err != nil {
			return p, fmt.Errorf("days[%d].href: %w", i, err)
		}
		if _, ok := p.links[t]; !ok && d.Href != "" {
			p.links[t] = [2]string{d.Href, d.Name}
		}
		sum := p.byDay[t]
		for j := range sum {
			sum[j] += k[j]
		}
		p.byDay[t] = sum
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if last.IsZero() || t.After(last) {
			last = t
		}
	}
	if !first.IsZero() {
		if last.Sub(first) > 366*24*time.Hour {
			return p, fmt.Errorf("days: %s to %s spans more than a year", first.Format(dateLayout), last.Format(dateLayout))
		}
		for t := first; !t.After(last); t = t.AddDate(0, 0, 1) {
			p.cols = append(p.cols, t)
		}
	}
	return p, nil
}

func eventsPerDay(days []DayCount, o Options) (*canvas, error) {
	p, err := sumDays(days)
	if err != nil {
		return nil, err
	}
	pal := o.palette()
	w, h := float64(o.Width), height(o)
	lh := fontSize * lineHeight
	cols := p.cols

	c := newCanvas(o.Width, int(h), pal)
	kinds := []string{o.Labels.Company, o.Labels.Domestic, o.Labels.Overseas}
	items := make([]legendItem, 3)
	for i, k := range kinds {
		items[i] = legendItem{color: pal.series[i], name: k}
	}
	y := drawLegend(c, items, margin, w, pal)

	hi := 1.0
	for _, t := range cols {
		k := p.byDay[t]
		hi = math.Max(hi, float64(k[0]+k[1]+k[2]))
	}

	// The tick labels are whole numbers up to hi: the widest is hi's.
	plotX0 := margin + textWidth(itoa(int(hi)), smallSize) + gap
	plotX1 := w - margin
	colW := (plotX1 - plotX0) / math.Max(1, float64(len(cols)))
	dayLabels := make([]string, len(cols))
	for i, t := range cols {
		dayLabels[i] = t.Format(o.Labels.Day)
	}
	every, stagger := xLabelPlan(dayLabels, colW, smallSize)
	xRows := 1.0
	if stagger {
		xRows = 2
	}

	bottom := h - margin
	var note string
	if p.undated > 0 {
		note = fitText(fill(o.Labels.Undated, "{n}", itoa(p.undated)), smallSize, w-2*margin)
		bottom -= smallSize*lineHeight + 2
	}
	if len(cols) == 0 {
		c.text(w/2, (y+bottom)/2, o.Labels.Empty, textStyle{anchor: middle, size: fontSize, color: pal.muted}, "")
	}
	xLabelTop := bottom - xRows*smallSize*lineHeight
	s := vscale{lo: 0, hi: hi, top: y + 6 + lh, bottom: xLabelTop - 4}
	ts, step := yTicks(s, true)
	tl := make([]string, len(ts))
	for i, t := range ts {
		tl[i] = tickLabel(t, step, "")
	}
	if len(cols) > 0 {
		drawYAxis(c, s, ts, tl, plotX0, plotX1, pal)
	}
	cl := dayColumns{x0: plotX0, w: colW, labels: dayLabels, every: every, stagger: stagger, labelTop: xLabelTop}
	cl.draw(c, p, s, pal)
	if len(cols) > 0 {
		c.line(plotX0, s.bottom, plotX1, s.bottom, pal.axis, false)
	}
	if note != "" {
		c.text(margin, h-margin-smallSize*lineHeight/2, note, textStyle{anchor: start, size: smallSize, color: pal.muted}, "")
	}
	return c, nil
}

// dayColumns is where the columns of [EventsPerDay] and their labels go.
type dayColumns struct {
	x0, w    float64  // left of the first column, and its width
	labels   []string // of every day; every k-th is shown
	every    int
	stagger  bool    // labels alternate between two lines
	labelTop float64 // top of the day labels
}

// draw stacks each day's counts by kind, with the total above and the
// day's label below.
func (cl dayColumns) draw(c *canvas, p perDay, s vscale, pal palette) {
	lh := fontSize * lineHeight
	barW := math.Min(cl.w*0.7, 28)
	for i, t := range p.cols {
		k := p.byDay[t]
		cx := cl.x0 + (float64(i)+0.5)*cl.w
		link, linked := p.links[t]
		if linked {
			name := link[1]
			if name == "" {
				name = cl.labels[i] + " " + itoa(k[0]+k[1]+k[2])
			}
			c.openLink(link[0], name)
			c.hitArea(box{cx - cl.w/2, s.top - lh, cx + cl.w/2, s.bottom})
		}
		base := 0
		for j, n := range k {
			if n == 0 {
				continue
			}
			y0, y1 := s.y(float64(base+n)), s.y(float64(base))
			if base > 0 {
				y1-- // a hairline of background between stacked kinds
			}
			c.rect(box{cx - barW/2, y0, cx + barW/2, y1}, pal.series[j], "segment")
			base += n
		}
		if base > 0 {
			c.text(cx, s.y(float64(base))-2-lh/2, itoa(base), textStyle{anchor: middle, size: fontSize, color: pal.text}, "")
		}
		if linked {
			c.closeLink()
		}
		if i%cl.every == 0 {
			ly := cl.labelTop + smallSize*lineHeight/2
			if cl.stagger && (i/cl.every)%2 == 1 {
				ly += smallSize * lineHeight
			}
			c.line(cx, s.bottom, cx, s.bottom+3, pal.axis, false)
			c.text(cx, ly, cl.labels[i], textStyle{anchor: middle, size: smallSize, color: pal.muted}, "")
		}
	}
}

// xLabelPlan decides how to set centred labels one column width apart so
// that none touch: every label on one line if they fit; else alternately on
// two lines; else every k-th label, alternately on two lines, for the
// smallest k that fits.
func xLabelPlan(labels []string, colW, size float64) (every int, stagger bool) {
	widest := 0.0
	for _, l := range labels {
		widest = math.Max(widest, textWidth(l, size))
	}
	need := widest + 4
	if colW <= 0 {
		return 1, false
	}
	for k := 1; ; k++ {
		if float64(k)*colW >= need {
			return k, false
		}
		if float64(2*k)*colW >= need {
			return k, true
		}
	}
}
