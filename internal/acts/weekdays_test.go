package acts

import (
	"slices"
	"testing"
)

func TestWeekdays(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []int
	}{
		{"Dann Dienstag um zehn, und notfalls Donnerstag.", []int{1, 3}},
		{"Perfect, Thursday at two it is.", []int{3}},
		{"dienstags und am Dienstagmorgen", []int{1}},
		{"Sounds good, see you then.", nil},
		{"A friendly moment, money well spent on a sunny wedding day.", nil},
	} {
		if got := Weekdays(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("Weekdays(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
