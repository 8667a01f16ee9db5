package ui

import "net/http"

func (u *UI) handleGroups() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u.render(w, r, &page{Name: "groups", Title: "groups.title", User: u.user(r)})
	})
}

// resetData is what the reset page shows: the form for the account the
// link is for, or, for an unknown, used or expired link, only why not.
type resetData struct {
	Token, Name string // Name is "" when the link does not work
	Missing     bool   // no token in the address at all
}

// handleReset shows the page of a password reset link. A link that cannot
// work says so and what to do, rather than showing a form that can only
// fail. Whoever is logged in in this browser may open it (a trainer may
// try the link); setting the password logs the browser in as the
// link's account.
func (u *UI) handleReset() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token := r.URL.Query().Get("token")
		d := resetData{Token: token, Missing: token == ""}
		if token != "" && len(token) <= 256 {
			if acc := u.resetUser(r, token); acc != nil {
				d.Name = acc.Name
			}
		}
		if d.Name == "" {
			d.Token = ""
		}
		u.render(w, r, &page{Name: "reset", Title: "reset.title", Data: d})
	})
}

// reviewData is what the review page's filters offer.
type reviewData struct {
	Scenarios []scenarioOption
	Outcomes  []string
}

func (u *UI) handleReview() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u.render(w, r, &page{Name: "review", Title: "review.title", User: u.user(r),
			Data: reviewData{Scenarios: u.options(), Outcomes: []string{"next_step", "polite_end", "hung_up", "interrupted"}}})
	})
}
