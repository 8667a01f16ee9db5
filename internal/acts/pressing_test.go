package acts

import (
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestPressing pins the pushes that sound like talk: each is heard as a
// push, by the tagger's pressure (pressure put as a question, which the
// tagger reads beneath its form) or in the push lists (Result.Push, also
// pressure); and the talk in the same
// words that must stay talk.
func TestPressing(t *testing.T) {
	de, en := openline.German, openline.English
	for _, tc := range []struct {
		lang openline.Language
		text string
		want Push // what Result.Push reads; the zero value: only the tagger may
		push bool // heard as a push at all
	}{
		// pressure as an open question: the tagger's
		{en, "What's stopping you from signing today?", Push{}, true},
		{en, "What would it take for you to say yes?", Push{}, true},
		{de, "Was hält Sie denn davon ab, heute zu unterschreiben?", Push{}, true},
		{de, "Was müsste passieren, damit Sie Ja sagen?", Push{}, true},
		{en, "So what are you waiting for? Just order it.", Push{Question: true, Demand: true}, true},
		{de, "Wir haben die besten Pflegekräfte. Wann können wir starten?", Push{Question: true}, true},
		{en, "When can we start?", Push{Question: true}, true},
		// deadlines for a decision
		{en, "Can you give me a decision by Friday?", Push{Question: true}, true},
		{de, "Können Sie sich bis Freitag entscheiden?", Push{Question: true}, true},
		// loss framing
		{en, "How much more money are you willing to lose before you act?", Push{Loss: true}, true},
		{en, "Every day you wait is money gone.", Push{Loss: true}, true},
		{de, "Wie viel Geld wollen Sie denn noch verlieren?", Push{Loss: true}, true},
		{de, "Wie viel Geld wollen Ihre Betriebe noch verlieren, bevor Sie handeln?", Push{Loss: true}, true},
		// condescension
		{en, "Calm down, you're being hysterical.", Push{Insult: true}, true},
		{en, "Why are you wasting my time?", Push{Insult: true}, true},
		{de, "Jetzt regen Sie sich mal ab, Sie sind ja hysterisch.", Push{Insult: true}, true},
		{de, "Warum verschwenden Sie meine Zeit?", Push{Insult: true}, true},
		// "you lot" is the plural "you" of British speech, no put-down.
		{en, "What do you lot actually supply, mainly?", Push{}, false},
		{en, "Where are you lot based – is it Birmingham?", Push{}, false},
		// ultimatums
		{de, "Friss oder stirb.", Push{Ultimatum: true}, true},
		{de, "Ist das jetzt ein Ja oder ein Nein?", Push{Ultimatum: true}, true},
		{en, "Decide today or forget it.", Push{Ultimatum: true}, true},
		// talk in the same words
		{en, "What's stopping your reps from using the spreadsheet?", Push{}, false},
		{en, "What did you lose when the two reps left?", Push{}, false},
		{de, "Was haben Sie verloren, als die Schweißer gingen?", Push{}, false},
		{en, "Shall I call you back on Friday?", Push{}, false},
		{de, "Darf ich Sie bis Freitag zurückrufen?", Push{}, false},
		{en, "Where did you grow up?", Push{}, false},
		// A time word is no deadline in a question about them; on their
		// step it is, on the caller's own callback it is not.
		{en, "What would help you most this week?", Push{}, false},
		{de, "Was würde Ihnen diese Woche am meisten helfen?", Push{}, false},
		{en, "Could Alex come by this week?", Push{}, true},
		{de, "Hätten Sie diese Woche noch Zeit für Herrn Brandt?", Push{}, true},
		{de, "Darf ich Sie diese Woche noch mal anrufen?", Push{}, false},
		{de, "Ich möchte das gutmachen: Wann passt es Ihnen diese Woche, dann komme ich vorbei?", Push{}, false},
		{de, "Wann passt es Ihnen diese Woche, dann komme ich selbst mit dem Team.", Push{}, false},
		{en, "I'd like to put it right: when suits you this week for me to come by?", Push{}, false},
		// A deadline on a step in any inflection, doubting trust, a step
		// commanded as simple, brushing off thinking it over.
		{de, "aber nur wenn du bis sonntag zusagst", Push{Question: true}, true},
		{en, "only if you commit by Sunday", Push{Question: true}, true},
		{de, "vertraust du mir etwa nicht?", Push{Question: true}, true},
		{en, "Don't you trust me?", Push{Question: true}, true},
		{de, "unterschreib einfach, ich schick dir den link", Push{Demand: true}, true},
		{en, "Just sign up, it takes two minutes.", Push{Demand: true}, true},
		{de, "nee komm, nicht überlegen, machen.", Push{Demand: true}, true},
		{en, "Don't overthink it, just do it.", Push{Demand: true}, true},
		{de, "Nehmen Sie sich Zeit zum Überlegen.", Push{}, false},
		{en, "Can I trust you to pass this on to him?", Push{}, false},
		// An alternative close behind a lead-in, and a no made to justify itself.
		{en, "And just out of curiosity, would you rather start with the team licence or the starter licence?", Push{}, true},
		{de, "Nur aus Neugier, wollen Sie lieber mit dem kleinen oder dem großen Paket starten?", Push{}, true},
		{en, "Is there any reason you wouldn't want to try it for free next week?", Push{}, true},
		{de, "Gibt es einen Grund, warum Sie es nicht nächste Woche testen wollen?", Push{}, true},
		// A future paced as if the product already ran, and a step fixed
		// as if agreed; the same words about their own plans stay talk.
		{de, "Was würde es für Sie bedeuten, wenn das ab nächstem Monat läuft?", Push{}, true},
		{en, "What would it mean for you if it was all running from next month?", Push{}, true},
		{de, "Was würde es für Sie bedeuten, wenn die zwei Schweißer bleiben?", Push{}, false},
		{en, "What would it mean for you if your best people stayed?", Push{}, false},
		// A deadline on the offer pushes; a delivery promised by then does not.
		{en, "We've got a winter offer on new boilers until the end of the month.", Push{Question: true}, true},
		{de, "Wir haben ein Winterangebot, das gilt aber nur bis zum Monatsende.", Push{}, true},
		{en, "I'll send you the offer by Friday.", Push{}, false},
		// Advice put as what is better for them is the righting reflex.
		{en, "With a boiler that old, you'd be much better off replacing it.", Push{}, true},
		{de, "Bei so einer alten Anlage wären Sie besser beraten, sie zu ersetzen.", Push{}, true},
		// What stands in the way of the caller's step is pressure.
		{en, "So what's holding you back from a twenty-minute call with Alex this week?", Push{}, true},
		{de, "Was hält Sie denn von einem kurzen Termin mit Herrn Brandt ab?", Push{}, true},
		// The speaker's own promise to be brief urges nobody.
		{en, "I'll be quick, promise.", Push{}, false},
		{en, "Be quick, I haven't got all day.", Push{}, true},
		// Scarcity needs what is scarce: "only a few" of their own words is none.
		{en, "Three empty stands, and it's only a few weeks away.", Push{}, false},
		{en, "There are only a few places left.", Push{}, true},
		// A day for what the speaker will do, or for meeting, asks no yes;
		// a day for their answer does, whoever is the subject.
		{en, "I'll ring them today and let you know by Friday either way.", Push{}, false},
		{de, "Bis Dienstag um sieben, und viel Erfolg heute in der Halle.", Push{}, false},
		{en, "I need your answer by Friday.", Push{Question: true}, true},
		{de, "Bis Freitag brauche ich Ihre Unterschrift.", Push{Question: true}, true},
		// Their deadline is no deadline on the offer; "don't be sorry"
		// comforts, "you'll be sorry" threatens.
		{en, "Good luck with the deadline!", Push{}, false},
		{en, "Before I let you get back to the deadline – is there anyone you know who has vans?", Push{}, false},
		{en, "The deadline for this offer is Friday.", Push{}, true},
		{en, "Don't be sorry, that's my mistake.", Push{}, false},
		{en, "You'll be sorry later.", Push{}, true},
		// A verdict they may give on one's own offer calls nobody names.
		{en, "I could send you the brief, and you tell me if it's rubbish.", Push{}, false},
		{de, "Sagen Sie mir ruhig, ob das Quatsch ist.", Push{}, false},
		{en, "Your plan is rubbish.", Push{Insult: true}, true},
		// Guilt and scarcity put as concern, a yes-ladder, other people's
		// regret.
		{de, "Ich frag mich nur, wie lange Ihr Team das noch mitmacht.", Push{}, true},
		{de, "Und ob Sie es sich verzeihen würden, wenn einer Patientin was passiert.", Push{}, true},
		{de, "Ich würde Ihnen gern zwei Kräfte reservieren, bevor sie weg sind.", Push{}, true},
		{en, "Could you forgive yourself if one of them got hurt?", Push{}, true},
		{en, "And would it be fair to say that a growing business needs to plan ahead?", Push{}, true},
		{en, "It was the biggest mistake I made all year, he told me.", Push{}, true},
		// A yes put in their mouth, a deadline on the offer.
		{de, "Wäre das nicht die Lösung?", Push{}, true},
		{en, "It's just that your lads deserve an answer before the offer goes, don't they?", Push{}, true},
		{en, "Wouldn't that be too much for your team right now?", Push{}, true},
		{en, "Would that be too much for your team right now?", Push{}, false},
		{de, "Wie lange sind Sie schon in der Pflege?", Push{}, false},
		{de, "Wie lange machen Sie das schon selbst?", Push{}, false},
		{en, "How long have you been doing the rota yourself?", Push{}, false},
		// "Wie lange wollen Sie … noch" asks about their plans with a plain
		// verb and pushes with one of putting up with it or waiting.
		{de, "Und wie lange wollen Sie die Praxis noch selbst leiten?", Push{}, false},
		{de, "Wie lange wollen Sie das alles noch allein machen?", Push{}, false},
		{de, "Wie lange wollen Sie sich das noch antun?", Push{}, true},
		{de, "Wie lange wollen Sie mit der Entscheidung noch warten?", Push{}, true},
		// Siding with a no they already said advises nothing; advice does.
		{de, "Bei drei Leuten hätte ich an Ihrer Stelle auch nein gesagt.", Push{}, false},
		{en, "Honestly, if I were you I'd have said no as well.", Push{}, false},
		{de, "An Ihrer Stelle würde ich das sofort umstellen.", Push{}, true},
		// Owning one's own mistake insults nobody.
		{de, "Entschuldigung, da stand in meinen Unterlagen wohl Quatsch.", Push{}, false},
		{en, "Sorry, my notes were rubbish there.", Push{}, false},
		{de, "Das ist doch Quatsch, was Sie da sagen.", Push{Insult: true}, true},
		// "got a sec or …" asks for time, it offers no two ways to say yes;
		// a now that dates a span asks for no step now.
		{en, "got a sec or are you in the middle of a class?", Push{}, false},
		{de, "Jetzt ist es schon zwei Jahre her, dass wir Ihre Bestellung geliefert haben.", Push{}, false},
		{en, "Shall we go with the small or the large plan?", Push{}, true},
		{de, "Können Sie das heute noch bestellen?", Push{}, true},
		{de, "Übrigens können Sie jetzt auch online bei uns bestellen.", Push{}, false},
		// A bandwagon, the others all come over to the caller or the fear of
		// being the last, pushes in any context; counting one's clients
		// only pitches.
		{en, "Nearly every bakery in the county has switched to us since spring.", Push{}, true},
		{de, "Die beiden anderen Praxen im Ort arbeiten inzwischen beide mit uns.", Push{}, true},
		{en, "You wouldn't want to be the last one on paper rotas, would you?", Push{}, true},
		{en, "Their owners say they wish they'd made the move sooner.", Push{}, true},
		{en, "Most of my clients are small bakeries like yours.", Push{}, false},
		// Only a verb of taking up the caller's side: "useful", "workshop"
		// begin like one.
		{en, "All our clients find it useful to talk to us first.", Push{}, false},
		{en, "Every workshop with us is free of charge.", Push{}, false},
		// What is still missing for them to give in, "nicht doch" after all,
		// a chance not to be missed; what is missing in their day is talk.
		{de, "Was fehlt Ihnen noch, damit Sie es Ihrem Vorstand empfehlen?", Push{}, true},
		{de, "Was fehlt Ihnen im Alltag am meisten?", Push{}, false},
		{de, "Wollen Sie es nicht doch einmal ausprobieren?", Push{}, true},
		{en, "Honestly, it's a chance you shouldn't miss.", Push{}, true},
		// How they would feel, with a regret in it, puts guilt to them;
		// how they feel about a step asks.
		{en, "How would you feel, facing your team, knowing you could have helped and didn't?", Push{}, true},
		{en, "Wouldn't it be awful if your staff heard you'd had the chance?", Push{}, true},
		{de, "Wie würden Sie sich fühlen, wenn Sie das hätten verhindern können?", Push{}, true},
		{en, "How would you feel about a short call next week?", Push{}, false},
		{en, "How do you feel about the chance to try it first?", Push{}, false},
		{en, "Do most of your customers book online?", Push{}, false},
		{en, "Both of us used to work in a bakery.", Push{}, false},
		{en, "You're holding the fort today – how do you decide what to order?", Push{}, false},
		{en, "Wouldn't it be simpler to decide it yourself, today?", Push{}, true},
		// Others come over to something of ours: a bandwagon too.
		{en, "I totally understand you're busy, but most joineries your size have already moved their staff to our scheme.", Push{}, true},
		{en, "Pretty much every salon round here has switched to our booking app.", Push{}, true},
		{de, "Fast alle Betriebe Ihrer Größe arbeiten inzwischen mit unserem System.", Push{}, true},
		{en, "Most of our clients use a paper diary at first.", Push{}, false},
		// Blame for what they did not do; a thing that should have come
		// blames nobody.
		{de, "Sie hätten schon längst wechseln sollen.", Push{}, true},
		{de, "Hätten Sie nicht früher umstellen müssen?", Push{}, true},
		{en, "You should've switched years ago.", Push{}, true},
		{en, "Honestly, you ought to have acted on this last spring.", Push{}, true},
		{de, "Hätten Sie morgen Zeit, oder können wir telefonieren?", Push{}, false},
		// A duty to someone of theirs, put as a negative question; asking
		// what they want asks.
		{en, "Wouldn't your uncle want you to fix this before it's too late?", Push{}, true},
		{en, "Wouldn't your uncle want you to fix this before more accounts walk?", Push{}, true},
		{en, "I appreciate that. Wouldn't it be fair to your team to at least see the numbers?", Push{}, true},
		{en, "Don't you think your staff deserve a proper pension?", Push{}, true},
		{de, "Würde Ihr Vater nicht wollen, dass Sie das regeln?", Push{}, true},
		{de, "Wäre es nicht fair Ihrem Team gegenüber, sich das anzusehen?", Push{}, true},
		{en, "What would your team want from a pension?", Push{}, false},
		{de, "Was würde sich Ihr Team denn wünschen?", Push{}, false},
		// A deadline on their step; asking about their deadline asks.
		{en, "Could we at least look at the numbers before the tax year ends?", Push{}, true},
		{en, "Can we get it signed off before the end of the month?", Push{}, true},
		{de, "Können wir uns das vor Quartalsende noch anschauen?", Push{}, true},
		{de, "Schaffen wir das, bevor das Geschäftsjahr vorbei ist?", Push{}, true},
		{en, "What do you need to have sorted before the tax year ends?", Push{}, false},
		{en, "I can, but honestly the offer closes on Friday.", Push{}, true},
		{de, "Das Angebot schließt am Freitag.", Push{}, true},
		{de, "Was muss bei Ihnen bis Jahresende noch passieren?", Push{}, false},
		{de, "Wäre doch jetzt der Moment, es einmal mit uns zu versuchen.", Push{}, true},
		// A claim made the listener's own knowledge by its tag; a question
		// whether they know, or a softened tag, asks or presumes politely.
		{en, "Paper files will sink you in an audit, you know that.", Push{Question: true}, true},
		{de, "Ohne Nachwuchs ist der Betrieb in zehn Jahren zu. Das wissen Sie doch selbst.", Push{Question: true}, true},
		{en, "The rules changed in April – did you know that?", Push{}, false},
		{de, "Ob Sie das wissen, weiß ich nicht.", Push{}, false},
		// A put-down excused in advance, in a statement.
		{en, "No offense, but your website looks like it's from 2005.", Push{Insult: true}, true},
		{de, "Bei allem Respekt, aber so arbeitet heute keiner mehr.", Push{Insult: true}, true},
		{en, "No offence taken – so who handles your payroll?", Push{}, false},
		// Their refusal as something they cannot afford; their complaint
		// made small.
		{en, "With a waiting list like yours you can't afford not to.", Push{Loss: true}, true},
		{de, "Bei Ihren Zahlen können Sie es sich gar nicht leisten, Nein zu sagen.", Push{Loss: true}, true},
		{en, "Honestly, one reminder letter can't have been that bad.", Push{Insult: true}, true},
		{de, "So schlimm kann eine Mahnung doch nicht sein.", Push{Insult: true}, true},
		// Not understanding, said bluntly: a "yet" excuses nothing then.
		{en, "You're simply not getting it yet.", Push{Insult: true}, true},
		{en, "Maybe you haven't seen the new version yet.", Push{}, false},
	} {
		r := Trainee(tc.lang, tc.text, Context{})
		got := r.Push
		if tc.want != (Push{}) && got != tc.want {
			t.Errorf("Trainee(%s, %q).Push = %+v, want %+v", tc.lang, tc.text, got, tc.want)
		}
		heard := r.Has(openline.ActPressure)
		if heard != tc.push {
			t.Errorf("%q heard as pressure: %t, want %t (Push %+v)", tc.text, heard, tc.push, got)
		}
	}
}

// TestRealWordsAreNoTypos checks that a real word one letter from a cue
// is not read as that cue: "Wie viele Jugendliche betreuen Sie?" asks, it
// does not threaten ("bereuen").
func TestRealWordsAreNoTypos(t *testing.T) {
	r := Trainee(openline.German, "Wie viele Jugendliche betreuen Sie gerade?", Context{})
	if r.Has(openline.ActPressure) {
		t.Errorf("acts %v; want no pressure", r.Acts)
	}
	if r := Trainee(openline.German, "Sie werden es bereun, wenn Sie jetzt nicht zugreifen.", Context{}); !r.Has(openline.ActPressure) {
		t.Errorf("a misspelt bereuen: acts %v; want pressure", r.Acts)
	}
}

// TestNotAFitIsANo: "es passt nicht" said as a clause of its own turns the
// offer down; the same words about a date inside a clause do not.
func TestNotAFitIsANo(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Danke, aber es passt nicht.", true},
		{"Nein, das passt einfach nicht für uns.", true},
		{"Ob Dienstag passt, weiß ich nicht.", false},
	} {
		if got := Prospect(openline.German, tc.text).Has(openline.ActRejection); got != tc.want {
			t.Errorf("%q: rejection %v, want %v", tc.text, got, tc.want)
		}
	}
}
