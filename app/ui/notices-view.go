package ui

import (
	"fmt"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// noticesView lists what a link asked for but did not get (list=bogus,
// from=2023-13-45), naming each parameter and value, in a status region
// that screen readers announce. The region is always there, empty when
// all applied, so that it is announced when it fills and the elements
// after it keep their place.
func (p prefs) noticesView(id string, ns []explore.Notice) app.UI {
	return app.Div().Class("notices").ID(id).Role("status").Body(
		app.If(len(ns) > 0, func() app.UI {
			return app.Div().Body(
				app.P().Class("notices-title").Text(p.T("explore.notices")),
				app.Ul().Body(app.Range(ns).Slice(func(i int) app.UI {
					return app.Li().Class("notice").DataSet("param", attr(ns[i].Param)).DataSet("value", attr(ns[i].Value)).Text(p.noticeText(ns[i]))
				})),
			)
		}),
	)
}

// noticeText words one notice; the value is data from the URL and is only
// ever set as text.
func (p prefs) noticeText(n explore.Notice) string {
	return fmt.Sprintf(p.T(string(n.Reason)), n.Param, n.Value)
}
