package importer_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/airesearch/aiweekly/app/importer"
)

// A weekly's text with a line the importer cannot place: the draft is
// still made, and the complaint names the line.
func ExampleImport() {
	text, err := os.ReadFile("testdata/000_61edb88a8ba11f94.txt")
	if err != nil {
		panic(err)
	}
	edited := strings.Replace(string(text), "本期跌幅\t", "第5页\n\n本期跌幅\t", 1)
	res, err := importer.Import(edited, importer.Options{Document: "000_61edb88a8ba11f94.txt"})
	if err != nil {
		panic(err)
	}
	for _, p := range res.Problems {
		fmt.Println(p)
	}
	fmt.Printf("%d lines placed, %d skipped, %d unplaced; %d period losers\n",
		res.Placed, len(res.Skipped), res.Unplaced, len(res.Draft.Movers.PeriodLosers))
	// Output:
	// line 54: unplaced line in the movers: 第5页
	// 127 lines placed, 8 skipped, 1 unplaced; 10 period losers
}
