package explore

import (
	"net/url"
	"strings"
)

// ParamLang is the query parameter of the interface language.
const ParamLang = "lang"

// Lang is the interface language a link asks for: "zh" or "en". The zero
// value asks for none, and the reader's browser decides; a link keeps only
// a language that was asked for, so a shared link never imposes the
// sender's browser language on the reader.
type Lang string

// The two interface languages.
const (
	LangZH Lang = "zh"
	LangEN Lang = "en"
)

// Prefs are the reader's preferences that the URL carries on every route
// and that every internal link keeps, whatever the view: the colour
// convention, the interface language and the week. The zero value is the default of
// each. A new preference is one more field here, parsed in parsePrefs and
// written in set.
type Prefs struct {
	Colors Colors
	Lang   Lang
	// Week is the report date of the weekly the link shows, YYYY-MM-DD;
	// "" for the newest. Whether that week was published is for the app
	// to say, against its archive.
	Week string
}

// ParamWeek is the query parameter of the week a link shows.
const ParamWeek = "week"

// parsePrefs reads the preferences from query values, adding a notice for
// each bad value, which then keeps its default.
func parsePrefs(v url.Values, ns *[]Notice) Prefs {
	var p Prefs
	switch c := first(ParamColors, v[ParamColors], ns); strings.ToLower(c) {
	case "", "cn":
	case "intl":
		p.Colors = ColorsIntl
	default:
		*ns = append(*ns, notice(ParamColors, c, ReasonUnknownValue))
	}
	switch l := first(ParamLang, v[ParamLang], ns); strings.ToLower(l) {
	case "":
	case string(LangZH), string(LangEN):
		p.Lang = Lang(strings.ToLower(l))
	default:
		*ns = append(*ns, notice(ParamLang, l, ReasonUnknownValue))
	}
	switch w := first(ParamWeek, v[ParamWeek], ns); {
	case w == "":
	case validDate(w):
		p.Week = w
	default:
		*ns = append(*ns, notice(ParamWeek, w, ReasonBadDate))
	}
	return p
}

// set writes the preferences that differ from the default into v.
func (p Prefs) set(v url.Values) {
	if p.Colors != ColorsCN {
		v.Set(ParamColors, p.Colors.String())
	}
	if p.Lang != "" {
		v.Set(ParamLang, string(p.Lang))
	}
	if p.Week != "" {
		v.Set(ParamWeek, p.Week)
	}
}

// Query returns the preferences as query values, defaults left out: what
// a link to a page that keeps no other state carries.
func (p Prefs) Query() url.Values {
	v := url.Values{}
	p.set(v)
	return v
}
