package acts

import (
	"slices"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// A small persona, the way scenarios write facts: names with question
// words, and the answers.
var senseFactsDE = [][]string{
	{"wie viele mitarbeiter", "wie groß ist ihr team"},
	{"wo sitzen sie", "wo ist ihr betrieb"},
	{"was stellen sie her", "was fertigen sie"},
	{"umsatz", "gewinn"},
	{"wer ist ihr chef", "geschäftsführer"},
	{"seit wann gibt es", "wann gegründet"},
	{"ihr name", "wer sind sie"}, // the built-in identity
}

var senseSaysDE = [][]string{
	{"Zweiundzwanzig, mit den Azubis."},
	{"In Kassel, am Hafen."},
	{"Treppen, Geländer und Carports aus Stahl."},
	{"Das bleibt im Haus."},
	{"Meine Schwester, sie führt die Firma mit mir."},
	{"Mein Großvater hat 1952 angefangen."},
	nil,
}

var senseFactsEN = [][]string{
	{"how many staff", "how big is your team"},
	{"where are you based", "where is your office"},
	{"what do you make", "what do you sell"},
	{"turnover", "revenue", "how much do you make"},
	{"your boss", "who runs the company"},
	{"what system", "which software"},
	{"your name", "who are you"},
}

func TestSensesFindFactsByMeaning(t *testing.T) {
	de := NewSenses(senseFactsDE, senseSaysDE, 6)
	en := NewSenses(senseFactsEN, nil, 6)
	tests := []struct {
		lang openline.Language
		q    string
		want int
	}{
		// Other words, same meaning.
		{openline.German, "Wie viel Personal haben Sie?", 0},
		{openline.German, "Wie viele Pflegekräfte arbeiten bei Ihnen?", 0}, // a compound's head
		{openline.German, "In welcher Gegend sind Sie zu Hause?", 1},
		{openline.German, "Was produzieren Sie denn so?", 2},
		{openline.German, "Was bleibt denn unterm Strich übrig?", 3},
		{openline.German, "Wer ist denn Ihre Vorgesetzte?", 4},
		{openline.German, "Wie lange gibt es die Firma schon?", 5},
		{openline.German, "Machen Sie auch Carports?", 2}, // a word of the answer
		{openline.English, "How many people work for you?", 0},
		{openline.English, "How many are you?", 0},
		{openline.English, "Whereabouts are you?", 1},
		{openline.English, "What's your annual profit?", 3},
		{openline.English, "Who's in charge there?", 4},
		{openline.English, "What do you use to keep track of orders?", 5},
		// A count with a personal word, hands for staff, a compound of a
		// measure, someone doing a task, a side of town, a mix of kinds.
		{openline.German, "Wie viele Kolleginnen haben Sie selbst im Team?", 0},
		{openline.German, "Wie viele Hände haben Sie in der Werkstatt?", 0},
		{openline.German, "Wie groß ist Ihre Mitarbeiterzahl inzwischen?", 0},
		{openline.English, "Which side of town is your office?", 1},
		// The head decides: a question about something no fact names.
		{openline.German, "Welche Kaffeemaschine haben Sie im Büro?", -1},
		{openline.English, "Which van do your staff drive?", -1},
		{openline.German, "Gibt es bei Ihnen im Haus einen Beamer, den Ihr Team nutzen kann?", -1},
		{openline.English, "Where's your warehouse?", 1}, // premises: a question about their place
		// A count fact answers no "when", a count question no "who".
		{openline.English, "When did your team start?", -1},
		// Invitations to tell, opinions and follow-ups ask no fact.
		{openline.German, "Was beschäftigt Ihr Team gerade?", -1},
		{openline.English, "What's keeping your staff busy?", -1},
		{openline.English, "What do you think of the new software rules?", -1},
		{openline.German, "Und wie gehen Ihre Leute damit um?", -1},
		{openline.English, "Why do your staff leave?", -1},
		// Hints alone name nothing: a push about firms of their size.
		{openline.English, "Every business your size is switching, you don't want to be left behind, do you?", -1},
	}
	for _, tt := range tests {
		s := en
		if tt.lang == openline.German {
			s = de
		}
		if got := s.About(tt.lang, tt.q); got != tt.want {
			t.Errorf("About(%q) = %d, want %d", tt.q, got, tt.want)
		}
	}
}

// A word that points at another fact costs: asked about members and
// apprentices, the prospect answers neither the member count nor the staff
// count.
func TestSensesWordsOfAnotherFactCount(t *testing.T) {
	s := NewSenses([][]string{{"how many members"}, {"how many staff"}, {"your name"}}, nil, 2)
	if got := s.About(openline.English, "Do your members take on many apprentices?"); got != -1 {
		t.Fatalf("About = %d, want -1", got)
	}
	if got := s.About(openline.English, "Do your members have many staff themselves?"); got != -1 {
		t.Fatalf("About = %d, want -1", got)
	}
	if got := s.About(openline.English, "How many firms are members?"); got != 0 {
		t.Fatalf("About = %d, want 0", got)
	}
}

func TestSensesIdentityLosesTies(t *testing.T) {
	s := NewSenses([][]string{{"what is your role"}, {"your name", "what's your role"}}, nil, 1)
	if got := s.About(openline.English, "So what's your role there?"); got != 0 {
		t.Fatalf("About = %d, want the scenario's fact 0 over the identity", got)
	}
}

// A "who" asks the identity only in its own words: "Wer kümmert sich bei
// Ihnen um …?" asks who handles something, and a word that only shares a
// sense with it ("zuständig" with "Funktion") does not make it "who are
// you?".
func TestSensesWhoAloneIsNoIdentity(t *testing.T) {
	de := NewSenses([][]string{{"was ist ihre aufgabe"}, IdentityPhrases(openline.German)}, nil, 1)
	en := NewSenses([][]string{{"what do you do there"}, IdentityPhrases(openline.English)}, nil, 1)
	for _, q := range []string{
		"Wer kümmert sich bei Ihnen eigentlich um die Fragen der Mitarbeiter, wenn es ums Personal geht?",
		"Wer ist bei Ihnen für Einkauf zuständig?",
	} {
		if got := de.About(openline.German, q); got != -1 {
			t.Errorf("About(%q) = %d, want -1", q, got)
		}
	}
	if got := en.About(openline.English, "Who looks after the staff questions at your place?"); got != -1 {
		t.Errorf("About(who looks after) = %d, want -1", got)
	}
	if got := de.About(openline.German, "Wie war noch mal Ihr Name?"); got != 1 {
		t.Errorf("About(Ihr Name) = %d, want the identity 1", got)
	}
}

func FuzzSenses(f *testing.F) {
	s := NewSenses(senseFactsEN, nil, 6)
	for _, q := range []string{"How many people work for you?", "Wie viel Personal?", "", "?", "mit wie vielen", "what's"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if got := s.About(openline.English, q); got < -1 || got >= len(senseFactsEN) {
			t.Fatalf("About(%q) = %d", q, got)
		}
		_ = s.About(openline.German, q)
	})
}

// A where-question asks for a place: a count fact named also by the
// premises ("ihre geschäftsstelle") does not say where the office is.
func TestSensesWhereAsksAPlace(t *testing.T) {
	s := NewSenses([][]string{
		{"wie viele mitarbeiter haben sie", "ihre geschäftsstelle"},
		{"wo sitzen sie", "in welcher stadt"},
		{"ihr name"},
	}, [][]string{{"In der Geschäftsstelle sind wir zu neunt."}, {"In Augsburg."}, nil}, 2)
	for q, want := range map[string]int{
		"Wo ist Ihr Büro?":               1,
		"Wie viele Leute sind Sie dort?": 0,
	} {
		if got := s.About(openline.German, q); got != want {
			t.Errorf("About(%q) = %d, want %d", q, got, want)
		}
	}
}

// Someone doing a task asks who does it, not whom they know; a mix of
// kinds asks the kinds; a payslip is payroll.
func TestSensesSomeoneAndMixes(t *testing.T) {
	en := NewSenses([][]string{{"who does your payroll", "office manager"}, {"which trades", "what do your members do"}, {"your name"}}, nil, 2)
	if got := en.About(openline.English, "Have you got someone in the office doing the payroll, or is that you?"); got != 0 {
		t.Errorf("someone doing the payroll: About = %d, want 0", got)
	}
	if got := en.About(openline.English, "Are your members mainly builders, or is it a real mix of trades?"); got != 1 {
		t.Errorf("a mix of trades: About = %d, want 1", got)
	}
	de := NewSenses([][]string{{"buchhalterin", "lohnabrechnung"}, {"ihr name"}}, nil, 1)
	if got := de.About(openline.German, "Macht die Lohnzettel bei Ihnen jemand im Haus?"); got != 0 {
		t.Errorf("Lohnzettel: About = %d, want 0", got)
	}
	if got := de.About(openline.German, "Kennen Sie jemanden für die Lohnabrechnung?"); got != -1 {
		t.Errorf("whom they know: About = %d, want -1", got)
	}
}

// Youngsters are the young people a trust works with.
func TestSensesYoungsters(t *testing.T) {
	s := NewSenses([][]string{{"how many young people", "how many students"}, {"who runs the trust"}, {"your name"}}, nil, 2)
	if got := s.About(openline.English, "Roughly how many youngsters do you look after?"); got != 0 {
		t.Errorf("About = %d, want 0", got)
	}
}

// A question about money or what moves the person probes (they ask why);
// one about a plain thing they may not know does not (they say so).
func TestProbes(t *testing.T) {
	for _, tt := range []struct {
		say  string
		want bool
	}{
		{"Roughly what does the agency turn over in a year?", true},
		{"Was bekommt bei Ihnen eine Pflegefachkraft so im Monat?", true},
		{"How much do you pay for the software?", true},
		{"What's the thing that's eating most of your week right now?", true},
		{"Was nervt Sie im Alltag am meisten?", true},
		{"What's the biggest headache in your week?", true},
		{"Where are you based, exactly?", true},
		{"Seit wann sind Sie schon dabei?", true},
		{"Who else would decide on something like this with you?", true},
		{"Which office chairs have you got?", false},
		{"Where's the nearest station?", false},
		{"Welche Zeitung liest man bei Ihnen?", false},
		{"What wood do you use most for the staircases?", false},
	} {
		if got := Probes(tt.say); got != tt.want {
			t.Errorf("Probes(%q) = %v, want %v", tt.say, got, tt.want)
		}
	}
}

// An English answer's plural nouns name the fact as a German answer's
// capitalised ones do, and a question naming money outright asks about
// money even in the words of a concern ("Läuft es finanziell gut?").
func TestSensesAnswerNounsAndMoney(t *testing.T) {
	says := make([][]string, len(senseFactsEN))
	says[2] = []string{"Boilers, radiators and fittings, mostly for installers."}
	en := NewSenses(senseFactsEN, says, 6)
	de := NewSenses(senseFactsDE, senseSaysDE, 6)
	checkSenses(t, []senseCase{
		{en, openline.English, "What kind of radiators do you stock, mostly?", 2},
		{en, openline.English, "Is the company turning over more than last year?", 3},
		{en, openline.English, "How's the business doing financially?", 3},
		{de, openline.German, "Läuft es finanziell gut bei Ihnen?", 3},
		{en, openline.English, "What kind of coffee do you drink?", -1},
		// "last" is no German "Laster": no vehicle asked
		{NewSenses([][]string{{"how many vans", "your fleet"}}, nil, -1), openline.English, "What did you change last?", -1},
	})
}

// senseCase is a question for Senses s and the fact it names (-1: none).
type senseCase struct {
	s    Senses
	lang openline.Language
	q    string
	want int
}

func checkSenses(t *testing.T, cases []senseCase) {
	t.Helper()
	for _, tt := range cases {
		if got := tt.s.About(tt.lang, tt.q); got != tt.want {
			t.Errorf("About(%q) = %d, want %d", tt.q, got, tt.want)
		}
	}
}

// TestSaidNouns: a fact's answer names what it is about by its nouns: the
// capitalised ones, and English plurals; an English adverb or verb in -s
// ("always", "happens", "handles the …") and a German adverb in -s
// ("abends", "jeweils") name nothing.
func TestSaidNouns(t *testing.T) {
	for _, tc := range []struct {
		line      string
		want, not []string
	}{
		{"Mostly legal and medical documents.", []string{stem("documents")}, nil},
		{"We always do the radiators first, sometimes the boilers afterwards.", []string{stem("radiators"), stem("boilers")}, []string{"always", "sometimes", stem("afterwards")}},
		{"It happens twice a week; she usually handles the invoices herself.", []string{stem("invoices")}, []string{stem("happens"), stem("handles")}},
		{"Our van supplies the schools towards Bristol.", []string{stem("schools"), stem("bristol")}, []string{stem("supplies"), stem("towards")}},
		{"We sort it out ourselves, mostly on Fridays.", []string{stem("fridays")}, []string{stem("ourselves")}},
		{"Die Treppen machen wir abends, jeweils zwei Stück.", []string{stem("treppen")}, []string{stem("abends"), stem("jeweils")}},
		{"Die Carports meistens bereits morgens.", []string{stem("carports")}, []string{stem("morgens"), stem("bereits"), stem("meistens")}},
	} {
		got := saidNouns(tc.line)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("saidNouns(%q) = %v, want %q among them", tc.line, got, w)
			}
		}
		for _, w := range tc.not {
			if slices.Contains(got, w) {
				t.Errorf("saidNouns(%q) = %v, want no %q", tc.line, got, w)
			}
		}
	}
}

// TestSensesOwnNamesRespectAndTheCallersOwn: the listener's own names
// count against no fact, a -mäßig adverb has its first part's sense, two
// words of an answer name its fact, and the caller's own people are no
// fact of the listener's.
func TestSensesOwnNamesRespectAndTheCallersOwn(t *testing.T) {
	de := NewSenses(senseFactsDE, senseSaysDE, 6).WithOwnNames("Wegener Metallbau GmbH", "Herr Wegener")
	en := NewSenses(senseFactsEN, nil, 6)
	tests := []struct {
		lang openline.Language
		s    Senses
		q    string
		want int
	}{
		{openline.German, de, "Seit welchem Jahr ist Metallbau Wegener am Markt?", 5},
		{openline.German, NewSenses(senseFactsDE, senseSaysDE, 6), "Seit welchem Jahr ist Metallbau Wegener am Markt?", -1},
		{openline.German, de, "Und was bleibt bei Ihnen am Jahresende so hängen, gewinnmäßig?", 3},
		{openline.German, de, "Eher Treppen oder Carports?", 2},
		{openline.English, en, "Our engineers can't be everywhere at once, can they?", -1},
		{openline.English, en, "How many engineers have you got?", 0},
	}
	for _, tc := range tests {
		if got := tc.s.About(tc.lang, tc.q); got != tc.want {
			t.Errorf("About(%q) = %d, want %d", tc.q, got, tc.want)
		}
	}
}

// Facts in new words (written for issue 9 on 7 Dec 2026): a plural of
// "-ung" meets its singular, synonyms of staff, shops and products, a
// verb of making, and the listener's own outfit named by what it is
// ("Ihr Verein", "your organisation") for a fact that names it.
func TestSensesInNewWords(t *testing.T) {
	facts := [][]string{
		{"wie viele mitarbeiter"},
		{"wie viele filialen"},
		{"was backen sie", "was verkaufen sie"},
		{"lohnabrechnung", "buchhaltung"},
		{"was macht das bildungswerk"},
		{"ihr name", "wer sind sie"},
	}
	de := NewSenses(facts, nil, 5).WithOwnNames("Bildungswerk Nordstadt e. V.", "Frau H.")
	en := NewSenses([][]string{{"what does the trust do"}, {"how many staff"}, {"your name"}}, nil, 2).WithOwnNames("Northgate Youth Trust, Leeds (40 pupils)")
	checkSenses(t, []senseCase{
		{de, openline.German, "Wie viele Beschäftigte haben Sie?", 0},
		{de, openline.German, "Wie viele Verkaufsstellen haben Sie?", 1},
		{de, openline.German, "Was für Backwaren haben Sie im Angebot?", 2},
		{de, openline.German, "Wer kümmert sich bei Ihnen um die Lohnabrechnungen?", 3},
		{de, openline.German, "Was genau macht Ihr Verein?", 4},
		{de, openline.German, "Was macht ihr Verein?", -1}, // "ihr" of others
		{en, openline.English, "What does your organisation do exactly?", 0},
		{en, openline.English, "What do the pupils do all day?", -1},
	})
}

// A name that opens with a question word is found with a few words
// between the question word and its rest, never with many (written for
// issue 9 on 7 Dec 2026).
func TestTopicsAboutApart(t *testing.T) {
	ts := NewTopics([][]string{{"what do you make"}, {"where is the workshop"}, {"was stellen sie her"}})
	for _, tt := range []struct {
		q    string
		want int
	}{
		{"What sort of things do you make in the workshop?", 0},
		{"What kind of stuff do you make?", 0},
		{"Was genau stellen Sie her?", 2},
		{"What did your brother tell you at the fair that do you make?", -1},
	} {
		if got := ts.About(tt.q); got != tt.want {
			t.Errorf("About(%q) = %d, want %d", tt.q, got, tt.want)
		}
	}
}
