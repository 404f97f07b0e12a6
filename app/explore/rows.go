package explore

// RowByID returns the row of t whose record id is id. Ids are the
// report's own (ce-1, dn-3, f-2, k01) or built from them (ytd-gainers/1,
// p-1/2), so a link to a row keeps working as long as the report does.
func (t *Table) RowByID(id string) (*Row, bool) {
	if t == nil || id == "" {
		return nil, false
	}
	for i := range t.Rows {
		if t.Rows[i].ID == id {
			return &t.Rows[i], true
		}
	}
	return nil, false
}

// Position returns where the row with record id id is among rows, or -1.
func Position(rows []*Row, id string) int {
	for i, r := range rows {
		if r.ID == id {
			return i
		}
	}
	return -1
}
