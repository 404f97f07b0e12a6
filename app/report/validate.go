package report

import (
	"slices"
	"strings"
	"time"
)

// Bounds of the values the loader accepts.
const (
	minReturn = -100.0 // percent: a price cannot fall by more
	maxReturn = 10000.0
	// dateSlack is how long before the covered period an event or news item
	// may be dated: the report looks back at most a year.
	dateSlack = 366 * 24 * time.Hour
	dateFmt   = "2006-01-02"
)

// isID reports whether s has the shape of every id: lower-case ASCII words
// joined by hyphens (^[a-z0-9]+(-[a-z0-9]+)*$), safe in a URL and an HTML
// id. It is written out rather than a regexp compiled when the package
// starts, which in the browser is main-thread time before the first render.
func isID(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}

// validator checks a report read by reader as a whole. It reports nothing
// about a value that had a problem while reading, so that every problem is
// reported once.
type validator struct {
	r  *Report
	ps *problems

	ids   map[string]int // company id -> index, from companies read cleanly
	names map[string]int // folded name or alias -> index
	// idsOK and namesOK are false when a company's id or names could not be
	// read: references cannot then be told unknown with certainty.
	idsOK, namesOK bool

	lo, hi   time.Time // dates of events and news must fall inside
	windowOK bool
}

// validate checks r as a whole, adding to ps.
func validate(r *Report, ps *problems) {
	v := &validator{r: r, ps: ps}
	v.meta()
	v.keyPoints()
	v.indexReturns()
	v.companies()
	v.movers()
	v.constituents()
	v.events()
	v.financings()
	v.picks()
}

func (v *validator) ok(paths ...string) bool { return v.ps.ok(paths...) }

func (v *validator) add(path, format string, args ...any) { v.ps.add(path, format, args...) }

// nonEmpty reports a list read without problems but with no entries.
func (v *validator) nonEmpty(path string, n int) {
	if n == 0 && v.ok(path) {
		v.add(path, "want at least one entry")
	}
}

// date parses an ISO date, reporting one that does not parse.
func (v *validator) date(path, s string) (time.Time, bool) {
	if !v.ok(path) {
		return time.Time{}, false
	}
	t, err := time.Parse(dateFmt, s)
	if err != nil {
		v.add(path, "want a date YYYY-MM-DD, got %q", s)
		return time.Time{}, false
	}
	return t, true
}

// datedInWindow checks the date of an event, a news item or a rate: it
// parses, and falls between a year before the covered period and the
// report date.
func (v *validator) datedInWindow(path, s string) {
	t, ok := v.date(path, s)
	if !ok || !v.windowOK {
		return
	}
	if t.Before(v.lo) || t.After(v.hi) {
		v.add(path, "%s is outside %s..%s (a year before meta.period.from to meta.report_date)",
			s, v.lo.Format(dateFmt), v.hi.Format(dateFmt))
	}
}

// ret checks a return in percent.
func (v *validator) ret(path string, f float64) {
	if v.ok(path) && (f < minReturn || f > maxReturn) {
		v.add(path, "want a return from %g to %g (percent), got %g", minReturn, maxReturn, f)
	}
}

// oneOf checks s against a closed vocabulary.
func (v *validator) oneOf(path, s string, want []string) bool {
	if !v.ok(path) {
		return false
	}
	if !slices.Contains(want, s) {
		v.add(path, "want one of %s; got %q", strings.Join(want, ", "), s)
		return false
	}
	return true
}

// idSet checks that ids are well formed and unique within one collection.
type idSet struct {
	v     *validator
	first map[string]string // id -> path of the object that has it first
}

func (v *validator) idSet() *idSet { return &idSet{v: v, first: map[string]string{}} }

// check checks the id at obj+".id".
func (s *idSet) check(obj, id string) {
	path := obj + ".id"
	if !s.v.ok(path) {
		return
	}
	if !isID(id) {
		s.v.add(path, "want an id of lower-case letters, digits and hyphens, got %q", id)
	}
	if at, dup := s.first[id]; dup {
		s.v.add(path, "duplicate id %q (first at %s)", id, at)
		return
	}
	s.first[id] = obj
}

// number checks an item number as printed; numbers may repeat.
func (v *validator) number(path string, n int) {
	if v.ok(path) && n < 1 {
		v.add(path, "want a number from 1, got %d", n)
	}
}
