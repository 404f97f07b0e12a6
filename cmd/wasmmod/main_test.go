package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestStandInsMatch checks _goapp against the go-app that go.mod names:
// each function resource.go keeps is go-app's, character for character,
// and go-app still declares the Handler that http.go stands in for. A
// go-app upgrade that changes them fails here, not in the browser.
func TestStandInsMatch(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", goApp).Output()
	if err != nil {
		t.Fatalf("go list -m %s: %v", goApp, err)
	}
	orig := filepath.Join(strings.TrimSpace(string(out)), "pkg/app")
	read := func(path string) string {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	ours, theirs := read("_goapp/resource.go"), read(filepath.Join(orig, "resource.go"))
	var funcs []string // each from "func" to its closing brace
	for _, f := range strings.Split(ours, "\nfunc ")[1:] {
		end, _, _ := strings.Cut(f, "\n}\n")
		funcs = append(funcs, "func "+end+"\n}\n")
	}
	if len(funcs) != 3 {
		t.Fatalf("_goapp/resource.go has %d functions; want 3", len(funcs))
	}
	for _, f := range funcs {
		if !strings.Contains(theirs, f) {
			t.Errorf("go-app's resource.go no longer has\n%s", f)
		}
	}
	if !strings.Contains(read(filepath.Join(orig, "http.go")), "\ntype Handler struct {") {
		t.Errorf("go-app's http.go no longer declares Handler")
	}
}

// TestWasmDeps builds the module file as the Makefile does and asks the
// go tool what the browser build links with it: not net/http, and none
// of what only the server, the tools or the tests need, or what was
// taken out to make app.wasm smaller (each adds tens to hundreds of KB).
func TestWasmDeps(t *testing.T) {
	dir := t.TempDir()
	if err := write("../..", dir); err != nil {
		t.Fatalf("write: %v", err)
	}
	cmd := exec.Command("go", "list", "-modfile="+filepath.Join(dir, "wasm.mod"), "-deps", "./cmd/wasm")
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	// Packages the wasm must not link, each with the packages under it.
	banned := []string{
		"net/http", "crypto/tls", "crypto/x509", // go-app's server half
		"github.com/wcharczuk/go-chart", // app/chart draws its SVG itself
		"github.com/golang/freetype",    // go-chart's raster path
		"golang.org/x/image",
		"image",                // image/png came with go-chart
		"github.com/tidwall",   // gjson: app/report reads JSON itself
		"github.com/mozillazg", // pinyin: cmd/pinyinkeys writes app/explore's table
		"github.com/santhosh-tekuri/jsonschema",
		"github.com/chromedp",
		"github.com/andybalholm/brotli", // the server compresses, not the page
		"github.com/airesearch/aiweekly/app/importer",
		"github.com/airesearch/aiweekly/app/site",
		"github.com/airesearch/aiweekly/app/testkit",
		"encoding/xml", // app/chart escapes its text itself
		"encoding/csv", // app/explore writes its records itself
		"html/template", "text/template", "log/slog", "os/exec", "testing",
	}
	pkgs := strings.Fields(string(out))
	if len(pkgs) < 10 || pkgs[len(pkgs)-1] != "github.com/airesearch/aiweekly/cmd/wasm" {
		t.Fatalf("go list -deps listed %d packages, the last %q; want cmd/wasm's", len(pkgs), pkgs[len(pkgs)-1])
	}
	for _, pkg := range pkgs {
		for _, b := range banned {
			if pkg == b || strings.HasPrefix(pkg, b+"/") {
				t.Errorf("the wasm build links %s", pkg)
			}
		}
	}
}
