package chart

import (
	"flag"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ and widths.go")

// TestFill checks fill against strings.Replacer, which it stands in for,
// on the label templates' shapes: keys repeated, adjacent, unknown, a
// value holding a key, stray braces.
func TestFill(t *testing.T) {
	pairs := []string{"{n}", "7", "{label}", "AI{n}", "{shown}", "10"}
	for _, tmpl := range []string{
		"", "plain", "{n}", "{n}{n} of {label}", "{label}: {n}", "{shown} of {total}",
		"{", "}{", "{{n}}", "{x{n}", "end {", "近期 {n} 条",
	} {
		want := strings.NewReplacer(pairs...).Replace(tmpl)
		if got := fill(tmpl, pairs...); got != want {
			t.Errorf("fill(%q) = %q; want %q", tmpl, got, want)
		}
	}
}
