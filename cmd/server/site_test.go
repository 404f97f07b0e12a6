package main

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

	"github.com/airesearch/aiweekly/app/ui"
)

func TestEncodingNegotiation(t *testing.T) {
	f := newFixture(t, 256<<10)
	_, srv := startSite(t, f.config())
	_, appJS := fetch(t, "GET", srv.URL+"/app.js", "Accept-Encoding: identity")

	files := []struct {
		path, contentType string
		want              []byte
	}{
		{"/web/app.wasm", "application/wasm", f.wasm},
		{"/data/report.json", "application/json; charset=utf-8", f.data},
		{"/app.js", "text/javascript; charset=utf-8", appJS},
		{"/web/icon.svg", "image/svg+xml", readFile(t, filepath.Join(f.root, "web", "icon.svg"))},
	}
	accepts := []struct{ accept, want string }{
		{"gzip, deflate, br, zstd", "br"},
		{"br", "br"},
		{"gzip", "gzip"},
		{"br;q=0, gzip", "gzip"},
		{"*", "br"},
		{"identity", ""},
		{"", ""},
		{"deflate", ""},
	}
	for _, file := range files {
		for _, a := range accepts {
			t.Run(fmt.Sprintf("%s/%q", file.path, a.accept), func(t *testing.T) {
				res, body := fetch(t, "GET", srv.URL+file.path, "Accept-Encoding: "+a.accept)
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
				if got := decode(t, res, body); !bytes.Equal(got, file.want) {
					t.Errorf("decoded body: %d bytes, differs from the original's %d", len(got), len(file.want))
				}
			})
		}
	}
}

func TestPNGNotCompressed(t *testing.T) {
	_, srv := startSite(t, newFixture(t, 1024).config())
	res, _ := fetch(t, "GET", srv.URL+"/web/icon-192.png", "Accept-Encoding: br, gzip")
	if got := res.Header.Get("Content-Encoding"); got != "" {
		t.Errorf("Content-Encoding = %q; want none for a PNG", got)
	}
	if got := res.Header.Get("Content-Type"); got != "image/png" {
		t.Errorf("Content-Type = %q; want image/png", got)
	}
}

func TestWasmContentLength(t *testing.T) {
	f := newFixture(t, 100_000)
	_, srv := startSite(t, f.config())
	_, body := fetch(t, "GET", srv.URL+"/app.js")
	want := fmt.Sprintf(`const goappWasmContentLength = "%d";`, len(f.wasm))
	if !bytes.Contains(body, []byte(want)) {
		t.Errorf("app.js lacks %s", want)
	}
}

func TestConditionalRequests(t *testing.T) {
	f := newFixture(t, 64<<10)
	_, srv := startSite(t, f.config())
	for _, path := range []string{"/web/app.wasm", "/data/report.json", "/app.js", "/app-worker.js", "/web/icon-192.png", "/", "/movers?list=ytd-gainers"} {
		for _, enc := range []string{"br", "gzip", "identity"} {
			t.Run(path+"/"+enc, func(t *testing.T) {
				res, _ := fetch(t, "GET", srv.URL+path, "Accept-Encoding: "+enc)
				etag := res.Header.Get("ETag")
				if !regexp.MustCompile(`^"[0-9a-f]{16}(-br|-gzip)?"$`).MatchString(etag) {
					t.Fatalf("ETag = %q; want a quoted strong tag", etag)
				}
				if got := res.Header.Get("Cache-Control"); got != "no-cache" {
					t.Errorf("Cache-Control = %q; want no-cache", got)
				}
				for _, inm := range []string{etag, "W/" + etag, `"other", ` + etag, "*"} {
					res, body := fetch(t, "GET", srv.URL+path, "Accept-Encoding: "+enc, "If-None-Match: "+inm)
					if res.StatusCode != http.StatusNotModified || len(body) != 0 {
						t.Errorf("If-None-Match %s: status %d with %d bytes; want 304 and none", inm, res.StatusCode, len(body))
					}
					if got := res.Header.Get("ETag"); got != etag {
						t.Errorf("If-None-Match %s: 304 ETag = %q; want %q", inm, got, etag)
					}
				}
				res, _ = fetch(t, "GET", srv.URL+path, "Accept-Encoding: "+enc, `If-None-Match: "0000000000000000"`)
				if res.StatusCode != http.StatusOK {
					t.Errorf("stale If-None-Match: status %d; want 200", res.StatusCode)
				}
			})
		}
	}
}

func TestETagDiffersByEncoding(t *testing.T) {
	_, srv := startSite(t, newFixture(t, 64<<10).config())
	br, _ := fetch(t, "GET", srv.URL+"/web/app.wasm", "Accept-Encoding: br")
	id, _ := fetch(t, "GET", srv.URL+"/web/app.wasm", "Accept-Encoding: identity")
	if br.Header.Get("ETag") == id.Header.Get("ETag") {
		t.Errorf("brotli and identity share ETag %s; a strong validator names one representation", br.Header.Get("ETag"))
	}
	res, _ := fetch(t, "GET", srv.URL+"/web/app.wasm", "Accept-Encoding: br", "If-None-Match: "+id.Header.Get("ETag"))
	if res.StatusCode != http.StatusOK {
		t.Errorf("br request with the identity ETag: status %d; want 200", res.StatusCode)
	}
}

func TestSecurityHeaders(t *testing.T) {
	_, srv := startSite(t, newFixture(t, 1024).config())
	cases := []struct {
		name, method, path string
		status             int
	}{
		{"page", "GET", "/", 200},
		{"wasm", "GET", "/web/app.wasm", 200},
		{"data", "GET", "/data/report.json", 200},
		{"not found page", "GET", "/nowhere", 404},
		{"plain not found", "GET", "/web/missing.png", 404},
		{"method", "POST", "/", 405},
		{"head", "HEAD", "/app.js", 200},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			res, _ := fetch(t, tt.method, srv.URL+tt.path)
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
	_, srv := startSite(t, newFixture(t, 1024).config())
	inlineScript := regexp.MustCompile(`<script\b[^>]*>\s*[^<\s]`)
	handlerAttr := regexp.MustCompile(`<[^>]*\son[a-z]+=`)
	for _, path := range append(ui.Paths(), "/stocks/商汤科技", "/nowhere") {
		t.Run(path, func(t *testing.T) {
			_, body := fetch(t, "GET", srv.URL+path)
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
	_, srv := startSite(t, newFixture(t, 1024).config())
	for _, method := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"} {
		for _, path := range []string{"/", "/data/report.json", "/web/app.wasm", "/nowhere"} {
			t.Run(method+" "+path, func(t *testing.T) {
				if method == "CONNECT" {
					// A CONNECT request names a host, not a path.
					path = "/"
				}
				res, _ := fetch(t, method, srv.URL+path)
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
		get, getBody := fetch(t, "GET", srv.URL+"/data/report.json", "Accept-Encoding: gzip")
		head, headBody := fetch(t, "HEAD", srv.URL+"/data/report.json", "Accept-Encoding: gzip")
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
	f := newFixture(t, 1024)
	const secret = "TOP-SECRET-OUTSIDE-WEB"
	writeFile(t, filepath.Join(f.root, "secret.txt"), []byte(secret))
	writeFile(t, filepath.Join(filepath.Dir(f.root), "secret.txt"), []byte(secret))
	writeFile(t, filepath.Join(f.root, "web", ".hidden.txt"), []byte(secret))
	mkdir(t, filepath.Join(f.root, "web", ".git"))
	writeFile(t, filepath.Join(f.root, "web", ".git", "config"), []byte(secret))
	if err := os.Symlink(filepath.Join(f.root, "secret.txt"), filepath.Join(f.root, "web", "link.txt")); err != nil {
		t.Fatal(err)
	}
	_, srv := startSite(t, f.config())
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
	f := newFixture(t, 1024)
	mkdir(t, filepath.Join(f.root, "web", "sub"))
	writeFile(t, filepath.Join(f.root, "web", "sub", "x.txt"), []byte("x"))
	_, srv := startSite(t, f.config())
	for _, path := range []string{"/web/", "/web", "/web/sub/", "/web/sub", "/data/", "/data"} {
		t.Run(path, func(t *testing.T) {
			res, body := fetch(t, "GET", srv.URL+path)
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("status = %d; want 404", res.StatusCode)
			}
			if bytes.Contains(body, []byte("app.wasm")) || bytes.Contains(body, []byte("x.txt")) {
				t.Errorf("body lists files: %.200s", body)
			}
		})
	}
	res, body := fetch(t, "GET", srv.URL+"/web/sub/x.txt")
	if res.StatusCode != 200 || string(body) != "x" {
		t.Errorf("GET /web/sub/x.txt: %d %q; want 200 \"x\"", res.StatusCode, body)
	}
}

func TestNotFound(t *testing.T) {
	s, srv := startSite(t, newFixture(t, 1024).config())
	_, home := fetch(t, "GET", srv.URL+"/")
	// Among them, paths go-app's handler would answer with a file.
	pages := []string{"/nowhere", "/movers/extra", "/index.html", "/Movers", "/app.wasm", "/goapp.wasm",
		"/goapp.js", "/manifest.json", "/" + s.version + "/app.js", "/" + s.version + "/web/app.wasm"}
	for _, path := range pages {
		t.Run("page "+path, func(t *testing.T) {
			res, body := fetch(t, "GET", srv.URL+path, "Accept-Encoding: gzip")
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("status = %d; want 404", res.StatusCode)
			}
			if got := res.Header.Get("Content-Type"); got != "text/html; charset=utf-8" {
				t.Errorf("Content-Type = %q; want text/html; charset=utf-8", got)
			}
			html := string(decode(t, res, body))
			for _, want := range []string{`id="app-wasm-loader"`, `src="/app.js"`, ui.T("notfound.title")} {
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
			res, body := fetch(t, "GET", srv.URL+path)
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("status = %d; want 404", res.StatusCode)
			}
			if bytes.Contains(body, []byte("<html")) {
				t.Errorf("a missing file got the app's page")
			}
		})
	}
	for _, path := range append(ui.Paths(), "/stocks/商汤科技", "/movers?list=ytd-gainers&q=科技") {
		t.Run("route "+path, func(t *testing.T) {
			res, body := fetch(t, "GET", srv.URL+path)
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
	f := newFixture(t, 1024)
	writeFile(t, filepath.Join(f.root, "web", "robots.txt"), []byte("User-agent: *\nAllow: /\n"))
	_, srv := startSite(t, f.config())
	res, body := fetch(t, "GET", srv.URL+"/robots.txt")
	if res.StatusCode != 200 || !strings.HasPrefix(string(body), "User-agent") {
		t.Errorf("GET /robots.txt: %d %q; want web/robots.txt", res.StatusCode, body)
	}
}

func TestVersion(t *testing.T) {
	f := newFixture(t, 4096)
	version := func() string {
		t.Helper()
		s, err := newSite(f.config(), discardLogger())
		if err != nil {
			t.Fatal(err)
		}
		return s.version
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
			name := filepath.Join(f.root, c.file)
			old, _ := os.ReadFile(name)
			writeFile(t, name, c.edit(old))
			v := version()
			if prev, ok := seen[v]; ok {
				t.Errorf("after changing %s the version is %s, as for %s", c.file, v, prev)
			}
			seen[v] = c.name
		})
	}
	// The served files carry the version the site computed.
	s, srv := startSite(t, f.config())
	_, js := fetch(t, "GET", srv.URL+"/app.js")
	if !bytes.Contains(js, []byte(`"GOAPP_VERSION":"`+s.version+`"`)) {
		t.Errorf("app.js does not carry version %s", s.version)
	}
}

func TestPrecompress(t *testing.T) {
	f := newFixture(t, 200_000)
	web := filepath.Join(f.root, "web")
	data := dataFile(f)
	var log bytes.Buffer
	if err := Run(t.Context(), []string{"-precompress", web, data}, &log, &log); err != nil {
		t.Fatalf("Run -precompress: %v", err)
	}
	for _, name := range []string{"web/app.wasm", "web/icon.svg", "web/app.css", "data/report.json"} {
		orig := readFile(t, filepath.Join(f.root, name))
		for enc, ext := range variantExt {
			b, err := os.ReadFile(filepath.Join(f.root, name+ext))
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
	if err := Run(t.Context(), []string{"-precompress", web, data}, &log, &log); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(log.String(), "wrote") {
		t.Errorf("second run rewrote variants:\n%s", log.String())
	}

	// The server sends the build-time variants byte for byte.
	_, srv := startSite(t, f.config())
	for path, file := range map[string]string{"/web/app.wasm": "web/app.wasm", "/data/report.json": "data/report.json"} {
		for enc, ext := range variantExt {
			res, body := fetch(t, "GET", srv.URL+path, "Accept-Encoding: "+enc)
			if want := readFile(t, filepath.Join(f.root, file+ext)); !bytes.Equal(body, want) {
				t.Errorf("GET %s: %s body (%d bytes) is not %s%s (%d bytes)", path, res.Header.Get("Content-Encoding"), len(body), file, ext, len(want))
			}
		}
	}

	// A rebuilt wasm makes the variants stale: the server must not send
	// the old binary to clients that accept brotli.
	newWasm := append(fakeWasm(200_000), "rebuilt"...)
	writeFile(t, filepath.Join(web, "app.wasm"), newWasm)
	_, srv = startSite(t, f.config())
	for _, enc := range []string{"br", "gzip"} {
		res, body := fetch(t, "GET", srv.URL+"/web/app.wasm", "Accept-Encoding: "+enc)
		if got := decode(t, res, body); !bytes.Equal(got, newWasm) {
			t.Errorf("%s: served the stale variant after a rebuild", enc)
		}
	}
}

func TestAccessLog(t *testing.T) {
	s, err := newSite(newFixture(t, 1024).config(), discardLogger())
	if err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	srv := httptest.NewServer(s.handler(slog.New(slog.NewTextHandler(&log, nil))))
	defer srv.Close()
	_, body := fetch(t, "GET", srv.URL+"/data/report.json", "Accept-Encoding: br")
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
	}{
		{"", false, false},
		{"gzip, deflate, br", true, true},
		{"BR, GZip", true, true},
		{"br;q=0, gzip;q=0.5", false, true},
		{"br; q=0.0", false, false},
		{"*", true, true},
		{"*;q=0", false, false},
		{"*, br;q=0", false, true},
		{"x-gzip", false, true},
		{"identity", false, false},
		{"gzip;q=abc", false, false},
	}
	for _, tt := range tests {
		ae := parseAcceptEncoding(tt.header)
		if got := ae.accepts("br"); got != tt.br {
			t.Errorf("parseAcceptEncoding(%q).accepts(br) = %v; want %v", tt.header, got, tt.br)
		}
		if got := ae.accepts("gzip"); got != tt.gzip {
			t.Errorf("parseAcceptEncoding(%q).accepts(gzip) = %v; want %v", tt.header, got, tt.gzip)
		}
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		for _, part := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(part), s) {
				return true
			}
		}
	}
	return false
}

// TestMarkupInPathStaysText sends paths whose decoded form holds markup:
// no page may carry it unescaped, in the head (go-app's og:url) or the body.
func TestMarkupInPathStaysText(t *testing.T) {
	_, srv := startSite(t, newFixture(t, 1024).config())
	tests := []struct{ path, markup string }{
		{"/stocks/x%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", `<img src=x onerror=alert(1)>`},
		{"/stocks/%22%20onmouseover%3D%22alert(1)", `" onmouseover="alert(1)`},
		{"/nowhere%22%3E%3Cscript%3Ealert(1)%3C/script%3E", `<script>alert(1)</script>`},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res, body := fetch(t, "GET", srv.URL+tt.path)
			html := string(decode(t, res, body))
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
	s, srv := startSite(t, newFixture(t, 1024).config())
	_, first := fetch(t, "GET", srv.URL+"/movers?list=ytd-gainers", "Accept-Encoding: gzip")
	_, second := fetch(t, "GET", srv.URL+"/movers?list=ytd-gainers", "Accept-Encoding: gzip")
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
}
