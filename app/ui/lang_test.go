package ui

import (
	"net/url"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/testkit"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// TestAcceptLang checks how a reader's Accept-Language picks the
// prerendered language: the preferred of en and zh by q-value, zh when the
// header names neither.
func TestAcceptLang(t *testing.T) {
	cases := map[string]lang{
		"":                          zh,
		"en":                        en,
		"en-US,en;q=0.9":            en,
		"EN-gb":                     en,
		"zh-CN,zh;q=0.9,en;q=0.8":   zh,
		"zh-CN;q=0.5, en-US;q=0.8":  en,
		"de-DE, en;q=0.7":           en,
		"fr, de":                    zh,
		"en;q=0, zh;q=0.1":          zh,
		"en;q=bogus, zh":            zh,
		"en;q=2":                    zh,
		"eng, english":              zh,
		"en, zh":                    en,
		"zh, en":                    zh,
		"*":                         zh,
		" en-AU ; q=0.6 , ja;q=0.9": en,
	}
	for header, want := range cases {
		if got := acceptLang(header); got != want {
			t.Errorf("acceptLang(%q) = %s; want %s", header, got, want)
		}
	}
}

// TestNegotiateLang checks the raw query a page is prerendered from: the
// reader's language only for English and only when the link asks for none.
func TestNegotiateLang(t *testing.T) {
	tests := []struct{ raw, accept, want string }{
		{"", "zh-CN", ""},
		{"", "en-US", readerLangParam + "=en"},
		{"list=ytd-gainers", "en", "list=ytd-gainers&" + readerLangParam + "=en"},
		{"lang=zh", "en", "lang=zh"},
		{"lang=en", "en", "lang=en"},
		{"lang=en", "zh", "lang=en"},
	}
	for _, tt := range tests {
		got := NegotiateLang(tt.raw, tt.accept)
		if got != tt.want {
			t.Errorf("NegotiateLang(%q, %q) = %q; want %q", tt.raw, tt.accept, got, tt.want)
		}
		u := &url.URL{Path: "/", RawQuery: got}
		wantLang := zh
		if q, _ := url.ParseQuery(got); q.Get("lang") == "en" || q.Get("lang") == "" && tt.accept[:2] == "en" {
			wantLang = en
		}
		if l := prefsOf(u).lang; l != wantLang {
			t.Errorf("page of %q in %s; want %s", got, l, wantLang)
		}
	}
}

// TestTermsComplete checks that every term of the report's fixed
// vocabulary has an English label, so that an English reader can use
// every facet: chain links, sub-tracks, layers, verticals, the rating and
// its scale, and the index series.
func TestTermsComplete(t *testing.T) {
	r := testkit.LoadReport(t)
	used := []string{r.Meta.Rating}
	for _, l := range r.Meta.RatingScale.Levels {
		used = append(used, l.Rating)
	}
	for _, s := range r.IndexReturns.Series {
		used = append(used, s.Name)
	}
	for _, c := range r.Constituents {
		used = append(used, c.Link)
		if c.Segment != "" {
			used = append(used, c.Segment)
		}
	}
	for _, pk := range r.Picks {
		used = append(used, pk.Layer, pk.Vertical)
	}
	for _, s := range used {
		if label, ok := terms[s]; !ok || label == "" || hasHan(label) {
			t.Errorf("term %q: English label %q", s, label)
		}
	}
}

// TestTermShown checks how a term and the report's text show on each
// page: as printed in Chinese; in English our label with the printed term
// marked as Chinese beside it.
func TestTermShown(t *testing.T) {
	zhP, enP := prefs{lang: zh}, prefs{lang: en}
	if got := app.HTMLString(zhP.term("AI芯片")); got != "AI芯片" {
		t.Errorf("zh term = %q", got)
	}
	got := app.HTMLString(enP.term("AI芯片"))
	// go-app writes an element's attributes in map order: check each.
	if !strings.Contains(got, "AI chips") || !strings.Contains(got, `class="printed"`) ||
		!strings.Contains(got, `lang="zh-CN"`) || !strings.Contains(got, `>AI芯片</span>`) {
		t.Errorf("en term = %q", got)
	}
	if got := app.HTMLString(enP.printed("寒武纪")); got != `<span lang="zh-CN">寒武纪</span>` {
		t.Errorf("en printed = %q", got)
	}
	if got := app.HTMLString(enP.printed("Meta")); got != "Meta" {
		t.Errorf("en printed ASCII = %q", got)
	}
	svg := `<svg><title>Returns</title><text x="1">AI chips</text><text x="2">寒武纪</text><a href="/s"><title>寒武纪: +1%</title></a></svg>`
	if got := markChinese(svg); got != `<svg><title>Returns</title><text x="1">AI chips</text><text lang="zh-CN" x="2">寒武纪</text>`+
		`<a href="/s"><title lang="zh-CN">寒武纪: +1%</title></a></svg>` {
		t.Errorf("markChinese = %q", got)
	}
}
