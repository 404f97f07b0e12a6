//go:build !wasm

package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/site"
	"github.com/airesearch/aiweekly/app/site/sitetest"
)

// TestServes serves a stand-in wasm and the go-app page, compressed as the
// explorer's server compresses them.
func TestServes(t *testing.T) {
	dir, wasm := webDir(t)
	s, err := site.New(config("127.0.0.1:0", dir), sitetest.DiscardLogger())
	if err != nil {
		t.Fatal(err)
	}
	if s.Version() == "" {
		t.Error("no version")
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	tests := []struct {
		name, path, accept, wantEnc, wantType string
	}{
		{"wasm brotli", "/web/app.wasm", "gzip, br", "br", "application/wasm"},
		{"wasm gzip", "/web/app.wasm", "gzip", "gzip", "application/wasm"},
		{"wasm identity", "/web/app.wasm", "", "", "application/wasm"},
		{"icon", "/web/icon.png", "br", "", "image/png"},
		{"page", "/", "br", "br", "text/html; charset=utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := sitetest.Fetch(t, http.MethodGet, srv.URL+tt.path, "Accept-Encoding: "+tt.accept)
			if res.StatusCode != http.StatusOK || res.Header.Get("Content-Encoding") != tt.wantEnc || res.Header.Get("Content-Type") != tt.wantType {
				t.Errorf("GET %s: %d, encoding %q, type %q; want 200, %q, %q", tt.path, res.StatusCode,
					res.Header.Get("Content-Encoding"), res.Header.Get("Content-Type"), tt.wantEnc, tt.wantType)
			}
			got := sitetest.Decode(t, res, body)
			switch tt.path {
			case "/web/app.wasm":
				if !bytes.Equal(got, wasm) {
					t.Errorf("%s body does not decode to the wasm", tt.wantEnc)
				}
			case "/":
				if !strings.Contains(string(got), "Hello, world") {
					t.Errorf("page: %.300s; want the prerendered greeting", got)
				}
			}
		})
	}
	if res, _ := sitetest.Fetch(t, http.MethodGet, srv.URL+"/nowhere"); res.StatusCode != http.StatusNotFound {
		t.Errorf("GET /nowhere: %d; want 404", res.StatusCode)
	}
}

// TestServe runs the server as main does: it announces its address, serves
// the page and returns nil once ctx is done.
func TestServe(t *testing.T) {
	dir, _ := webDir(t)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- serve(ctx, config("127.0.0.1:0", dir), pw, io.Discard)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	fields := strings.Fields(line)
	if err != nil || len(fields) != 4 || fields[0] != "serving" || fields[2] != "version" {
		t.Fatalf("first line %q, %v; want \"serving URL version V\"", line, err)
	}
	if res, _ := sitetest.Fetch(t, http.MethodGet, fields[1]); res.StatusCode != http.StatusOK {
		t.Errorf("GET %s: %d; want 200", fields[1], res.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve after cancel = %v; want nil", err)
	}
}

// webDir makes the floor's web directory with a stand-in wasm.
func webDir(tb testing.TB) (dir string, wasm []byte) {
	tb.Helper()
	dir = tb.TempDir()
	wasm = bytes.Repeat([]byte("\x00asm wasm"), 1000)
	sitetest.WriteFile(tb, filepath.Join(dir, "app.wasm"), wasm)
	return dir, wasm
}
