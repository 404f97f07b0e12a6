// Command server serves the report explorer (package site): the go-app
// pages prerendered with the report, the WebAssembly binary and other files
// of web/, and the data file at /data/report.json, compressed, cached by
// ETag and behind security headers. Run it from the repository root:
//
//	bin/server -addr 127.0.0.1:8000
//
// With -precompress it writes brotli (.br) and gzip (.gz) variants of the
// text files and app.wasm named by its arguments or below them, for the
// server and static hosts to send to clients that accept them, and exits:
//
//	bin/server -precompress web data/report.json
//
// With -export it writes the whole site as static files for any static
// host or CDN instead of serving it: every page prerendered, the wasm, the
// data, the service worker, the manifest, the icons and their .br and .gz
// variants. -prefix serves the app, or makes the export, for a sub-path
// such as a GitHub Pages project site:
//
//	bin/server -export dist -prefix /aiweekly
//
// -base-url names the public address, prefix included, for the server and
// the export alike, so that each page carries its absolute og:url:
//
//	bin/server -export dist -prefix /aiweekly -base-url https://example.org/aiweekly
package main
