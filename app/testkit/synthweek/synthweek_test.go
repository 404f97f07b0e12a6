package synthweek

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/archive"
	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/app/testkit"
)

var update = flag.Bool("update", false, "rewrite the synthetic week in app/testkit/testdata/weeks")

// TestCommitted checks that the synthetic week kept for the tests is what
// Generate makes of today's data/report.json (go test -update rewrites it).
func TestCommitted(t *testing.T) {
	b, err := Generate(testkit.ReportBytes(t))
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(testkit.SyntheticWeeks, r.Meta.ReportDate+".json")
	if *update {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./app/testkit/synthweek -update writes it)", err)
	}
	if !bytes.Equal(got, b) {
		t.Errorf("%s is not what Generate makes of data/report.json; run go test ./app/testkit/synthweek -update", path)
	}
}

// TestChanges checks that the synthetic week differs from the real one in
// every way the week-over-week view shows, and is marked synthetic.
func TestChanges(t *testing.T) {
	real := testkit.LoadReport(t)
	b, err := Generate(testkit.ReportBytes(t))
	if err != nil {
		t.Fatal(err)
	}
	a, err := archive.New(archive.File{Name: "report.json", Data: testkit.ReportBytes(t)}, []archive.File{{Name: "x/" + synthDate(t, b) + ".json", Data: b}})
	if err != nil {
		t.Fatal(err)
	}
	ix := a.Index()
	if len(ix.Weeks) != 2 || ix.Newest() != real.Meta.ReportDate {
		t.Fatalf("index = %+v; want the real week first, then the synthetic one", ix.Weeks)
	}
	if !strings.HasSuffix(ix.Weeks[1].Title, TitleMark) || strings.Contains(ix.Weeks[0].Title, TitleMark) {
		t.Errorf("titles %q, %q: only the synthetic one is marked", ix.Weeks[0].Title, ix.Weeks[1].Title)
	}
	prev, _ := a.Report(ix.Weeks[1].Date)
	c := archive.Compare(prev, real)
	entered := 0
	for _, l := range c.Lists {
		entered += len(l.Entered)
	}
	if entered == 0 || len(c.Added) != 1 || len(c.Removed) != 1 || len(c.Moved) != 1 ||
		len(c.Events) == 0 || len(c.Financings) != 1 {
		t.Errorf("changes = %d entered, %d added, %d removed, %d moved, %d events, %d financings; want some of each",
			entered, len(c.Added), len(c.Removed), len(c.Moved), len(c.Events), len(c.Financings))
	}
	for _, x := range c.Index {
		if !x.Was || x.Before.Period == x.After.Period {
			t.Errorf("index %s: %+v; want both weeks' returns, and different", x.ID, x)
		}
	}
}

func synthDate(t *testing.T, b []byte) string {
	r, err := report.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	return r.Meta.ReportDate
}
