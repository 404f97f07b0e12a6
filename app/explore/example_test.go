//go:build !wasm

package explore_test

import (
	"fmt"
	"log"
	"net/url"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/report"
)

func Example() {
	r, err := report.Load("../../data/report.json")
	if err != nil {
		log.Fatal(err)
	}
	tables := explore.BuildTables(r) // once per report

	v, _ := url.ParseQuery("list=ytd-gainers&list=bogus&sort=-return")
	s, notices := tables.Movers.Parse(v)
	fmt.Println(notices)
	res := explore.Apply(tables.Movers, s)
	for _, row := range res.Rows[:3] {
		fmt.Println(row.Cells[1].Text, row.Cells[2].Text)
	}

	// A click on the link facet's AI应用 value.
	s = s.Toggle(explore.FacetLink, "AI应用")
	fmt.Println(s.Href())
	fmt.Println(len(explore.Apply(tables.Movers, s).Rows), s.FileName("csv"))
	// Output:
	// [list="bogus": notice.unknown-value]
	// 寒武纪-U 257.40
	// 昆仑万维 238.31
	// 海天瑞声 197.67
	// /movers?link=AI%E5%BA%94%E7%94%A8&list=ytd-gainers&sort=-return
	// 3 movers-ytd-gainers-filtered.csv
}
