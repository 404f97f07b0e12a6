package importer

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/app/testkit"
)

// An edit changes the seed's text as a person might find a weekly changed:
// a figure, an order, a section gone.
type edit func(tb testing.TB, lines []string) []string

// replace replaces old, which must occur exactly once, with new.
func replace(old, new string) edit {
	return func(tb testing.TB, lines []string) []string {
		tb.Helper()
		text := strings.Join(lines, "\n")
		if n := strings.Count(text, old); n != 1 {
			tb.Fatalf("the seed has %q %d times; want once", old, n)
		}
		return strings.Split(strings.Replace(text, old, new, 1), "\n")
	}
}

// swap swaps lines a and b (numbered from 1).
func swap(a, b int) edit {
	return func(_ testing.TB, lines []string) []string {
		lines[a-1], lines[b-1] = lines[b-1], lines[a-1]
		return lines
	}
}

// drop deletes lines from to to, both included.
func drop(from, to int) edit {
	return func(_ testing.TB, lines []string) []string { return slices.Delete(lines, from-1, to) }
}

// insert inserts text as a new line after line n.
func insert(n int, text string) edit {
	return func(_ testing.TB, lines []string) []string { return slices.Insert(lines, n, text) }
}

// snapshot returns data/report.json as a draft, to be changed into what an
// edit should give.
func snapshot(tb testing.TB) *Draft {
	tb.Helper()
	r, err := report.Parse(testkit.ReportBytes(tb))
	if err != nil {
		tb.Fatal(err)
	}
	return &Draft{Report: *r}
}

// editTests are the edits of TestImportEdited, each with the change to the
// snapshot it implies and exactly the complaints it should bring, with
// their line numbers in the edited text.
var editTests = []struct {
	name     string
	edit     edit
	want     func(d *Draft) // the change to the snapshot
	problems []string
}{{
	name: "a changed return",
	edit: replace("视觉中国\t13.60%", "视觉中国\t13.70%"),
	want: func(d *Draft) { d.Movers.PeriodGainers[5].Return = 13.7 },
}, {
	name: "a changed return that the summary sentence also prints",
	edit: replace("源杰科技\t63.81%", "源杰科技\t63.91%"),
	want: func(d *Draft) { d.Movers.PeriodGainers[0].Return = 63.91 },
	problems: []string{
		"line 43: 源杰科技 63.91% at rank 1 here, but line 40 prints 源杰科技 63.81%",
	},
}, {
	name: "a reordered news list",
	edit: swap(123, 124),
	want: func(d *Draft) {
		n := d.Events.DomesticNews
		n[1], n[2] = n[2], n[1]
		n[1].ID, n[2].ID = "dn-2", "dn-3"
	},
}, {
	name: "a reordered picks line",
	edit: replace("AI+工具：金山办公； AI+建筑：广联达", "AI+建筑：广联达； AI+工具：金山办公"),
	want: func(d *Draft) {
		p := d.Picks
		p[1], p[2] = p[2], p[1]
		p[1].ID, p[2].ID = "p-2", "p-3"
	},
}, {
	name: "a reordered mover list",
	edit: swap(59, 60),
	want: func(d *Draft) {
		l := d.Movers.PeriodLosers
		l[4], l[5] = l[5], l[4]
		l[4].Rank, l[5].Rank = 5, 6
	},
	problems: []string{
		"line 60: invalid draft: movers.period_losers[5].return: -9.81 at rank 6 is below -8.01 at rank 5: losers run from the lowest return up",
	},
}, {
	name: "a missing section",
	edit: drop(150, 153),
	want: func(d *Draft) {
		d.Financings.Items = nil
		d.Companies = d.Companies[:len(d.Companies)-3]
	},
	problems: []string{
		`line 151: no financings table before this line (it starts with a line like "企业\t融资额\t…")`,
	},
}, {
	name: "a risk that the summary prints otherwise",
	edit: replace("- 1、AI 技术迭代", "- 1、AI 技术进展"),
	want: func(d *Draft) { d.Meta.Risks[0].Text = "AI 技术进展不及预期的风险" },
	problems: []string{
		`line 171: risk 1 reads "AI 技术进展不及预期的风险" here, but line 32 prints "AI技术迭代不及预期的风险"`,
	},
}, {
	name: "a company the curated file does not know",
	edit: replace("视觉中国\t13.60%", "视觉未来\t13.60%"),
	want: func(d *Draft) { d.Movers.PeriodGainers[5].Name, d.Movers.PeriodGainers[5].Company = "视觉未来", "" },
	problems: []string{
		`line 48: "视觉未来" is not a name or alias of any company in the curated file`,
		`line 48: invalid draft: movers.period_gainers[5].company: want a non-empty string, got ""`,
	},
}, {
	name: "a stray line",
	edit: insert(64, "第5页 共12页"),
	want: func(*Draft) {},
	problems: []string{
		"line 65: unplaced line in the movers: 第5页 共12页",
	},
}, {
	name: "a news item without a date stays undated",
	edit: replace("2、4月6日，达观数据", "2、近日，达观数据"),
	want: func(d *Draft) {
		n := &d.Events.DomesticNews[1]
		n.Date, n.DateAsPrinted = "", "近日"
		n.Title = strings.Replace(n.Title, "4月6日", "近日", 1)
	},
}, {
	name: "a company event without a date is not given one",
	edit: replace("1、4月5日，Meta", "1、Meta"),
	want: func(d *Draft) {
		e := &d.Events.CompanyEvents[0]
		e.Date, e.DateAsPrinted = "", ""
		e.Title = strings.TrimPrefix(e.Title, "4月5日，")
	},
	problems: []string{
		"line 66: invalid draft: events.company_events[0].date: want a string, got null",
	},
}}

// TestImportEdited imports edited copies of the seed.
func TestImportEdited(t *testing.T) {
	lines := strings.Split(seed, "\n")
	for _, tt := range editTests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Join(tt.edit(t, slices.Clone(lines)), "\n")
			res := importText(t, text)
			var problems []string
			for _, p := range res.Problems {
				problems = append(problems, p.String())
			}
			if !slices.Equal(problems, tt.problems) {
				t.Errorf("problems:\n\t%s\nwant:\n\t%s", strings.Join(problems, "\n\t"), strings.Join(tt.problems, "\n\t"))
			}
			want := snapshot(t)
			tt.want(want)
			wantJSON, err := want.JSON()
			if err != nil {
				t.Fatal(err)
			}
			got, err := res.Draft.JSON()
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, wantJSON) {
				t.Errorf("draft differs from the expected one at %s", firstDiff(t, got, wantJSON))
			}
		})
	}
}
