package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/testkit"
)

// seedPath is the seed's text, kept with the importer's tests.
var seedPath = filepath.Join(testkit.Root, "app", "importer", "testdata", "000_61edb88a8ba11f94.txt")

// writeTemp writes data to a file named name in a temporary directory.
func writeTemp(tb testing.TB, name string, data []byte) string {
	tb.Helper()
	p := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

func TestRun(t *testing.T) {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(seed, []byte("源杰科技\t63.81%"), []byte("源杰科技\t63.91%"), 1)
	editedPath := writeTemp(t, "000_61edb88a8ba11f94.txt", edited)
	badCurated := writeTemp(t, "curated.json", []byte(`{"companies": [{"id": "a", "name": "A", "aliases": [], "kind": "bank"}]}`))
	tests := []struct {
		name   string
		args   []string
		status int
		stdout []byte   // nil: not checked
		stderr []string // substrings, in order; nil: stderr stays empty
	}{
		{"the seed", []string{seedPath}, 0, testkit.ReportBytes(t), nil},
		{"an edited copy", []string{editedPath}, 1, nil, []string{
			editedPath + ":43: 源杰科技 63.91% at rank 1 here, but line 40 prints 源杰科技 63.81%\n",
			"import: 1 problem; 127 lines placed, 8 skipped on purpose, 0 unplaced\n",
		}},
		{"skipped lines listed", []string{"-skipped", seedPath}, 0, nil, []string{
			seedPath + ":211: skipped: legal notice",
			seedPath + ":227: skipped: footer",
		}},
		{"no such file", []string{"nope.txt"}, 2, []byte{}, []string{"import: open nope.txt"}},
		{"no argument", nil, 2, []byte{}, []string{"usage: go run ./cmd/import"}},
		{"a broken curated file", []string{"-curated", badCurated, seedPath}, 2, []byte{}, []string{`kind "bank"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if got := run(tt.args, &stdout, &stderr); got != tt.status {
				t.Errorf("run(%q) = %d; want %d\nstderr: %s", tt.args, got, tt.status, stderr.String())
			}
			if tt.stdout != nil && !bytes.Equal(stdout.Bytes(), tt.stdout) {
				t.Errorf("run(%q) wrote %d bytes to stdout; want %d", tt.args, stdout.Len(), len(tt.stdout))
			}
			rest := stderr.String()
			for _, want := range tt.stderr {
				i := strings.Index(rest, want)
				if i < 0 {
					t.Fatalf("stderr lacks %q (in order)\nstderr: %s", want, stderr.String())
				}
				rest = rest[i+len(want):]
			}
			if tt.stderr == nil && stderr.Len() > 0 {
				t.Errorf("stderr = %q; want nothing", stderr.String())
			}
		})
	}
}
