package web

import (
	"net/http"
	"strconv"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/voice"
)

// The kept recordings of spoken trainee turns (docs/voice.md, "Privacy";
// docs/api.md): who may see the call may hear them.

// handleRecordings lists the turns of a call with a kept recording.
func handleRecordings(st openline.CallStore, rec *voice.Recordings) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		c, _, err := visibleCall(r, st)
		if err != nil {
			return err
		}
		out := struct {
			Turns     []int `json:"turns"`
			KeepHours int   `json:"keep_hours"`
		}{Turns: []int{}}
		if rec != nil {
			out.KeepHours = int(rec.Keep().Hours())
			if t := rec.Turns(c.ID); t != nil {
				out.Turns = t
			}
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}

// handleRecording serves one kept recording as audio/wav.
func handleRecording(st openline.CallStore, rec *voice.Recordings) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		c, _, err := visibleCall(r, st)
		if err != nil {
			return err
		}
		n, err := strconv.Atoi(r.PathValue("n"))
		if err != nil || rec == nil {
			return errNotFound
		}
		p, _, err := rec.Open(c.ID, n)
		if err != nil {
			return errNotFound
		}
		w.Header().Set("Content-Type", "audio/wav")
		w.Header().Set("Cache-Control", "private, no-store")
		http.ServeFile(w, r, p)
		return nil
	}
}
