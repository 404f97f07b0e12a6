package report

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"
)

// The reader walks the document and the model side by side: the struct
// tags of model.go say which keys an object has and how each value is read,
// so the file's shape is written down once. Reflection keeps the reader one
// function for every record; it runs once per load, over a few hundred
// values.

// node is a JSON value with its path.
type node struct {
	v    jsonValue
	path string
}

// at returns the path of key inside n.
func (n node) at(key string) string {
	if n.path == "" {
		return key
	}
	return n.path + "." + key
}

// null reports whether n is present and null.
func (n node) null() bool { return n.v.Exists() && n.v.Type == jsonNull }

// reader turns JSON values into typed values, recording every problem.
type reader struct {
	ps     *problems
	fields map[reflect.Type][]field // the tagged fields of each struct type met so far
}

// report reads the whole document. It returns nil when the document is not
// an object, when there is nothing left to validate.
func (rd reader) report(n node) *Report {
	r := new(Report)
	if !rd.object(n, reflect.ValueOf(r).Elem()) {
		return nil
	}
	return r
}

// value reads n into v by the type of v; opts is the field's report tag.
func (rd reader) value(n node, v reflect.Value, opts string) {
	switch v.Kind() {
	case reflect.Struct:
		rd.object(n, v)
	case reflect.Slice:
		// An empty array stays a nil slice.
		if es := rd.list(n); len(es) > 0 {
			v.Set(reflect.MakeSlice(v.Type(), len(es), len(es)))
			for i, e := range es {
				rd.value(e, v.Index(i), "")
			}
		}
	case reflect.Pointer:
		if !n.null() {
			p := reflect.New(v.Type().Elem())
			rd.value(n, p.Elem(), opts)
			v.Set(p)
		}
	case reflect.String:
		v.SetString(rd.str(n, opts))
	case reflect.Int:
		v.SetInt(int64(rd.integer(n)))
	case reflect.Float64:
		v.SetFloat(rd.num(n))
	default:
		// Only a change to model.go gets here; TestParseReal catches it.
		panic("report: no reader for " + v.Type().String())
	}
}

// field is one tagged field of a struct of the model.
type field struct {
	index     int
	key, opts string
}

// fieldsOf returns the tagged fields of the struct type t, in order.
func (rd reader) fieldsOf(t reflect.Type) []field {
	if fs, ok := rd.fields[t]; ok {
		return fs
	}
	var fs []field
	for i := range t.NumField() {
		f := t.Field(i)
		if key, ok := f.Tag.Lookup("json"); ok && f.IsExported() {
			fs = append(fs, field{index: i, key: key, opts: f.Tag.Get("report")})
		}
	}
	rd.fields[t] = fs
	return fs
}

// object reads n as an object into the struct v. It wants exactly the keys
// of v's fields, reports any other key and any repeated one, then reads the
// fields in order, so that problems of equal position (missing keys) come
// out in the order of the file too.
func (rd reader) object(n node, v reflect.Value) bool {
	if !rd.is(n, "an object", n.v.IsObject()) {
		return false
	}
	fs := rd.fieldsOf(v.Type())
	vals := make([]jsonValue, len(fs)) // by field
	n.v.ForEach(func(k, val jsonValue) bool {
		key := k.String()
		i := slices.IndexFunc(fs, func(f field) bool { return f.key == key })
		switch {
		case i < 0:
			rd.ps.add(n.at(key), "unknown key")
		case vals[i].Exists():
			rd.ps.read(n.at(key), "duplicate key")
		default:
			vals[i] = val
		}
		return true
	})
	for i, f := range fs {
		rd.value(node{v: vals[i], path: n.at(f.key)}, v.Field(f.index), f.opts)
	}
	return true
}

// is reports whether n is present and of the type wanted, as ok says,
// and records a problem when it is not.
func (rd reader) is(n node, want string, ok bool) bool {
	switch {
	case !n.v.Exists():
		rd.ps.read(n.path, "missing")
		return false
	case !ok:
		rd.ps.read(n.path, "want %s, got %s", want, got(n.v))
		return false
	}
	return true
}

// list reads n as an array and returns its elements.
func (rd reader) list(n node) []node {
	if !rd.is(n, "an array", n.v.IsArray()) {
		return nil
	}
	var out []node
	for i, v := range n.v.Array() {
		out = append(out, node{v: v, path: fmt.Sprintf("%s[%d]", n.path, i)})
	}
	return out
}

// str reads a non-empty string. With opts "nullable" it may be null, for a
// value the report does not give; with "optional" it may also be absent.
// Either comes back as "".
func (rd reader) str(n node, opts string) string {
	switch {
	case opts == "nullable" && n.null(), opts == "optional" && (!n.v.Exists() || n.null()):
		return ""
	case !rd.is(n, "a string", n.v.Type == jsonString):
	case strings.TrimSpace(n.v.Str) == "":
		rd.ps.read(n.path, "want a non-empty string, got %s", got(n.v))
	default:
		return n.v.Str
	}
	return ""
}

// num reads a required number.
func (rd reader) num(n node) float64 {
	switch {
	case !rd.is(n, "a number", n.v.Type == jsonNumber):
	case math.IsInf(n.v.Num, 0) || math.IsNaN(n.v.Num):
		rd.ps.read(n.path, "want a finite number, got %s", got(n.v))
	default:
		return n.v.Num
	}
	return 0
}

// integer reads a required whole number.
func (rd reader) integer(n node) int {
	f := rd.num(n)
	if !rd.ps.ok(n.path) {
		return 0
	}
	if f != math.Trunc(f) || math.Abs(f) > math.MaxInt32 {
		rd.ps.read(n.path, "want an integer, got %s", got(n.v))
		return 0
	}
	return int(f)
}

// got shows a JSON value in a message, shortened when long.
func got(v jsonValue) string {
	s := v.Raw
	if v.IsObject() || v.IsArray() {
		s = v.compact()
	}
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return s
}
