package ui

import (
	"html"
	"strconv"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/explore"
)

func TestAttr(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "AI算力及基础设施", "AI算力及基础设施"},
		{"quote", `a"b`, "a&#34;b"},
		{"markup", `"><img src=x onerror=alert(1)>`, "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"},
		{"backslash", `a\"`, "a&#92;&#34;"},
		{"control", "a\nb\t", "a&#10;b&#9;"},
		{"ampersand", "&quot;", "&amp;quot;"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := attr(tt.in)
			if got != tt.want {
				t.Errorf("attr(%q) = %q; want %q", tt.in, got, tt.want)
			}
			// go-app's server writes attribute values with strconv.Quote:
			// the escaped value must come through it unchanged, so that no
			// " ends the attribute, and decode back to the input.
			if q := strconv.Quote(got); q != `"`+got+`"` {
				t.Errorf("strconv.Quote(attr(%q)) = %s; want it unchanged inside quotes", tt.in, q)
			}
			if back := html.UnescapeString(got); back != tt.in {
				t.Errorf("unescaped attr(%q) = %q; want the input", tt.in, back)
			}
		})
	}
}

func FuzzAttr(f *testing.F) {
	for _, s := range []string{"", `"`, `\`, "<script>", "a\tb", "长\u2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := attr(s)
		if strconv.Quote(got) != `"`+got+`"` {
			t.Fatalf("strconv.Quote changes attr(%q) = %q", s, got)
		}
		if strings.ContainsAny(got, "\"<>") {
			t.Fatalf("attr(%q) = %q holds a quote or angle bracket", s, got)
		}
		// HTML maps NUL and the C1 controls of a numeric reference to other
		// characters; such input does not come back, harmlessly.
		if strings.ContainsFunc(s, func(r rune) bool { return r == 0 || 0x80 <= r && r <= 0x9f }) {
			return
		}
		if back := html.UnescapeString(got); back != strings.ToValidUTF8(s, "\uFFFD") {
			t.Fatalf("unescaped attr(%q) = %q", s, back)
		}
	})
}

func TestLink(t *testing.T) {
	tests := []struct {
		path string
		p    explore.Prefs
		want string
	}{
		{"/", explore.Prefs{}, "/"},
		{"/", explore.Prefs{Colors: explore.ColorsIntl}, "/?colors=intl"},
		{"/movers?list=ytd-gainers", explore.Prefs{Colors: explore.ColorsIntl}, "/movers?list=ytd-gainers&colors=intl"},
		{"/stocks/360", explore.Prefs{}, "/stocks/360"},
		{"/", explore.Prefs{Lang: explore.LangEN}, "/?lang=en"},
		{"/movers?list=ytd-gainers", explore.Prefs{Colors: explore.ColorsIntl, Lang: explore.LangZH}, "/movers?list=ytd-gainers&colors=intl&lang=zh"},
	}
	for _, tt := range tests {
		if got := withPrefs(tt.p, nil).link(tt.path); got != tt.want {
			t.Errorf("link(%q) with %+v = %q; want %q", tt.path, tt.p, got, tt.want)
		}
	}
}

// TestWithWeek checks that a copied link names the week shown, unless it
// names one already, and changes nothing else.
func TestWithWeek(t *testing.T) {
	for _, tt := range []struct{ href, want string }{
		{"http://h/movers?list=ytd-gainers", "http://h/movers?list=ytd-gainers&week=2023-04-16"},
		{"http://h/", "http://h/?week=2023-04-16"},
		{"http://h/movers?week=2023-04-09&list=a", "http://h/movers?week=2023-04-09&list=a"},
		{"http://h/stocks/A%2FB?q=%E4%B8%AD", "http://h/stocks/A%2FB?q=%E4%B8%AD&week=2023-04-16"},
		{"http://h/movers#ytd-gainers/1", "http://h/movers?week=2023-04-16#ytd-gainers/1"},
	} {
		if got := withWeek(tt.href, "2023-04-16"); got != tt.want {
			t.Errorf("withWeek(%q) = %q; want %q", tt.href, got, tt.want)
		}
	}
}
