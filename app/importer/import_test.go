package importer

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/testkit"
)

// seed is the text of the weekly that data/report.json was made from,
// kept under its original name: the draft records it as
// meta.source.document.
//
//go:embed testdata/000_61edb88a8ba11f94.txt
var seed string

// importText imports text as the seed's file.
func importText(tb testing.TB, text string) *Result {
	tb.Helper()
	res, err := Import(text, Options{Document: "000_61edb88a8ba11f94.txt"})
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// TestImportSeed imports the seed and gets the committed snapshot, byte
// for byte.
func TestImportSeed(t *testing.T) {
	res := importText(t, seed)
	for _, p := range res.Problems {
		t.Errorf("problem: %s", p)
	}
	got, err := res.Draft.JSON()
	if err != nil {
		t.Fatal(err)
	}
	want := testkit.ReportBytes(t)
	if !bytes.Equal(got, want) {
		t.Errorf("Import(seed) differs from %s at %s", testkit.ReportPath, firstDiff(t, got, want))
	}
}

// firstDiff returns the JSON path of the first token where a and b
// differ, with both tokens; key order and number spelling count.
func firstDiff(tb testing.TB, a, b []byte) string {
	tb.Helper()
	da, db := json.NewDecoder(bytes.NewReader(a)), json.NewDecoder(bytes.NewReader(b))
	da.UseNumber()
	db.UseNumber()
	var path []string // one entry per open object or array: the key or index
	var inObj []bool
	var expectKey bool
	for {
		ta, ea := da.Token()
		tb2, eb := db.Token()
		if errors.Is(ea, io.EOF) && errors.Is(eb, io.EOF) {
			return "(no token differs: whitespace or escaping)"
		}
		if ea != nil || eb != nil || fmt.Sprint(ta) != fmt.Sprint(tb2) {
			return fmt.Sprintf("%s: got %v, want %v", strings.Join(path, ""), ta, tb2)
		}
		switch v := ta.(type) {
		case json.Delim:
			if v == '{' || v == '[' {
				path, inObj = append(path, ""), append(inObj, v == '{')
				expectKey = v == '{'
				if v == '[' {
					path[len(path)-1] = "[0]"
				}
				continue
			}
			path, inObj = path[:len(path)-1], inObj[:len(inObj)-1]
		case string:
			if expectKey {
				path[len(path)-1] = "." + v
				expectKey = false
				continue
			}
		}
		// a value ended: advance the index of an array, await a key in an object
		if n := len(path); n > 0 {
			if inObj[n-1] {
				expectKey = true
			} else {
				var i int
				fmt.Sscanf(path[n-1], "[%d]", &i)
				path[n-1] = fmt.Sprintf("[%d]", i+1)
			}
		}
	}
}

// TestImportSeedAccounts checks that every non-blank line of the seed is
// placed, except the page furniture skipped on purpose.
func TestImportSeedAccounts(t *testing.T) {
	res := importText(t, seed)
	var skipped []int
	for _, s := range res.Skipped {
		skipped = append(skipped, s.Line)
	}
	// 211 and 213: the legal notice's paragraphs on other staff's views and
	// on copyright; 217 to 227: the publisher's addresses and numbers.
	wantSkipped := []int{211, 213, 217, 219, 221, 223, 225, 227}
	if fmt.Sprint(skipped) != fmt.Sprint(wantSkipped) {
		t.Errorf("skipped lines %v; want %v", skipped, wantSkipped)
	}
	nonBlank := 0
	for _, l := range strings.Split(seed, "\n") {
		if strings.TrimSpace(l) != "" {
			nonBlank++
		}
	}
	if want := nonBlank - len(wantSkipped); res.Placed != want {
		t.Errorf("placed %d lines; want %d (every non-blank line but the skipped ones)", res.Placed, want)
	}
}

// TestCuratedDefault checks the embedded curated file, and that a broken
// one is refused with the reason.
func TestCuratedDefault(t *testing.T) {
	if _, err := DefaultCurated(); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, data, want string }{
		{"unknown key", `{"companys": []}`, `unknown field "companys"`},
		{"repeated id", `{"companies": [{"id": "a", "name": "A", "aliases": [], "kind": "listed"},
			{"id": "a", "name": "B", "aliases": [], "kind": "listed"}]}`, `repeated id "a"`},
		{"alias of two", `{"companies": [{"id": "a", "name": "A", "aliases": ["X"], "kind": "listed"},
			{"id": "b", "name": "X", "aliases": [], "kind": "listed"}]}`, `name "X" is empty or already names "a"`},
		{"bad kind", `{"companies": [{"id": "a", "name": "A", "aliases": [], "kind": "bank"}]}`, `kind "bank"`},
		{"not-subject of no company", `{"not_subjects": [{"title_contains": "x", "company": "zz"}]}`, `known company, got "zz"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseCurated([]byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseCurated = %v; want an error containing %q", err, tt.want)
			}
		})
	}
}

// FuzzImport checks that no text makes the importer fail or panic, and
// that whatever it cannot place it reports.
func FuzzImport(f *testing.F) {
	f.Add(seed)
	f.Add("")
	f.Add("01 \n1、\n- 1、\n企业\t融资额\n- **基础层：**\n表附录\n行业的投资评级\n法律声明\n某研究所\n")
	f.Fuzz(func(t *testing.T, text string) {
		res, err := Import(text, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Placed < 0 || res.Unplaced > len(res.Problems) {
			t.Errorf("placed %d, unplaced %d, %d problems", res.Placed, res.Unplaced, len(res.Problems))
		}
		if _, err := res.Draft.JSON(); err != nil {
			t.Fatal(err)
		}
	})
}
