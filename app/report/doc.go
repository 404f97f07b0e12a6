// Package report holds one weekly AI-industry research report as typed Go
// values, loads it from data/report.json and checks it.
//
// The JSON file is the single source of the application's data, and the
// model's struct tags are the single description of its shape: each field
// of [Report] and the records under it names its JSON key, in the file's
// order, and whether it may be null or absent. [Parse] reads the document
// into a tree of values in one pass that also checks it is JSON (json.go),
// then one reader walks the tree and the model side by side (read.go),
// filling a [Report] in one pass and collecting every problem it meets
// rather than stopping at the first: a value of the wrong
// type, a missing key, an unknown or repeated key. It then validates the
// typed values as a whole (validate.go, sections.go, identity.go): ranges of returns, contiguous ranks, ISO dates inside a window
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
// The fixed vocabularies are defined once, in vocab.go: the three mover
// lists ([MoverList], walked with [Movers.Lists]), the three kinds of
// dated item ([EventKind], walked with [Events.Kinds] or [Events.All],
// which give company events and news alike as an [Item]), the chain links,
// layers, company kinds and currencies. Other packages walk them through
// these, never field by field.
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
