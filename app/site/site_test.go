//go:build !wasm

package site

import (
	"bufio"
	"bytes"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/airesearch/aiweekly/app/site/sitetest"
)

func TestEncodingNegotiation(t *testing.T) {
	f := sitetest.NewFixture(t, 256<<10)
	_, srv := startSite(t, config(f))
	_, appJS := sitetest.Fetch(t, "GET", srv.URL+"/app.js", "Accept-Encoding: identity")

	files := []struct {
		path, contentType string
		want              []byte
	}{
		{"/web/app.wasm", "application/wasm", f.Wasm},
		{"/data/report.json", "application/json; charset=utf-8", f.Data},
		{"/app.js", "text/javascript; charset=utf-8", appJS},
		{"/web/icon.svg", "image/svg+xml", sitetest.ReadFile(t, filepath.Join(f.Root, "web", "icon.svg"))},
	}
	accepts := []struct{ accept, want string }{
		{"gzip, deflate, br, zstd", "br"},
		{"br", "br"},
		{"gzip", "gzip"},
		{"br;q=0, gzip", "gzip"},
		{"gzip;q=1.0, br;q=0.1", "gzip"},
		{"*", "br"},
		{"identity", ""},
		{"", ""},
		{"deflate", ""},
	}
	for _, file := range files {
		for _, a := range accepts {
			t.Run(fmt.Sprintf("%s/%q", file.path, a.accept), func(t *testing.T) {
				res, body := sitetest.Fetch(t, "GET", srv.URL+file.path, "Accept-Encoding: "+a.accept)
				if res.StatusCode != http.StatusOK {
					t.Fatalf("status = %d; want 200", res.StatusCode)
				}
				want := a.want
				if file.path == "/web/icon.svg" && want != "" && res.Header.Get("Content-Encoding") == "" {
					// A tiny file may not shrink: then identity is right.
					want = ""
				}
				if got := res.Header.Get("Content-Encoding"); got != want {
					t.Errorf("Content-Encoding = %q; want %q", got, want)
				}
				if got := res.Header.Values("Vary"); !contains(got, "Accept-Encoding") {
					t.Errorf("Vary = %q; want Accept-Encoding", got)
				}
				if got := res.Header.Get("Content-Type"); got != file.contentType {
					t.Errorf("Content-Type = %q; want %q", got, file.contentType)
				}
				if got := res.Header.Get("Content-Length"); got != strconv.Itoa(len(body)) {
					t.Errorf("Content-Length = %s; want %d", got, len(body))
				}
				if got := sitetest.Decode(t, res, body); !bytes.Equal(got, file.want) {
					t.Errorf("decoded body: %d bytes, differs from the original's %d", len(got), len(file.want))
				}
			})
		}
	}
}

func TestPNGNotCompressed(t *testing.T) {
	_, srv := startSite(t, config(sitetest.NewFixture(t, 1024)))
	res, _ := sitetest.Fetch(t, "GET", srv.URL+"/web/icon-192.png", "Accept-Encoding: br, gzip")
	if got := res.Header.Get("Content-Encoding"); got != "" {
		t.Errorf("Content-Encoding = %q; want none for a PNG", got)
	}
	if got := res.Header.Get("Content-Type"); got != "image/png" {
		t.Errorf("Content-Type = %q; want image/png", got)
	}
}

func TestWasmContentLength(t *testing.T) {
	f := sitetest.NewFixture(t, 100_000)
	_, srv := startSite(t, config(f))
	_, body := sitetest.Fetch(t, "GET", srv.URL+"/app.js")
	want := fmt.Sprintf(`const goappWasmContentLength = "%d";`, len(f.Wasm))
	if !bytes.Contains(body, []byte(want)) {
		t.Errorf("app.js lacks %s", want)
	}
}

func TestConditionalRequests(t *testing.T) {
	f := sitetest.NewFixture(t, 64<<10)
	_, srv := startSite(t, config(f))
	for _, path := range []string{"/web/app.wasm", "/data/report.json", "/app.js", "/app-worker.js", "/web/icon-192.png", "/", "/movers?list=ytd-gainers"} {
		for _, enc := range []string{"br", "gzip", "identity"} {
			t.Run(path+"/"+enc, func(t *testing.T) {
				res, _ := sitetest.Fetch(t, "GET", srv.URL+path, "Accept-Encoding: "+enc)
				etag := res.Header.Get("ETag")
				if !regexp.MustCompile(`^"[0-9a-f]{16}(-br|-gzip)?"$`).MatchString(etag) {
					t.Fatalf("ETag = %q; want a quoted strong tag", etag)
				}
				if got := res.Header.Get("Cache-Control"); got != "no-cache" {
					t.Errorf("Cache-Control = %q; want no-cache", got)
				}
				for _, inm := range []string{etag, "W/" + etag, `"other", ` + etag, "*"} {
					res, body := sitetest.Fetch(t, "GET", srv.URL+path, "Accept-Encoding: "+enc, "If-None-Match: "+inm)
					if res.StatusCode != http.StatusNotModified || len(body) != 0 {
						t.Errorf("If-None-Match %s: status %d with %d bytes; want 304 and none", inm, res.StatusCode, len(body))
					}
					if got := res.Header.Get("ETag"); got != etag {
						t.Errorf("If-None-Match %s: 304 ETag = %q; want %q", inm, got, etag)
					}
				}
				res, _ = sitetest.Fetch(t, "GET", srv.URL+path, "Accept-Encoding: "+enc, `If-None-Match: "0000000000000000"`)
				if res.StatusCode != http.StatusOK {
					t.Errorf("stale If-None-Match: status %d; want 200", res.StatusCode)
				}
			})
		}
	}
}

// TestRange asks for byte ranges of the wasm: http.ServeContent answers
// with 206 and the bytes of the representation the encoding picks, and a
// matching If-None-Match still gets 304.
func TestRange(t *testing.T) {
	f := sitetest.NewFixture(t, 64<<10)
	_, srv := startSite(t, config(f))
	_, br := sitetest.Fetch(t, "GET", srv.URL+"/web/app.wasm", "Accept-Encoding: br")
	tests := []struct {
		name, accept, rng string
		want              []byte
		contentRange      string
	}{
		{"identity", "identity", "bytes=0-7", f.Wasm[:8], fmt.Sprintf("bytes 0-7/%d", len(f.Wasm))},
		{"identity middle", "", "bytes=100-199", f.Wasm[100:200], fmt.Sprintf("bytes 100-199/%d", len(f.Wasm))},
		{"identity suffix", "", "bytes=-16", f.Wasm[len(f.Wasm)-16:], fmt.Sprintf("bytes %d-%d/%d", len(f.Wasm)-16, len(f.Wasm)-1, len(f.Wasm))},
		{"brotli", "br", "bytes=10-19", br[10:20], fmt.Sprintf("bytes 10-19/%d", len(br))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := sitetest.Fetch(t, "GET", srv.URL+"/web/app.wasm", "Accept-Encoding: "+tt.accept, "Range: "+tt.rng)
			if res.StatusCode != http.StatusPartialContent {
				t.Fatalf("Range %s: status %d; want 206", tt.rng, res.StatusCode)
			}
			if !bytes.Equal(body, tt.want) {
				t.Errorf("Range %s: body %x; want %x", tt.rng, body, tt.want)
			}
			if got := res.Header.Get("Content-Range"); got != tt.contentRange {
				t.Errorf("Content-Range = %q; want %q", got, tt.contentRange)
			}
			if got := res.Header.Get("Content-Length"); got != strconv.Itoa(len(tt.want)) {
				t.Errorf("Content-Length = %s; want %d", got, len(tt.want))
			}
			etag := res.Header.Get("ETag")
			res, body = sitetest.Fetch(t, "GET", srv.URL+"/web/app.wasm", "Accept-Encoding: "+tt.accept, "Range: "+tt.rng, "If-None-Match: "+etag)
			if res.StatusCode != http.StatusNotModified || len(body) != 0 {
				t.Errorf("Range with If-None-Match %s: status %d with %d bytes; want 304 and none", etag, res.StatusCode, len(body))
			}
		})
	}
	res, _ := sitetest.Fetch(t, "GET", srv.URL+"/web/app.wasm", "Range: bytes=99999999-")
	if res.StatusCode != http.StatusRequestedRangeNotSatisfiable {
		t.Errorf("Range past the end: status %d; want 416", res.StatusCode)
	}
}

func TestETagDiffersByEncoding(t *testing.T) {
	_, srv := startSite(t, config(sitetest.NewFixture(t, 64<<10)))
	br, _ := sitetest.Fetch(t, "GET", srv.URL+"/web/app.wasm", "Accept-Encoding: br")
	id, _ := sitetest.Fetch(t, "GET", srv.URL+"/web/app.wasm", "Accept-Encoding: identity")
	if br.Header.Get("ETag") == id.Header.Get("ETag") {
		t.Errorf("brotli and identity share ETag %s; a strong validator names one representation", br.Header.Get("ETag"))
	}
	res, _ := sitetest.Fetch(t, "GET", srv.URL+"/web/app.wasm", "Accept-Encoding: br", "If-None-Match: "+id.Header.Get("ETag"))
	if res.StatusCode != http.StatusOK {
		t.Errorf("br request with the identity ETag: status %d; want 200", res.StatusCode)
	}
}

func TestSecurityHeaders(t *testing.T) {
	_, srv := startSite(t, config(sitetest.NewFixture(t, 1024)))
	cases := []struct {
		name, method, path string
		status             int
		headers            []string
	}{
		{"page", "GET", "/", 200, nil},
		{"wasm", "GET", "/web/app.wasm", 200, nil},
		{"data", "GET", "/data/report.json", 200, nil},
		{"not found page", "GET", "/nowhere", 404, nil},
		{"plain not found", "GET", "/web/missing.png", 404, nil},
		{"method", "POST", "/", 405, nil},
		{"head", "HEAD", "/app.js", 200, nil},
		{"headers too large", "GET", "/", 431, []string{"X-Big: " + strings.Repeat("a", 40<<10)}},
		{"long URL", "GET", "/movers?q=" + strings.Repeat("a", 40<<10), 200, nil},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			res, _ := sitetest.Fetch(t, tt.method, srv.URL+tt.path, tt.headers...)
			if res.StatusCode != tt.status {
				t.Errorf("status = %d; want %d", res.StatusCode, tt.status)
			}
			csp := res.Header.Get("Content-Security-Policy")
			for _, want := range []string{"script-src 'self' 'wasm-unsafe-eval'", "frame-ancestors 'none'", "object-src 'none'", "default-src 'self'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("Content-Security-Policy = %q; want it to contain %q", csp, want)
				}
			}
			if strings.Contains(csp, "'unsafe-eval'") || strings.Contains(csp, "script-src 'self' 'unsafe-inline'") {
				t.Errorf("Content-Security-Policy = %q allows script eval or inline script", csp)
			}
			for k, want := range map[string]string{
				"X-Content-Type-Options": "nosniff",
				"Referrer-Policy":        "no-referrer",
				"X-Frame-Options":        "DENY",
			} {
				if got := res.Header.Get(k); got != want {
					t.Errorf("%s = %q; want %q", k, got, want)
				}
			}
		})
	}
}

// TestPagesFitCSP checks the assumptions the policy rests on: the
// prerendered pages hold no inline script, event-handler attribute, <style>
// element or style attribute, and load nothing from other origins. If a
// page gains a style attribute (go-app's Style(), go-chart's SVG), the
// policy must allow it: see contentSecurityPolicy.
func TestPagesFitCSP(t *testing.T) {
	_, srv := startSite(t, config(sitetest.NewFixture(t, 1024)))
	inlineScript := regexp.MustCompile(`<script\b[^>]*>\s*[^<\s]`)
	handlerAttr := regexp.MustCompile(`<[^>]*\son[a-z]+=`)
	for _, path := range append(append([]string{}, routes...), "/stocks/商汤科技", "/nowhere") {
		t.Run(path, func(t *testing.T) {
			_, body := sitetest.Fetch(t, "GET", srv.URL+path)
			if m := inlineScript.Find(body); m != nil {
				t.Errorf("inline script: %s", m)
			}
			if m := handlerAttr.Find(body); m != nil {
				t.Errorf("event-handler attribute: %s", m)
			}
			if bytes.Contains(body, []byte("<style")) {
				t.Errorf("page has a <style> element")
			}
			if m := regexp.MustCompile(`<[^>]*\sstyle=`).Find(body); m != nil {
				t.Errorf("style attribute, which style-src 'self' blocks: %s", m)
			}
			for _, src := range regexp.MustCompile(`(?:src|href)="(https?:)?//`).FindAll(body, -1) {
				t.Errorf("page loads from another origin: %s", src)
			}
		})
	}
}

func TestMethods(t *testing.T) {
	_, srv := startSite(t, config(sitetest.NewFixture(t, 1024)))
	for _, method := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"} {
		for _, path := range []string{"/", "/data/report.json", "/web/app.wasm", "/nowhere"} {
			t.Run(method+" "+path, func(t *testing.T) {
				if method == "CONNECT" {
					// A CONNECT request names a host, not a path.
					path = "/"
				}
				res, _ := sitetest.Fetch(t, method, srv.URL+path)
				if res.StatusCode != http.StatusMethodNotAllowed {
					t.Errorf("status = %d; want 405", res.StatusCode)
				}
				if got := res.Header.Get("Allow"); got != "GET, HEAD" {
					t.Errorf("Allow = %q; want %q", got, "GET, HEAD")
				}
			})
		}
	}
	t.Run("HEAD", func(t *testing.T) {
		get, getBody := sitetest.Fetch(t, "GET", srv.URL+"/data/report.json", "Accept-Encoding: gzip")
		head, headBody := sitetest.Fetch(t, "HEAD", srv.URL+"/data/report.json", "Accept-Encoding: gzip")
		if head.StatusCode != 200 || len(headBody) != 0 {
			t.Errorf("HEAD: status %d, %d body bytes; want 200 and none", head.StatusCode, len(headBody))
		}
		if got, want := head.Header.Get("Content-Length"), strconv.Itoa(len(getBody)); got != want {
			t.Errorf("HEAD Content-Length = %s; want %s", got, want)
		}
		if head.Header.Get("ETag") != get.Header.Get("ETag") {
			t.Errorf("HEAD ETag = %s; GET's is %s", head.Header.Get("ETag"), get.Header.Get("ETag"))
		}
	})
}

// rawGet sends a request line exactly as given, which no client library
// would do for the hostile paths, and returns the response.
func rawGet(tb testing.TB, addr, target string) (*http.Response, []byte) {
	tb.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, addr)
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		tb.Fatalf("GET %s: %v", target, err)
	}
	defer res.Body.Close()
	var body bytes.Buffer
	body.ReadFrom(res.Body)
	return res, body.Bytes()
}

func TestHostilePaths(t *testing.T) {
	f := sitetest.NewFixture(t, 1024)
	const secret = "TOP-SECRET-OUTSIDE-WEB"
	sitetest.WriteFile(t, filepath.Join(f.Root, "secret.txt"), []byte(secret))
	sitetest.WriteFile(t, filepath.Join(filepath.Dir(f.Root), "secret.txt"), []byte(secret))
	sitetest.WriteFile(t, filepath.Join(f.Root, "web", ".hidden.txt"), []byte(secret))
	sitetest.Mkdir(t, filepath.Join(f.Root, "web", ".git"))
	sitetest.WriteFile(t, filepath.Join(f.Root, "web", ".git", "config"), []byte(secret))
	if err := os.Symlink(filepath.Join(f.Root, "secret.txt"), filepath.Join(f.Root, "web", "link.txt")); err != nil {
		t.Fatal(err)
	}
	_, srv := startSite(t, config(f))
	addr := srv.Listener.Addr().String()

	for _, target := range []string{
		"/web/../secret.txt",
		"/web/../../secret.txt",
		"/web/%2e%2e/secret.txt",
		"/web/%2E%2E/%2e%2e/secret.txt",
		"/web/..%2fsecret.txt",
		"/web/..%2Fsecret.txt",
		"/web/%2e%2e%2fsecret.txt",
		"/web/..%5csecret.txt",
		"/web/..\\secret.txt",
		"/web\\..\\secret.txt",
		"/data/../secret.txt",
		"/data/..%2fsecret.txt",
		"/data/%2e%2e/secret.txt",
		"/..%2fsecret.txt",
		"/%2e%2e/secret.txt",
		"/../secret.txt",
		"//secret.txt",
		"/web//../secret.txt",
		"/web/./../secret.txt",
		"/web/%252e%252e/secret.txt",
		"/web/.hidden.txt",
		"/web/.git/config",
		"/web/link.txt",
		"/web/app.wasm%00",
		"/web/%00/../secret.txt",
		"/secret.txt",
		"/web/secret.txt",
		"/stocks/..%2f..%2fsecret.txt",
		"http://example.com/web/../secret.txt",
	} {
		t.Run(target, func(t *testing.T) {
			res, body := rawGet(t, addr, target)
			if bytes.Contains(body, []byte(secret)) {
				t.Fatalf("GET %s: status %d served the secret file", target, res.StatusCode)
			}
			if res.StatusCode != http.StatusNotFound && res.StatusCode != http.StatusBadRequest {
				t.Errorf("GET %s: status %d; want 404 or 400", target, res.StatusCode)
			}
		})
	}
}

func TestNoDirectoryListing(t *testing.T) {
	f := sitetest.NewFixture(t, 1024)
	sitetest.Mkdir(t, filepath.Join(f.Root, "web", "sub"))
	sitetest.WriteFile(t, filepath.Join(f.Root, "web", "sub", "x.txt"), []byte("x"))
	_, srv := startSite(t, config(f))
	for _, path := range []string{"/web/", "/web", "/web/sub/", "/web/sub", "/data/", "/data"} {
		t.Run(path, func(t *testing.T) {
			res, body := sitetest.Fetch(t, "GET", srv.URL+path)
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("status = %d; want 404", res.StatusCode)
			}
			if bytes.Contains(body, []byte("app.wasm")) || bytes.Contains(body, []byte("x.txt")) {
				t.Errorf("body lists files: %.200s", body)
			}
		})
	}
	res, body := sitetest.Fetch(t, "GET", srv.URL+"/web/sub/x.txt")
	if res.StatusCode != 200 || string(body) != "x" {
		t.Errorf("GET /web/sub/x.txt: %d %q; want 200 \"x\"", res.StatusCode, body)
	}
}

func TestNotFound(t *testing.T) {
	s, srv := startSite(t, config(sitetest.NewFixture(t, 1024)))
	_, home := sitetest.Fetch(t, "GET", srv.URL+"/")
	// Among them, paths go-app's handler would answer with a file.
	pages := []string{"/nowhere", "/movers/extra", "/index.html", "/Movers", "/app.wasm", "/goapp.wasm",
		"/goapp.js", "/manifest.json", "/" + s.Version() + "/app.js", "/" + s.Version() + "/web/app.wasm",
		"/stocks/%ff%fe", "/%c3%28"}
	for _, path := range pages {
		t.Run("page "+path, func(t *testing.T) {
			res, body := sitetest.Fetch(t, "GET", srv.URL+path, "Accept-Encoding: gzip")
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("status = %d; want 404", res.StatusCode)
			}
			if got := res.Header.Get("Content-Type"); got != "text/html; charset=utf-8" {
				t.Errorf("Content-Type = %q; want text/html; charset=utf-8", got)
			}
			html := string(sitetest.Decode(t, res, body))
			if !utf8.ValidString(html) {
				t.Errorf("404 page is not valid UTF-8")
			}
			for _, want := range []string{`id="app-wasm-loader"`, `src="/app.js"`, notFoundTitle} {
				if !strings.Contains(html, want) {
					t.Errorf("404 page lacks %s", want)
				}
			}
			if html == string(home) {
				t.Errorf("404 page is the home page")
			}
		})
	}
	plain := []string{"/web/missing.png", "/data/x", "/data/report.json.br", "/web/app.wasm.br", "/robots.txt", "/favicon.ico"}
	for _, path := range plain {
		t.Run("plain "+path, func(t *testing.T) {
			res, body := sitetest.Fetch(t, "GET", srv.URL+path)
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("status = %d; want 404", res.StatusCode)
			}
			if bytes.Contains(body, []byte("<html")) {
				t.Errorf("a missing file got the app's page")
			}
		})
	}
	for _, path := range append(append([]string{}, routes...), "/stocks/商汤科技", "/movers?list=ytd-gainers&q=科技") {
		t.Run("route "+path, func(t *testing.T) {
			res, body := sitetest.Fetch(t, "GET", srv.URL+path)
			if res.StatusCode != http.StatusOK {
				t.Errorf("status = %d; want 200", res.StatusCode)
			}
			if !bytes.Contains(body, []byte(`src="/app.js"`)) {
				t.Errorf("not a go-app page: %.200s", body)
			}
		})
	}
}

func TestRobotsFromWeb(t *testing.T) {
	f := sitetest.NewFixture(t, 1024)
	sitetest.WriteFile(t, filepath.Join(f.Root, "web", "robots.txt"), []byte("User-agent: *\nAllow: /\n"))
	_, srv := startSite(t, config(f))
	res, body := sitetest.Fetch(t, "GET", srv.URL+"/robots.txt")
	if res.StatusCode != 200 || !strings.HasPrefix(string(body), "User-agent") {
		t.Errorf("GET /robots.txt: %d %q; want web/robots.txt", res.StatusCode, body)
	}
}

func TestVersion(t *testing.T) {
	f := sitetest.NewFixture(t, 4096)
	version := func() string {
		t.Helper()
		s, err := New(config(f), sitetest.DiscardLogger())
		if err != nil {
			t.Fatal(err)
		}
		return s.Version()
	}
	v1 := version()
	if v2 := version(); v2 != v1 {
		t.Fatalf("version of the same files: %s, then %s; want equal", v1, v2)
	}
	changes := []struct {
		name string
		file string
		edit func([]byte) []byte
	}{
		{"data", "data/report.json", func(b []byte) []byte { return append(b, '\n') }},
		{"wasm", "web/app.wasm", func(b []byte) []byte { return append(b, 0) }},
		{"icon", "web/icon.svg", func(b []byte) []byte { return append(b, ' ') }},
		{"new file", "web/robots.txt", func([]byte) []byte { return []byte("User-agent: *\n") }},
	}
	seen := map[string]string{v1: "original"}
	for _, c := range changes {
		t.Run(c.name, func(t *testing.T) {
			name := filepath.Join(f.Root, c.file)
			old, _ := os.ReadFile(name)
			sitetest.WriteFile(t, name, c.edit(old))
			v := version()
			if prev, ok := seen[v]; ok {
				t.Errorf("after changing %s the version is %s, as for %s", c.file, v, prev)
			}
			seen[v] = c.name
		})
	}
	// The served files carry the version the site computed.
	s, srv := startSite(t, config(f))
	_, js := sitetest.Fetch(t, "GET", srv.URL+"/app.js")
	if !bytes.Contains(js, []byte(`"GOAPP_VERSION":"`+s.Version()+`"`)) {
		t.Errorf("app.js does not carry version %s", s.Version())
	}
}

func TestPrecompress(t *testing.T) {
	f := sitetest.NewFixture(t, 200_000)
	web := filepath.Join(f.Root, "web")
	data := f.DataFile()
	var log bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&log, nil))
	if err := Precompress([]string{web, data}, BestBrotli, logger); err != nil {
		t.Fatalf("Precompress: %v", err)
	}
	for _, name := range []string{"web/app.wasm", "web/icon.svg", "web/app.css", "data/report.json"} {
		orig := sitetest.ReadFile(t, filepath.Join(f.Root, name))
		for enc, ext := range variantExt {
			b, err := os.ReadFile(filepath.Join(f.Root, name+ext))
			if err != nil {
				if name == "web/icon.svg" {
					continue // too small to shrink, perhaps
				}
				t.Fatalf("%s%s: %v", name, ext, err)
			}
			if got, err := decompress(enc, b); err != nil || !bytes.Equal(got, orig) {
				t.Errorf("%s%s does not decode to %s (err %v)", name, ext, name, err)
			}
		}
	}
	for _, name := range []string{"icon-192.png.br", "icon-192.png.gz"} {
		if _, err := os.Stat(filepath.Join(web, name)); err == nil {
			t.Errorf("%s written; PNG is not compressible", name)
		}
	}

	// A second run keeps what is fresh.
	log.Reset()
	if err := Precompress([]string{web, data}, BestBrotli, logger); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(log.String(), "wrote") {
		t.Errorf("second run rewrote variants:\n%s", log.String())
	}

	// The server sends the build-time variants byte for byte.
	_, srv := startSite(t, config(f))
	for path, file := range map[string]string{"/web/app.wasm": "web/app.wasm", "/data/report.json": "data/report.json"} {
		for enc, ext := range variantExt {
			res, body := sitetest.Fetch(t, "GET", srv.URL+path, "Accept-Encoding: "+enc)
			if want := sitetest.ReadFile(t, filepath.Join(f.Root, file+ext)); !bytes.Equal(body, want) {
				t.Errorf("GET %s: %s body (%d bytes) is not %s%s (%d bytes)", path, res.Header.Get("Content-Encoding"), len(body), file, ext, len(want))
			}
		}
	}

	// A rebuilt wasm makes the variants stale: the server must not send
	// the old binary to clients that accept brotli.
	newWasm := append(sitetest.FakeWasm(200_000), "rebuilt"...)
	sitetest.WriteFile(t, filepath.Join(web, "app.wasm"), newWasm)
	_, srv = startSite(t, config(f))
	for _, enc := range []string{"br", "gzip"} {
		res, body := sitetest.Fetch(t, "GET", srv.URL+"/web/app.wasm", "Accept-Encoding: "+enc)
		if got := sitetest.Decode(t, res, body); !bytes.Equal(got, newWasm) {
			t.Errorf("%s: served the stale variant after a rebuild", enc)
		}
	}
}

func TestAccessLog(t *testing.T) {
	var log bytes.Buffer
	s, err := New(config(sitetest.NewFixture(t, 1024)), slog.New(slog.NewTextHandler(&log, nil)))
	if err != nil {
		t.Fatal(err)
	}
	log.Reset()
	srv := httptest.NewServer(s)
	defer srv.Close()
	_, body := sitetest.Fetch(t, "GET", srv.URL+"/data/report.json", "Accept-Encoding: br")
	srv.Close()
	line := log.String()
	for _, want := range []string{"msg=request", "method=GET", "path=/data/report.json", "status=200", "bytes=" + strconv.Itoa(len(body)), "encoding=br", "duration="} {
		if !strings.Contains(line, want) {
			t.Errorf("access log %q lacks %s", line, want)
		}
	}
}

func TestParseAcceptEncoding(t *testing.T) {
	tests := []struct {
		header   string
		br, gzip bool
		best     string // of br and gzip
	}{
		{"", false, false, ""},
		{"gzip, deflate, br", true, true, "br"},
		{"BR, GZip", true, true, "br"},
		{"br;q=0, gzip;q=0.5", false, true, "gzip"},
		{"br; q=0.0", false, false, ""},
		{"*", true, true, "br"},
		{"*;q=0", false, false, ""},
		{"*, br;q=0", false, true, "gzip"},
		{"x-gzip", false, true, "gzip"},
		{"identity", false, false, ""},
		{"gzip;q=abc", false, false, ""},
		{"gzip;q=1.0, br;q=0.1", true, true, "gzip"},
		{"br;q=0.5, gzip;q=0.5", true, true, "br"},
		{"br;q=0.9, *;q=1", true, true, "gzip"},
	}
	for _, tt := range tests {
		ae := parseAcceptEncoding(tt.header)
		if got := ae.weight("br") > 0; got != tt.br {
			t.Errorf("parseAcceptEncoding(%q) accepts br = %v; want %v", tt.header, got, tt.br)
		}
		if got := ae.weight("gzip") > 0; got != tt.gzip {
			t.Errorf("parseAcceptEncoding(%q) accepts gzip = %v; want %v", tt.header, got, tt.gzip)
		}
		if got := ae.best("br", "gzip"); got != tt.best {
			t.Errorf("parseAcceptEncoding(%q).best(br, gzip) = %q; want %q", tt.header, got, tt.best)
		}
	}
}

// TestMarkupInPathStaysText sends paths whose decoded form holds markup:
// no page may carry it unescaped, in the head (go-app's og:url) or the body.
func TestMarkupInPathStaysText(t *testing.T) {
	_, srv := startSite(t, config(sitetest.NewFixture(t, 1024)))
	tests := []struct{ path, markup string }{
		{"/stocks/x%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", `<img src=x onerror=alert(1)>`},
		{"/stocks/%22%20onmouseover%3D%22alert(1)", `" onmouseover="alert(1)`},
		{"/nowhere%22%3E%3Cscript%3Ealert(1)%3C/script%3E", `<script>alert(1)</script>`},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res, body := sitetest.Fetch(t, "GET", srv.URL+tt.path)
			html := string(sitetest.Decode(t, res, body))
			if !strings.Contains(html, `src="/app.js"`) {
				t.Fatalf("status %d, not a go-app page: %.200s", res.StatusCode, html)
			}
			if strings.Contains(html, tt.markup) {
				i := strings.Index(html, tt.markup)
				t.Errorf("page holds %q unescaped: ...%s...", tt.markup, html[max(0, i-120):i+len(tt.markup)])
			}
		})
	}
}

// TestPageCache serves a page twice from one render and keeps the cache
// bounded however many distinct links arrive.
func TestPageCache(t *testing.T) {
	s, srv := startSite(t, config(sitetest.NewFixture(t, 1024)))
	_, first := sitetest.Fetch(t, "GET", srv.URL+"/movers?list=ytd-gainers", "Accept-Encoding: gzip")
	_, second := sitetest.Fetch(t, "GET", srv.URL+"/movers?list=ytd-gainers", "Accept-Encoding: gzip")
	if !bytes.Equal(first, second) {
		t.Errorf("second response differs from the first: the page was not served from the cache")
	}
	if _, ok := s.pages.get("gzip /movers?list=ytd-gainers"); !ok {
		t.Errorf("page not cached under its encoding and URL")
	}
	var c pageCache
	for i := range maxCachedPages + 10 {
		c.put(strconv.Itoa(i), &resource{})
	}
	if n := len(c.pages); n > maxCachedPages {
		t.Errorf("cache holds %d pages; want at most %d", n, maxCachedPages)
	}
	c = pageCache{}
	for i := range 10 {
		c.put(strconv.Itoa(i), &resource{identity: make([]byte, maxCachedBytes/4)})
	}
	if c.bytes > maxCachedBytes {
		t.Errorf("cache holds %d bytes; want at most %d", c.bytes, maxCachedBytes)
	}
}

// TestPageCacheByView checks that the cache keys a page by the view its
// query means: junk parameters share the entry of the plain view and never
// reach another reader's page, and a query that does not all apply is
// answered with its notice and not cached.
func TestPageCacheByView(t *testing.T) {
	s, srv := startSite(t, config(sitetest.NewFixture(t, 1024)))
	_, junk := sitetest.Fetch(t, "GET", srv.URL+"/movers?sort=-return&zzjunk=evilvalue&list=ytd-gainers", "Accept-Encoding: identity")
	_, plain := sitetest.Fetch(t, "GET", srv.URL+"/movers?list=ytd-gainers&sort=-return", "Accept-Encoding: identity")
	if bytes.Contains(junk, []byte("evilvalue")) || bytes.Contains(plain, []byte("evilvalue")) {
		t.Errorf("a parameter the page ignores reached the page")
	}
	n := 0
	for k := range s.pages.pages {
		if strings.Contains(k, "/movers") {
			n++
			if k != " /movers?list=ytd-gainers&sort=-return" {
				t.Errorf("cache key %q; want the canonical view", k)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d cache entries for one view; want 1", n)
	}
	_, bogus := sitetest.Fetch(t, "GET", srv.URL+"/movers?list=bogus", "Accept-Encoding: identity")
	if !bytes.Contains(bogus, []byte(`data-value="bogus"`)) {
		t.Errorf("/movers?list=bogus lacks its notice")
	}
	if _, ok := s.pages.get(" /movers?list=bogus"); ok {
		t.Errorf("a page with a notice was cached")
	}
}

// TestTrailingSlash redirects a page's path with a trailing slash to the
// page, query kept; a path that names no page is still a 404.
func TestTrailingSlash(t *testing.T) {
	_, srv := startSite(t, config(sitetest.NewFixture(t, 1024)))
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for path, want := range map[string]string{
		"/movers/":                             "/movers",
		"/movers/?list=ytd-gainers":            "/movers?list=ytd-gainers",
		"/stocks/360/":                         "/stocks/360",
		"/about/":                              "/about",
		"/nowhere/":                            "",
		"/movers//":                            "",
		"/stocks/%E4%B8%89%E5%85%AD%E9%9B%B6/": "/stocks/%E4%B8%89%E5%85%AD%E9%9B%B6",
	} {
		t.Run(path, func(t *testing.T) {
			res, err := client.Get(srv.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			switch {
			case want == "" && res.StatusCode != http.StatusNotFound:
				t.Errorf("status %d; want 404", res.StatusCode)
			case want != "" && (res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != want):
				t.Errorf("status %d to %q; want 301 to %q", res.StatusCode, res.Header.Get("Location"), want)
			}
		})
	}
}
