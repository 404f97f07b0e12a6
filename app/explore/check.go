package explore

import (
	"net/url"
	"slices"
	"strings"
)

// indexFolded maps each facet's folded values and aliases to the value's
// index, so that a link may spell a value in another case (currency=usd)
// or by another name of the same company (company=商汤科技).
func (t *Table) indexFolded() {
	t.foldAt = make([]map[string]int, len(t.Facets))
	for fi, f := range t.Facets {
		m := make(map[string]int, len(f.Values)+len(f.Aliases))
		for a, v := range f.Aliases {
			if j, ok := t.valueAt[fi][v]; ok {
				m[foldValue(a)] = j
			}
		}
		// A value's own spelling wins over an alias, and the first of two
		// values that fold alike over the second.
		for j := len(f.Values) - 1; j >= 0; j-- {
			m[foldValue(f.Values[j])] = j
		}
		t.foldAt[fi] = m
	}
}

// foldValue is the form in which link values are compared with a facet's
// values: without surrounding space, letters in lower case.
func foldValue(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// canonical returns the value of facet fi that v names, as spelt in the
// facet: v itself, or the value v folds to or is an alias of.
func (t *Table) canonical(fi int, v string) (string, bool) {
	if _, ok := t.valueAt[fi][v]; ok {
		return v, true
	}
	if j, ok := t.foldAt[fi][foldValue(v)]; ok {
		return t.Facets[fi].Values[j], true
	}
	return "", false
}

// Check drops from s what this table cannot show: a facet value no row
// carries (link=bogus, layer=x), a facet or sort key the table lacks. It
// returns a notice for each value dropped.
func (t *Table) Check(s State) (State, []Notice) {
	var ns []Notice
	// The table's facets in its order, then any other (sorted: maps have
	// no order). Walking the table's list needs no sort of its own;
	// slices.Sort on strings is in every go-app binary already.
	keys := make([]string, 0, len(s.Facets))
	for _, f := range t.Facets {
		if _, ok := s.Facets[f.Key]; ok {
			keys = append(keys, f.Key)
		}
	}
	var other []string
	for k := range s.Facets {
		if _, ok := t.facetAt[k]; !ok {
			other = append(other, k)
		}
	}
	slices.Sort(other)
	keys = append(keys, other...)
	for _, k := range keys {
		fi, ok := t.facetAt[k]
		var keep []string
		changed := false
		for _, v := range s.Facets[k] {
			c, known := "", false
			if ok {
				c, known = t.canonical(fi, v)
			}
			switch {
			case !known:
				ns = append(ns, notice(k, v, ReasonUnknownValue))
				changed = true
			case slices.Contains(keep, c):
				changed = true // two spellings of one value
			default:
				keep = append(keep, c)
				changed = changed || c != v
			}
		}
		if changed {
			slices.Sort(keep)
			s = s.withFacet(k, keep)
		}
	}
	if keys := s.SortKeys(); keys != nil {
		known := slices.DeleteFunc(slices.Clone(keys), func(k Sort) bool {
			if _, ok := t.colAt[k.Key]; !ok {
				ns = append(ns, notice(ParamSort, k.String(), ReasonUnknownValue))
				return true
			}
			return false
		})
		if len(known) != len(keys) {
			s = s.withSortKeys(known)
		}
	}
	return s, tidy(ns)
}

// Parse is [ParseQuery] for this table's route followed by [Table.Check]:
// the state a link to this table asks for, with a notice for everything
// dropped.
func (t *Table) Parse(v url.Values) (State, []Notice) {
	s, ns := ParseQuery(t.Route, v)
	s, more := t.Check(s)
	return s, tidy(append(ns, more...))
}
