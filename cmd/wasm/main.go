// Command wasm is the browser half of the app: it registers the routes,
// whose pages fetch the report when the first of them asks for it, and
// runs the go-app UI. Build it with GOOS=js GOARCH=wasm.
package main

import (
	"github.com/airesearch/aiweekly/app/ui"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	ui.Routes(ui.NewLoader())
	app.RunWhenOnBrowser()
}
