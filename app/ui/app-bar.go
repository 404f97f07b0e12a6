package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// appleHintKey is the local storage key that remembers the Apple install
// hint was dismissed.
const appleHintKey = "appbar.apple-hint.dismissed"

// appBar offers what the installed app needs beyond the report: a banner
// when a new version is ready, an install button where the browser offers
// installation, and how to install on Apple browsers, which offer none.
type appBar struct {
	app.Compo
	// Prefs gives the language of its words.
	Prefs       prefs
	updatable   bool
	installable bool
	apple       bool
}

func (b *appBar) OnMount(ctx app.Context) {
	b.updatable = ctx.AppUpdateAvailable()
	b.installable = canPrompt(ctx)
	b.apple = showAppleHint(ctx)
}

func (b *appBar) OnAppUpdate(ctx app.Context) { b.updatable = ctx.AppUpdateAvailable() }

func (b *appBar) OnAppInstallChange(ctx app.Context) {
	b.installable = canPrompt(ctx)
	b.apple = showAppleHint(ctx)
}

func (b *appBar) Render() app.UI {
	return app.Div().Class("appbar").Body(
		app.If(b.updatable, func() app.UI {
			return app.Div().Class("banner update").Role("status").Body(
				app.Span().Text(b.Prefs.T("app.update")),
				app.Button().ID("reload-update").Text(b.Prefs.T("app.reload")).OnClick(b.applyUpdate),
			)
		}),
		app.If(b.installable, func() app.UI {
			return app.Button().ID("install").Class("install").Text(b.Prefs.T("app.install")).OnClick(b.install)
		}),
		app.If(b.apple, func() app.UI {
			return app.Div().Class("banner apple").ID("apple-install").Body(
				app.Span().Text(b.Prefs.T("app.install.apple")),
				app.Button().Aria("label", b.Prefs.T("app.dismiss")).Text("×").OnClick(b.dismissApple),
			)
		}),
	)
}

// applyUpdate lets the waiting service worker take over and reloads
// (web/pwa.js), so the page comes back with the new wasm and data together.
func (b *appBar) applyUpdate(ctx app.Context, e app.Event) {
	if f := app.Window().Get("aiweeklyApplyUpdate"); f.Truthy() {
		f.Invoke()
		return
	}
	ctx.Reload()
}

// install shows the browser's install prompt, which can be used once.
func (b *appBar) install(ctx app.Context, e app.Event) {
	ctx.ShowAppInstallPrompt()
	b.installable = false
}

func (b *appBar) dismissApple(ctx app.Context, e app.Event) {
	b.apple = false
	if err := ctx.LocalStorage().Set(appleHintKey, true); err != nil {
		app.Log("remembering the dismissed install hint:", err)
	}
}

// canPrompt reports whether the browser offers an install prompt. go-app's
// IsAppInstallable is true on Apple browsers too, which have no prompt to
// show: they get the hint instead.
func canPrompt(ctx app.Context) bool {
	return app.IsClient && ctx.IsAppInstallable() && !ctx.IsAppleBrowser()
}

// showAppleHint reports whether to explain installation: on an Apple
// browser, when the app does not already run installed and the hint was
// not dismissed before.
func showAppleHint(ctx app.Context) bool {
	if !app.IsClient || !ctx.IsAppleBrowser() || standalone() {
		return false
	}
	var dismissed bool
	if err := ctx.LocalStorage().Get(appleHintKey, &dismissed); err != nil {
		return true
	}
	return !dismissed
}

// standalone reports whether the app already runs installed: from the home
// screen on iOS (navigator.standalone) or in its own window elsewhere.
func standalone() bool {
	if !app.IsClient {
		return false
	}
	if s := app.Window().Get("navigator").Get("standalone"); s.Truthy() && s.Bool() {
		return true
	}
	mm := app.Window().Call("matchMedia", "(display-mode: standalone)")
	return mm.Truthy() && mm.Get("matches").Bool()
}
