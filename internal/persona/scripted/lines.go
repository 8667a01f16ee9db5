package scripted

import "github.com/openline/openline/internal/openline"

// line names one of the engine's own variant lists.
type line int

const (
	lineSilence line = iota
	lineGarbage
	lineForeign
	lineOffTopic
	lineWhoIs
	lineGreeting
	lineSmallTalk
	lineSmallTalkTopic
	lineFarewell
	lineHangup
	lineMonologue
	linePressure
	linePitch
	lineRepitch
	lineOpenQuestion
	lineClosedQuestion
	lineAcknowledgement
	lineElaborate
	lineGoOn
	lineAskedAgain
	linePersonal
	lineOfferHelp
	lineFeedback
	linePermission
	lineDecline
	lineOpening
	lineAgreeMeeting
	lineAgreeSendInfo
	lineAgreeInvitation
	lineAgreeReferral
	lineAgreeCallback
	numLines
)

// lineSet holds the engine's own lines of one voice in one language. In a
// line, {name} is the speaker's name, {company} the company and {boss} the
// persona's name (for the gatekeeper).
type lineSet [numLines][]string

// voice of a dialogue state.
const (
	voicePersona    = 0
	voiceGatekeeper = 1
)

// ownLines are the engine's lines by language and voice. A gatekeeper list
// left empty falls back to the persona's.
var ownLines = map[openline.Language][2]lineSet{
	openline.German: {
		voicePersona: {
			lineSilence:         {"Hallo? Sind Sie noch da?", "Hallo? Ich höre Sie nicht.", "Hallo? Ist da jemand?"},
			lineGarbage:         {"Wie bitte?", "Entschuldigung, was meinen Sie?", "Das habe ich jetzt nicht verstanden."},
			lineForeign:         {"Entschuldigung, ich verstehe nicht ganz. Können wir Deutsch sprechen?", "Wie bitte? Ich verstehe Sie leider nicht."},
			lineOffTopic:        {"Entschuldigung, ich verstehe nicht ganz, worum es geht.", "Hm. Und worum geht es Ihnen eigentlich?", "Wie meinen Sie das?"},
			lineWhoIs:           {"Wer ist da, bitte?", "Entschuldigung, mit wem spreche ich?", "Moment – wer sind Sie denn?"},
			lineGreeting:        {"Ja, guten Tag. Worum geht es?", "Hallo. Was kann ich für Sie tun?", "Ja, bitte?"},
			lineSmallTalk:       {"Danke, gut – viel los heute. Und bei Ihnen?", "Ach, muss ja. Was gibt's?", "Ganz gut, danke der Nachfrage."},
			lineSmallTalkTopic:  {"Ach ja, man nimmt's, wie es kommt.", "Hm, ja. Aber deswegen rufen Sie doch nicht an, oder?", "Tja. Und was führt Sie zu mir?"},
			lineFarewell:        {"Ja, Ihnen auch. Auf Wiederhören.", "Gut, danke. Wiederhören!", "Auf Wiederhören."},
			lineHangup:          {"Wissen Sie was, dafür habe ich keine Zeit. Auf Wiederhören.", "Nein. Ich lege jetzt auf.", "Das reicht mir jetzt. Schönen Tag noch."},
			lineMonologue:       {"Moment, Moment – das war jetzt sehr viel auf einmal.", "Halt, langsam bitte. Was wollen Sie eigentlich von mir?", "Puh. Da komme ich nicht mehr mit."},
			linePressure:        {"Jetzt mal langsam. So nicht.", "Ich lasse mich nicht drängen.", "Bitte setzen Sie mich nicht unter Druck."},
			linePitch:           {"Hm. Und was hat das mit mir zu tun?", "Aha. Und weiter?", "Mhm."},
			lineRepitch:         {"Das sagten Sie schon.", "Wie gesagt, das ist nichts für uns.", "Ja, das hatten wir schon."},
			lineOpenQuestion:    {"Gute Frage. Da müsste ich überlegen.", "Schwer zu sagen. Das Übliche eben.", "Och, dies und das. Warum fragen Sie?"},
			lineClosedQuestion:  {"Hm, kann man so sagen.", "Kommt drauf an.", "Schwer zu sagen."},
			lineAcknowledgement: {"Ja, genau.", "Mhm, so ist es.", "Eben."},
			lineElaborate: {
				"Ja, das beschäftigt mich schon eine ganze Weile.", "Tja, so ist das leider. Und es wird nicht besser.",
				"Ehrlich gesagt weiß ich da selbst nicht weiter.", "Das ist nichts, was man mal eben nebenbei löst.",
				"Ich rede da nicht oft drüber, aber es nagt schon an mir.", "Ehrlich gesagt denke ich im Moment über kaum etwas anderes nach.",
			},
			lineGoOn:            {"Tja.", "Hm, ja.", "Na ja.", "Ach, wissen Sie …"},
			lineAskedAgain:      {"Das hatten Sie mich vorhin schon gefragt.", "Hab ich Ihnen doch schon erzählt.", "Wie gesagt – das hatten wir schon."},
			linePersonal:        {"Ach, das fragt selten jemand. Eigentlich läuft es ganz ordentlich.", "Nett, dass Sie fragen.", "Ach, für viel anderes bleibt gerade kaum Zeit, ehrlich gesagt."},
			lineOfferHelp:       {"Das ist nett von Ihnen.", "Oh, danke für das Angebot.", "Hm, das klingt freundlich."},
			lineFeedback:        {"Naja, ehrlich gesagt passt es gerade einfach nicht.", "Ganz ehrlich? Wir haben gerade andere Sorgen.", "Da gibt es nicht viel zu sagen."},
			linePermission:      {"Kurz geht's. Worum geht es?", "Ein paar Minuten habe ich.", "Wenn es schnell geht."},
			lineDecline:         {"Nein, danke, das brauchen wir nicht.", "Lieber nicht, danke.", "Ich glaube nicht, dass das etwas bringt."},
			lineOpening:         {"{name}, guten Tag?", "Ja, bitte?", "{company}, {name}."},
			lineAgreeMeeting:    {"Na gut, machen wir einen Termin.", "Einverstanden, lassen Sie uns einen Termin finden."},
			lineAgreeSendInfo:   {"Ja, schicken Sie mir das gern per Mail.", "Gut, schicken Sie mir die Unterlagen."},
			lineAgreeInvitation: {"Gern, da komme ich vorbei.", "Das klingt gut, ich komme gern."},
			lineAgreeReferral:   {"Ja, stellen Sie gern den Kontakt her.", "Gern, verbinden Sie uns."},
			lineAgreeCallback:   {"Gut, rufen Sie mich gern wieder an.", "In Ordnung, melden Sie sich nächste Woche noch einmal."},
		},
		voiceGatekeeper: {
			lineWhoIs:          {"{company}, {name} am Apparat. Mit wem spreche ich bitte?", "Darf ich fragen, wer spricht?"},
			lineGreeting:       {"Guten Tag. Worum geht es denn?", "Ja, worum geht es bitte?"},
			lineHangup:         {"So kann ich Sie leider nicht durchstellen. Auf Wiederhören.", "Ich glaube, das führt zu nichts. Auf Wiederhören."},
			linePitch:          {"Das müsste ich mit {boss} klären. Worum geht es genau?", "Und was genau möchten Sie von {boss}?"},
			lineRepitch:        {"Wie gesagt, {boss} hat dafür keine Zeit."},
			lineOpenQuestion:   {"{boss} ist gerade in einer Besprechung. Worum geht es denn?", "Dazu kann ich Ihnen nichts sagen."},
			lineClosedQuestion: {"Das kann ich Ihnen nicht sagen.", "{boss} ist gerade nicht zu sprechen."},
			linePersonal:       {"Oh, danke, mir geht's gut. Und worum geht es?", "Nett, dass Sie fragen."},
			lineDecline:        {"Das kann ich nicht zusagen, tut mir leid."},
			lineOpening:        {"{company}, {name}, guten Tag?", "{company}, Sekretariat, {name}."},
		},
	},
	openline.English: {
		voicePersona: {
			lineSilence:         {"Hello? Are you still there?", "Hello? I can't hear you.", "Hello? Anyone there?"},
			lineGarbage:         {"Sorry?", "Pardon me?", "Sorry, I didn't get that."},
			lineForeign:         {"Sorry, I don't quite follow. Could we speak English?", "I'm sorry, I don't understand."},
			lineOffTopic:        {"Sorry, I don't quite follow what this is about.", "Hm. What is this about, exactly?", "What do you mean?"},
			lineWhoIs:           {"Who is this, please?", "Sorry, who am I speaking to?", "Hang on – who's calling?"},
			lineGreeting:        {"Yes, hello. What's this about?", "Hi. What can I do for you?", "Yes?"},
			lineSmallTalk:       {"Fine, thanks – busy day. And you?", "Can't complain. What's up?", "Not bad, thanks for asking."},
			lineSmallTalkTopic:  {"Oh, it is what it is.", "Hm, yes. But that's not why you're calling, is it?", "Well. And what brings you to me?"},
			lineFarewell:        {"You too. Goodbye.", "Alright, thanks. Bye!", "Goodbye."},
			lineHangup:          {"You know what, I don't have time for this. Goodbye.", "No. I'm hanging up now.", "That's enough. Have a nice day."},
			lineMonologue:       {"Hold on, hold on – that was a lot at once.", "Slow down, please. What is it you want from me?", "Phew. You lost me there."},
			linePressure:        {"Easy now. Not like that.", "I don't like being pushed.", "Please don't pressure me."},
			linePitch:           {"Hm. And what does that have to do with me?", "I see. And?", "Mm-hm."},
			lineRepitch:         {"You said that already.", "As I said, that's not for us.", "Yes, we've been through that."},
			lineOpenQuestion:    {"Good question. I'd have to think about it.", "Hard to say. The usual.", "Oh, this and that. Why do you ask?"},
			lineClosedQuestion:  {"Hm, you could say that.", "Depends.", "Hard to say."},
			lineAcknowledgement: {"Yes, exactly.", "Mm-hm, that's right.", "Right."},
			lineElaborate: {
				"Yes, it's been on my mind for quite a while.", "Well, that's how it is. And it isn't getting better.",
				"Honestly, I don't know what to do about it myself.", "It's not something you sort out on the side.",
				"I don't talk about it much, but it does nag at me.", "Honestly, it's what I think about most these days.",
			},
			lineGoOn:            {"Well.", "Hm, yes.", "You know…", "I mean…"},
			lineAskedAgain:      {"You asked me that already.", "I told you earlier, didn't I?", "Like I said – we've covered that."},
			linePersonal:        {"Oh, people rarely ask that. Things are fine, really.", "Nice of you to ask.", "Oh, there's not much time for anything else these days, to be honest."},
			lineOfferHelp:       {"That's kind of you.", "Oh, thanks for offering.", "Hm, that sounds friendly."},
			lineFeedback:        {"Well, honestly, it just doesn't fit right now.", "Honestly? We have other worries at the moment.", "There isn't much to say."},
			linePermission:      {"Briefly. What's it about?", "I have a few minutes.", "If it's quick."},
			lineDecline:         {"No, thank you, we don't need that.", "I'd rather not, thanks.", "I don't think that would help."},
			lineOpening:         {"{name} speaking.", "Hello?", "{company}, {name} speaking."},
			lineAgreeMeeting:    {"Alright, let's set up a meeting.", "Fine, let's find a time to meet."},
			lineAgreeSendInfo:   {"Yes, do send it over by email.", "Fine, send me the details."},
			lineAgreeInvitation: {"I'd like that, I'll come along.", "Sounds good, count me in."},
			lineAgreeReferral:   {"Yes, please put us in touch.", "Sure, introduce us."},
			lineAgreeCallback:   {"Fine, give me a call again.", "Alright, call me again next week."},
		},
		voiceGatekeeper: {
			lineWhoIs:          {"{company}, this is {name}. May I ask who's calling?", "And who may I say is calling?"},
			lineGreeting:       {"Good morning. What is it regarding?", "What is this about, please?"},
			lineHangup:         {"I'm afraid I can't put you through like this. Goodbye.", "I don't think this is going anywhere. Goodbye."},
			linePitch:          {"I'd have to check with {boss}. What exactly is it about?", "And what is it you want from {boss}?"},
			lineRepitch:        {"As I said, {boss} has no time for this."},
			lineOpenQuestion:   {"{boss} is in a meeting right now. What is it regarding?", "I can't tell you anything about that."},
			lineClosedQuestion: {"I can't tell you that.", "{boss} isn't available at the moment."},
			linePersonal:       {"Oh, thanks, I'm fine. And what is it about?", "Nice of you to ask."},
			lineDecline:        {"I can't promise that, sorry."},
			lineOpening:        {"{company}, {name} speaking, how can I help?", "{company}, front office, this is {name}."},
		},
	},
}

// nextStepKinds maps a next-step kind to words that name it, tried in this
// order; the first kind with a word in the turn wins.
var nextStepKinds = []struct {
	kind  string
	line  line
	words []string
}{
	{"invitation", lineAgreeInvitation, []string{"einlad", "veranstaltung", "unternehmertreff", "stammtisch", "netzwerktreff", "invite", "invitation", "event", "meetup"}},
	{"referral", lineAgreeReferral, []string{"kontakt her", "vorstellen", "vermittel", "verbinde", "empfehl", "introduce", "put you in touch", "connect you", "referral", "recommend"}},
	{"callback", lineAgreeCallback, []string{"zurückruf", "rückruf", "wieder an", "noch einmal an", "melde mich", "call you back", "call back", "callback", "call you again", "ring you"}},
	{"send_info", lineAgreeSendInfo, []string{"schicke", "sende", "mail", "unterlagen", "infos", "informationen", "send", "email", "details", "brochure"}},
	{"meeting", lineAgreeMeeting, []string{"termin", "treffen", "besuch", "kaffee", "gespräch", "meeting", "appointment", "meet", "coffee", "visit"}},
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
