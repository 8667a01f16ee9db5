package scripted

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestAsksListener checks which questions have the listener for their
// person.
func TestAsksListener(t *testing.T) {
	for text, want := range map[string]bool{
		"Wie lange arbeiten Sie denn schon für Herrn Hartmann?": true,
		"What do you like about your job?":                      true,
		"Which football team do most of your members support?":  false,
		"Sie hat angerufen. Wann war das?":                      false,
		"You said that. Fine.":                                  false,
	} {
		if got := asksListener(text); got != want {
			t.Errorf("asksListener(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestRebuffs checks that only a rule written for pushes, heard on one,
// rebuffs.
func TestRebuffs(t *testing.T) {
	push := &openline.Rule{When: openline.Trigger{Acts: []openline.Act{openline.ActPitch, openline.ActPressure}}}
	mixed := &openline.Rule{When: openline.Trigger{Acts: []openline.Act{openline.ActPitch, openline.ActOpenQuestion}}}
	var pitched turn
	pitched.tags.Acts = []openline.Act{openline.ActPitch}
	if !rebuffs(push, pitched) {
		t.Error("a push rule on a pitch: want it to rebuff")
	}
	if rebuffs(mixed, pitched) || rebuffs(push, turn{}) || rebuffs(&openline.Rule{}, pitched) {
		t.Error("a mixed rule, a turn without a push, a rule for every turn: want none to rebuff")
	}
}
