package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tidwall/gjson"
)

// Parse reads a report from the JSON document data and validates it.
//
// Input that is not JSON gives a [*SyntaxError]. A document that is JSON but
// not a valid report gives a [*ValidationError] listing every problem at
// once. Either way the returned report is nil; a report that Parse returns
// is complete, consistent and indexed for the lookup methods.
func Parse(data []byte) (*Report, error) {
	if err := checkBytes(data); err != nil {
		return nil, err
	}
	if !gjson.ValidBytes(data) {
		return nil, syntaxError(data)
	}
	root := gjson.ParseBytes(data)
	ps := &problems{bad: map[string]bool{}}
	ps.list = textProblems(root, "", nil)
	rd := reader{ps: ps}
	r := rd.report(node{v: root})
	if r != nil {
		validate(r, ps)
	}
	if len(ps.list) > 0 {
		ps.sort(data)
		return nil, &ValidationError{Problems: ps.list}
	}
	r.index()
	return r, nil
}

// syntaxError locates the fault in data, which gjson has found invalid.
// gjson says only whether a document is valid, so encoding/json is asked
// where it is not.
func syntaxError(data []byte) error {
	e := &SyntaxError{Msg: "malformed JSON"}
	var se *json.SyntaxError
	if err := json.Unmarshal(data, new(json.RawMessage)); errors.As(err, &se) {
		e.Offset, e.Msg = se.Offset, se.Error()
	}
	eof := strings.Contains(e.Msg, "end of JSON input")
	if len(bytes.TrimSpace(data)) == 0 {
		e.Msg, eof = "empty document", true
	}
	// The offset counts the offending byte, so the column is that of the
	// last character read; at the end of the input, where more was
	// expected, it is the one after.
	off := min(max(int(e.Offset), 0), len(data))
	before := data[:off]
	e.Line = bytes.Count(before, []byte("\n")) + 1
	e.Column = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:])
	if eof || e.Column == 0 {
		e.Column++
	}
	return e
}

// problems collects what is wrong with a document. Problems found while
// reading (a missing key, a wrong type) mark their path bad, so that the
// validation that follows does not report a second, derived problem about
// the zero value left in its place.
type problems struct {
	list []Problem
	bad  map[string]bool
}

// add records a problem found by validation.
func (ps *problems) add(path, format string, args ...any) {
	if path == "" {
		path = "(root)"
	}
	ps.list = append(ps.list, Problem{Path: path, Message: fmt.Sprintf(format, args...)})
}

// read records a problem found while reading, and marks path bad.
func (ps *problems) read(path, format string, args ...any) {
	ps.bad[path] = true
	ps.add(path, format, args...)
}

// ok reports whether every path was read without a problem at it or at any
// value containing it.
func (ps *problems) ok(paths ...string) bool {
	for _, p := range paths {
		for {
			if ps.bad[p] {
				return false
			}
			if p == "" {
				break
			}
			p = parent(p)
		}
	}
	return true
}

// clean reports whether everything under path was read without a problem.
func (ps *problems) clean(path string) bool {
	if !ps.ok(path) {
		return false
	}
	for p := range ps.bad {
		if strings.HasPrefix(p, path+".") || strings.HasPrefix(p, path+"[") {
			return false
		}
	}
	return true
}

// sort puts the problems in the order their values occur in data, so that
// they read from the top of the file down.
func (ps *problems) sort(data []byte) {
	pos := make(map[string]int, len(ps.list))
	for _, p := range ps.list {
		if _, done := pos[p.Path]; !done {
			pos[p.Path] = offset(data, p.Path)
		}
	}
	slices.SortStableFunc(ps.list, func(a, b Problem) int { return pos[a.Path] - pos[b.Path] })
}

// offset returns the byte offset in data of the value at path. A missing
// value sorts at the end of the nearest value containing it, where it
// would be added.
func offset(data []byte, path string) int {
	if path == "(root)" {
		return 0
	}
	if r := gjson.GetBytes(data, gjsonPath(path)); r.Exists() {
		return r.Index
	}
	for p := parent(path); p != ""; p = parent(p) {
		if r := gjson.GetBytes(data, gjsonPath(p)); r.Exists() {
			return r.Index + len(r.Raw)
		}
	}
	return len(data)
}

// gjsonPath turns a path as printed (a.b[3].c) into gjson syntax (a.b.3.c).
func gjsonPath(p string) string {
	var parts []string
	for _, seg := range strings.Split(p, ".") {
		key, rest, _ := strings.Cut(seg, "[")
		parts = append(parts, gjson.Escape(key))
		for rest != "" {
			var idx string
			idx, rest, _ = strings.Cut(rest, "]")
			parts = append(parts, idx)
			rest = strings.TrimPrefix(rest, "[")
		}
	}
	return strings.Join(parts, ".")
}

// parent returns the path of the value that contains the value at p: a.b
// for a.b[3] and for a.b.c; "" for a top-level key.
func parent(p string) string {
	i := strings.LastIndexAny(p, ".[")
	if i < 0 {
		return ""
	}
	return p[:i]
}

// node is a JSON value with its path.
type node struct {
	v    gjson.Result
	path string
}

// at returns the path of key inside n.
func (n node) at(key string) string {
	if n.path == "" {
		return key
	}
	return n.path + "." + key
}

// fields is a JSON object's members by key.
type fields struct {
	node
	m map[string]gjson.Result
}

// get returns the member key, which may not exist.
func (f fields) get(key string) node { return node{v: f.m[key], path: f.at(key)} }

// reader turns gjson values into typed values, recording every problem.
type reader struct {
	ps *problems
}

// got shows a JSON value in a message, shortened when long.
func got(v gjson.Result) string {
	s := v.Raw
	if v.IsObject() || v.IsArray() {
		s = gjson.Get(s, "@ugly").Raw
	}
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return s
}

// object reads n as an object with exactly the keys of the model, all of
// them in keys, and reports any other key and any repeated one.
func (rd reader) object(n node, keys ...string) (fields, bool) {
	f := fields{node: n, m: map[string]gjson.Result{}}
	switch {
	case !n.v.Exists():
		rd.ps.read(n.path, "missing")
		return f, false
	case !n.v.IsObject():
		rd.ps.read(n.path, "want an object, got %s", got(n.v))
		return f, false
	}
	n.v.ForEach(func(k, v gjson.Result) bool {
		key := k.String()
		switch {
		case !slices.Contains(keys, key):
			rd.ps.add(n.at(key), "unknown key")
		case f.m[key].Exists():
			rd.ps.read(n.at(key), "duplicate key")
		default:
			f.m[key] = v
		}
		return true
	})
	return f, true
}

// list reads n as an array and returns its elements.
func (rd reader) list(n node) []node {
	switch {
	case !n.v.Exists():
		rd.ps.read(n.path, "missing")
		return nil
	case !n.v.IsArray():
		rd.ps.read(n.path, "want an array, got %s", got(n.v))
		return nil
	}
	var out []node
	for i, v := range n.v.Array() {
		out = append(out, node{v: v, path: fmt.Sprintf("%s[%d]", n.path, i)})
	}
	return out
}

// str reads a required, non-empty string.
func (rd reader) str(n node) string {
	switch {
	case !n.v.Exists():
		rd.ps.read(n.path, "missing")
	case n.v.Type != gjson.String:
		rd.ps.read(n.path, "want a string, got %s", got(n.v))
	case strings.TrimSpace(n.v.Str) == "":
		rd.ps.read(n.path, "want a non-empty string, got %s", got(n.v))
	default:
		return n.v.Str
	}
	return ""
}

// nullStr reads a string that must be present but may be null, for a value
// the report does not give. A null comes back as "".
func (rd reader) nullStr(n node) string {
	if n.v.Type == gjson.Null && n.v.Exists() {
		return ""
	}
	return rd.str(n)
}

// optStr reads a string that may be absent or null.
func (rd reader) optStr(n node) string {
	if !n.v.Exists() || n.v.Type == gjson.Null {
		return ""
	}
	return rd.str(n)
}

// strs reads an array of non-empty strings.
func (rd reader) strs(n node) []string {
	var out []string
	for _, e := range rd.list(n) {
		out = append(out, rd.str(e))
	}
	return out
}

// num reads a required number.
func (rd reader) num(n node) float64 {
	switch {
	case !n.v.Exists():
		rd.ps.read(n.path, "missing")
	case n.v.Type != gjson.Number:
		rd.ps.read(n.path, "want a number, got %s", got(n.v))
	case math.IsInf(n.v.Num, 0) || math.IsNaN(n.v.Num):
		rd.ps.read(n.path, "want a finite number, got %s", got(n.v))
	default:
		return n.v.Num
	}
	return 0
}

// nullNum reads a number that must be present but may be null.
func (rd reader) nullNum(n node) *float64 {
	if n.v.Type == gjson.Null && n.v.Exists() {
		return nil
	}
	f := rd.num(n)
	return &f
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
