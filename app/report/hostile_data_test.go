package report_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/app/testkit"
)

var update = flag.Bool("update", false, "rewrite testdata/hostile.json from data/report.json")

// hostilePath is a report that validates although every string a person
// reads in it carries what an attacker would put there. The browser tests,
// the export tests and the chart tests load it.
var hostilePath = filepath.Join("testdata", "hostile.json")

// hostileKeys are the keys whose strings are identifiers, dates, codes or
// fixed vocabulary: validation holds them to a form, so they stay as they
// are.
var hostileKeys = map[string]bool{
	"$schema": true, "id": true, "company": true, "companies": true, "date": true,
	"from": true, "to": true, "report_date": true, "kind": true, "currency": true,
	"base": true, "quote": true, "rating": true, "layer": true, "url": true, "link": true,
	"return": true, "excess": true, "amount": true, "email": true,
}

// hostile turns a string into its hostile form: a formula prefix, a
// right-to-left override, markup that breaks out of attributes and
// elements, quotes, emoji, and for names 2,000 characters in all (no "/":
// names with one are a case of their own). It is a
// function of s alone, so a name and every reference to it stay equal.
func hostile(key, s string) string {
	out := "=\u202e" + s + ` "'><img src=x onerror=alert(document.domain)><meta http-equiv=refresh content="0;url=https:example.invalid">` +
		`<svg onload=alert(1)><script>alert(1)<!--&amp;&lt;💥👩‍💻`
	if key == "name" || key == "aliases" {
		out += strings.Repeat("名", max(0, 2000-utf8.RuneCountInString(out)))
	}
	return out
}

func hostileValue(key string, v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if !hostileKeys[k] || !isText(x) {
				v[k] = hostileValue(k, x)
			}
		}
	case []any:
		for i, x := range v {
			v[i] = hostileValue(key, x)
		}
	case string:
		return hostile(key, v)
	}
	return v
}

// isText reports whether v is a string or a list of strings: the
// "companies" of an event are ids, the top-level "companies" are records.
func isText(v any) bool {
	switch v := v.(type) {
	case string:
		return true
	case []any:
		return len(v) > 0 && isText(v[0])
	}
	return false
}

// TestHostileReport checks that testdata/hostile.json is the real report
// made hostile, and that it validates; -update writes it anew.
func TestHostileReport(t *testing.T) {
	dec := json.NewDecoder(bytes.NewReader(testkit.ReportBytes(t)))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(hostileValue("", doc)); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(hostilePath, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(hostilePath)
	if err != nil {
		t.Fatalf("read %s (run with -update to write it): %v", hostilePath, err)
	}
	if !bytes.Equal(got, buf.Bytes()) {
		t.Errorf("%s is not the real report made hostile: run go test ./app/report -run TestHostileReport -update", hostilePath)
	}
	r, err := report.Parse(got)
	if err != nil {
		t.Fatalf("Parse(%s): %v", hostilePath, err)
	}
	if name := r.Movers.PeriodGainers[0].Name; !strings.Contains(name, "<img src=x") || utf8.RuneCountInString(name) < 2000 {
		t.Errorf("first period gainer is %.40q…; want markup and 2,000 characters", name)
	}
}
