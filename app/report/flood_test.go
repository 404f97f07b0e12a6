package report_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/app/testkit"
)

// flood returns the real report with n bad constituents, or with n unknown
// keys in meta.
func flood(tb testing.TB, n int, unknownKeys bool) []byte {
	tb.Helper()
	real := string(testkit.ReportBytes(tb))
	var b strings.Builder
	if unknownKeys {
		for i := range n {
			fmt.Fprintf(&b, `"junk%d": 1, `, i)
		}
		return []byte(strings.Replace(real, `"meta": {`, `"meta": {`+b.String(), 1))
	}
	b.WriteString(`"constituents": [`)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`"abc"`)
	}
	b.WriteString(`], "constituents_was": `)
	return []byte(strings.Replace(real, `"constituents": `, b.String(), 1))
}

// TestParseFloodListsTheFirst checks that a file with 40,000 problems gets
// the first MaxProblems of them, in file order, and a count of the rest.
func TestParseFloodListsTheFirst(t *testing.T) {
	for _, unknown := range []bool{false, true} {
		t.Run(fmt.Sprint("unknown keys ", unknown), func(t *testing.T) {
			_, err := report.Parse(flood(t, 40000, unknown))
			var ve *report.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Parse = %v; want a *report.ValidationError", err)
			}
			if len(ve.Problems) != report.MaxProblems || ve.Total() < 40000 {
				t.Fatalf("%d problems listed of %d; want %d of at least 40000", len(ve.Problems), ve.Total(), report.MaxProblems)
			}
			first := "constituents[0]: want an object"
			if unknown {
				first = "meta.junk0: unknown key"
			}
			if got := ve.Problems[0].String(); !strings.HasPrefix(got, first) {
				t.Errorf("first problem %q; want it to start with %q", got, first)
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != report.MaxProblems+2 || lines[len(lines)-1] != fmt.Sprintf("\tand %d more", ve.Omitted) {
				t.Errorf("Error() has %d lines ending %q; want %d ending with the count of the rest", len(lines), lines[len(lines)-1], report.MaxProblems+2)
			}
		})
	}
}

// BenchmarkParseFlood measures validation of 40,000 bad entries and of
// 40,000 unknown keys; both are linear (it was 25 s and 10 s).
func BenchmarkParseFlood(b *testing.B) {
	for _, unknown := range []bool{false, true} {
		data := flood(b, 40000, unknown)
		b.Run(fmt.Sprint("unknown keys ", unknown), func(b *testing.B) {
			for b.Loop() {
				if _, err := report.Parse(data); err == nil {
					b.Fatal("Parse accepted a flooded file")
				}
			}
		})
	}
}
