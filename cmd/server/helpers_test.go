package main

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// repoRoot is the repository root, seen from this package's directory.
const repoRoot = "../.."

// fixture is a repository root in a temporary directory: the real icons,
// styles and data file, and a stand-in app.wasm, so the tests need no wasm
// build.
type fixture struct {
	root string
	wasm []byte
	data []byte
}

// newFixture builds a fixture whose app.wasm has about wasmSize bytes.
func newFixture(tb testing.TB, wasmSize int) fixture {
	tb.Helper()
	root := tb.TempDir()
	web := filepath.Join(root, "web")
	mkdir(tb, web)
	mkdir(tb, filepath.Join(root, "data"))

	entries, err := os.ReadDir(filepath.Join(repoRoot, "web"))
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || name == "app.wasm" || isVariantName(name) {
			continue
		}
		writeFile(tb, filepath.Join(web, name), readFile(tb, filepath.Join(repoRoot, "web", name)))
	}
	f := fixture{root: root, wasm: fakeWasm(wasmSize), data: readFile(tb, filepath.Join(repoRoot, "data", "report.json"))}
	writeFile(tb, filepath.Join(web, "app.wasm"), f.wasm)
	writeFile(tb, filepath.Join(root, "data", "report.json"), f.data)
	return f
}

// config returns the configuration serving the fixture.
func (f fixture) config() Config {
	return Config{Addr: "127.0.0.1:0", Root: f.root, Data: filepath.Join(f.root, "data", "report.json")}
}

// fakeWasm returns a wasm header followed by text, which compresses well
// like a real Go wasm binary does.
func fakeWasm(size int) []byte {
	var b bytes.Buffer
	b.WriteString("\x00asm\x01\x00\x00\x00")
	for i := 0; b.Len() < size; i++ {
		b.WriteString("runtime.gcWriteBarrier main.(*moversPage).Render syscall/js.valueGet ")
		b.WriteByte(byte('a' + i%26))
	}
	return b.Bytes()
}

// startSite loads cfg and serves it on a loopback port until the test ends.
func startSite(tb testing.TB, cfg Config) (*site, *httptest.Server) {
	tb.Helper()
	s, err := newSite(cfg, discardLogger())
	if err != nil {
		tb.Fatalf("newSite: %v", err)
	}
	srv := httptest.NewServer(s.handler(discardLogger()))
	tb.Cleanup(srv.Close)
	return s, srv
}

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

// client does not decompress, so tests see the bytes on the wire.
var client = &http.Client{Transport: &http.Transport{DisableCompression: true}}

// fetch sends a request with the given headers ("Key: value") and returns
// the response with its body read.
func fetch(tb testing.TB, method, url string, headers ...string) (*http.Response, []byte) {
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

// decode undoes the response's Content-Encoding.
func decode(tb testing.TB, res *http.Response, body []byte) []byte {
	tb.Helper()
	enc := res.Header.Get("Content-Encoding")
	if enc == "" {
		return body
	}
	b, err := decompress(enc, body)
	if err != nil {
		tb.Fatalf("decode %s body: %v", enc, err)
	}
	return b
}

func mkdir(tb testing.TB, dir string) {
	tb.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
}

func readFile(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func writeFile(tb testing.TB, name string, b []byte) {
	tb.Helper()
	if err := os.WriteFile(name, b, 0o644); err != nil {
		tb.Fatal(err)
	}
}
