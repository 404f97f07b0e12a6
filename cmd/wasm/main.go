// Command wasm is the browser half of the app: it starts loading the
// report, registers the routes, whose pages show it, and runs the go-app
// UI. Build it with GOOS=js GOARCH=wasm.
package main

import (
	"time"

	"github.com/airesearch/aiweekly/app/ui"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// loadWait is how long the page the server prerendered stays in place
// while the report loads; past it go-app starts and shows the loading
// state until the report arrives.
const loadWait = 3 * time.Second

func main() {
	if ui.StalePage() {
		// The page is newer than this code: leave it as it is, under the
		// update banner web/pwa.js shows.
		return
	}
	site := ui.NewLoader()
	site.Wait(loadWait)
	// The report was parsed in the task its download finished in; mounting
	// the page in a task of its own keeps each of the two shorter, so the
	// browser can handle input and paint between them.
	yield()
	ui.Routes(site)
	app.RunWhenOnBrowser()
}

// yield lets the browser run its event loop: with every goroutine asleep,
// Go's js/wasm scheduler returns to JavaScript and resumes on a timer.
func yield() { time.Sleep(time.Millisecond) }
