// Command wasmmod writes the module file the browser build uses: go.mod
// with go-app replaced by a copy that leaves out go-app's server half.
//
// go-app's pkg/app/http.go (the Handler) and resource.go import net/http
// in every build, so each go-app wasm links Go's HTTP client, server and
// TLS, which the browser never runs: a fifth of app.wasm. wasmmod copies
// the go-app module that go.mod names (its go.mod and the Go files of
// pkg/app and pkg/errors) to DIR/go-app, puts the files of _goapp in
// place of those two, adds the files patch.go's edits call into, makes
// those edits, and writes DIR/wasm.mod and DIR/wasm.sum. The Makefile
// builds the wasm with -modfile=DIR/wasm.mod; everything else builds
// with go.mod and go-app as released. These are go-app workarounds that
// app/ui/goapp.go lists. Tests: TestWasmDeps (the browser build links no
// net/http), TestStandInsMatch (the stand-ins still match the go-app that
// go.mod names) and TestEditsApply (every edit still applies).
//
// Usage, from the repository's root:
//
//	go run ./cmd/wasmmod -o bin
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// goApp is the module whose server half the browser build leaves out.
const goApp = "github.com/maxence-charriere/go-app/v10"

// replaced are go-app's files that _goapp stands in for.
var replaced = []string{"http.go", "resource.go"}

func main() {
	out := flag.String("o", "bin", "the `directory` to write go-app/, wasm.mod and wasm.sum in")
	flag.Parse()
	if err := write(".", *out); err != nil {
		fmt.Fprintln(os.Stderr, "wasmmod:", err)
		os.Exit(1)
	}
}

// write writes the copy of go-app and the module files for the module
// at root into dir.
func write(root, dir string) error {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	list := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", goApp)
	list.Dir = root
	src, err := list.Output()
	if err != nil {
		return fmt.Errorf("go list -m %s: %w", goApp, err)
	}
	dst := filepath.Join(dir, "go-app")
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	for _, sub := range []string{"", "pkg/app", "pkg/errors"} {
		if err := copyGoFiles(filepath.Join(strings.TrimSpace(string(src)), sub), filepath.Join(dst, sub)); err != nil {
			return err
		}
	}
	for _, name := range append(replaced, added...) {
		if err := copyFile(filepath.Join(root, "cmd/wasmmod/_goapp", name), filepath.Join(dst, "pkg/app", name)); err != nil {
			return err
		}
	}
	if err := applyEdits(dst, edits); err != nil {
		return err
	}
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return err
	}
	// The go tool reads a relative path in the module file from the
	// module's root wherever the file is, so the checkout can move.
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	rel, err := filepath.Rel(absRoot, dst)
	if err != nil {
		return err
	}
	if rel = filepath.ToSlash(rel); !strings.HasPrefix(rel, "../") {
		rel = "./" + rel
	}
	mod = fmt.Appendf(bytes.Clone(mod), "\n// Written by cmd/wasmmod for the browser build.\nreplace %s => %s\n", goApp, rel)
	if err := os.WriteFile(filepath.Join(dir, "wasm.mod"), mod, 0o644); err != nil {
		return err
	}
	return copyFile(filepath.Join(root, "go.sum"), filepath.Join(dir, "wasm.sum"))
}

// copyGoFiles copies go.mod and the non-test Go files of directory from
// to directory to.
func copyGoFiles(from, to string) error {
	entries, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		keep := name == "go.mod" || strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go")
		if e.Type().IsRegular() && keep {
			if err := copyFile(filepath.Join(from, name), filepath.Join(to, name)); err != nil {
				return err
			}
		}
	}
	return nil
}

// copyFile copies a file, making the directory it goes in; the copy is
// writable, unlike the module cache's files.
func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}
