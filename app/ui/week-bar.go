package ui

import (
	"fmt"
	"net/url"

	"github.com/airesearch/aiweekly/app/archive"
	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// This file holds what the shell shows about the week: the switch in the
// top bar, the notice that a newer weekly exists, and the notice of a week
// the archive does not hold.

// week is the week the shell's page shows, resolved against the site's
// index; the zero weekState for a page without a site.
func (s *shell) week() weekState {
	if s.Site == nil || s.Site.previewing() != nil {
		return weekState{}
	}
	return s.Site.weekOf(&url.URL{RawQuery: s.query.Encode()})
}

// weekHref is the current address showing week date: "" for the newest,
// which links without a week show.
func (s *shell) weekHref(date string) string { return s.hereWith(paramWeek, date) }

// weekNotices is the notice of a week the link names and the archive
// does not hold, the newest being shown instead.
func (s *shell) weekNotices() []explore.Notice { return s.Site.weekNotices(s.query.Encode()) }

// weekNotices is the notice of the week a link's rawQuery names and the
// archive does not hold; none while a preview is shown or without a site.
func (s *Site) weekNotices(rawQuery string) []explore.Notice {
	if s == nil || s.previewing() != nil {
		return nil
	}
	if w := s.weekOf(&url.URL{RawQuery: rawQuery}); w.notice != nil {
		return []explore.Notice{*w.notice}
	}
	return nil
}

// weekSwitch lets the reader open the same view in another week, as
// links, so it works before the wasm runs; only when there is more than
// one week.
func (s *shell) weekSwitch() app.UI {
	if s.Site == nil || s.Site.previewing() != nil {
		return nil
	}
	weeks := s.Site.index().Weeks
	if len(weeks) < 2 {
		return nil
	}
	shown := s.week().shown
	return app.Details().Class("week-switch").Body(
		app.Summary().Aria("label", attr(fmt.Sprintf(s.T("weeks.switch.label"), shown))).Text(fmt.Sprintf(s.T("weeks.switch"), shown)),
		app.Ul().Body(app.Range(weeks).Slice(func(i int) app.UI {
			w := weeks[i]
			date := w.Date
			if i == 0 {
				date = ""
			}
			a := app.A().Href(s.weekHref(date)).DataSet("week", attr(w.Date)).Text(s.weekLabel(w, i == 0))
			if w.Date == shown {
				a = a.Aria("current", "true").Class("on")
			}
			return app.Li().Body(a)
		})),
	)
}

// weekLabel names a week in a list of weeks.
func (p prefs) weekLabel(w archive.Week, newest bool) string {
	if newest {
		return fmt.Sprintf(p.T("weeks.newest.label"), w.Date)
	}
	return w.Date
}

// newerNotice says that the page shows an older week, with a link to the
// same view in the newest; or that it shows a local preview.
func (s *shell) newerNotice() app.UI {
	if p := s.Site.previewing(); p != nil {
		return s.previewBanner(p)
	}
	w := s.week()
	if w.shown == "" || !w.older() {
		return nil
	}
	return app.Div().Class("week-notice").ID("week-notice").Role("note").Body(
		app.Span().Text(fmt.Sprintf(s.T("weeks.older"), w.shown, w.newest)+" "),
		app.A().ID("week-newest").Href(s.weekHref("")).Text(s.T("weeks.older.link")),
	)
}
