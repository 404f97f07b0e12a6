//go:build !wasm

package ui

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"html"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// workerTemplate is the service worker's template; see worker.js.
//
//go:embed worker.js
var workerTemplate string

// weekPagesMeta names the meta tag listing the earlier weeks whose pages
// a static export holds.
const weekPagesMeta = "app-week-pages"

// Paths of the files the pages load besides go-app's own.
const (
	loaderCSS = "/web/loader.css"
	pwaJS     = "/web/pwa.js"
)

// NewHandler returns the go-app handler configured for this app: name,
// local icons, styles, the page script and our service worker, with the
// data file among the resources it precaches. version must change whenever
// the wasm or the data does; prefix is the path the app is served under
// ("" for the root, else like "/sub", as [CleanPrefix] returns it);
// weekPages are the dates of the earlier weeks whose pages a static
// export holds under w/DATE/, which every page names for web/pwa.js.
func NewHandler(version, prefix string, weekPages []string) *app.Handler {
	h := &app.Handler{
		Name:            Message(zh, "app.name"),
		ShortName:       Message(zh, "app.short"),
		Title:           "人工智能行业周报 · 2023-04-16",
		Description:     Message(zh, "app.description"),
		Lang:            htmlLang(zh),
		Author:          "AI weekly explorer",
		BackgroundColor: "#ffffff",
		ThemeColor:      "#b71c1c",
		LoadingLabel:    "{progress}%",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-maskable.png",
			SVG:      "/web/icon.svg",
		},
		Styles:             []string{"/web/app.css", loaderCSS},
		Scripts:            []string{pwaJS + " defer"},
		CacheableResources: []string{dataPath, indexPath, "/web/icon.svg"},
		RawHeaders: []string{
			`<meta name="apple-mobile-web-app-title" content="` + html.EscapeString(Message(zh, "app.short")) + `">`,
			// The version of the prerendered page, which pwa.js and the
			// wasm compare with the version of the code that runs (see
			// StalePage).
			`<meta name="` + versionMeta + `" content="` + html.EscapeString(version) + `">`,
			// The report downloads while the wasm does, not after Go has
			// started: the loader's fetch (same URL, mode and credentials)
			// takes this response instead of asking again.
			`<link rel="preload" href="` + html.EscapeString(prefix+dataPath) + `" as="fetch" crossorigin>`,
		},
		ServiceWorkerTemplate: workerJS(),
		Version:               version,
	}
	if len(weekPages) > 0 {
		// The earlier weeks with pages of their own in a static export:
		// pwa.js replaces the newest week's page a static host sends for
		// a link to one of them with that week's.
		h.RawHeaders = append(h.RawHeaders,
			`<meta name="`+weekPagesMeta+`" content="`+html.EscapeString(strings.Join(weekPages, " "))+`">`)
	}
	if prefix != "" {
		h.Resources = prefixResolver(prefix)
	}
	return h
}

// workerJS fills in the parts of the worker template that come from the
// route table; go-app fills in the version and the resources.
func workerJS() string {
	shells, err := json.Marshal(Paths())
	if err != nil {
		panic(err) // a []string always encodes
	}
	others, err := json.Marshal([]string{stockPath, rowRoute()})
	if err != nil {
		panic(err)
	}
	r := strings.NewReplacer("{{.ShellRoutes}}", string(shells), "{{.AppRoutes}}", string(others))
	return r.Replace(workerTemplate)
}

// CleanPrefix checks a path prefix to serve the app under and returns it
// in the form NewHandler takes: "" for the root, otherwise a leading slash
// and no trailing one ("/sub", "/a/b"). Each segment may hold ASCII letters,
// digits and "-._~"; the prefixes /web and /data would hide the app's own
// files and are refused.
func CleanPrefix(prefix string) (string, error) {
	p := strings.Trim(prefix, "/")
	if p == "" {
		return "", nil
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return "", fmt.Errorf("prefix %q: empty or dot segment", prefix)
		}
		for _, c := range seg {
			ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("-._~", c)
			if !ok {
				return "", fmt.Errorf("prefix %q: character %q not allowed", prefix, c)
			}
		}
	}
	if first, _, _ := strings.Cut(p, "/"); first == "web" || first == "data" {
		return "", fmt.Errorf("prefix %q: /%s holds the app's files", prefix, first)
	}
	return "/" + p, nil
}

// prefixResolver resolves go-app's resource paths under a path prefix, the
// way the browser resolves them: the files below /web/ and the files go-app
// and the worker load by absolute path get the prefix; links the app makes
// carry it already (see rootPrefix) and anchors and queries stay as they are.
// go-app's own PrefixedLocation prefixes every attribute (see goapp.go).
type prefixResolver string

// prefixedFiles are the absolute paths outside /web/ go-app's page, app.js
// and the worker refer to.
var prefixedFiles = map[string]bool{
	"/app.js": true, "/app.css": true, "/app-worker.js": true, "/wasm_exec.js": true,
	"/manifest.webmanifest": true, dataPath: true, indexPath: true,
}

// Resolve implements app.ResourceResolver. The root resolves to the prefix
// without a trailing slash, which is what go-app expects of
// GOAPP_ROOT_PREFIX.
func (p prefixResolver) Resolve(location string) string {
	switch {
	case location == "" || location == "/":
		return string(p)
	case location == "/web" || strings.HasPrefix(location, "/web/") || prefixedFiles[location]:
		return string(p) + location
	case location == "web" || strings.HasPrefix(location, "web/"):
		return string(p) + "/" + location
	}
	return location
}

// ManifestJSON returns the web app manifest for h served under prefix,
// replacing go-app's: its scope is always "/" and its start URL lacks the
// trailing slash, so under a prefix the installed app would claim the whole
// origin and start outside the service worker's scope. The icons are the
// local 192 and 512 pixel PNGs, the maskable one and the SVG. Name, short
// name and description are Chinese, with English in their _localized
// members (Web App Manifest, "localized members"), for the browsers that
// read them.
func ManifestJSON(h *app.Handler, prefix string) []byte {
	type icon struct {
		Src     string `json:"src"`
		Type    string `json:"type"`
		Sizes   string `json:"sizes"`
		Purpose string `json:"purpose"`
	}
	res := func(p string) string {
		if prefix == "" {
			return p
		}
		return prefixResolver(prefix).Resolve(p)
	}
	type l10n map[string]string // BCP 47 tag -> text
	scope := prefix + "/"
	m := struct {
		ID              string `json:"id"`
		Name            string `json:"name"`
		ShortName       string `json:"short_name"`
		Description     string `json:"description"`
		NameL10n        l10n   `json:"name_localized"`
		ShortNameL10n   l10n   `json:"short_name_localized"`
		DescriptionL10n l10n   `json:"description_localized"`
		Lang            string `json:"lang"`
		StartURL        string `json:"start_url"`
		Scope           string `json:"scope"`
		Display         string `json:"display"`
		BackgroundColor string `json:"background_color"`
		ThemeColor      string `json:"theme_color"`
		Icons           []icon `json:"icons"`
	}{
		ID:              scope,
		Name:            h.Name,
		ShortName:       h.ShortName,
		Description:     h.Description,
		NameL10n:        l10n{"en": Message(en, "app.name")},
		ShortNameL10n:   l10n{"en": Message(en, "app.short")},
		DescriptionL10n: l10n{"en": Message(en, "app.description")},
		Lang:            h.Lang,
		StartURL:        scope,
		Scope:           scope,
		Display:         "standalone",
		BackgroundColor: h.BackgroundColor,
		ThemeColor:      h.ThemeColor,
		Icons: []icon{
			{Src: res(h.Icon.Default), Type: "image/png", Sizes: "192x192", Purpose: "any"},
			{Src: res(h.Icon.Large), Type: "image/png", Sizes: "512x512", Purpose: "any"},
			{Src: res(h.Icon.Maskable), Type: "image/png", Sizes: "512x512", Purpose: "maskable"},
			{Src: res(h.Icon.SVG), Type: "image/svg+xml", Sizes: "any", Purpose: "any"},
		},
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		panic(err) // strings and slices of them always encode
	}
	return b
}
