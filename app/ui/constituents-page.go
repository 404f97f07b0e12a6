package ui

// constituentsPage is "/constituents": the index's 45 stocks by chain link
// and sub-track, with the period and YTD return where a mover list gives
// one.
type constituentsPage struct{ explorer }
