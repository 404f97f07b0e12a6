package report_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/app/testkit"
)

// TestProblemPosition checks that each problem gives the line and column
// of its value in the file, as an editor counts them.
func TestProblemPosition(t *testing.T) {
	data := testkit.ReportBytes(t)
	edits := []struct{ old, new, path string }{
		{`"return": 257.4`, `"return": "abc"`, "movers.ytd_gainers[0].return"},
		{`"rating": "看好",`, `"rating": "很好",`, "meta.rating"},
	}
	for _, e := range edits {
		if bytes.Count(data, []byte(e.old)) < 1 {
			t.Fatalf("the report lacks %s", e.old)
		}
		data = bytes.Replace(data, []byte(e.old), []byte(e.new), 1)
	}
	_, err := report.Parse(data)
	var ve *report.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Parse = %v; want a validation error", err)
	}
	lines := strings.Split(string(data), "\n")
	for _, e := range edits {
		found := false
		for _, p := range ve.Problems {
			if p.Path != e.path {
				continue
			}
			found = true
			if p.Line < 1 || p.Line > len(lines) {
				t.Fatalf("%s: line %d", p.Path, p.Line)
			}
			val := strings.TrimPrefix(e.new, e.old[:strings.Index(e.old, ":")+2])
			line := []rune(lines[p.Line-1])
			if p.Column < 1 || p.Column > len(line) || !strings.HasPrefix(string(line[p.Column-1:]), strings.TrimSuffix(val, ",")) {
				t.Errorf("%s at line %d column %d: %q; want the value %s there", p.Path, p.Line, p.Column, lines[p.Line-1], val)
			}
		}
		if !found {
			t.Errorf("no problem at %s: %v", e.path, ve.Problems)
		}
	}
}
