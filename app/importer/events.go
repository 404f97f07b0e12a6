package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/airesearch/aiweekly/app/report"
)

var (
	itemRe   = regexp.MustCompile(`^(?:- )?(\d+)、(.+)$`)
	markerRe = regexp.MustCompile(`^[(（]\d+[)）]\s*(.+)$`)
	whenRe   = regexp.MustCompile(`^([^，。]{1,12})，`)
	sourceRe = regexp.MustCompile(`（来源：(.+)）$`)
)

// when returns how a title puts its time (4月5日, 近期) and the ISO date
// when that is a day. A title that starts with neither gives "" and "".
func (im *importer) when(title string) (printed, date string) {
	m := whenRe.FindStringSubmatch(title)
	if m == nil {
		return "", ""
	}
	return m[1], im.date(m[1])
}

// companyEvents reads the numbered company events: a heading "N、date，…",
// numbered detail lines, then after "我们认为：" the analysts' view.
func (im *importer) companyEvents(ls []line) {
	evs := &im.d.Events.CompanyEvents
	views := false
	for _, l := range nonBlank(ls) {
		t := l.text()
		var e *report.CompanyEvent
		if len(*evs) > 0 {
			e = &(*evs)[len(*evs)-1]
		}
		switch m, mk := itemRe.FindStringSubmatch(t), markerRe.FindStringSubmatch(t); {
		case m != nil:
			im.at(fmt.Sprintf("events.company_events[%d]", len(*evs)), l.n)
			printed, date := im.when(m[2])
			*evs = append(*evs, report.CompanyEvent{
				ID: fmt.Sprintf("ce-%d", len(*evs)+1), Number: atoi(m[1]), Date: date,
				DateAsPrinted: printed, Title: m[2],
			})
			views = false
		case e != nil && t == "我们认为：":
			views = true
		case e != nil && mk != nil && views:
			e.Views = append(e.Views, mk[1])
		case e != nil && mk != nil:
			e.Details = append(e.Details, mk[1])
		default:
			im.unplace(l, "the company events")
		}
	}
	for i := range *evs {
		e := &(*evs)[i]
		e.Companies = mentions(im.names, strings.Join(slices.Concat([]string{e.Title}, e.Details, e.Views), "\n"))
	}
}

func (im *importer) domesticNews(ls []line) {
	im.news(ls, "domestic_news", &im.d.Events.DomesticNews)
}

func (im *importer) overseasNews(ls []line) {
	im.news(ls, "overseas_news", &im.d.Events.OverseasNews)
}

// news reads a list of news items. An item is a bullet "- N、title**text"
// or a paragraph "N、title。text"; its source closes the text
// "（来源：…）" or follows it as a paragraph of its own.
func (im *importer) news(ls []line, key string, items *[]report.NewsItem) {
	for _, l := range nonBlank(ls) {
		t := l.text()
		m := itemRe.FindStringSubmatch(t)
		switch {
		case m != nil:
			im.at(fmt.Sprintf("events.%s[%d]", key, len(*items)), l.n)
			*items = append(*items, im.newsItem(key, len(*items)+1, m))
		case len(*items) > 0 && sourceRe.MatchString(t) && strings.HasPrefix(t, "（来源：") && (*items)[len(*items)-1].Source == "":
			(*items)[len(*items)-1].Source = sourceRe.FindStringSubmatch(t)[1]
		default:
			im.unplace(l, "the "+strings.ReplaceAll(key, "_", " "))
		}
	}
	for i := range *items {
		it := &(*items)[i]
		it.Companies = mentions(im.names, it.Title+"\n"+it.Text)
	}
}

// newsItem reads the item whose heading matched itemRe as m.
func (im *importer) newsItem(key string, seq int, m []string) report.NewsItem {
	rest := m[2]
	title, text, bullet := strings.Cut(rest, "**")
	if !bullet {
		title, text = rest, ""
		if i := strings.Index(rest, "。"); i >= 0 {
			title, text = rest[:i+len("。")], rest[i+len("。"):]
		}
	}
	var src string
	if s := sourceRe.FindStringSubmatchIndex(text); s != nil {
		src, text = text[s[2]:s[3]], text[:s[0]]
	}
	printed, date := im.when(title)
	prefix := map[string]string{"domestic_news": "dn", "overseas_news": "on"}[key]
	return report.NewsItem{
		ID: fmt.Sprintf("%s-%d", prefix, seq), Number: atoi(m[1]), Date: date, DateAsPrinted: printed,
		Title: strings.TrimSpace(title), Text: strings.TrimSpace(text), Source: src,
	}
}

// applyNotSubjects drops the curated mentions that name a company an item
// is not about, and reports an entry that matches no item: the curated
// file has gone stale.
func (im *importer) applyNotSubjects() {
	for i, ns := range im.cur.NotSubjects {
		used := false
		drop := func(title string, companies *[]string) {
			if strings.Contains(title, ns.TitleContains) {
				used = true
				*companies = slices.DeleteFunc(*companies, func(id string) bool { return id == ns.Company })
			}
		}
		ev := &im.d.Events
		for j := range ev.CompanyEvents {
			drop(ev.CompanyEvents[j].Title, &ev.CompanyEvents[j].Companies)
		}
		for _, list := range []*[]report.NewsItem{&ev.DomesticNews, &ev.OverseasNews} {
			for j := range *list {
				drop((*list)[j].Title, &(*list)[j].Companies)
			}
		}
		if !used {
			im.complain(0, "curated file: not_subjects[%d] matches no title containing %q", i, ns.TitleContains)
		}
	}
}

// atoi parses digits the regular expressions have already matched.
func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}
