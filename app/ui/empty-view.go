package ui

import (
	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// emptyView says that no row of the view st matches, with a link that
// clears the filters when there are any.
func (p prefs) emptyView(st explore.State) app.UI {
	return app.Div().Class("empty").Role("status").Body(
		app.P().Text(p.T("explore.empty")),
		app.If(st.Filtered(), func() app.UI {
			return app.A().Class("button").ID("empty-clear").Href(viewHref(st.ClearFilters())).Text(p.T("explore.empty.clear"))
		}),
	)
}
