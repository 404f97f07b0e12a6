package ui

import "github.com/airesearch/aiweekly/app/explore"

// T returns the interface string for id in the render's language.
//
// It is kept out of line: it is called at hundreds of sites, and inlining
// it there would grow the wasm by kilobytes.
//
//go:noinline
func (p prefs) T(id string) string { return message(p.lang, id) }

// Message returns the interface string id in language l, for the packages
// and tests outside ui that need the words a page shows.
func Message(l explore.Lang, id string) string { return message(l, id) }

// catalogs are the page catalog and the ones kept apart from it, in the
// order message looks an id up.
var catalogs = []map[lang]map[string]string{catalog, stockMessages, rowMessages, weekMessages}

// message is id in language l, from the first catalog that holds it.
func message(l lang, id string) string {
	for _, cat := range catalogs {
		if _, ok := cat[zh][id]; ok {
			return lookup(cat, l, id)
		}
	}
	return id
}

// lookup returns message id of cat in language l, falling back to Chinese
// and then to the id itself.
func lookup(cat map[lang]map[string]string, l lang, id string) string {
	if s, ok := cat[l][id]; ok {
		return s
	}
	if s, ok := cat[zh][id]; ok {
		return s
	}
	return id
}
