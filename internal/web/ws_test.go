package web

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseClientFrame(t *testing.T) {
	tests := []struct {
		name     string
		text     bool
		data     string
		wantType string
		wantText string
		wantCode string
	}{
		{"say", true, `{"type":"say","text":"Guten Tag"}`, "say", "Guten Tag", ""},
		{"silence", true, `{"type":"say","text":""}`, "say", "", ""},
		{"unknown fields are ignored", true, `{"type":"say","text":"Hi","mood":"good"}`, "say", "Hi", ""},
		{"hangup", true, `{"type":"hangup"}`, "hangup", "", ""},
		{"binary", false, `{"type":"hangup"}`, "", "", "invalid_frame"},
		{"not UTF-8", true, "{\"type\":\"say\",\"text\":\"\xc3\"}", "", "", "invalid_frame"},
		{"not JSON", true, `hallo`, "", "", "invalid_json"},
		{"array", true, `[]`, "", "", "invalid_json"},
		{"null", true, `null`, "", "", "invalid_json"},
		{"no type", true, `{}`, "", "", "invalid_json"},
		{"type not a string", true, `{"type":1}`, "", "", "invalid_json"},
		{"unknown type", true, `{"type":"Say"}`, "", "", "unknown_type"},
		{"say without text", true, `{"type":"say"}`, "", "", "missing_text"},
		{"say with null text", true, `{"type":"say","text":null}`, "", "", "missing_text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, perr := parseClientFrame(tt.text, []byte(tt.data))
			if tt.wantCode != "" {
				if perr == nil || perr.Code != tt.wantCode {
					t.Fatalf("error = %v, want %s", perr, tt.wantCode)
				}
				return
			}
			if perr != nil {
				t.Fatalf("error = %v", perr)
			}
			if f.Type != tt.wantType || (f.Type == "say" && *f.Text != tt.wantText) {
				t.Errorf("frame = %+v, want %s %q", f, tt.wantType, tt.wantText)
			}
		})
	}
}

func FuzzParseClientFrame(f *testing.F) {
	for _, seed := range []string{
		`{"type":"say","text":"Guten Tag"}`, `{"type":"hangup"}`, `{"type":"say"}`, `{"type":"x"}`,
		`{"type":"say","text":"\u00fc"}`, `[]`, `{`, "\xff",
	} {
		f.Add(true, []byte(seed))
	}
	f.Fuzz(func(t *testing.T, text bool, data []byte) {
		fr, perr := parseClientFrame(text, data)
		if perr != nil {
			if statusOf(perr.Kind) != 400 || perr.Message == "" {
				t.Fatalf("error %+v is not a client error with a message", perr)
			}
			return
		}
		switch fr.Type {
		case "say":
			if fr.Text == nil || !utf8.ValidString(*fr.Text) {
				t.Fatalf("say frame without valid text: %+v", fr)
			}
		case "hangup":
		default:
			t.Fatalf("accepted frame of type %q", fr.Type)
		}
	})
}

func TestSlowClientIsDroppedNotWaitedOn(t *testing.T) {
	// No writer runs: nothing leaves the queue, as with a client that does
	// not read. enqueue must never block.
	s := newSocket(nil, discardLog())
	for i := 0; i < sendQueue; i++ {
		s.enqueue(deltaFrame{Type: "reply.delta", Text: "x"})
	}
	select {
	case <-s.quit:
		t.Fatal("dropped before the queue was full")
	default:
	}
	s.enqueue(replyFrame{Type: "reply", Turn: 1, Text: "x"})
	select {
	case <-s.quit:
	default:
		t.Fatal("a full queue did not drop the client")
	}
	if s.quitCode != closeTryLater || s.quitFlush {
		t.Errorf("drop = code %d flush %v, want 1013 without flushing", s.quitCode, s.quitFlush)
	}
}

// TestDeltasReadyAtOnceLeaveAsOne: the pieces of a reply that come while
// the writer is busy (here: no writer runs) leave as one reply.delta frame,
// before the reply, and never fill the queue.
func TestDeltasReadyAtOnceLeaveAsOne(t *testing.T) {
	s := newSocket(nil, discardLog())
	s.enqueue(callFrame{Type: "call"})
	words := strings.Fields("das ist in der Tat nichts für uns")
	for range 3 * sendQueue {
		for _, w := range words {
			s.addDelta(w+" ", "")
		}
	}
	if len(s.send) != 1 {
		t.Fatalf("%d frames queued while the prospect spoke, want only the call frame", len(s.send))
	}
	s.enqueue(replyFrame{Type: "reply", Turn: 2, Text: "x"})
	var got []frame
	for len(s.send) > 0 {
		var f frame
		if err := json.Unmarshal(<-s.send, &f); err != nil {
			t.Fatal(err)
		}
		got = append(got, f)
	}
	want := strings.Repeat(strings.Join(words, " ")+" ", 3*sendQueue)
	if len(got) != 3 || got[0].Type != "call" || got[1].Type != "reply.delta" || got[1].Text != want || got[2].Type != "reply" {
		t.Errorf("frames = %d: %+v, want call, one reply.delta with every word, reply", len(got), got)
	}
	select {
	case <-s.quit:
		t.Error("a long reply dropped the client")
	default:
	}
}
