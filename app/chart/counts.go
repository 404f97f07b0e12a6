package chart

import (
	"fmt"
	"net/url"
)

// CountBar is one row of [Counts]: a chain link or a sub-track, how many
// constituents it has, and the URL that applies it as a filter.
type CountBar struct {
	Label string // e.g. AI算力及基础设施
	Count int
	Level int    // 0 for a chain link, 1 for a sub-track of the link above it
	Href  string // e.g. /constituents?link=AI算力及基础设施; empty for no link
	// Name is the link's accessible name and tooltip, such as a note that
	// following it removes a filter; empty means [Labels.Link] filled in.
	Name string
}

// Counts draws constituents per chain link and sub-track as horizontal
// bars, sub-tracks indented under their link. Each row with an Href is
// wrapped, bar and label together, in an <a> a click or the keyboard can
// follow, named by o.Labels.Link. Hrefs must be relative or http(s).
func Counts(groups []CountBar, o Options) ([]byte, error) {
	c, err := counts(groups, o.normalized())
	if err != nil {
		return nil, err
	}
	role := "img"
	for _, g := range groups {
		if g.Href != "" {
			role = "group"
		}
	}
	return c.svg(title(o.Title, "各环节成分股数量"), "", role, o.DescribedBy)
}

func counts(groups []CountBar, o Options) (*canvas, error) {
	pal := o.palette()
	spec := hbarSpec{leftAlign: true}
	shown := firstRows(groups, o, &spec)
	for i, g := range shown {
		if g.Count < 0 {
			return nil, fmt.Errorf("counts[%d].count: want zero or more, got %d", i, g.Count)
		}
		if err := checkHref(g.Href); err != nil {
			return nil, fmt.Errorf("counts[%d].href: %w", i, err)
		}
		row := hrow{
			label: g.Label,
			value: float64(g.Count),
			text:  itoa(g.Count),
			fill:  pal.series[0],
			color: pal.text,
			href:  g.Href,
			name:  g.Name,
		}
		if row.name == "" {
			row.name = fill(o.Labels.Link, "{label}", g.Label, "{n}", itoa(g.Count))
		}
		if g.Level > 0 {
			row.indent = fontSize * float64(min(g.Level, 3))
			row.fill = pal.series[0].WithAlpha(150)
		}
		spec.rows = append(spec.rows, row)
	}
	return hbar(spec, o), nil
}

// checkHref refuses link targets other than relative and http(s) URLs, so
// that no javascript: URL reaches the page.
func checkHref(href string) error {
	if href == "" {
		return nil
	}
	u, err := url.Parse(href)
	if err != nil {
		return fmt.Errorf("parse %q: %w", href, err)
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("scheme %q not allowed", u.Scheme)
	}
	return nil
}
