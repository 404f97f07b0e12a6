package ui

import (
	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// searchBox filters the rows as the person types: each change replaces the
// current history entry (so Back leaves the page rather than undoing
// letters) and the view follows through OnNav. While an input method
// composes Chinese, the pinyin is left alone until the composition ends.
func searchBox(x *explorer) app.UI {
	return app.Div().Class("search").Body(
		app.Label().For("q").Text(T("explore.search")),
		app.Input().Type("search").ID("q").Name("q").
			Value(attr(x.st.Q)).
			Placeholder(T("explore.search.placeholder")).
			MaxLength(explore.MaxQueryRunes).
			AutoComplete(false).Spellcheck(false).
			OnInput(x.onSearch).
			On("compositionend", x.onSearch),
	)
}

// onSearch reads the box and shows the view searching for it.
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
