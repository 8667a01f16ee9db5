package ui

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/openline/openline/internal/openline"
)

// viewNames are the server-rendered trainer and trainee pages whose data
// the server loads (assignments, progress, calibration); each is parsed
// with layout.html like the pages of pageNames.
var viewNames = []string{"assignments", "progress", "calibration", "blind"}

// Load returns a view's data for a request. An openline.Error of kind
// not found shows the "not found" page; any other error is logged and
// shows "something went wrong".
type Load func(r *http.Request) (any, error)

// View is a server-rendered page: the template name (one of viewNames),
// the catalog key of its title, and what it shows, loaded per request.
// Its module (web/static/js/views.js) only sends its forms and shows
// times in the browser's time zone.
func (u *UI) View(name, title string, load Load) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, err := load(r)
		if err != nil {
			var oe openline.Error
			if errors.As(err, &oe) && oe.Kind == openline.KindNotFound {
				u.render(w, r, &page{Name: "error", Title: "notfound.title", Status: http.StatusNotFound, Data: "notfound.text"})
				return
			}
			u.log.Error("load page", "page", name, "err", err)
			u.render(w, r, &page{Name: "error", Title: "error.title", Status: http.StatusInternalServerError, Data: "error.text"})
			return
		}
		u.render(w, r, &page{Name: name, Title: title, Data: data})
	})
}

// Tn is Tf with the plural form for n: key.zero (when the catalog has
// it), key.one or key.other; n is also the {n} placeholder.
func (p *page) Tn(key string, n int, args ...any) string {
	k := key + ".other"
	if _, ok := p.cat.msgs[key+".zero"]; ok && n == 0 {
		k = key + ".zero"
	} else if n == 1 {
		k = key + ".one"
	}
	return p.cat.format(k, append([]any{"n", n}, args...)...)
}

// Num formats a statistic with prec decimals in the page's language
// (a decimal comma in German); "–" when there is none.
func (p *page) Num(v *float64, prec int) string {
	if v == nil {
		return "–"
	}
	s := strconv.FormatFloat(*v, 'f', prec, 64)
	if p.Lang == openline.German {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Date formats t as a day in the page's language (UTC; the module shows
// it in the browser's time zone): "2. Dez. 2026", "Dec 2, 2026".
func (p *page) Date(t time.Time) string { return dayLabel(t.UTC(), p.Lang, true) }

// ISO is t as RFC 3339, for a <time datetime> attribute.
func (p *page) ISO(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// monthsDE are the German month abbreviations, as Duden writes them.
var monthsDE = [12]string{"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."}

// dayLabel is a day in language l, with or without the year.
func dayLabel(t time.Time, l openline.Language, year bool) string {
	if l == openline.German {
		s := t.Format("2. ") + monthsDE[t.Month()-1]
		if year {
			s += t.Format(" 2006")
		}
		return s
	}
	if year {
		return t.Format("Jan 2, 2006")
	}
	return t.Format("Jan 2")
}
