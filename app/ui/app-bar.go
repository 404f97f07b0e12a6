package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// appBar offers what the installed app needs beyond the report: a banner
// when a new version is ready, an install button where the browser offers
// installation, and how to install on Apple browsers, which offer none.
type appBar struct {
	app.Compo
	updatable   bool
	installable bool
	apple       bool
	hideApple   bool
}

func (b *appBar) OnMount(ctx app.Context) {
	b.updatable = ctx.AppUpdateAvailable()
	b.installable = ctx.IsAppInstallable()
	b.apple = ctx.IsAppleBrowser() && !standalone()
}

func (b *appBar) OnAppUpdate(ctx app.Context) { b.updatable = ctx.AppUpdateAvailable() }

func (b *appBar) OnAppInstallChange(ctx app.Context) { b.installable = ctx.IsAppInstallable() }

func (b *appBar) Render() app.UI {
	return app.Div().Class("appbar").Body(
		app.If(b.updatable, func() app.UI {
			return app.Div().Class("banner update").Role("status").Body(
				app.Span().Text(T("app.update")),
				app.Button().ID("reload-update").Text(T("app.reload")).OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }),
			)
		}),
		app.If(b.installable, func() app.UI {
			return app.Button().ID("install").Class("install").Text(T("app.install")).
				OnClick(func(ctx app.Context, e app.Event) { ctx.ShowAppInstallPrompt() })
		}),
		app.If(b.apple && !b.hideApple, func() app.UI {
			return app.Div().Class("banner apple").Body(
				app.Span().Text(T("app.install.apple")),
				app.Button().Aria("label", T("app.dismiss")).Text("×").OnClick(func(ctx app.Context, e app.Event) { b.hideApple = true }),
			)
		}),
	)
}

// standalone reports whether the app already runs installed.
func standalone() bool {
	if !app.IsClient {
		return false
	}
	mm := app.Window().Call("matchMedia", "(display-mode: standalone)")
	return mm.Truthy() && mm.Get("matches").Bool()
}
