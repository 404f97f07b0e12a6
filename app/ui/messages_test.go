package ui

import (
	"regexp"
	"slices"
	"testing"
)

// zhPrefs renders in Chinese with the default preferences.
var zhPrefs = prefs{lang: zh}

// TestCatalogsComplete checks that every message id of the interface and
// of the charts is written in both languages with the same format verbs,
// so a translation can neither be missing nor drop or reorder an argument.
func TestCatalogsComplete(t *testing.T) {
	verbs := regexp.MustCompile(`%(\[\d+\])?[sdvq%]|\{[a-z]+\}`)
	for name, cat := range map[string]map[lang]map[string]string{"catalog": catalog, "chartMessages": chartMessages, "rowMessages": rowMessages} {
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
