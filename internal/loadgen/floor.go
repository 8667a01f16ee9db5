package loadgen

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/gorilla/websocket"
)

// Floor is the yardstick of a load run: the least a server speaking
// protocol v1 can do. It is a bare gorilla/websocket server, one reader
// per connection writing its answers itself, that answers every frame at
// once with one frame: the call frame and the opening reply when a call
// is placed, a reply to every say, a hang-up and an empty scorecard to a
// hang-up. It stores nothing, checks no password (every login succeeds,
// every account is created) and runs no prospect, so the same client runs
// against it unchanged; what openline costs above it is the work of a
// real call.
func Floor() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/login", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: cookieName, Value: randomHex(16), Path: "/", HttpOnly: true})
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"user":{}}`))
	})
	mux.HandleFunc("POST /api/users", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write([]byte(`{"user":{}}`))
	})
	up := websocket.Upgrader{ReadBufferSize: 4096, WriteBufferSize: 4096}
	mux.HandleFunc("GET /api/calls/ws", func(w http.ResponseWriter, r *http.Request) {
		ws, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer ws.Close()
		ws.SetReadLimit(64 << 10)
		write := func(b []byte) bool {
			_ = ws.SetWriteDeadline(time.Now().Add(10 * time.Second))
			return ws.WriteMessage(websocket.TextMessage, b) == nil
		}
		if !write([]byte(`{"type":"call","call_id":"floor","engine":"scripted","scenario":{}}`)) ||
			!write([]byte(`{"type":"reply","turn":0,"text":"Hallo?"}`)) {
			return
		}
		turn := 0
		for {
			_, b, err := ws.ReadMessage()
			if err != nil {
				return
			}
			var f struct {
				Type string `json:"type"`
				Text string `json:"text"`
			}
			if json.Unmarshal(b, &f) != nil {
				continue
			}
			switch f.Type {
			case "say":
				turn += 2
				if !write([]byte(`{"type":"reply","turn":` + strconv.Itoa(turn) + `,"text":"Ja."}`)) {
					return
				}
			case "hangup":
				if !write([]byte(`{"type":"hangup","by":"trainee","reason":"polite_end","outcome":"polite_end"}`)) ||
					!write([]byte(`{"type":"scorecard","scorecard":{}}`)) {
					return
				}
			}
		}
	})
	return mux
}
