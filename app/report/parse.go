package report

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"unicode/utf8"
)

// Parse reads a report from the JSON document data and validates it.
//
// Input that is not JSON gives a [*SyntaxError]. A document that is JSON but
// not a valid report gives a [*ValidationError] listing every problem at
// once. Either way the returned report is nil; a report that Parse returns
// is complete, consistent and indexed for the lookup methods.
func Parse(data []byte) (*Report, error) { return ParsePaused(data, nil) }

// ParsePaused is [Parse] calling pause, unless nil, between its stages:
// reading the JSON, reading the typed report, validating it. A caller on
// one thread (the browser's) passes a pause that lets the page handle
// input and paint, so that no stage adds to another's time without a
// break.
func ParsePaused(data []byte, pause func()) (*Report, error) {
	if pause == nil {
		pause = func() {}
	}
	if err := checkBytes(data); err != nil {
		return nil, err
	}
	root, ok := parseJSON(data)
	if !ok {
		return nil, syntaxError(data)
	}
	pause()
	ps := newProblems()
	ps.list = textProblems(root, "", nil)
	rd := reader{ps: ps, fields: map[reflect.Type][]field{}}
	r := rd.report(node{v: root})
	pause()
	if r != nil {
		validate(r, ps)
	}
	if len(ps.list) > 0 {
		ps.sort(root)
		ve := &ValidationError{Problems: ps.list}
		if n := len(ve.Problems); n > MaxProblems {
			ve.Problems, ve.Omitted = ve.Problems[:MaxProblems:MaxProblems], n-MaxProblems
		}
		locate(ve.Problems, data)
		return nil, ve
	}
	r.index()
	return r, nil
}

// syntaxError locates the fault in data, which parseJSON has found
// invalid. parseJSON says only whether a document is valid, so
// encoding/json is asked where it is not.
func syntaxError(data []byte) error {
	e := &SyntaxError{Msg: "malformed JSON"}
	// Unmarshal returns its *SyntaxError unwrapped; a type assertion
	// keeps errors.As, and the reflection it links, out of the wasm.
	if se, ok := json.Unmarshal(data, new(json.RawMessage)).(*json.SyntaxError); ok {
		e.Offset, e.Msg = se.Offset, se.Error()
	}
	eof := strings.Contains(e.Msg, "end of JSON input")
	if len(bytes.TrimSpace(data)) == 0 {
		e.Msg, eof = "empty document", true
	}
	// The offset counts the offending byte, so the column is that of the
	// last character read; at the end of the input, where more was
	// expected, it is the one after.
	off := min(max(int(e.Offset), 0), len(data))
	before := data[:off]
	e.Line = bytes.Count(before, []byte("\n")) + 1
	e.Column = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:])
	if eof || e.Column == 0 {
		e.Column++
	}
	return e
}
