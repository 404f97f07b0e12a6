// Package explore holds the logic of the explorer pages: the five tables
// built from a [report.Report], filtering with facets and search, sorting,
// facet counts, the URL contract (state ↔ query string) and CSV/JSON
// export. It imports no UI code: components keep a [State], render the
// [Result] of [Apply], and turn events into a new State with its methods
// ([State.Toggle], [State.Remove], [State.ClearFilters], [State.SortBy],
// [State.WithQuery], [State.WithDates], [State.WithColors]), then navigate to
// [State.Href].
//
// # Building once, filtering per keystroke
//
// [BuildTables] (or [Movers], [Constituents], [Events], [Financings],
// [Picks]) runs once per loaded report. The builders walk the report's
// vocabularies through its iterators ([report.Movers.Lists],
// [report.Events.All]), and the list and kind facets take their values
// from [report.MoverLists] and [report.EventKinds], so a list or kind is
// named in app/report only. Building precomputes each row's lower-cased
// search text, the sort keys and the facet value indexes, so
// [Apply] only scans rows: it never re-parses the report or rebuilds an
// index. Apply on a 10,000-row table takes a few milliseconds, sorting
// included (see BenchmarkApply).
//
// The files follow the same split: table.go holds the table and its
// indexes, check.go what a link may name (aliases, case), collate.go the
// pinyin sort keys, index.go the company lookups the builders share,
// build.go the five builders, apply.go filtering, counting and
// sorting, state.go the [State] and its methods, query.go reading a query
// string into a State with its notices, export.go CSV and JSON.
//
// # The URL contract
//
// Every route takes colors, lang and week; the five table routes take the parameters
// below. Repeatable parameters may appear several times (list=a&list=b).
// Facet values are the labels as printed in the report, percent-encoded.
//
//	route          parameters
//	all            colors = cn (default: red up, green down) | intl (green up, red down)
//	               lang = zh | en (default: the reader's browser language)
//	               week = YYYY-MM-DD, the report date of a weekly (default: the newest;
//	               whether it was published is for the app, against its archive)
//	/movers        list = period-gainers | ytd-gainers | period-losers (repeatable; none means all three)
//	               link, segment (repeatable); q; sort
//	/constituents  link, segment (repeatable); q; sort
//	/events        kind = company | domestic | overseas (repeatable); company (repeatable);
//	               from, to (YYYY-MM-DD, inclusive); q; sort
//	/financings    currency (repeatable); q; sort
//	/picks         layer = 基础层 | 应用层 (one value); vertical (repeatable); q; sort
//
// sort names a column key, with a leading "-" for descending, and more
// keys after commas (sort=link,-return) that order rows tying on the ones
// before; without sort a table keeps the report's order. [State.SortBy]
// is a header click (figures biggest first, then reversed, then the
// report's order) and [State.ThenBy] a shift-click (adds a key). The keys, in column order:
//
//	/movers        rank, name, return, list, link, segment
//	/constituents  name, link, segment, period, ytd
//	/events        date, kind, title, companies, source
//	/financings    name, amount, currency, business, highlights
//	/picks         layer, vertical, name
//
// /picks takes sort too: its headers sort like every other table's, and
// the URL holds the whole view.
//
// # Meaning of the parameters
//
//   - Facet values from a link match in any case (currency=usd), and the
//     company facet takes any name, alias or id of a company
//     (company=商汤科技 is company=商汤-W); [Table.Check] canonicalises them.
//   - Facets: values of one facet combine with OR, different facets with
//     AND. Each facet's counts follow all other active filters but not its
//     own (as Datasette does); a value with no row shows only while
//     selected. Values are listed in report order.
//   - q: case-insensitive substring of the row's visible text (every cell
//     but the enumerated list and kind columns, whose text is the UI's
//     translation, plus an event's body shown under its title, plus every
//     name and alias of the companies the row names), Chinese
//     included; surrounding spaces are ignored when
//     matching. It is cut to [MaxQueryRunes] runes, never inside a
//     character, and invalid UTF-8 becomes U+FFFD. q is only ever data:
//     the UI must render it as text.
//   - from, to: events dated within both, inclusive. An undated event
//     (近期) is left out as soon as either is set, and sorts last by date.
//   - Movers carry the chain link and sub-track of the company's
//     constituent record, so they facet by link and segment.
//   - Constituents show the period return from the period gainers or
//     losers and the YTD return from the YTD gainers where the company is
//     in those lists; elsewhere the return is missing and sorts last.
//   - The report gives no sub-track (segment) for the AI工具 and AI应用
//     constituents. Such rows carry the segment value [NoSegment] (未细分),
//     listed last, so segment=未细分 picks them out; selecting a named
//     segment excludes them, the cell is empty, and they sort last by
//     segment in either direction.
//   - A q of spaces only is no search.
//   - Financing amounts show as printed and export in their own currency
//     (currency column); sort=amount compares them in US dollars at the
//     report's stored exchange rate.
//   - Sorting: numbers as numbers, dates as dates, text in pinyin order
//     (Latin names among the syllables by their letters; see textKey and
//     cmd/pinyinkeys, which generates the keys of the data's characters),
//     list and kind in report order. Ties keep the report's
//     order; missing values sort last in both directions.
//
// # Bad input
//
// A link never fails to load. [ParseQuery] ignores unknown parameter names
// silently and treats empty values as absent. An unknown or malformed value
// (list=bogus, sort=nope, from=2023-13-45, colors=pink), an extra value of
// a single-valued parameter, a facet value longer than [MaxValueRunes], or
// a q that had to be cut yields a [Notice] naming the parameter and value;
// the rest of the link applies. [Table.Check] (run by [Table.Parse]) drops
// facet labels the report lacks (link=bogus, layer=x, company=nobody) the
// same way. One link yields at most [MaxNotices] notices.
//
// [State.Encode] writes the canonical query string (names sorted, values of
// a facet sorted, defaults left out), so state → URL → state round-trips
// exactly, and two links to the same view are the same string.
//
// # Labels
//
// The package holds no UI text. Column and facet labels are message keys
// ("col.return", "facet.link"), enumerated values are keys under a prefix
// ("list.ytd-gainers", "kind.company"), and notice reasons are keys
// ("notice.unknown-value", "notice.bad-date", "notice.too-long",
// "notice.repeated"); the UI maps them through its catalog. Report data
// (names, links, segments, layers) is shown as printed.
//
// # Export
//
// [WriteCSV] writes the current rows, in order, as RFC 4180 CSV (CRLF) in
// UTF-8 with a byte-order mark and a header of column labels with their
// units (涨跌幅(%)); [WriteJSON] writes them as an array of objects keyed
// by column key, typed: numbers, null for a missing value, an array for
// the companies. Both add the columns only exports carry
// ([Table.Exports]): an event's date as printed, text and analysts' view,
// a financing's amount as printed and in US dollars.
// [State.FileName] names the file after the view: movers-ytd-gainers.csv.
package explore
