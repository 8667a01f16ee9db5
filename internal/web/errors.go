package web

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/openline/openline/internal/openline"
)

// Errors the API answers with. Every error a client sees is an
// openline.Error: a stable code and a plain message. Anything else is
// internal: logged once, here, and answered as "internal".
var (
	errBadRequest   = openline.Error{Kind: openline.KindInvalid, Code: "bad_request", Message: "the request is not valid"}
	errInvalidJSON  = openline.Error{Kind: openline.KindInvalid, Code: "invalid_json", Message: "the body is not valid JSON for this request"}
	errTooLarge     = openline.Error{Kind: openline.KindTooLarge, Code: "too_large", Message: "the request body is too large"}
	errUnauthorized = openline.Error{Kind: openline.KindUnauthorized, Code: "unauthorized", Message: "please log in"}
	errForbidden    = openline.Error{Kind: openline.KindForbidden, Code: "forbidden", Message: "you may not do this"}
	errBadOrigin    = openline.Error{Kind: openline.KindForbidden, Code: "bad_origin", Message: "the request did not come from this site"}
	errBadLogin     = openline.Error{Kind: openline.KindUnauthorized, Code: "bad_login", Message: "wrong name or password"}
	errTooMany      = openline.Error{Kind: openline.KindTooMany, Code: "too_many_attempts", Message: "too many failed logins; try again later"}
	errBadToken     = openline.Error{Kind: openline.KindForbidden, Code: "bad_token", Message: "the setup link is unknown, used or expired"}
	errNotFound     = openline.Error{Kind: openline.KindNotFound, Code: "not_found", Message: "not found"}
	errInternal     = openline.Error{Kind: openline.KindInternal, Code: "internal", Message: "something went wrong on the server"}
)

// statusOf maps an error's kind to its HTTP status: the one place where
// errors meet HTTP. Codes are not listed: a new error needs only its kind.
func statusOf(k openline.Kind) int {
	switch k {
	case openline.KindInvalid:
		return http.StatusBadRequest
	case openline.KindUnauthorized:
		return http.StatusUnauthorized
	case openline.KindForbidden:
		return http.StatusForbidden
	case openline.KindNotFound:
		return http.StatusNotFound
	case openline.KindConflict:
		return http.StatusConflict
	case openline.KindMisdirected:
		return http.StatusMisdirectedRequest
	case openline.KindTooLarge:
		return http.StatusRequestEntityTooLarge
	case openline.KindTooMany:
		return http.StatusTooManyRequests
	case openline.KindUnavailable:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// publicError returns the openline.Error to show for err, and whether err
// is internal (then it must be logged).
func publicError(err error) (openline.Error, bool) {
	var oe openline.Error
	if errors.As(err, &oe) {
		if oe.Code == openline.ErrNotFound.Code {
			return errNotFound, false
		}
		if oe.Kind == openline.KindInternal {
			return errInternal, true
		}
		return oe, false
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return errTooLarge, false
	}
	return errInternal, true
}

type errorBody struct {
	Error errorJSON `json:"error"`
}

type errorJSON struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	// Problems are those of a scenario text that was refused (authoring).
	Problems []problemJSON `json:"problems,omitempty"`
}

// writeError answers with err as JSON; an internal error is logged with
// the request's method and path, never shown.
func writeError(log *slog.Logger, w http.ResponseWriter, r *http.Request, err error) {
	pe, internal := publicError(err)
	if internal {
		log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	setRetryAfter(w, err)
	writeJSON(w, statusOf(pe.Kind), errorBody{errorJSON{pe.Code, pe.Message, problemsOf(r, err)}})
}

// writeErrorJSON answers with e, an error a client may see, as the JSON
// error body, with status.
func writeErrorJSON(w http.ResponseWriter, status int, e openline.Error) {
	writeJSON(w, status, errorBody{errorJSON{Code: e.Code, Message: e.Message}})
}

// writeJSON answers with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// apiHandler is a handler that returns its error to the one central writer.
type apiHandler func(w http.ResponseWriter, r *http.Request) error

// handle turns an apiHandler into an http.Handler.
func handle(log *slog.Logger, h apiHandler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			writeError(log, w, r, err)
		}
	})
}

// decodeJSON reads one JSON object from the (size-limited) body into v,
// rejecting unknown fields and trailing data.
func decodeJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return errTooLarge
		}
		return errInvalidJSON
	}
	if dec.More() {
		return errInvalidJSON
	}
	return nil
}
