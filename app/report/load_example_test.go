//go:build !wasm

package report_test

import (
	"fmt"

	"github.com/airesearch/aiweekly/app/report"
)

func ExampleLoad() {
	if _, err := report.Load("missing.json"); err != nil {
		fmt.Println(err)
	}
	r, err := report.Load("../../data/report.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	fx := r.Financings.FX
	for _, f := range r.Financings.Items {
		usd, _ := fx.ToBase(f.Amount)
		fmt.Printf("%s %s = %.0f USD\n", f.Name, f.Amount.AsPrinted, usd)
	}
	// Output:
	// load report: open missing.json: no such file or directory
	// Perplexity 2560万美元 = 25600000 USD
	// Portrait Analytics 300万美元 = 3000000 USD
	// 宇宙奇点 3000万人民币 = 4362748 USD
}

func ExampleReport_Closest() {
	r, err := report.Load("../../data/report.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, ok := r.Company("商汤科"); !ok {
		for _, c := range r.Closest("商汤科", 1) {
			fmt.Println(c.Name, c.Aliases)
		}
	}
	// Output:
	// 商汤-W [商汤科技 商汤]
}
