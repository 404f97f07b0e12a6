// This file stands in for go-app v10.1.11's pkg/app/http.go in the
// browser build (cmd/wasmmod copies go-app with it; see app/ui/goapp.go).
// That file is the server half, the Handler, and imports net/http, which
// links the HTTP client, server and TLS into every go-app wasm. The
// browser needs only the type's name, which wasm.go's
// GenerateStaticWebsite stub takes.

package app

// Handler is go-app's HTTP handler, which the browser never runs.
type Handler struct{}
