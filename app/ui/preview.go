package ui

import (
	"fmt"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// maxPreviewBytes bounds a file opened for preview: a report is tens of
// kilobytes, and reading an arbitrary file whole must not exhaust memory.
const maxPreviewBytes = 16 << 20

// preview is a report file opened from the reader's disk and shown in
// place of the published weeks. It lives in the page's memory only: it is
// never uploaded, never written to the worker's cache, and no link can
// name it, so a link can only ever show a published week of this origin.
type preview struct {
	name    string // the file's name, as the reader's system gives it
	content *content
}

// startPreview shows c, read from the file name, on every page until the
// preview ends or the page reloads.
func (s *Site) startPreview(name string, c *content) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.preview = &preview{name: name, content: c}
}

// previewing returns the preview shown, nil when none.
func (s *Site) previewing() *preview {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.preview
}

// previewProblems are why a file did not open as a report: each problem
// with its JSON path, line and column, the first report.MaxProblems and
// then how many more.
func (p prefs) previewProblems(err error) []string {
	if se, ok := errorAs[*report.SyntaxError](err); ok {
		return []string{fmt.Sprintf(p.T("preview.at"), se.Line, se.Column, se.Msg)}
	}
	ve, ok := errorAs[*report.ValidationError](err)
	if !ok {
		return []string{err.Error()}
	}
	out := make([]string, 0, len(ve.Problems)+1)
	for _, pr := range ve.Problems {
		out = append(out, fmt.Sprintf(p.T("preview.at"), pr.Line, pr.Column, pr.String()))
	}
	if ve.Omitted > 0 {
		out = append(out, fmt.Sprintf(p.T("preview.more"), ve.Omitted))
	}
	return out
}

// previewBanner says that the page shows a local file, not the published
// report, with the way back.
func (s *shell) previewBanner(p *preview) app.UI {
	return app.Div().Class("preview-banner").ID("preview-banner").Role("note").Body(
		app.Strong().Text(s.T("preview.banner.title")+" "),
		app.Span().Text(fmt.Sprintf(s.T("preview.banner"), p.name, p.content.rep.Meta.ReportDate)+" "),
		app.Button().Type("button").ID("preview-end").Text(s.T("preview.end")).OnClick(endPreview),
	)
}

// endPreview ends the preview: the preview lives in the page's memory
// only, so a reload shows the published week of the address bar again.
func endPreview(ctx app.Context, e app.Event) { ctx.Reload() }

// dropListener listens for a file dropped onto the page, so the browser
// does not navigate away to it, and hands it to the preview opener of
// /weeks: at once when that page is shown, otherwise after opening it.
type dropListener struct {
	onOver, onDrop app.Func
}

// listenDrops starts listening, on a shell of a page that shows a report.
func (s *shell) listenDrops(ctx app.Context) {
	if s.Site == nil || !app.IsClient || s.drops.onDrop != nil {
		return
	}
	site, home := s.Site, s.inWeek("").link("/weeks")
	s.drops.onOver = app.FuncOf(func(this app.Value, args []app.Value) any {
		args[0].Call("preventDefault")
		return nil
	})
	s.drops.onDrop = app.FuncOf(func(this app.Value, args []app.Value) any {
		ev := args[0]
		ev.Call("preventDefault")
		files := ev.Get("dataTransfer").Get("files")
		if !files.Truthy() || files.Length() == 0 {
			return nil
		}
		file := files.Index(0)
		if !site.dropTo(file) {
			ctx.Dispatch(func(ctx app.Context) { ctx.Navigate(home) })
		}
		return nil
	})
	app.Window().Call("addEventListener", "dragover", s.drops.onOver)
	app.Window().Call("addEventListener", "drop", s.drops.onDrop)
}

// stopDrops stops listening.
func (s *shell) stopDrops() {
	if s.drops.onDrop == nil {
		return
	}
	app.Window().Call("removeEventListener", "dragover", s.drops.onOver)
	app.Window().Call("removeEventListener", "drop", s.drops.onDrop)
	s.drops.onOver.Release()
	s.drops.onDrop.Release()
	s.drops = dropListener{}
}

// setDropTarget names the opener that takes dropped files, nil for none.
func (s *Site) setDropTarget(f func(file app.Value)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dropTarget = f
}

// dropTo hands file to the opener, or keeps it for the opener to take
// once /weeks is shown; it reports whether an opener took it.
func (s *Site) dropTo(file app.Value) bool {
	s.mu.Lock()
	f := s.dropTarget
	if f == nil {
		s.dropped = file
	}
	s.mu.Unlock()
	if f != nil {
		f(file)
	}
	return f != nil
}

// takeDropped returns the file dropped while no opener was shown.
func (s *Site) takeDropped() (app.Value, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	file := s.dropped
	s.dropped = nil
	return file, file != nil
}
