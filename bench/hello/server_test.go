//go:build !wasm

package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/andybalholm/brotli"
)

func TestAccepts(t *testing.T) {
	tests := []struct {
		header, coding string
		want           bool
	}{
		{"gzip, deflate, br", "br", true},
		{"gzip, deflate, br", "gzip", true},
		{"gzip", "br", false},
		{"br;q=0", "br", false},
		{"br;q=0.5", "br", true},
		{"BR", "br", true},
		{"", "gzip", false},
	}
	for _, tt := range tests {
		if got := accepts(tt.header, tt.coding); got != tt.want {
			t.Errorf("accepts(%q, %q) = %v; want %v", tt.header, tt.coding, got, tt.want)
		}
	}
}

// TestServes serves a stand-in wasm and the go-app page, compressed.
func TestServes(t *testing.T) {
	dir := t.TempDir()
	wasm := bytes.Repeat([]byte("\x00asm wasm"), 1000)
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	files, version, err := loadFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	if version == "" {
		t.Error("no version")
	}
	tests := []struct {
		name, path, accept, wantEnc string
	}{
		{"wasm brotli", "/web/app.wasm", "gzip, br", "br"},
		{"wasm gzip", "/web/app.wasm", "gzip", "gzip"},
		{"wasm identity", "/web/app.wasm", "", ""},
		{"icon", "/web/icon.png", "br", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			req := httptest.NewRequest(http.MethodGet, tt.path, nil)
			req.Header.Set("Accept-Encoding", tt.accept)
			files.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK || rec.Header().Get("Content-Encoding") != tt.wantEnc {
				t.Errorf("GET %s: %d, encoding %q; want 200, %q", tt.path, rec.Code, rec.Header().Get("Content-Encoding"), tt.wantEnc)
			}
			if tt.name == "wasm brotli" {
				got, err := io.ReadAll(brotli.NewReader(rec.Body))
				if err != nil || !bytes.Equal(got, wasm) {
					t.Errorf("brotli body does not decode to the wasm: %v", err)
				}
			}
		})
	}

	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.Header.Set("Accept-Encoding", "br")
	compressed(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, "<h1>Hello, world</h1>")
	})).ServeHTTP(rec, req)
	body, err := io.ReadAll(brotli.NewReader(rec.Body))
	if rec.Header().Get("Content-Encoding") != "br" || err != nil || string(body) != "<h1>Hello, world</h1>" {
		t.Errorf("page: encoding %q, body %q, %v; want br of the page", rec.Header().Get("Content-Encoding"), body, err)
	}
}
