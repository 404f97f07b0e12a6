package chart

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
)

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

// TestEscape checks escape against xml.EscapeText, which it stands in
// for: markup characters, whitespace, controls, non-characters, invalid
// UTF-8 and a lone surrogate's bytes.
func TestEscape(t *testing.T) {
	for _, s := range []string{
		"", "plain", "AI芯片", `<a href="x">'&'</a>`, "tab\tnl\ncr\r", "bell\x07", "\x00",
		"\uFFFD", "\uFFFE\uFFFF", "bad\xffutf8", "\xed\xa0\x80", "𝔸", "a\u0085b\u2028c",
	} {
		var got, want bytes.Buffer
		escape(&got, s)
		if err := xml.EscapeText(&want, []byte(s)); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("escape(%q) = %q; want %q", s, got.String(), want.String())
		}
	}
}
