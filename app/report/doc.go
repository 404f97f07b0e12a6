// Package report holds one weekly AI-industry research report as typed Go
// values, loads it from data/report.json and checks it.
//
// The JSON file is the single source of the application's data. [Parse]
// reads it with gjson into a [Report] in one pass, collecting every problem
// it meets rather than stopping at the first: a value of the wrong type, a
// missing key, an unknown key. It then validates the typed values as a
// whole: ranges of returns, contiguous ranks, ISO dates inside a window
// around the covered period, unique ids, and one identity per company (every
// mover, constituent, pick, financing and event points at a known company,
// and every name printed next to such a reference is a name or alias of
// that same company). All problems come back together in a
// [*ValidationError], each naming its JSON path, for example
//
//	movers.ytd_gainers[3].return: want a number, got "abc"
//
// A file that is not JSON at all gives a [*SyntaxError] with the byte
// offset, line and column of the fault.
//
// A [Report] built by [Parse] carries lookup indexes: [Report.Company]
// resolves any name or alias, [Report.CompanyByID] an id, and
// [Report.Closest] suggests companies for a name that resolves to none.
//
// The package has no dependency on go-app, so the server, the WebAssembly
// front end and the tests share it. [Load], which reads a file from disk, is
// left out of WebAssembly builds.
//
// data/report.schema.json describes the same file as a JSON Schema for
// editors; the loader's checks are a superset of the schema's.
package report
