package ui

import (
	"net/url"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// rowLink is the last cell of a table row: the row's permalink and a
// button that copies it. The permalink is the record's own page where its
// table has them (/events/ce-1), otherwise the row in its unfiltered table
// (/movers#ytd-gainers/1), which always holds it.
type rowLink struct {
	app.Compo

	// Href is the permalink, prefix and preferences included.
	Href string
	// Prefs are the URL's preferences, for the words.
	Prefs prefs
	// Week is the report date of the week shown: the copied permalink
	// names it when Href names none, so that it keeps its meaning.
	Week string

	copied, failed bool
	seq            int // which click the pending confirmation belongs to
}

// rowHref is the permalink of record id in the table of route; pages says
// whether the table's records have pages of their own.
func (p prefs) rowHref(route explore.Route, pages bool, id string) string {
	if pages {
		return p.link(string(route) + "/" + url.PathEscape(id))
	}
	return p.link(string(route)) + "#" + id
}

func (l *rowLink) Render() app.UI {
	status := l.Prefs.copyStatus(l.copied, l.failed, "row.copied", "row.copy.failed")
	return app.Td().Class("col-permalink").Body(
		app.A().Class("permalink").Href(l.Href).Title(l.Prefs.T("row.link")).Aria("label", l.Prefs.T("row.link")).Text("#"),
		app.Button().Type("button").Class("row-copy").Title(l.Prefs.T("row.copy")).Aria("label", l.Prefs.T("row.copy")).
			Text(l.Prefs.T("row.copy.short")).OnClick(l.onCopy),
		statusSpan("row-copy-status", status),
	)
}

// onCopy copies the permalink as an absolute URL.
func (l *rowLink) onCopy(ctx app.Context, e app.Event) {
	l.seq++
	seq := l.seq
	l.copied, l.failed = false, false
	abs := withWeek(app.Window().Get("location").Get("origin").String()+l.Href, l.Week)
	writeClipboard(ctx, abs, func(ctx app.Context, ok bool) {
		l.copied, l.failed = ok, !ok
		ctx.After(copiedFor, func(ctx app.Context) {
			if l.seq == seq {
				l.copied, l.failed = false, false
			}
		})
	})
}

// statusSpan is a live region of class class saying text; empty, it holds
// no text node (one call into JavaScript less for each row mounted).
func statusSpan(class, text string) app.HTMLSpan {
	span := app.Span().Class(class).Role("status")
	if text != "" {
		span = span.Text(text)
	}
	return span
}
