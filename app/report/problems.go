package report

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// problems collects what is wrong with a document. Problems found while
// reading (a missing key, a wrong type) mark their path bad, so that the
// validation that follows does not report a second, derived problem about
// the zero value left in its place. Every operation costs at most the depth
// of a path, so a file with 40,000 problems is checked in linear time.
type problems struct {
	list []Problem
	bad  map[string]bool
	// dirty holds every path that contains a bad one, so that clean need
	// not look through all of bad.
	dirty map[string]bool
}

func newProblems() *problems {
	return &problems{bad: map[string]bool{}, dirty: map[string]bool{}}
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
	for p := path; p != ""; {
		p = parent(p)
		if ps.dirty[p] {
			break
		}
		ps.dirty[p] = true
	}
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
	return ps.ok(path) && !ps.dirty[path]
}

// sort puts the problems in the order their values occur in the document
// root, so that they read from the top of the file down. It walks root
// once, into the values that hold a problem only.
func (ps *problems) sort(root jsonValue) {
	want := map[string]bool{}
	for _, p := range ps.list {
		for q := p.Path; !want[q]; q = parent(q) {
			want[q] = true
			if q == "" {
				break
			}
		}
	}
	span := map[string][2]int{}
	var walk func(v jsonValue, path string)
	walk = func(v jsonValue, path string) {
		span[path] = [2]int{v.Index, v.Index + len(v.Raw)}
		if !v.IsArray() && !v.IsObject() {
			return // ForEach would call back with the value itself
		}
		i := 0
		v.ForEach(func(k, el jsonValue) bool {
			var p string
			switch {
			case v.IsArray():
				p = path + "[" + strconv.Itoa(i) + "]"
				i++
			case path == "":
				p = k.String()
			default:
				p = path + "." + k.String()
			}
			if want[p] {
				walk(el, p)
			}
			return true
		})
	}
	walk(root, "")
	// A missing value sorts at the end of the nearest value containing
	// it, where it would be added.
	pos := func(path string) int {
		if path == "(root)" {
			return 0
		}
		if s, ok := span[path]; ok {
			return s[0]
		}
		for p := parent(path); ; p = parent(p) {
			if s, ok := span[p]; ok {
				return s[1]
			}
			if p == "" {
				return len(root.Raw)
			}
		}
	}
	at := make(map[string]int, len(ps.list))
	for _, p := range ps.list {
		if _, done := at[p.Path]; !done {
			at[p.Path] = pos(p.Path)
		}
	}
	for i := range ps.list {
		ps.list[i].offset = at[ps.list[i].Path]
	}
	sort.Stable(byOffset(ps.list))
}

// byOffset orders problems by where they are in the document. Sorting
// goes through package sort here and in the other sorts of the wasm
// build: each slices.SortStableFunc over a struct type is its own
// instantiation, 8 KB of wasm apiece, where sort.Stable is one copy.
type byOffset []Problem

func (s byOffset) Len() int           { return len(s) }
func (s byOffset) Less(i, j int) bool { return s[i].offset < s[j].offset }
func (s byOffset) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

// locate sets the line and column of each problem of list, which is in
// the order of its offsets in data, in one pass over data.
func locate(list []Problem, data []byte) {
	line, lineStart, at := 1, 0, 0
	for i := range list {
		off := min(max(list[i].offset, at), len(data))
		for j := at; j < off; j++ {
			if data[j] == '\n' {
				line, lineStart = line+1, j+1
			}
		}
		at = off
		list[i].Line, list[i].Column = line, utf8.RuneCount(data[lineStart:off])+1
	}
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
