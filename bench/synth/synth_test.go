package synth_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/app/testkit"
	"github.com/airesearch/aiweekly/bench/synth"
)

// schemaPath is the report file's JSON Schema.
var schemaPath = filepath.Join(testkit.Root, "data", "report.schema.json")

// generate runs Generate on the real report and parses the result.
func generate(tb testing.TB, o synth.Options) ([]byte, *report.Report) {
	tb.Helper()
	out, err := synth.Generate(testkit.ReportBytes(tb), o)
	if err != nil {
		tb.Fatalf("Generate(%+v): %v", o, err)
	}
	r, err := report.Parse(out)
	if err != nil {
		tb.Fatalf("Parse(Generate(%+v)): %v", o, err)
	}
	return out, r
}

func TestGenerateSizes(t *testing.T) {
	tests := []struct {
		name string
		o    synth.Options
	}{
		{"smallest", synth.Options{Seed: 1, Movers: 3, Constituents: 1, Events: 3}},
		{"uneven", synth.Options{Seed: 2, Movers: 100, Constituents: 7, Events: 31}},
		{"default", synth.Default()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, r := generate(t, tt.o)
			m := r.Movers
			if got := len(m.PeriodGainers) + len(m.YTDGainers) + len(m.PeriodLosers); got != tt.o.Movers {
				t.Errorf("movers = %d; want %d", got, tt.o.Movers)
			}
			if got := len(r.Constituents); got != tt.o.Constituents {
				t.Errorf("constituents = %d; want %d", got, tt.o.Constituents)
			}
			e := r.Events
			if got := len(e.CompanyEvents) + len(e.DomesticNews) + len(e.OverseasNews); got != tt.o.Events {
				t.Errorf("events = %d; want %d", got, tt.o.Events)
			}
			if !strings.HasPrefix(r.Meta.Title, synth.TitlePrefix) {
				t.Errorf("title = %q; want the prefix %q", r.Meta.Title, synth.TitlePrefix)
			}
		})
	}
}

// TestGenerateKeepsBase keeps what the generator does not replace.
func TestGenerateKeepsBase(t *testing.T) {
	orig := testkit.LoadReport(t)
	_, r := generate(t, synth.Options{Seed: 3, Movers: 30, Constituents: 10, Events: 10})
	if got, want := len(r.Picks), len(orig.Picks); got != want {
		t.Errorf("picks = %d; want %d", got, want)
	}
	if got, want := len(r.Financings.Items), len(orig.Financings.Items); got != want {
		t.Errorf("financings = %d; want %d", got, want)
	}
	for _, c := range orig.Companies {
		if _, ok := r.CompanyByID(c.ID); !ok {
			t.Errorf("company %q of the real report is missing", c.ID)
		}
	}
}

func TestGenerateDeterministic(t *testing.T) {
	o := synth.Options{Seed: 7, Movers: 300, Constituents: 100, Events: 200}
	a, _ := generate(t, o)
	b, _ := generate(t, o)
	if !bytes.Equal(a, b) {
		t.Error("two runs with the same seed differ")
	}
	o.Seed++
	if c, _ := generate(t, o); bytes.Equal(a, c) {
		t.Error("two seeds give the same report")
	}
}

func TestGenerateSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile(schemaPath)
	if err != nil {
		t.Fatalf("compile %s: %v", schemaPath, err)
	}
	out, _ := generate(t, synth.Default())
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(v); err != nil {
		t.Errorf("the default synthetic report does not validate against %s:\n%.2000v", schemaPath, err)
	}
}

func TestGenerateErrors(t *testing.T) {
	tests := []struct {
		name string
		base []byte
		o    synth.Options
		want string
	}{
		{"too few movers", testkit.ReportBytes(t), synth.Options{Movers: 2, Constituents: 1, Events: 3}, "at least 3 movers"},
		{"invalid base", []byte(`{"meta": 1}`), synth.Default(), "base report"},
		{"not JSON", []byte(`{`), synth.Default(), "base report"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := synth.Generate(tt.base, tt.o)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Generate = %v; want an error containing %q", err, tt.want)
			}
		})
	}
}
