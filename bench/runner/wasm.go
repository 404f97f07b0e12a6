package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"
)

// wasmSizes returns the size of dir/app.wasm raw and in the brotli and gzip
// variants the build wrote next to it (bin/server -precompress), which are
// what the servers send. A missing or stale variant is made here at the
// build's quality, and said so in the note.
func wasmSizes(dir string) (WasmSize, string, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "app.wasm"))
	if err != nil {
		return WasmSize{}, "", err
	}
	s := WasmSize{Raw: len(raw)}
	var notes []string
	for _, v := range []struct {
		ext  string
		size *int
	}{{".br", &s.Brotli}, {".gz", &s.Gzip}} {
		b, err := os.ReadFile(filepath.Join(dir, "app.wasm"+v.ext))
		if err != nil || !decodesTo(v.ext, b, raw) {
			notes = append(notes, fmt.Sprintf("%s: no fresh app.wasm%s from the build, compressed here", dir, v.ext))
			b = encode(v.ext, raw)
		}
		*v.size = len(b)
	}
	return s, strings.Join(notes, "; "), nil
}

// decodesTo reports whether v, compressed as ext says, decodes to want.
func decodesTo(ext string, v, want []byte) bool {
	var r io.Reader = brotli.NewReader(bytes.NewReader(v))
	if ext == ".gz" {
		zr, err := gzip.NewReader(bytes.NewReader(v))
		if err != nil {
			return false
		}
		r = zr
	}
	got, err := io.ReadAll(r)
	return err == nil && bytes.Equal(got, want)
}

// encode compresses b at the best quality, as bin/server -precompress does.
func encode(ext string, b []byte) []byte {
	var buf bytes.Buffer
	var w io.WriteCloser = brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24})
	if ext == ".gz" {
		w, _ = gzip.NewWriterLevel(&buf, gzip.BestCompression)
	}
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// buildNamed builds pkg for the browser with the same flags as the build
// except that it keeps the names (-ldflags=-w instead of -s -w: the code is
// the same), and returns a namer for its packages. Like the Makefile's
// build it takes the module file cmd/wasmmod wrote (make build runs
// first).
func buildNamed(ctx context.Context, root, pkg, out string) (*packageNamer, error) {
	env := append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	modfile := "-modfile=" + filepath.Join(root, "bin", "wasm.mod")
	cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-ldflags=-w", modfile, "-o", out, pkg)
	cmd.Dir, cmd.Env = root, env
	if b, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("build %s with names: %v\n%s", pkg, err, b)
	}
	list := exec.CommandContext(ctx, "go", "list", modfile, "-deps", pkg)
	list.Dir, list.Env = root, env
	deps, err := list.Output()
	if err != nil {
		return nil, fmt.Errorf("go list -deps %s: %w", pkg, err)
	}
	return newPackageNamer(strings.Fields(string(deps))), nil
}

// layouts builds both wasm binaries with their names and attributes their
// code to packages, then lists what the explorer adds above the floor.
func layouts(ctx context.Context, root, tmp string) (ours, floor *WasmLayout, above []PackageSize, err error) {
	layout := func(pkg, out string) (*WasmLayout, error) {
		namer, err := buildNamed(ctx, root, pkg, out)
		if err != nil {
			return nil, err
		}
		l, err := objdump(ctx, out, namer)
		return &l, err
	}
	if ours, err = layout("./cmd/wasm", filepath.Join(tmp, "ours-names.wasm")); err != nil {
		return nil, nil, nil, err
	}
	if floor, err = layout("./bench/hello", filepath.Join(tmp, "floor-names.wasm")); err != nil {
		return nil, nil, nil, err
	}
	return ours, floor, aboveFloor(ours, floor), nil
}

// objdump reads a wasm binary's sections and function bodies with wabt's
// wasm-objdump: -h for the section sizes, -x -j Code for the size and name
// (from the name section) of every function body.
func objdump(ctx context.Context, path string, namer *packageNamer) (WasmLayout, error) {
	if _, err := exec.LookPath("wasm-objdump"); err != nil {
		return WasmLayout{}, errors.New("no wasm-objdump (apt-get install wabt)")
	}
	h, err := exec.CommandContext(ctx, "wasm-objdump", "-h", path).Output()
	if err != nil {
		return WasmLayout{}, fmt.Errorf("wasm-objdump -h %s: %w", path, err)
	}
	code, err := exec.CommandContext(ctx, "wasm-objdump", "-x", "-j", "Code", path).Output()
	if err != nil {
		return WasmLayout{}, fmt.Errorf("wasm-objdump -x %s: %w", path, err)
	}
	l := parseSections(string(h))
	fi, _ := os.Stat(path)
	l.Total = int(fi.Size())
	l.Packages, err = parseFuncs(string(code), namer)
	return l, err
}

var (
	// "     Code start=0x000032f9 end=0x00420ef0 (size=0x0041dbf7) count: 4056"
	// "   Custom start=0x006975da end=0x006bea3d (size=0x00027463) "name""
	objdumpSection = regexp.MustCompile(`(?m)^\s*(\w+) start=\S+ end=\S+ \(size=0x([0-9a-f]+)\)(?: "([^"]*)")?`)
	// " - func[3548] size=539 <github.com_maxence_charriere_go_app_v10_pkg_app.init>"
	objdumpFunc = regexp.MustCompile(`(?m)^ - func\[\d+\] size=(\d+)(?: <(.*)>)?$`)
)

// parseSections reads wasm-objdump -h: the sizes of the code and data
// sections and of the name section.
func parseSections(out string) WasmLayout {
	var l WasmLayout
	for _, m := range objdumpSection.FindAllStringSubmatch(out, -1) {
		size, _ := strconv.ParseInt(m[2], 16, 64)
		switch {
		case m[1] == "Code":
			l.Code = int(size)
		case m[1] == "Data":
			l.Data = int(size)
		case m[1] == "Custom" && m[3] == "name":
			l.Names = int(size)
		}
	}
	return l
}

// errNoNames says a binary has no name section (it was linked with -s), so
// its code cannot be told apart by package.
var errNoNames = errors.New("wasm has no name section: link without -s to attribute code to packages")

// parseFuncs reads wasm-objdump -x -j Code and adds up the function bodies
// by the package namer finds in each name, largest first.
func parseFuncs(out string, namer *packageNamer) ([]PackageSize, error) {
	byPkg := map[string]*PackageSize{}
	for _, m := range objdumpFunc.FindAllStringSubmatch(out, -1) {
		if m[2] == "" {
			return nil, errNoNames
		}
		pkg := namer.packageOf(m[2])
		if byPkg[pkg] == nil {
			byPkg[pkg] = &PackageSize{Package: pkg}
		}
		size, _ := strconv.Atoi(m[1])
		byPkg[pkg].Bytes += size
		byPkg[pkg].Funcs++
	}
	if len(byPkg) == 0 {
		return nil, errors.New("wasm-objdump listed no function body")
	}
	var ps []PackageSize
	for _, p := range byPkg {
		ps = append(ps, *p)
	}
	return largestFirst(ps, func(p PackageSize) (int, string) { return p.Bytes, p.Package }), nil
}

// aboveFloor lists, per package, the code the explorer has beyond the
// floor's, largest first; packages the floor has as much of are left out.
func aboveFloor(ours, floor *WasmLayout) []PackageSize {
	base := map[string]PackageSize{}
	for _, p := range floor.Packages {
		base[p.Package] = p
	}
	var out []PackageSize
	for _, p := range ours.Packages {
		d := PackageSize{Package: p.Package, Bytes: p.Bytes - base[p.Package].Bytes, Funcs: p.Funcs - base[p.Package].Funcs}
		if d.Bytes > 0 {
			out = append(out, d)
		}
	}
	return largestFirst(out, func(p PackageSize) (int, string) { return p.Bytes, p.Package })
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

var unmangled = regexp.MustCompile(`[^A-Za-z0-9._]`)

func newPackageNamer(paths []string) *packageNamer {
	n := &packageNamer{mangled: map[string]string{}}
	for _, p := range paths {
		m := unmangled.ReplaceAllString(p, "_")
		n.mangled[m] = p
		n.longest = max(n.longest, len(m))
	}
	return n
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
		if p, ok := n.mangled[sym[:i]]; ok && sym[i] == '.' {
			return p, sym[i:]
		}
	}
	first, _, _ := strings.Cut(sym, ".")
	return "(" + first + ")", sym[len(first):]
}
