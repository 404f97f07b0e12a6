package e2e

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Company names a file or a path segment cannot hold as they are: the
// report's 源杰科技, 昆仑万维 and 返利科技 renamed with a slash, a backslash
// and to 2,000 characters.
var (
	slashName     = "源杰/科技"
	backslashName = `昆仑\万维`
	longName      = "返利科技" + strings.Repeat("长", 1996)
)

// namesData writes data/report.json with the three companies renamed,
// wherever the report prints their names, and returns its path.
func namesData(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "data", "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	for old, name := range map[string]string{"源杰科技": slashName, "昆仑万维": backslashName, "返利科技": longName} {
		quoted := strings.ReplaceAll(strings.ReplaceAll(name, `\`, `\\`), `"`, `\"`)
		if !bytes.Contains(b, []byte(old)) {
			t.Fatalf("data/report.json does not name %s", old)
		}
		b = bytes.ReplaceAll(b, []byte(old), []byte(quoted))
	}
	file := filepath.Join(t.TempDir(), "report.json")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestHostileNames serves a report whose company names hold a slash, a
// backslash and 2,000 characters: the Go server answers each company's
// page, encoded slashes included, the wasm routes it, and the static
// export, which has no file for them, leaves them to 404.html, which
// boots the app on the page.
func TestHostileNames(t *testing.T) {
	data := namesData(t)
	s := startServer(t, "-data", data)
	names := []string{slashName, backslashName, longName}

	for _, name := range names {
		path := "/stocks/" + url.PathEscape(name)
		t.Run("server"+short(path), func(t *testing.T) {
			res, err := http.Get(s.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %.300s", res.StatusCode, body)
			}
			for _, want := range []string{"<h1>" + htmlText(name), `href="` + path + `?colors=intl"`} {
				if !bytes.Contains(body, []byte(want)) {
					t.Errorf("page lacks %s", short(want))
				}
			}
		})
	}
	openNames(t, "wasm", s.URL, names)
	for _, target := range []string{"/movers%2Fx", "/web%2Fapp.wasm", "/stocks/a%2F..%2Fb"} {
		res, err := http.Get(s.URL + target)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d; want 404", target, res.StatusCode)
		}
	}

	dir := filepath.Join(t.TempDir(), "dist")
	export := exec.Command(filepath.Join(root, "bin", "server"), "-export", dir, "-data", data, "-brotli-quality", "1")
	export.Dir = root
	if b, err := export.CombinedOutput(); err != nil {
		t.Fatalf("export: %v\n%s", err, b)
	}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && (len(d.Name()) > 255 || strings.ContainsAny(d.Name(), `\`)) {
			t.Errorf("export wrote %s", short(p))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "stocks", "源杰")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("export made stocks/源杰 for %s: %v", slashName, err)
	}
	host := httptest.NewServer(pagesHost(dir))
	t.Cleanup(host.Close)
	openNames(t, "export", host.URL, names)
}

// openNames opens the stock page of each name below base in the browser:
// the live page shows the company. Each page has a tab of its own, so
// that a slow page on a busy machine spends its own time limit, not the
// others'.
func openNames(t *testing.T, label, base string, names []string) {
	for _, name := range names {
		path := "/stocks/" + url.PathEscape(name)
		t.Run(label+short(path), func(t *testing.T) {
			ctx := newTab(t)
			open(t, ctx, base+path, "main h1")
			if h := textOf(t, ctx, "main h1"); h != name {
				t.Errorf("h1 = %s; want %s", short(h), short(name))
			}
		})
	}
}

// pagesHost serves dir as GitHub Pages does: a file by its path, a
// directory by its index.html, /movers by movers.html, and anything else
// with 404.html and status 404.
func pagesHost(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := filepath.Join(dir, filepath.FromSlash(r.URL.Path))
		if st, err := os.Stat(p); err == nil && !st.IsDir() || err == nil && fileExists(filepath.Join(p, "index.html")) {
			files.ServeHTTP(w, r)
			return
		}
		if fileExists(p + ".html") {
			http.ServeFile(w, r, p+".html")
			return
		}
		b, err := os.ReadFile(filepath.Join(dir, "404.html"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(b)
	})
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// short cuts s for a test name or message.
func short(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// htmlText is s as go-app writes text into the page it prerenders.
func htmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
