package tui

import (
	"testing"

	"github.com/ccsp/tasking/model"
)

// Every kind of item an agenda holds has its type in the table, and the
// help has a section of its keys: a kind missing from the table would be
// an item nobody can do anything on.
func TestEveryItemKindHasItsType(t *testing.T) {
	agenda := model.OpeningAgenda(nil, []model.Hotspot{{ID: 1, Title: "Bus station", Status: model.HotspotActive}}, nil, 1)
	sections := map[string]bool{}
	for _, sec := range newKeyMap().sections() {
		sections[sec.title] = true
	}
	seen := map[model.ItemKind]bool{}
	for _, it := range agenda {
		seen[it.Kind] = true
		k, ok := itemKinds[it.Kind]
		if !ok {
			t.Errorf("%s has no item type in itemKinds", it.Kind)
			continue
		}
		if help := k.about().help; !sections[help] {
			t.Errorf("%s: the help has no section %q", it.Kind, help)
		}
	}
	if len(seen) != len(itemKinds) {
		t.Errorf("the agenda has %d kinds of item, the table %d", len(seen), len(itemKinds))
	}
}
