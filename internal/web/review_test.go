package web

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
)

func TestReviewCommentsAndAdjustments(t *testing.T) {
	a := mustApp(t)
	a.mustUser("tina", openline.RoleTrainer)
	a.mustUser("anna", openline.RoleTrainee)
	tina, anna := a.login("tina"), a.login("anna")
	id := a.placeCall(anna, "web-test")
	base := "/api/calls/" + id

	var cb commentBody
	if err := json.Unmarshal(a.wantStatus(http.StatusCreated, "POST", base+"/comments", tina, map[string]any{"turn": 1, "text": "  <script>alert(1)</script> Gut gefragt!  "}), &cb); err != nil {
		t.Fatal(err)
	}
	if cb.Comment.Text != "<script>alert(1)</script> Gut gefragt!" || cb.Comment.Turn != 1 || cb.Comment.Author != "tina" {
		t.Errorf("comment %+v: want the text trimmed, as written", cb.Comment)
	}
	for _, tt := range []struct {
		body any
		code string
	}{
		{map[string]any{"turn": 99, "text": "x"}, "no_such_turn"},
		{map[string]any{"turn": -1, "text": "x"}, "no_such_turn"},
		{map[string]any{"text": "x"}, "no_such_turn"},
		{map[string]any{"turn": 0, "text": "   "}, "invalid_comment"},
		{map[string]any{"turn": 0, "text": strings.Repeat("ä", maxCommentChars+1)}, "invalid_comment"},
		{map[string]any{"turn": 0, "text": "bell\a"}, "invalid_comment"},
		{map[string]any{"turn": 0, "text": "x", "extra": 1}, "invalid_json"},
	} {
		status, body, _ := a.do("POST", base+"/comments", tina, tt.body)
		if status != http.StatusBadRequest || !strings.Contains(string(body), tt.code) {
			t.Errorf("comment %v: %d %s, want 400 %s", tt.body, status, body, tt.code)
		}
	}
	a.wantStatus(http.StatusNotFound, "POST", "/api/calls/nope/comments", tina, map[string]any{"turn": 0, "text": "x"})
	a.wantStatus(http.StatusForbidden, "POST", base+"/comments", anna, map[string]any{"turn": 0, "text": "x"})

	var before callBody
	_ = json.Unmarshal(a.wantStatus(http.StatusOK, "GET", base, anna, nil), &before)
	computed := *before.Call.OpennessComputed
	var ab adjustBody
	if err := json.Unmarshal(a.wantStatus(http.StatusCreated, "POST", base+"/adjustments", tina, map[string]any{"dimension": "openness", "score": 35, "reason": "Hat nach dem Nein weitergedrängt"}), &ab); err != nil {
		t.Fatal(err)
	}
	if *ab.Call.Openness != 35 || *ab.Call.OpennessComputed != computed || ab.Adjustment.Author != "tina" {
		t.Errorf("after the adjustment: %+v", ab)
	}
	for _, body := range []map[string]any{
		{"dimension": "openness", "score": 101, "reason": "r"},
		{"dimension": "openness", "score": 3.5, "reason": "r"},
		{"dimension": "openness", "score": 3, "reason": " "},
		{"dimension": "warmth", "score": 3, "reason": "r"},
	} {
		if status, b, _ := a.do("POST", base+"/adjustments", tina, body); status != http.StatusBadRequest {
			t.Errorf("adjustment %v: %d %s, want 400", body, status, b)
		}
	}

	// The trainee sees the comment and the adjustment on her call; the
	// listing and the call count the adjusted score.
	var got callBody
	if err := json.Unmarshal(a.wantStatus(http.StatusOK, "GET", base, anna, nil), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Comments) != 1 || got.Comments[0].Text != cb.Comment.Text || len(got.Adjustments) != 1 || *got.Call.Openness != 35 || *got.Call.OpennessComputed != computed {
		t.Errorf("the trainee's call: comments %+v, adjustments %+v, call %+v", got.Comments, got.Adjustments, got.Call)
	}
	var list callsBody
	_ = json.Unmarshal(a.wantStatus(http.StatusOK, "GET", "/api/calls", anna, nil), &list)
	if len(list.Calls) != 1 || *list.Calls[0].Openness != 35 {
		t.Errorf("the listing does not count the adjustment: %+v", list.Calls)
	}
	if got.Call.EndedBy != openline.Trainee || got.Call.DurationMS == nil {
		t.Errorf("ended_by %q, duration %v", got.Call.EndedBy, got.Call.DurationMS)
	}
	// Taken back.
	a.wantStatus(http.StatusCreated, "POST", base+"/adjustments", tina, map[string]any{"dimension": "openness", "score": nil, "reason": "doch fair"})
	_ = json.Unmarshal(a.wantStatus(http.StatusOK, "GET", base, anna, nil), &got)
	if *got.Call.Openness != computed || len(got.Adjustments) != 2 {
		t.Errorf("after taking it back: %+v, %d adjustments", got.Call, len(got.Adjustments))
	}
}

func TestReviewTableAndExport(t *testing.T) {
	a := mustApp(t)
	a.mustUser("tina", openline.RoleTrainer)
	a.mustUser("anna", openline.RoleTrainee)
	a.mustUser("=ben", openline.RoleTrainee)
	tina, anna, ben := a.login("tina"), a.login("anna"), a.login("=ben")
	group := a.mustGroup("Kurs; Herbst", "anna")
	var ids []string
	for range 3 {
		ids = append(ids, a.placeCall(anna, "web-test"))
		a.clock.Advance(time.Minute)
	}
	benCall := a.placeCall(ben, "web-test")

	var page reviewBody
	if err := json.Unmarshal(a.wantStatus(http.StatusOK, "GET", "/api/review/calls?per_page=2", tina, nil), &page); err != nil {
		t.Fatal(err)
	}
	if page.Total != 4 || len(page.Calls) != 2 || page.Calls[0].ID != benCall || page.PerPage != 2 || page.Page != 1 {
		t.Fatalf("first page %+v", page)
	}
	_ = json.Unmarshal(a.wantStatus(http.StatusOK, "GET", fmt.Sprintf("/api/review/calls?group=%d&order=asc&page=2&per_page=2", group), tina, nil), &page)
	if page.Total != 3 || len(page.Calls) != 1 || page.Calls[0].ID != ids[2] || len(page.Calls[0].Groups) != 1 || page.Calls[0].Groups[0] != "Kurs; Herbst" {
		t.Fatalf("the group's second page %+v", page)
	}
	for _, bad := range []string{"per_page=101", "per_page=0", "page=x", "sort=name", "order=up", "from=27.11.2026", "group=x", "engine=gpt", "outcome=won"} {
		status, body, _ := a.do("GET", "/api/review/calls?"+bad, tina, nil)
		if status != http.StatusBadRequest || !strings.Contains(string(body), strings.SplitN(bad, "=", 2)[0]) {
			t.Errorf("?%s: %d %s, want 400 naming the parameter", bad, status, body)
		}
	}
	day := a.clock.Now().Format(time.DateOnly)
	_ = json.Unmarshal(a.wantStatus(http.StatusOK, "GET", "/api/review/calls?from="+day+"&to="+day+"&trainee=anna", tina, nil), &page)
	if page.Total != 3 {
		t.Errorf("today's calls of anna: %d, want 3", page.Total)
	}

	// CSV, filtered as on screen; a name that would start a formula is
	// defused.
	status, body, resp := a.do("GET", "/api/review/calls.csv?sort=trainee&order=asc", tina, nil)
	if status != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") || !strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("csv: %d %v", status, resp.Header)
	}
	rows, err := csv.NewReader(strings.NewReader(string(body))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5 || strings.Join(rows[0], ",") != strings.Join(csvColumns, ",") {
		t.Fatalf("csv rows %q", rows)
	}
	if rows[1][1] != "'=ben" || rows[2][1] != "anna" || rows[2][2] != "Kurs; Herbst" || rows[2][13] != "trainee" || rows[2][14] == "" {
		t.Errorf("csv rows %q", rows[1:3])
	}
	status, body, _ = a.do("GET", fmt.Sprintf("/api/review/calls.csv?group=%d", group), tina, nil)
	if rows, _ := csv.NewReader(strings.NewReader(string(body))).ReadAll(); status != http.StatusOK || len(rows) != 4 {
		t.Errorf("the group's csv: %d, %d rows", status, len(rows))
	}

	// JSON with each transcript in the transcript file format.
	var doc struct {
		Calls []struct {
			ID         string              `json:"id"`
			Transcript openline.Transcript `json:"transcript"`
			Groups     []string            `json:"groups"`
		} `json:"calls"`
	}
	status, body, _ = a.do("GET", "/api/review/calls.json?trainee=anna", tina, nil)
	if err := json.Unmarshal(body, &doc); status != http.StatusOK || err != nil || len(doc.Calls) != 3 {
		t.Fatalf("json export: %d %v %s", status, err, body)
	}
	var tr openline.Transcript
	_ = json.Unmarshal(a.wantStatus(http.StatusOK, "GET", "/api/calls/"+doc.Calls[0].ID+"/transcript.json", tina, nil), &tr)
	if got, _ := json.Marshal(doc.Calls[0].Transcript); string(got) != jsonOf(t, tr) {
		t.Errorf("the export's transcript %s differs from the transcript file %s", got, jsonOf(t, tr))
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
