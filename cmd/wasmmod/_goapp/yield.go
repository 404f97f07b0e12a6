// This file is added by cmd/wasmmod to its copy of go-app v10.1.11 for
// the browser build, for its edit of go-app's app.go (see
// edits in cmd/wasmmod/patch.go, and 17 in app/ui/goapp.go).

package app

// yieldToPage lets the browser run its event loop once: the goroutine
// waits for a timer callback, so that with every goroutine asleep the Go
// scheduler returns to JavaScript and what follows runs in a task of its
// own.
func yieldToPage() {
	if IsServer {
		return
	}
	done := make(chan struct{})
	resume := FuncOf(func(Value, []Value) any { close(done); return nil })
	defer resume.Release()
	Window().Call("setTimeout", resume, 0)
	<-done
}
