// Package site is the explorer's HTTP server as a library: cmd/server, the
// benchmark's floor app (bench/hello) and the tests all start it.
//
// [New] loads everything a site serves into memory once, so the pages, the
// wasm and the data always belong to one version: the files of web/, the
// report at /data/report.json (validated with package report; an invalid
// file stops the start), go-app's generated files (app.js, the service
// worker, the manifest), and the pages go-app prerenders, rendered on first
// request and kept in a bounded cache. [Site.ServeHTTP] answers with brotli
// or gzip by Accept-Encoding (precompressed variants from [Precompress]
// when they are fresh), strong ETags per encoding, Cache-Control: no-cache,
// a Content-Security-Policy and the other security headers, and one
// structured access log line per request. Conditional requests, HEAD and
// byte ranges are answered by http.ServeContent.
//
// [Site.Listen] serves a site on a TCP address (port 0 picks a free one,
// [Server.Addr] names it) with timeouts fit for the open internet, and
// [Server.Close] shuts it down gracefully. [Site.Export] writes the same
// bytes as a static site for any static host.
//
// Which go-app application is served is an [App]; the zero [Config] serves
// the report explorer of package ui ([Explorer]). Every use of package ui
// is in ui.go. go-app's routes are global, so one process serves one App.
//
// The package is server-only: its files are built with !wasm, so the
// browser's build never links it.
package site
