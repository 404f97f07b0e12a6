//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// pageBrotli is the brotli quality for what is compressed per request, the
// same as the explorer's server uses for its pages.
const pageBrotli = 5

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(os.Stderr, "hello:", err)
		os.Exit(1)
	}
}

// run serves the app until ctx is done. Like the explorer's server it
// writes "serving http://HOST:PORT/ version V" to stdout once listening.
func run(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("hello", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:0", "TCP `address` to listen on (port 0 picks a free one)")
	web := fs.String("web", "bench/out/hello/web", "`dir`ectory holding app.wasm and its .br and .gz variants")
	if err := fs.Parse(args); err != nil {
		return err
	}

	files, version, err := loadFiles(*web)
	if err != nil {
		return err
	}
	routes()
	h := &app.Handler{
		Name:  "Hello",
		Title: "Hello",
		// Local icons: go-app's default ones live on another host.
		Icon: app.Icon{
			Default:  "/web/icon.png",
			Large:    "/web/icon.png",
			Maskable: "/web/icon.png",
			SVG:      "/web/icon.svg",
		},
		Version:           version,
		WasmContentLength: strconv.Itoa(len(files["/web/app.wasm"].identity)),
	}
	mux := http.NewServeMux()
	mux.Handle("/web/", files)
	mux.Handle("/", compressed(h))

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	fmt.Fprintf(stdout, "serving http://%s/ version %s\n", ln.Addr(), version)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(sctx)
}

// file is one file of /web/, in memory with its compressed variants.
type file struct {
	contentType string
	identity    []byte
	br, gz      []byte
	etag        string
}

// fileSet serves the files of /web/ by exact path.
type fileSet map[string]*file

// loadFiles reads app.wasm and its variants from dir and makes the icons,
// and returns a version that changes with the wasm.
func loadFiles(dir string) (fileSet, string, error) {
	wasm, err := os.ReadFile(filepath.Join(dir, "app.wasm"))
	if err != nil {
		return nil, "", fmt.Errorf("load wasm: %w", err)
	}
	w := &file{contentType: "application/wasm", identity: wasm, etag: tag(wasm)}
	// Variants written at build time by the explorer's server -precompress,
	// else made now as that server would.
	if w.br, err = os.ReadFile(filepath.Join(dir, "app.wasm.br")); err != nil {
		w.br = compress("br", wasm, pageBrotli)
	}
	if w.gz, err = os.ReadFile(filepath.Join(dir, "app.wasm.gz")); err != nil {
		w.gz = compress("gzip", wasm, gzip.DefaultCompression)
	}
	icon := iconPNG()
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1" fill="#b71c1c"/></svg>`)
	files := fileSet{
		"/web/app.wasm": w,
		"/web/icon.png": {contentType: "image/png", identity: icon, etag: tag(icon)},
		"/web/icon.svg": {contentType: "image/svg+xml", identity: svg, etag: tag(svg)},
	}
	return files, tag(wasm)[:16], nil
}

func (fs fileSet) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f, ok := fs[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	body, enc := f.identity, ""
	ae := r.Header.Get("Accept-Encoding")
	switch {
	case f.br != nil && accepts(ae, "br"):
		body, enc = f.br, "br"
	case f.gz != nil && accepts(ae, "gzip"):
		body, enc = f.gz, "gzip"
	}
	h := w.Header()
	h.Set("Cache-Control", "no-cache")
	h.Set("Vary", "Accept-Encoding")
	etag := `"` + f.etag + "-" + enc + `"`
	h.Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", f.contentType)
	if enc != "" {
		h.Set("Content-Encoding", enc)
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
}

// compressed compresses the responses of next that are text, as the
// explorer's server does for its pages and go-app's generated files.
func compressed(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &recorder{header: http.Header{}}
		next.ServeHTTP(rec, r)
		h := w.Header()
		for k, v := range rec.header {
			h[k] = v
		}
		status := rec.status
		if status == 0 {
			status = http.StatusOK
		}
		body := rec.buf.Bytes()
		ae := r.Header.Get("Accept-Encoding")
		if status == http.StatusOK && isText(h.Get("Content-Type")) {
			h.Add("Vary", "Accept-Encoding")
			switch {
			case accepts(ae, "br"):
				body = compress("br", body, pageBrotli)
				h.Set("Content-Encoding", "br")
			case accepts(ae, "gzip"):
				body = compress("gzip", body, gzip.DefaultCompression)
				h.Set("Content-Encoding", "gzip")
			}
		}
		h.Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(status)
		w.Write(body)
	})
}

// recorder keeps a response in memory.
type recorder struct {
	header http.Header
	status int
	buf    bytes.Buffer
}

func (rec *recorder) Header() http.Header { return rec.header }

func (rec *recorder) WriteHeader(status int) {
	if rec.status == 0 {
		rec.status = status
	}
}

func (rec *recorder) Write(p []byte) (int, error) {
	rec.WriteHeader(http.StatusOK)
	return rec.buf.Write(p)
}

func isText(ct string) bool {
	mt, _, _ := strings.Cut(ct, ";")
	mt = strings.TrimSpace(mt)
	return strings.HasPrefix(mt, "text/") || strings.HasSuffix(mt, "javascript") ||
		strings.HasSuffix(mt, "json") || mt == "image/svg+xml"
}

// accepts reports whether an Accept-Encoding header names coding with a
// weight above zero.
func accepts(header, coding string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(part, ";")
		if !strings.EqualFold(strings.TrimSpace(name), coding) {
			continue
		}
		k, v, ok := strings.Cut(strings.TrimSpace(params), "=")
		if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
			q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			return err == nil && q > 0
		}
		return true
	}
	return false
}

func compress(enc string, b []byte, quality int) []byte {
	var buf bytes.Buffer
	var w io.WriteCloser
	if enc == "br" {
		w = brotli.NewWriterLevel(&buf, quality)
	} else {
		w, _ = gzip.NewWriterLevel(&buf, quality)
	}
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func tag(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// iconPNG is a 192×192 square in the explorer's theme colour.
func iconPNG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 192, 192))
	c := color.RGBA{0xb7, 0x1c, 0x1c, 0xff}
	for y := range 192 {
		for x := range 192 {
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}
