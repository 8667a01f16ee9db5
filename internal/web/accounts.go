package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/openline/openline/internal/auth"
	"github.com/openline/openline/internal/openline"
)

// Sessions (the login limits are in limits.go).
const (
	cookieName      = "openline_session"
	sessionLifetime = 14 * 24 * time.Hour
)

var (
	errInvalidRole = openline.Error{Kind: openline.KindInvalid, Code: "invalid_role", Message: "the role is trainee or trainer"}
	errNameTaken   = openline.Error{Kind: openline.KindConflict, Code: "conflict", Message: "this name is taken"}
)

// userJSON is a user as the API shows it: never the password hash.
type userJSON struct {
	ID            int64         `json:"id"`
	Name          string        `json:"name"`
	Role          openline.Role `json:"role"`
	CreatedAt     *time.Time    `json:"created_at,omitempty"`
	DeactivatedAt *time.Time    `json:"deactivated_at,omitempty"` // absent while active
	Groups        []memberJSON  `json:"groups,omitempty"`         // in listings: the trainee's groups, by name; absent when none
}

func toUserJSON(u *openline.User) userJSON {
	j := userJSON{ID: u.ID, Name: u.Name, Role: u.Role}
	if !u.CreatedAt.IsZero() {
		t := u.CreatedAt.UTC()
		j.CreatedAt = &t
	}
	if u.DeactivatedAt != nil {
		t := u.DeactivatedAt.UTC()
		j.DeactivatedAt = &t
	}
	return j
}

// newAccount checks a new account's name and password by the account
// rules of package auth (the detail in the error's message) and returns
// the user with the password hashed in one of the hash slots.
func newAccount(ctx context.Context, hashes *hashGate, addr, name, pw string, role openline.Role, now time.Time) (*openline.User, error) {
	if err := auth.ValidName(name); err != nil {
		return nil, auth.ErrInvalidName.WithMessage(err.Error())
	}
	if err := auth.ValidPassword(pw); err != nil {
		return nil, auth.ErrInvalidPassword.WithMessage(err.Error())
	}
	var hash string
	if err := hashes.do(ctx, addr, func() (err error) {
		hash, err = auth.HashPassword(pw)
		return err
	}); err != nil {
		return nil, err
	}
	return &openline.User{Name: name, Role: role, PasswordHash: hash, CreatedAt: now}, nil
}

// sessions starts and ends logged-in browser sessions. A session that
// ends takes its open call sockets with it.
type sessions struct {
	store   openline.UserStore
	now     func() time.Time
	sockets *sockets
}

// start creates a session for u with a new random token and sets its
// cookie. A session the request came with is deleted first: a token
// planted in the browser before the login (session fixation) never
// becomes a logged-in session.
func (s sessions) start(ctx context.Context, w http.ResponseWriter, r *http.Request, u *openline.User) error {
	if err := s.deleteOf(ctx, r); err != nil {
		return err
	}
	token, hash := auth.NewToken()
	now := s.now()
	if err := s.store.CreateSession(ctx, openline.Session{TokenHash: hash, UserID: u.ID, CreatedAt: now, ExpiresAt: now.Add(sessionLifetime)}); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{
		Name: cookieName, Value: token, Path: "/",
		MaxAge: int(sessionLifetime / time.Second), Expires: now.Add(sessionLifetime),
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: secureRequest(r),
	})
	return nil
}

// deleteOf deletes the session of the request's cookie, if any, and
// closes the call sockets opened with it.
func (s sessions) deleteOf(ctx context.Context, r *http.Request) error {
	c, err := r.Cookie(cookieName)
	if err != nil || c.Value == "" {
		return nil
	}
	hash := auth.HashToken(c.Value)
	if err := s.store.DeleteSession(ctx, hash); err != nil && !errors.Is(err, openline.ErrNotFound) {
		return err
	}
	s.sockets.endSession(hash)
	return nil
}

// end deletes the request's session, if any, on the server, and clears
// its cookie.
func (s sessions) end(ctx context.Context, w http.ResponseWriter, r *http.Request) error {
	if err := s.deleteOf(ctx, r); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: secureRequest(r)})
	return nil
}

// authenticate loads the user of the session cookie, if any, into the
// request's context. An unknown or expired session is anonymous.
func authenticate(log *slog.Logger, st openline.UserStore, now func() time.Time) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			c, err := r.Cookie(cookieName)
			if err != nil || c.Value == "" || len(c.Value) > 256 {
				next.ServeHTTP(w, r)
				return
			}
			hash := auth.HashToken(c.Value)
			u, err := st.SessionUser(r.Context(), hash, now())
			switch {
			case errors.Is(err, openline.ErrNotFound):
				next.ServeHTTP(w, r)
			case err != nil:
				writeError(log, w, r, err)
			default:
				next.ServeHTTP(w, r.WithContext(withUser(r.Context(), u, hash)))
			}
		})
	}
}

type loginRequest struct {
	Name     string `json:"name"`
	Password string `json:"password"`
}

type userBody struct {
	User userJSON `json:"user"`
}

// handleLogin checks a name and password and starts a session. An unknown
// name costs as much as a wrong password, so timing does not tell which
// names exist. Failed logins are limited per client address and name.
func handleLogin(st openline.UserStore, ss sessions, lim *loginLimiter, hashes *hashGate) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		var req loginRequest
		if err := decodeJSON(r, &req); err != nil {
			return err
		}
		if len(req.Name) > 4*auth.MaxNameChars || len(req.Password) > auth.MaxPasswordBytes {
			return errBadLogin
		}
		ip := clientIP(r)
		// The attempt counts before the slow hash: parallel guesses
		// cannot all pass the check while none has failed yet.
		if err := lim.attempt(ip, req.Name); err != nil {
			return err
		}
		u, err := st.UserByName(r.Context(), req.Name)
		if err != nil && !errors.Is(err, openline.ErrNotFound) {
			return err
		}
		ok := false
		if err := hashes.do(r.Context(), ip, func() error {
			if u == nil {
				// As costly as a real check: timing does not tell
				// which names exist.
				ok = auth.CheckPasswordNoUser(req.Password)
				return nil
			}
			var err error
			ok, err = auth.CheckPassword(u.PasswordHash, req.Password)
			// A deactivated account fails like a wrong password,
			// after the same work.
			ok = ok && canLogIn(u)
			return err
		}); err != nil {
			return err
		}
		if !ok {
			return errBadLogin
		}
		lim.succeed(ip, req.Name)
		if err := ss.start(r.Context(), w, r, u); err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, userBody{toUserJSON(u)})
		return nil
	}
}

// handleLogout ends the session; it succeeds also without one.
func handleLogout(ss sessions) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := ss.end(r.Context(), w, r); err != nil {
			return err
		}
		w.WriteHeader(http.StatusNoContent)
		return nil
	}
}

type setupRequest struct {
	Token    string `json:"token"`
	Name     string `json:"name"`
	Password string `json:"password"`
}

// handleSetup creates the first trainer with the one-time setup token and
// logs them in.
func handleSetup(st openline.UserStore, ss sessions, hashes *hashGate, now func() time.Time) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		var req setupRequest
		if err := decodeJSON(r, &req); err != nil {
			return err
		}
		if req.Token == "" || len(req.Token) > 256 {
			return errBadToken
		}
		// Once an account exists no token works: refuse before the
		// costly hash, so that anonymous requests cannot keep the hash
		// slots busy.
		if n, err := st.CountUsers(r.Context()); err != nil {
			return err
		} else if n > 0 {
			return errBadToken
		}
		u, err := newAccount(r.Context(), hashes, clientIP(r), req.Name, req.Password, openline.RoleTrainer, now())
		if err != nil {
			return err
		}
		if err := st.UseSetupToken(r.Context(), auth.HashToken(req.Token), now(), u); err != nil {
			if errors.Is(err, openline.ErrNotFound) || errors.Is(err, openline.ErrConflict) {
				return errBadToken
			}
			return err
		}
		if err := ss.start(r.Context(), w, r, u); err != nil {
			return err
		}
		writeJSON(w, http.StatusCreated, userBody{toUserJSON(u)})
		return nil
	}
}

// handleMe answers who is logged in.
func handleMe() apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		writeJSON(w, http.StatusOK, userBody{toUserJSON(userFrom(r.Context()))})
		return nil
	}
}

type usersBody struct {
	Users []userJSON `json:"users"`
}

// handleUsersList lists every account with the groups it belongs to.
func handleUsersList(st openline.Store) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		us, err := st.ListUsers(r.Context())
		if err != nil {
			return err
		}
		gs, err := st.Groups(r.Context())
		if err != nil {
			return err
		}
		groupsOf := map[int64][]memberJSON{}
		for _, g := range gs {
			for _, id := range g.Members {
				groupsOf[id] = append(groupsOf[id], memberJSON{ID: g.ID, Name: g.Name})
			}
		}
		out := usersBody{Users: make([]userJSON, 0, len(us))}
		for i := range us {
			j := toUserJSON(&us[i])
			j.Groups = groupsOf[us[i].ID]
			out.Users = append(out.Users, j)
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}

type createUserRequest struct {
	Name string `json:"name"`
	// Password is for scripts (openline loadgen) that log the account in
	// themselves; the browser leaves it out, so that a trainer never
	// types or knows a trainee's password.
	Password string        `json:"password"`
	Role     openline.Role `json:"role"`
}

type createdUserBody struct {
	User      userJSON       `json:"user"`
	SetupLink *resetLinkBody `json:"setup_link,omitempty"` // without a password: the link with which the owner sets it
}

// handleUsersCreate creates an account; the role defaults to trainee.
// Without a password the account gets a one-time setup link (a reset link
// that lives setupLinkLifetime), with which its owner chooses the
// password; until then no password logs it in (its hash is of a random
// secret nobody keeps).
func handleUsersCreate(st openline.Store, hashes *hashGate, now func() time.Time) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		var req createUserRequest
		if err := decodeJSON(r, &req); err != nil {
			return err
		}
		if req.Role == "" {
			req.Role = openline.RoleTrainee
		}
		if !req.Role.Valid() {
			return errInvalidRole
		}
		pw, typed := req.Password, req.Password != ""
		if !typed {
			pw, _ = auth.NewToken()
		}
		u, err := newAccount(r.Context(), hashes, "", req.Name, pw, req.Role, now())
		if err != nil {
			return err
		}
		if err := st.CreateUser(r.Context(), u); err != nil {
			if errors.Is(err, openline.ErrConflict) {
				return errNameTaken
			}
			return err
		}
		out := createdUserBody{User: toUserJSON(u)}
		if !typed {
			link, err := issueResetLink(r, st, u, setupLinkLifetime, now())
			if err != nil {
				return err
			}
			out.SetupLink = &link
		}
		writeJSON(w, http.StatusCreated, out)
		return nil
	}
}

// handleUserDeactivate deactivates the account of the path's {id}: it
// cannot log in any more, its sessions end and its open call sockets
// close; its calls stay. Another trainer's or one's own account is
// refused by canManage.
func handleUserDeactivate(st openline.UserStore, ss *sockets, now func() time.Time) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if err != nil {
			return errNotFound
		}
		target, err := st.UserByID(r.Context(), id)
		if err != nil {
			return err
		}
		if !canManage(userFrom(r.Context()), target) {
			return errForbidden
		}
		if err := st.DeactivateUser(r.Context(), id, now()); err != nil {
			return err
		}
		ss.endUser(id)
		target, err = st.UserByID(r.Context(), id)
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, userBody{toUserJSON(target)})
		return nil
	}
}
