package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/airesearch/aiweekly/app/testkit"
)

// repo makes a repository root holding the schema and, as
// data/report.json, newest.
func repo(t *testing.T, newest []byte) string {
	t.Helper()
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(root, "data", "report.schema.json"), read(t, filepath.Join(testkit.Root, "data", "report.schema.json")))
	write(t, filepath.Join(root, "data", "report.json"), newest)
	return root
}

func read(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func write(t *testing.T, p string, b []byte) {
	t.Helper()
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// weekRun runs the command on text below root.
func weekRun(root, text string) (status int, stdout, stderr []byte) {
	var out, errOut bytes.Buffer
	status = run([]string{"-root", root, text}, &out, &errOut)
	return status, out.Bytes(), errOut.Bytes()
}

// has reports whether b holds s.
func has(b []byte, s string) bool { return bytes.Contains(b, []byte(s)) }

// TestNewerWeek puts the seed's week after the synthetic one before it:
// the seed becomes data/report.json, byte for byte today's, and the week
// it replaces moves unchanged into data/weeks. Running it again changes
// nothing.
func TestNewerWeek(t *testing.T) {
	older := read(t, filepath.Join(testkit.SyntheticWeeks, "2023-04-09.json"))
	root := repo(t, older)
	status, stdout, stderr := weekRun(root, testkit.SeedText)
	if status != 0 {
		t.Fatalf("status %d; stderr:\n%s", status, stderr)
	}
	if !bytes.Equal(read(t, filepath.Join(root, "data", "report.json")), testkit.ReportBytes(t)) {
		t.Errorf("data/report.json is not today's data/report.json")
	}
	if !bytes.Equal(read(t, filepath.Join(root, "data", "weeks", "2023-04-09.json")), older) {
		t.Errorf("the week replaced did not move unchanged to data/weeks/2023-04-09.json")
	}
	if !has(stdout, "2 weeks, newest 2023-04-16") || !has(stdout, "data/weeks/2023-04-09.json") {
		t.Errorf("stdout = %q; want what was written and the archive's weeks", stdout)
	}
	status, stdout, _ = weekRun(root, testkit.SeedText)
	if status != 0 || !has(stdout, "in place already") {
		t.Errorf("again: status %d, %q; want 0 and in place already", status, stdout)
	}
}

// TestPublishedWeekKept refuses to change a published week, and to place
// a weekly whose import has problems, writing nothing either time.
func TestPublishedWeekKept(t *testing.T) {
	changed := bytes.Replace(testkit.ReportBytes(t), []byte(`"return": 63.81`), []byte(`"return": 63.91`), 1)
	root := repo(t, changed)
	status, _, stderr := weekRun(root, testkit.SeedText)
	if status != 1 || !has(stderr, "never changes") {
		t.Errorf("status %d, stderr %q; want 1 and the reason", status, stderr)
	}
	if !bytes.Equal(read(t, filepath.Join(root, "data", "report.json")), changed) {
		t.Errorf("data/report.json was changed")
	}

	seed := read(t, testkit.SeedText)
	edited := filepath.Join(t.TempDir(), "weekly.txt")
	write(t, edited, bytes.Replace(seed, []byte("源杰科技\t63.81%"), []byte("源杰科技\t63.91%"), 1))
	root = repo(t, read(t, filepath.Join(testkit.SyntheticWeeks, "2023-04-09.json")))
	status, _, stderr = weekRun(root, edited)
	if status != 1 || !has(stderr, "weekly.txt:43:") || !has(stderr, "nothing was changed") {
		t.Errorf("status %d, stderr %q; want 1, the complaint by line and nothing changed", status, stderr)
	}
	if _, err := os.Stat(filepath.Join(root, "data", "weeks")); !os.IsNotExist(err) {
		t.Errorf("data/weeks was made for a weekly that did not import: %v", err)
	}
}
