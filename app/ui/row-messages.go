package ui

// rowMessages are the strings of the record pages and permalinks, the
// company index, the search across the report and the links between
// charts and tables, kept apart from the page catalog (messages.go) so
// that each file stays readable; T looks them up after the catalog.
var rowMessages = map[lang]map[string]string{
	zh: {
		"row.title":          "条目",
		"row.intable":        "在表格中查看",
		"row.notfound":       "报告中没有编号为「%s」的条目。",
		"row.totable":        "查看全部条目",
		"row.amount.printed": "报告原文",
		"row.amount.base":    "折合%s",
		"row.amount.rate":    "约 %s %s（按 1 %s = %s %s，%s）",
		"row.link":           "本行链接",
		"row.copy":           "复制本行链接",
		"row.copy.short":     "复制",
		"row.copied":         "已复制",
		"row.copy.failed":    "无法复制",
		"col.permalink":      "链接",
	},
	en: {
		"row.title":          "Record",
		"row.intable":        "Show in the table",
		"row.notfound":       "The report has no record “%s”.",
		"row.totable":        "See every record",
		"row.amount.printed": "As printed",
		"row.amount.base":    "In %s",
		"row.amount.rate":    "about %s %s (at 1 %s = %s %s, %s)",
		"row.link":           "Link to this row",
		"row.copy":           "Copy the link to this row",
		"row.copy.short":     "Copy",
		"row.copied":         "Copied",
		"row.copy.failed":    "Could not copy",
		"col.permalink":      "Link",
	},
}
