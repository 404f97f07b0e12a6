package ui

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// readerLangParam carries, on the server only, the language of the reader
// whose request the page is prerendered for, from its Accept-Language (see
// NegotiateLang). It is not a parameter of the app: links never carry it,
// and the browser reads navigator.language instead.
const readerLangParam = "reader-lang"

// readerLang is the language of a reader whose link asks for none: in the
// browser navigator.language; on the server the request's Accept-Language
// as NegotiateLang put it into u, else Chinese.
func readerLang(u *url.URL) lang {
	if app.IsClient {
		return langOf(app.Window().Get("navigator").Get("language").String())
	}
	if u != nil && u.Query().Get(readerLangParam) == string(en) {
		return en
	}
	return zh
}

// langOf maps a BCP 47 language tag to the interface language: English
// for any en tag, Chinese otherwise.
func langOf(tag string) lang {
	if l, _ := tagLang(tag); l == en {
		return en
	}
	return zh
}

// tagLang is the interface language of a BCP 47 tag of English (en, en-GB)
// or Chinese (zh, zh-Hant-TW), and false for any other language.
func tagLang(tag string) (lang, bool) {
	t := strings.ToLower(strings.TrimSpace(tag))
	for _, l := range []lang{en, zh} {
		if t == string(l) || strings.HasPrefix(t, string(l)+"-") {
			return l, true
		}
	}
	return zh, false
}

// acceptLang is the interface language an Accept-Language header prefers:
// of its en and zh tags, the one with the highest q-value (the first of
// equals; q=0 refuses a tag); Chinese when it names neither. Only the first
// 32 tags count, so a hostile header costs little.
func acceptLang(header string) lang {
	best, bestQ := zh, 0.0
	for i, part := range strings.SplitN(header, ",", 33) {
		if i == 32 {
			break
		}
		tag, params, _ := strings.Cut(part, ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || f < 0 || f > 1 {
				continue
			}
			q = f
		}
		if l, ok := tagLang(tag); ok && q > bestQ {
			best, bestQ = l, q
		}
	}
	return best
}

// NegotiateLang returns the raw query to prerender a page from for a
// reader whose browser sends acceptLanguage: rawQuery, with the reader's
// language added for the pages to read when the link asks for none and
// the reader prefers English. Chinese, the default, adds nothing, so the
// page of a Chinese reader is the page of no preference.
func NegotiateLang(rawQuery, acceptLanguage string) string {
	if acceptLang(acceptLanguage) != en {
		return rawQuery
	}
	if v, err := url.ParseQuery(rawQuery); err == nil {
		if l := v.Get(explore.ParamLang); l == string(zh) || l == string(en) {
			return rawQuery // the link's language wins: no second page of it
		}
	}
	hint := readerLangParam + "=" + string(en)
	if rawQuery == "" {
		return hint
	}
	return rawQuery + "&" + hint
}

// htmlLang is the value of <html lang> for interface language l.
func htmlLang(l lang) string {
	if l == en {
		return "en"
	}
	return "zh-CN"
}
