// Package archive is every published weekly the app serves: the newest,
// which is data/report.json, and the earlier ones, each kept unchanged as
// data/weeks/YYYY-MM-DD.json under its report date. It derives the index
// of weeks (date, title, rating, headline index figures), a company's
// history across weeks, and what changed from one week to the next. Like
// app/report it knows nothing of go-app, and it builds for the browser
// too.
package archive
