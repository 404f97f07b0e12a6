//go:build !wasm

package site

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/airesearch/aiweekly/app/archive"
	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/report"
)

// weeksPath is the URL path of the index of weeks, derived from the
// archive at start rather than kept in a file, so it never disagrees with
// the weeks served.
const weeksPath = "/" + archive.IndexPath

// loadArchive reads the earlier weeks of cfg.Weeks beside the newest,
// data, already parsed without error, and checks them all. The archive is
// nil when there is no valid newest week to put it beside.
func loadArchive(cfg Config, data []byte, logger *slog.Logger) (*archive.Archive, error) {
	older, err := archive.ReadDir(cfg.Weeks)
	if err != nil {
		return nil, err
	}
	a, err := archive.New(archive.File{Name: cfg.Data, Data: data}, older)
	if err != nil {
		return nil, fmt.Errorf("load the weeks: %w", err)
	}
	if len(older) > 0 {
		logger.Info("serving earlier weeks", "dir", cfg.Weeks, "weeks", len(older))
	}
	return a, nil
}

// archiveFiles returns what the archive adds to the files served: the
// index of weeks and each earlier week's file, by URL path. A site
// without an archive (no valid data) serves an index of no weeks, so the
// app still tells a missing week from a broken server.
func archiveFiles(a *archive.Archive) (map[string][]byte, error) {
	ix := archive.Index{Weeks: []archive.Week{}}
	if a != nil {
		ix = a.Index()
	}
	b, err := json.MarshalIndent(ix, "", "  ")
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{weeksPath: append(b, '\n')}
	for _, w := range ix.Weeks {
		if w.File != archive.NewestPath {
			out["/"+w.File] = a.Data(w.Date)
		}
	}
	return out, nil
}

// archiveResources holds the archive's files as resources, with the
// build-time variants of the weeks' files when fresh.
func archiveResources(files map[string][]byte, cfg Config, logger *slog.Logger) map[string]*resource {
	out := make(map[string]*resource, len(files))
	for p, b := range files {
		name := filepath.Join(cfg.Weeks, filepath.Base(p))
		out[p] = withVariants(newResource(contentTypes[".json"], b), name, func(enc string) ([]byte, bool) {
			if p == weeksPath {
				return nil, false
			}
			v, err := os.ReadFile(name + variantExt[enc])
			return v, err == nil
		}, logger)
	}
	return out
}

// loadAllData loads the data file and the earlier weeks beside it, and
// hands the App the archive. The data's bytes are returned even when they
// do not validate, for cfg.AllowInvalidData.
func loadAllData(cfg Config, logger *slog.Logger) (data []byte, rep *report.Report, weekFiles map[string][]byte, err error) {
	if cfg.Data != "" {
		data, rep, err = loadData(cfg.Data)
		if err != nil && !cfg.AllowInvalidData {
			return nil, nil, nil, err
		}
		if err != nil {
			logger.Warn("serving the data file although it is not valid (-allow-invalid-data)", "err", err)
		}
	}
	var weeks *archive.Archive
	if rep != nil {
		if weeks, err = loadArchive(cfg, data, logger); err != nil {
			return nil, nil, nil, err
		}
	}
	weekFiles, err = archiveFiles(weeks)
	if err != nil {
		return nil, nil, nil, err
	}
	if cfg.App.Archive != nil {
		cfg.App.Archive(weeks)
	}
	return data, rep, weekFiles, nil
}

// weekPagesDir is the directory of an export, and the path below the
// prefix, holding each earlier week's pages: w/2023-04-09/movers.html is
// what the server sends for /movers?week=2023-04-09. web/pwa.js and the
// service worker (app/ui/worker.js) spell it too.
const weekPagesDir = "/w/"

// weekPageLink returns the link an earlier week's page under weekPagesDir
// stands for, given its path below the prefix, percent-encoded, and its
// raw query: /w/2023-04-09/movers?list=ytd-gainers is
// /movers?list=ytd-gainers&week=2023-04-09. ok is false for any other
// path, and for a week the site does not hold.
func (s *Site) weekPageLink(esc, rawQuery string) (link string, ok bool) {
	rest, ok := strings.CutPrefix(esc, weekPagesDir)
	if !ok {
		return "", false
	}
	date, page, _ := strings.Cut(rest, "/")
	if _, ok := s.weekPages[date]; !ok {
		return "", false
	}
	page = "/" + page
	if len(page) > 1 {
		page = strings.TrimSuffix(page, "/")
	}
	return page + "?" + withWeek(rawQuery, date), true
}

// withWeek returns rawQuery naming week date: as it is when its first
// week parameter (the one the app reads) is date, otherwise without its
// week parameters and with date's appended, the rest as written.
func withWeek(rawQuery, date string) string {
	var kept []string
	first := true
	for _, part := range strings.Split(rawQuery, "&") {
		if part == "" {
			continue
		}
		key, value, _ := strings.Cut(part, "=")
		if k, err := url.QueryUnescape(key); err == nil && k == explore.ParamWeek {
			if first && value == date {
				return rawQuery
			}
			first = false
			continue
		}
		kept = append(kept, part)
	}
	return strings.Join(append(kept, explore.ParamWeek+"="+date), "&")
}

// weekRedirect redirects the path of an earlier week's page in an
// export (/w/2023-04-09/movers) to the link it stands for, which the
// server prerenders itself, and reports whether it did. A link to such a
// path thus works on the server and on a static host alike.
func (s *Site) weekRedirect(w http.ResponseWriter, r *http.Request) bool {
	link, ok := s.weekPageLink(strings.TrimPrefix(r.URL.EscapedPath(), s.cfg.Prefix), r.URL.RawQuery)
	if !ok {
		return false
	}
	http.Redirect(w, r, s.cfg.Prefix+link, http.StatusMovedPermanently)
	return true
}
