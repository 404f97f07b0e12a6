package chart

import (
	"strings"
	"testing"
)

// TestRowLinks checks that bars, amounts and days given an Href are each
// wrapped in a link named by their value, that the chart is then a group,
// and that a javascript: target is refused.
func TestRowLinks(t *testing.T) {
	tests := []struct {
		name  string
		draw  func(href string) ([]byte, error)
		label string // the accessible name of the first link
	}{
		{"bars", func(h string) ([]byte, error) {
			return Bars([]Bar{{Label: "源杰科技", Value: 63.81, Href: h}, {Label: "当虹科技", Value: -18.09, Href: h + "2"}}, Options{})
		}, "源杰科技 +63.81% ▲"},
		{"amounts", func(h string) ([]byte, error) {
			return Amounts([]Amount{{Label: "Perplexity", USD: 25.6e6, Note: "2560万美元", Href: h}, {Label: "x", USD: 1, Href: h + "2"}}, Options{})
		}, "Perplexity $25.6M（2560万美元）"},
		{"days", func(h string) ([]byte, error) {
			return EventsPerDay([]DayCount{{Date: "2023-04-01", Company: 2, Href: h}, {Date: "2023-04-02", Overseas: 1, Href: h + "2"}}, Options{})
		}, "4/1 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.draw("/x?y=1")
			if err != nil {
				t.Fatal(err)
			}
			svg := string(b)
			if n := strings.Count(svg, `<a href="/x?y=1`); n != 2 {
				t.Errorf("%d links; want 2:\n%s", n, svg)
			}
			if !strings.Contains(svg, `aria-label="`+tt.label+`"`) {
				t.Errorf("no link named %q:\n%s", tt.label, svg)
			}
			if !strings.Contains(svg, `role="group"`) {
				t.Errorf("a chart of links is not a group")
			}
			if _, err := tt.draw("javascript:alert(1)"); err == nil {
				t.Errorf("a javascript: link was drawn")
			}
		})
	}
}
