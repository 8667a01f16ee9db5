package web

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/persona"
	"github.com/openline/openline/internal/persona/scripted"
	"github.com/openline/openline/internal/scenario"
)

// TestACallKeepsItsScenarioVersion makes a call, then serves the same
// store with a new version of the call's scenario (an edit and a
// restart): the call still shows the version and title it was made on,
// and new calls get the new version.
func TestACallKeepsItsScenarioVersion(t *testing.T) {
	a := mustApp(t)
	a.mustUser("anna", openline.RoleTrainee)
	a.mustUser("tina", openline.RoleTrainer)
	old := a.srv.cat.Current("web-test")
	id := a.placeCall(a.login("anna"), "web-test")

	src, err := os.ReadFile("testdata/scenarios/web-test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src = bytes.Replace(src, []byte(`title: "Testanruf"`), []byte(`title: "Testanruf, zweite Fassung"`), 1)
	v2, err := scenario.Parse("web-test.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	srv2, err := New(Config{Store: a.store, Scenarios: []*openline.Scenario{v2}, Engines: []persona.Engine{scripted.New()}, Now: a.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer srv2.Close(context.Background())
	a.http.Config.Handler = srv2 // the same address, the new server

	_, body, _ := a.do("GET", "/api/calls/"+id, a.login("tina"), nil)
	var got struct {
		Call callJSON `json:"call"`
	}
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatalf("%s: %v", body, err)
	}
	if got.Call.Version != old.Version || got.Call.ScenarioTitle != "Testanruf" {
		t.Errorf("call shows version %s %q, want its own %s \"Testanruf\"", got.Call.Version, got.Call.ScenarioTitle, old.Version)
	}
	if cur := srv2.cat.Current("web-test"); cur.Version != v2.Version {
		t.Errorf("current version %s, want the new %s", cur.Version, v2.Version)
	}
	if sc, err := srv2.cat.Version(context.Background(), "web-test", old.Version); err != nil || sc.Title != "Testanruf" {
		t.Errorf("the new server reads back the old version as %v, %v", sc, err)
	}
}
