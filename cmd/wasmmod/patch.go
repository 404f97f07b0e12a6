package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// edit replaces one passage of a go-app file in the copy wasmmod writes.
type edit struct {
	file     string // below the module's root
	old, new string // old must occur exactly once
}

// added are the files of _goapp that the edits call into, copied to
// pkg/app beside go-app's own.
var added = []string{"yield.go"}

// edits are the changes the browser build makes to go-app's own code,
// each with the reason beside it. They are go-app workarounds that
// app/ui/goapp.go lists (17, 19 and 20); TestEditsApply fails when a
// go-app upgrade changed an edited passage.
var edits = []edit{{
	// The first frame after the first render: RunWhenOnBrowser
	// (pkg/app/app.go:110-111) starts the engine right after mounting the
	// page, and the engine's first frame, due at once, renders again every
	// component that navigated, in the same task; yieldToPage
	// (_goapp/yield.go) puts it in a task of its own.
	file: "pkg/app/app.go",
	old:  "\tengine.Navigate(window.URL(), false)\n\tengine.Start(120)\n",
	new:  "\tengine.Navigate(window.URL(), false)\n\tyieldToPage()\n\tengine.Start(120)\n",
}, {
	// The frame: engineX.Start (pkg/app/engine.go) renders the components
	// a dispatch updated at the next tick of a ticker it starts on the
	// first dispatch, 1/120 s later (app.go starts it at 120), so each
	// keystroke or click waited 8.3 ms before any work was done. The edit
	// renders as soon as the dispatch queue is empty if the last frame is
	// a tick old, else when it is: a burst of dispatches (and the
	// follow-up a frame's own work dispatches) is still rendered at most
	// 120 times a second, and a dispatch that finds more queued behind it
	// leaves the frame to the last of them.
	file: "pkg/app/engine.go",
	old: `	for {
		select {
		case dispatch := <-e.dispatches:
			if currentFrameDuration != activeFrameDuration {
				frames.Reset(activeFrameDuration)
				currentFrameDuration = activeFrameDuration
			}
			dispatch()

		case <-frames.C:
			e.processFrame()
			frames.Reset(iddleFrameDuration)
			currentFrameDuration = iddleFrameDuration
`,
	new: `	var lastFrame time.Time
	for {
		select {
		case dispatch := <-e.dispatches:
			dispatch()
			// Patched by cmd/wasmmod: once the queue is empty, render now
			// or when the last frame is a tick old, not a tick from now.
			if len(e.dispatches) > 0 || currentFrameDuration != iddleFrameDuration {
				continue
			}
			if wait := activeFrameDuration - time.Since(lastFrame); wait > 0 {
				frames.Reset(wait)
				currentFrameDuration = activeFrameDuration
				continue
			}
			e.processFrame()
			lastFrame = time.Now()

		case <-frames.C:
			e.processFrame()
			lastFrame = time.Now()
			frames.Reset(iddleFrameDuration)
			currentFrameDuration = iddleFrameDuration
`,
}, {
	// Strings: a Go string passed to JavaScript is copied over in a call
	// of its own, each a js.Value with a cleanup registered, so setting
	// an attribute took three calls and creating an element three. The
	// edits pass the element's tag, the attribute names and the short
	// values (classes, labels) as JavaScript strings made once, and the
	// document as one value: about half the calls of mounting a table row.
	file: "pkg/app/js_wasm.go",
	old: `func (v value) setAttr(k, val string) {
	v.Call("setAttribute", k, val)
}

func (v value) delAttr(k string) {
	v.Call("removeAttribute", k)
}`,
	new: `func (v value) setAttr(k, val string) {
	v.Call("setAttribute", domString(k), domString(val))
}

func (v value) delAttr(k string) {
	v.Call("removeAttribute", domString(k))
}`,
}, {
	file: "pkg/app/js_wasm.go",
	old: `func (v value) setNodeValue(val string) {
	v.Set("nodeValue", val)
}`,
	new: `func (v value) setNodeValue(val string) {
	v.Set("nodeValue", domString(val))
}`,
}, {
	file: "pkg/app/js_wasm.go",
	old:  `		element = w.Get("document").Call("createElement", tag)`,
	new:  `		element = domDocument().Call("createElement", domString(tag))`,
}, {
	file: "pkg/app/js_wasm.go",
	old: `func (w *browserWindow) createTextNode(v string) Value {
	return w.Get("document").Call("createTextNode", v)
}`,
	new: `func (w *browserWindow) createTextNode(v string) Value {
	return domDocument().Call("createTextNode", domString(v))
}

// Patched by cmd/wasmmod: domStrings holds the JavaScript copies of the
// short strings the DOM is given again and again, so that passing one
// again is no call at all; it is emptied when full.
var domStrings = map[string]js.Value{}

func domString(s string) any {
	if len(s) > 48 {
		return s
	}
	if v, ok := domStrings[s]; ok {
		return v
	}
	if len(domStrings) >= 4096 {
		clear(domStrings)
	}
	v := js.ValueOf(s)
	domStrings[s] = v
	return v
}

var domDoc Value

func domDocument() Value {
	if domDoc == nil {
		domDoc = Window().Get("document")
	}
	return domDoc
}`,
}, {
	// Children: mountHTML appended each child in a call of its own; the
	// edit appends them all in one (Element.append), as the element is
	// not yet in the page while its children mount.
	file: "pkg/app/node.go",
	old: `	children := v.body()
	for i, child := range children {`,
	new: `	children := v.body()
	kids := make([]any, 0, len(children))
	for i, child := range children {`,
}, {
	file: "pkg/app/node.go",
	old: `		children[i] = child
		v.JSValue().appendChild(child)
	}

	return v, nil`,
	new: `		children[i] = child
		kids = append(kids, child)
	}
	if len(kids) > 0 {
		v.JSValue().Call("append", kids...)
	}

	return v, nil`,
}, {
	// Pointers: go-app compares a component's exported fields before
	// rendering it again, a pointer with reflect.DeepEqual, which makes a
	// map of visits per call and walks what differs: twice per table row
	// and render (its record and layout). The edit compares the address:
	// the same pointer is unchanged, another is an update, which for our
	// components (records, layouts, the report, the site: none made anew
	// with equal contents) is what DeepEqual found, at a walk's cost.
	file: "pkg/app/node.go",
	old: `		return !v.Equal(new)

	default:
		switch v.Interface().(type) {`,
	new: `		return !v.Equal(new)

	case reflect.Pointer:
		return v.Pointer() != new.Pointer()

	default:
		switch v.Interface().(type) {`,
}, {
	file: "pkg/app/attribute.go",
	old:  `		jsElement.Call("setAttribute", name, value)`,
	new:  `		jsElement.setAttr(name, value)`,
}}

// applyEdits makes edits in the copy of go-app at dir. An edit whose
// passage go-app no longer has, once or more than once, is an error: a
// go-app upgrade must be looked at, not built past.
func applyEdits(dir string, edits []edit) error {
	for _, e := range edits {
		path := filepath.Join(dir, filepath.FromSlash(e.file))
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if n := strings.Count(string(b), e.old); n != 1 {
			return fmt.Errorf("%s: the passage to edit occurs %d times; want once (go-app changed: see cmd/wasmmod/patch.go)", e.file, n)
		}
		if err := os.WriteFile(path, []byte(strings.Replace(string(b), e.old, e.new, 1)), 0o644); err != nil {
			return err
		}
	}
	return nil
}
