package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tidwall/gjson"
)

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
