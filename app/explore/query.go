package explore

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Reason says why a value from a link was not applied. Each is a message
// key the UI maps through its catalog.
type Reason string

// The reasons a [Notice] gives.
const (
	ReasonUnknownValue Reason = "notice.unknown-value" // not a value this parameter takes
	ReasonBadDate      Reason = "notice.bad-date"      // not a date written YYYY-MM-DD
	ReasonTooLong      Reason = "notice.too-long"      // q was cut to MaxQueryRunes
	ReasonRepeated     Reason = "notice.repeated"      // a single-valued parameter given again
	ReasonBadEscape    Reason = "notice.bad-escape"    // malformed percent-encoding; Value is as written
	ReasonTooMany      Reason = "notice.too-many"      // more than MaxParams parameters; Param is the first ignored, Value counts them
	ReasonDateOrder    Reason = "notice.date-order"    // to is before from; to is dropped
)

// Notice names a parameter value from a link that was dropped or changed.
// The rest of the link still applies. Value is cut to a short preview and
// must be rendered as text.
type Notice struct {
	Param  string
	Value  string
	Reason Reason
}

// String describes the notice for logs and test messages.
func (n Notice) String() string {
	return fmt.Sprintf("%s=%q: %s", n.Param, n.Value, n.Reason)
}

// noticeRunes bounds the value a notice repeats.
const noticeRunes = 60

func notice(param, value string, why Reason) Notice {
	return Notice{Param: param, Value: cutRunes(strings.ToValidUTF8(value, "\uFFFD"), noticeRunes, "…"), Reason: why}
}

// cutRunes returns s cut to at most n runes, with tail appended when cut.
// s must be valid UTF-8; a rune is never split.
func cutRunes(s string, n int, tail string) string {
	if len(s) <= n { // fewer bytes than n: fewer runes too
		return s
	}
	i := 0
	for j := range s {
		if i == n {
			return s[:j] + tail
		}
		i++
	}
	return s
}

// cleanQuery makes q valid UTF-8 and at most MaxQueryRunes runes. It
// reports whether it had to cut.
func cleanQuery(q string) (string, bool) {
	q = strings.ToValidUTF8(q, "\uFFFD")
	c := cutRunes(q, MaxQueryRunes, "")
	return c, len(c) != len(q)
}

// validValue reports whether v can be a facet value at all.
func validValue(v string) bool {
	return v != "" && utf8.ValidString(v) && utf8.RuneCountInString(v) <= MaxValueRunes
}

// validDate reports whether d is a real date written YYYY-MM-DD.
func validDate(d string) bool {
	t, err := time.Parse(time.DateOnly, d)
	return err == nil && t.Format(time.DateOnly) == d
}

// first returns the first non-empty value of param, with a notice for each
// later non-empty value that differs from it.
func first(param string, vals []string, ns *[]Notice) string {
	got := ""
	for _, v := range vals {
		switch {
		case v == "" || v == got:
		case got == "":
			got = v
		default:
			*ns = append(*ns, notice(param, v, ReasonRepeated))
		}
	}
	return got
}

// ParseQuery reads the state of route from a query string's values. It
// never fails: an unknown parameter name is ignored silently, and an
// unknown or malformed value (list=bogus, sort=nope, from=2023-13-45) is
// dropped with a [Notice] naming it while the rest still applies. Empty
// values count as absent. Single-valued parameters take their first
// non-empty value.
//
// ParseQuery checks what the contract fixes (enumerated facets, sort keys,
// dates, colors, lang); whether a label such as link=AI工具 exists in the report
// is for [Table.Check], which [Table.Parse] runs too.
func ParseQuery(route Route, v url.Values) (State, []Notice) {
	var ns []Notice
	s := State{Route: route, Prefs: parsePrefs(v, &ns)}
	sp, ok := specs[route]
	if !ok {
		return s, tidy(ns)
	}
	for _, f := range sp.facets {
		var got []string
		seen := map[string]bool{}
		for _, val := range v[f.key] {
			if val == "" || seen[val] {
				continue
			}
			seen[val] = true
			if f.enum != nil { // enumerated values in any case: list=YTD-Gainers
				if i := slices.IndexFunc(f.enum, func(e string) bool { return strings.EqualFold(e, val) }); i >= 0 {
					val = f.enum[i]
				}
			}
			switch {
			case !validValue(val) || f.enum != nil && !slices.Contains(f.enum, val):
				ns = append(ns, notice(f.key, val, ReasonUnknownValue))
			case f.single && len(got) == 1:
				ns = append(ns, notice(f.key, val, ReasonRepeated))
			default:
				got = append(got, val)
			}
		}
		if len(got) > 0 {
			slices.Sort(got)
			if s.Facets == nil {
				s.Facets = make(map[string][]string)
			}
			s.Facets[f.key] = got
		}
	}
	// A q of spaces only searches for nothing.
	if q := first(ParamQ, v[ParamQ], &ns); strings.TrimSpace(q) != "" {
		var cut bool
		if s.Q, cut = cleanQuery(q); cut {
			ns = append(ns, notice(ParamQ, q, ReasonTooLong))
		}
	}
	if so := first(ParamSort, v[ParamSort], &ns); so != "" {
		s = s.withSortKeys(parseSort(sp, so, &ns))
	}
	if sp.dates {
		for _, p := range []struct {
			name string
			dst  *string
		}{{ParamFrom, &s.From}, {ParamTo, &s.To}} {
			d := first(p.name, v[p.name], &ns)
			switch {
			case d == "":
			case validDate(d):
				*p.dst = d
			default:
				ns = append(ns, notice(p.name, d, ReasonBadDate))
			}
		}
		// ISO dates compare as text. An empty range would show empty
		// tables with no word of why.
		if s.From != "" && s.To != "" && s.To < s.From {
			ns = append(ns, notice(ParamTo, s.To, ReasonDateOrder))
			s.To = ""
		}
	}
	return s, tidy(ns)
}

// parseSort reads a sort parameter, keys separated by commas
// (link,-return), with a notice for each key the route cannot sort by and
// each key given again.
func parseSort(sp routeSpec, so string, ns *[]Notice) []Sort {
	var keys []Sort
	for part := range strings.SplitSeq(so, ",") {
		key, desc := strings.CutPrefix(strings.ToLower(strings.TrimSpace(part)), "-")
		switch {
		case part == "":
		case !slices.Contains(sp.sorts, key):
			*ns = append(*ns, notice(ParamSort, part, ReasonUnknownValue))
		case slices.ContainsFunc(keys, func(k Sort) bool { return k.Key == key }):
			*ns = append(*ns, notice(ParamSort, part, ReasonRepeated))
		default:
			keys = append(keys, Sort{Key: key, Desc: desc})
		}
	}
	return keys
}

// MaxNotices bounds the notices one link produces, so a hostile link with
// thousands of bad values shows a short list.
const MaxNotices = 20

// tidy drops repeated notices and keeps the first MaxNotices.
func tidy(ns []Notice) []Notice {
	if len(ns) == 0 {
		return nil
	}
	seen := make(map[Notice]bool, len(ns))
	out := ns[:0]
	for _, n := range ns {
		if !seen[n] && len(out) < MaxNotices {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}
