//go:build !wasm

package archive

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/app/testkit"
)

// weeks loads the real week and the synthetic one before it.
func weeks(t *testing.T) *Archive {
	t.Helper()
	a, err := Load(testkit.ReportPath, testkit.SyntheticWeeks)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestIndex(t *testing.T) {
	a := weeks(t)
	real := testkit.LoadReport(t)
	ix := a.Index()
	if len(ix.Weeks) != 2 || a.Newest() != real.Meta.ReportDate {
		t.Fatalf("weeks %+v; want 2, the real one newest", ix.Weeks)
	}
	w := ix.Weeks[0]
	if w.File != NewestPath || w.Rating != real.Meta.Rating || w.Title != real.Meta.Title ||
		len(w.Index) != len(real.IndexReturns.Series) || w.Index[0].YTD != real.IndexReturns.Series[0].YTDReturn {
		t.Errorf("newest entry %+v does not sum up data/report.json", w)
	}
	old := ix.Weeks[1]
	if old.File != WeekFile(old.Date) || old.Date >= w.Date {
		t.Errorf("earlier entry %+v", old)
	}
	if p, ok := ix.Previous(w.Date); !ok || p.Date != old.Date {
		t.Errorf("Previous(%s) = %v, %v", w.Date, p, ok)
	}
	if _, ok := ix.Previous(old.Date); ok {
		t.Errorf("the oldest week has a previous one")
	}
	if _, ok := ix.Find("2000-01-01"); ok {
		t.Errorf("found a week that is not there")
	}
}

func TestEmptyDirIsOneWeek(t *testing.T) {
	a, err := Load(testkit.ReportPath, filepath.Join(t.TempDir(), "none"))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(a.Index().Weeks); n != 1 {
		t.Errorf("%d weeks; want the newest alone", n)
	}
}

// TestRefused checks that the archive refuses what would make a link's
// week ambiguous or wrong.
func TestRefused(t *testing.T) {
	real := testkit.ReportBytes(t)
	synth, err := os.ReadFile(filepath.Join(testkit.SyntheticWeeks, "2023-04-09.json"))
	if err != nil {
		t.Fatal(err)
	}
	newest := File{Name: "data/report.json", Data: real}
	for _, tc := range []struct {
		name  string
		older []File
		want  string
	}{
		{"misnamed", []File{{Name: "w/2023-04-08.json", Data: synth}}, "named after its report date"},
		{"the newest again", []File{{Name: "w/2023-04-16.json", Data: real}}, "is the newest"},
		{"twice", []File{{Name: "a/2023-04-09.json", Data: synth}, {Name: "b/2023-04-09.json", Data: synth}}, "twice"},
		{"newer than the newest", nil, "newer than data/report.json"},
		{"invalid", []File{{Name: "w/2023-04-01.json", Data: []byte(`{}`)}}, "w/2023-04-01.json: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nw, older := newest, tc.older
			if older == nil { // the synthetic week as the newest, the real one after it
				nw, older = File{Name: "data/report.json", Data: synth}, []File{{Name: "w/2023-04-16.json", Data: real}}
			}
			_, err := New(nw, older)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v; want it to say %q", err, tc.want)
			}
		})
	}
}

func TestValidDate(t *testing.T) {
	for s, want := range map[string]bool{"2023-04-16": true, "2023-4-16": false, "2023-13-01": false,
		"../x": false, "2023-04-16.json": false, "": false, "https://evil.example/r.json": false} {
		if got := ValidDate(s); got != want {
			t.Errorf("ValidDate(%q) = %v", s, got)
		}
	}
}

// TestValidDateIsThePattern checks the written-out ValidDate against the
// pattern it stands for, on every month and day from 00 to 39 and on each
// character of a date replaced by a digit, a hyphen or another byte.
func TestValidDateIsThePattern(t *testing.T) {
	pattern := regexp.MustCompile(`^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`)
	var cases []string
	for m := range 40 {
		for d := range 40 {
			cases = append(cases, fmt.Sprintf("2023-%02d-%02d", m, d))
		}
	}
	for i := range len("2023-04-16") + 1 {
		for _, c := range []string{"0", "9", "-", "a", "/", " ", "\n", "", "11"} {
			s := "2023-04-16"
			cases = append(cases, s[:i]+c+s[min(i+1, len(s)):], s[:i]+c+s[i:])
		}
	}
	for _, s := range cases {
		if got, want := ValidDate(s), pattern.MatchString(s); got != want {
			t.Errorf("ValidDate(%q) = %v, the pattern says %v", s, got, want)
		}
	}
}

// TestHistory follows a company the synthetic week moved to another
// chain link, and one it removed from the index.
func TestHistory(t *testing.T) {
	a := weeks(t)
	ix := a.Index()
	cur, _ := a.Report(ix.Weeks[0].Date)
	prev, _ := a.Report(ix.Weeks[1].Date)
	c := Compare(prev, cur)
	if len(c.Moved) == 0 || len(c.Added) == 0 {
		t.Fatalf("changes %+v; want a move and an addition", c)
	}
	h := History(c.Moved[0].Company, []*report.Report{cur, prev})
	if len(h) != 2 || !h[0].LinkChanged || h[1].LinkChanged || h[0].Link != c.Moved[0].ToLink {
		t.Errorf("history of a moved constituent %+v", h)
	}
	h = History(c.Added[0].Company, []*report.Report{cur, prev})
	if !h[0].InIndex || h[1].InIndex || h[0].LinkChanged {
		t.Errorf("history of an added constituent %+v", h)
	}
	first := cur.Movers.PeriodGainers[0]
	h = History(first.Company, []*report.Report{cur, prev})
	if len(h[0].Ranks) == 0 || h[0].Ranks[0].Rank != 1 || h[0].Ranks[0].Return != first.Return || h[1].Ranks[0].Rank == 1 {
		t.Errorf("history of the top gainer %+v", h)
	}
}

// TestReadDirVariants checks that the build's compressed variants beside
// a week are not taken for weeks, and that another file is refused.
func TestReadDirVariants(t *testing.T) {
	dir := t.TempDir()
	synth, err := os.ReadFile(filepath.Join(testkit.SyntheticWeeks, "2023-04-09.json"))
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{"2023-04-09.json": synth, "2023-04-09.json.br": {1}, "2023-04-09.json.gz": {2}} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, err := ReadDir(dir)
	if err != nil || len(files) != 1 {
		t.Fatalf("ReadDir = %d files, %v; want the week alone", len(files), err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadDir(dir); err == nil || !strings.Contains(err.Error(), "notes.txt") {
		t.Errorf("ReadDir with a stray file: %v; want it named", err)
	}
}
