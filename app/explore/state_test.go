package explore

import (
	"math/rand/v2"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseQuery(t *testing.T) {
	long := strings.Repeat("长", MaxQueryRunes+50)
	tests := []struct {
		name    string
		route   Route
		raw     string
		want    State
		notices []Notice
	}{
		// Every route.
		{"colors default", RouteMovers, "", State{Route: RouteMovers}, nil},
		{"colors cn", RouteMovers, "colors=cn", State{Route: RouteMovers}, nil},
		{"colors intl", RouteEvents, "colors=intl", State{Route: RouteEvents, Prefs: Prefs{Colors: ColorsIntl}}, nil},
		{"colors intl off-table route", "/stocks/寒武纪", "colors=intl&list=bogus", State{Route: "/stocks/寒武纪", Prefs: Prefs{Colors: ColorsIntl}}, nil},
		{"colors bogus", RoutePicks, "colors=pink&layer=基础层", State{Route: RoutePicks, Facets: map[string][]string{"layer": {"基础层"}}},
			[]Notice{{"colors", "pink", ReasonUnknownValue}}},
		{"colors repeated", "/", "colors=intl&colors=cn", State{Route: "/", Prefs: Prefs{Colors: ColorsIntl}},
			[]Notice{{"colors", "cn", ReasonRepeated}}},
		{"lang en", RouteMovers, "lang=en", State{Route: RouteMovers, Prefs: Prefs{Lang: LangEN}}, nil},
		{"lang zh kept", "/", "lang=zh&colors=intl", State{Route: "/", Prefs: Prefs{Colors: ColorsIntl, Lang: LangZH}}, nil},
		{"week", RouteMovers, "week=2023-04-09&list=ytd-gainers", State{Route: RouteMovers, Prefs: Prefs{Week: "2023-04-09"},
			Facets: map[string][]string{"list": {"ytd-gainers"}}}, nil},
		{"week malformed", "/weeks", "week=../evil.json", State{Route: "/weeks"}, []Notice{{"week", "../evil.json", ReasonBadDate}}},
		{"week not a day", "/", "week=2023-02-30", State{Route: "/"}, []Notice{{"week", "2023-02-30", ReasonBadDate}}},
		{"lang bogus", RoutePicks, "lang=fr&layer=基础层", State{Route: RoutePicks, Facets: map[string][]string{"layer": {"基础层"}}},
			[]Notice{{"lang", "fr", ReasonUnknownValue}}},
		{"lang repeated", "/", "lang=en&lang=zh", State{Route: "/", Prefs: Prefs{Lang: LangEN}},
			[]Notice{{"lang", "zh", ReasonRepeated}}},
		{"unknown names ignored", RouteMovers, "utm_source=chat&from=2023-13-45&kind=bogus&list=ytd-gainers",
			State{Route: RouteMovers, Facets: map[string][]string{"list": {"ytd-gainers"}}}, nil},
		{"empty values absent", RouteEvents, "list=&kind=&q=&sort=&from=&to=&colors=", State{Route: RouteEvents}, nil},

		// /movers
		{"movers list", RouteMovers, "list=ytd-gainers", State{Route: RouteMovers, Facets: map[string][]string{"list": {"ytd-gainers"}}}, nil},
		{"movers list repeatable sorted deduped", RouteMovers, "list=ytd-gainers&list=period-losers&list=ytd-gainers",
			State{Route: RouteMovers, Facets: map[string][]string{"list": {"period-losers", "ytd-gainers"}}}, nil},
		{"movers list bogus rest applies", RouteMovers, "list=bogus&list=period-gainers&q=科技",
			State{Route: RouteMovers, Q: "科技", Facets: map[string][]string{"list": {"period-gainers"}}},
			[]Notice{{"list", "bogus", ReasonUnknownValue}}},
		{"movers link and segment encoded", RouteMovers, "link=AI%E7%AE%97%E5%8A%9B%E5%8F%8A%E5%9F%BA%E7%A1%80%E8%AE%BE%E6%96%BD&segment=AI芯片&segment=CPU、GPU",
			State{Route: RouteMovers, Facets: map[string][]string{"link": {"AI算力及基础设施"}, "segment": {"AI芯片", "CPU、GPU"}}}, nil},
		{"movers sort desc", RouteMovers, "sort=-return", State{Route: RouteMovers, Sort: Sort{"return", true}}, nil},
		{"movers sort asc", RouteMovers, "sort=rank", State{Route: RouteMovers, Sort: Sort{Key: "rank"}}, nil},
		{"movers sort nope", RouteMovers, "sort=nope&list=ytd-gainers", State{Route: RouteMovers, Facets: map[string][]string{"list": {"ytd-gainers"}}},
			[]Notice{{"sort", "nope", ReasonUnknownValue}}},
		{"movers sort double dash", RouteMovers, "sort=--return", State{Route: RouteMovers}, []Notice{{"sort", "--return", ReasonUnknownValue}}},
		{"movers sort bare dash", RouteMovers, "sort=-", State{Route: RouteMovers}, []Notice{{"sort", "-", ReasonUnknownValue}}},
		{"movers sort of another table", RouteMovers, "sort=amount", State{Route: RouteMovers}, []Notice{{"sort", "amount", ReasonUnknownValue}}},
		{"movers sort repeated", RouteMovers, "sort=name&sort=-rank", State{Route: RouteMovers, Sort: Sort{Key: "name"}},
			[]Notice{{"sort", "-rank", ReasonRepeated}}},

		// /constituents
		{"constituents link", RouteConstituents, "link=AI工具", State{Route: RouteConstituents, Facets: map[string][]string{"link": {"AI工具"}}}, nil},
		{"constituents sort ytd", RouteConstituents, "sort=-ytd", State{Route: RouteConstituents, Sort: Sort{"ytd", true}}, nil},
		{"constituents sort period", RouteConstituents, "sort=period", State{Route: RouteConstituents, Sort: Sort{Key: "period"}}, nil},
		{"constituents no rank", RouteConstituents, "sort=rank", State{Route: RouteConstituents}, []Notice{{"sort", "rank", ReasonUnknownValue}}},
		{"constituents no list", RouteConstituents, "list=ytd-gainers", State{Route: RouteConstituents}, nil},

		// /events
		{"events kind", RouteEvents, "kind=overseas&kind=company", State{Route: RouteEvents, Facets: map[string][]string{"kind": {"company", "overseas"}}}, nil},
		{"events kind bogus", RouteEvents, "kind=rumour", State{Route: RouteEvents}, []Notice{{"kind", "rumour", ReasonUnknownValue}}},
		{"events company", RouteEvents, "company=Meta&company=华为", State{Route: RouteEvents, Facets: map[string][]string{"company": {"Meta", "华为"}}}, nil},
		{"events dates", RouteEvents, "from=2023-04-05&to=2023-04-10", State{Route: RouteEvents, From: "2023-04-05", To: "2023-04-10"}, nil},
		{"events bad from rest applies", RouteEvents, "from=2023-13-45&to=2023-04-10&kind=domestic",
			State{Route: RouteEvents, To: "2023-04-10", Facets: map[string][]string{"kind": {"domestic"}}},
			[]Notice{{"from", "2023-13-45", ReasonBadDate}}},
		{"events feb 30", RouteEvents, "to=2023-02-30", State{Route: RouteEvents}, []Notice{{"to", "2023-02-30", ReasonBadDate}}},
		{"events short date", RouteEvents, "from=2023-4-5", State{Route: RouteEvents}, []Notice{{"from", "2023-4-5", ReasonBadDate}}},
		{"events date with time", RouteEvents, "from=2023-04-05T00:00:00Z", State{Route: RouteEvents}, []Notice{{"from", "2023-04-05T00:00:00Z", ReasonBadDate}}},
		{"events sort date desc", RouteEvents, "sort=-date", State{Route: RouteEvents, Sort: Sort{"date", true}}, nil},

		// /financings
		{"financings currency", RouteFinancings, "currency=USD", State{Route: RouteFinancings, Facets: map[string][]string{"currency": {"USD"}}}, nil},
		{"financings sort amount", RouteFinancings, "sort=-amount", State{Route: RouteFinancings, Sort: Sort{"amount", true}}, nil},
		{"financings no dates", RouteFinancings, "from=2023-04-01", State{Route: RouteFinancings}, nil},

		// /picks
		{"picks layer", RoutePicks, "layer=%E5%BA%94%E7%94%A8%E5%B1%82", State{Route: RoutePicks, Facets: map[string][]string{"layer": {"应用层"}}}, nil},
		{"picks layer single", RoutePicks, "layer=基础层&layer=应用层", State{Route: RoutePicks, Facets: map[string][]string{"layer": {"基础层"}}},
			[]Notice{{"layer", "应用层", ReasonRepeated}}},
		{"picks vertical plus encoded", RoutePicks, "vertical=AI%2B工具&vertical=AI%2B金融",
			State{Route: RoutePicks, Facets: map[string][]string{"vertical": {"AI+工具", "AI+金融"}}}, nil},
		{"picks sort vertical", RoutePicks, "sort=vertical", State{Route: RoutePicks, Sort: Sort{Key: "vertical"}}, nil},

		// q, on any table.
		{"q markup kept as text", RouteMovers, "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", State{Route: RouteMovers, Q: "<script>alert(1)</script>"}, nil},
		{"q spaces kept", RouteEvents, "q=+GPT+", State{Route: RouteEvents, Q: " GPT "}, nil},
		{"q cut", RouteConstituents, "q=" + long, State{Route: RouteConstituents, Q: long[:3*MaxQueryRunes]},
			[]Notice{{"q", strings.Repeat("长", noticeRunes) + "…", ReasonTooLong}}},
		{"q invalid utf-8 replaced", RoutePicks, "q=a%FFb", State{Route: RoutePicks, Q: "a\uFFFDb"}, nil},
		{"q repeated", RouteFinancings, "q=a&q=b", State{Route: RouteFinancings, Q: "a"}, []Notice{{"q", "b", ReasonRepeated}}},
		{"facet value invalid utf-8", RouteMovers, "link=%FF", State{Route: RouteMovers}, []Notice{{"link", "\uFFFD", ReasonUnknownValue}}},
		{"facet value too long", RouteMovers, "segment=" + long, State{Route: RouteMovers},
			[]Notice{{"segment", strings.Repeat("长", noticeRunes) + "…", ReasonUnknownValue}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ns := ParseQuery(tt.route, query(t, tt.raw))
			if !got.equal(tt.want) || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseQuery(%s, %q) = %+v; want %+v", tt.route, tt.raw, got, tt.want)
			}
			if !slices.Equal(ns, tt.notices) {
				t.Errorf("ParseQuery(%s, %q) notices = %v; want %v", tt.route, tt.raw, ns, tt.notices)
			}
		})
	}
}

func TestNoticesBounded(t *testing.T) {
	v := url.Values{}
	for i := range 5000 {
		v.Add("list", "bogus"+strconv.Itoa(i))
		v.Add("segment", strings.Repeat("长", MaxValueRunes+1+i%3))
	}
	v.Add("list", "ytd-gainers")
	s, ns := ParseQuery(RouteMovers, v)
	if len(ns) != MaxNotices {
		t.Errorf("ParseQuery with 10000 bad values: %d notices; want %d", len(ns), MaxNotices)
	}
	if got := s.Encode(); got != "list=ytd-gainers" {
		t.Errorf("ParseQuery with 10000 bad values: Encode() = %q; want %q", got, "list=ytd-gainers")
	}
	for i, n := range ns {
		if slices.Contains(ns[:i], n) {
			t.Errorf("notice %v repeated", n)
		}
	}
}

func TestEncode(t *testing.T) {
	tests := []struct {
		name  string
		state State
		want  string
	}{
		{"defaults omitted", State{Route: RouteMovers}, ""},
		{"colors intl", State{Route: "/", Prefs: Prefs{Colors: ColorsIntl}}, "colors=intl"},
		{"lang en", State{Route: "/", Prefs: Prefs{Colors: ColorsIntl, Lang: LangEN}}, "colors=intl&lang=en"},
		{"stable order", State{Route: RouteEvents, Prefs: Prefs{Colors: ColorsIntl}, Q: "GPT", Sort: Sort{"date", true}, From: "2023-04-05", To: "2023-04-10",
			Facets: map[string][]string{"kind": {"company", "overseas"}, "company": {"Meta"}}},
			"colors=intl&company=Meta&from=2023-04-05&kind=company&kind=overseas&q=GPT&sort=-date&to=2023-04-10"},
		{"chinese and plus percent-encoded", State{Route: RoutePicks, Facets: map[string][]string{"vertical": {"AI+工具"}}}, "vertical=AI%2B%E5%B7%A5%E5%85%B7"},
		{"markup escaped", State{Route: RouteMovers, Q: `<b>"&`}, "q=%3Cb%3E%22%26"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.state.Encode(); got != tt.want {
				t.Errorf("Encode() = %q; want %q", got, tt.want)
			}
		})
	}
	s := State{Route: RouteMovers, Facets: map[string][]string{"list": {"ytd-gainers"}}, Sort: Sort{"return", true}}
	if got, want := s.Href(), "/movers?list=ytd-gainers&sort=-return"; got != want {
		t.Errorf("Href() = %q; want %q", got, want)
	}
	if got, want := (State{Route: RoutePicks}).Href(), "/picks"; got != want {
		t.Errorf("Href() = %q; want %q", got, want)
	}
}

func TestStateMethods(t *testing.T) {
	base := State{Route: RouteMovers}
	tests := []struct {
		name string
		got  State
		want string // Encode of the result
	}{
		{"toggle on", base.Toggle("list", "ytd-gainers"), "list=ytd-gainers"},
		{"toggle second value", base.Toggle("list", "ytd-gainers").Toggle("list", "period-gainers"), "list=period-gainers&list=ytd-gainers"},
		{"toggle off", base.Toggle("list", "ytd-gainers").Toggle("list", "ytd-gainers"), ""},
		{"toggle enum rejects bogus", base.Toggle("list", "bogus"), ""},
		{"toggle unknown facet", base.Toggle("kind", "company"), ""},
		{"toggle empty value", base.Toggle("link", ""), ""},
		{"toggle single replaces", State{Route: RoutePicks}.Toggle("layer", "基础层").Toggle("layer", "应用层"), "layer=%E5%BA%94%E7%94%A8%E5%B1%82"},
		{"toggle single off", State{Route: RoutePicks}.Toggle("layer", "基础层").Toggle("layer", "基础层"), ""},
		{"sort figure biggest first", base.SortBy("return"), "sort=-return"},
		{"sort then smallest first", base.SortBy("return").SortBy("return"), "sort=return"},
		{"third click: report order", base.SortBy("return").SortBy("return").SortBy("return"), ""},
		{"sort text asc first", base.SortBy("name"), "sort=name"},
		{"sort rank asc first", base.SortBy("rank"), "sort=rank"},
		{"sort other column asc", base.SortBy("return").SortBy("return").SortBy("name"), "sort=name"},
		{"then adds a key", base.SortBy("link").ThenBy("return"), "sort=link%2C-return"},
		{"then flips its key", base.SortBy("link").ThenBy("return").ThenBy("return"), "sort=link%2Creturn"},
		{"then removes its key", base.SortBy("link").ThenBy("return").ThenBy("return").ThenBy("return"), "sort=link"},
		{"then on the primary flips it", base.SortBy("link").ThenBy("return").ThenBy("link"), "sort=-link%2C-return"},
		{"then removing the primary promotes", base.SortBy("link").ThenBy("return").ThenBy("link").ThenBy("link"), "sort=-return"},
		{"then without a sort", base.ThenBy("name"), "sort=name"},
		{"click drops the secondary keys", base.SortBy("link").ThenBy("return").SortBy("name"), "sort=name"},
		{"click on the primary keeps them", base.SortBy("link").ThenBy("return").SortBy("link"), "sort=-link%2C-return"},
		{"sort unknown key", base.SortBy("amount"), ""},
		{"query cut", base.WithQuery(strings.Repeat("a", 500)), "q=" + strings.Repeat("a", MaxQueryRunes)},
		{"colors", base.WithColors(ColorsIntl), "colors=intl"},
		{"clear keeps sort and colors", base.WithColors(ColorsIntl).SortBy("rank").Toggle("list", "ytd-gainers").WithQuery("x").ClearFilters(), "colors=intl&sort=rank"},
		{"remove facet chip", base.Toggle("link", "AI工具").Toggle("list", "ytd-gainers").Remove(Chip{Param: "link", Value: "AI工具"}), "list=ytd-gainers"},
		{"remove q chip", base.WithQuery("x").Toggle("list", "ytd-gainers").Remove(Chip{Param: "q", Value: "x"}), "list=ytd-gainers"},
		{"remove chip not selected", base.Toggle("list", "ytd-gainers").Remove(Chip{Param: "list", Value: "period-losers"}), "list=ytd-gainers"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.got.Encode(); got != tt.want {
				t.Errorf("Encode() = %q; want %q", got, tt.want)
			}
		})
	}

	t.Run("toggle leaves receiver alone", func(t *testing.T) {
		a := base.Toggle("list", "ytd-gainers")
		b := a.Toggle("list", "period-gainers")
		c := b.Toggle("list", "ytd-gainers")
		if got := a.Encode(); got != "list=ytd-gainers" {
			t.Errorf("after toggles, a.Encode() = %q; want %q", got, "list=ytd-gainers")
		}
		if got := b.Encode(); got != "list=period-gainers&list=ytd-gainers" {
			t.Errorf("after toggles, b.Encode() = %q", got)
		}
		if got := c.Encode(); got != "list=period-gainers" {
			t.Errorf("c.Encode() = %q", got)
		}
		if off := a.Toggle("list", "ytd-gainers"); off.Facets != nil {
			t.Errorf("toggled off: Facets = %v; want nil", off.Facets)
		}
	})

	t.Run("dates", func(t *testing.T) {
		s, err := State{Route: RouteEvents}.WithDates("2023-04-05", "")
		if err != nil || s.Encode() != "from=2023-04-05" {
			t.Errorf("WithDates(2023-04-05, \"\") = %q, %v; want from=2023-04-05, nil", s.Encode(), err)
		}
		if _, err := (State{Route: RouteEvents}).WithDates("2023-13-45", ""); err == nil {
			t.Errorf("WithDates(2023-13-45) error = nil; want an error")
		}
		if _, err := (State{Route: RouteMovers}).WithDates("2023-04-05", ""); err == nil {
			t.Errorf("movers WithDates error = nil; want an error")
		}
		if got := s.Remove(Chip{Param: "from", Value: "2023-04-05"}); got.Filtered() {
			t.Errorf("after removing the from chip Filtered() = true; want false")
		}
	})

	t.Run("aria-sort", func(t *testing.T) {
		s := base.SortBy("return")
		for _, c := range []struct{ key, want string }{{"return", "descending"}, {"name", "none"}} {
			if got := s.AriaSort(c.key); got != c.want {
				t.Errorf("AriaSort(%q) = %q; want %q", c.key, got, c.want)
			}
		}
		if got := s.SortBy("return").AriaSort("return"); got != "ascending" {
			t.Errorf("AriaSort after two clicks = %q; want ascending", got)
		}
		then := base.SortBy("link").ThenBy("return")
		if got := then.AriaSort("return"); got != "none" {
			t.Errorf("AriaSort of a secondary key = %q; want none (only the primary header carries it)", got)
		}
		if n, desc := then.SortRank("return"); n != 2 || !desc {
			t.Errorf("SortRank(return) = %d, %v; want 2, true", n, desc)
		}
	})
}

// randomState builds a state through the methods a UI would call, with
// values drawn from the contract and from awkward text.
func randomState(rng *rand.Rand) State {
	routes := append(slices.Clone(TableRoutes), "/", "/stocks/寒武纪-U")
	s := State{Route: routes[rng.IntN(len(routes))]}
	awkward := []string{"AI工具", "AI+工具", "CPU、GPU", "a b", "&=?#%", "<script>", "naïve", "\u00a0", "Meta", "-x", "😀", "%zz"}
	text := func() string {
		var b strings.Builder
		for range rng.IntN(4) {
			b.WriteString(awkward[rng.IntN(len(awkward))])
		}
		return b.String()
	}
	sp := specs[s.Route]
	for range rng.IntN(6) {
		if len(sp.facets) == 0 {
			break
		}
		f := sp.facets[rng.IntN(len(sp.facets))]
		v := text()
		if f.enum != nil {
			v = f.enum[rng.IntN(len(f.enum))]
		}
		s = s.Toggle(f.key, v)
	}
	if rng.IntN(2) == 0 {
		q := text()
		if rng.IntN(4) == 0 {
			q = strings.Repeat("长", MaxQueryRunes+rng.IntN(5))
		}
		s = s.WithQuery(q)
	}
	for range rng.IntN(3) {
		if len(sp.sorts) > 0 {
			s = s.SortBy(sp.sorts[rng.IntN(len(sp.sorts))])
		}
	}
	if sp.dates && rng.IntN(2) == 0 {
		day := func() string {
			if rng.IntN(3) == 0 {
				return ""
			}
			return "2023-04-" + []string{"01", "05", "14", "30"}[rng.IntN(4)]
		}
		// A range that ends before it starts is not a state a link
		// keeps (ParseQuery drops its end with a notice).
		from, to := day(), day()
		if from != "" && to != "" && to < from {
			from, to = to, from
		}
		var err error
		if s, err = s.WithDates(from, to); err != nil {
			panic(err)
		}
	}
	if rng.IntN(2) == 0 {
		s = s.WithColors(ColorsIntl)
	}
	return s
}

// TestRoundTrip checks state -> URL -> state on random states.
func TestRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 2023))
	for i := range 5000 {
		s := randomState(rng)
		enc := s.Encode()
		v, err := url.ParseQuery(enc)
		if err != nil {
			t.Fatalf("state %d: url.ParseQuery(%q): %v", i, enc, err)
		}
		got, ns := ParseQuery(s.Route, v)
		if !reflect.DeepEqual(got, s) {
			t.Fatalf("state %d: ParseQuery(Encode(%+v)) = %+v (via %q)", i, s, got, enc)
		}
		if len(ns) > 0 {
			t.Fatalf("state %d: ParseQuery(%q) notices %v; want none", i, enc, ns)
		}
		if utf8.RuneCountInString(got.Q) > MaxQueryRunes {
			t.Fatalf("state %d: q has %d runes; want at most %d", i, utf8.RuneCountInString(got.Q), MaxQueryRunes)
		}
	}
}

func TestCutRunes(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"abc", 5, "abc"},
		{"abcdef", 3, "abc"},
		{"寒武纪-U", 3, "寒武纪"},
		{"寒武纪", 3, "寒武纪"},
		{"😀😀😀", 2, "😀😀"},
		{"", 0, ""},
	}
	for _, tt := range tests {
		if got := cutRunes(tt.in, tt.n, ""); got != tt.want || !utf8.ValidString(got) {
			t.Errorf("cutRunes(%q, %d) = %q; want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
