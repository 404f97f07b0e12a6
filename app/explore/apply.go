package explore

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// FacetValue is one value of a facet with the number of rows it would
// show.
type FacetValue struct {
	Value    string
	Count    int
	Selected bool
}

// FacetCounts is one facet as the sidebar shows it.
type FacetCounts struct {
	Key      string
	Label    string
	ValueMsg string
	Single   bool
	None     string // the value standing for rows without one, as in Facet.None
	// Values are in the table's display order. A value appears when some
	// row would match it or when it is selected.
	Values []FacetValue
}

// Chip is one active filter, shown as a removable chip; [State.Remove]
// takes it off.
type Chip struct {
	Param    string // a facet key, q, from or to
	Value    string
	ValueMsg string // when set, Value is a key shown as message ValueMsg+Value
}

// Result is what one table shows for one state.
type Result struct {
	Rows   []*Row        // the matching rows, sorted
	Total  int           // rows in the table
	Facets []FacetCounts // in the table's facet order
	Chips  []Chip        // facet values in facet order, then q, from, to
	Sort   Sort          // the order applied; zero for the report's order
}

// Apply filters and sorts t's rows for s and counts the facet values.
//
// A row matches when, for every facet with a selected value, it carries at
// least one selected value (OR within a facet, AND across facets); its
// search text contains q (case-insensitively, surrounding spaces ignored);
// and, when from or to is set, it has a date within them (inclusive). Each
// facet's counts follow every other active filter but not its own, so a
// count says how many rows selecting that value would add or keep (as
// Datasette does). Sorting is stable: ties, and the whole table when s has
// no sort, keep the report's order; missing values sort last either way.
// Facet keys or a sort key t lacks are ignored.
func Apply(t *Table, s State) Result {
	sel, active := selection(t, s)
	idx, counts := filter(t, s, sel, active)
	res := Result{Total: len(t.Rows)}
	var by []sortCol
	for _, k := range s.SortKeys() {
		if ci, ok := t.colAt[k.Key]; ok {
			by = append(by, sortCol{ci: ci, desc: k.Desc})
		}
	}
	if len(by) > 0 {
		res.Sort = s.Sort
		sortRows(t, idx, by)
	}
	res.Rows = make([]*Row, len(idx))
	for i, ri := range idx {
		res.Rows[i] = &t.Rows[ri]
	}
	res.Facets, res.Chips = facetCounts(t, sel, counts)
	if s.Q != "" {
		res.Chips = append(res.Chips, Chip{Param: ParamQ, Value: s.Q})
	}
	if t.dateCol >= 0 && s.From != "" {
		res.Chips = append(res.Chips, Chip{Param: ParamFrom, Value: s.From})
	}
	if t.dateCol >= 0 && s.To != "" {
		res.Chips = append(res.Chips, Chip{Param: ParamTo, Value: s.To})
	}
	return res
}

// selection returns, for each facet of t, which of its values s selects
// (sel[f][v]; nil for a facet without a selection), and the facets with a
// selection in order.
func selection(t *Table, s State) (sel [][]bool, active []int) {
	sel = make([][]bool, len(t.Facets))
	for fi, f := range t.Facets {
		for _, v := range s.Facets[f.Key] {
			if j, ok := t.valueAt[fi][v]; ok {
				if sel[fi] == nil {
					sel[fi] = make([]bool, len(f.Values))
					active = append(active, fi)
				}
				sel[fi][j] = true
			}
		}
		if s.Facets[f.Key] != nil && sel[fi] == nil {
			// Only unknown values selected: nothing can match.
			sel[fi] = make([]bool, len(f.Values))
			active = append(active, fi)
		}
	}
	slices.Sort(active)
	return sel, active
}

// filter returns the indexes of the rows that match s, in the report's
// order, and counts each facet value over the rows that every other
// filter keeps.
func filter(t *Table, s State, sel [][]bool, active []int) (idx []int, counts [][]int) {
	q := strings.ToLower(strings.TrimSpace(s.Q))
	dated := t.dateCol >= 0 && (s.From != "" || s.To != "")
	counts = make([][]int, len(t.Facets))
	for fi, f := range t.Facets {
		counts[fi] = make([]int, len(f.Values))
	}
	idx = make([]int, 0, len(t.Rows))
	for ri := range t.Rows {
		r := &t.Rows[ri]
		if q != "" && !strings.Contains(r.search, q) {
			continue
		}
		if dated {
			d := r.Cells[t.dateCol].Date
			if d == "" || s.From != "" && d < s.From || s.To != "" && d > s.To {
				continue
			}
		}
		// A row that fails one facet only still counts for that facet:
		// selecting one of its values there would show it.
		failed, nfail := -1, 0
		for _, fi := range active {
			if !anySelected(sel[fi], r.vals[fi]) {
				failed = fi
				if nfail++; nfail > 1 {
					break
				}
			}
		}
		switch nfail {
		case 0:
			idx = append(idx, ri)
			for fi, vs := range r.vals {
				for _, j := range vs {
					counts[fi][j]++
				}
			}
		case 1:
			for _, j := range r.vals[failed] {
				counts[failed][j]++
			}
		}
	}
	return idx, counts
}

// facetCounts returns the facets as the sidebar shows them and a chip for
// each selected value.
func facetCounts(t *Table, sel [][]bool, counts [][]int) ([]FacetCounts, []Chip) {
	fcs := make([]FacetCounts, len(t.Facets))
	var chips []Chip
	for fi, f := range t.Facets {
		fc := FacetCounts{Key: f.Key, Label: f.Label, ValueMsg: f.ValueMsg, Single: f.Single, None: f.None}
		for j, v := range f.Values {
			on := sel[fi] != nil && sel[fi][j]
			if counts[fi][j] > 0 || on {
				fc.Values = append(fc.Values, FacetValue{Value: v, Count: counts[fi][j], Selected: on})
			}
			if on {
				chips = append(chips, Chip{Param: f.Key, Value: v, ValueMsg: f.ValueMsg})
			}
		}
		fcs[fi] = fc
	}
	return fcs, chips
}

func anySelected(sel []bool, vals []int32) bool {
	for _, j := range vals {
		if sel[j] {
			return true
		}
	}
	return false
}

// sortCol is one key of a sort: a column and its direction.
type sortCol struct {
	ci   int
	desc bool
}

// colKeys are one sort column's keys, by position in the rows sorted.
type colKeys struct {
	number, desc bool
	num          []float64
	str          []string
	missing      []bool
}

// sortRows sorts row indexes by the columns in order, each with missing
// values last in either direction, and ties in the report's order. The
// keys are gathered first so the comparisons touch compact slices.
func sortRows(t *Table, idx []int, by []sortCol) {
	ks := make([]colKeys, len(by))
	for j, b := range by {
		k := colKeys{number: t.Columns[b.ci].Kind == Number, desc: b.desc, missing: make([]bool, len(idx))}
		if k.number {
			k.num = make([]float64, len(idx))
		} else {
			k.str = make([]string, len(idx))
		}
		for i, ri := range idx {
			r := &t.Rows[ri]
			if k.number {
				c := &r.Cells[b.ci]
				k.num[i], k.missing[i] = c.Key, c.Missing || math.IsNaN(c.Key)
			} else {
				k.str[i] = r.sortBy[b.ci]
				k.missing[i] = k.str[i] == ""
			}
		}
		ks[j] = k
	}
	pos := make([]int, len(idx))
	for i := range pos {
		pos[i] = i
	}
	slices.SortFunc(pos, func(a, b int) int {
		for _, k := range ks {
			if c := k.compare(a, b); c != 0 {
				return c
			}
		}
		return cmp.Compare(idx[a], idx[b])
	})
	sorted := make([]int, len(idx))
	for i, p := range pos {
		sorted[i] = idx[p]
	}
	copy(idx, sorted)
}

// compare orders positions a and b by one column: missing last, then by
// value in the column's direction; 0 for a tie.
func (k *colKeys) compare(a, b int) int {
	if ma, mb := k.missing[a], k.missing[b]; ma || mb {
		switch {
		case ma && mb:
			return 0
		case ma:
			return 1
		}
		return -1
	}
	var c int
	if k.number {
		c = cmp.Compare(k.num[a], k.num[b])
	} else {
		c = strings.Compare(k.str[a], k.str[b])
	}
	if k.desc {
		c = -c
	}
	return c
}
