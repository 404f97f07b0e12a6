//go:build !wasm

package site

import (
	"log/slog"
	"net/http"
	"strings"
	"time"
)

// contentSecurityPolicy allows what go-app needs and nothing more:
//
//   - scripts only from the site: go-app's pages load wasm_exec.js and
//     app.js by URL and hold no inline script or event-handler attribute;
//     'wasm-unsafe-eval' lets app.js compile app.wasm. Nothing calls eval.
//   - style sheets only from the site, and no inline styles: the pages
//     link their CSS and carry no style attribute (TestPagesFitCSP checks
//     both). go-app writes Style() as a style attribute and go-chart's SVG
//     styles shapes with style attributes; a page that shows either needs
//     "style-src-attr 'unsafe-inline'" here, or SVG presentation
//     attributes (fill=, stroke=) instead, which CSP does not restrict.
//   - fetches (the wasm, the data, the service worker filling its cache),
//     images, fonts, the manifest and the worker from the site only.
//   - no plugins, no <base> rewriting, forms submit only to the site, and
//     no framing by anyone.
var contentSecurityPolicy = strings.Join([]string{
	"default-src 'self'",
	"script-src 'self' 'wasm-unsafe-eval'",
	"style-src 'self'",
	"img-src 'self'",
	"font-src 'self'",
	"connect-src 'self'",
	"worker-src 'self'",
	"manifest-src 'self'",
	"object-src 'none'",
	"base-uri 'none'",
	"form-action 'self'",
	"frame-ancestors 'none'",
}, "; ")

// securityHeaders are set on every response.
var securityHeaders = map[string]string{
	"Content-Security-Policy":      contentSecurityPolicy,
	"X-Content-Type-Options":       "nosniff",
	"X-Frame-Options":              "DENY",
	"Referrer-Policy":              "no-referrer",
	"Permissions-Policy":           "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
	"Cross-Origin-Opener-Policy":   "same-origin",
	"Cross-Origin-Resource-Policy": "same-origin",
}

// withSecurityHeaders sets securityHeaders on every response of next.
func withSecurityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for k, v := range securityHeaders {
			h.Set(k, v)
		}
		next.ServeHTTP(w, r)
	})
}

// VersionHeader names the response header that carries the build's
// version. The service worker compares it with its own version for every
// file it precaches, and the browser app for the data, so that neither
// keeps a file of another build when a deploy lands mid-download.
const VersionHeader = "X-App-Version"

// withVersion sets VersionHeader to version on every response of next.
func withVersion(next http.Handler, version string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set(VersionHeader, version)
		next.ServeHTTP(w, r)
	})
}

// maxFieldBytes bounds a request's header fields; the app needs none of
// any size (no cookies, no authorization).
const maxFieldBytes = 32 << 10

// withHeaderLimit answers 431 to a request whose header fields, the URL
// aside, pass maxFieldBytes. net/http would answer it too, at its own
// larger limit and without the security headers around this handler.
func withHeaderLimit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := 0
		for k, vs := range r.Header {
			for _, v := range vs {
				n += len(k) + len(v) + 4 // ": " and CRLF
			}
		}
		if n > maxFieldBytes {
			http.Error(w, http.StatusText(http.StatusRequestHeaderFieldsTooLarge), http.StatusRequestHeaderFieldsTooLarge)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// withAccessLog logs one structured line per request: method, path,
// status, body bytes written, duration and content coding.
func withAccessLog(next http.Handler, logger *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		lw := &logWriter{ResponseWriter: w}
		next.ServeHTTP(lw, r)
		if lw.status == 0 {
			lw.status = http.StatusOK
		}
		logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", lw.status),
			slog.Int64("bytes", lw.bytes),
			slog.Duration("duration", time.Since(start)),
			slog.String("encoding", w.Header().Get("Content-Encoding")),
		)
	})
}

// logWriter records the status and size of a response for the access log.
type logWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *logWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *logWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(p)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *logWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
