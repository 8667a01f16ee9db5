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
	errBadRequest   = openline.Error{Code: "bad_request", Message: "the request is not valid"}
	errInvalidJSON  = openline.Error{Code: "invalid_json", Message: "the body is not valid JSON for this request"}
	errTooLarge     = openline.Error{Code: "too_large", Message: "the request body is too large"}
	errUnauthorized = openline.Error{Code: "unauthorized", Message: "please log in"}
	errForbidden    = openline.Error{Code: "forbidden", Message: "you may not do this"}
	errBadOrigin    = openline.Error{Code: "bad_origin", Message: "the request did not come from this site"}
	errBadLogin     = openline.Error{Code: "bad_login", Message: "wrong name or password"}
	errTooMany      = openline.Error{Code: "too_many_attempts", Message: "too many failed logins; try again later"}
	errBadToken     = openline.Error{Code: "bad_token", Message: "the setup link is unknown, used or expired"}
	errNotFound     = openline.Error{Code: "not_found", Message: "not found"}
	errInternal     = openline.Error{Code: "internal", Message: "something went wrong on the server"}
)

// statusOf maps an error code to its HTTP status: the one place where
// errors meet HTTP.
func statusOf(code string) int {
	switch code {
	case "bad_request", "invalid_json", "invalid_name", "invalid_password", "invalid_role", "invalid_text",
		"invalid_frame", "unknown_type", "missing_text", "turn_too_long", "call_too_long", "unknown_engine":
		return http.StatusBadRequest
	case "unauthorized", "bad_login":
		return http.StatusUnauthorized
	case "forbidden", "bad_origin", "bad_token":
		return http.StatusForbidden
	case "not_found", "call_not_found", "unknown_scenario":
		return http.StatusNotFound
	case "conflict", "call_in_use", "call_ended":
		return http.StatusConflict
	case "bad_host":
		return http.StatusMisdirectedRequest
	case "too_large":
		return http.StatusRequestEntityTooLarge
	case "too_many_attempts", "too_many_calls":
		return http.StatusTooManyRequests
	case "engine_unavailable", "unavailable", "busy":
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
		if statusOf(oe.Code) == http.StatusInternalServerError {
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
}

// writeError answers with err as JSON; an internal error is logged with
// the request's method and path, never shown.
func writeError(log *slog.Logger, w http.ResponseWriter, r *http.Request, err error) {
	pe, internal := publicError(err)
	if internal {
		log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	setRetryAfter(w, err)
	writeErrorJSON(w, statusOf(pe.Code), pe)
}

// writeErrorJSON answers with e, an error a client may see, as the JSON
// error body, with status.
func writeErrorJSON(w http.ResponseWriter, status int, e openline.Error) {
	writeJSON(w, status, errorBody{errorJSON{e.Code, e.Message}})
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
