package main

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadQuestions(t *testing.T) {
	tests := []struct {
		name    string
		csv     string
		want    []questionRow
		wantErr string
	}{
		{
			name: "columns by name",
			csv:  "transcript_id,utterance_id,text,label\n1,2,\"Well, what happened?\",open\n1,3,Did it work?,closed\n",
			want: []questionRow{{"Well, what happened?", true}, {"Did it work?", false}},
		},
		{
			name: "byte order mark and other column order",
			csv:  "\ufefflabel,text\nclosed,Is it late?\n",
			want: []questionRow{{"Is it late?", false}},
		},
		{name: "header only", csv: "text,label\n", want: nil},
		{name: "empty", csv: "", wantErr: "header"},
		{name: "no label column", csv: "id,text\n1,Why?\n", wantErr: "lacks text or label"},
		{name: "unknown label", csv: "text,label\nWhy?,maybe\n", wantErr: "line 2"},
		{name: "ragged row", csv: "text,label\nWhy?\n", wantErr: "wrong number of fields"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readQuestions(strings.NewReader(tt.csv))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("readQuestions error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d rows %v, want %v", len(got), got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("row %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestQuestionDecisions(t *testing.T) {
	tests := []struct {
		text               string
		tagger, whBaseline bool
	}{
		{"What brings you here today?", true, true},
		{"Tell me more about that.", true, true},
		{"Could you tell me what happened?", true, true},
		{"Do you smoke?", false, false},
		{"How many cigarettes a day?", false, true},
		{"When you go out, is there alcohol around?", false, true},
		// The last question decides.
		{"What do you think? Is that fair?", false, true},
		{"Is it okay? What would help?", true, true},
		// No question found by the tagger: the wh-word rule decides.
		{"And then what", true, true},
	}
	for _, tt := range tests {
		if got := taggerSaysOpen(tt.text); got != tt.tagger {
			t.Errorf("taggerSaysOpen(%q) = %v, want %v", tt.text, got, tt.tagger)
		}
		if got := whWordSaysOpen(tt.text); got != tt.whBaseline {
			t.Errorf("whWordSaysOpen(%q) = %v, want %v", tt.text, got, tt.whBaseline)
		}
	}
}

func TestPRF(t *testing.T) {
	tests := []struct {
		tp, fp, fn int
		p, r, f1   float64
	}{
		{8, 2, 2, 0.8, 0.8, 0.8},
		{1, 0, 3, 1, 0.25, 0.4},
		{0, 0, 0, 0, 0, 0},
		{0, 5, 5, 0, 0, 0},
	}
	for _, tt := range tests {
		p, r, f1 := prf(tt.tp, tt.fp, tt.fn)
		if math.Abs(p-tt.p) > 1e-9 || math.Abs(r-tt.r) > 1e-9 || math.Abs(f1-tt.f1) > 1e-9 {
			t.Errorf("prf(%d, %d, %d) = %v, %v, %v, want %v, %v, %v", tt.tp, tt.fp, tt.fn, p, r, f1, tt.p, tt.r, tt.f1)
		}
	}
}

func TestQuestionFigures(t *testing.T) {
	dir := t.TempDir()
	data := "transcript_id,utterance_id,text,label\n" +
		"1,1,What brings you in today?,open\n" +
		"1,2,Do you drink every day?,closed\n" +
		"1,3,How many days a week?,closed\n" +
		"1,4,Tell me about your week.,open\n"
	if err := os.WriteFile(filepath.Join(dir, questionsFile), []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := questionFigures(dir, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"4 questions: 2 open, 2 closed", "acts tagger       accuracy 1.000  macro-F1 1.000", "wh-word baseline  accuracy 0.750"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if err := questionFigures(t.TempDir(), &out); err == nil {
		t.Error("questionFigures on a folder without the file succeeded")
	}
}

func FuzzReadQuestions(f *testing.F) {
	f.Add("text,label\nWhy?,open\n")
	f.Add("\ufefflabel,text\nclosed,\"a,b\"\n")
	f.Add("text,label\n\"unterminated,open\n")
	f.Fuzz(func(t *testing.T, data string) {
		rows, err := readQuestions(strings.NewReader(data))
		if err != nil && rows != nil {
			t.Errorf("rows %v returned with error %v", rows, err)
		}
	})
}
