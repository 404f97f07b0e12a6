package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestEditsApply makes patch.go's edits in a copy of the go-app that
// go.mod names, as wasmmod does, and builds the edited package for the
// browser, with the files the edits call into added: a go-app upgrade
// that changed an edited passage fails here. It also checks that a
// passage go-app no longer has is refused.
func TestEditsApply(t *testing.T) {
	dir := t.TempDir()
	if err := write("../..", dir); err != nil {
		t.Fatalf("write: %v", err)
	}
	for _, e := range edits {
		b, err := os.ReadFile(filepath.Join(dir, "go-app", e.file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), e.new) || strings.Contains(string(b), e.old) {
			t.Errorf("%s: the copy does not hold the edit", e.file)
		}
	}
	for _, name := range added {
		if _, err := os.Stat(filepath.Join(dir, "go-app/pkg/app", name)); err != nil {
			t.Errorf("the copy lacks %s, which the edits call into: %v", name, err)
		}
	}
	cmd := exec.Command("go", "build", "-modfile="+filepath.Join(dir, "wasm.mod"), goApp+"/pkg/app")
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("building the edited go-app for the browser: %v\n%s", err, out)
	}
	gone := []edit{{file: edits[0].file, old: "a passage go-app never had", new: ""}}
	if err := applyEdits(filepath.Join(dir, "go-app"), gone); err == nil {
		t.Errorf("applyEdits made an edit whose passage is not there")
	}
}
