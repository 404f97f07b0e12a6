package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// zhPrefs renders in Chinese with the default preferences.
var zhPrefs = prefs{lang: zh}

// TestCatalogsComplete checks that every message id of the interface and
// of the charts is written in both languages with the same format verbs,
// so a translation can neither be missing nor drop or reorder an argument.
func TestCatalogsComplete(t *testing.T) {
	verbs := regexp.MustCompile(`%(\[\d+\])?[sdvq%]|\{[a-z]+\}`)
	for name, cat := range map[string]map[lang]map[string]string{"catalog": catalog, "chartMessages": chartMessages, "rowMessages": rowMessages, "stockMessages": stockMessages, "weekMessages": weekMessages} {
		for _, pair := range [][2]lang{{zh, en}, {en, zh}} {
			for id, s := range cat[pair[0]] {
				other, ok := cat[pair[1]][id]
				if !ok {
					t.Errorf("%s: %q has %s but no %s", name, id, pair[0], pair[1])
					continue
				}
				a, b := verbs.FindAllString(s, -1), verbs.FindAllString(other, -1)
				slices.Sort(a)
				slices.Sort(b)
				if !slices.Equal(a, b) {
					t.Errorf("%s: %q: %s has %v, %s has %v", name, id, pair[0], a, pair[1], b)
				}
			}
		}
	}
}

// TestMessageIDsExist reads the package's source for every message id
// written as a literal (p.T("id"), p.chartMsg("id")) and fails on one that
// no catalog holds: a missing id shows itself on the page, and the format
// verbs of its call then print as %!(EXTRA …).
func TestMessageIDsExist(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			lit, isLit := call.Args[0].(*ast.BasicLit)
			if !ok || !isLit || lit.Kind != token.STRING {
				return true
			}
			id, _ := strconv.Unquote(lit.Value)
			var found bool
			switch sel.Sel.Name {
			case "T":
				found = message(zh, id) != id
			case "chartMsg":
				found = lookup(chartMessages, zh, id) != id
			default:
				return true
			}
			if !found {
				t.Errorf("%s: message id %q is in no catalog", fset.Position(lit.Pos()), id)
			}
			return true
		})
	}
}

// TestCatalogsDisjoint fails on an id held by two catalogs: message takes
// the first, so the second would be silently shadowed.
func TestCatalogsDisjoint(t *testing.T) {
	seen := map[string]int{}
	for i, cat := range catalogs {
		for id := range cat[zh] {
			if j, dup := seen[id]; dup {
				t.Errorf("message %q is in catalogs %d and %d", id, j, i)
			}
			seen[id] = i
		}
	}
}
