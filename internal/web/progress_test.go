package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
)

// TestProgress places calls on an easy and a medium scenario and checks
// the report, the charts kept apart by difficulty and who sees whose.
func TestProgress(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	a.mustUser("ben", openline.RoleTrainee)
	a.mustUser("tina", openline.RoleTrainer)
	anna, ben, tina := a.login("anna"), a.login("ben"), a.login("tina")
	a.placeCall(anna, "web-test")
	a.clock.Advance(24 * time.Hour)
	a.placeCall(anna, "web-test")
	a.placeCall(anna, "herr-b-handwerker")
	a.placeCall(ben, "web-test")
	a.placeCall(tina, "web-test") // a trainer's own call is no part of the course

	report := func(cookie, query string) progressJSON {
		t.Helper()
		status, b, _ := a.do("GET", "/api/progress"+query, cookie, nil)
		if status != http.StatusOK {
			t.Fatalf("GET /api/progress%s: %d %s", query, status, b)
		}
		var got progressJSON
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		return got
	}
	mine := report(anna, "")
	if mine.Trainee != "anna" || mine.Report.Calls != 3 || len(mine.Report.Lanes) != 2 {
		t.Fatalf("anna's own progress: %+v; want her 3 calls in 2 lanes", mine)
	}
	if l := mine.Report.Lanes; l[0].Difficulty != openline.Easy || l[0].Calls != 2 || l[1].Difficulty != openline.Medium || l[1].Calls != 1 {
		t.Errorf("lanes %+v: want 2 easy calls apart from 1 medium", l)
	}
	if len(mine.Report.Scenarios) != 2 || len(mine.Report.HoldingBack) == 0 {
		t.Errorf("want 2 scenario rows and the parts that hold anna back: %+v", mine.Report)
	}
	if got := report(tina, "?trainee=anna"); got.Report.Calls != 3 {
		t.Errorf("the trainer sees %d of anna's calls, want 3", got.Report.Calls)
	}
	course := report(tina, "")
	if course.Trainee != "" || course.Report.Calls != 4 || course.Report.Trainees != 2 || len(course.Trainees) != 2 {
		t.Errorf("the course: %+v; want 4 calls by 2 trainees, a row each, without the trainer's", course)
	}
	// Each trainee's row keeps the difficulties apart, as the charts do.
	if len(course.Trainees) > 0 {
		row := course.Trainees[0]
		if row.Name != "anna" || len(row.Lanes) != 2 || row.Lanes[0].Difficulty != openline.Easy || row.Lanes[0].Calls != 2 ||
			row.Lanes[1].Difficulty != openline.Medium || row.Lanes[1].Calls != 1 || row.Lanes[0].Mean != mine.Report.Lanes[0].Mean {
			t.Errorf("anna's course row %+v: want her easy and medium means apart, as on her own report", row)
		}
	}
	if status, _, _ := a.do("GET", "/api/progress?trainee=anna", ben, nil); status != http.StatusNotFound {
		t.Errorf("ben asking for anna's progress: %d, want 404", status)
	}
	if status, _, _ := a.do("GET", "/api/progress?trainee=nobody", tina, nil); status != http.StatusNotFound {
		t.Errorf("an unknown trainee's progress: %d, want 404", status)
	}
	if got := report(ben, ""); got.Trainee != "ben" || got.Report.Calls != 1 {
		t.Errorf("ben without a name gets %+v, want his own 1 call", got)
	}

	for _, lang := range []string{"en", "de"} {
		status, b, _ := a.do("GET", "/progress?trainee=anna&lang="+lang, tina, nil)
		page := string(b)
		if status != http.StatusOK {
			t.Fatalf("GET /progress (%s): %d", lang, status)
		}
		if n := strings.Count(page, `<svg xmlns="http://www.w3.org/2000/svg"`); n != 2 {
			t.Errorf("the page (%s) has %d charts, want one per difficulty (2)", lang, n)
		}
		for _, want := range []string{`id="lane-easy"`, `id="lane-medium"`, `role="img"`, `<desc id="chart-easy-desc">`, `id="holding-back"`, `id="scenario-table"`} {
			if !strings.Contains(page, want) {
				t.Errorf("the page (%s) lacks %s", lang, want)
			}
		}
		if i := strings.Index(page, ">part."); i >= 0 {
			t.Errorf("the page (%s) shows a message key instead of its text: %s", lang, page[i:min(len(page), i+60)])
		}
	}
	ctx := context.Background()
	g := &openline.Group{Name: "Nord", CreatedAt: a.clock.Now()}
	if err := a.store.CreateGroup(ctx, g); err != nil {
		t.Fatal(err)
	}
	benUser, _ := a.store.UserByName(ctx, "ben")
	if err := a.store.SetMember(ctx, g.ID, benUser.ID, true); err != nil {
		t.Fatal(err)
	}
	if got := report(tina, fmt.Sprintf("?group=%d", g.ID)); got.Group != "Nord" || got.Report.Calls != 1 || len(got.Trainees) != 1 || got.Trainees[0].Name != "ben" {
		t.Errorf("the group's progress: %+v; want ben's 1 call", got)
	}
	for _, q := range []string{"?group=999", "?group=x"} {
		if status, _, _ := a.do("GET", "/api/progress"+q, tina, nil); status != http.StatusNotFound {
			t.Errorf("GET /api/progress%s: %d, want 404", q, status)
		}
	}
	if got := report(anna, fmt.Sprintf("?group=%d", g.ID)); got.Trainee != "anna" || got.Report.Calls != 3 {
		t.Errorf("a trainee asking for a group gets %+v, want her own", got)
	}
	status, b, _ := a.do("GET", "/progress", tina, nil)
	if status != http.StatusOK || !strings.Contains(string(b), `id="trainee-table"`) || !strings.Contains(string(b), `href="/progress?trainee=ben"`) {
		t.Errorf("the course page: %d, want the table of trainees", status)
	}
}
