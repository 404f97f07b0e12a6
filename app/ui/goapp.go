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
//     view; syncInputs sets them after each navigation. Test: app/e2e
//     TestExploreContract, whose views follow each other in one tab.
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
//  8. Children are reconciled by position. pkg/app/node.go:409-440
//     (updateHTML) updates the i-th old child with the i-th new one, so a
//     filter that drops a row patches every row after it cell by cell. A
//     table row is a tableRow component whose CompoID is its record's id
//     (pkg/app/node.go:342, DismountEnforcer): a position that now shows
//     another record is replaced whole, in one DOM change, and an
//     unchanged row is not rendered again (its fields compare equal,
//     node.go:519-545). Test: app/e2e TestInteractionMutations.
//  9. PreventUpdate counts down. pkg/app/context.go:234 subtracts one from
//     the component's pending updates, so a dispatch that prevents its
//     own update can cancel another due in the same frame (a navigation's).
//     The scroll listener of the row window dispatches only when the
//     window moves. Test: app/e2e TestExploreClicks/"sort return", which
//     failed when the listener dispatched and prevented on every scroll.

import (
	"net/url"
	"strconv"
	"strings"

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
	p := app.Getenv("GOAPP_ROOT_PREFIX")
	if p == "/" {
		return ""
	}
	return p
}
