package ui

// moversPage is "/movers": the three top-10 lists, one table per list,
// each entry with its company's chain link and sub-track, to facet by.
type moversPage struct{ explorer }
