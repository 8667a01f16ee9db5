package llm

// This file is the one place that imports go-openai: it turns a chat
// completion stream of any OpenAI-compatible server into text pieces, usage
// and faults of this package's own kinds. Everything else in the package
// speaks in messages, completions and faults.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// message is one chat message: role "system", "user" or "assistant".
type message struct {
	Role, Content string
}

// completion is what one upstream request produced.
type completion struct {
	Text string
	// In and Out are the prompt and completion tokens; Estimated when the
	// server sent no usage (Ollama without stream_options, some llama.cpp
	// builds) and they were estimated from the text (4 bytes a token).
	In, Out    int
	Estimated  bool
	FirstToken time.Duration // from the request to the first content token
	Finish     string        // the finish_reason, "" when none came
}

// Fault kinds: the causes of a failed upstream request, as logs and the
// metric openline_llm_errors_total name them.
const (
	faultUnavailable = "unavailable"  // 5xx, or the server could not be reached
	faultRateLimited = "rate_limited" // 429
	faultRejected    = "rejected"     // another 4xx: a wrong key, model or request
	faultMalformed   = "malformed"    // a chunk that is not a completion chunk
	faultCut         = "cut"          // the stream ended without a finish
	faultEmpty       = "empty"        // a "successful" stream without a word
	faultFirstToken  = "first_token_timeout"
	faultReply       = "reply_timeout"
	faultBreaker     = "breaker_open" // not sent: the circuit breaker is open
	faultGuard       = "guard"        // the reply broke a guardrail twice
)

// fault is a failed upstream request. A fault with retry set may be tried
// again (before the first token reached the trainee); retryAfter is the
// server's Retry-After, when it sent one.
type fault struct {
	kind       string
	retry      bool
	retryAfter time.Duration
	err        error
}

func (f *fault) Error() string {
	if f.err == nil {
		return "llm: " + f.kind
	}
	return "llm: " + f.kind + ": " + f.err.Error()
}

func (f *fault) Unwrap() error { return f.err }

// Causes of a request cut short by this package's own timers.
var (
	errFirstToken = errors.New("no first token in time")
	errWholeReply = errors.New("the reply took too long")
	errStopped    = errors.New("stopped by the guard")
)

// relay sends chat completion requests to one OpenAI-compatible server.
type relay struct {
	client *openai.Client
	model  string
	key    string // only to scrub it from what upstream errors echo
}

// retryAfterBox carries a response's Retry-After from the transport to the
// request that asked.
type retryAfterBox struct{ d time.Duration }

type retryAfterKey struct{}

// headerTransport reads Retry-After off every response.
type headerTransport struct{ next http.RoundTripper }

func (t headerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(r)
	if err == nil {
		if box, ok := r.Context().Value(retryAfterKey{}).(*retryAfterBox); ok {
			box.d = parseRetryAfter(resp.Header.Get("Retry-After"), time.Now())
		}
	}
	return resp, err
}

// parseRetryAfter reads a Retry-After value: seconds or an HTTP date. It
// returns 0 for none or nonsense.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.ParseFloat(v, 64); err == nil {
		if !(n > 0 && n <= 24*3600) { // also NaN
			return 0
		}
		return time.Duration(n * float64(time.Second))
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) && t.Sub(now) <= 24*time.Hour {
		return t.Sub(now)
	}
	return 0
}

// newRelay returns a relay to baseURL (".../v1") with key (may be empty
// for servers that need none) and model.
func newRelay(baseURL, key, model string, hc *http.Client) *relay {
	cfg := openai.DefaultConfig(key)
	if baseURL != "" {
		cfg.BaseURL = strings.TrimRight(baseURL, "/")
	}
	if hc == nil {
		hc = &http.Client{}
	}
	next := hc.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	c := *hc
	c.Transport = headerTransport{next: next}
	cfg.HTTPClient = &c
	// Keep-alive comments (": ping") count as empty lines to go-openai;
	// a slow local model may send many before its first token.
	cfg.EmptyMessagesLimit = 100000
	return &relay{client: openai.NewClientWithConfig(cfg), model: model, key: key}
}

// request is one completion to ask for.
type request struct {
	Messages    []message
	MaxTokens   int
	Temperature float32
	// FirstToken and Whole bound the request: no content token within
	// FirstToken, or no end within Whole, cancels it with a fault.
	FirstToken, Whole time.Duration
}

// stream asks for a streamed completion and gives every piece of content to
// onDelta as it arrives; onDelta returns false to stop the stream (the
// request is cancelled, and what came so far is returned without a fault).
// Reasoning fields (reasoning_content, Ollama's reasoning) never reach
// onDelta. A cancelled ctx returns ctx's error, never a fault: aborted is
// not failed.
func (r *relay) stream(ctx context.Context, req request, onDelta func(string) bool) (completion, error) {
	start := time.Now()
	box := &retryAfterBox{}
	rctx, cancel := context.WithCancelCause(context.WithValue(ctx, retryAfterKey{}, box))
	defer cancel(nil)
	first := time.AfterFunc(req.FirstToken, func() { cancel(errFirstToken) })
	defer first.Stop()
	whole := time.AfterFunc(req.Whole, func() { cancel(errWholeReply) })
	defer whole.Stop()

	msgs := make([]openai.ChatCompletionMessage, len(req.Messages))
	for i, m := range req.Messages {
		msgs[i] = openai.ChatCompletionMessage{Role: m.Role, Content: m.Content}
	}
	var out completion
	var text strings.Builder
	s, err := r.client.CreateChatCompletionStream(rctx, openai.ChatCompletionRequest{
		Model:               r.model,
		Messages:            msgs,
		MaxCompletionTokens: req.MaxTokens,
		Temperature:         req.Temperature,
		Stream:              true,
		StreamOptions:       &openai.StreamOptions{IncludeUsage: true},
	})
	if err != nil {
		return out, r.translate(ctx, rctx, err, box, false)
	}
	defer s.Close()
	stopped := false
	for {
		chunk, err := s.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			out.Text = text.String()
			return out, r.translate(ctx, rctx, err, box, text.Len() > 0)
		}
		if chunk.Usage != nil {
			out.In, out.Out = chunk.Usage.PromptTokens, chunk.Usage.CompletionTokens
		}
		for _, ch := range chunk.Choices {
			if ch.Index != 0 {
				continue
			}
			if ch.FinishReason != "" {
				out.Finish = string(ch.FinishReason)
			}
			if ch.Delta.Content == "" {
				continue
			}
			if text.Len() == 0 {
				first.Stop()
				out.FirstToken = time.Since(start)
			}
			text.WriteString(ch.Delta.Content)
			if !onDelta(ch.Delta.Content) {
				stopped = true
				cancel(errStopped)
			}
		}
		if stopped {
			break
		}
	}
	out.Text = text.String()
	if ctx.Err() != nil {
		return out, ctx.Err()
	}
	if !stopped {
		switch {
		case strings.TrimSpace(out.Text) == "":
			return out, &fault{kind: faultEmpty, retry: true, err: errors.New("the stream ended without content")}
		case out.Finish == "":
			return out, &fault{kind: faultCut, retry: false, err: errors.New("the stream ended without a finish_reason")}
		}
	}
	if out.In == 0 && out.Out == 0 {
		out.Estimated = true
		n := 0
		for _, m := range req.Messages {
			n += len(m.Content)
		}
		out.In, out.Out = (n+3)/4, (len(out.Text)+3)/4
	}
	return out, nil
}

// complete asks for a whole completion without streaming (the coaching
// paragraph), bounded by req.Whole.
func (r *relay) complete(ctx context.Context, req request) (completion, error) {
	box := &retryAfterBox{}
	rctx, cancel := context.WithCancelCause(context.WithValue(ctx, retryAfterKey{}, box))
	defer cancel(nil)
	t := time.AfterFunc(req.Whole, func() { cancel(errWholeReply) })
	defer t.Stop()
	msgs := make([]openai.ChatCompletionMessage, len(req.Messages))
	for i, m := range req.Messages {
		msgs[i] = openai.ChatCompletionMessage{Role: m.Role, Content: m.Content}
	}
	resp, err := r.client.CreateChatCompletion(rctx, openai.ChatCompletionRequest{
		Model: r.model, Messages: msgs, MaxCompletionTokens: req.MaxTokens, Temperature: req.Temperature,
	})
	if err != nil {
		return completion{}, r.translate(ctx, rctx, err, box, false)
	}
	if len(resp.Choices) == 0 || strings.TrimSpace(resp.Choices[0].Message.Content) == "" {
		return completion{}, &fault{kind: faultEmpty, err: errors.New("the completion has no content")}
	}
	return completion{
		Text: resp.Choices[0].Message.Content, In: resp.Usage.PromptTokens, Out: resp.Usage.CompletionTokens,
		Finish: string(resp.Choices[0].FinishReason),
	}, nil
}

// translate turns go-openai's and net/http's errors into a fault, or ctx's
// own error when the caller cancelled. spoke says content had come.
func (r *relay) translate(ctx, rctx context.Context, err error, box *retryAfterBox, spoke bool) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	switch context.Cause(rctx) {
	case errFirstToken:
		return &fault{kind: faultFirstToken, err: errFirstToken}
	case errWholeReply:
		return &fault{kind: faultReply, err: errWholeReply}
	}
	status := 0
	var apiErr *openai.APIError
	var reqErr *openai.RequestError
	switch {
	case errors.As(err, &apiErr):
		status = apiErr.HTTPStatusCode
		err = fmt.Errorf("status %d: %s", status, r.scrub(apiErr.Message))
	case errors.As(err, &reqErr):
		status = reqErr.HTTPStatusCode
		err = fmt.Errorf("status %d: %s", status, r.scrub(string(reqErr.Body)))
	}
	switch {
	case status == http.StatusTooManyRequests:
		return &fault{kind: faultRateLimited, retry: true, retryAfter: box.d, err: err}
	case status >= 500:
		return &fault{kind: faultUnavailable, retry: true, retryAfter: box.d, err: err}
	case status >= 400:
		return &fault{kind: faultRejected, err: err}
	case status == 0 && isJSONError(err):
		return &fault{kind: faultMalformed, retry: !spoke, err: err}
	case spoke:
		return &fault{kind: faultCut, err: err}
	}
	return &fault{kind: faultUnavailable, retry: true, err: err}
}

// isJSONError reports whether err is a chunk that did not parse.
func isJSONError(err error) bool {
	s := err.Error()
	return strings.Contains(s, "invalid character") || strings.Contains(s, "unexpected end of JSON") ||
		strings.Contains(s, "cannot unmarshal") || errors.Is(err, openai.ErrTooManyEmptyStreamMessages)
}

// scrub makes an upstream error body fit for a log line: at most 200
// bytes, and never the key (some servers echo it back).
func (r *relay) scrub(s string) string {
	s = strings.TrimSpace(s)
	if r.key != "" {
		s = strings.ReplaceAll(s, r.key, "[key]")
	}
	if len(s) > 200 {
		s = strings.ToValidUTF8(s[:200], "") + "…"
	}
	return s
}
