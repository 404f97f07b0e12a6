package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
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
	for _, enc := range []string{"br", "gzip"} {
		ext := map[string]string{"br": ".br", "gzip": ".gz"}[enc]
		v, err := os.ReadFile(filepath.Join(dir, "app.wasm"+ext))
		if err != nil || !decodesTo(enc, v, raw) {
			notes = append(notes, fmt.Sprintf("%s: no fresh app.wasm%s from the build, compressed here", dir, ext))
			v = encode(enc, raw)
		}
		if enc == "br" {
			s.Brotli = len(v)
		} else {
			s.Gzip = len(v)
		}
	}
	return s, strings.Join(notes, "; "), nil
}

// decodesTo reports whether v, encoded with enc, decodes to want.
func decodesTo(enc string, v, want []byte) bool {
	var r io.Reader
	if enc == "br" {
		r = brotli.NewReader(bytes.NewReader(v))
	} else {
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
func encode(enc string, b []byte) []byte {
	var buf bytes.Buffer
	var w io.WriteCloser
	if enc == "br" {
		w = brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24})
	} else {
		w, _ = gzip.NewWriterLevel(&buf, gzip.BestCompression)
	}
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// buildNamed builds pkg for the browser with the same flags as the build
// except that it keeps the names (-ldflags=-w instead of -s -w: the code is
// the same), and returns a namer for its packages.
func buildNamed(ctx context.Context, root, pkg, out string) (*packageNamer, error) {
	env := append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-ldflags=-w", "-o", out, pkg)
	cmd.Dir, cmd.Env = root, env
	if b, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("build %s with names: %v\n%s", pkg, err, b)
	}
	list := exec.CommandContext(ctx, "go", "list", "-deps", pkg)
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
		b, err := os.ReadFile(out)
		if err != nil {
			return nil, err
		}
		l, err := wasmLayout(b, namer)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", out, err)
		}
		return &l, nil
	}
	if ours, err = layout("./cmd/wasm", filepath.Join(tmp, "ours-names.wasm")); err != nil {
		return nil, nil, nil, err
	}
	if floor, err = layout("./bench/hello", filepath.Join(tmp, "floor-names.wasm")); err != nil {
		return nil, nil, nil, err
	}
	return ours, floor, aboveFloor(ours, floor), nil
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
	sort.Slice(out, func(i, j int) bool {
		if out[i].Bytes != out[j].Bytes {
			return out[i].Bytes > out[j].Bytes
		}
		return out[i].Package < out[j].Package
	})
	return out
}
