package report_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/airesearch/aiweekly/app/report"
)

func ExampleParse_invalid() {
	_, err := report.Parse([]byte(`{"schema_version": 2, "meta": {"title": 7}}`))
	var ve *report.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems[:3] {
			fmt.Println(p)
		}
		fmt.Println("...", len(ve.Problems), "problems in all")
	}
	// Output:
	// schema_version: want 1, got 2
	// meta.title: want a string, got 7
	// meta.broker: missing
	// ... 22 problems in all
}

func ExampleParse_syntax() {
	_, err := report.Parse([]byte("{\n  \"schema_version\": 1,\n}"))
	fmt.Println(err)
	// Output:
	// report is not valid JSON: line 3, column 1 (byte offset 26): invalid character '}' looking for beginning of object key string
}

func ExampleParse() {
	data, err := os.ReadFile("../../data/report.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := report.Parse(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	c, _ := r.Company("360")
	fmt.Println(r.Meta.Title, r.Meta.ReportDate)
	fmt.Println(len(r.Constituents), "constituents")
	fmt.Println("360 is", c.Name, "("+c.ID+")")
	for _, m := range r.MoverList(report.YTDGainers)[:3] {
		fmt.Printf("%d. %s %.2f%%\n", m.Rank, m.Name, m.Return)
	}
	// Output:
	// 人工智能行业周报 2023-04-16
	// 45 constituents
	// 360 is 三六零 (qihoo360)
	// 1. 寒武纪-U 257.40%
	// 2. 昆仑万维 238.31%
	// 3. 海天瑞声 197.67%
}
