package ui

import (
	"net/url"
	"slices"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// shell is the frame of every page: skip link, top bar with the navigation,
// the language switch and the colour toggle, app bar, then the page's
// content in main. It reads the preferences (colors=cn|intl, lang=zh|en)
// from the URL itself in OnNav, so every route has them, pages that keep
// no routed state included, and the server prerenders them too: the .shell
// div carries class intl, <html lang> follows the language, the navigation
// links keep both parameters, and a bad value gets a notice.
type shell struct {
	app.Compo

	// Active is the route path the page belongs to, marked in the nav.
	Active string
	// Content returns the page's content. It is a func rather than a slice
	// of elements because go-app compares a component's exported fields
	// with reflect.DeepEqual on every update: a func is never equal, so
	// the shell re-renders with its page at no cost, while comparing two
	// element trees would walk them whole.
	Content func() []app.UI
	// Site, when set, is the site of the page's report: the shell then
	// shows the week switch and the notices about the week.
	Site *Site
	// Staging says that the page still mounts parts of its content in
	// stages (staged.go): the shell is not live until they are in.
	Staging bool

	prefs
	path    string     // the address bar's path, prefix included
	query   url.Values // the address bar's query
	notices []explore.Notice
	drops   dropListener // a report file dropped onto the page opens a preview
	shown   int          // content nodes shown while the first page mounts in stages, 0 for all (staged.go)
	total   int          // content nodes the page has
	langSet string       // the <html lang> readPage set last
	descSet string       // the description readPage set last
}

// OnNav reads the preferences from the URL, on the server and in the
// browser alike, for every navigation including query-only ones.
func (s *shell) OnNav(ctx app.Context) { s.readPage(ctx) }

// OnInit reads the address bar for the browser's first render, which can
// show a page's content before the dispatched OnNav runs.
func (s *shell) OnInit() {
	if app.IsClient {
		s.read(app.Window().URL())
		s.shown = firstScreen()
	}
}

// OnMount covers a shell mounted after its page's navigation.
// The first page's content below the window follows in later tasks.
func (s *shell) OnMount(ctx app.Context) {
	s.readPage(ctx)
	s.stage(ctx)
	s.listenDrops(ctx)
}

// OnDismount stops listening for files dropped onto the page.
func (s *shell) OnDismount() { s.stopDrops() }

// readPage reads the page's URL and sets <html lang> and the description
// to the language the page is written in: go-app writes the handler's on
// the server and leaves them in the browser.
// In the browser each is set only when it changes: a keystroke navigates,
// and each setting is several calls into JavaScript.
func (s *shell) readPage(ctx app.Context) {
	s.read(ctx.Page().URL())
	if l := htmlLang(s.lang); l != s.langSet {
		ctx.Page().SetLang(l)
		s.langSet = l
	}
	if d := s.T("app.description"); d != s.descSet {
		ctx.Page().SetDescription(headText(d))
		s.descSet = d
	}
}

func (s *shell) read(u *url.URL) {
	if u == nil {
		return
	}
	v, _ := explore.ParseRawQuery(u.RawQuery) // its notices are the page's to show
	st, ns := explore.ParseQuery("", v)
	s.prefs, s.notices = withPrefs(st.Prefs, u), ns
	// The escaped path: the decoded one may hold a " from the link, which
	// the server's attribute encoding would not escape (see attr).
	s.path, s.query = pagePath(u), u.Query()
}

// colorsHref is the current address with colour convention c.
func (s *shell) colorsHref(c explore.Colors) string {
	v := ""
	if c == explore.ColorsIntl {
		v = c.String()
	}
	return s.hereWith(explore.ParamColors, v)
}

// hereWith is the current address, the same view, with parameter param
// set to value, or without it for "".
func (s *shell) hereWith(param, value string) string {
	q := url.Values{}
	for k, v := range s.query {
		q[k] = v
	}
	q.Del(readerLangParam)
	q.Del(param)
	if value != "" {
		q.Set(param, value)
	}
	path := s.path
	if path == "" {
		path = rootPrefix() + "/"
	}
	if enc := q.Encode(); enc != "" {
		return path + "?" + enc
	}
	return path
}

func (s *shell) Render() app.UI {
	s.url.Week = s.Site.linkWeek(s.url.Week) // a week not published is not kept
	class := "shell"
	if s.url.Colors == explore.ColorsIntl {
		class += " intl"
	}
	var content []app.UI
	if s.Content != nil {
		content = s.staged(s.Content())
	}
	nav := navRoutes()
	root := app.Div().Class(class).DataSet("live", attr(s.liveFlag())).DataSet("colors", attr(s.url.Colors.String())).
		DataSet("week", attr(s.week().shown))
	return root.Body(
		app.A().Class("skip").Href("#main").Text(s.T("nav.skip")).OnClick(focusTarget),
		app.Header().Class("topbar").Body(
			app.A().Class("brand").Href(s.link("/")).Text(s.T("app.name")),
			app.Nav().Aria("label", s.T("nav.label")).Body(
				app.Ul().Body(
					app.Range(nav).Slice(func(i int) app.UI {
						r := nav[i]
						a := app.A().Href(s.link(r.path)).Text(s.T(r.nav))
						if r.path == s.Active {
							a = a.Aria("current", "page").Class("active")
						}
						return app.Li().Body(a)
					}),
				),
			),
			&siteSearch{Prefs: s.prefs, Q: s.searchQ()},
			s.langSwitch(),
			s.colorsToggle(),
			s.weekSwitch(),
		),
		&appBar{Prefs: s.prefs},
		app.Main().ID("main").TabIndex(-1).Body(
			// A table page lists the preference notices and the week's with
			// its own, in one box.
			app.If(!slices.Contains(explore.TableRoutes, explore.Route(s.Active)), func() app.UI {
				return s.noticesView("shell-notices", append(s.weekNotices(), s.notices...))
			}),
			s.newerNotice(),
			app.Div().Class("page").Body(content...),
		),
	)
}

// searchQ is the text of the search /search shows, "" on other pages.
func (s *shell) searchQ() string {
	if s.path != rootPrefix()+string(explore.RouteSearch) {
		return ""
	}
	return s.query.Get(explore.ParamQ)
}

// colorsToggle offers the two colour conventions as links to the current
// view, the active one marked; a link keeps working before the wasm runs
// and can be opened in a new tab.
func (s *shell) colorsToggle() app.UI {
	opt := func(c explore.Colors, msg string) app.UI {
		a := app.A().Class("colors-opt " + c.String()).Href(s.colorsHref(c)).
			Title(s.T(msg + ".title")).Text(s.T(msg))
		if s.url.Colors == c {
			a = a.Aria("current", "true").Class("on")
		}
		return a
	}
	return app.Div().Class("colors").Role("group").Aria("label", s.T("colors.label")).Body(
		app.Span().Class("colors-label").Aria("hidden", "true").Text(s.T("colors.label")),
		opt(explore.ColorsCN, "colors.cn"),
		opt(explore.ColorsIntl, "colors.intl"),
	)
}

// langSwitch offers the two interface languages as links to the current
// view, each named in its own language (and marked as such for screen
// readers); the link sets lang explicitly, so it holds whatever the
// browser's language.
func (s *shell) langSwitch() app.UI {
	opt := func(l lang, name string) app.UI {
		a := app.A().Class("lang-opt").Lang(htmlLang(l)).Href(s.hereWith(explore.ParamLang, string(l))).
			Attr("hreflang", htmlLang(l)).Text(name)
		if s.lang == l {
			a = a.Aria("current", "true").Class("on")
		}
		return a
	}
	return app.Div().Class("langs").Role("group").Aria("label", s.T("lang.label")).Body(
		opt(zh, "中文"),
		opt(en, "English"),
	)
}
