package explore

import (
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"
)

// Colors is the colour convention for ups and downs, part of every route's
// state. The zero value is the default, [ColorsCN].
type Colors int

// The two colour conventions.
const (
	ColorsCN   Colors = iota // red up, green down, as Chinese market software does
	ColorsIntl               // green up, red down
)

// String returns the value of the colors parameter: "cn" or "intl".
func (c Colors) String() string {
	if c == ColorsIntl {
		return "intl"
	}
	return "cn"
}

// Sort is one sort key: a column key, ascending unless Desc. The zero value
// keeps the report's order.
type Sort struct {
	Key  string
	Desc bool
}

// String returns the value of the sort parameter: the key, with a leading
// "-" when descending, or "" for the report's order.
func (s Sort) String() string {
	if s.Key == "" {
		return ""
	}
	if s.Desc {
		return "-" + s.Key
	}
	return s.Key
}

// State is everything the query string of one route holds. It is a value:
// the methods that change it return a new State and leave the receiver and
// its maps untouched, so a component can keep the old one for comparison.
//
// A State built by [ParseQuery] or by the methods is canonical: Facets is
// nil when empty and holds no empty slice, and each facet's values are
// distinct and sorted, so that two equal views have equal States and the
// same [State.Encode].
type State struct {
	Route  Route
	Prefs                      // colors and lang, which every internal link keeps
	Facets map[string][]string // facet key -> selected values, labels as printed
	Q      string              // search text, at most MaxQueryRunes runes
	Sort   Sort
	// Then are the secondary sort keys, applied in order among rows that
	// tie on Sort (sort=link,-return); nil without one. Sort is set when
	// Then is, and no key appears twice.
	Then []Sort
	From string // YYYY-MM-DD, inclusive; events only
	To   string // YYYY-MM-DD, inclusive; events only
}

// Query returns the state as query values, leaving out every default, so
// that [ParseQuery] of the result gives the state back.
func (s State) Query() url.Values {
	v := url.Values{}
	for k, vals := range s.Facets {
		if len(vals) > 0 {
			v[k] = slices.Clone(vals)
		}
	}
	if s.Q != "" {
		v.Set(ParamQ, s.Q)
	}
	if s.Sort.Key != "" {
		v.Set(ParamSort, s.SortParam())
	}
	if s.From != "" {
		v.Set(ParamFrom, s.From)
	}
	if s.To != "" {
		v.Set(ParamTo, s.To)
	}
	s.Prefs.set(v)
	return v
}

// Encode returns the canonical query string of the state, without "?":
// parameters sorted by name, values percent-encoded, defaults left out.
func (s State) Encode() string {
	return s.Query().Encode()
}

// Href returns the route's path with the state's query string, the link
// to this exact view.
func (s State) Href() string {
	if q := s.Encode(); q != "" {
		return string(s.Route) + "?" + q
	}
	return string(s.Route)
}

// Selected reports whether value is selected in facet.
func (s State) Selected(facet, value string) bool {
	return slices.Contains(s.Facets[facet], value)
}

// Filtered reports whether any filter (a facet value, q, from or to) is
// active. Sort and colors are not filters.
func (s State) Filtered() bool {
	return len(s.Facets) > 0 || s.Q != "" || s.From != "" || s.To != ""
}

// withFacet returns s with facet set to vals (nil removes it), copying the
// map so s is untouched.
func (s State) withFacet(facet string, vals []string) State {
	m := make(map[string][]string, len(s.Facets)+1)
	for k, v := range s.Facets {
		m[k] = v // values are never modified in place, sharing is safe
	}
	if len(vals) == 0 {
		delete(m, facet)
	} else {
		m[facet] = vals
	}
	if len(m) == 0 {
		m = nil
	}
	s.Facets = m
	return s
}

// Toggle selects value in facet, or deselects it when selected. In a
// single-valued facet (layer) selecting replaces the current value. A facet
// the route lacks, or a value the contract rules out, leaves s unchanged.
func (s State) Toggle(facet, value string) State {
	f, ok := specs[s.Route].facet(facet)
	if !ok || !validValue(value) || f.enum != nil && !slices.Contains(f.enum, value) {
		return s
	}
	cur := s.Facets[facet]
	if i := slices.Index(cur, value); i >= 0 {
		return s.withFacet(facet, slices.Delete(slices.Clone(cur), i, i+1))
	}
	if f.single {
		return s.withFacet(facet, []string{value})
	}
	vals := append(slices.Clone(cur), value)
	slices.Sort(vals)
	return s.withFacet(facet, vals)
}

// WithQuery returns s searching for q, cut to MaxQueryRunes runes. A route
// without a table has no search and is left unchanged.
func (s State) WithQuery(q string) State {
	if _, ok := specs[s.Route]; !ok {
		return s
	}
	s.Q, _ = cleanQuery(q)
	if strings.TrimSpace(s.Q) == "" {
		s.Q = ""
	}
	return s
}

// WithColors returns s with colour convention c.
func (s State) WithColors(c Colors) State {
	if c != ColorsIntl {
		c = ColorsCN
	}
	s.Colors = c
	return s
}

// WithDates returns s limited to from..to, both inclusive; "" leaves an end
// open. It fails on a route without dates or a malformed date.
func (s State) WithDates(from, to string) (State, error) {
	if !specs[s.Route].dates {
		return s, fmt.Errorf("set dates: route %s has no date range", s.Route)
	}
	for _, d := range []string{from, to} {
		if d != "" && !validDate(d) {
			return s, fmt.Errorf("set dates: %q: want YYYY-MM-DD", d)
		}
	}
	s.From, s.To = from, to
	return s, nil
}

// SortParam returns the value of the sort parameter: the keys joined by
// commas, each with a leading "-" when descending (link,-return), or ""
// for the report's order.
func (s State) SortParam() string {
	keys := s.SortKeys()
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k.String()
	}
	return strings.Join(out, ",")
}

// SortKeys returns every sort key in order, the primary first; nil for the
// report's order.
func (s State) SortKeys() []Sort {
	if s.Sort.Key == "" {
		return nil
	}
	return append([]Sort{s.Sort}, s.Then...)
}

// withSortKeys returns s sorted by keys, the first primary.
func (s State) withSortKeys(keys []Sort) State {
	s.Sort, s.Then = Sort{}, nil
	if len(keys) > 0 {
		s.Sort = keys[0]
	}
	if len(keys) > 1 {
		s.Then = slices.Clone(keys[1:])
	}
	return s
}

// DescFirst reports whether a first click on column key sorts it biggest
// first: figures (returns, amounts), where the largest is what a reader
// looks for. Text, dates and ranks (1 is the top) sort ascending first.
func DescFirst(r Route, key string) bool {
	return slices.Contains(specs[r].descFirst, key)
}

// cycle returns the next state of sort key k on a click: its first
// direction, then the other, then unsorted (false).
func cycle(r Route, k Sort) (Sort, bool) {
	if k.Desc == DescFirst(r, k.Key) {
		return Sort{Key: k.Key, Desc: !k.Desc}, true
	}
	return Sort{}, false
}

// SortBy returns s after a click on column key's header. A column that
// does not sort the view becomes its only key, in its first direction
// (biggest first for figures, see DescFirst); a click on the primary key
// flips it, and the click after that returns to the report's order. A key
// the route cannot sort by leaves s unchanged.
func (s State) SortBy(key string) State {
	if !slices.Contains(specs[s.Route].sorts, key) {
		return s
	}
	if s.Sort.Key != key {
		return s.withSortKeys([]Sort{{Key: key, Desc: DescFirst(s.Route, key)}})
	}
	if next, ok := cycle(s.Route, s.Sort); ok {
		s.Sort = next
		return s
	}
	return s.withSortKeys(nil)
}

// ThenBy returns s after a shift-click on column key's header: a column
// not yet among the sort keys is added as the last, in its first
// direction; one already there flips, and the click after that removes
// it. Without a sort it is [State.SortBy].
func (s State) ThenBy(key string) State {
	if !slices.Contains(specs[s.Route].sorts, key) {
		return s
	}
	keys := s.SortKeys()
	i := slices.IndexFunc(keys, func(k Sort) bool { return k.Key == key })
	switch {
	case i < 0:
		keys = append(keys, Sort{Key: key, Desc: DescFirst(s.Route, key)})
	default:
		if next, ok := cycle(s.Route, keys[i]); ok {
			keys[i] = next
		} else {
			keys = slices.Delete(keys, i, i+1)
		}
	}
	return s.withSortKeys(keys)
}

// SortRank returns the place of column key among the sort keys, 1 for the
// primary, and whether it sorts descending; 0 when it does not sort.
func (s State) SortRank(key string) (int, bool) {
	for i, k := range s.SortKeys() {
		if k.Key == key {
			return i + 1, k.Desc
		}
	}
	return 0, false
}

// AriaSort returns the aria-sort value for column key's header:
// "ascending", "descending" or "none".
func (s State) AriaSort(key string) string {
	switch {
	case s.Sort.Key != key || key == "":
		return "none"
	case s.Sort.Desc:
		return "descending"
	default:
		return "ascending"
	}
}

// ClearFilters returns s without any filter: no facet value, no q, no
// dates. Sort and the preferences stay.
func (s State) ClearFilters() State {
	s.Facets, s.Q, s.From, s.To = nil, "", "", ""
	return s
}

// Remove returns s without the filter chip c stands for.
func (s State) Remove(c Chip) State {
	switch c.Param {
	case ParamQ:
		s.Q = ""
	case ParamFrom:
		s.From = ""
	case ParamTo:
		s.To = ""
	default:
		if s.Selected(c.Param, c.Value) {
			return s.Toggle(c.Param, c.Value)
		}
	}
	return s
}

// equal reports whether two states are the same view.
func (s State) equal(o State) bool {
	return s.Route == o.Route && s.Prefs == o.Prefs && s.Q == o.Q && s.Sort == o.Sort &&
		slices.Equal(s.Then, o.Then) &&
		s.From == o.From && s.To == o.To &&
		maps.EqualFunc(s.Facets, o.Facets, slices.Equal)
}
