//go:build !wasm

// Package sitetest holds what the tests of package site and of cmd/server
// share: a repository root in a temporary directory, and a client that
// shows the bytes on the wire.
package sitetest

import (
	"bytes"
	"compress/gzip"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/testkit"
	"github.com/andybalholm/brotli"
)

// Fixture is a repository root in a temporary directory: the real icons,
// styles and data file, and a stand-in app.wasm, so the tests need no wasm
// build.
type Fixture struct {
	Root string // the repository root
	Wasm []byte // the stand-in web/app.wasm
	Data []byte // data/report.json, the real one
}

// NewFixture builds a Fixture whose app.wasm has about wasmSize bytes.
func NewFixture(tb testing.TB, wasmSize int) Fixture {
	tb.Helper()
	root := tb.TempDir()
	web := filepath.Join(root, "web")
	Mkdir(tb, web)
	Mkdir(tb, filepath.Join(root, "data"))

	entries, err := os.ReadDir(filepath.Join(testkit.Root, "web"))
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || name == "app.wasm" || strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz") {
			continue
		}
		WriteFile(tb, filepath.Join(web, name), ReadFile(tb, filepath.Join(testkit.Root, "web", name)))
	}
	f := Fixture{Root: root, Wasm: FakeWasm(wasmSize), Data: testkit.ReportBytes(tb)}
	WriteFile(tb, filepath.Join(web, "app.wasm"), f.Wasm)
	WriteFile(tb, f.DataFile(), f.Data)
	return f
}

// DataFile is the path of the fixture's data/report.json.
func (f Fixture) DataFile() string { return filepath.Join(f.Root, "data", "report.json") }

// FakeWasm returns a wasm header followed by text, which compresses well
// like a real Go wasm binary does.
func FakeWasm(size int) []byte {
	var b bytes.Buffer
	b.WriteString("\x00asm\x01\x00\x00\x00")
	for i := 0; b.Len() < size; i++ {
		b.WriteString("runtime.gcWriteBarrier main.(*moversPage).Render syscall/js.valueGet ")
		b.WriteByte(byte('a' + i%26))
	}
	return b.Bytes()
}

// DiscardLogger is a logger that writes nothing.
func DiscardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

// client does not decompress, so tests see the bytes on the wire.
var client = &http.Client{Transport: &http.Transport{DisableCompression: true}}

// Fetch sends a request with the given headers ("Key: value") and returns
// the response with its body read.
func Fetch(tb testing.TB, method, url string, headers ...string) (*http.Response, []byte) {
	tb.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		tb.Fatal(err)
	}
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ":")
		req.Header.Set(k, strings.TrimSpace(v))
	}
	res, err := client.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return res, body
}

// Decode undoes the response's Content-Encoding (br or gzip) on body.
func Decode(tb testing.TB, res *http.Response, body []byte) []byte {
	tb.Helper()
	var r io.Reader = bytes.NewReader(body)
	var err error
	switch enc := res.Header.Get("Content-Encoding"); enc {
	case "":
		return body
	case "br":
		r = brotli.NewReader(r)
	case "gzip":
		r, err = gzip.NewReader(r)
	default:
		tb.Fatalf("unknown Content-Encoding %q", enc)
	}
	if err == nil {
		body, err = io.ReadAll(r)
	}
	if err != nil {
		tb.Fatalf("decode %s body: %v", res.Header.Get("Content-Encoding"), err)
	}
	return body
}

// Mkdir makes dir and its parents.
func Mkdir(tb testing.TB, dir string) {
	tb.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
}

// ReadFile returns the content of the file name.
func ReadFile(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// WriteFile writes b to the file name.
func WriteFile(tb testing.TB, name string, b []byte) {
	tb.Helper()
	if err := os.WriteFile(name, b, 0o644); err != nil {
		tb.Fatal(err)
	}
}
