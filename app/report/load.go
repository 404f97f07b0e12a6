//go:build !wasm

package report

import (
	"fmt"
	"os"
)

// Load reads the report file at path and parses it with [Parse]. It is not
// part of WebAssembly builds, which fetch the file over HTTP instead.
func Load(path string) (*Report, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load report: %w", err)
	}
	r, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("load report: %w", err)
	}
	return r, nil
}
