package report

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// fold is the form in which names are compared: without surrounding space
// and with ASCII letters in lower case, so that " meta " finds Meta. Other
// letters are left alone: Chinese names have no case.
func fold(s string) string {
	s = strings.TrimSpace(s)
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + ('a' - 'A')
		}
	}
	return string(b)
}

// index builds the lookup maps of a validated report, in which every id
// and every folded name is unique.
func (r *Report) index() {
	r.byID = make(map[string]int, len(r.Companies))
	r.byAlias = make(map[string]int, 2*len(r.Companies))
	for i, c := range r.Companies {
		r.byID[c.ID] = i
		r.byAlias[fold(c.Name)] = i
		for _, a := range c.Aliases {
			r.byAlias[fold(a)] = i
		}
	}
}

// Company returns the company that has nameOrAlias as its name or one of
// its aliases: 360 and 三六零 give the same company. Surrounding space and
// the case of ASCII letters do not matter.
func (r *Report) Company(nameOrAlias string) (Company, bool) {
	i, ok := r.byAlias[fold(nameOrAlias)]
	if !ok {
		return Company{}, false
	}
	return r.Companies[i], true
}

// CompanyByID returns the company with the given id.
func (r *Report) CompanyByID(id string) (Company, bool) {
	i, ok := r.byID[id]
	if !ok {
		return Company{}, false
	}
	return r.Companies[i], true
}

// match is how close one company's names come to the name asked for.
type match struct {
	company int
	substr  bool
	dist    int
}

// byCloseness puts the companies sharing the name first, then the
// nearest by edit distance (sort.Stable: see [byOffset]).
type byCloseness []match

func (s byCloseness) Len() int      { return len(s) }
func (s byCloseness) Swap(i, j int) { s[i], s[j] = s[j], s[i] }
func (s byCloseness) Less(i, j int) bool {
	if s[i].substr != s[j].substr {
		return s[i].substr
	}
	return s[i].dist < s[j].dist
}

// Closest returns up to n companies whose names or aliases are closest to
// name, for a page that finds none. Companies with a name that contains
// name, or that name contains, come first; then the others by edit distance
// counted in characters. A company with nothing in common with name (an
// edit distance as long as the longer of the two) is left out. Ties keep
// the order of the file, so the result is the same on every call.
func (r *Report) Closest(name string, n int) []Company {
	q := []rune(fold(name))
	if n <= 0 || len(q) == 0 {
		return nil
	}
	var ms []match
	for i, c := range r.Companies {
		best, found := match{company: i}, false
		for _, s := range append([]string{c.Name}, c.Aliases...) {
			key := fold(s)
			m := match{
				company: i,
				substr:  strings.Contains(key, string(q)) || strings.Contains(string(q), key),
				dist:    editDistance(q, []rune(key)),
			}
			if !m.substr && m.dist >= max(len(q), utf8.RuneCountInString(key)) {
				continue
			}
			if !found || better(m.substr, m.dist, best.substr, best.dist) {
				best, found = m, true
			}
		}
		if found {
			ms = append(ms, best)
		}
	}
	sort.Stable(byCloseness(ms))
	out := make([]Company, 0, min(n, len(ms)))
	for _, m := range ms[:min(n, len(ms))] {
		out = append(out, r.Companies[m.company])
	}
	return out
}

// better reports whether a match (substring, distance) ranks before
// another.
func better(subA bool, distA int, subB bool, distB int) bool {
	if subA != subB {
		return subA
	}
	return distA < distB
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// MoverList returns a copy of the entries of list l in the file's order,
// which is rank order; nil for an unknown list. The copy may be sorted or
// changed without touching the report.
func (r *Report) MoverList(l MoverList) []Mover {
	return slices.Clone(r.Movers.list(l))
}

// ConstituentOf returns the index constituent that is the company with the
// given id; false when the company is not in the index.
func (r *Report) ConstituentOf(companyID string) (Constituent, bool) {
	for _, c := range r.Constituents {
		if c.Company == companyID {
			return c, true
		}
	}
	return Constituent{}, false
}

// ToBase converts m into the base currency of fx (USD in the report) using
// the stored rate, so that amounts in different currencies can be compared.
// It returns false when m is in neither of the rate's currencies or the
// rate is not positive.
func (fx FX) ToBase(m Money) (float64, bool) {
	switch {
	case fx.Rate <= 0:
		return 0, false
	case m.Currency == fx.Base:
		return m.Value, true
	case m.Currency == fx.Quote:
		return m.Value / fx.Rate, true
	}
	return 0, false
}
