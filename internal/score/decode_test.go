package score

import (
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
)

func TestDecodeTranscript(t *testing.T) {
	tr, err := DecodeTranscript(strings.NewReader(`{
  "language": "de",
  "scenario": "herr-b-handwerker",
  "turns": [
    {"speaker": "prospect", "text": "B., guten Tag?", "start_ms": 0, "end_ms": 900},
    {"speaker": "trainee", "text": "Guten Tag Herr B., ...", "start_ms": 1200, "end_ms": 6400}
  ]
}`))
	if err != nil {
		t.Fatal(err)
	}
	if tr.Language != openline.German || tr.Scenario != "herr-b-handwerker" || len(tr.Turns) != 2 {
		t.Fatalf("got %+v", tr)
	}
	if got := tr.Turns[1]; got.Speaker != openline.Trainee || got.Text != "Guten Tag Herr B., ..." || *got.StartMS != 1200 || *got.EndMS != 6400 {
		t.Errorf("turn 1: got %+v", got)
	}
	if tr.Turns[0].StartMS == nil || *tr.Turns[0].StartMS != 0 {
		t.Errorf("turn 0: start_ms 0 must be kept, got %v", tr.Turns[0].StartMS)
	}
}

func TestDecodeTranscriptWithoutTimesOrScenario(t *testing.T) {
	tr, err := DecodeTranscript(strings.NewReader(`{"language":"en","turns":[{"speaker":"trainee","text":"Hello!"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if tr.Scenario != "" || tr.Turns[0].StartMS != nil || tr.Turns[0].EndMS != nil {
		t.Errorf("got %+v", tr)
	}
}

func TestDecodeTranscriptByteOrderMark(t *testing.T) {
	tr, err := DecodeTranscript(strings.NewReader("\ufeff" + `{"language":"de","turns":[{"speaker":"trainee","text":"Hallo"}]}`))
	if err != nil || tr.Language != openline.German {
		t.Errorf("got %+v, %v", tr, err)
	}
}

func TestDecodeTranscriptErrors(t *testing.T) {
	long := strings.Repeat("ä", MaxTurnChars+1)
	many := `{"language":"en","turns":[` + strings.Repeat(`{"speaker":"trainee","text":"x"},`, MaxTurns) + `{"speaker":"trainee","text":"x"}]}`
	huge := `{"language":"en","turns":[{"speaker":"trainee","text":"` + strings.Repeat("x", MaxTranscriptBytes) + `"}]}`
	tests := []struct {
		name, in, want string
	}{
		{"empty", ``, "transcript is empty"},
		{"syntax error with position", "{\"language\": \"de\",\n  \"turns\": [}", "2:13: invalid character '}'"},
		{"truncated", `{"language": "de", "turns": [`, "1:30: unexpected end of JSON"},
		{"wrong type", "{\"language\": \"de\",\n\"turns\": [{\"speaker\": 7}]}", "2:"}, {"wrong type names field", "{\"language\": \"de\",\n\"turns\": [{\"speaker\": 7}]}", "turns.speaker must be a string, not number"},
		{"unknown field", `{"language": "de", "turns": [], "speeker": 1}`, `1:33: unknown field "speeker"`},
		{"unknown field in turn", `{"language":"de","turns":[{"speaker":"trainee","txt":"x"}]}`, `unknown field "txt"`},
		{"trailing data", `{"language":"de","turns":[{"speaker":"trainee","text":"x"}]} {}`, "1:62: unexpected data after the transcript"},
		{"missing language", `{"turns":[{"speaker":"trainee","text":"x"}]}`, "language is missing (want de or en)"},
		{"unsupported language", `{"language":"fr","turns":[{"speaker":"trainee","text":"x"}]}`, `unsupported language "fr" (want de or en)`},
		{"unknown speaker", `{"language":"en","turns":[{"speaker":"trainee","text":"a"},{"speaker":"prospect","text":"b"},{"speaker":"trainee","text":"c"},{"speaker":"bot","text":"d"}]}`, `turn 3: unknown speaker "bot"`},
		{"missing speaker", `{"language":"en","turns":[{"text":"a"}]}`, "turn 0: speaker is missing"},
		{"missing text", `{"language":"en","turns":[{"speaker":"trainee","text":"a"},{"speaker":"prospect"}]}`, "turn 1: text is missing"},
		{"blank text", `{"language":"en","turns":[{"speaker":"trainee","text":"  \n"}]}`, "turn 0: text is empty"},
		{"no trainee turn", `{"language":"en","turns":[{"speaker":"prospect","text":"Hello?"}]}`, "transcript has no trainee turn"},
		{"no turns", `{"language":"en","turns":[]}`, "transcript has no trainee turn"},
		{"negative time", `{"language":"en","turns":[{"speaker":"trainee","text":"a","start_ms":-1}]}`, "turn 0: start_ms is negative"},
		{"reversed times", `{"language":"en","turns":[{"speaker":"trainee","text":"a","start_ms":500,"end_ms":100}]}`, "turn 0: end_ms 100 is before start_ms 500"},
		{"fractional time", `{"language":"en","turns":[{"speaker":"trainee","text":"a","start_ms":1.5}]}`, "turns.start_ms must be a whole number, not number 1.5"},
		{"time out of range", `{"language":"en","turns":[{"speaker":"trainee","text":"a","start_ms":1e400}]}`, "turns.start_ms must be a whole number, not number 1e400"},
		{"turn too long", `{"language":"en","turns":[{"speaker":"trainee","text":"` + long + `"}]}`, "turn 0: text has 10001 characters, more than the limit of 10000"},
		{"too many turns", many, "transcript has 2001 turns, more than the limit of 2000"},
		{"too big", huge, "transcript is larger than 1048576 bytes"},
		{"not an object", `[1]`, "transcript must be an object, not array"},
		{"duplicate key", `{"language":"de","turns":[{"speaker":"trainee","text":"x"}],` + "\n" + ` "turns":[{"speaker":"prospect","text":"y"}]}`, `2:2: duplicate key "turns"`},
		{"duplicate key in turn", `{"language":"de","turns":[{"speaker":"trainee","text":"x","text":"y"}]}`, `1:59: duplicate key "text"`},
		{"key in other case", `{"language":"de","turns":[{"Speaker":"trainee","text":"x"}]}`, `1:28: unknown field "Speaker"`},
		{"top key in other case", `{"LANGUAGE":"de","turns":[{"speaker":"trainee","text":"x"}]}`, `1:2: unknown field "LANGUAGE"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeTranscript(strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("got no error, want %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestPosition(t *testing.T) {
	data := []byte("ab\nüx\n")
	tests := []struct {
		off       int64
		line, col int
	}{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {5, 2, 2}, {6, 2, 3}, {99, 3, 1}, {-4, 1, 1},
	}
	for _, tt := range tests {
		if line, col := position(data, tt.off); line != tt.line || col != tt.col {
			t.Errorf("position(%d) = %d:%d, want %d:%d", tt.off, line, col, tt.line, tt.col)
		}
	}
}
