package ui

import (
	"strings"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// siteSearchID is the id of the top bar's search box.
const siteSearchID = "site-q"

// siteSearch is the top bar's search across the whole report: a form that
// asks /search?q=… for its words, so it works before the wasm runs and
// with it navigates within the app. The "/" key focuses it from anywhere
// but a text field.
type siteSearch struct {
	app.Compo

	// Prefs are the URL's preferences, which the results keep.
	Prefs prefs
	// Q is the text the box starts with: the search /search shows.
	Q string

	onKey app.Func
}

func (s *siteSearch) Render() app.UI {
	return app.Form().ID("site-search").Class("site-search").Role("search").Action(rootPrefix()+string(explore.RouteSearch)).
		Method("get").OnSubmit(s.onSubmit).Body(
		app.Label().For(siteSearchID).Class("visually-hidden").Text(s.Prefs.T("search.label")),
		app.Input().Type("search").ID(siteSearchID).Name(explore.ParamQ).Value(attr(s.Q)).
			Placeholder(s.Prefs.T("search.placeholder")).Aria("keyshortcuts", "/").AutoComplete(false),
		// A form's GET drops the query of its action: the preferences
		// go along as fields.
		app.Range(s.Prefs.url.Query()).Map(func(k string) app.UI {
			return app.Input().Type("hidden").Name(k).Value(attr(s.Prefs.url.Query().Get(k)))
		}),
		app.Button().Type("submit").Class("site-search-go").Text(s.Prefs.T("search.go")),
	)
}

// onSubmit shows the results within the app, adding a history entry.
func (s *siteSearch) onSubmit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	q := app.Window().GetElementByID(siteSearchID).Get("value").String()
	st := s.Prefs.view(explore.RouteSearch)
	st.Q = strings.TrimSpace(q)
	ctx.Navigate(viewHref(st))
}

// OnMount lets "/" focus the box, as on GitHub and MDN.
func (s *siteSearch) OnMount(ctx app.Context) {
	s.onKey = app.FuncOf(func(_ app.Value, args []app.Value) any {
		e := args[0]
		if e.Get("key").String() != "/" || e.Get("ctrlKey").Truthy() || e.Get("metaKey").Truthy() || e.Get("altKey").Truthy() {
			return nil
		}
		if t := e.Get("target"); t.Truthy() && (t.Get("isContentEditable").Truthy() ||
			strings.Contains(" INPUT TEXTAREA SELECT ", " "+t.Get("tagName").String()+" ")) {
			return nil
		}
		if box := app.Window().GetElementByID(siteSearchID); box.Truthy() {
			e.Call("preventDefault")
			box.Call("focus")
			box.Call("select")
		}
		return nil
	})
	app.Window().Call("addEventListener", "keydown", s.onKey)
}

// OnDismount removes the key listener.
func (s *siteSearch) OnDismount() {
	if s.onKey != nil {
		app.Window().Call("removeEventListener", "keydown", s.onKey)
		s.onKey.Release()
		s.onKey = nil
	}
}
