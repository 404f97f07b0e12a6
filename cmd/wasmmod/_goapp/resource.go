// This file stands in for go-app v10.1.11's pkg/app/resource.go in the
// browser build (see http.go here). It keeps, copied as they are, the
// functions that the browser half uses (app.go's RunWhenOnBrowser
// resolves the static resources' URLs with clientResourceResolver); the
// resolvers it leaves out serve the Handler.

package app

import "strings"

func clientResourceResolver(resourcesLocation string) func(string) string {
	return func(location string) string {
		if remoteLocation(location) || !webLocation(location) {
			return location
		}
		location = strings.Trim(location, "/")
		return resourcesLocation + "/" + strings.TrimPrefix(location, "web/")
	}
}

func remoteLocation(location string) bool {
	return strings.HasPrefix(location, "https://") ||
		strings.HasPrefix(location, "http://")
}

func webLocation(location string) bool {
	return strings.HasPrefix(location, "/web/") ||
		location == "/web" ||
		strings.HasPrefix(location, "web/") ||
		location == "web"
}
