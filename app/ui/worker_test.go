//go:build !wasm

package ui

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestWorkerShells checks that the service worker precaches the shell of
// every route of the table.
func TestWorkerShells(t *testing.T) {
	want, err := json.Marshal(Paths())
	if err != nil {
		t.Fatal(err)
	}
	if js := workerJS(); !strings.Contains(js, "const SHELL_ROUTES = "+string(want)+";") {
		t.Errorf("the worker does not list the route table's shells %s", want)
	}
}
