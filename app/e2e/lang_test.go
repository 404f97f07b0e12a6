package e2e

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/ui"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// langPages are every route, a stock page and a path that is no page.
func langPages() []string {
	return append(ui.Paths(), "/stocks/360", "/nowhere")
}

// hanOutsideZhJS lists the Chinese text of a document that is not inside
// an element marked lang="zh…": on an English page, Chinese the interface
// wrote rather than the report's own text. It checks the live page (only
// what is rendered, visually hidden text included) and, given a URL, that
// URL's prerendered HTML as the server sends it to this browser, parsed
// without running it, so that the two are compared by the same rule.
const hanOutsideZhJS = `async (url) => {
	let doc = document, visible = true;
	if (url) {
		const res = await fetch(url);
		doc = new DOMParser().parseFromString(await res.text(), "text/html");
		visible = false;
	}
	const bad = [];
	const w = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
	for (let n = w.nextNode(); n; n = w.nextNode()) {
		if (!/\p{Script=Han}/u.test(n.data)) continue;
		const el = n.parentElement;
		if (!el || el.closest("script,style,noscript,template")) continue;
		if (visible && el.getClientRects().length === 0) continue;
		if (el.closest('[lang^="zh"]')) continue;
		bad.push(el.tagName.toLowerCase() + ": " + n.data.trim().slice(0, 60));
	}
	return {lang: doc.documentElement.lang, bad: bad.slice(0, 20)};
}`

// hanReport is what hanOutsideZhJS returns.
type hanReport struct {
	Lang string   `json:"lang"`
	Bad  []string `json:"bad"`
}

// hanOutsideZh runs hanOutsideZhJS on the live page, or on url's
// prerendered page when url is not empty.
func hanOutsideZh(t *testing.T, ctx context.Context, url string) hanReport {
	t.Helper()
	var r hanReport
	evalJS(t, ctx, "("+hanOutsideZhJS+")("+jsString(url)+")", &r)
	return r
}

// TestEnglishPages opens every route with lang=en: no text outside the
// report's own, marked zh-CN, is Chinese, neither in the prerendered page
// nor once the wasm rendered it, <html lang> is en both times, and the
// navigation is in English. With lang=zh the same pages are Chinese.
func TestEnglishPages(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	for _, path := range langPages() {
		t.Run(path, func(t *testing.T) {
			u := s.URL + path + "?lang=en"
			open(t, ctx, u, "main h1")
			for _, r := range []struct {
				what string
				got  hanReport
			}{{"prerendered", hanOutsideZh(t, ctx, u)}, {"live", hanOutsideZh(t, ctx, "")}} {
				if r.got.Lang != "en" {
					t.Errorf("%s %s: <html lang=%q>; want en", r.what, u, r.got.Lang)
				}
				if len(r.got.Bad) > 0 {
					t.Errorf("%s %s: Chinese outside the report's text:\n%s", r.what, u, strings.Join(r.got.Bad, "\n"))
				}
			}
			checkNav(t, ctx, explore.LangEN)

			open(t, ctx, s.URL+path+"?lang=zh", "main h1")
			var lang string
			evalJS(t, ctx, `document.documentElement.lang`, &lang)
			if lang != "zh-CN" {
				t.Errorf("%s?lang=zh: <html lang=%q>; want zh-CN", path, lang)
			}
			checkNav(t, ctx, explore.LangZH)
		})
	}
}

// checkNav checks that the navigation bar names every route in language l.
func checkNav(t *testing.T, ctx context.Context, l explore.Lang) {
	t.Helper()
	got := strings.Fields(textOf(t, ctx, "nav ul"))
	var want []string
	for _, id := range ui.NavMessages() {
		want = append(want, strings.Fields(ui.Message(l, id))...)
	}
	if !slices.Equal(got, want) {
		t.Errorf("nav in %s: %q; want %q", l, got, want)
	}
}

// TestLangSwitch follows the top bar's language switch from a filtered,
// sorted view in the intl colours: each switch keeps the path and every
// parameter, sets lang, and the page follows.
func TestLangSwitch(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	const view = "/movers?colors=intl&list=ytd-gainers&sort=-return"
	open(t, ctx, s.URL+view, "#ytd-gainers table")
	for _, step := range []struct {
		link, html string
		lang       explore.Lang
	}{
		{"English", "en", explore.LangEN},
		{"中文", "zh-CN", explore.LangZH},
	} {
		run(t, ctx, "switch to "+step.link,
			chromedp.Click(`.langs a[hreflang="`+step.html+`"]`, chromedp.ByQuery),
			chromedp.Poll(`document.documentElement.lang === `+jsString(step.html)+
				` && document.querySelector("main h1").textContent === `+jsString(ui.Message(step.lang, "movers.title")), nil))
		var addr string
		evalJS(t, ctx, `location.pathname + location.search`, &addr)
		got, err := url.Parse(addr)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := url.Parse(view)
		wantQ := want.Query()
		wantQ.Set(explore.ParamLang, string(step.lang))
		if got.Path != want.Path || got.Query().Encode() != wantQ.Encode() {
			t.Errorf("after %s: address %q; want %s?%s", step.link, addr, want.Path, wantQ.Encode())
		}
		if n := len(textOf(t, ctx, "#ytd-gainers tbody")); n == 0 {
			t.Errorf("after %s: the view lost its rows", step.link)
		}
		if cur := textOf(t, ctx, `.langs a[aria-current]`); cur != step.link {
			t.Errorf("after %s: switch marks %q", step.link, cur)
		}
	}
}

// TestAcceptLanguage checks the page of a link that asks for no language:
// the server prerenders the language Accept-Language prefers, says that
// the page varies with it, and keeps the two languages apart in its cache;
// a browser whose language is English gets English before and after the
// wasm runs.
func TestAcceptLanguage(t *testing.T) {
	s := startServer(t)
	// Twice each, alternating: the second answers come from the cache.
	for range 2 {
		for accept, want := range map[string]string{"en-GB,en;q=0.9,zh;q=0.5": "en", "zh-CN,zh;q=0.9,en;q=0.8": "zh-CN", "": "zh-CN"} {
			res, body := fetchAs(t, s.URL+"/movers", accept)
			if !slices.Contains(res.Header.Values("Vary"), "Accept-Language") {
				t.Errorf("Accept-Language %q: Vary %q lacks Accept-Language", accept, res.Header.Values("Vary"))
			}
			title := ui.Message(explore.LangZH, "movers.title")
			if want == "en" {
				title = ui.Message(explore.LangEN, "movers.title")
			}
			if page := string(body); !strings.Contains(page, `<html lang="`+want+`"`) || !strings.Contains(page, ">"+title+"<") {
				t.Errorf("Accept-Language %q: page not in %s (title %q): %.300s", accept, want, title, body)
			}
		}
	}

	// A bad lang is named in a notice, and the reader's language applies.
	_, body := fetchAs(t, s.URL+"/movers?lang=fr", "en")
	if page := string(body); !strings.Contains(page, `data-param="lang"`) || !strings.Contains(page, `data-value="fr"`) || !strings.Contains(page, `<html lang="en"`) {
		t.Errorf("lang=fr: no notice naming it, or not the reader's English: %.300s", page)
	}

	ctx := newTab(t)
	run(t, ctx, "an English browser", emulation.SetUserAgentOverride("Mozilla/5.0 (X11; Linux x86_64) Chrome").WithAcceptLanguage("en-US,en"))
	// A view the service worker of an earlier test did not precache (with
	// that browser's Accept-Language), so that the fetch reaches the server.
	const view = "/constituents?sort=name"
	open(t, ctx, s.URL+view, "main h1")
	for _, page := range []string{s.URL + view, ""} {
		got := hanOutsideZh(t, ctx, page)
		if got.Lang != "en" || len(got.Bad) > 0 {
			t.Errorf("English browser, page %q: <html lang=%q>, Chinese outside the report's text: %q", page, got.Lang, got.Bad)
		}
	}
	if h1 := textOf(t, ctx, "main h1"); h1 != ui.Message(explore.LangEN, "constituents.title") {
		t.Errorf("English browser: h1 %q", h1)
	}
}

// fetchAs gets url as a browser whose Accept-Language is accept would.
func fetchAs(t *testing.T, url, accept string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err == nil {
		req.Header.Set("Accept-Language", accept)
		var res *http.Response
		if res, err = http.DefaultClient.Do(req); err == nil {
			var b []byte
			b, err = io.ReadAll(res.Body)
			res.Body.Close()
			if err == nil {
				return res, b
			}
		}
	}
	t.Fatalf("GET %s: %v", url, err)
	return nil, nil
}
