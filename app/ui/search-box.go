package ui

import (
	"slices"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// searchBox is the search field showing q. onSearch runs on each change and
// when an input method ends a composition (the explorer's onSearch leaves
// the pinyin of a composition alone).
func (p prefs) searchBox(q string, onSearch app.EventHandler) app.UI {
	return app.Div().Class("search").Body(
		app.Label().For("q").Text(p.T("explore.search")),
		app.Input().Type("search").ID("q").Name("q").Value(attr(q)).
			Placeholder(p.T("explore.search.placeholder")).
			MaxLength(explore.MaxQueryRunes).
			AutoComplete(false).Spellcheck(false).
			OnInput(onSearch).
			On("compositionend", onSearch),
	)
}

// onSearch reads the box and shows the view searching for it, replacing
// the current history entry (so Back leaves the page rather than undoing
// letters); the view follows through OnNav.
func (x *explorer) onSearch(ctx app.Context, e app.Event) {
	// The state changes only through the URL: OnNav renders it. Rendering
	// here too would draw the old view once more per keystroke.
	ctx.PreventUpdate()
	if e.Get("isComposing").Truthy() {
		return
	}
	next := x.st.WithQuery(ctx.JSSrc().Get("value").String())
	if next.Q == x.st.Q {
		return
	}
	x.typed.add(next.Q)
	replaceView(viewHref(next))
}

// typedQueries are the queries the search box sent, oldest first, that no
// navigation has shown yet. A navigation to one of them comes from typing:
// the box holds that text or newer, so it is left alone. Any other query
// comes from Back, Forward or a link, and the box must show it even while
// it has the focus.
type typedQueries []string

// maxTyped bounds the queries kept; a navigation always catches up long
// before.
const maxTyped = 64

func (t *typedQueries) add(q string) {
	if len(*t) == maxTyped {
		*t = (*t)[1:]
	}
	*t = append(*t, q)
}

// arrived reports whether q, the query a navigation shows, is one the box
// sent, and forgets it and those sent before it; otherwise it forgets all.
func (t *typedQueries) arrived(q string) bool {
	i := slices.Index(*t, q)
	if i < 0 {
		*t = nil
		return false
	}
	*t = (*t)[i+1:]
	return true
}

// setInput sets the field with the given id to v, focused or not.
func setInput(id, v string) {
	if !app.IsClient {
		return
	}
	el := app.Window().Get("document").Call("getElementById", id)
	if el.Truthy() && el.Get("value").String() != v {
		el.Set("value", v)
	}
}
