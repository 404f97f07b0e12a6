package main

import (
	"bytes"
	"os"
	"testing"
)

// TestTableUpToDate regenerates app/explore's table as its go:generate line
// does (the test runs in cmd/pinyinkeys, two levels below the root, like
// the line in app/explore) and compares it with the checked-in file.
func TestTableUpToDate(t *testing.T) {
	got, err := Generate([]string{"../../data/report.json", "../../app/importer/curated.json"})
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../app/explore/pinyin_keys.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("app/explore/pinyin_keys.go is out of date: run go generate ./app/explore")
	}
}

func TestKey(t *testing.T) {
	for r, want := range map[rune]string{'科': "ke1", '长': "chang2", '绿': "lv4", '的': "de5", '庄': "zhuang1"} {
		if got, err := Key(r); err != nil || got != want {
			t.Errorf("Key(%q) = %q, %v; want %q", r, got, err, want)
		}
	}
	if _, err := Key('a'); err == nil {
		t.Error("Key('a') did not fail; a Latin letter has no pinyin")
	}
}
