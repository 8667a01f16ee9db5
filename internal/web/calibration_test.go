package web

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestCalibration: tina scores anna's call and asks uwe to score it
// blind; uwe sees no score of that call anywhere until he has given his;
// then the call shows both and the computed one, and the agreement counts
// it.
func TestCalibration(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	a.mustUser("tina", openline.RoleTrainer)
	a.mustUser("uwe", openline.RoleTrainer)
	anna, tina, uwe := a.login("anna"), a.login("tina"), a.login("uwe")
	call := a.placeCall(anna, "web-test")
	ctx := context.Background()
	nord, sued := &openline.Group{Name: "Nord", CreatedAt: a.clock.Now()}, &openline.Group{Name: "Süd", CreatedAt: a.clock.Now()}
	for _, g := range []*openline.Group{nord, sued} {
		if err := a.store.CreateGroup(ctx, g); err != nil {
			t.Fatal(err)
		}
	}
	annaUser, _ := a.store.UserByName(ctx, "anna")
	if err := a.store.SetMember(ctx, nord.ID, annaUser.ID, true); err != nil {
		t.Fatal(err)
	}
	ratings := "/api/calls/" + call + "/ratings"

	post := func(cookie, path string, body any, want int) ratingsBody {
		t.Helper()
		status, b, _ := a.do("POST", path, cookie, body)
		if status != want {
			t.Fatalf("POST %s %v: %d %s, want %d", path, body, status, b, want)
		}
		var out ratingsBody
		_ = json.Unmarshal(b, &out)
		return out
	}
	get := func(cookie, path string, v any) {
		t.Helper()
		status, b, _ := a.do("GET", path, cookie, nil)
		if status != http.StatusOK {
			t.Fatalf("GET %s: %d %s", path, status, b)
		}
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatal(err)
		}
	}

	for _, bad := range []map[string]any{
		{"openness": 101, "curiosity": 50}, {"openness": -1, "curiosity": 50}, {"openness": 50},
		{"openness": 50, "curiosity": 50, "note": strings.Repeat("x", 2001)},
	} {
		post(tina, ratings, bad, http.StatusBadRequest)
	}
	mine := post(tina, ratings, map[string]any{"openness": 70, "curiosity": 40, "note": "listens well"}, http.StatusCreated)
	if !mine.Rated || mine.Computed == nil || len(mine.Ratings) != 1 || mine.Ratings[0].Trainer != "tina" || len(mine.CanAsk) != 1 || mine.CanAsk[0] != "uwe" {
		t.Fatalf("after tina's rating: %+v; want it beside the computed score, uwe to ask", mine)
	}
	post(tina, ratings, map[string]any{"openness": 1, "curiosity": 1}, http.StatusConflict)
	for _, who := range []string{"tina", "anna", "nobody"} {
		post(tina, ratings+"/requests", map[string]string{"trainer": who}, http.StatusBadRequest)
	}
	post(tina, ratings+"/requests", map[string]string{"trainer": "uwe"}, http.StatusCreated)
	post(tina, ratings+"/requests", map[string]string{"trainer": "uwe"}, http.StatusConflict)

	// uwe is blind to the call's scores everywhere.
	var rb ratingsBody
	get(uwe, ratings, &rb)
	if !rb.Blind || rb.Computed != nil || len(rb.Ratings) != 1 || rb.Ratings[0].Trainer != "uwe" || !rb.Ratings[0].Pending {
		t.Errorf("uwe's ratings while blind: %+v; want only his own pending one", rb)
	}
	var one callBody
	get(uwe, "/api/calls/"+call, &one)
	if one.Scorecard != nil || one.Call.Openness != nil || one.Call.Curiosity != nil {
		t.Errorf("the call shows uwe a score while he scores it blind: %+v", one.Call)
	}
	var list callsBody
	get(uwe, "/api/calls", &list)
	if len(list.Calls) != 1 || list.Calls[0].Openness != nil {
		t.Errorf("the listing shows uwe the score: %+v", list.Calls)
	}
	var prog progressJSON
	get(uwe, "/api/progress?trainee=anna", &prog)
	if prog.Report.Calls != 0 {
		t.Errorf("uwe's view of anna's progress counts the blind call: %d calls", prog.Report.Calls)
	}
	for _, path := range []string{"/api/review/calls", "/api/review/calls.json", "/api/review/calls.csv"} {
		status, b, _ := a.do("GET", path, uwe, nil)
		if status != http.StatusOK || regexp.MustCompile(`"(openness|curiosity)(_adjusted)?":\d`).Match(b) || strings.Contains(path, "csv") && !strings.Contains(string(b), call) {
			t.Errorf("GET %s as uwe: %d, shows a score of the call he scores blind:\n%.600s", path, status, b)
		}
	}
	if _, b, _ := a.do("GET", "/api/review/calls.json", tina, nil); !regexp.MustCompile(`"openness":\d`).Match(b) {
		t.Errorf("tina's export shows no score, so the check above proves nothing:\n%.600s", b)
	}
	var cal calibrationBody
	get(uwe, "/api/calibration", &cal)
	if len(cal.Asked) != 1 || cal.Asked[0].Call != call || cal.Asked[0].RequestedBy != "tina" || cal.Groups[0].Agreement.Scorer.N != 0 {
		t.Errorf("uwe's calibration: %+v; want the call asked of him, and no figures from it", cal)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	req, _ := http.NewRequest("GET", a.http.URL+"/calls/"+call, nil)
	req.Header.Set("Cookie", uwe)
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/calls/"+call+"/blind" {
		t.Errorf("uwe opening the call: %d to %q, want 303 to the blind page", resp.StatusCode, resp.Header.Get("Location"))
	}
	status, page, _ := a.do("GET", "/calls/"+call+"/blind", uwe, nil)
	if status != http.StatusOK || !strings.Contains(string(page), `id="blind-form"`) || !strings.Contains(string(page), "Guten Tag, hier ist Anna Berg.") {
		t.Errorf("the blind page: %d, want the transcript and the form", status)
	}
	var tinas callBody
	get(tina, "/api/calls/"+call, &tinas)
	if tinas.Scorecard == nil || tinas.Call.Openness == nil {
		t.Error("tina, who is not blind, lost the score")
	}

	given := post(uwe, ratings, map[string]any{"openness": 60, "curiosity": 50}, http.StatusCreated)
	if given.Blind || given.Computed == nil || len(given.Ratings) != 2 {
		t.Fatalf("after uwe's rating: %+v; want both ratings and the computed score", given)
	}
	get(uwe, "/api/calls/"+call, &one)
	if one.Scorecard == nil {
		t.Error("uwe still sees no scorecard after scoring")
	}
	get(tina, "/api/calibration", &cal)
	ag := cal.Groups[0].Agreement
	if ag.Calls != 1 || ag.Trainers.N != 1 || ag.Scorer.N != 2 || ag.Trainers.Openness.MeanAbsDiff == nil || *ag.Trainers.Openness.MeanAbsDiff != 10 {
		t.Errorf("agreement %+v: want 1 call, 1 trainer pair 10 points apart on openness, 2 scorer pairs", ag)
	}
	if len(cal.Groups) != 3 || cal.Groups[1].Group != "Nord" || cal.Groups[1].Agreement.Trainers.N != 1 || cal.Groups[2].Group != "Süd" || cal.Groups[2].Agreement.Trainers.N != 0 {
		t.Errorf("agreement by group %+v: want all, then Nord with anna's call, then Süd without", cal.Groups)
	}
	status, page, _ = a.do("GET", "/calibration?lang=de", tina, nil)
	if status != http.StatusOK || !strings.Contains(string(page), `data-between="trainers"`) || !strings.Contains(string(page), "10,0") {
		t.Errorf("the calibration page: %d, want the agreement table with German decimals", status)
	}
	post(uwe, ratings, map[string]any{"openness": 1, "curiosity": 1}, http.StatusConflict)
}
