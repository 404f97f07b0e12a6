package ui

// picksPage is "/picks": the recommended stocks, one row per stock, by
// layer and vertical.
type picksPage struct{ explorer }
