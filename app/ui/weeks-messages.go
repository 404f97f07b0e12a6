package ui

// weekMessages are the strings of the archive of weeks: the switch, the
// notices, /weeks, /changes, a company's history and the local preview.
// They join the page catalog (messages.go) at start, so T finds them and
// TestCatalogsComplete checks them; they are kept apart only so that the
// catalog file stays within its size.
var weekMessages = map[lang]map[string]string{
	zh: {
		"weeks.switch":        "周报 %s",
		"weeks.switch.label":  "切换周报（当前 %s）",
		"weeks.newest.label":  "%s（最新）",
		"weeks.older":         "您正在查看 %s 的周报；已有更新的一期（%s）。",
		"weeks.older.link":    "在最新一期中查看此页",
		"nav.weeks":           "往期周报",
		"weeks.title":         "往期周报",
		"weeks.intro":         "每一期周报都保留原样，链接中的 week 参数指明是哪一期。",
		"weeks.one":           "目前只有一期周报。",
		"weeks.col.date":      "报告日期",
		"weeks.col.title":     "标题",
		"weeks.col.period":    "统计区间",
		"weeks.col.excess":    "年初至今超额",
		"weeks.col.index":     "指数（本期 / 今年以来）",
		"nav.changes":         "周度变化",
		"changes.title":       "本期与上期相比",
		"changes.none":        "这是存档中最早的一期周报，没有上一期可比较。",
		"changes.between":     "上期 %s → 本期 %s",
		"changes.prev.period": "上期本期涨跌幅",
		"changes.prev.ytd":    "上期今年以来",
		"changes.cur.period":  "本期涨跌幅",
		"changes.cur.ytd":     "本期今年以来",
		"changes.entered":     "新进",
		"changes.left":        "退出",
		"changes.added":       "新增",
		"changes.removed":     "移出",
		"changes.moved":       "环节变化",
		"changes.col.change":  "变化",
		"changes.col.before":  "上期",
		"changes.col.after":   "本期",
		"changes.events":      "新增事件与新闻",
		"changes.financings":  "新增融资",
		"changes.same":        "与上期相同，没有变化。",
		"history.title":       "历期表现",
		"history.one":         "存档中只有一期周报，暂无跨周历史。",
		"history.col.lists":   "榜单排名与涨跌幅",
		"history.rank":        "%s 第 %d 名",
		"history.unlisted":    "未上榜",
		"history.notinindex":  "非指数成分股",
		"history.absent":      "该期未提及",
		"history.changed":     "（环节有变）",
	},
	en: {
		"weeks.switch":        "Weekly %s",
		"weeks.switch.label":  "Switch weekly (showing %s)",
		"weeks.newest.label":  "%s (newest)",
		"weeks.older":         "You are viewing the weekly of %s; a newer one exists (%s).",
		"weeks.older.link":    "See this page in the newest weekly",
		"nav.weeks":           "Past weeklies",
		"weeks.title":         "Past weeklies",
		"weeks.intro":         "Every weekly is kept as published; the week parameter of a link names which one it shows.",
		"weeks.one":           "There is only one weekly so far.",
		"weeks.col.date":      "Report date",
		"weeks.col.title":     "Title",
		"weeks.col.period":    "Period",
		"weeks.col.excess":    "YTD excess",
		"weeks.col.index":     "Index (period / YTD)",
		"nav.changes":         "Week over week",
		"changes.title":       "This week against the week before",
		"changes.none":        "This is the earliest weekly in the archive: there is no week before to compare with.",
		"changes.between":     "Week before %s → this week %s",
		"changes.prev.period": "Period return, week before",
		"changes.prev.ytd":    "YTD, week before",
		"changes.cur.period":  "Period return",
		"changes.cur.ytd":     "YTD",
		"changes.entered":     "Entered",
		"changes.left":        "Left",
		"changes.added":       "Added",
		"changes.removed":     "Removed",
		"changes.moved":       "Chain link changed",
		"changes.col.change":  "Change",
		"changes.col.before":  "Week before",
		"changes.col.after":   "This week",
		"changes.events":      "New events and news",
		"changes.financings":  "New financings",
		"changes.same":        "Same as the week before: nothing changed.",
		"history.title":       "Across weeks",
		"history.one":         "The archive holds one weekly: no history across weeks yet.",
		"history.col.lists":   "Lists, rank and return",
		"history.rank":        "%s, rank %d",
		"history.unlisted":    "Not in a list",
		"history.notinindex":  "Not an index constituent",
		"history.absent":      "Not mentioned that week",
		"history.changed":     "(chain link changed)",
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
