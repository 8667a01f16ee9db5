package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/openline/openline/internal/openline"
)

// maxGroupNameChars is the longest group name, in characters.
const maxGroupNameChars = 80

var (
	errInvalidGroupName = openline.Error{Kind: openline.KindInvalid, Code: "invalid_group_name", Message: fmt.Sprintf("a group name has 1 to %d characters, no control characters and no spaces at either end", maxGroupNameChars)}
	errGroupNameTaken   = openline.Error{Kind: openline.KindConflict, Code: "group_name_taken", Message: "a group of this name exists"}
	errNotATrainee      = openline.Error{Kind: openline.KindInvalid, Code: "not_a_trainee", Message: "only trainees belong to groups"}
)

// validGroupName checks a group's name: it is shown everywhere (escaped),
// so any printable text of a sensible length ("ACME GmbH & Co. KG",
// "Kurs 3/2026").
func validGroupName(name string) error {
	n := utf8.RuneCountInString(name)
	if !utf8.ValidString(name) || n == 0 || n > maxGroupNameChars || strings.TrimSpace(name) != name {
		return errInvalidGroupName
	}
	for _, r := range name {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return errInvalidGroupName
		}
	}
	return nil
}

// groupJSON is a group as the API shows it.
type groupJSON struct {
	ID        int64        `json:"id"`
	Name      string       `json:"name"`
	CreatedAt time.Time    `json:"created_at"`
	Members   []memberJSON `json:"members"`
}

// memberJSON is a member of a group, or a group of a user: id and name.
type memberJSON struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// toGroupJSON shows g with its members' names (names: by user id).
func toGroupJSON(g *openline.Group, names map[int64]string) groupJSON {
	j := groupJSON{ID: g.ID, Name: g.Name, CreatedAt: g.CreatedAt.UTC(), Members: make([]memberJSON, 0, len(g.Members))}
	for _, id := range g.Members {
		j.Members = append(j.Members, memberJSON{ID: id, Name: names[id]})
	}
	return j
}

// userNames maps every account's id to its name.
func userNames(r *http.Request, st openline.UserStore) (map[int64]string, error) {
	us, err := st.ListUsers(r.Context())
	if err != nil {
		return nil, err
	}
	names := make(map[int64]string, len(us))
	for _, u := range us {
		names[u.ID] = u.Name
	}
	return names, nil
}

type groupsBody struct {
	Groups []groupJSON `json:"groups"`
}

type groupBody struct {
	Group groupJSON `json:"group"`
}

// handleGroupsList lists every group with its members, by name.
func handleGroupsList(st openline.Store) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		gs, err := st.Groups(r.Context())
		if err != nil {
			return err
		}
		names, err := userNames(r, st)
		if err != nil {
			return err
		}
		out := groupsBody{Groups: make([]groupJSON, 0, len(gs))}
		for i := range gs {
			out.Groups = append(out.Groups, toGroupJSON(&gs[i], names))
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}

type groupNameRequest struct {
	Name string `json:"name"`
}

// handleGroupCreate creates a group.
func handleGroupCreate(st openline.Store, now func() time.Time) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		var req groupNameRequest
		if err := decodeJSON(r, &req); err != nil {
			return err
		}
		if err := validGroupName(req.Name); err != nil {
			return err
		}
		g := &openline.Group{Name: req.Name, CreatedAt: now()}
		if err := st.CreateGroup(r.Context(), g); err != nil {
			if errors.Is(err, openline.ErrConflict) {
				return errGroupNameTaken
			}
			return err
		}
		writeJSON(w, http.StatusCreated, groupBody{toGroupJSON(g, nil)})
		return nil
	}
}

// pathID is the path's {name} as an id; a malformed one is not found.
func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, errNotFound
	}
	return id, nil
}

// writeGroup answers the group id as it is now.
func writeGroup(w http.ResponseWriter, r *http.Request, st openline.Store, id int64) error {
	g, err := st.Group(r.Context(), id)
	if err != nil {
		return err
	}
	names, err := userNames(r, st)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, groupBody{toGroupJSON(g, names)})
	return nil
}

// handleGroupRename renames the group of the path's {id}.
func handleGroupRename(st openline.Store) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		var req groupNameRequest
		if err := decodeJSON(r, &req); err != nil {
			return err
		}
		if err := validGroupName(req.Name); err != nil {
			return err
		}
		if err := st.RenameGroup(r.Context(), id, req.Name); err != nil {
			if errors.Is(err, openline.ErrConflict) {
				return errGroupNameTaken
			}
			return err
		}
		return writeGroup(w, r, st, id)
	}
}

// handleGroupMember puts the trainee of the path's {user} into the group
// of {id} (member true: PUT) or takes them out (DELETE). Only trainees
// belong to groups; taking anyone out is allowed.
func handleGroupMember(st openline.Store, member bool) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		uid, err := pathID(r, "user")
		if err != nil {
			return err
		}
		if member {
			u, err := st.UserByID(r.Context(), uid)
			if err != nil {
				return err
			}
			if u.Role != openline.RoleTrainee {
				return errNotATrainee
			}
		}
		if err := st.SetMember(r.Context(), id, uid, member); err != nil {
			return err
		}
		return writeGroup(w, r, st, id)
	}
}
