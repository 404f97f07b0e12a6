package ui

import (
	"net/url"
	"testing"
)

// TestAcceptLang checks how a reader's Accept-Language picks the
// prerendered language: the preferred of en and zh by q-value, zh when the
// header names neither.
func TestAcceptLang(t *testing.T) {
	for header, want := range map[string]lang{
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
	} {
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
