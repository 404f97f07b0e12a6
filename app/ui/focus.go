package ui

import (
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// announceDelay is how long the view must stay the same before the live
// region says its count: typing a word announces the count once it pauses,
// not once per letter.
const announceDelay = 600 * time.Millisecond

// announce says the view's count in the polite live region once the view
// has not changed for announceDelay. The region's text only changes when
// the count does, so a view with the count of the one before says nothing.
func (x *explorer) announce(ctx app.Context) {
	if !app.IsClient {
		x.said = x.countText()
		return
	}
	view := x.st.Encode()
	ctx.After(announceDelay, func(ctx app.Context) {
		if x.st.Encode() == view {
			x.said = x.countText()
		}
	})
}

// focusSpot is where focus was when a navigation began, in terms that
// outlive the elements: which kind of control, and which of its kind.
type focusSpot struct {
	kind  string // "chip", "clear", "chart", "row", "main" or "" (outside the page's content)
	index int    // the chip's position among the chips, the control's among its row's
	row   string // the id of the record whose row holds focus
}

// focusNow reads what has focus. OnNav runs before the new view renders,
// so the element is still the one the reader acted on.
func focusNow() focusSpot {
	if !app.IsClient {
		return focusSpot{}
	}
	doc := app.Window().Get("document")
	el := doc.Get("activeElement")
	if !el.Truthy() || !el.Get("closest").Truthy() {
		return focusSpot{}
	}
	switch {
	case el.Get("classList").Call("contains", "chip-remove").Bool():
		all := doc.Call("querySelectorAll", ".chip-remove")
		for i := range all.Length() {
			if all.Index(i).Equal(el) {
				return focusSpot{kind: "chip", index: i}
			}
		}
		return focusSpot{kind: "chip"}
	case el.Get("id").String() == "clear-all":
		return focusSpot{kind: "clear"}
	case el.Call("closest", ".chart-box").Truthy():
		return focusSpot{kind: "chart"}
	case el.Call("closest", "#rows tbody tr[id]").Truthy():
		return rowSpot(el)
	case el.Call("closest", "main").Truthy():
		return focusSpot{kind: "main"}
	}
	return focusSpot{}
}

// keepFocus gives focus, once the new view is in the page, a meaningful
// place when the element the reader acted on is gone (focus fell back to
// the body): the chip that took the removed one's place, or the search box
// when none did or after 清除全部筛选. A chart bar's link is redrawn with
// its chart, after the table: focus moves to the caption of the table
// the chart summarises, which then shows the filtered rows.
func (x *explorer) keepFocus(ctx app.Context) {
	was := x.focusWas
	x.focusWas = focusSpot{}
	if was.kind == "" {
		return
	}
	ctx.Defer(func(app.Context) {
		doc := app.Window().Get("document")
		if was.kind == "chart" {
			focusFirst(doc, "#rows caption", "#q")
			return
		}
		if was.kind == "row" && focusRow(doc, was) {
			return
		}
		if el := doc.Get("activeElement"); el.Truthy() && !el.Equal(doc.Get("body")) && el.Get("isConnected").Bool() {
			return
		}
		if was.kind == "chip" {
			if chips := doc.Call("querySelectorAll", ".chip-remove"); chips.Length() > 0 {
				chips.Index(min(was.index, chips.Length()-1)).Call("focus")
				return
			}
		}
		focusFirst(doc, "#q")
	})
}

// focusFirst focuses the first element matching one of sels.
func focusFirst(doc app.Value, sels ...string) {
	for _, sel := range sels {
		if el := doc.Call("querySelector", sel); el.Truthy() {
			el.Call("focus")
			return
		}
	}
}

// focusTarget moves focus to the element a skip link points at, besides
// scrolling to it as go-app does: the next Tab then goes on from there.
// The target carries tabindex="-1".
func focusTarget(ctx app.Context, e app.Event) {
	id := strings.TrimPrefix(ctx.JSSrc().Get("hash").String(), "#")
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Call("focus")
	}
}

// A row that now shows another record is updated in place (goapp.go,
// 12), so a control that had focus stays focused while it shows another
// record: rowSpot and focusRow make focus follow the record instead.

// rowSpot is the place of el, a control in a table row, by its record's
// id and its position among the row's controls.
func rowSpot(el app.Value) focusSpot {
	tr := el.Call("closest", "tr")
	spot := focusSpot{kind: "row", row: tr.Get("id").String()}
	all := tr.Call("querySelectorAll", "a, button")
	for i := range all.Length() {
		if all.Index(i).Equal(el) {
			spot.index = i
		}
	}
	return spot
}

// focusRow gives focus back to the control at was in the row of its
// record, which the update may have moved; it reports whether that row
// is in the page. A focused row that now shows another record loses focus
// (as it did when such a row was replaced), for keepFocus to place it.
func focusRow(doc app.Value, was focusSpot) bool {
	if tr := doc.Call("getElementById", was.row); tr.Truthy() && tr.Call("closest", "#rows tbody").Truthy() {
		if all := tr.Call("querySelectorAll", "a, button"); all.Length() > 0 {
			all.Index(min(was.index, all.Length()-1)).Call("focus")
			return true
		}
	}
	if el := doc.Get("activeElement"); el.Truthy() && el.Get("closest").Truthy() && el.Call("closest", "#rows tbody tr").Truthy() {
		el.Call("blur")
	}
	return false
}

// keepRowFocus makes focus follow its record through an update that moves
// the row window (scrolling, printing) rather than navigating.
func keepRowFocus(ctx app.Context) {
	if was := focusNow(); was.kind == "row" {
		ctx.Defer(func(app.Context) { focusRow(app.Window().Get("document"), was) })
	}
}
