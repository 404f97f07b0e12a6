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
	// The package initialisation ran in the task that compiled and
	// instantiated the wasm: what follows starts in a task of its own.
	ui.Yield()
	if ui.StalePage() {
		// The page is newer than this code: leave it as it is, under the
		// update banner web/pwa.js shows.
		return
	}
	site := ui.NewLoader()
	site.Wait(loadWait)
	// The report was parsed and its tables built in short tasks
	// (ui.NewLoader); mounting the page in a task of its own keeps each
	// of them short, so the browser can handle input and paint between.
	ui.Yield()
	// Registering the routes compiles go-app's route patterns: a task of
	// its own too, before go-app's first render.
	ui.Routes(site)
	ui.Yield()
	// go-app's engine reads the local storage as it starts: opening it
	// is a task of its own too.
	ui.OpenStorage()
	ui.Yield()
	app.RunWhenOnBrowser()
}
