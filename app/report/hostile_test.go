package report_test

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/app/testkit"
)

// TestParseRejectsUnreadableBytes covers the files the parser cannot read
// safely or would misread: each gets a syntax error a person can act on,
// and none crashes the process (deep nesting overflowed the stack).
func TestParseRejectsUnreadableBytes(t *testing.T) {
	real := testkit.ReportBytes(t)
	utf16 := func(bigEndian bool) []byte {
		var b []byte
		if bigEndian {
			b = []byte{0xFE, 0xFF}
		} else {
			b = []byte{0xFF, 0xFE}
		}
		for _, c := range []byte(`{"a": 1}`) {
			if bigEndian {
				b = append(b, 0, c)
			} else {
				b = append(b, c, 0)
			}
		}
		return b
	}
	tests := []struct {
		name      string
		in        []byte
		msg       string
		line, col int
	}{
		{"byte-order mark", append([]byte{0xEF, 0xBB, 0xBF}, real...), "the file starts with a UTF-8 byte-order mark; save it without", 1, 1},
		{"UTF-16 little-endian", utf16(false), "the file is UTF-16; save it as UTF-8", 1, 1},
		{"UTF-16 big-endian", utf16(true), "the file is UTF-16; save it as UTF-8", 1, 1},
		{"UTF-16 without a mark", []byte("{\x00\"\x00a\x00\"\x00"), "the file is UTF-16; save it as UTF-8", 1, 1},
		{"10 MB of [", bytes.Repeat([]byte("["), 10<<20), "nest deeper than 64 levels", 1, 65},
		{"10,000 [ after a line", append([]byte("{\"a\":\n  "), bytes.Repeat([]byte("["), 10000)...), "nest deeper than 64 levels", 2, 66},
		{"objects in arrays", []byte(strings.Repeat(`{"a":[`, 40)), "nest deeper than 64 levels", 1, 6*32 + 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := report.Parse(tt.in)
			var se *report.SyntaxError
			if r != nil || !errors.As(err, &se) {
				t.Fatalf("Parse = %v, %v; want a *report.SyntaxError", r, err)
			}
			if !strings.Contains(se.Msg, tt.msg) || se.Line != tt.line || se.Column != tt.col {
				t.Errorf("Parse error = %q at %d:%d; want %q at %d:%d", se.Msg, se.Line, se.Column, tt.msg, tt.line, tt.col)
			}
		})
	}
}

// TestParseNestingWithinLimit checks that brackets inside strings do not
// count as nesting, and that 64 levels are still read.
func TestParseNestingWithinLimit(t *testing.T) {
	for _, in := range []string{
		`{"a": "` + strings.Repeat("[", 100) + `"}`,
		`{"a": "\"` + strings.Repeat("{", 100) + `"}`,
		strings.Repeat("[", 64) + strings.Repeat("]", 64),
	} {
		_, err := report.Parse([]byte(in))
		var se *report.SyntaxError
		if errors.As(err, &se) {
			t.Errorf("Parse(%.40q…) = %v; want no syntax error", in, err)
		}
	}
}

// TestParseRejectsBadText covers strings that are JSON but not text: raw
// bytes that are not UTF-8, \u0000, and lone surrogates, in values and in
// keys. Each is a problem at its JSON path, with the others still listed.
func TestParseRejectsBadText(t *testing.T) {
	real := string(testkit.ReportBytes(t))
	name := `"name": "刘雯蜀"`
	if !strings.Contains(real, name) {
		t.Fatalf("the real report no longer holds %s", name)
	}
	tests := []struct {
		name string
		with string // replaces name
		want []string
	}{
		{"invalid UTF-8", `"name": "刘雯` + "\xff\xfe" + `"`, []string{"meta.analyst.name: not valid UTF-8 text"}},
		{"NUL escape", `"name": "刘雯\u0000蜀"`, []string{`meta.analyst.name: holds the character \u0000`}},
		{"lone high surrogate", `"name": "刘雯\ud800"`, []string{`meta.analyst.name: holds a lone surrogate \ud800`}},
		{"lone low surrogate", `"name": "\udc00刘雯"`, []string{`meta.analyst.name: holds a lone surrogate \udc00`}},
		{"high surrogate then text", `"name": "\ud83dx"`, []string{`meta.analyst.name: holds a lone surrogate \ud83d`}},
		{"bad key", `"name": "刘雯蜀", "x\ud800": 1`, []string{`meta.analyst.x` + "\ufffd" + `: key: holds a lone surrogate \ud800`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := strings.Replace(real, name, tt.with, 1)
			_, err := report.Parse([]byte(in))
			var ve *report.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Parse = %v; want a *report.ValidationError", err)
			}
			var got []string
			for _, p := range ve.Problems {
				if !strings.Contains(p.Message, "unknown key") {
					got = append(got, p.String())
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems = %q; want %q", got, tt.want)
			}
		})
	}
	// A surrogate pair is one character, and valid.
	in := strings.Replace(real, name, `"name": "刘雯蜀\ud83d\ude00"`, 1)
	if _, err := report.Parse([]byte(in)); err != nil {
		t.Errorf("Parse with an escaped emoji: %v; want no error", err)
	}
}

// FuzzParse feeds Parse any bytes: it returns a report or an error, and
// never panics, hangs or overflows the stack. The corpus in
// testdata/fuzz/FuzzParse holds every crafted file of the tests above.
func FuzzParse(f *testing.F) {
	f.Add(testkit.ReportBytes(f))
	f.Add([]byte(`{"meta": {"title": "<img src=x onerror=alert(1)>"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := report.Parse(data)
		if (r == nil) == (err == nil) {
			t.Fatalf("Parse = %v, %v; want exactly one of a report and an error", r, err)
		}
	})
}
