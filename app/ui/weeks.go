package ui

import (
	"net/url"
	"sync"
	"time"

	"github.com/airesearch/aiweekly/app/archive"
	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// paramWeek names the week a link shows: its report date, YYYY-MM-DD.
// Without it a page shows the newest week.
const paramWeek = explore.ParamWeek

// indexPath is where the browser fetches the index of weeks.
const indexPath = "/" + archive.IndexPath

// Site is the weeks every page of one app shows, or how loading them went.
// Each main builds one and passes it to [Routes]: the server from the
// archive it already loaded ([NewArchiveSite], [NewSite]), so that it
// prerenders the pages with their content; the browser one that fetches
// the index of weeks and each week's report when a page first asks for it
// ([NewLoader]). Nothing else holds a report, so two sites can live in one
// process.
type Site struct {
	ixDone chan struct{} // closed once the index is loaded, or failed to
	ix     archive.Index // the weeks, newest first; empty when the index failed
	// start begins loading the week in file (below the root); nil on
	// the server, whose weeks are all loaded.
	start func(file string) *weekLoad
	ready chan struct{} // closed once the week the page opened with loaded; nil on the server

	mu      sync.Mutex
	weeks   map[string]*weekLoad // by file, e.g. data/report.json
	preview *preview             // a local file shown instead, nil for none
	// dropTarget takes a file dropped onto a page (the opener of /weeks,
	// while shown); dropped keeps one dropped while it is not.
	dropTarget func(file app.Value)
	dropped    app.Value
}

// NewSite returns a site of the one week r, already loaded. A nil r gives
// a site whose pages say that no report could be loaded, as the server
// does when it serves an invalid data file on request.
func NewSite(r *report.Report) *Site {
	s := &Site{ixDone: make(chan struct{}), weeks: map[string]*weekLoad{archive.NewestPath: loadedWeek(r)}}
	if r != nil {
		s.ix.Weeks = []archive.Week{archive.Summary(r, archive.NewestPath)}
	}
	close(s.ixDone)
	return s
}

// NewArchiveSite returns a site of every week of a, already loaded.
func NewArchiveSite(a *archive.Archive) *Site {
	s := &Site{ixDone: make(chan struct{}), ix: a.Index(), weeks: map[string]*weekLoad{}}
	for _, w := range s.ix.Weeks {
		r, _ := a.Report(w.Date)
		s.weeks[w.File] = loadedWeek(r)
	}
	close(s.ixDone)
	return s
}

// NewLoader returns a site that fetches the index of weeks and the week
// of the address bar, below the app's prefix, at once, and every other
// week when a page first asks for it. The newest week, which links
// without a week show, starts downloading before the index arrives.
func NewLoader() *Site {
	s := &Site{ixDone: make(chan struct{}), weeks: map[string]*weekLoad{}, ready: make(chan struct{})}
	s.start = func(file string) *weekLoad { return startWeek(rootPrefix() + "/" + file) }
	waitIndex := fetchIndex(rootPrefix() + indexPath)
	go func() {
		ix, err := waitIndex()
		if err == nil {
			s.ix = ix
		}
		close(s.ixDone)
	}()
	week := weekParam(app.Window().URL())
	go func() {
		if week != "" {
			<-s.ixDone
		}
		w := s.week(s.fileOf(week))
		<-w.done
		// The first page's tables are built before go-app's first render,
		// in short tasks (Yield), rather than within that render, which
		// is one long task already. Other weeks build theirs when a page
		// first shows them.
		if c := w.loaded(); c != nil {
			c.prepared(Yield)
		}
		close(s.ready)
	}()
	return s
}

// Wait waits up to d for the week of the address bar to load, with its
// tables built, and reports whether it has. The browser's main waits
// before starting go-app, so that its first render shows the report (or
// why it failed) in place of the page the server prerendered, rather than
// the loading state.
func (s *Site) Wait(d time.Duration) bool {
	if s.ready == nil {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-s.ready:
		return true
	case <-t.C:
		return false
	}
}

// index returns the weeks, newest first, once the index is loaded; empty
// before, or when it failed (then every page shows the newest week).
func (s *Site) index() archive.Index {
	select {
	case <-s.ixDone:
		return s.ix
	default:
		return archive.Index{}
	}
}

// fileOf is the file of week date, the newest's for "" or a week the
// index does not list. Only a week of the index is ever fetched, and its
// file is named by the app, so a link cannot point the app at another
// file, let alone another site.
func (s *Site) fileOf(date string) string {
	if date == "" { // before the index arrives too
		return archive.NewestPath
	}
	if w, ok := s.index().Find(date); ok {
		return w.File
	}
	return archive.NewestPath
}

// week returns the loader of file, starting it on first use.
func (s *Site) week(file string) *weekLoad {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := s.weeks[file]
	if w == nil && s.start != nil {
		w = s.start(file)
		s.weeks[file] = w
	}
	if w == nil { // a server site asked for a file it does not hold
		w = loadedWeek(nil)
	}
	return w
}

// loaded returns the content of week date when it has loaded, nil
// otherwise.
func (s *Site) loaded(date string) *content {
	if p := s.previewing(); p != nil {
		return p.content
	}
	select {
	case <-s.ixDone:
		return s.week(s.fileOf(date)).loaded()
	default:
		return nil
	}
}

// request calls f with the content of week date (the newest for "" or a
// week not published), or with why it failed, once loading finished: at
// once when it already has (as on the server), otherwise on the UI
// goroutine of ctx later.
func (s *Site) request(ctx app.Context, date string, f func(*content, *LoadError)) {
	if p := s.previewing(); p != nil {
		f(p.content, nil)
		return
	}
	select {
	case <-s.ixDone:
		s.week(s.fileOf(date)).request(ctx, f)
	default:
		go func() {
			<-s.ixDone
			ctx.Dispatch(func(ctx app.Context) { s.week(s.fileOf(date)).request(ctx, f) })
		}()
	}
}

// weekParam is the week a URL names, as written ("" for none): the first
// value of its week parameter.
func weekParam(u *url.URL) string {
	if u == nil {
		return ""
	}
	v, _ := explore.ParseRawQuery(u.RawQuery)
	return v.Get(paramWeek)
}

// weekState is what the week parameter of a link comes to against the
// index: the week shown, and a notice when the link names a week the
// archive does not hold.
type weekState struct {
	asked  string // the parameter as written, "" for none
	shown  string // the date of the week shown
	newest string // the newest week's date
	notice *explore.Notice
}

// older reports whether the week shown is not the newest.
func (w weekState) older() bool { return w.shown != w.newest }

// weekOf resolves the week parameter of u against the index.
func (s *Site) weekOf(u *url.URL) weekState {
	ix := s.index()
	w := weekState{asked: weekParam(u), newest: ix.Newest()}
	w.shown = w.newest
	if w.asked == "" || len(ix.Weeks) == 0 {
		return w
	}
	if _, ok := ix.Find(w.asked); ok {
		w.shown = w.asked
		return w
	}
	if archive.ValidDate(w.asked) { // a malformed date gets its notice from explore
		w.notice = &explore.Notice{Param: paramWeek, Value: w.asked, Reason: explore.ReasonUnknownValue}
	}
	return w
}

// canonicalWeek returns the week parameter to keep in a page's canonical
// query, and false when the link names a week the archive does not hold
// (the page then shows a notice and is not cached). A link to the newest
// week by name keeps its name, so it never changes meaning.
func (s *Site) canonicalWeek(v url.Values) (string, bool) {
	asked := v.Get(paramWeek)
	if asked == "" {
		return "", true
	}
	if _, ok := s.index().Find(asked); ok {
		return asked, true
	}
	return "", false
}

// CanonicalQuery returns the query that means what rawQuery means on the
// page at path: the view's state encoded in its one canonical form, the
// week included, with the parameters the page ignores dropped. ok is false
// when part of rawQuery did not apply (a notice names it): the page then
// shows the notice, and only a page made from the raw query says so. The
// server caches the page of a canonical query, made from that query, so
// that junk parameters neither fill its cache nor reach another reader's
// page.
func (s *Site) CanonicalQuery(path, rawQuery string) (query string, ok bool) {
	v, raw := explore.ParseRawQuery(rawQuery)
	week, weekOK := s.canonicalWeek(v)
	st, ns := explore.ParseQuery("", v) // the colour convention, which every page reads
	if path == string(explore.RouteSearch) {
		st, ns = explore.ParseQuery(explore.RouteSearch, v)
	}
	if c := s.loaded(week); c != nil {
		for _, r := range routeTable {
			if r.path == path && r.explorer != nil {
				st, ns = c.table(r.explorer.route).Parse(v)
			}
		}
	}
	q := st.Query()
	q.Del(paramWeek) // the week as the archive knows it, not as written
	if week != "" {
		q.Set(paramWeek, week)
	}
	return q.Encode(), weekOK && len(raw) == 0 && len(ns) == 0
}

// loadedWeeks returns the reports of the weeks loaded so far, newest
// first: every week on the server.
func (s *Site) loadedWeeks() []*report.Report {
	var out []*report.Report
	for _, w := range s.index().Weeks {
		s.mu.Lock()
		l := s.weeks[w.File]
		s.mu.Unlock()
		if c := l.loadedOrNil(); c != nil {
			out = append(out, c.rep)
		}
	}
	return out
}

// requestAll calls f with the content of every week that loads, newest
// first, once each has loaded or failed: at once on the server, later on
// the UI goroutine of ctx in the browser. A week that failed is left out.
func (s *Site) requestAll(ctx app.Context, f func([]*content)) {
	select {
	case <-s.ixDone:
	default:
		go func() {
			<-s.ixDone
			ctx.Dispatch(func(ctx app.Context) { s.requestAll(ctx, f) })
		}()
		return
	}
	weeks := s.ix.Weeks
	got := make([]*content, len(weeks))
	left := len(weeks)
	for i, w := range weeks {
		s.request(ctx, w.Date, func(c *content, _ *LoadError) {
			got[i] = c
			if left--; left == 0 {
				var out []*content
				for _, c := range got {
					if c != nil {
						out = append(out, c)
					}
				}
				f(out)
			}
		})
	}
}

// linkWeek is the week internal links keep for a link that asks for
// week asked: asked when it was published, "" otherwise (the page shows
// the newest, and says so) and while a preview is shown.
func (s *Site) linkWeek(asked string) string {
	if asked == "" || s == nil || s.previewing() != nil {
		return ""
	}
	if _, ok := s.index().Find(asked); ok {
		return asked
	}
	return ""
}

// inWeek is p showing week date instead, "" for the newest.
func (p prefs) inWeek(date string) prefs {
	p.url.Week = date
	return p
}
