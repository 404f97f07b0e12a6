package archive

import (
	"github.com/airesearch/aiweekly/app/report"
)

// Changes is what changed from one week to the next: the index returns of
// both, the names that entered or left each mover list, the constituents
// added or removed or moved to another chain link, and the events, news
// and financings that the earlier week does not hold.
type Changes struct {
	From, To string // the earlier and the later week's dates
	Index    []IndexChange
	Lists    []ListChange
	// Added and Removed are the constituents of To that From lacks, and
	// the reverse; Moved those whose chain link or sub-track changed.
	Added, Removed []report.Constituent
	Moved          []Move
	// Events are the dated items of To whose title From does not print.
	Events []report.Item
	// Financings are the rounds of To that From does not list (by company
	// and amount as printed).
	Financings []report.Financing
}

// IndexChange is one index's returns in both weeks; Was is false for an
// index the earlier week does not compare.
type IndexChange struct {
	ID, Name string
	Before   Figure
	After    Figure
	Was      bool
}

// ListChange is one mover list's entrants and leavers.
type ListChange struct {
	List    report.MoverList
	Entered []report.Mover // entries of the later week, by company
	Left    []report.Mover // entries of the earlier week
}

// Move is a constituent whose place in the chain changed.
type Move struct {
	Company, Name    string
	FromLink, ToLink string
	FromSeg, ToSeg   string
}

// Empty reports whether nothing changed in any list, constituent, event or
// financing (index returns always change, and are not counted).
func (c Changes) Empty() bool {
	for _, l := range c.Lists {
		if len(l.Entered)+len(l.Left) > 0 {
			return false
		}
	}
	return len(c.Added)+len(c.Removed)+len(c.Moved)+len(c.Events)+len(c.Financings) == 0
}

// Compare returns what changed from prev, the earlier week, to cur.
func Compare(prev, cur *report.Report) Changes {
	c := Changes{From: prev.Meta.ReportDate, To: cur.Meta.ReportDate}
	before := map[string]Figure{}
	for _, f := range Summary(prev, "").Index {
		before[f.ID] = f
	}
	for _, f := range Summary(cur, "").Index {
		b, was := before[f.ID]
		c.Index = append(c.Index, IndexChange{ID: f.ID, Name: f.Name, Before: b, After: f, Was: was})
	}
	for l, ms := range cur.Movers.Lists() {
		old := prev.MoverList(l)
		c.Lists = append(c.Lists, ListChange{List: l, Entered: moversNotIn(ms, old), Left: moversNotIn(old, ms)})
	}
	c.Added, c.Removed = constituentsNotIn(cur, prev), constituentsNotIn(prev, cur)
	for _, k := range cur.Constituents {
		if o, ok := prev.ConstituentOf(k.Company); ok && (o.Link != k.Link || o.Segment != k.Segment) {
			c.Moved = append(c.Moved, Move{Company: k.Company, Name: k.Name,
				FromLink: o.Link, ToLink: k.Link, FromSeg: o.Segment, ToSeg: k.Segment})
		}
	}
	titles := map[string]bool{}
	for it := range prev.Events.All() {
		titles[it.Title] = true
	}
	for it := range cur.Events.All() {
		if !titles[it.Title] {
			c.Events = append(c.Events, it)
		}
	}
	rounds := map[[2]string]bool{}
	for _, f := range prev.Financings.Items {
		rounds[[2]string{f.Company, f.Amount.AsPrinted}] = true
	}
	for _, f := range cur.Financings.Items {
		if !rounds[[2]string{f.Company, f.Amount.AsPrinted}] {
			c.Financings = append(c.Financings, f)
		}
	}
	return c
}

// moversNotIn returns the entries of ms whose company other lacks.
func moversNotIn(ms, other []report.Mover) []report.Mover {
	in := map[string]bool{}
	for _, m := range other {
		in[m.Company] = true
	}
	var out []report.Mover
	for _, m := range ms {
		if !in[m.Company] {
			out = append(out, m)
		}
	}
	return out
}

// constituentsNotIn returns the constituents of r that other lacks.
func constituentsNotIn(r, other *report.Report) []report.Constituent {
	var out []report.Constituent
	for _, k := range r.Constituents {
		if _, ok := other.ConstituentOf(k.Company); !ok {
			out = append(out, k)
		}
	}
	return out
}
