package ui

// eventsPage is "/events": the company events with the analysts' view,
// then the domestic and overseas news, one table per kind, filterable by
// kind, company and date range.
type eventsPage struct{ explorer }
