package web

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestDraftSavesAcrossServers: two trainers edit one draft through two
// servers on one database. A save, a form edit or a publication made on
// a revision the other's save moved on is refused with 409
// draft_changed, and changes nothing; of saves sent at once through both
// servers on one revision exactly one lands. After a reload the refused
// trainer's save and publication land.
func TestDraftSavesAcrossServers(t *testing.T) {
	apps := mustServers(t, 2)
	a, b := apps[0], apps[1]
	a.mustUser("tina", openline.RoleTrainer)
	a.mustUser("tom", openline.RoleTrainer)
	tina, tom := a.login("tina"), b.login("tom")
	status, body, _ := a.do("POST", "/api/authoring/drafts", tina, map[string]any{"from": "web-test", "template": true})
	if status != http.StatusCreated {
		t.Fatalf("copy the template: %d %s", status, body)
	}
	path := "/api/authoring/drafts/" + itoa(mustJSON[draftBody](t, body).Draft.ID)
	get := func(s *app, who string) draftBody {
		t.Helper()
		status, body, _ := s.do("GET", path, who, nil)
		if status != http.StatusOK {
			t.Fatalf("GET %s: %d %s", path, status, body)
		}
		return mustJSON[draftBody](t, body)
	}
	wantChanged := func(what string, status int, body []byte) {
		t.Helper()
		if status != http.StatusConflict || mustJSON[errorBody](t, body).Error.Code != "draft_changed" {
			t.Errorf("%s: %d %s, want 409 draft_changed", what, status, body)
		}
	}

	// Both open the draft, each on their server; tina saves first.
	seenByTina, seenByTom := get(a, tina), get(b, tom)
	if seenByTina.Revision != seenByTom.Revision || seenByTina.Text != seenByTom.Text {
		t.Fatalf("the servers show the draft at %s and %s", seenByTina.Revision, seenByTom.Revision)
	}
	tinas := strings.Replace(seenByTina.Text, `title: "Testanruf"`, `title: "Tinas Fassung"`, 1)
	status, body = a.doText("PUT", path+"?revision="+seenByTina.Revision, tina, tinas)
	if status != http.StatusOK {
		t.Fatalf("tina's save on a: %d %s", status, body)
	}
	saved := mustJSON[draftBody](t, body)

	// Tom's save, form edit and publication, all made on the text before
	// tina's save, are refused on b.
	toms := strings.Replace(seenByTom.Text, `title: "Testanruf"`, `title: "Toms Fassung"`, 1)
	status, body = b.doText("PUT", path+"?revision="+seenByTom.Revision, tom, toms)
	wantChanged("tom's save on b of the revision before", status, body)
	status, body, _ = b.do("POST", path+"/form", tom, map[string]any{"revision": seenByTom.Revision,
		"edits": []map[string]any{{"section": "scenario", "field": "title", "value": "Toms Formular"}}})
	wantChanged("tom's form edit on b of the revision before", status, body)
	status, body, _ = b.do("POST", path+"/publish", tom, map[string]string{"revision": seenByTom.Revision})
	wantChanged("tom's publication on b of the revision before", status, body)
	if now := get(b, tom); now.Text != tinas || now.Revision != saved.Revision {
		t.Fatalf("after tom's refused saves the draft is at %s:\n%.200s\nwant tina's text at %s", now.Revision, now.Text, saved.Revision)
	}
	if cur := b.srv.cat.Current("web-test"); cur.Title != "Testanruf" {
		t.Errorf("the refused publication made %q current", cur.Title)
	}

	// Saves at once through both servers, all made on one revision:
	// exactly one lands.
	const n = 8
	statuses := make([]int, n)
	var wg sync.WaitGroup
	for i := range statuses {
		s, who := a, tina
		if i%2 == 1 {
			s, who = b, tom
		}
		wg.Go(func() {
			text := strings.Replace(tinas, "Tinas Fassung", fmt.Sprintf("Fassung %d", i), 1)
			status, body, err := s.sendText("PUT", path+"?revision="+saved.Revision, who, text)
			statuses[i] = status
			if err != nil || (status != http.StatusOK && !strings.Contains(string(body), `"draft_changed"`)) {
				t.Errorf("save %d at once: %d %s %v, want 200 or draft_changed", i, status, body, err)
			}
		})
	}
	wg.Wait()
	won := -1
	for i, status := range statuses {
		if status != http.StatusOK {
			continue
		}
		if won >= 0 {
			t.Errorf("saves %d and %d, made on one revision, both landed", won, i)
		}
		won = i
	}
	if won < 0 {
		t.Fatalf("no save at once landed: %v", statuses)
	}
	now := get(a, tina)
	if !strings.Contains(now.Text, fmt.Sprintf(`title: "Fassung %d"`, won)) {
		t.Errorf("the draft after the saves at once:\n%.200s\nwant save %d's text", now.Text, won)
	}

	// Tom reloads on b and publishes what he sees.
	seenByTom = get(b, tom)
	status, body, _ = b.do("POST", path+"/publish", tom, map[string]string{"revision": seenByTom.Revision})
	if status != http.StatusOK {
		t.Fatalf("tom's publication after a reload: %d %s", status, body)
	}
	if cur := b.srv.cat.Current("web-test"); cur.Title != fmt.Sprintf("Fassung %d", won) {
		t.Errorf("published %q, want the text tom saw", cur.Title)
	}
}
