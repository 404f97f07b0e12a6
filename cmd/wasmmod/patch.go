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

// edits are the changes the browser build makes to go-app's own code.
//
// The frame: engineX.Start (pkg/app/engine.go) renders the components a
// dispatch updated at the next tick of a ticker it starts on the first
// dispatch, 1/120 s later (app.go starts it at 120), so each keystroke
// or click waited 8.3 ms before any work was done. The edit renders as
// soon as the dispatch queue is empty if the last frame is a tick old,
// else when it is: a burst of dispatches (and the follow-up a frame's
// own work dispatches) is still rendered at most 120 times a second, and
// a dispatch that finds more queued behind it leaves the frame to the
// last of them. This is one of the go-app workarounds app/ui/goapp.go
// lists; TestEditsApply fails when go-app's passage changed.
var edits = []edit{{
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
