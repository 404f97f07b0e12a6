package ui

// stocksPage is "/stocks": the company index, every company of the report
// with its other names, its place in the chain and where the report names
// it, filterable by section, kind, chain link and sub-track; sorting by
// sections shows who the report names in several places.
type stocksPage struct{ explorer }
