//go:build !wasm

package ui

import (
	"encoding/json"
	"testing"
)

// TestManifestNames checks the manifest's names: Chinese, the default,
// with English in the localized members, each from the catalog.
func TestManifestNames(t *testing.T) {
	var m struct {
		Name, Lang      string
		ShortName       string            `json:"short_name"`
		NameL10n        map[string]string `json:"name_localized"`
		ShortNameL10n   map[string]string `json:"short_name_localized"`
		DescriptionL10n map[string]string `json:"description_localized"`
	}
	if err := json.Unmarshal(ManifestJSON(NewHandler("v1", "", nil), ""), &m); err != nil {
		t.Fatal(err)
	}
	if m.Name != Message(zh, "app.name") || m.ShortName != Message(zh, "app.short") || m.Lang != "zh-CN" {
		t.Errorf("manifest name %q, short name %q, lang %q", m.Name, m.ShortName, m.Lang)
	}
	for member, got := range map[string]map[string]string{"name": m.NameL10n, "short_name": m.ShortNameL10n, "description": m.DescriptionL10n} {
		id := map[string]string{"name": "app.name", "short_name": "app.short", "description": "app.description"}[member]
		if got["en"] != Message(en, id) || hasHan(got["en"]) {
			t.Errorf("%s_localized = %q; want en %q", member, got, Message(en, id))
		}
	}
}
