package report

import (
	"encoding/json"
	"regexp"
	"testing"
)

// TestParseJSONAgreesWithEncodingJSON checks the reader against the
// standard library on valid and invalid documents: the same ones are
// JSON, and strings (valid text: the report refuses the rest), numbers,
// keys and offsets come out as they stand.
func TestParseJSONAgreesWithEncodingJSON(t *testing.T) {
	docs := []string{
		`{}`, `[]`, ` {"a" : [1, -2.5e3, 0, true, false, null, "x"]} `, `"\u00e9\ud83d\ude00\n\"\\\/"`,
		`{"a":1,"a":2}`, `[[[]]]`, `-0`, `1E+2`, `0.5`, "\"\xff\"", `"\ud800"`,
		``, ` `, `{`, `[1,]`, `{"a":1,}`, `{"a" 1}`, `{1:2}`, `01`, `-`, `1.`, `.5`, `1e`, `+1`,
		`tru`, `nul`, `[1 2]`, `"a`, "\"\t\"", `"\x"`, `"\u12"`, `{} {}`, `[1]]`, `'a'`, `NaN`,
	}
	for _, doc := range docs {
		v, ok := parseJSON([]byte(doc))
		if want := json.Valid([]byte(doc)); ok != want {
			t.Errorf("parseJSON(%q) ok = %v; encoding/json says %v", doc, ok, want)
			continue
		}
		if !ok {
			continue
		}
		var std any
		if err := json.Unmarshal([]byte(doc), &std); err != nil {
			t.Fatal(err)
		}
		if s, isStr := std.(string); isStr && badText(v.Raw) == "" && v.Str != s {
			t.Errorf("parseJSON(%q).Str = %q; want %q", doc, v.Str, s)
		}
	}

	v, _ := parseJSON([]byte(` {"a" : [1, -2.5e3, "x"], "b": {"c": null}} `))
	if v.Index != 1 || v.Raw != `{"a" : [1, -2.5e3, "x"], "b": {"c": null}}` {
		t.Errorf("root at %d, %q", v.Index, v.Raw)
	}
	var keys []string
	v.ForEach(func(k, el jsonValue) bool {
		keys = append(keys, k.String()+"@"+k.Raw)
		return true
	})
	if len(keys) != 2 || keys[0] != `a@"a"` || keys[1] != `b@"b"` {
		t.Errorf("keys %q", keys)
	}
	a := v.elems[0]
	if !a.IsArray() || len(a.Array()) != 3 || a.Array()[1].Num != -2500 || a.Array()[2].Index != 20 || a.compact() != `[1,-2.5e3,"x"]` {
		t.Errorf("array %+v", a)
	}
	if c := v.elems[1].elems[0]; c.Type != jsonNull || !c.Exists() || (jsonValue{}).Exists() {
		t.Errorf("null %+v", c)
	}
}

// FuzzParseJSON checks that the reader takes exactly what encoding/json
// takes, and decodes each string as it does (lone surrogates aside, which
// the report refuses anyway).
func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{`{"a":[1,"b",null]}`, `"\ud83d\ude00"`, `[-0.5e+3,true]`, `{"a":}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if checkBytes(data) != nil {
			return
		}
		v, ok := parseJSON(data)
		if want := json.Valid(data); ok != want {
			t.Fatalf("parseJSON(%q) ok = %v; encoding/json says %v", data, ok, want)
		}
		var s string
		if ok && v.Type == jsonString && badText(v.Raw) == "" && json.Unmarshal(data, &s) == nil && s != v.Str {
			t.Fatalf("parseJSON(%q).Str = %q; want %q", data, v.Str, s)
		}
	})
}

// TestIsIDIsThePattern checks the written-out isID against the pattern it
// stands for on every string of up to five bytes from an alphabet of what
// an id may and may not hold.
func TestIsIDIsThePattern(t *testing.T) {
	pattern := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	const alphabet = "az09-A_ é"
	cases, level := []string{""}, []string{""}
	for range 5 {
		var next []string
		for _, s := range level {
			for _, c := range alphabet {
				next = append(next, s+string(c))
			}
		}
		cases, level = append(cases, next...), next
	}
	for _, s := range cases {
		if got, want := isID(s), pattern.MatchString(s); got != want {
			t.Errorf("isID(%q) = %v, the pattern says %v", s, got, want)
		}
	}
}
