package report_test

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/report"
)

func TestParseReal(t *testing.T) {
	r, err := report.Parse(readReal(t))
	if err != nil {
		t.Fatalf("Parse(%s) error:\n%v", reportPath, err)
	}
	if r == nil {
		t.Fatalf("Parse(%s) = nil, nil", reportPath)
	}
}

// TestParsePaused wants the report Parse gives, with a pause between each
// two of its three stages, and no pause for a document that is no JSON.
func TestParsePaused(t *testing.T) {
	want, err := report.Parse(readReal(t))
	if err != nil {
		t.Fatal(err)
	}
	pauses := 0
	got, err := report.ParsePaused(readReal(t), func() { pauses++ })
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("ParsePaused = %v, %v; want the report Parse gives", got != nil, err)
	}
	if pauses != 2 {
		t.Errorf("ParsePaused paused %d times; want 2", pauses)
	}
	pauses = 0
	if _, err := report.ParsePaused([]byte(`{"a":`), func() { pauses++ }); err == nil || pauses != 0 {
		t.Errorf("ParsePaused of broken JSON: %v after %d pauses; want a syntax error and none", err, pauses)
	}
}

// TestParseBroken breaks the real snapshot in one way or several and wants
// exactly the problems that say so, in the order of the file.
func TestParseBroken(t *testing.T) {
	tests := []struct {
		name  string
		edits []edit
		want  []string
	}{
		{
			name:  "return is a string",
			edits: []edit{set("movers.ytd_gainers[3].return", "abc")},
			want:  []string{`movers.ytd_gainers[3].return: want a number, got "abc"`},
		},
		{
			name:  "title missing",
			edits: []edit{del("meta.title")},
			want:  []string{`meta.title: missing`},
		},
		{
			name:  "title blank",
			edits: []edit{set("meta.title", "  ")},
			want:  []string{`meta.title: want a non-empty string, got "  "`},
		},
		{
			name:  "section missing",
			edits: []edit{del("movers")},
			want:  []string{`movers: missing`},
		},
		{
			name:  "object where an array belongs",
			edits: []edit{set("events.domestic_news", map[string]any{})},
			want:  []string{`events.domestic_news: want an array, got {}`},
		},
		{
			name:  "string where an object belongs",
			edits: []edit{set("meta.analyst", "刘雯蜀")},
			want:  []string{`meta.analyst: want an object, got "刘雯蜀"`},
		},
		{
			name:  "unknown key",
			edits: []edit{set("meta.titel", "人工智能行业周报")},
			want:  []string{`meta.titel: unknown key`},
		},
		{
			name:  "schema version",
			edits: []edit{set("schema_version", 2)},
			want:  []string{`schema_version: want 1, got 2`},
		},
		{
			name:  "duplicate id",
			edits: []edit{set("constituents[1].id", "k01")},
			want:  []string{`constituents[1].id: duplicate id "k01" (first at constituents[0])`},
		},
		{
			name:  "malformed id",
			edits: []edit{set("key_points[0].id", "KP 1")},
			want:  []string{`key_points[0].id: want an id of lower-case letters, digits and hyphens, got "KP 1"`},
		},
		{
			name:  "duplicate event id across news lists",
			edits: []edit{set("events.overseas_news[0].id", "dn-1")},
			want:  []string{`events.overseas_news[0].id: duplicate id "dn-1" (first at events.domestic_news[0])`},
		},
		{
			name:  "unknown company reference",
			edits: []edit{set("movers.period_gainers[0].company", "nobody")},
			want:  []string{`movers.period_gainers[0].company: unknown company id "nobody"`},
		},
		{
			name:  "unknown company in an event",
			edits: []edit{set("events.company_events[0].companies", []any{"meta", "nobody"})},
			want:  []string{`events.company_events[0].companies[1]: unknown company id "nobody"`},
		},
		{
			name:  "printed name of another company",
			edits: []edit{set("movers.period_gainers[0].name", "昆仑万维")},
			want:  []string{`movers.period_gainers[0].name: "昆仑万维" names company "kunlun", not "yuanjie"`},
		},
		{
			name:  "printed name of no company",
			edits: []edit{set("picks[0].stocks[0].name", "三六〇")},
			want:  []string{`picks[0].stocks[0].name: "三六〇" is not the name or an alias of any company`},
		},
		{
			name:  "alias clash",
			edits: []edit{set("companies[1].aliases", []any{"寒武纪"})},
			want:  []string{`companies[1].aliases[0]: "寒武纪" already names company "cambricon" (companies[0].aliases[0])`},
		},
		{
			name:  "alias clash ignoring ASCII case",
			edits: []edit{set("companies[54].aliases", []any{" META"})},
			want:  []string{`companies[54].aliases[0]: " META" already names company "meta" (companies[53].name)`},
		},
		{
			name:  "alias repeats the name",
			edits: []edit{set("companies[2].aliases", []any{"源杰科技"})},
			want:  []string{`companies[2].aliases[0]: "源杰科技" repeats companies[2].name`},
		},
		{
			name:  "company twice among constituents",
			edits: []edit{set("constituents[1].company", "cambricon"), set("constituents[1].name", "寒武纪")},
			want:  []string{`constituents[1].company: company "cambricon" is already at constituents[0]`},
		},
		{
			name:  "bad date",
			edits: []edit{set("events.company_events[0].date", "2023-04-31")},
			want:  []string{`events.company_events[0].date: want a date YYYY-MM-DD, got "2023-04-31"`},
		},
		{
			name:  "date not ISO",
			edits: []edit{set("meta.report_date", "2023/04/16")},
			want:  []string{`meta.report_date: want a date YYYY-MM-DD, got "2023/04/16"`},
		},
		{
			name:  "date a year before the period",
			edits: []edit{set("events.overseas_news[0].date", "2022-03-30")},
			want: []string{`events.overseas_news[0].date: 2022-03-30 is outside 2022-03-31..2023-04-16 ` +
				`(a year before meta.period.from to meta.report_date)`},
		},
		{
			name:  "date after the report",
			edits: []edit{set("events.domestic_news[1].date", "2023-04-17")},
			want: []string{`events.domestic_news[1].date: 2023-04-17 is outside 2022-03-31..2023-04-16 ` +
				`(a year before meta.period.from to meta.report_date)`},
		},
		{
			name:  "null date without the date as printed",
			edits: []edit{del("events.domestic_news[0].date_as_printed")},
			want:  []string{`events.domestic_news[0].date_as_printed: required when date is null`},
		},
		{
			name:  "null date for a company event",
			edits: []edit{set("events.company_events[1].date", nil)},
			want:  []string{`events.company_events[1].date: want a string, got null`},
		},
		{
			name:  "period reversed",
			edits: []edit{set("meta.period.from", "2023-04-15")},
			want:  []string{`meta.period.to: 2023-04-14 is before meta.period.from 2023-04-15`},
		},
		{
			name:  "period after the report",
			edits: []edit{set("meta.period.to", "2023-04-20")},
			want:  []string{`meta.period.to: 2023-04-20 is after meta.report_date 2023-04-16`},
		},
		{
			name:  "rank gap",
			edits: []edit{set("movers.period_losers[2].rank", 11)},
			want: []string{
				`movers.period_losers: rank 3 is missing: ranks run from 1 to 10`,
				`movers.period_losers[2].rank: want a rank from 1 to 10, got 11`,
			},
		},
		{
			name:  "rank repeated",
			edits: []edit{set("movers.period_gainers[1].rank", 1)},
			want: []string{
				`movers.period_gainers: rank 2 is missing: ranks run from 1 to 10`,
				`movers.period_gainers[1].rank: duplicate rank 1 (first at movers.period_gainers[0])`,
			},
		},
		{
			name:  "rank not whole",
			edits: []edit{set("movers.period_gainers[0].rank", 1.5)},
			want:  []string{`movers.period_gainers[0].rank: want an integer, got 1.5`},
		},
		{
			name:  "returns out of rank order",
			edits: []edit{set("movers.period_gainers[1].return", 70)},
			want:  []string{`movers.period_gainers[1].return: 70 at rank 2 is above 63.81 at rank 1: gainers run from the highest return down`},
		},
		{
			name:  "return below -100",
			edits: []edit{set("movers.period_losers[0].return", -150)},
			want:  []string{`movers.period_losers[0].return: want a return from -100 to 10000 (percent), got -150`},
		},
		{
			name:  "index return above 10000",
			edits: []edit{set("index_returns.series[0].ytd_return", 20000)},
			want:  []string{`index_returns.series[0].ytd_return: want a return from -100 to 10000 (percent), got 20000`},
		},
		{
			name:  "unknown chain link",
			edits: []edit{set("constituents[0].link", "AI芯片")},
			want:  []string{`constituents[0].link: want one of AI算力及基础设施, AI算法及数据, AI工具, AI应用; got "AI芯片"`},
		},
		{
			name:  "unknown layer",
			edits: []edit{set("picks[0].layer", "中间层")},
			want:  []string{`picks[0].layer: want one of 基础层, 应用层; got "中间层"`},
		},
		{
			name:  "rating not on the scale",
			edits: []edit{set("meta.rating", "买入")},
			want:  []string{`meta.rating: "买入" is not one of the rating scale's ratings (看好, 中性, 看淡)`},
		},
		{
			name:  "fx rate zero",
			edits: []edit{set("financings.fx.rate", 0)},
			want:  []string{`financings.fx.rate: want a rate above 0, got 0`},
		},
		{
			name:  "amount zero",
			edits: []edit{set("financings.items[1].amount.value", 0)},
			want:  []string{`financings.items[1].amount.value: want an amount above 0, got 0`},
		},
		{
			name:  "currency not a code",
			edits: []edit{set("financings.items[0].amount.currency", "美元")},
			want:  []string{`financings.items[0].amount.currency: want one of CNY, USD, HKD, EUR, GBP, JPY; got "美元"`},
		},
		{
			name:  "currency without a rate",
			edits: []edit{set("financings.items[0].amount.currency", "EUR")},
			want: []string{`financings.items[0].amount.currency: "EUR" is neither financings.fx.base "USD" ` +
				`nor financings.fx.quote "CNY", so it cannot be compared`},
		},
		{
			name:  "no picks",
			edits: []edit{set("picks", []any{})},
			want:  []string{`picks: want at least one entry`},
		},
		{
			name:  "unknown kind",
			edits: []edit{set("companies[0].kind", "bank")},
			want:  []string{`companies[0].kind: want one of listed, company, startup, institute; got "bank"`},
		},
		{
			name:  "email",
			edits: []edit{set("meta.analyst.email", "liuwenshu03")},
			want:  []string{`meta.analyst.email: want an email address, got "liuwenshu03"`},
		},
		{
			name:  "url",
			edits: []edit{set("meta.source.url", "research.stocke.com.cn")},
			want:  []string{`meta.source.url: want an http or https URL, got "research.stocke.com.cn"`},
		},
		{
			name:  "rating bounds crossed",
			edits: []edit{set("meta.rating_scale.levels[1].min_excess", 20)},
			want:  []string{`meta.rating_scale.levels[1].min_excess: 20 is above max_excess 10`},
		},
		{
			name:  "fx between one currency",
			edits: []edit{set("financings.fx.quote", "USD")},
			want: []string{
				`financings.fx.quote: "USD" is also the base currency`,
				`financings.items[2].amount.currency: "CNY" is neither financings.fx.base "USD" ` +
					`nor financings.fx.quote "USD", so it cannot be compared`,
			},
		},
		{
			name:  "item number 0",
			edits: []edit{set("events.overseas_news[0].number", 0)},
			want:  []string{`events.overseas_news[0].number: want a number from 1, got 0`},
		},
		{
			name:  "company twice in a mover list",
			edits: []edit{set("movers.period_gainers[1].company", "yuanjie"), set("movers.period_gainers[1].name", "源杰科技")},
			want:  []string{`movers.period_gainers[1].company: company "yuanjie" is already at movers.period_gainers[0]`},
		},
		{
			name:  "stock twice in a pick",
			edits: []edit{set("picks[0].stocks[1]", map[string]any{"name": "三六零", "company": "qihoo360"})},
			want:  []string{`picks[0].stocks[1].company: company "qihoo360" is already at picks[0].stocks[0]`},
		},
		{
			name:  "vertical twice",
			edits: []edit{set("picks[2].vertical", "AI+工具")},
			want:  []string{`picks[2].vertical: 应用层 "AI+工具" is already at picks[1]`},
		},
		{
			// mutate encodes objects with their keys sorted, so financings
			// comes first in the file here.
			name: "several problems at once",
			edits: []edit{
				set("financings.fx.rate", "6.8764"),
				del("meta.report_date"),
				set("movers.ytd_gainers[3].return", "abc"),
				set("picks[4].stocks[1].company", "jiuyuan-yinhai"),
			},
			want: []string{
				`financings.fx.rate: want a number, got "6.8764"`,
				`meta.report_date: missing`,
				`movers.ytd_gainers[3].return: want a number, got "abc"`,
				`picks[4].stocks[1].company: unknown company id "jiuyuan-yinhai"`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := report.Parse(mutate(t, tt.edits...))
			if r != nil {
				t.Errorf("Parse returned a report with error %v", err)
			}
			if got := problems(t, err); !slices.Equal(got, tt.want) {
				t.Errorf("problems =\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

func TestValidationErrorMessage(t *testing.T) {
	tests := []struct {
		name  string
		edits []edit
		want  string
	}{
		{
			name:  "one",
			edits: []edit{del("meta.title")},
			want:  "invalid report: 1 problem\n\tmeta.title: missing",
		},
		{
			name:  "two",
			edits: []edit{del("meta.title"), set("schema_version", "1")},
			want:  "invalid report: 2 problems\n\tmeta.title: missing\n\tschema_version: want a number, got \"1\"",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := report.Parse(mutate(t, tt.edits...))
			if err == nil {
				t.Fatal("Parse succeeded; want an error")
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("Error() = %q; want %q", got, tt.want)
			}
			wrapped := fmt.Errorf("load report: %w", err)
			var ve *report.ValidationError
			if !errors.As(wrapped, &ve) || len(ve.Problems) == 0 {
				t.Errorf("errors.As(%v) did not find the *ValidationError", wrapped)
			}
		})
	}
}

// TestProblemOrder edits the real file as text, keeping its layout, and
// wants the problems in the order of the file rather than of the checks.
func TestProblemOrder(t *testing.T) {
	doc := string(readReal(t))
	for _, r := range [][2]string{
		{`"rate": 6.8764`, `"rate": -1`},
		{`"return": 63.81`, `"return": "63.81%"`},
		{`"rating": "看好",`, `"rating": "买入",`},
		{`"id": "kp-2"`, `"id": "kp-1"`},
	} {
		if !strings.Contains(doc, r[0]) {
			t.Fatalf("real file has no %s", r[0])
		}
		doc = strings.Replace(doc, r[0], r[1], 1)
	}
	_, err := report.Parse([]byte(doc))
	want := []string{
		`meta.rating: "买入" is not one of the rating scale's ratings (看好, 中性, 看淡)`,
		`key_points[1].id: duplicate id "kp-1" (first at key_points[0])`,
		`movers.period_gainers[0].return: want a number, got "63.81%"`,
		`financings.fx.rate: want a rate above 0, got -1`,
	}
	if got := problems(t, err); !slices.Equal(got, want) {
		t.Errorf("problems =\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

func TestParseDuplicateKey(t *testing.T) {
	doc := strings.Replace(string(readReal(t)), `"title": "人工智能行业周报",`, `"title": "人工智能行业周报", "title": "AI weekly",`, 1)
	_, err := report.Parse([]byte(doc))
	want := []string{`meta.title: duplicate key`}
	if got := problems(t, err); !slices.Equal(got, want) {
		t.Errorf("problems = %q; want %q", got, want)
	}
}

func TestParseSyntaxError(t *testing.T) {
	real := string(readReal(t))
	tests := []struct {
		name, in     string
		line, column int
		offset       int64
	}{
		{name: "empty", in: "", line: 1, column: 1, offset: 0},
		{name: "trailing comma", in: `{"a": 1,}`, line: 1, column: 9, offset: 9},
		{name: "bare word", in: "{\n  \"title\": 人工智能\n}", line: 2, column: 12, offset: 14},
		{name: "not JSON at all", in: "schema_version = 1", line: 1, column: 1, offset: 1},
		{
			name:   "real file cut short",
			in:     real[:strings.Index(real, `"movers"`)],
			line:   strings.Count(real[:strings.Index(real, `"movers"`)], "\n") + 1,
			column: 3,
			offset: int64(strings.Index(real, `"movers"`)),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := report.Parse([]byte(tt.in))
			var se *report.SyntaxError
			if r != nil || !errors.As(err, &se) {
				t.Fatalf("Parse(%q) = %v, %v; want a *report.SyntaxError", tt.in, r, err)
			}
			if se.Line != tt.line || se.Column != tt.column || se.Offset != tt.offset {
				t.Errorf("Parse(%q) error at line %d, column %d, offset %d; want %d, %d, %d (%v)",
					tt.in, se.Line, se.Column, se.Offset, tt.line, tt.column, tt.offset, se)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "report is not valid JSON: ") ||
				!strings.Contains(msg, fmt.Sprintf("byte offset %d", tt.offset)) {
				t.Errorf("Error() = %q; want the offset in it", msg)
			}
		})
	}
}

func TestParseNotAnObject(t *testing.T) {
	for _, in := range []string{`[]`, `"report"`, `null`, `42`} {
		t.Run(in, func(t *testing.T) {
			_, err := report.Parse([]byte(in))
			want := []string{"(root): want an object, got " + in}
			if got := problems(t, err); !slices.Equal(got, want) {
				t.Errorf("Parse(%s) problems = %q; want %q", in, got, want)
			}
		})
	}
}
