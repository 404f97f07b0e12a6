package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// versionMeta names the meta tag holding the prerendered page's version.
const versionMeta = "app-version"

// StalePage reports whether the page the browser shows was prerendered by
// another version than the running code's: a deploy landed and the
// service worker still serves the old wasm. go-app must then not start, so
// the newer page stays; pwa.js makes the same comparison and shows the
// update banner. A page without the tag (an older build) is never stale.
func StalePage() bool {
	if !app.IsClient {
		return false
	}
	meta := app.Window().Get("document").Call("querySelector", `meta[name="`+versionMeta+`"]`)
	if !meta.Truthy() {
		return false
	}
	page, code := meta.Call("getAttribute", "content").String(), app.Getenv("GOAPP_VERSION")
	if page == code {
		return false
	}
	app.Logf("the page is of version %s, the code of %s: not starting over it", page, code)
	return true
}
