package acts

import (
	"reflect"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
)

func TestFillerWords(t *testing.T) {
	cases := []struct {
		lang openline.Language
		text string
		want []string
	}{
		{openline.German, "Ähm, also, das ist halt so, sozusagen quasi fertig. Äääh.", []string{"Ähm", "halt", "sozusagen", "quasi", "Äääh"}},
		{openline.German, "Halten Sie bitte kurz. Haltung zählt.", nil},
		{openline.English, "Um, so, it was, like, fine, you know. Uhh.", []string{"Um", "like", "you know", "Uhh"}},
		{openline.English, "I'd like to know if you know him. Summer umbrella.", nil},
		{openline.English, "Do you know? Erm yes.", []string{"you know", "Erm"}},
	}
	for _, c := range cases {
		got := Fillers(c.lang, c.text)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
		for _, f := range got {
			if !strings.Contains(c.text, f) {
				t.Errorf("%q is not in %q", f, c.text)
			}
		}
	}
}
