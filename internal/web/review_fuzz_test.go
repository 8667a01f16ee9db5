package web

import (
	"net/url"
	"testing"
)

// FuzzReviewQuery: any query string gives a bounded query or a bad
// request, never a panic, a negative offset or a page over the limit.
func FuzzReviewQuery(f *testing.F) {
	for _, s := range []string{"", "sort=openness&order=asc&page=2&per_page=100", "from=2026-11-01&to=2026-11-30&group=3",
		"page=99999999999999999999", "per_page=-1", "engine=llm&outcome=hung_up&trainee=anna", "%zz", "group=0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		q, page, perPage, err := reviewQuery(v)
		if err != nil {
			return
		}
		if q.Offset < 0 || q.Limit < 1 || q.Limit > reviewPerPageMax || page < 1 || perPage != q.Limit {
			t.Fatalf("%q: offset %d limit %d page %d", raw, q.Offset, q.Limit, page)
		}
	})
}

// FuzzGroupName: a name validGroupName takes has no control character and
// no space at either end.
func FuzzGroupName(f *testing.F) {
	for _, s := range []string{"Kurs Herbst", " x", "a\nb", "ACME & Co. <b>", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if validGroupName(name) != nil {
			return
		}
		for _, r := range name {
			if r < 0x20 || r == 0x7f {
				t.Fatalf("%q taken with a control character", name)
			}
		}
	})
}
