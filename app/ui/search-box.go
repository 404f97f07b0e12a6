package ui

import (
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
	replaceView(viewHref(next))
}
