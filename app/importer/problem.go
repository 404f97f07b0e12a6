package importer

import (
	"fmt"
	"slices"
	"strings"
)

// Problem is one complaint about the text: a line that could not be
// placed, a figure printed twice that disagrees, a name the curated file
// does not know, a missing section, or a validation problem of the draft.
type Problem struct {
	Line int // from 1; 0 when the problem concerns no single line
	Msg  string
}

// String returns the problem as "line N: message", or the message alone
// when it has no line.
func (p Problem) String() string {
	if p.Line == 0 {
		return p.Msg
	}
	return fmt.Sprintf("line %d: %s", p.Line, p.Msg)
}

// Skip is a line left out of the draft on purpose: page furniture or
// boilerplate that the report model does not hold.
type Skip struct {
	Line int
	Why  string
}

// line is one line of the text: its number from 1 and its text without the
// line ending. Table rows keep their leading tabs, which mark empty cells.
type line struct {
	n   int
	raw string
}

// text is the line without surrounding white space.
func (l line) text() string { return strings.TrimSpace(l.raw) }

// cells splits a table row at its tabs.
func (l line) cells() []string {
	cs := strings.Split(strings.TrimRight(l.raw, " \r"), "\t")
	for i := range cs {
		cs[i] = strings.TrimSpace(cs[i])
	}
	return cs
}

// splitLines numbers the lines of text.
func splitLines(text string) []line {
	text = strings.TrimPrefix(text, "\ufeff") // a byte-order mark from some extractors
	raw := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	ls := make([]line, len(raw))
	for i, r := range raw {
		ls[i] = line{n: i + 1, raw: r}
	}
	return ls
}

// nonBlank drops the lines that hold only white space: the extraction
// leaves some with a lone space between paragraphs.
func nonBlank(ls []line) []line {
	var out []line
	for _, l := range ls {
		if l.text() != "" {
			out = append(out, l)
		}
	}
	return out
}

// excerpt shortens a line for a complaint.
func excerpt(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return string(r)
}

// sortProblems orders problems by line, those without one last, keeping
// the order of problems on one line.
func sortProblems(ps []Problem) {
	key := func(p Problem) int {
		if p.Line == 0 {
			return int(^uint(0) >> 1)
		}
		return p.Line
	}
	slices.SortStableFunc(ps, func(a, b Problem) int { return key(a) - key(b) })
}
