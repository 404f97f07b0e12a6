package ui

import (
	"net/url"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The last cell of a table row holds the row's permalink and a button that
// copies it. The permalink is the record's own page where its table has
// them (/events/ce-1), otherwise the row in its unfiltered table
// (/movers#ytd-gainers/1), which always holds it. The buttons have no
// handler each: one listener of the explorer's on the document handles a
// click on any of them (watchRowCopies), so that mounting a row, which a
// keystroke does for every row it brings back, adds no listener.

// rowHref is the permalink of record id in the table of route; pages says
// whether the table's records have pages of their own.
func (p prefs) rowHref(route explore.Route, pages bool, id string) string {
	if pages {
		return p.link(string(route) + "/" + url.PathEscape(id))
	}
	return p.link(string(route)) + "#" + id
}

// permalinkCell is the cell of a row whose permalink is href, saying
// status about its last copy.
func (p prefs) permalinkCell(href, status string) app.UI {
	return app.Td().Class("col-permalink").Body(
		app.A().Class("permalink").Href(href).Title(p.T("row.link")).Aria("label", p.T("row.link")).Text("#"),
		app.Button().Type("button").Class("row-copy").Title(p.T("row.copy")).Aria("label", p.T("row.copy")).
			Text(p.T("row.copy.short")),
		statusSpan("row-copy-status", status),
	)
}

// rowCopy is how the last copy of one row's permalink went.
type rowCopy struct {
	seq      int  // which click the pending confirmation belongs to
	done, ok bool // whether it finished, and copied
}

// rowCopyStatus says how the copy c went, "" while it runs.
func (p prefs) rowCopyStatus(c rowCopy) string {
	return p.copyStatus(c.done && c.ok, c.done && !c.ok, "row.copied", "row.copy.failed")
}

// watchRowCopies listens for clicks on the rows' copy buttons.
func (x *explorer) watchRowCopies(ctx app.Context) {
	x.onRowCopy = app.FuncOf(func(_ app.Value, args []app.Value) any {
		t := args[0].Get("target")
		if !t.Truthy() || !t.Get("closest").Truthy() {
			return nil
		}
		b := t.Call("closest", "#rows tr[id] .row-copy")
		if !b.Truthy() {
			return nil
		}
		tr := b.Call("closest", "tr")
		id, href := tr.Get("id").String(), tr.Call("querySelector", "a.permalink").Call("getAttribute", "href").String()
		ctx.Dispatch(func(ctx app.Context) { x.copyRow(ctx, id, href) })
		return nil
	})
	app.Window().Get("document").Call("addEventListener", "click", x.onRowCopy)
}

// unwatchRowCopies removes the listener watchRowCopies added.
func (x *explorer) unwatchRowCopies() {
	if x.onRowCopy == nil {
		return
	}
	app.Window().Get("document").Call("removeEventListener", "click", x.onRowCopy)
	x.onRowCopy.Release()
	x.onRowCopy = nil
}

// copyRow copies the permalink href of row id as an absolute URL naming
// the week shown, and says in the row how it went for copiedFor.
func (x *explorer) copyRow(ctx app.Context, id, href string) {
	if x.copies == nil {
		x.copies = map[string]rowCopy{}
	}
	c := x.copies[id]
	c = rowCopy{seq: c.seq + 1}
	x.copies[id] = c
	week := ""
	if x.rep != nil {
		week = x.rep.Meta.ReportDate
	}
	abs := withWeek(app.Window().Get("location").Get("origin").String()+href, week)
	writeClipboard(ctx, abs, func(ctx app.Context, ok bool) {
		if x.copies[id].seq != c.seq {
			return
		}
		x.copies[id] = rowCopy{seq: c.seq, done: true, ok: ok}
		ctx.After(copiedFor, func(ctx app.Context) {
			if x.copies[id].seq == c.seq {
				x.copies[id] = rowCopy{seq: c.seq}
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
