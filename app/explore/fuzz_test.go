package explore

import (
	"net/url"
	"reflect"
	"slices"
	"testing"
	"unicode/utf8"
)

// FuzzParseQuery feeds raw query strings to ParseQuery and Table.Parse for
// every route. Neither may panic, what they return must be clean (valid
// UTF-8, q within its limit, notices short), and the state must re-encode
// and re-parse to itself without a notice. The seed corpus, with hostile
// links, is in testdata/fuzz/FuzzParseQuery.
func FuzzParseQuery(f *testing.F) {
	f.Add("list=ytd-gainers&sort=-return")
	f.Add("link=AI工具&segment=AI芯片&q=科技&colors=intl")
	ts := realTables(f)
	routes := append(slices.Clone(TableRoutes), "/", "/stocks/寒武纪")
	f.Fuzz(func(t *testing.T, raw string) {
		v, _ := url.ParseQuery(raw) // a browser's URL.Query drops bad pairs the same way
		for _, route := range routes {
			s, ns := ParseQuery(route, v)
			checkClean(t, route, raw, s, ns)
			roundTrip(t, raw, s, func(v url.Values) (State, []Notice) { return ParseQuery(route, v) })
			if tb := ts.For(route); tb != nil {
				s, ns := tb.Parse(v)
				checkClean(t, route, raw, s, ns)
				roundTrip(t, raw, s, tb.Parse)
				r := Apply(tb, s)
				if len(r.Rows) > r.Total {
					t.Fatalf("%s?%q: %d rows of %d", route, raw, len(r.Rows), r.Total)
				}
			}
		}
	})
}

func checkClean(tb testing.TB, route Route, raw string, s State, ns []Notice) {
	tb.Helper()
	if s.Route != route {
		tb.Fatalf("ParseQuery(%s, %q).Route = %s", route, raw, s.Route)
	}
	if !utf8.ValidString(s.Q) || utf8.RuneCountInString(s.Q) > MaxQueryRunes {
		tb.Fatalf("ParseQuery(%s, %q).Q = %q: invalid or too long", route, raw, s.Q)
	}
	for k, vals := range s.Facets {
		if len(vals) == 0 || !slices.IsSorted(vals) || len(slices.Compact(slices.Clone(vals))) != len(vals) {
			tb.Fatalf("ParseQuery(%s, %q) facet %s = %q: not canonical", route, raw, k, vals)
		}
		for _, v := range vals {
			if !validValue(v) {
				tb.Fatalf("ParseQuery(%s, %q) facet %s value %q invalid", route, raw, k, v)
			}
		}
	}
	for _, n := range ns {
		if !utf8.ValidString(n.Value) || utf8.RuneCountInString(n.Value) > noticeRunes+1 || n.Param == "" || n.Reason == "" {
			tb.Fatalf("ParseQuery(%s, %q) notice %v: not clean", route, raw, n)
		}
	}
}

func roundTrip(tb testing.TB, raw string, s State, parse func(url.Values) (State, []Notice)) {
	tb.Helper()
	enc := s.Encode()
	v, err := url.ParseQuery(enc)
	if err != nil {
		tb.Fatalf("%q: Encode() = %q does not parse: %v", raw, enc, err)
	}
	s2, ns := parse(v)
	if !reflect.DeepEqual(s2, s) || len(ns) > 0 {
		tb.Fatalf("%q: state %+v -> %q -> %+v, notices %v", raw, s, enc, s2, ns)
	}
	if enc2 := s2.Encode(); enc2 != enc {
		tb.Fatalf("%q: Encode not stable: %q then %q", raw, enc, enc2)
	}
}
