package web

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/openline/openline/internal/catalog"
	"github.com/openline/openline/internal/openline"
)

// exportMax is the most calls one export holds: one page of the store's
// review listing, so that an export is one snapshot.
const exportMax = openline.ReviewListMax

var errTooManyRows = openline.Error{Kind: openline.KindInvalid, Code: "too_many_rows",
	Message: fmt.Sprintf("more than %d calls match; narrow the filter (dates, group, trainee)", exportMax)}

// exportCalls loads every call the request's filters select (the review
// table's: docs/api.md), in its order, or refuses when there are more than
// exportMax.
func exportCalls(r *http.Request, st openline.Store) ([]openline.Call, map[int64][]string, error) {
	q, _, _, err := reviewQuery(r.URL.Query())
	if err != nil {
		return nil, nil, err
	}
	q.Offset, q.Limit = 0, exportMax
	calls, total, err := st.ReviewCalls(r.Context(), q)
	if err != nil {
		return nil, nil, err
	}
	if total > exportMax {
		return nil, nil, errTooManyRows
	}
	blind, err := blindCalls(r.Context(), st, userFrom(r.Context()))
	if err != nil {
		return nil, nil, err
	}
	hideScores(calls, blind)
	groups, err := groupNames(r, st)
	if err != nil {
		return nil, nil, err
	}
	return calls, groups, nil
}

// attachment marks the answer as a download named openline-calls-DATE.ext.
func attachment(w http.ResponseWriter, now time.Time, ext, contentType string) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="openline-calls-%s.%s"`, now.UTC().Format("2006-01-02"), ext))
}

// csvColumns are the CSV export's columns (docs/api.md).
var csvColumns = []string{"call_id", "trainee", "groups", "scenario", "scenario_version", "scenario_title", "language", "engine",
	"started_at", "ended_at", "duration_s", "outcome", "next_step", "ended_by",
	"openness", "curiosity", "openness_computed", "curiosity_computed"}

// csvCell makes a text safe for a spreadsheet: one that would start a
// formula (=, +, -, @, tab, carriage return) gets a leading apostrophe.
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func csvInt(v *int) string {
	if v == nil {
		return ""
	}
	return strconv.Itoa(*v)
}

// handleExportCSV answers the calls of the review table's filters as CSV,
// one row a call, scores as they count (adjusted) and as computed.
func handleExportCSV(st openline.Store, cat *catalog.Catalog, now func() time.Time) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		calls, groups, err := exportCalls(r, st)
		if err != nil {
			return err
		}
		attachment(w, now(), "csv", "text/csv; charset=utf-8")
		cw := csv.NewWriter(w)
		_ = cw.Write(csvColumns)
		for i := range calls {
			j := toCallJSON(r.Context(), &calls[i], cat)
			ended, dur := "", ""
			if j.EndedAt != nil {
				ended = j.EndedAt.Format(time.RFC3339)
				dur = strconv.FormatInt(*j.DurationMS/1000, 10)
			}
			row := []string{j.ID, j.Trainee, strings.Join(groups[calls[i].UserID], "; "), j.Scenario, j.Version, j.ScenarioTitle,
				string(j.Language), string(j.Engine), j.StartedAt.Format(time.RFC3339), ended, dur,
				string(j.Outcome), j.NextStep, string(j.EndedBy),
				csvInt(j.Openness), csvInt(j.Curiosity), csvInt(j.OpennessComputed), csvInt(j.CuriosityComputed)}
			for k := range row {
				row[k] = csvCell(row[k])
			}
			if err := cw.Write(row); err != nil {
				return nil // the client went away; the status is sent
			}
		}
		cw.Flush()
		return nil
	}
}

// exportCallJSON is one call of the JSON export: the listing's fields, the
// trainee's groups, the transcript in the transcript file format
// (docs/formats.md), and what trainers added.
type exportCallJSON struct {
	callJSON
	Groups      []string            `json:"groups"`
	Transcript  openline.Transcript `json:"transcript"`
	Comments    []commentJSON       `json:"comments"`
	Adjustments []adjustmentJSON    `json:"adjustments"`
}

// handleExportJSON answers the calls of the review table's filters as one
// JSON document.
func handleExportJSON(st openline.Store, cat *catalog.Catalog, now func() time.Time) apiHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		calls, groups, err := exportCalls(r, st)
		if err != nil {
			return err
		}
		// Everything that can fail is read before the first byte, so a
		// failure is a clean error, not half a document.
		out := make([]exportCallJSON, 0, len(calls))
		for i := range calls {
			c := &calls[i]
			turns, err := st.Turns(r.Context(), c.ID)
			if err != nil {
				return err
			}
			comments, adjustments, err := reviewOf(r, st, c.ID)
			if err != nil {
				return err
			}
			if c.Openness == nil && c.EndedAt != nil {
				adjustments = adjustments[:0] // unscored, or scored blind by the asker
			}
			tr, _ := transcriptOf(c, turns)
			out = append(out, exportCallJSON{toCallJSON(r.Context(), c, cat), nonNil(groups[c.UserID]), tr, comments, adjustments})
		}
		attachment(w, now(), "json", "application/json; charset=utf-8")
		_ = json.NewEncoder(w).Encode(struct {
			ExportedAt time.Time        `json:"exported_at"`
			Calls      []exportCallJSON `json:"calls"`
		}{now().UTC(), out})
		return nil
	}
}
