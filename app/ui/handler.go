//go:build !wasm

package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// NewHandler returns the go-app handler configured for this app: name,
// local icons, styles and the data file among the resources the service
// worker caches. version must change whenever the wasm or the data does;
// prefix is the path the app is served under ("" for the root).
func NewHandler(version, prefix string) *app.Handler {
	h := &app.Handler{
		Name:            "AI行业周报浏览器",
		ShortName:       "AI周报",
		Title:           "人工智能行业周报 · 2023-04-16",
		Description:     "浏览浙商证券人工智能行业周报（2023年4月16日）：指数表现、涨跌幅榜、成分股、事件、融资与重点关注标的。",
		Lang:            "zh-CN",
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
		Styles:             []string{"/web/app.css"},
		CacheableResources: []string{"/data/report.json"},
		Version:            version,
	}
	if prefix != "" {
		h.Resources = app.PrefixedLocation(prefix)
	}
	return h
}
