package ui

// This file holds every place where the app works around go-app v10.1.11.
// Each entry names what go-app does (file:line in the module source,
// $(go env GOMODCACHE)/github.com/maxence-charriere/go-app/v10@v10.1.11),
// what we do instead, and the test that fails without the workaround.
//
//  1. Prerendered attributes are quoted, not escaped. pkg/app/node.go:751
//     writes each attribute value with strconv.Quote, so a " from a link
//     ends the attribute. Every attribute value that is not a literal or a
//     catalog string goes through attr, which escapes it for HTML on the
//     server. Tests: TestAttr, FuzzAttr, TestPrerenderEscapes, and
//     TestAttributesEscaped, which fails on a DataSet, Title, Aria or
//     Value call whose value is neither a literal, a catalog string nor
//     attr(...), so that escaping is checked rather than remembered.
//     The page title is a case of its own: SetTitle (pkg/app/page.go:102)
//     goes into <title> as text, which go-app escapes, and into the
//     og:title attribute (pkg/app/http.go:676), which it only quotes, so
//     attr's entities would show in the tab. Titles go through headText,
//     which replaces the one character that ends a quoted attribute.
//     Tests: TestHeadText, TestAttributesEscaped (which also fails on a
//     SetTitle or SetDescription not given headText(...)), and app/e2e
//     TestHostileReportServer.
//  2. ReplaceURL does not navigate. pkg/app/page.go:272 (browserPage.
//     ReplaceURL) only calls history.replaceState: OnNav is not called and
//     go-app's current page stays stale. replaceView replaces the entry and
//     dispatches a popstate, which go-app handles as Back and Forward
//     (pkg/app/browser.go:69) by navigating to the address bar.
//     Test: app/e2e TestExploreClicks/"typing replaces the entry" and the
//     steps after it.
//  3. An input keeps its text across views. pkg/app/node.go:471-490
//     updates an attribute only when its value differs from the one it
//     rendered last, not from what the field holds, and removes a dropped
//     attribute (node.go:475), which leaves a field's text as it is. So
//     the search box and the date fields would keep the text of an earlier
//     view; syncInputs sets them after each navigation. It leaves the
//     focused field alone, whose text is ahead of the URL while typing;
//     but Back or Forward with the box focused must set it too, so the
//     explorer tells the two apart by the values typed (typedQueries in
//     search-box.go). Tests: app/e2e TestExploreContract, whose views
//     follow each other in one tab; TestBackRestoresSearchBox.
//  4. Only HTML links are followed in the app. pkg/app/browser.go:34-35
//     walks up from a click to a tag named "A"; an SVG <a> is "a", so a
//     chart bar's link would reload the page. followSVGLink navigates
//     within the app instead. Tests: TestInternalURL, app/e2e
//     TestChartConstituentsClick.
//  5. Prefixes. go-app's PrefixedLocation (pkg/app/resource.go:75)
//     prefixes every URL attribute, which doubles the prefix of links the
//     app makes and breaks "#main"; its root prefix is read back from
//     GOAPP_ROOT_PREFIX (pkg/app/http.go:310, pkg/app/engine.go:144).
//     prefixResolver (handler.go, server only) prefixes go-app's own
//     files only, and rootPrefix gives the app's links theirs. Tests:
//     cmd/server TestPrefixServing, app/e2e TestStaticExport (under /sub).
//  6. Event handlers are compared by code pointer. pkg/app/event.go:92-96
//     (eventHandler.Equal) keeps the listener already in the DOM when the
//     new handler has the same code, so a closure keeps the captures of
//     its first render (the state, the column to sort by). Handlers that
//     act on one of many elements are explorer methods that read the
//     current state from the explorer and the element's data-key through
//     dataKey; each such OnClick says so. Test: app/e2e
//     TestExploreClicks/"sort return", which fails when the sort handler
//     is a closure over the state it was rendered with.
//  7. The route table is process-global. app.Route (pkg/app/app.go:133)
//     registers into go-app's one package-level router, so [Routes] is
//     called once per process and the pages it registers keep the [Site]
//     they were given. TestRoutesRegistered covers the registration.
//  8. The wasm mounts over any page. RunWhenOnBrowser (pkg/app/app.go:89)
//     navigates and renders over the body whatever page the server sent,
//     and the version it knows is the one of app.js (GOAPP_VERSION,
//     pkg/app/http.go:308), which the service worker serves from the
//     cache of the version it installed. After a deploy, a reload gets the
//     new prerendered page from the network and the old app.js and wasm
//     from the old cache, which would re-render the old data over the new
//     page. The page carries its version in a meta tag (NewHandler), and
//     cmd/wasm does not start go-app when [StalePage] reports that it
//     differs; web/pwa.js shows the update banner instead. Tests: app/e2e
//     TestDeployReloadKeepsNewPage, TestDeployDuringFirstVisit.
//  9. The server's page URL holds the escaped path. go-app writes the
//     page's path into og:url (pkg/app/http.go:673-674) with
//     strconv.Quote, so app/site's servePage hands it the percent-encoded
//     path as the URL's Path, in which no quote survives. pagePath reads
//     the escaped path from either kind of URL, so links made from it are
//     encoded once. Test: app/site TestStockLinksEncodedOnce.
// 10. go-app's router matches the decoded path. pkg/app/route.go:37-51
//     (router.routed) and :54 match the URL's Path, which in the browser
//     is decoded, so /stocks/a%2Fb is /stocks/a/b there and would miss a
//     one-segment route. In the browser the stock route takes any path
//     below /stocks/ (stockRoute) and the page reads its name from the
//     escaped path, refusing a second segment. Tests: TestStockName,
//     app/e2e TestHostileNames.
// 11. Pages opened by their file name. A static host serves the export's
//     about.html at /about.html, and go-app would route that path to the
//     not-found page. Before go-app reads the address, exportedRoute
//     (routes.go) rewrites it to the route the file holds (/about, / for
//     index.html, /movers for movers/index.html), as web/pwa.js drops a
//     trailing slash. Tests: TestExportedRoute, app/e2e TestStaticExport.
// 12. Children are reconciled by position. pkg/app/node.go:409-440
//     (updateHTML) updates the i-th old child with the i-th new one, so a
//     filter that drops a row patches every row after it. A table row is
//     a tableRow component: an unchanged row is not rendered again (its
//     fields compare equal, node.go:519-545), and one that now shows
//     another record is updated in place, which sets the texts and
//     attributes that differ: about 25 calls into JavaScript for a row of
//     /movers where replacing it (a CompoID, node.go:342) mounts it anew
//     for about 140. The rows have no handler of their own (one listener
//     for their copy buttons, row-link.go), so nothing they capture goes
//     stale; focus in a row follows its record (focusRow, focus.go).
//     Test: app/e2e TestInteractionMutations, TestRowFocusFollowsRecord.
// 13. PreventUpdate counts down. pkg/app/context.go:234 subtracts one from
//     the component's pending updates, so a dispatch that prevents its
//     own update can cancel another due in the same frame (a navigation's).
//     The scroll listener of the row window dispatches only when the
//     window moves. Test: app/e2e TestExploreClicks/"sort return", which
//     failed when the listener dispatched and prevented on every scroll.
// 14. The first render replaces the whole page in one task: pkg/app/
//     engine.go:200 (engineX.Load) mounts the new tree at once. The first
//     shell mounts what the window shows, the rest a node per task
//     (staged.go). Tests: TestStaged; app/e2e TestLargestPaintIsPrerendered
//     checks that the content of the first paint stays.
// 15. go-app's http.go links net/http into every wasm: see cmd/wasmmod.
// 16. app.Getenv calls into JavaScript: pkg/app/app.go:38-47 asks app.js
//     on every call (three calls across the wasm boundary), and every link
//     needs the root prefix, so a 10,000-row chart made 60,000 calls. In the
//     browser rootPrefix reads it once (browserPrefix). Test: app/e2e
//     TestInteractionMutations, which bounds the calls into JavaScript.
// 17. The first frame runs in the first render's task. RunWhenOnBrowser
//     (pkg/app/app.go:110-111) starts the engine right after the first
//     mount; the engine's first frame is due at once (engine.go:235-236)
//     and renders again every component that navigated, in the same long
//     task. cmd/wasmmod's edit to go-app's app.go yields to the browser
//     between the two. Test: cmd/wasmmod TestEditsApply. The same holds
//     for any work after a timer: Go runs a timer that is due by the time
//     its scheduler looks in the same task, so our start (cmd/wasm, the
//     report's parse, staged.go) yields with a posted message (Yield).
// 18. The Go program starts in the instantiation's task. go-app's app.js
//     calls go.run in the microtask after instantiateStreaming resolves
//     (pkg/app/gen/app.js:240-245), so finishing the compile, Go's runtime
//     start and every package's initialisation are one task. web/pwa.js
//     wraps Go.prototype.run to start the program after a posted message.
//     Test: every app/e2e test starts the wasm through it.
// 19. A frame waits for a tick. pkg/app/engine.go:228-260 (engineX.Start,
//     started at 120 frames a second, app.go:111) renders what a dispatch
//     updated at the ticker's next tick, so a keystroke waited 8.3 ms
//     before any work. The browser build's copy of go-app renders once the
//     dispatch queue is empty, or when the last frame is a tick old, so
//     bursts still render at most 120 times a second (cmd/wasmmod's
//     patch.go). Test: cmd/wasmmod TestEditsApply.
// 20. Every string handed to the DOM is a call. syscall/js copies each Go
//     string argument in a call of its own, so go-app's setAttribute
//     (pkg/app/attribute.go:108) took three calls and createElement
//     (pkg/app/js_wasm.go:319) three. The browser build's copy passes tag
//     names, attribute names and short values as JavaScript strings made
//     once, and an element's children in one append; it compares a
//     component's pointer fields by address, not reflect.DeepEqual
//     (pkg/app/node.go:796), so that go-app's check of an unchanged table
//     row costs no map of visits (patch.go). Tests: cmd/wasmmod
//     TestEditsApply; app/e2e TestInteractionMutations bounds the calls.
// 21. The engine opens the local storage in its first frame. engineX.Start
//     (pkg/app/engine.go:239) walks localStorage for expired states, and
//     the browser loads the storage on its first use while the page waits,
//     inside that frame. cmd/wasm opens it in a task of its own before
//     go-app starts (OpenStorage). No test: only a trace shows the wait.

import (
	"net/url"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// attr makes s safe as an attribute value in the page the server
// prerenders. go-app writes attribute values there with strconv.Quote,
// which escapes a double quote as \" — not an HTML escape — so a " from a
// link (q, a notice's value) would end the attribute and let the rest of
// the value add attributes or elements. On the server, s is HTML-escaped
// (&, <, >, " and ' as entities, and the backslash and every rune
// strconv.Quote would escape as numeric references), which strconv.Quote
// leaves alone and the browser decodes back to s. In the browser go-app
// sets attributes through the DOM, which takes s as it is.
func attr(s string) string {
	if app.IsClient {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&#34;")
		case r == '\'':
			b.WriteString("&#39;")
		case r == '\\' || !strconv.IsPrint(r):
			b.WriteString("&#" + strconv.Itoa(int(r)) + ";")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// headText makes s safe as a page title or description in the page the
// server prerenders: go-app writes it as the text of <title>, escaped, and
// as the content attribute of og:title, quoted with strconv.Quote, where a
// " would end the attribute and let the rest of a company's name add
// elements to the head (a meta refresh). On the server each " becomes ＂
// (U+FF02), which reads the same in a title; in the browser go-app sets
// the title through the DOM and s stays as it is.
func headText(s string) string {
	if app.IsClient {
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), `"`, "＂")
}

// replaceView shows the view at u without adding a history entry, as
// typing in the search box does: the entry is replaced and go-app is told
// as for Back and Forward (a popstate event), so it navigates to the
// address bar without pushing history and calls OnNav, which derives the
// state from the URL as for every other navigation.
func replaceView(u string) {
	if !app.IsClient {
		return
	}
	w := app.Window()
	w.Get("history").Call("replaceState", nil, "", u)
	w.Call("dispatchEvent", w.Get("PopStateEvent").New("popstate"))
}

// syncInputs sets the inputs with the given ids to their values after a
// navigation that emptied one (a chip removed q, Back went to a view
// without dates). A field with focus is left alone: the person is typing
// in it, and the state follows what they type.
func syncInputs(want map[string]string) {
	if !app.IsClient {
		return
	}
	doc := app.Window().Get("document")
	active := doc.Get("activeElement")
	for id, v := range want {
		el := doc.Call("getElementById", id)
		if !el.Truthy() || el.Equal(active) || el.Get("value").String() == v {
			continue
		}
		el.Set("value", v)
	}
}

// followSVGLink follows a click on a link inside an SVG within the app.
// Clicks with a modifier key or another button keep the browser's meaning
// (new tab, new window). Enter on a focused SVG link dispatches a click
// too, so the keyboard takes the same path.
func followSVGLink(ctx app.Context, e app.Event) {
	for _, k := range []string{"metaKey", "ctrlKey", "shiftKey", "altKey"} {
		if e.Get(k).Truthy() {
			return
		}
	}
	if b := e.Get("button"); b.Truthy() && b.Int() != 0 {
		return
	}
	a := e.Get("target").Call("closest", "a")
	if !a.Truthy() {
		return
	}
	ref := a.Call("getAttribute", "href")
	if !ref.Truthy() {
		return
	}
	if u, ok := internalURL(app.Window().URL(), ref.String()); ok {
		e.PreventDefault()
		ctx.NavigateTo(u)
	}
}

// internalURL resolves ref against the page's address and reports whether
// it stays on the app's origin, where go-app can navigate without a reload.
func internalURL(page *url.URL, ref string) (*url.URL, bool) {
	r, err := url.Parse(ref)
	if err != nil || page == nil {
		return nil, false
	}
	u := page.ResolveReference(r)
	return u, u.Scheme == page.Scheme && u.Host == page.Host
}

// dataKey is the data-key attribute of the element whose handler runs.
func dataKey(ctx app.Context) string {
	return ctx.JSSrc().Get("dataset").Get("key").String()
}

// rootPrefix is the path the app is served under, "" at the root.
func rootPrefix() string {
	p := browserPrefix()
	if !app.IsClient {
		p = app.Getenv("GOAPP_ROOT_PREFIX")
	}
	if p == "/" {
		return ""
	}
	return p
}

// browserPrefix is GOAPP_ROOT_PREFIX as app.js gives it, fixed for the
// life of the page (see 15 above); "" on the server.
var browserPrefix = sync.OnceValue(func() string {
	if !app.IsClient {
		return ""
	}
	return app.Getenv("GOAPP_ROOT_PREFIX")
})

// pagePath is the percent-encoded path of the page's URL u. In the browser
// u is the address bar, whose Path is decoded; on the server app/site
// hands go-app the encoded path as Path (see 9 above). There, escapes are
// kept as they are and any byte a path may not hold as it is gets one, so
// a decoded path a test hands go-app comes out encoded too.
func pagePath(u *url.URL) string {
	if app.IsClient {
		return u.EscapedPath()
	}
	const hex = "0123456789ABCDEF"
	p := u.Path
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '%' && i+2 < len(p) && isHex(p[i+1]) && isHex(p[i+2]):
			b.WriteByte(c)
		case c < utf8.RuneSelf && (isAlnum(c) || strings.IndexByte("/-._~!$&'()*+,;=:@", c) >= 0):
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// stockRoute is the pattern go-app routes stock pages with: in the browser
// any path below /stocks/, since go-app matches the decoded path (see 10
// above); on the server, which hands go-app the encoded path, stockPath.
func stockRoute() string {
	if app.IsClient {
		return `^/stocks/.+$`
	}
	return stockPath
}
