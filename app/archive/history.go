package archive

import "github.com/airesearch/aiweekly/app/report"

// Entry is one company in one week: where the mover lists rank it, and
// its place in the index's chain.
type Entry struct {
	Date string
	// Listed says the week knows the company at all (by id).
	Listed bool
	Ranks  []Rank
	// Link and Segment are its chain link and sub-track as a
	// constituent; InIndex is false when the week's index lacks it.
	InIndex       bool
	Link, Segment string
	// LinkChanged says the chain link or sub-track differs from the
	// week before (among the weeks in the history).
	LinkChanged bool
}

// Rank is one mover list's entry for a company.
type Rank struct {
	List   report.MoverList
	Rank   int
	Return float64
}

// History is the company with id across weeks, newest first: one entry
// per week of weeks, which are reports in the index's order.
func History(id string, weeks []*report.Report) []Entry {
	out := make([]Entry, len(weeks))
	for i, r := range weeks {
		e := Entry{Date: r.Meta.ReportDate}
		_, e.Listed = r.CompanyByID(id)
		for l, ms := range r.Movers.Lists() {
			for _, m := range ms {
				if m.Company == id {
					e.Ranks = append(e.Ranks, Rank{List: l, Rank: m.Rank, Return: m.Return})
				}
			}
		}
		if k, ok := r.ConstituentOf(id); ok {
			e.InIndex, e.Link, e.Segment = true, k.Link, k.Segment
		}
		out[i] = e
	}
	for i := range len(out) - 1 {
		cur, prev := &out[i], out[i+1]
		cur.LinkChanged = cur.InIndex && prev.InIndex && (cur.Link != prev.Link || cur.Segment != prev.Segment)
	}
	return out
}
