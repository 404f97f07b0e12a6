package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
)

// seedPath is the text of the weekly that data/report.json was made from,
// under its original name (the draft records it as meta.source.document).
const (
	seedPath     = "testdata/000_61edb88a8ba11f94.txt"
	snapshotPath = "../../data/report.json"
)

func readFile(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

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
	res := importText(t, string(readFile(t, seedPath)))
	for _, p := range res.Problems {
		t.Errorf("problem: %s", p)
	}
	got, err := res.Draft.JSON()
	if err != nil {
		t.Fatal(err)
	}
	want := readFile(t, snapshotPath)
	if !bytes.Equal(got, want) {
		t.Errorf("Import(seed) differs from %s at %s", snapshotPath, firstDiff(t, got, want))
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
