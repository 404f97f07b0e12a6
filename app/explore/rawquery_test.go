package explore

import (
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestParseRawQuery(t *testing.T) {
	many := strings.Repeat("link=AI%E5%B7%A5%E5%85%B7&", MaxParams) + strings.Repeat("z=1&", 11000) + "q=last"
	tests := []struct {
		name    string
		raw     string
		want    url.Values
		notices []Notice
	}{
		{"plain", "list=ytd-gainers&q=%E7%A7%91%E6%8A%80", url.Values{"list": {"ytd-gainers"}, "q": {"科技"}}, nil},
		{"bad escape drops only it", "link=%ZZ&list=ytd-gainers", url.Values{"list": {"ytd-gainers"}},
			[]Notice{{"link", "%ZZ", ReasonBadEscape}}},
		{"bad escape in a name", "li%Gnk=x&q=a", url.Values{"q": {"a"}}, []Notice{{"li%Gnk", "x", ReasonBadEscape}}},
		{"semicolon", "q=a;b&sort=name", url.Values{"sort": {"name"}}, []Notice{{"q", "a;b", ReasonBadEscape}}},
		{"empty parts", "&&q=a&", url.Values{"q": {"a"}}, nil},
		{"more than MaxParams", many, url.Values{"link": slicesRepeat("AI工具", MaxParams)},
			[]Notice{{"z", strconv.Itoa(11001), ReasonTooMany}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ns := ParseRawQuery(tt.raw)
			if !reflect.DeepEqual(got, tt.want) || !reflect.DeepEqual(ns, tt.notices) {
				t.Errorf("ParseRawQuery(%.60q) = %d keys, %v; want %d keys, %v", tt.raw, len(got), ns, len(tt.want), tt.notices)
			}
		})
	}
}

func slicesRepeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

func TestParseQueryDateOrder(t *testing.T) {
	v := url.Values{"from": {"2023-04-10"}, "to": {"2023-04-05"}}
	s, ns := ParseQuery(RouteEvents, v)
	want := []Notice{{ParamTo, "2023-04-05", ReasonDateOrder}}
	if s.From != "2023-04-10" || s.To != "" || !reflect.DeepEqual(ns, want) {
		t.Errorf("ParseQuery(%v) = from %q to %q, %v; want from 2023-04-10, no to, %v", v, s.From, s.To, ns, want)
	}
}
