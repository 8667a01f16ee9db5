// Package llmtest is a fake OpenAI-compatible chat completions server for
// tests, speaking the real wire format: server-sent events of `data:`
// chunks ending in `data: [DONE]`, a usage chunk when stream_options asks
// for it, keep-alive comment lines, reasoning fields as Ollama and
// DeepSeek send them, and plain JSON for requests without stream. Each
// request is answered by a Reply that a test scripts, to play a model, a
// failing server or an adversary. No key, no network.
package llmtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
)

// Reply is how the server answers one request.
type Reply struct {
	Status     int    // not 0 or 200: an error answer with this status
	RetryAfter string // the Retry-After header of an error answer
	// Chunks are the content pieces, one `data:` chunk each.
	Chunks []string
	// Reasoning pieces are sent first, in the fields `reasoning` (Ollama)
	// and `reasoning_content` (DeepSeek, vLLM), never as content.
	Reasoning []string
	KeepAlive int  // ": keep-alive" comment lines before the first chunk
	NoUsage   bool // ignore stream_options (as some servers do)
	Cut       bool // end the stream after the chunks without finish_reason or [DONE]
	Malformed bool // send a broken data line after the chunks
	// Hang: send the chunks, then never finish until the client goes.
	Hang  bool
	Delay time.Duration // before the first chunk (or the error)
	// Gate, when set, is waited on before the first chunk.
	Gate chan struct{}
	// Between is the pause between chunks.
	Between time.Duration
}

// Words splits text into chunks of one word each (with its space), as
// models stream.
func Words(text string) []string {
	var out []string
	for len(text) > 0 {
		i := strings.IndexByte(text[1:], ' ')
		if i < 0 {
			out = append(out, text)
			break
		}
		out = append(out, text[:i+1])
		text = text[i+1:]
	}
	return out
}

// Request is a request the server got.
type Request struct {
	Model         string    `json:"model"`
	Stream        bool      `json:"stream"`
	Messages      []Message `json:"messages"`
	MaxTokens     int       `json:"max_completion_tokens"`
	StreamOptions *struct {
		IncludeUsage bool `json:"include_usage"`
	} `json:"stream_options"`
	Auth string `json:"-"` // the Authorization header
}

// Message is one chat message of a request.
type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// Last returns the content of the last message with role, or "".
func (r Request) Last(role string) string {
	for i := len(r.Messages) - 1; i >= 0; i-- {
		if r.Messages[i].Role == role {
			return r.Messages[i].Content
		}
	}
	return ""
}

// Gist is what the referee's note at the end of the request asks to say:
// the text between the last « and ».
func (r Request) Gist() string {
	note := ""
	for i := len(r.Messages) - 1; i >= 0 && note == ""; i-- {
		if r.Messages[i].Role == "system" && strings.Contains(r.Messages[i].Content, "«") {
			note = r.Messages[i].Content
		}
	}
	i := strings.LastIndex(note, "«")
	j := strings.LastIndex(note, "»")
	if i < 0 || j < i {
		return ""
	}
	return note[i+len("«") : j]
}

// Actor is a model that does what the note asks: it says the gist, word by
// word.
func Actor(r Request) Reply { return Reply{Chunks: Words(r.Gist())} }

// Server is the fake server. Respond answers every request (default:
// Actor); Script, when not empty, answers the next requests first, one
// entry each.
type Server struct {
	*httptest.Server
	Respond func(Request) Reply

	mu        sync.Mutex
	script    []Reply
	requests  []Request
	cancelled int
	firstSent []time.Time // when the first content chunk of each stream was flushed
}

// New starts a server; it is closed when the test ends.
func New(t interface{ Cleanup(func()) }) *Server {
	s := &Server{Respond: Actor}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// URL of the API, as OPENAI_BASE_URL takes it.
func (s *Server) BaseURL() string { return s.URL + "/v1" }

// Script queues replies for the next requests.
func (s *Server) Script(rs ...Reply) {
	s.mu.Lock()
	s.script = append(s.script, rs...)
	s.mu.Unlock()
}

// Requests returns the requests received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Cancelled is how many requests the client gave up on while the server
// was still answering (hanging or streaming).
func (s *Server) Cancelled() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cancelled
}

// FirstSent returns when the first content chunk of each stream left.
func (s *Server) FirstSent() []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Time(nil), s.firstSent...)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" {
		http.Error(w, `{"error":{"message":"not found","type":"invalid_request_error"}}`, http.StatusNotFound)
		return
	}
	body, err := io.ReadAll(r.Body)
	var req Request
	if err != nil || json.Unmarshal(body, &req) != nil || len(req.Messages) == 0 {
		http.Error(w, `{"error":{"message":"bad request","type":"invalid_request_error"}}`, http.StatusBadRequest)
		return
	}
	req.Auth = r.Header.Get("Authorization")
	s.mu.Lock()
	s.requests = append(s.requests, req)
	var rep Reply
	if len(s.script) > 0 {
		rep, s.script = s.script[0], s.script[1:]
	} else {
		rep = s.Respond(req)
	}
	s.mu.Unlock()

	if !s.wait(r, rep.Delay, rep.Gate) {
		return
	}
	if rep.Status != 0 && rep.Status != http.StatusOK {
		if rep.RetryAfter != "" {
			w.Header().Set("Retry-After", rep.RetryAfter)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(rep.Status)
		fmt.Fprintf(w, `{"error":{"message":"fake upstream says %d","type":"server_error","code":null}}`, rep.Status)
		return
	}
	if !req.Stream {
		s.whole(w, req, rep)
		return
	}
	s.stream(w, r, req, rep)
}

// wait sleeps d and waits for gate; false when the client went first.
func (s *Server) wait(r *http.Request, d time.Duration, gate chan struct{}) bool {
	if d > 0 {
		select {
		case <-time.After(d):
		case <-r.Context().Done():
			s.gone()
			return false
		}
	}
	if gate != nil {
		select {
		case <-gate:
		case <-r.Context().Done():
			s.gone()
			return false
		}
	}
	return true
}

func (s *Server) gone() {
	s.mu.Lock()
	s.cancelled++
	s.mu.Unlock()
}

const chunkHead = `{"id":"chatcmpl-fake","object":"chat.completion.chunk","created":1764633600,"model":%q,"system_fingerprint":"fp_fake","choices":[`

func (s *Server) stream(w http.ResponseWriter, r *http.Request, req Request, rep Reply) {
	fl, _ := w.(http.Flusher)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	send := func(format string, args ...any) bool {
		if _, err := fmt.Fprintf(w, format, args...); err != nil {
			return false
		}
		if fl != nil {
			fl.Flush()
		}
		return r.Context().Err() == nil
	}
	for range rep.KeepAlive {
		if !send(": keep-alive\n\n") {
			s.gone()
			return
		}
	}
	if !send("data: "+chunkHead+`{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}`+"\n\n", req.Model) {
		s.gone()
		return
	}
	for _, p := range rep.Reasoning {
		rj, _ := json.Marshal(p)
		if !send("data: "+chunkHead+`{"index":0,"delta":{"reasoning":%s,"reasoning_content":%s},"finish_reason":null}]}`+"\n\n", req.Model, rj, rj) {
			s.gone()
			return
		}
	}
	out := 0
	for i, c := range rep.Chunks {
		if i > 0 && rep.Between > 0 {
			select {
			case <-time.After(rep.Between):
			case <-r.Context().Done():
				s.gone()
				return
			}
		}
		cj, _ := json.Marshal(c)
		if i == 0 {
			s.mu.Lock()
			s.firstSent = append(s.firstSent, time.Now())
			s.mu.Unlock()
		}
		if !send("data: "+chunkHead+`{"index":0,"delta":{"content":%s},"finish_reason":null}]}`+"\n\n", req.Model, cj) {
			s.gone()
			return
		}
		out += (len(c) + 3) / 4
	}
	if rep.Malformed {
		send("data: {\"id\":\"chatcmpl-fake\",\"choices\":[{\"delta\":{\"content\":\"kap\n\n")
		return
	}
	if rep.Hang {
		<-r.Context().Done()
		s.gone()
		return
	}
	if rep.Cut {
		return
	}
	usage := req.StreamOptions != nil && req.StreamOptions.IncludeUsage && !rep.NoUsage
	if usage {
		send("data: "+chunkHead+`{"index":0,"delta":{},"finish_reason":"stop"}],"usage":null}`+"\n\n", req.Model)
		in := 0
		for _, m := range req.Messages {
			in += (len(m.Content) + 3) / 4
		}
		send("data: "+chunkHead+`],"usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}`+"\n\n", req.Model, in, out, in+out)
	} else {
		send("data: "+chunkHead+`{"index":0,"delta":{},"finish_reason":"stop"}]}`+"\n\n", req.Model)
	}
	send("data: [DONE]\n\n")
}

func (s *Server) whole(w http.ResponseWriter, req Request, rep Reply) {
	text := strings.Join(rep.Chunks, "")
	in := 0
	for _, m := range req.Messages {
		in += (len(m.Content) + 3) / 4
	}
	tj, _ := json.Marshal(text)
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"id":"chatcmpl-fake","object":"chat.completion","created":1764633600,"model":%q,"choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],"usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}`,
		req.Model, tj, in, (len(text)+3)/4, in+(len(text)+3)/4)
}
