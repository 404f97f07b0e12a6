// Package importer turns a weekly's text, as extracted from its PDF, into a
// draft of data/report.json.
//
// The extracted text has lost the PDF's headings and layout: what is left
// is the report's paragraphs, bullets and tab-separated table rows, in the
// order of the pages. [Import] cuts the text into the report's sections by
// the first line of each (the key points start with "1、", the financings
// table with its header row "企业\t融资额…", and so on, in the order the
// weekly always prints them), reads each section line by line, and builds
// a [Draft] in the snapshot's exact shape and key order.
//
// Nothing is invented. Every non-blank line is either placed in the draft,
// deliberately skipped as page furniture (a street address, a copyright
// notice: see [Result.Skipped]), or reported as unplaced with its line
// number. A date the text does not print stays null with the words it
// prints instead (近期). Figures the text prints twice (the top five movers
// in a sentence and in the tables, the risks in the summary and at the
// end) are compared, and a disagreement is a [Problem].
//
// What the text does not hold comes from a small curated file,
// curated.json beside this package and embedded in it: the identity of
// each company (a stable id, its canonical name, the other spellings the
// weeklies use, its kind), the ids of the two indexes, the exchange rate
// with its date and source, and the few mentions that name a company
// without the item being about it. [ParseCurated] checks it.
//
// Finally the draft is written as JSON and read back with app/report's
// [report.Parse]; every validation problem is reported too, at the line
// the offending value came from. The package has no dependency on go-app
// and no file system access, so it also builds for WebAssembly.
package importer
