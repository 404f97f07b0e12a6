// Command hello is the smallest go-app v10 app: one route and one
// component showing a line of text. The benchmark builds it in the same run
// and with the same flags as the report explorer and loads it beside it, as
// the framework's floor: the size and load time no go-app app can go below.
//
// Like the explorer it has two halves. Built with GOOS=js GOARCH=wasm it is
// the browser half; built for the host it serves the browser half (see
// server.go), and nothing of the server is linked into the wasm.
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// greeting is the one component. The heading carries data-live="1" only
// when the browser rendered it, so the benchmark can tell the prerendered
// page from the running app, as it does with the explorer's shell.
type greeting struct {
	app.Compo
}

func (g *greeting) Render() app.UI {
	live := ""
	if app.IsClient {
		live = "1"
	}
	return app.Main().Body(
		app.H1().Class("hello").DataSet("live", live).Text("Hello, world"),
	)
}

// routes registers the one route, in the browser and on the server alike.
func routes() {
	app.Route("/", func() app.Composer { return &greeting{} })
}
