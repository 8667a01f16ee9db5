package voice

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"
	"time"
)

// STT transcribes speech through POST {base}/audio/transcriptions.
type STT struct {
	ep      Endpoint
	http    *http.Client
	timeout time.Duration
}

// Model is the transcription model's name.
func (s *STT) Model() string { return s.ep.Model }

// BaseURL is the server sent to.
func (s *STT) BaseURL() string { return s.ep.url("") }

// Transcribe sends pcm (the trainee's 16 kHz mono s16le audio) as a WAV
// file with the model, the language (de, en; "" lets the server guess)
// and response_format json, and returns the text. A failure is an *Error.
func (s *STT) Transcribe(ctx context.Context, pcm []byte, language string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	h := make(textproto.MIMEHeader)
	h.Set("Content-Disposition", `form-data; name="file"; filename="turn.wav"`)
	h.Set("Content-Type", "audio/wav")
	fw, err := mw.CreatePart(h)
	if err != nil {
		return "", err
	}
	if _, err := fw.Write(WAV(pcm, SampleRate)); err != nil {
		return "", err
	}
	fields := [][2]string{{"model", s.ep.Model}, {"response_format", "json"}}
	if language != "" {
		fields = append(fields, [2]string{"language", language})
	}
	for _, f := range fields {
		if err := mw.WriteField(f[0], f[1]); err != nil {
			return "", err
		}
	}
	if err := mw.Close(); err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.ep.url("/audio/transcriptions"), &body)
	if err != nil {
		return "", fmt.Errorf("transcribe: %w", err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	b, err := do(ctx, s.http, req, s.ep.APIKey, "transcribe", maxTextBytes)
	if err != nil {
		return "", err
	}
	var out struct {
		Text *string `json:"text"`
	}
	if err := json.Unmarshal(b, &out); err != nil || out.Text == nil {
		return "", &Error{Op: "transcribe", Kind: KindMalformed, Msg: "the answer is not JSON with a text: " + scrub(string(b), s.ep.APIKey)}
	}
	return strings.TrimSpace(*out.Text), nil
}

// do sends req with the key and returns the body of a 2xx answer (at most
// limit bytes); anything else is an *Error of op.
func do(ctx context.Context, c *http.Client, req *http.Request, key, op string, limit int64) ([]byte, error) {
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := c.Do(req)
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, &Error{Op: op, Kind: KindTimeout, Msg: "no answer in time"}
		}
		if ctx.Err() != nil {
			return nil, ctx.Err() // cancelled: aborted, not failed
		}
		return nil, &Error{Op: op, Kind: KindUnavailable, Msg: scrub(err.Error(), key)}
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, &Error{Op: op, Kind: KindTimeout, Msg: "the answer did not finish in time"}
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &Error{Op: op, Kind: KindUnavailable, Msg: scrub(err.Error(), key)}
	}
	if resp.StatusCode/100 != 2 {
		kind := KindRejected
		if resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests {
			kind = KindUnavailable
		}
		return nil, &Error{Op: op, Kind: kind, Status: resp.StatusCode, Msg: scrub(string(b), key)}
	}
	if int64(len(b)) > limit {
		return nil, &Error{Op: op, Kind: KindMalformed, Msg: fmt.Sprintf("the answer is over %d bytes", limit)}
	}
	return b, nil
}
