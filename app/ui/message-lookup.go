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

// message is id in language l, from the page catalog or, for the ids it
// lacks, from rowMessages.
func message(l lang, id string) string {
	if _, ok := catalog[zh][id]; !ok {
		return lookup(rowMessages, l, id)
	}
	return lookup(catalog, l, id)
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
