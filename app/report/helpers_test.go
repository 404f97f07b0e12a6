package report_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/app/testkit"
)

// reportPath is the real snapshot, the file the app serves.
const reportPath = "../../data/report.json"

// readReal returns the bytes of the real snapshot, which the caller must
// not change.
func readReal(tb testing.TB) []byte {
	tb.Helper()
	return testkit.ReportBytes(tb)
}

// parseReal parses the real snapshot, failing the test on any problem.
func parseReal(tb testing.TB) *report.Report {
	tb.Helper()
	r, err := report.Parse(readReal(tb))
	if err != nil {
		tb.Fatalf("Parse(%s): %v", reportPath, err)
	}
	return r
}

// edit changes one value of a decoded document, addressed by a path in the
// syntax of [report.Problem.Path].
type edit struct {
	path   string
	value  any
	delete bool
}

func set(path string, v any) edit { return edit{path: path, value: v} }
func del(path string) edit        { return edit{path: path, delete: true} }

// mutate returns the real snapshot with edits applied. It decodes the file,
// changes the values and encodes it again; numbers keep their text.
func mutate(tb testing.TB, edits ...edit) []byte {
	tb.Helper()
	dec := json.NewDecoder(bytes.NewReader(readReal(tb)))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		tb.Fatal(err)
	}
	for _, e := range edits {
		apply(tb, &doc, e)
	}
	out, err := json.Marshal(doc)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

func apply(tb testing.TB, doc *any, e edit) {
	tb.Helper()
	toks := tokens(e.path)
	cur := *doc
	for i, t := range toks {
		last := i == len(toks)-1
		switch c := cur.(type) {
		case map[string]any:
			k, ok := t.(string)
			if !ok {
				tb.Fatalf("edit %s: index into an object", e.path)
			}
			if last {
				if e.delete {
					if _, ok := c[k]; !ok {
						tb.Fatalf("edit %s: no such key to delete", e.path)
					}
					delete(c, k)
				} else {
					c[k] = e.value
				}
				return
			}
			cur = c[k]
		case []any:
			n, ok := t.(int)
			if !ok || n >= len(c) {
				tb.Fatalf("edit %s: bad index", e.path)
			}
			if last {
				if e.delete {
					tb.Fatalf("edit %s: cannot delete an array element", e.path)
				}
				c[n] = e.value
				return
			}
			cur = c[n]
		default:
			tb.Fatalf("edit %s: %T has no members", e.path, cur)
		}
	}
}

// tokens splits a.b[3].c into "a", "b", 3, "c".
func tokens(path string) []any {
	var out []any
	for _, seg := range strings.Split(path, ".") {
		key, rest, _ := strings.Cut(seg, "[")
		out = append(out, key)
		for rest != "" {
			var idx string
			idx, rest, _ = strings.Cut(rest, "]")
			n, _ := strconv.Atoi(idx)
			out = append(out, n)
			rest = strings.TrimPrefix(rest, "[")
		}
	}
	return out
}

// problems returns the problems of a *report.ValidationError as strings,
// failing the test for any other error.
func problems(tb testing.TB, err error) []string {
	tb.Helper()
	var ve *report.ValidationError
	if !errors.As(err, &ve) {
		tb.Fatalf("error %v (%T); want a *report.ValidationError", err, err)
	}
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.String())
	}
	return out
}
