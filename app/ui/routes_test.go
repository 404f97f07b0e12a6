package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/testkit"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// patternPages are the pages Routes registers by pattern rather than from
// the route table.
var patternPages = []string{"notFoundPage", "rowPage", "stockPage"}

// declaredPages lists the types of app/ui's non-test files whose names end
// in "Page": every page component.
func declaredPages(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for _, f := range parseSources(tb) {
		ast.Inspect(f, func(n ast.Node) bool {
			if ts, ok := n.(*ast.TypeSpec); ok && strings.HasSuffix(ts.Name.Name, "Page") {
				out = append(out, ts.Name.Name)
			}
			return true
		})
	}
	sort.Strings(out)
	return out
}

// parseSources parses the package's non-test files.
func parseSources(tb testing.TB) []*ast.File {
	tb.Helper()
	names, err := filepath.Glob("*.go")
	if err != nil {
		tb.Fatal(err)
	}
	fset := token.NewFileSet()
	var out []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, f)
	}
	return out
}

// TestRouteTable checks that every page is reachable through the route
// table or one of Routes' patterns, and that what is derived from the
// table (navigation, 404s, the explorer views, the worker's precache)
// lists exactly its routes.
func TestRouteTable(t *testing.T) {
	site := NewSite(testkit.LoadReport(t))
	built := slices.Clone(patternPages)
	for _, r := range routeTable {
		built = append(built, reflect.TypeOf(r.newPage(site)).Elem().Name())
	}
	sort.Strings(built)
	if got := declaredPages(t); !slices.Equal(got, built) {
		t.Errorf("page types %q; the route table and Routes' patterns build %q", got, built)
	}

	var nav []string
	html := app.HTMLString(&shell{})
	for _, m := range regexp.MustCompile(`(?s)<nav[^>]*>.*</nav>`).FindAllString(html, -1) {
		for _, h := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(m, -1) {
			nav = append(nav, h[1])
		}
	}
	var navPaths []string
	for _, r := range navRoutes() {
		navPaths = append(navPaths, r.path)
	}
	if !slices.Equal(nav, navPaths) {
		t.Errorf("navigation links %q; want the route table's %q", nav, navPaths)
	}
	for _, p := range Paths() {
		if !IsKnownPath(p) {
			t.Errorf("IsKnownPath(%q) = false for a route of the table", p)
		}
	}
	for _, p := range []string{"/nowhere", "/movers/x", "/stocks/a/b", "/stocks/", "/stocksx/a", "/x/stocks/a"} {
		if IsKnownPath(p) {
			t.Errorf("IsKnownPath(%q) = true; want false", p)
		}
	}
	// Stock pages are matched written out: they are what stockPath says.
	stock := regexp.MustCompile(stockPath)
	for _, p := range []string{"/stocks/a", "/stocks/三六零", "/stocks/a%2Fb", "/stocks/\xff", "/stocks/a\nb", "/stocks/a/", "/stocks//a"} {
		if got, want := IsKnownPath(p), stock.MatchString(p); got != want {
			t.Errorf("IsKnownPath(%q) = %v; stockPath says %v", p, got, want)
		}
	}
	if got := explorerRoutes(); !slices.Equal(got, explore.TableRoutes) {
		t.Errorf("explorer views %q; want app/explore's table routes %q", got, explore.TableRoutes)
	}
	for _, r := range routeTable {
		if r.explorer != nil && (r.path != string(r.explorer.route) || explore.SortKeys(r.explorer.route) == nil) {
			t.Errorf("route %s: explorer spec of %q, which has no table", r.path, r.explorer.route)
		}
	}
}

var routesOnce sync.Once

// TestRoutesRegistered serves every route through a go-app handler after
// Routes, as the server does: each fixed route is the table's page (its
// entry marked in the navigation), a stock path the stock page, and any
// other path the not-found page. go-app's router is process-global, so
// Routes runs once for the whole test binary.
func TestRoutesRegistered(t *testing.T) {
	rep := testkit.LoadReport(t)
	routesOnce.Do(func() { Routes(NewSite(rep)) })
	h := &app.Handler{Title: "t"}
	get := func(path string) string {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		b, _ := io.ReadAll(rec.Result().Body)
		return string(b)
	}
	current := regexp.MustCompile(`<a [^>]*aria-current="page"[^>]*>`)
	for _, r := range routeTable {
		page := get(r.path)
		if r.nav == "" {
			if !strings.Contains(page, `id="search-count"`) {
				t.Errorf("GET %s: not the search page", r.path)
			}
			continue
		}
		if a := current.FindString(page); !strings.Contains(a, `href="`+r.path+`"`) {
			t.Errorf("GET %s: the navigation marks %q; want the link to %s", r.path, a, r.path)
		}
		if r.explorer != nil && !strings.Contains(page, `id="count"`) {
			t.Errorf("GET %s: no explorer view", r.path)
		}
	}
	if page := get("/stocks/三六零"); !strings.Contains(page, `id="movers"`) {
		t.Errorf("GET /stocks/三六零: not the stock page")
	}
	if page := get("/nowhere"); !strings.Contains(page, zhPrefs.T("notfound.text")) {
		t.Errorf("GET /nowhere: not the not-found page")
	}
}
