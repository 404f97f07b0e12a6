package ui

// weekMessages are the strings of the archive of weeks: the switch, the
// notices, /weeks, /changes, a company's history and the local preview.
// They join the page catalog (messages.go) at start, so T finds them and
// TestCatalogsComplete checks them; they are kept apart only so that the
// catalog file stays within its size.
var weekMessages = map[lang]map[string]string{
	zh: {
		"weeks.switch":       "周报 %s",
		"weeks.switch.label": "切换周报（当前 %s）",
		"weeks.newest.label": "%s（最新）",
		"weeks.older":        "您正在查看 %s 的周报；已有更新的一期（%s）。",
		"weeks.older.link":   "在最新一期中查看此页",
		"nav.weeks":          "往期周报",
		"weeks.title":        "往期周报",
		"weeks.intro":        "每一期周报都保留原样，链接中的 week 参数指明是哪一期。",
		"weeks.one":          "目前只有一期周报。",
		"weeks.col.date":     "报告日期",
		"weeks.col.title":    "标题",
		"weeks.col.period":   "统计区间",
		"weeks.col.excess":   "年初至今超额",
		"weeks.col.index":    "指数（本期 / 今年以来）",
	},
	en: {
		"weeks.switch":       "Weekly %s",
		"weeks.switch.label": "Switch weekly (showing %s)",
		"weeks.newest.label": "%s (newest)",
		"weeks.older":        "You are viewing the weekly of %s; a newer one exists (%s).",
		"weeks.older.link":   "See this page in the newest weekly",
		"nav.weeks":          "Past weeklies",
		"weeks.title":        "Past weeklies",
		"weeks.intro":        "Every weekly is kept as published; the week parameter of a link names which one it shows.",
		"weeks.one":          "There is only one weekly so far.",
		"weeks.col.date":     "Report date",
		"weeks.col.title":    "Title",
		"weeks.col.period":   "Period",
		"weeks.col.excess":   "YTD excess",
		"weeks.col.index":    "Index (period / YTD)",
	},
}

func init() {
	for l, msgs := range weekMessages {
		for id, s := range msgs {
			if _, dup := catalog[l][id]; dup {
				panic("message " + id + " is in messages.go and weeks-messages.go")
			}
			catalog[l][id] = s
		}
	}
}
