package ui

import (
	"net/url"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// chartLinks ties a chart's links to the table rows they stand for: a
// pointer over, or the focus on, a bar marks the bar and its rows (class
// hl) and shows the bar's name and value under the chart; over a row, its
// bar. It works on the DOM directly: a highlight changes two classes, which
// a render of the page would cost far more than.
type chartLinks struct {
	rows    atomic.Pointer[[]string] // chartView.Rows as last passed
	onEvent app.Func
	onDrag  app.Func
	last    app.Value // the element the last event was over
	from    string    // the href of the day link a drag started on
}

// watchLinks starts following the pointer and the focus over the page,
// and on a chart of days, drags across them.
func (c *chartView) watchLinks(ctx app.Context) {
	if !app.IsClient {
		return
	}
	c.links.onDrag = app.FuncOf(func(_ app.Value, args []app.Value) any {
		c.drag(ctx, args[0])
		return nil
	})
	fig := ctx.JSSrc()
	fig.Call("addEventListener", "pointerdown", c.links.onDrag)
	fig.Call("addEventListener", "pointerup", c.links.onDrag)
	// A link dragged natively would take the pointer and never see it up.
	fig.Call("addEventListener", "dragstart", c.links.onDrag)
	c.links.onEvent = app.FuncOf(func(_ app.Value, args []app.Value) any {
		c.hover(args[0].Get("target"))
		return nil
	})
	doc := app.Window().Get("document")
	doc.Call("addEventListener", "mouseover", c.links.onEvent)
	doc.Call("addEventListener", "focusin", c.links.onEvent)
}

// unwatchLinks removes the listeners watchLinks added.
func (c *chartView) unwatchLinks() {
	if c.links.onEvent == nil {
		return
	}
	doc := app.Window().Get("document")
	doc.Call("removeEventListener", "mouseover", c.links.onEvent)
	doc.Call("removeEventListener", "focusin", c.links.onEvent)
	c.links.onEvent.Release()
	c.links.onEvent = nil
	if c.links.onDrag != nil {
		c.links.onDrag.Release()
		c.links.onDrag = nil
	}
}

// drag turns a press on one day of the events chart and a release on
// another into the range between them: from the earlier day to the later,
// the rest of the view kept. A press and release on the same day is a
// click, which the day's own link handles.
func (c *chartView) drag(ctx app.Context, e app.Value) {
	t := e.Get("target")
	if !t.Truthy() || !t.Get("closest").Truthy() {
		return
	}
	a := t.Call("closest", "svg a")
	href := ""
	if a.Truthy() {
		href = a.Call("getAttribute", "href").String()
	}
	switch e.Get("type").String() {
	case "dragstart":
		e.Call("preventDefault")
		return
	case "pointerdown":
		c.links.from = href
		return
	}
	start := c.links.from
	c.links.from = ""
	u, err1 := url.Parse(start)
	v, err2 := url.Parse(href)
	if start == "" || href == "" || start == href || err1 != nil || err2 != nil {
		return
	}
	q, end := u.Query(), v.Query().Get(explore.ParamFrom)
	from := q.Get(explore.ParamFrom)
	if from == "" || end == "" || q.Get(explore.ParamTo) != from {
		return // not a chart of days
	}
	q.Set(explore.ParamFrom, min(from, end))
	q.Set(explore.ParamTo, max(from, end))
	u.RawQuery = q.Encode()
	ctx.Navigate(u.String())
}

// hover marks what target, the element under the pointer or focused,
// stands for: a chart link and its rows, a table row and its link, or
// nothing.
func (c *chartView) hover(target app.Value) {
	fig := app.Window().GetElementByID(c.ID)
	if !fig.Truthy() || !target.Truthy() || !target.Get("closest").Truthy() {
		return
	}
	a, tr := target.Call("closest", "svg a"), target.Call("closest", "#rows tr[id]")
	el := a
	if !el.Truthy() {
		el = tr
	}
	if c.links.last != nil && el.Truthy() && el.Equal(c.links.last) {
		return
	}
	c.links.last = el
	var rows []string
	if p := c.links.rows.Load(); p != nil {
		rows = *p
	}
	links := fig.Call("querySelectorAll", "svg a")
	at := -1
	switch {
	case a.Truthy() && fig.Call("contains", a).Bool():
		for i := range links.Length() {
			if links.Index(i).Equal(a) {
				at = i
				break
			}
		}
	case tr.Truthy():
		id := tr.Get("id").String()
		at = slices.IndexFunc(rows, func(r string) bool { return slices.Contains(strings.Fields(r), id) })
	}
	c.mark(fig, links, rows, at)
}

// mark highlights link at (none when at is out of range) and its rows,
// and shows the link's name in the readout.
func (c *chartView) mark(fig, links app.Value, rows []string, at int) {
	doc := app.Window().Get("document")
	old := doc.Call("querySelectorAll", "svg a.hl, #rows tr.hl")
	for i := range old.Length() {
		old.Index(i).Get("classList").Call("remove", "hl")
	}
	readout := ""
	if at >= 0 && at < links.Length() {
		link := links.Index(at)
		link.Get("classList").Call("add", "hl")
		readout = link.Call("getAttribute", "aria-label").String()
		if at < len(rows) {
			for _, id := range strings.Fields(rows[at]) {
				if tr := doc.Call("getElementById", id); tr.Truthy() {
					tr.Get("classList").Call("add", "hl")
				}
			}
		}
	}
	if r := doc.Call("getElementById", c.ID+"-readout"); r.Truthy() {
		r.Set("textContent", readout)
	}
}
