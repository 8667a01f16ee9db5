package ui

import "testing"

// TestSection: the navigation marks the section a page belongs to; a
// test call on a draft is authoring, not the scenarios of the picker.
func TestSection(t *testing.T) {
	tests := []struct {
		name    string
		data    any
		trainer bool
		want    string
	}{
		{"picker", nil, false, "scenarios"},
		{"call", scenarioCard{ID: "herr-b"}, false, "scenarios"},
		{"call", scenarioCard{ID: "herr-b", Draft: 7}, true, "authoring"},
		{"editor", nil, true, "authoring"},
		{"authoring", nil, true, "authoring"},
		{"scorecard", nil, false, "calls"},
		{"scorecard", nil, true, "review"},
		{"calls", nil, true, "review"},
		{"blind", nil, true, "calibration"},
		{"groups", nil, true, "groups"},
	}
	for _, tt := range tests {
		p := &page{Name: tt.name, Data: tt.data, trainer: tt.trainer}
		if got := p.Section(); got != tt.want {
			t.Errorf("%s (data %v, trainer %v): section %q, want %q", tt.name, tt.data, tt.trainer, got, tt.want)
		}
	}
}
