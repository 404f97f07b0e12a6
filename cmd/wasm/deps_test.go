//go:build !wasm

package main

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestWasmDeps keeps out of the browser build what only the server, the
// tools or the tests need, and what was taken out to make app.wasm
// smaller: each of these, once linked, adds tens to hundreds of KB.
// It asks the go tool what the wasm build imports, so it tests the build
// itself, not a list kept by hand.
func TestWasmDeps(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{join .Imports \",\"}}", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	// Packages the wasm must not link, each with the packages under it.
	banned := []string{
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
		"html/template", "text/template", "log/slog", "os/exec", "testing",
	}
	// go-app imports net/http (all of its client, server and TLS comes
	// with it); our own packages must not depend on it in the browser.
	const ours = "github.com/airesearch/aiweekly/"
	for line := range strings.Lines(strings.TrimSpace(string(out))) {
		pkg, imports, _ := strings.Cut(strings.TrimSpace(line), " ")
		for _, b := range banned {
			if pkg == b || strings.HasPrefix(pkg, b+"/") {
				t.Errorf("the wasm build links %s", pkg)
			}
		}
		if strings.HasPrefix(pkg, ours) && slices.Contains(strings.Split(imports, ","), "net/http") {
			t.Errorf("%s imports net/http in the wasm build", pkg)
		}
	}
}
