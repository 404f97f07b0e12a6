package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/airesearch/aiweekly/app/report"
)

const schemaPath = "../../data/report.schema.json"

// compileSchema compiles data/report.schema.json with format assertions on,
// as an editor that checks formats would.
func compileSchema(tb testing.TB) *jsonschema.Schema {
	tb.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile(schemaPath)
	if err != nil {
		tb.Fatalf("compile %s: %v", schemaPath, err)
	}
	return sch
}

func instance(tb testing.TB, data []byte) any {
	tb.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		tb.Fatal(err)
	}
	return v
}

func TestSchemaReal(t *testing.T) {
	sch := compileSchema(t)
	if err := sch.Validate(instance(t, readReal(t))); err != nil {
		t.Errorf("%s does not validate against %s:\n%v", reportPath, schemaPath, err)
	}
	var doc struct {
		Schema string `json:"$schema"`
	}
	if err := json.Unmarshal(readReal(t), &doc); err != nil || doc.Schema != "./report.schema.json" {
		t.Errorf("%s: $schema = %q, %v; want ./report.schema.json", reportPath, doc.Schema, err)
	}
}

// TestSchemaBroken wants the schema to reject what it can express of the
// loader's rules; the cross-references are the loader's alone.
func TestSchemaBroken(t *testing.T) {
	sch := compileSchema(t)
	tests := []struct {
		name  string
		edits []edit
	}{
		{"return is a string", []edit{set("movers.ytd_gainers[3].return", "abc")}},
		{"title missing", []edit{del("meta.title")}},
		{"title blank", []edit{set("meta.title", " ")}},
		{"unknown key", []edit{set("meta.titel", "x")}},
		{"schema version", []edit{set("schema_version", 2)}},
		{"rank not whole", []edit{set("movers.period_gainers[0].rank", 1.5)}},
		{"return below -100", []edit{set("movers.period_losers[0].return", -150)}},
		{"bad date", []edit{set("events.company_events[0].date", "2023-04-31")}},
		{"date not ISO", []edit{set("meta.report_date", "2023/04/16")}},
		{"null date for a company event", []edit{set("events.company_events[1].date", nil)}},
		{"null date without the date as printed", []edit{del("events.domestic_news[0].date_as_printed")}},
		{"unknown chain link", []edit{set("constituents[0].link", "AI芯片")}},
		{"unknown layer", []edit{set("picks[0].layer", "中间层")}},
		{"unknown kind", []edit{set("companies[0].kind", "bank")}},
		{"currency not a code", []edit{set("financings.items[0].amount.currency", "美元")}},
		{"fx rate zero", []edit{set("financings.fx.rate", 0)}},
		{"amount zero", []edit{set("financings.items[1].amount.value", 0)}},
		{"malformed id", []edit{set("key_points[0].id", "KP 1")}},
		{"no picks", []edit{set("picks", []any{})}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := mutate(t, tt.edits...)
			if err := sch.Validate(instance(t, data)); err == nil {
				t.Errorf("the schema accepts the document")
			}
			if _, err := report.Parse(data); err == nil {
				t.Errorf("Parse accepts the document")
			}
		})
	}
}

// TestSchemaVocabularies keeps the schema's enums in step with the loader.
func TestSchemaVocabularies(t *testing.T) {
	b, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Defs map[string]struct {
			Enum []string `json:"enum"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		def  string
		want []string
	}{
		{"link", report.ChainLinks()},
		{"layer", report.Layers()},
		{"kind", report.Kinds()},
		{"currency", report.Currencies()},
	}
	for _, tt := range tests {
		t.Run(tt.def, func(t *testing.T) {
			if got := s.Defs[tt.def].Enum; !slices.Equal(got, tt.want) {
				t.Errorf("$defs.%s.enum = %q; the loader has %q", tt.def, got, tt.want)
			}
		})
	}
}

// TestSchemaMatchesModel keeps the schema's objects in step with the
// model's struct tags, which are what Parse reads: the same keys, the
// same required ones (all but optional), and null allowed exactly where
// a tag says nullable or the field is a pointer.
func TestSchemaMatchesModel(t *testing.T) {
	b, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	var root map[string]any
	if err := json.Unmarshal(b, &root); err != nil {
		t.Fatal(err)
	}
	defs, _ := root["$defs"].(map[string]any)
	// deref follows a $ref into $defs, and an array into its items.
	deref := func(n map[string]any) map[string]any {
		for {
			if ref, ok := n["$ref"].(string); ok {
				n, _ = defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
				continue
			}
			if items, ok := n["items"].(map[string]any); ok {
				n = items
				continue
			}
			return n
		}
	}
	var walk func(path string, typ reflect.Type, n map[string]any)
	walk = func(path string, typ reflect.Type, n map[string]any) {
		props, _ := n["properties"].(map[string]any)
		var required []string
		for _, r := range n["required"].([]any) {
			required = append(required, r.(string))
		}
		var keys, wantRequired []string
		for i := range typ.NumField() {
			f := typ.Field(i)
			key, ok := f.Tag.Lookup("json")
			if !ok {
				continue
			}
			opts := f.Tag.Get("report")
			keys = append(keys, key)
			if opts != "optional" {
				wantRequired = append(wantRequired, key)
			}
			p, ok := props[key].(map[string]any)
			if !ok {
				t.Errorf("%s.%s: in the model, not in the schema", path, key)
				continue
			}
			if got, want := allowsNull(p), opts == "nullable" || f.Type.Kind() == reflect.Pointer; got != want && opts != "optional" {
				t.Errorf("%s.%s: the schema allows null: %v; the model: %v", path, key, got, want)
			}
			ft := f.Type
			for ft.Kind() == reflect.Slice || ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				walk(path+"."+key, ft, deref(p))
			}
		}
		for k := range props {
			if !slices.Contains(keys, k) {
				t.Errorf("%s.%s: in the schema, not in the model", path, k)
			}
		}
		slices.Sort(required)
		slices.Sort(wantRequired)
		if !slices.Equal(required, wantRequired) {
			t.Errorf("%s: the schema requires %q; the model %q", path, required, wantRequired)
		}
	}
	walk("(root)", reflect.TypeFor[report.Report](), root)
}

// allowsNull reports whether a schema node accepts null, by its type or
// as one branch of anyOf.
func allowsNull(n map[string]any) bool {
	if n["type"] == "null" {
		return true
	}
	if types, ok := n["type"].([]any); ok && slices.Contains(types, any("null")) {
		return true
	}
	branches, _ := n["anyOf"].([]any)
	for _, b := range branches {
		if m, ok := b.(map[string]any); ok && m["type"] == "null" {
			return true
		}
	}
	return false
}
