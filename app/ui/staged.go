package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// The wasm's first render replaces the whole prerendered page (go-app
// mounts new nodes for all of it, see 8 in goapp.go), in one task that
// blocks the main thread for as long as the page is large. The shell of
// that first page mounts only the content the window shows, as the
// prerendered page laid it out; the content below it follows in later
// tasks, one top-level node each. What the reader sees is mounted at
// once, and nothing above or in the window moves: only nodes wholly below
// it wait, whatever the scroll position or the anchor the page opened at.

// prerendered is true in the browser until the first shell has looked at
// the prerendered page.
var prerendered = app.IsClient

// prerenderedWidths are the widths of the prerendered page's charts by
// figure id, read with its layout, so that each chart of the first page is
// drawn once at its width rather than at a guess and again once measured.
var prerenderedWidths map[string]int

// firstScreen returns how many of the prerendered page's top-level content
// nodes (the children of main .page) start above the bottom of the window,
// when some start below it; 0 means mount everything at once, as every
// later page does.
func firstScreen() int {
	if !prerendered {
		return 0
	}
	prerendered = false
	w := app.Window()
	page := w.Get("document").Call("querySelector", "main .page")
	if !page.Truthy() {
		return 0
	}
	figs := page.Call("querySelectorAll", "figure.chart[id]")
	prerenderedWidths = make(map[string]int, figs.Length())
	for i := range figs.Length() {
		f := figs.Index(i)
		prerenderedWidths[f.Get("id").String()] = f.Get("clientWidth").Int()
	}
	kids := page.Get("children")
	bottom := w.Get("innerHeight").Float()
	n, shown := kids.Length(), 0
	for i := range n {
		if kids.Index(i).Call("getBoundingClientRect").Get("top").Float() < bottom {
			shown = i + 1
		}
	}
	if shown == 0 || shown >= n {
		return 0
	}
	return shown
}

// stage shows one more of the shell's content nodes in a task of its own,
// once the frame that showed the last one is done, until all are shown.
// It waits with Yield rather than a timer: a timer already due when the
// last frame ends (it is, on a slow phone) would run the next stage in the
// same task.
func (s *shell) stage(ctx app.Context) {
	if s.shown == 0 {
		return
	}
	ctx.Async(func() {
		Yield()
		ctx.Dispatch(func(ctx app.Context) {
			if s.shown == 0 {
				return
			}
			s.shown++
			if s.shown >= s.total {
				s.shown = 0
			}
			ctx.Defer(s.stage)
		})
	})
}

// staged returns the part of content the shell shows now.
func (s *shell) staged(content []app.UI) []app.UI {
	s.total = len(content)
	if s.shown == 0 || s.shown >= len(content) {
		s.shown = 0
		return content
	}
	return content[:s.shown]
}

// liveFlag is the shell's data-live: "0" as prerendered, "staging" while
// the first page mounts in stages, "1" once the wasm shows all of it. A
// page is only complete at "1", which tests and the benchmark wait for.
func (s *shell) liveFlag() string {
	if app.IsClient && s.shown != 0 {
		return "staging"
	}
	return liveFlag()
}
