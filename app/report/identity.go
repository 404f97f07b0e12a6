package report

import "fmt"

// The checks below hold the report to one identity per company: every id
// is known, every printed name is a name or alias of the company it sits
// next to, and no list names a company twice.

// companies checks the companies and builds the maps that the reference
// checks use. A name or alias may belong to one company only, compared as
// [Report.Company] compares them.
func (v *validator) companies() {
	cs := v.r.Companies
	v.nonEmpty("companies", len(cs))
	v.ids, v.names = map[string]int{}, map[string]int{}
	v.idsOK, v.namesOK = v.ok("companies"), v.ok("companies")
	ids := v.idSet()
	owner := map[string]string{} // folded name -> path where it first appears
	for i, c := range cs {
		p := fmt.Sprintf("companies[%d]", i)
		ids.check(p, c.ID)
		if v.ok(p + ".id") {
			if _, dup := v.ids[c.ID]; !dup {
				v.ids[c.ID] = i
			}
		} else {
			v.idsOK = false
		}
		v.oneOf(p+".kind", c.Kind, kinds)

		if !v.ps.clean(p+".name") || !v.ps.clean(p+".aliases") {
			v.namesOK = false
		}
		type named struct{ path, name string }
		all := []named{{p + ".name", c.Name}}
		for j, a := range c.Aliases {
			all = append(all, named{fmt.Sprintf("%s.aliases[%d]", p, j), a})
		}
		for _, x := range all {
			q, name := x.path, x.name
			if !v.ok(q) {
				continue
			}
			key := fold(name)
			at, taken := owner[key]
			switch {
			case !taken:
				owner[key] = q
				v.names[key] = i
			case v.names[key] == i:
				v.add(q, "%q repeats %s", name, at)
			default:
				v.add(q, "%q already names company %q (%s)", name, cs[v.names[key]].ID, at)
			}
		}
	}
}

// company checks a reference to a company id, and returns the company's
// index when it is known.
func (v *validator) company(path, id string) (int, bool) {
	if !v.ok(path) || !v.idsOK {
		return 0, false
	}
	i, ok := v.ids[id]
	if !ok {
		v.add(path, "unknown company id %q", id)
	}
	return i, ok
}

// printed checks that a name printed next to a reference to company i is
// one of that company's names.
func (v *validator) printed(path, name string, i int) {
	if !v.ok(path) || !v.namesOK {
		return
	}
	j, ok := v.names[fold(name)]
	switch {
	case !ok:
		v.add(path, "%q is not the name or an alias of any company", name)
	case j != i:
		v.add(path, "%q names company %q, not %q", name, v.r.Companies[j].ID, v.r.Companies[i].ID)
	}
}

// ref checks a company reference at obj+".company" with the printed name
// at obj+".name", and reports whether the company is known.
func (v *validator) ref(obj, id, name string) bool {
	i, ok := v.company(obj+".company", id)
	if ok {
		v.printed(obj+".name", name, i)
	}
	return ok
}

// companyList checks a list of company ids naming what an event is about.
func (v *validator) companyList(path string, ids []string) {
	s := v.refSet(path)
	for i, id := range ids {
		p := fmt.Sprintf("%s[%d]", path, i)
		if _, ok := v.company(p, id); ok {
			s.once(i, p, id)
		}
	}
}

// refSet checks the references of one list, which may name each company
// once.
type refSet struct {
	v    *validator
	list string         // the list's path
	seen map[string]int // company id -> index of the entry that names it first
}

func (v *validator) refSet(list string) *refSet {
	return &refSet{v: v, list: list, seen: map[string]int{}}
}

// check checks entry i of the list, at obj, with [validator.ref].
func (s *refSet) check(i int, obj, id, name string) {
	if s.v.ref(obj, id, name) {
		s.once(i, obj+".company", id)
	}
}

// once reports the company id at path if an earlier entry names it.
func (s *refSet) once(i int, path, id string) {
	if j, dup := s.seen[id]; dup {
		s.v.add(path, "company %q is already at %s[%d]", id, s.list, j)
		return
	}
	s.seen[id] = i
}
