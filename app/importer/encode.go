package importer

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"unicode"

	"github.com/airesearch/aiweekly/app/report"
)

// Draft is a report as imported: app/report's typed model, with the line
// of the text each value came from.
type Draft struct {
	report.Report
	lines map[string]int // JSON path of a value -> the line it came from
}

// The model is written the way data/report.json is: the keys in the order
// of the model's fields, each the field's JSON tag or, without one, its
// name in snake case (YTDExcess is ytd_excess); two-space indents; non-ASCII
// and HTML characters as they are. The rules below say what the model's
// types do not: which empty values are null or absent rather than "", and
// which figures are returns, written with a decimal point.
type rule int

const (
	plain     rule = iota
	nullable       // an empty string is null: the report gives no value
	omitEmpty      // an empty string is left out
	percent        // a return or an excess: 25 is written 25.0
)

var rules = map[string]rule{
	"Constituent.Segment":        nullable,
	"CompanyEvent.Date":          nullable,
	"NewsItem.Date":              nullable,
	"CompanyEvent.DateAsPrinted": omitEmpty,
	"NewsItem.DateAsPrinted":     omitEmpty,
	"Company.Note":               omitEmpty,
	"IndexReturns.YTDExcess":     percent,
	"IndexSeries.PeriodReturn":   percent,
	"IndexSeries.YTDReturn":      percent,
	"Mover.Return":               percent,
}

// schemaRef is the first key of every report file: editors that know JSON
// Schema check the file as it is typed.
const schemaRef = "./report.schema.json"

// JSON returns the draft as data/report.json writes it, with a final
// newline.
func (d *Draft) JSON() ([]byte, error) {
	doc := object{{"$schema", schemaRef}}
	doc = append(doc, tree(reflect.ValueOf(d.Report)).(object)...)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// tree turns a value of the model into what encoding/json writes in the
// file's order: an object for a struct, a slice (never null) for a slice.
func tree(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Struct:
		return fields(v)
	case reflect.Slice:
		out := make([]any, 0, v.Len())
		for i := range v.Len() {
			out = append(out, tree(v.Index(i)))
		}
		return out
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		return tree(v.Elem())
	}
	return v.Interface()
}

// fields turns a struct into an object of its exported fields.
func fields(v reflect.Value) object {
	t := v.Type()
	o := object{}
	for i := range t.NumField() {
		f, fv := t.Field(i), v.Field(i)
		key := jsonKey(f)
		if !f.IsExported() || key == "$schema" {
			continue // "$schema" leads the document; JSON writes it
		}
		switch rules[t.Name()+"."+f.Name] {
		case nullable:
			if fv.IsZero() {
				o = append(o, member{key, nil})
				continue
			}
		case omitEmpty:
			if fv.IsZero() {
				continue
			}
		case percent:
			o = append(o, member{key, Ret(fv.Float())})
			continue
		}
		o = append(o, member{key, tree(fv)})
	}
	return o
}

// jsonKey is a field's key: its JSON tag's name, or its name in snake case.
func jsonKey(f reflect.StructField) string {
	if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" {
		return name
	}
	r := []rune(f.Name)
	var b strings.Builder
	for i, c := range r {
		// A word starts at an upper-case letter after a lower-case one, or
		// at the last capital of an acronym before a lower-case letter.
		if i > 0 && unicode.IsUpper(c) && (unicode.IsLower(r[i-1]) || i+1 < len(r) && unicode.IsLower(r[i+1])) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToLower(c))
	}
	return b.String()
}

// object is a JSON object whose keys keep their order.
type object []member

type member struct {
	key   string
	value any
}

// MarshalJSON writes the members in order. The encoder that calls it
// indents the result.
func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := encodeTo(&b, m.key); err != nil {
			return nil, err
		}
		b.WriteByte(':')
		if err := encodeTo(&b, m.value); err != nil {
			return nil, err
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// encodeTo appends v to b as compact JSON, without escaping HTML.
func encodeTo(b *bytes.Buffer, v any) error {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.Truncate(b.Len() - 1) // Encode's newline
	return nil
}

// Ret is a return or an excess in percent. It is written the way the
// snapshot writes such figures, always with a decimal point (25.0, 13.6).
type Ret float64

// MarshalJSON writes r with the shortest decimals that round-trip, and a
// ".0" when there are none.
func (r Ret) MarshalJSON() ([]byte, error) {
	s := strconv.FormatFloat(float64(r), 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return []byte(s), nil
}
