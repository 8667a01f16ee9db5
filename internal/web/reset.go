package web

import (
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/openline/openline/internal/auth"
	"github.com/openline/openline/internal/openline"
)

// resetLinkLifetime is how long a password reset link works: long enough
// for a trainer to hand it over the next day, short enough that a link
// forgotten in a chat dies soon.
const resetLinkLifetime = 48 * time.Hour

// setupLinkLifetime is how long the link of a new account works: a
// trainer often creates a course's accounts days before it starts.
const setupLinkLifetime = 7 * 24 * time.Hour

var (
	errBadResetLink = openline.Error{Kind: openline.KindForbidden, Code: "bad_reset_link", Message: "the link is unknown, used or expired; ask your trainer for a new one"}
	errDeactivated  = openline.Error{Kind: openline.KindConflict, Code: "deactivated", Message: "the account is deactivated"}
)

// managedUser loads the account of the path's {id} when the asker may
// manage it (canManage): not found for an unknown id, forbidden for one's
// own account.
func managedUser(r *http.Request, st openline.UserStore) (*openline.User, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	target, err := st.UserByID(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if !canManage(userFrom(r.Context()), target) {
		return nil, errForbidden
	}
	return target, nil
}

type renameRequest struct {
	Name string `json:"name"`
}

// handleUserRename renames the account of the path's {id}; its calls show
// the new name.
func handleUserRename(st openline.Store) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		target, err := managedUser(r, st)
		if err != nil {
			return err
		}
		var req renameRequest
		if err := decodeJSON(r, &req); err != nil {
			return err
		}
		if err := auth.ValidName(req.Name); err != nil {
			return auth.ErrInvalidName.WithMessage(err.Error())
		}
		if err := st.RenameUser(r.Context(), target.ID, req.Name); err != nil {
			if errors.Is(err, openline.ErrConflict) {
				return errNameTaken
			}
			return err
		}
		target.Name = req.Name
		writeJSON(w, http.StatusOK, userBody{toUserJSON(target)})
		return nil
	}
}

type resetLinkBody struct {
	Link      string    `json:"link"` // absolute, for handing over
	Path      string    `json:"path"` // the same, on this site
	ExpiresAt time.Time `json:"expires_at"`
}

// handleUserReset makes a one-time link with which the owner of the
// path's {id} sets a new password; the trainer hands it over. Only the
// hash of its token is kept; a new link replaces the account's earlier
// one. A deactivated account gets none (conflict).
func handleUserReset(st openline.Store, now func() time.Time) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		target, err := managedUser(r, st)
		if err != nil {
			return err
		}
		if !canLogIn(target) {
			return errDeactivated
		}
		link, err := issueResetLink(r, st, target, resetLinkLifetime, now())
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusCreated, link)
		return nil
	}
}

// issueResetLink stores a one-time link for target's password, made by
// the asker, that works for lifetime, and returns it for handing over.
// Only the hash of its token is kept; it replaces target's earlier link.
func issueResetLink(r *http.Request, st openline.AccountStore, target *openline.User, lifetime time.Duration, now time.Time) (resetLinkBody, error) {
	token, hash := auth.NewToken()
	reset := openline.PasswordReset{TokenHash: hash, UserID: target.ID, CreatedBy: userFrom(r.Context()).ID, CreatedAt: now, ExpiresAt: now.Add(lifetime)}
	if err := st.CreatePasswordReset(r.Context(), reset); err != nil {
		return resetLinkBody{}, err
	}
	path := "/reset?token=" + url.QueryEscape(token)
	return resetLinkBody{
		Link: requestScheme(r) + "://" + r.Host + path, Path: path, ExpiresAt: reset.ExpiresAt.UTC().Truncate(time.Millisecond),
	}, nil
}

type resetRequest struct {
	Token    string `json:"token"`
	Password string `json:"password"`
}

// handleReset sets a new password with a reset link's token, ends every
// session and open call socket of the account, and logs the browser in.
// The token is checked before the costly hash, so that anonymous requests
// cannot keep the hash slots busy.
func handleReset(st openline.Store, ss sessions, hashes *hashGate, now func() time.Time) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		var req resetRequest
		if err := decodeJSON(r, &req); err != nil {
			return err
		}
		if req.Token == "" || len(req.Token) > 256 {
			return errBadResetLink
		}
		hash := auth.HashToken(req.Token)
		if _, err := st.PasswordResetUser(r.Context(), hash, now()); err != nil {
			if errors.Is(err, openline.ErrNotFound) {
				return errBadResetLink
			}
			return err
		}
		if err := auth.ValidPassword(req.Password); err != nil {
			return auth.ErrInvalidPassword.WithMessage(err.Error())
		}
		var pwHash string
		if err := hashes.do(r.Context(), clientIP(r), func() (err error) {
			pwHash, err = auth.HashPassword(req.Password)
			return err
		}); err != nil {
			return err
		}
		u, err := st.UsePasswordReset(r.Context(), hash, now(), pwHash)
		if err != nil {
			if errors.Is(err, openline.ErrNotFound) {
				return errBadResetLink
			}
			return err
		}
		ss.sockets.endUser(u.ID)
		if err := ss.start(r.Context(), w, r, u); err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, userBody{toUserJSON(u)})
		return nil
	}
}
