//go:build !wasm

package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// resource is one response body held in memory, in its identity encoding
// and, when they are smaller, brotli and gzip encodings of it.
type resource struct {
	contentType string
	identity    []byte
	br, gz      []byte
	// compressible says the representation depends on Accept-Encoding,
	// so responses carry Vary: Accept-Encoding.
	compressible bool
	// tag is a digest of identity; ETags add the content coding to it,
	// since a strong validator names one representation.
	tag string
}

// newResource returns a resource of body with the given content type. The
// caller adds compressed variants.
func newResource(contentType string, body []byte) *resource {
	return &resource{
		contentType:  contentType,
		identity:     body,
		compressible: isCompressibleType(contentType),
		tag:          digest(body),
	}
}

// setVariant keeps b as the variant in encoding enc ("br" or "gzip") when it
// is smaller than the identity body.
func (res *resource) setVariant(enc string, b []byte) {
	if b == nil || len(b) >= len(res.identity) {
		return
	}
	switch enc {
	case "br":
		res.br = b
	case "gzip":
		res.gz = b
	}
}

// pick returns the encoding to send to a client that sent accept as its
// Accept-Encoding, with its body: the variant the client weighs highest,
// brotli before gzip at equal weight, else identity.
func (res *resource) pick(accept string) (enc string, body []byte) {
	var offered []string
	if res.br != nil {
		offered = append(offered, "br")
	}
	if res.gz != nil {
		offered = append(offered, "gzip")
	}
	switch parseAcceptEncoding(accept).best(offered...) {
	case "br":
		return "br", res.br
	case "gzip":
		return "gzip", res.gz
	}
	return "", res.identity
}

// etag returns the strong validator of the representation in encoding enc
// ("" for identity).
func (res *resource) etag(enc string) string {
	if enc == "" {
		return `"` + res.tag + `"`
	}
	return `"` + res.tag + "-" + enc + `"`
}

// serve writes res with the given status. Every response may be stored but
// must be revalidated (no-cache), which lets browsers and the service
// worker reuse what has not changed without ever running stale code or
// data.
//
// A 200 goes through http.ServeContent, as Caddy's file server does: the
// ETag, Content-Type and Content-Encoding are set first, and the standard
// library answers If-None-Match (304), HEAD and Range (206) on the bytes of
// the chosen encoding. ServeContent leaves Content-Length alone when
// Content-Encoding is set and no range was asked for, so it is set here
// too; for a range ServeContent replaces it.
func (res *resource) serve(w http.ResponseWriter, r *http.Request, status int) {
	enc, body := res.pick(r.Header.Get("Accept-Encoding"))
	h := w.Header()
	if res.compressible {
		h.Add("Vary", "Accept-Encoding")
	}
	h.Set("Cache-Control", "no-cache")
	h.Set("Content-Type", res.contentType)
	if enc != "" {
		h.Set("Content-Encoding", enc)
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if status == http.StatusOK {
		h.Set("ETag", res.etag(enc))
		http.ServeContent(blockWriter{w}, r, "", time.Time{}, bytes.NewReader(body))
		return
	}
	// Other statuses (the not-found page) have no validator and no ranges.
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// blockWriter makes http.ServeContent write a body in blocks of
// copyBlock bytes instead of io.Copy's 32 KiB. Writes smaller than the
// link's segment size (64 KiB on loopback) to a client with a small
// receive window stall about 200 ms each, which made an 8 MiB response
// take a minute (TestGracefulShutdown in cmd/server).
type blockWriter struct{ http.ResponseWriter }

// copyBlock is the size of blockWriter's writes.
const copyBlock = 256 << 10

var copyBuffers = sync.Pool{New: func() any { b := make([]byte, copyBlock); return &b }}

// ReadFrom is what io.Copy calls: it copies src with a pooled buffer.
func (w blockWriter) ReadFrom(src io.Reader) (int64, error) {
	buf := copyBuffers.Get().(*[]byte)
	defer copyBuffers.Put(buf)
	// The struct hides the ResponseWriter's own ReadFrom, which would
	// copy in 32 KiB blocks again.
	return io.CopyBuffer(struct{ io.Writer }{w.ResponseWriter}, src, *buf)
}

// acceptEncoding is a parsed Accept-Encoding header: coding -> q-value.
type acceptEncoding map[string]float64

func parseAcceptEncoding(header string) acceptEncoding {
	ae := acceptEncoding{}
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding == "" {
			continue
		}
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				if err != nil {
					f = 0
				}
				q = f
			}
		}
		ae[coding] = q
	}
	return ae
}

// weight is the q-value the client gives coding, named or through *; 0
// when it does not accept it.
func (ae acceptEncoding) weight(coding string) float64 {
	if q, ok := ae[coding]; ok {
		return q
	}
	if coding == "gzip" {
		if q, ok := ae["x-gzip"]; ok {
			return q
		}
	}
	return ae["*"]
}

// best returns the one of offered, in the server's order of preference,
// that the client weighs highest (gzip;q=1, br;q=0.1 gets gzip), or "" for
// identity when it accepts none of them.
func (ae acceptEncoding) best(offered ...string) string {
	best, bestQ := "", 0.0
	for _, c := range offered {
		if q := ae.weight(c); q > bestQ {
			best, bestQ = c, q
		}
	}
	return best
}

// digest is a short hex SHA-256 of b, long enough to tell versions apart.
func digest(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// contentTypes maps the extensions the app uses to their media types, so
// the answer does not depend on the host's MIME tables.
var contentTypes = map[string]string{
	".css":         "text/css; charset=utf-8",
	".csv":         "text/csv; charset=utf-8",
	".gif":         "image/gif",
	".html":        "text/html; charset=utf-8",
	".ico":         "image/x-icon",
	".jpeg":        "image/jpeg",
	".jpg":         "image/jpeg",
	".js":          "text/javascript; charset=utf-8",
	".json":        "application/json; charset=utf-8",
	".map":         "application/json; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".png":         "image/png",
	".svg":         "image/svg+xml",
	".txt":         "text/plain; charset=utf-8",
	".wasm":        "application/wasm",
	".webmanifest": "application/manifest+json",
	".webp":        "image/webp",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".xml":         "application/xml; charset=utf-8",
}

// contentTypeOf returns the media type of a file by its name.
func contentTypeOf(name string) string {
	if ct, ok := contentTypes[strings.ToLower(path.Ext(name))]; ok {
		return ct
	}
	return "application/octet-stream"
}

// isCompressibleType reports whether bodies of this media type shrink under
// brotli and gzip. Images other than SVG and fonts are compressed already.
func isCompressibleType(ct string) bool {
	mt, _, _ := strings.Cut(ct, ";")
	switch {
	case strings.HasPrefix(mt, "text/"),
		mt == "application/wasm",
		mt == "application/json",
		mt == "application/manifest+json",
		mt == "application/xml",
		mt == "image/svg+xml",
		mt == "image/x-icon":
		return true
	}
	return false
}
