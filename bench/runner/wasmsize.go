package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// PackageSize is the code a Go package contributes to a wasm binary: the
// bytes of its function bodies.
type PackageSize struct {
	Package string `json:"package"`
	Bytes   int    `json:"bytes"`
	Funcs   int    `json:"funcs"`
}

// WasmLayout is how a wasm binary's bytes divide: function bodies by
// package, the data segments (constants, tables, embedded files), and the
// rest (types, imports, the name section...).
type WasmLayout struct {
	Total    int           `json:"total"`
	Code     int           `json:"code"`
	Data     int           `json:"data"`
	Names    int           `json:"names"` // the name section, absent when linked with -s
	Packages []PackageSize `json:"packages"`
}

// errNoNames says a binary has no name section (it was linked with -s), so
// its code cannot be told apart by package.
var errNoNames = errors.New("wasm has no name section: link without -s to attribute code to packages")

// wasmLayout reads the sections of a wasm binary. Function bodies are
// attributed by namer to the package their name (from the name section)
// starts with; with no name section it returns the section sizes and
// errNoNames.
func wasmLayout(b []byte, namer *packageNamer) (WasmLayout, error) {
	l := WasmLayout{Total: len(b)}
	if len(b) < 8 || !bytes.Equal(b[:4], []byte("\x00asm")) {
		return l, errors.New("not a wasm binary")
	}
	r := &wasmReader{b: b, off: 8}
	var imports int           // imported functions come first in the index space
	var bodies []int          // size of each defined function's body
	names := map[int]string{} // function index -> name
	for r.off < len(b) {
		id := r.byte()
		size := int(r.uleb())
		if r.err != nil || r.off+size > len(b) {
			return l, fmt.Errorf("wasm: section %d: truncated", id)
		}
		sec := &wasmReader{b: b[r.off : r.off+size]}
		switch id {
		case 2: // imports
			for n := sec.uleb(); n > 0 && sec.err == nil; n-- {
				sec.name()
				sec.name()
				switch kind := sec.byte(); kind {
				case 0:
					sec.uleb()
					imports++
				case 1: // table: reftype, limits
					sec.byte()
					sec.limits()
				case 2:
					sec.limits()
				case 3: // global: valtype, mutability
					sec.byte()
					sec.byte()
				}
			}
		case 10: // code
			l.Code = size
			for n := sec.uleb(); n > 0 && sec.err == nil; n-- {
				sz := int(sec.uleb())
				bodies = append(bodies, sz)
				sec.off += sz
			}
		case 11:
			l.Data = size
		case 0:
			if sec.name() == "name" {
				l.Names = size
				readFuncNames(sec, names)
			}
		}
		if sec.err != nil {
			return l, fmt.Errorf("wasm: section %d: %w", id, sec.err)
		}
		r.off += size
	}
	if len(names) == 0 {
		return l, errNoNames
	}
	byPkg := map[string]*PackageSize{}
	for i, sz := range bodies {
		pkg := namer.packageOf(names[imports+i])
		p := byPkg[pkg]
		if p == nil {
			p = &PackageSize{Package: pkg}
			byPkg[pkg] = p
		}
		p.Bytes += sz
		p.Funcs++
	}
	for _, p := range byPkg {
		l.Packages = append(l.Packages, *p)
	}
	sort.Slice(l.Packages, func(i, j int) bool {
		if l.Packages[i].Bytes != l.Packages[j].Bytes {
			return l.Packages[i].Bytes > l.Packages[j].Bytes
		}
		return l.Packages[i].Package < l.Packages[j].Package
	})
	return l, nil
}

// readFuncNames reads the function-names subsection (1) of a name section.
func readFuncNames(sec *wasmReader, names map[int]string) {
	for sec.off < len(sec.b) && sec.err == nil {
		sub := sec.byte()
		size := int(sec.uleb())
		end := sec.off + size
		if sub == 1 {
			for n := sec.uleb(); n > 0 && sec.err == nil; n-- {
				idx := int(sec.uleb())
				names[idx] = sec.name()
			}
		}
		sec.off = end
	}
}

// packageNamer maps the function names of Go's wasm name section to
// import paths. The linker writes names with every byte other than a
// letter, digit, dot or underscore replaced by an underscore
// (github.com_maxence_charriere_go_app_v10_pkg_app.Context.Dispatch), so
// known import paths are mangled the same way and matched by prefix.
type packageNamer struct {
	mangled map[string]string // mangled -> import path
	longest int
}

func newPackageNamer(paths []string) *packageNamer {
	n := &packageNamer{mangled: map[string]string{}}
	for _, p := range paths {
		m := mangle(p)
		n.mangled[m] = p
		n.longest = max(n.longest, len(m))
	}
	return n
}

// mangle spells an import path as Go's wasm name section does.
func mangle(path string) string {
	b := []byte(path)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_') {
			b[i] = '_'
		}
	}
	return string(b)
}

// packageOf returns the import path of a function name: the longest known
// package whose mangled path followed by a dot starts the name. Other
// names (type equality functions, wasm exports) are grouped by their first
// dot-separated word in parentheses.
func (n *packageNamer) packageOf(sym string) string {
	pkg, _ := n.split(sym)
	return pkg
}

// demangle spells a function name with its package's import path:
// github.com/maxence-charriere/go-app/v10/pkg/app.Context.Dispatch.
func (n *packageNamer) demangle(sym string) string {
	pkg, rest := n.split(sym)
	if strings.HasPrefix(pkg, "(") {
		return sym
	}
	return pkg + rest
}

// split returns the package of sym and what follows the package's name.
func (n *packageNamer) split(sym string) (pkg, rest string) {
	if sym == "" {
		return "(unnamed)", ""
	}
	for i := min(len(sym)-1, n.longest); i > 0; i-- {
		if sym[i] != '.' {
			continue
		}
		if p, ok := n.mangled[sym[:i]]; ok {
			return p, sym[i:]
		}
	}
	first, _, _ := strings.Cut(sym, ".")
	return "(" + first + ")", sym[len(first):]
}

// wasmReader decodes the wasm binary encoding; the first error sticks.
type wasmReader struct {
	b   []byte
	off int
	err error
}

func (r *wasmReader) byte() byte {
	if r.err != nil || r.off >= len(r.b) {
		r.fail()
		return 0
	}
	c := r.b[r.off]
	r.off++
	return c
}

func (r *wasmReader) uleb() uint64 {
	if r.err != nil || r.off >= len(r.b) {
		r.fail()
		return 0
	}
	v, n := binary.Uvarint(r.b[r.off:])
	if n <= 0 {
		r.fail()
		return 0
	}
	r.off += n
	return v
}

func (r *wasmReader) name() string {
	n := int(r.uleb())
	if r.err != nil || r.off+n > len(r.b) {
		r.fail()
		return ""
	}
	s := string(r.b[r.off : r.off+n])
	r.off += n
	return s
}

func (r *wasmReader) limits() {
	if r.byte() == 1 {
		r.uleb()
	}
	r.uleb()
}

func (r *wasmReader) fail() {
	if r.err == nil {
		r.err = errors.New("truncated")
	}
}
