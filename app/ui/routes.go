// Package ui holds the go-app components of the report explorer and the one
// route table that both the browser (cmd/wasm) and the server (cmd/server)
// use, so that what the server prerenders matches what the browser runs.
package ui

import (
	"regexp"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Paths of the fixed routes, in the order of the navigation bar.
var Paths = []string{"/", "/index", "/movers", "/constituents", "/events", "/financings", "/picks", "/about"}

// stockPath matches one company page; the name is any of its aliases.
var stockPath = regexp.MustCompile(`^/stocks/[^/]+$`)

// Routes registers every route with go-app. Unknown paths fall through to
// the not-found page; [IsKnownPath] tells the server to answer those 404.
func Routes() {
	app.Route("/", func() app.Composer { return &overviewPage{} })
	app.Route("/index", func() app.Composer { return &indexPage{} })
	app.Route("/movers", func() app.Composer { return &moversPage{} })
	app.Route("/constituents", func() app.Composer { return &constituentsPage{} })
	app.Route("/events", func() app.Composer { return &eventsPage{} })
	app.Route("/financings", func() app.Composer { return &financingsPage{} })
	app.Route("/picks", func() app.Composer { return &picksPage{} })
	app.Route("/about", func() app.Composer { return &aboutPage{} })
	app.RouteWithRegexp(stockPath.String(), func() app.Composer { return &stockPage{} })
	app.RouteWithRegexp(`^/.*`, func() app.Composer { return &notFoundPage{} })
}

// IsKnownPath reports whether path is one of the app's routes. A stock page
// counts whatever its name: whether the company exists is for the page to say.
func IsKnownPath(path string) bool {
	for _, p := range Paths {
		if path == p {
			return true
		}
	}
	return stockPath.MatchString(path) && !strings.Contains(path[len("/stocks/"):], "/")
}
