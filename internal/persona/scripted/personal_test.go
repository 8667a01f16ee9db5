package scripted

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

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
