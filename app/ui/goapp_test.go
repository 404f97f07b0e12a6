package ui

import (
	"go/ast"
	"net/url"
	"testing"

	"github.com/airesearch/aiweekly/app/testkit"
)

// attributeSetters are go-app's setters whose value is written into the
// prerendered page with strconv.Quote; the value is their last argument.
var attributeSetters = map[string]bool{"DataSet": true, "Aria": true, "Title": true, "Value": true}

// headSetters are the page's setters whose value go-app writes into the
// head, as text and as an attribute; the value is their first argument,
// a format, so it must also be the only one.
var headSetters = map[string]bool{"SetTitle": true, "SetDescription": true}

// TestAttributesEscaped checks that every value given to an attribute
// setter is a string literal, a catalog string (T) or escaped with attr, so
// that a value from the data or a link can never end its attribute in the
// page the server prerenders (see goapp.go).
func TestAttributesEscaped(t *testing.T) {
	for _, f := range parseSources(t) {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if ok && headSetters[sel.Sel.Name] {
				if len(call.Args) != 1 || !isCall(call.Args[0], "headText") {
					t.Errorf("%s: .%s(...) is not given exactly headText(...)", f.Name.Name+"/"+fileOf(f, call), sel.Sel.Name)
				}
				return true
			}
			if !ok || !attributeSetters[sel.Sel.Name] {
				return true
			}
			if !escapedValue(call.Args[len(call.Args)-1]) {
				t.Errorf("%s: .%s(...) sets a value that is neither a literal, .T(...) nor attr(...)",
					f.Name.Name+"/"+fileOf(f, call), sel.Sel.Name)
			}
			return true
		})
	}
}

// escapedValue reports whether e is safe in a prerendered attribute.
func escapedValue(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return true
	case *ast.CallExpr:
		switch f := e.Fun.(type) {
		case *ast.Ident:
			return f.Name == "attr"
		case *ast.SelectorExpr:
			return f.Sel.Name == "T" // a catalog string, ours
		}
	}
	return false
}

// isCall reports whether e is a call of the function named name.
func isCall(e ast.Expr, name string) bool {
	c, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := c.Fun.(*ast.Ident)
	return ok && id.Name == name
}

func TestHeadText(t *testing.T) {
	for in, want := range map[string]string{
		`三六零`: `三六零`,
		`"><meta http-equiv=refresh content=0;url=x>`: `＂><meta http-equiv=refresh content=0;url=x>`,
		"a\xffb": "a\uFFFDb",
	} {
		if got := headText(in); got != want {
			t.Errorf("headText(%q) = %q; want %q", in, got, want)
		}
	}
}

// fileOf names the call's position for a failure message.
func fileOf(f *ast.File, n ast.Node) string {
	for _, d := range f.Decls {
		if d.Pos() <= n.Pos() && n.End() <= d.End() {
			if fd, ok := d.(*ast.FuncDecl); ok {
				return fd.Name.Name
			}
		}
	}
	return "?"
}

func TestPagePath(t *testing.T) {
	for path, want := range map[string]string{
		"/stocks/%E4%B8%89":     "/stocks/%E4%B8%89", // the server's encoded path, kept
		"/stocks/三":             "/stocks/%E4%B8%89", // a decoded one, encoded
		"/stocks/a%2Fb":         "/stocks/a%2Fb",
		`/stocks/x"><img>`:      "/stocks/x%22%3E%3Cimg%3E",
		"/stocks/50%":           "/stocks/50%25",
		"/movers":               "/movers",
		"/stocks/a b&c'd":       "/stocks/a%20b&c'd",
		"/stocks/%zz":           "/stocks/%25zz",
		"/stocks/\\x":           "/stocks/%5Cx",
		"/stocks/%e4%b8%89-UW~": "/stocks/%e4%b8%89-UW~",
	} {
		if got := pagePath(&url.URL{Path: path}); got != want {
			t.Errorf("pagePath(%q) = %q; want %q", path, got, want)
		}
	}
}

func TestStockName(t *testing.T) {
	for path, want := range map[string]string{
		"/stocks/%E4%B8%89%E5%85%AD%E9%9B%B6": "三六零", "/stocks/A%2FB": "A/B", "/stocks/A%5CB": `A\B`,
	} {
		if name, ok := stockName(path); name != want || !ok {
			t.Errorf("stockName(%q) = %q, %v; want %q", path, name, ok, want)
		}
	}
	for _, path := range []string{"/stocks/A/B", "/stocks/", "/movers", "/stocks/%zz"} {
		if name, ok := stockName(path); ok {
			t.Errorf("stockName(%q) = %q; want no stock page", path, name)
		}
	}
}

func TestIsPage(t *testing.T) {
	rep := testkit.LoadReport(t)
	for path, want := range map[string]bool{
		"/": true, "/about": true, "/stocks/360": true, "/stocks/%E4%B8%89%E5%85%AD%E9%9B%B6": true,
		"/stocks/nonexistent": false, "/stocks/360/x": false, "/nowhere": false, "/about.html": false,
	} {
		if got := IsPage(rep, path); got != want {
			t.Errorf("IsPage(%q) = %v; want %v", path, got, want)
		}
	}
	if !IsPage(nil, "/stocks/nonexistent") {
		t.Errorf("without a report, a stock page is not a page")
	}
}

func TestExportedRoute(t *testing.T) {
	for path, want := range map[string]string{
		"/about.html": "/about", "/movers.html": "/movers", "/movers/index.html": "/movers",
		"/index.html": "/", "/index/index.html": "/index", "/stocks/360.html": "/stocks/360",
		"/stocks/%E4%B8%89.html": "/stocks/%E4%B8%89", "/stocks/360/index.html": "/stocks/360",
		"/about": "", "/": "", "/stocks/360": "", "/nowhere.html": "", "/about.htm": "", "/a/b/index.html": "",
		"/stocks/.html": "", "/stocks/a/b.html": "", "/404.html": "",
	} {
		got, ok := exportedRoute(path)
		if got != want || ok != (want != "") {
			t.Errorf("exportedRoute(%q) = %q, %v; want %q", path, got, ok, want)
		}
	}
}
