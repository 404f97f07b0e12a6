package report

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with a report file, at one JSON path.
type Problem struct {
	// Path locates the value in the JSON document, with object keys joined
	// by dots and array indexes in brackets: movers.ytd_gainers[3].return.
	// It is "(root)" for the document itself.
	Path string
	// Message says what is wrong, e.g. `want a number, got "abc"`.
	Message string
	// Line and Column (both from 1, the column counted in characters)
	// locate the value in the file for a person reading it: where it
	// starts, or for a missing value the end of the value that should
	// hold it. Zero when unknown.
	Line, Column int

	offset int // the byte offset behind Line and Column
}

// String returns the problem as "path: message".
func (p Problem) String() string { return p.Path + ": " + p.Message }

// MaxProblems is how many problems a [ValidationError] keeps: a file with
// 40,000 bad entries is as well described by its first hundred, and a log
// line or a page listing all of them helps no one.
const MaxProblems = 100

// ValidationError is returned by [Parse] for a well-formed JSON document
// that is not a valid report. It lists the first [MaxProblems] problems
// found, in the order they occur in the document, and counts the rest.
type ValidationError struct {
	Problems []Problem
	// Omitted is how many problems there are beyond Problems.
	Omitted int
}

// Total is the number of problems found, listed or not.
func (e *ValidationError) Total() int { return len(e.Problems) + e.Omitted }

// Lines returns one line a problem, "path: message", and a last line "and
// N more" when some are omitted.
func (e *ValidationError) Lines() []string {
	out := make([]string, 0, len(e.Problems)+1)
	for _, p := range e.Problems {
		out = append(out, p.String())
	}
	if e.Omitted > 0 {
		out = append(out, fmt.Sprintf("and %d more", e.Omitted))
	}
	return out
}

// Error returns a count summary on the first line, then one problem a line.
func (e *ValidationError) Error() string {
	var b strings.Builder
	if e.Total() == 1 {
		b.WriteString("invalid report: 1 problem")
	} else {
		fmt.Fprintf(&b, "invalid report: %d problems", e.Total())
	}
	for _, l := range e.Lines() {
		b.WriteString("\n\t")
		b.WriteString(l)
	}
	return b.String()
}

// SyntaxError is returned by [Parse] for input that is not JSON.
type SyntaxError struct {
	// Offset is the number of bytes read before the fault was noticed.
	Offset int64
	// Line and Column (both from 1, the column counted in characters)
	// locate the fault for a person reading the file.
	Line, Column int
	// Msg describes the fault.
	Msg string
}

// Error describes the fault with its position.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("report is not valid JSON: line %d, column %d (byte offset %d): %s",
		e.Line, e.Column, e.Offset, e.Msg)
}
