package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestPressureBeneathItsForm pins the forms pressure takes besides the
// phrase lists (beneath.go): a loss put to the listener, a deadline on the
// offer, insisting, and, after a no or an objection, arguing, doubting,
// presuming and dismissing. Each rule has a case that must not fire.
func TestPressureBeneathItsForm(t *testing.T) {
	tests := []struct {
		name     string
		lang     openline.Language
		ctx      Context
		text     string
		pressure bool
	}{
		{"loss statement", openline.German, Context{}, "Jeder Monat ohne vernünftige Lösung kostet Sie bares Geld.", true},
		{"loss to come", openline.English, Context{}, "Legal isn't enough – you'll keep losing joiners if you stick with the minimum.", true},
		{"loss as a question", openline.English, Context{}, "What would it cost you if another rep walked out with his accounts next month?", true},
		{"loss framing before acting", openline.English, Context{}, "How much revenue are you willing to lose before you act?", true},
		{"a question about a loss that happened", openline.German, Context{}, "Haben Sie im letzten Jahr Leute verloren?", false},
		{"asking what a loss meant", openline.English, Context{}, "How did it feel when you lost those two accounts?", false},
		{"summing up what their way costs them", openline.English, Context{Prospect: "When we hire slowly we lose the good candidates to bigger firms."},
			"So hiring slowly costs you the good candidates.", false},
		{"summing up, then the loss to come", openline.English, Context{Prospect: "When we hire slowly we lose the good candidates to bigger firms."},
			"So every month of hiring slowly costs you the good candidates.", true},
		{"their account given back", openline.German, Context{Prospect: "Die Abrechnung mache ich abends selbst, das frisst meine Wochenenden."},
			"Also kostet Sie die Abrechnung Ihre Wochenenden.", false},
		{"a cost not of their words", openline.German, Context{Prospect: "Die Abrechnung mache ich abends selbst."},
			"Also kostet Sie das bares Geld.", true},
		{"deadline on the offer", openline.German, Context{}, "Die Konditionen gelten nur noch bis Freitag.", true},
		{"deadline on the price", openline.English, Context{}, "I can only hold this price until tonight.", true},
		{"if, then now", openline.German, Context{}, "Wenn, dann jetzt.", true},
		{"a date without a limit", openline.German, Context{}, "Unser Angebot schicke ich Ihnen bis Freitag.", false},
		{"just put me through", openline.English, Context{}, "It's a personal matter, just put me through please.", true},
		{"stellen Sie mich einfach durch", openline.German, Context{}, "Dann stellen Sie mich bitte einfach durch, sobald er fertig ist.", true},
		{"asking to be put through", openline.English, Context{}, "Could you put me through to Mr Hartmann, please?", false},
		{"anyway after a no", openline.English, Context{Rejected: true}, "I'll pencil you in anyway, you can always cancel.", true},
		{"trotzdem after a no", openline.German, Context{Rejected: true}, "Ich schick Ihnen trotzdem mal unsere Unterlagen.", true},
		{"good wishes anyway", openline.English, Context{Rejected: true}, "Alright, I wish you every success with the business anyway.", false},
		{"asking anyway", openline.German, Context{Rejected: true}, "Darf ich trotzdem fragen, woran es konkret liegt?", false},
		{"a but that argues after an objection", openline.English, Context{Objected: true}, "Happy is great, but you're probably overpaying without knowing it.", true},
		{"gut, aber after an objection", openline.German, Context{Objected: true}, "Gut, aber der ist sicher teurer als wir.", true},
		{"a but that accepts", openline.German, Context{Rejected: true}, "Schade, aber das respektiere ich.", false},
		{"accepting, then a but", openline.German, Context{Objected: true}, "Verstehe ich, aber meinen Sie nicht, dass Ihre Patienten etwas Besseres verdient haben?", true},
		{"a negative question that leads", openline.German, Context{Rejected: true}, "Wäre es dann nicht vernünftig, heute wenigstens einen Termin auszumachen?", true},
		{"how long will you put up with it", openline.German, Context{}, "Wie lange wollen Sie sich das noch antun?", true},
		{"how long as a real question", openline.German, Context{}, "Wie lange arbeiten Sie schon mit dem System?", false},
		{"how long they mean to carry it themself", openline.German, Context{}, "Und Sie selbst, wie lange wollen Sie den Laden noch persönlich schmeißen?", false},
		{"how long they mean to do it themself", openline.English, Context{}, "And for you personally, how much longer do you want to be doing the books yourself?", false},
		{"how long they make their team bear it", openline.German, Context{}, "Wie lange wollen Sie Ihrem Team das noch zumuten?", true},
		{"how long they can afford it themself", openline.English, Context{}, "How long are you going to afford doing it all yourself?", true},
		{"demanding names after an objection", openline.English, Context{Objected: true}, "Give me two names and I'll leave you alone.", true},
		{"leaving them in peace", openline.German, Context{Objected: true}, "Dann lass ich Sie damit in Ruhe.", false},
		{"therefore after an objection", openline.German, Context{Objected: true}, "Genau deshalb ist unsere App die einfachste am Markt.", true},
		{"that's why after an objection", openline.English, Context{Objected: true}, "That's exactly why our app is the simplest on the market.", true},
		{"therefore without an objection", openline.German, Context{}, "Deshalb rufe ich heute an.", false},
		{"a but after an objection that asks", openline.German, Context{Objected: true}, "Aber erzählen Sie mal, was war damals das Problem?", false},
		{"deserving better", openline.English, Context{}, "Your staff deserve better than the legal minimum.", true},
		{"a but without a no", openline.English, Context{}, "It's a small team, but a good one.", false},
		{"comparing with one's own", openline.German, Context{Objected: true}, "Und warum glauben Sie, dass der besser ist als wir?", true},
		{"if not now", openline.English, Context{Rejected: true}, "When exactly will you be ready, if not now?", true},
		{"doubting they read it", openline.German, Context{Rejected: true}, "Haben Sie sich die Zahlen auf Seite drei wirklich angeschaut?", true},
		{"a question after an objection that asks", openline.German, Context{Objected: true}, "Was gefällt Ihnen an Ihrem jetzigen Anbieter?", false},
		{"presuming with doch", openline.German, Context{Rejected: true}, "Sie sind doch der Chef.", true},
		{"dismissing the no", openline.English, Context{Rejected: true}, "Every network director says that at first, Dave.", true},
		{"dismissing as a matter of will", openline.German, Context{Rejected: true}, "Budget findet sich immer, wenn man will.", true},
		{"relieving", openline.English, Context{}, "You don't have to decide anything today.", false},
		{"asking what would make it fit", openline.German, Context{Rejected: true}, "Was müsste passieren, damit das Thema für Sie wieder interessant wird?", false},
		{"asking what gets their yes after all", openline.English, Context{Rejected: true}, "Just so I can learn – what would it take for you to try it after all?", true},
		{"asking what would have got a yes", openline.German, Context{Rejected: true}, "Ganz ehrlich: Was hätte ich anders sagen müssen, damit Sie zusagen?", true},
		{"asking what would change their mind", openline.English, Context{Objected: true}, "What would it take to change your mind on the price?", true},
		{"asking what would have helped", openline.English, Context{Rejected: true}, "What would it take for something like this to be useful to you one day?", false},
		{"asking what would move them, behind curiosity", openline.English, Context{Objected: true}, "I hear you. Just out of curiosity, what would it take for you to look at it before the tax year ends?", true},
		{"asking what would move them, unprompted", openline.English, Context{}, "What would need to happen for you to give us a try?", true},
		{"asking what would move them, in German", openline.German, Context{}, "Was müsste passieren, damit Sie sich das wenigstens mal anschauen?", true},
		{"asking what would help their people", openline.English, Context{}, "What would it take for your team to feel looked after?", false},
		{"keeping at them until one gets through", openline.English, Context{}, "No, I'll call back until I get him.", true},
		{"keeping at them, said plainly", openline.English, Context{}, "Fine, I'll just keep ringing then.", true},
		{"keeping at them, in German", openline.German, Context{}, "Dann rufe ich eben so lange an, bis ich ihn erreiche.", true},
		{"waiting until they are back", openline.English, Context{}, "No problem, I'll wait until he's back from holiday.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Trainee(tt.lang, tt.text, tt.ctx)
			if got := r.Has(openline.ActPressure); got != tt.pressure {
				t.Errorf("%q (%+v): pressure %v, want %v (acts %v)", tt.text, tt.ctx, got, tt.pressure, r.Acts)
			}
		})
	}
}
