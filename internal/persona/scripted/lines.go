package scripted

import (
	"github.com/openline/openline/internal/acts"
	"github.com/openline/openline/internal/openline"
)

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
	lineWarning
	lineInsult
	lineDontKnow
	lineAskBack
	lineDeflect
	lineIdentity
	lineConfirm
	lineCloseAgreed
	lineFarewellAgreed
	lineAgreedAlready
	lineTryAgain
	lineStillThere
	lineView
	lineProposalPastObjection
	lineAgreeOnDay
	lineDisagree
	lineTakeMessage
	lineTried
	lineWouldHelp
	numLines
)

// lineSet holds the engine's own lines of one voice in one language. In a
// line, {name} is the speaker's name, {company} the company and {boss} the
// persona's name (for the gatekeeper; {boss-obj} as the object of a German
// sentence: "mit Herrn Hartmann").
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
			lineOffTopic:        {"Aha. Und was heißt das jetzt für mich?", "Mag sein. Und weiter?", "Hm. Na gut."},
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
			lineGoOn:                  {"Tja.", "Hm, ja.", "Na ja.", "Ach, wissen Sie …"},
			lineAskedAgain:            {"Das hatten Sie mich vorhin schon gefragt.", "Hab ich Ihnen doch schon erzählt.", "Wie gesagt – das hatten wir schon."},
			linePersonal:              {"Ach, das fragt selten jemand. Eigentlich läuft es ganz ordentlich.", "Nett, dass Sie fragen.", "Ach, für viel anderes bleibt gerade kaum Zeit, ehrlich gesagt."},
			lineOfferHelp:             {"Das ist nett von Ihnen.", "Oh, danke für das Angebot.", "Hm, das klingt freundlich."},
			lineFeedback:              {"Naja, ehrlich gesagt passt es gerade einfach nicht.", "Ganz ehrlich? Wir haben gerade andere Sorgen.", "Da gibt es nicht viel zu sagen."},
			linePermission:            {"Kurz geht's. Worum geht es?", "Ein paar Minuten habe ich.", "Wenn es schnell geht."},
			lineDecline:               {"Nein, danke, das brauchen wir nicht.", "Lieber nicht, danke.", "Ich glaube nicht, dass das etwas bringt."},
			lineOpening:               {"{name}, guten Tag?", "Ja, bitte?", "{company}, {name}."},
			lineAgreeMeeting:          {"Na gut, machen wir einen Termin. Dienstag um zehn ginge bei mir.", "Einverstanden. Donnerstagnachmittag hätte ich eine Stunde, so gegen drei."},
			lineAgreeSendInfo:         {"Ja, schicken Sie mir das gern per Mail. Aber bitte kurz, eine Seite reicht.", "Gut, schicken Sie mir die Unterlagen – an die Adresse in meiner Signatur."},
			lineAgreeInvitation:       {"Gern, da komme ich vorbei. Schicken Sie mir Ort und Uhrzeit.", "Das klingt gut, ich komme gern. Schreiben Sie mir, wann genau."},
			lineAgreeReferral:         {"Ja, stellen Sie gern den Kontakt her. Geben Sie ruhig meine Nummer weiter.", "Gern, verbinden Sie uns – am besten per Mail, dann hab ich alles schriftlich."},
			lineAgreeCallback:         {"Gut, rufen Sie mich gern wieder an. Am besten Montag nach neun.", "In Ordnung, melden Sie sich nächste Woche noch einmal – vormittags erreichen Sie mich am ehesten."},
			lineWarning:               {"Hören Sie, wenn das so weitergeht, lege ich auf.", "Noch einmal so, und das Gespräch ist beendet.", "Ich sage es jetzt deutlich: So rede ich nicht weiter."},
			lineInsult:                {"Wie bitte? In dem Ton nicht.", "Also, so lasse ich nicht mit mir reden.", "Das muss ich mir nicht anhören."},
			lineProposalPastObjection: {"Moment – ich hab Ihnen doch gerade gesagt, wie es bei uns aussieht.", "Langsam. Sie haben noch gar nicht gehört, was ich eben gesagt habe."},
			lineAgreeOnDay:            {"{day} passt mir – machen wir das so.", "Ja, {day} geht. Ich trag's mir ein."},
			lineDisagree:              {"Das sehe ich anders.", "Na, so einfach ist das nicht.", "Das lasse ich so nicht stehen."},
			lineTried:                 {"Ehrlich gesagt noch nicht viel. Wir wursteln uns so durch, und ich schiebe es vor mir her."},
			lineWouldHelp:             {"Was Einfaches, das zu einem Laden wie unserem passt – und jemand, der es mal verständlich erklärt."},
			lineView:                  {"Ehrlich? Das hängt vor allem an den Menschen.", "Nach meiner Erfahrung: ob sich jemand wirklich Zeit nimmt.", "Meistens sind es die Kleinigkeiten – dass einer richtig zuhört."},
			lineDontKnow:              {"Keine Ahnung, ehrlich gesagt.", "Da bin ich überfragt.", "Das kann ich Ihnen so nicht sagen.", "Hm, darüber habe ich nie nachgedacht."},
			lineAskBack:               {"Warum fragen Sie?", "Wieso wollen Sie das wissen?", "Worauf wollen Sie hinaus?", "Wofür brauchen Sie das?"},
			lineStillThere:            {"Ja, ich bin noch dran. Was wollen Sie?", "Ich höre. Aber bitte sachlich.", "Ja? Also, worum geht es jetzt?"},
			lineDeflect:               {"Das erzähle ich nicht jedem am Telefon.", "Das möchte ich am Telefon lieber nicht sagen.", "Das bleibt mal unter uns hier im Haus."},
			lineIdentity:              {"{name}, {role} bei {company}.", "Ich bin {name}, {role} hier bei {company}."},
			lineConfirm:               {"Ja, so machen wir's. Ich hab's mir notiert.", "Gut, abgemacht.", "Passt. Ich trag's mir ein."},
			lineCloseAgreed:           {"Gut, dann haben wir ja alles. Ich muss jetzt weiter – auf Wiederhören!", "Schön, dann machen wir das so. Ich muss leider los. Wiederhören!"},
			lineFarewellAgreed:        {"Gut, dann bis dahin. Auf Wiederhören!", "Ja, ich freu mich. Wiederhören!", "Danke Ihnen. Bis dann, auf Wiederhören."},
			lineAgreedAlready:         {"Das haben wir doch gerade ausgemacht.", "Ja, wie besprochen."},
		},
		voiceGatekeeper: {
			lineWhoIs:          {"{company}, {name} am Apparat. Mit wem spreche ich bitte?", "Darf ich fragen, wer spricht?"},
			lineGreeting:       {"Guten Tag. Worum geht es denn?", "Ja, worum geht es bitte?"},
			lineHangup:         {"So kann ich Sie leider nicht durchstellen. Auf Wiederhören.", "Ich glaube, das führt zu nichts. Auf Wiederhören."},
			linePitch:          {"Das müsste ich mit {boss-obj} klären. Worum geht es genau?", "Und was genau möchten Sie von {boss-obj}?"},
			lineRepitch:        {"Wie gesagt, {boss} hat dafür keine Zeit."},
			lineOpenQuestion:   {"{boss} ist gerade in einer Besprechung. Worum geht es denn?", "Dazu kann ich Ihnen nichts sagen."},
			lineClosedQuestion: {"Das kann ich Ihnen nicht sagen.", "{boss} ist gerade nicht zu sprechen."},
			linePersonal:       {"Oh, danke, mir geht's gut. Und worum geht es?", "Nett, dass Sie fragen."},
			lineDecline:        {"Das kann ich nicht zusagen, tut mir leid."},
			lineOpening:        {"{company}, {name}, guten Tag?", "{company}, Sekretariat, {name}."},
			lineDontKnow:       {"Das weiß ich leider nicht.", "Da müssten Sie {boss-obj} selbst fragen.", "Dazu kann ich Ihnen nichts sagen."},
			lineAskBack:        {"Darf ich fragen, worum es geht?", "Wofür brauchen Sie das denn?"},
			lineDeflect:        {"Dazu darf ich Ihnen leider nichts sagen.", "Das kann ich am Telefon nicht herausgeben."},
			lineWarning:        {"So stelle ich Sie ganz sicher nicht durch. Noch einmal, und ich lege auf.", "Bitte mäßigen Sie sich, sonst beende ich das Gespräch."},
			lineInsult:         {"So nicht, bitte.", "In diesem Ton kann ich Ihnen nicht helfen."},
			lineIdentity:       {"{name}, ich bin die Assistenz von {boss-obj}.", "Hier ist {name} aus dem Sekretariat von {boss-obj}."},
			lineTryAgain:       {"Versuchen Sie es gern. Vormittags ist {boss} am ehesten zu erreichen.", "Ja, machen Sie das. Am besten vor zehn, dann ist {boss} meistens im Haus."},
			lineTakeMessage:    {"Gern, ich richte es {boss-obj} aus.", "Mach ich. Ich lege {boss-obj} einen Zettel hin."},
			lineStillThere:     {"Ja, ich bin noch da. Worum geht es – sachlich, bitte?", "Ich höre. Also?"},
		},
	},
	openline.English: {
		voicePersona: {
			lineSilence:         {"Hello? Are you still there?", "Hello? I can't hear you.", "Hello? Anyone there?"},
			lineGarbage:         {"Sorry?", "Pardon me?", "Sorry, I didn't get that."},
			lineForeign:         {"Sorry, I don't quite follow. Could we speak English?", "I'm sorry, I don't understand."},
			lineOffTopic:        {"Right. And what does that mean for me?", "Maybe. And?", "Hm. Fair enough."},
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
			lineGoOn:                  {"Well.", "Hm, yes.", "You know…", "I mean…"},
			lineAskedAgain:            {"You asked me that already.", "I told you earlier, didn't I?", "Like I said – we've covered that."},
			linePersonal:              {"Oh, people rarely ask that. Things are fine, really.", "Nice of you to ask.", "Oh, there's not much time for anything else these days, to be honest."},
			lineOfferHelp:             {"That's kind of you.", "Oh, thanks for offering.", "Hm, that sounds friendly."},
			lineFeedback:              {"Well, honestly, it just doesn't fit right now.", "Honestly? We have other worries at the moment.", "There isn't much to say."},
			linePermission:            {"Briefly. What's it about?", "I have a few minutes.", "If it's quick."},
			lineDecline:               {"No, thank you, we don't need that.", "I'd rather not, thanks.", "I don't think that would help."},
			lineOpening:               {"{name} speaking.", "Hello?", "{company}, {name} speaking."},
			lineAgreeMeeting:          {"Alright, let's meet. Tuesday at ten would work for me.", "Fine. I have an hour on Thursday afternoon, around three."},
			lineAgreeSendInfo:         {"Yes, do send it over by email. Keep it short, one page is plenty.", "Fine, send me the details – the address in my signature is best."},
			lineAgreeInvitation:       {"I'd like that, I'll come along. Send me the place and time.", "Sounds good, count me in. Email me the details."},
			lineAgreeReferral:         {"Yes, please put us in touch. Feel free to pass on my number.", "Sure, introduce us – by email is best, then I have it in writing."},
			lineAgreeCallback:         {"Fine, give me a call again – Monday after nine is best.", "Alright, call me again next week. Mornings are easiest."},
			lineWarning:               {"Look, if this goes on, I'm hanging up.", "One more like that and this call is over.", "I'll say it plainly: I won't go on like this."},
			lineInsult:                {"Excuse me? Not in that tone.", "I won't be spoken to like that.", "I don't have to listen to this."},
			lineProposalPastObjection: {"Hang on – I've just told you where we stand.", "Slow down. You haven't heard what I just said."},
			lineAgreeOnDay:            {"{day} works for me – let's do that.", "Yes, {day} is fine. I'll put it in the diary."},
			lineDisagree:              {"I see that differently.", "It's not as simple as that.", "I wouldn't put it like that."},
			lineTried:                 {"Not much, to be honest. We muddle through, and I keep meaning to sort it out properly."},
			lineWouldHelp:             {"Something simple that fits a place like ours – and someone who explains it in plain words for once."},
			lineView:                  {"Honestly? It comes down to the people, more than anything.", "In my experience it's whether someone really takes the time.", "Mostly the little things – someone who actually listens."},
			lineDontKnow:              {"No idea, honestly.", "You've got me there.", "I couldn't tell you offhand.", "Hm, I've never really thought about it."},
			lineAskBack:               {"Why do you ask?", "Why do you want to know?", "Where are you going with this?", "What do you need that for?"},
			lineStillThere:            {"Yes, I'm still here. What is it?", "I'm listening. Keep it civil.", "Yes? Go on, then."},
			lineDeflect:               {"That's not something I share over the phone.", "I'd rather not say on the phone.", "That stays in the house, I'm afraid."},
			lineIdentity:              {"{name}, {role} at {company}.", "I'm {name}, {role} here at {company}."},
			lineConfirm:               {"Yes, let's do that. I've made a note.", "Good, that's settled.", "Fine. It's in my diary."},
			lineCloseAgreed:           {"Good, then we have everything. I have to get on – goodbye!", "Great, let's do that. I need to run now. Bye!"},
			lineFarewellAgreed:        {"Good, until then. Goodbye!", "Yes, looking forward to it. Bye!", "Thank you. Speak then, goodbye."},
			lineAgreedAlready:         {"We've just agreed that.", "Yes, as we said."},
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
			lineDontKnow:       {"I'm afraid I don't know.", "You'd have to ask {boss} yourself.", "I can't tell you anything about that."},
			lineAskBack:        {"May I ask what it's regarding?", "What do you need that for?"},
			lineDeflect:        {"I'm not allowed to give that out, sorry.", "I can't share that over the phone."},
			lineWarning:        {"I certainly won't put you through like this. Once more and I'll hang up.", "Please keep it civil, or I'll end the call."},
			lineInsult:         {"Not like that, please.", "I can't help you in that tone."},
			lineIdentity:       {"{name}, I'm {boss}'s assistant.", "This is {name} from {boss}'s office."},
			lineTryAgain:       {"Please do. Mornings are the best time to catch {boss}.", "Yes, do try again. Before ten {boss} is usually in."},
			lineTakeMessage:    {"Of course, I'll pass it on to {boss}.", "Will do – I'll leave {boss} a note."},
			lineStillThere:     {"I'm still here. What is it regarding – calmly, please?", "Yes? I'm listening."},
		},
	},
}

// nextStepKinds maps a next-step kind (acts.StepKind names it) to the
// engine's own line agreeing to it.
var nextStepKinds = []struct {
	kind string
	line line
}{
	{acts.StepInvitation, lineAgreeInvitation},
	{acts.StepReferral, lineAgreeReferral},
	{acts.StepCallback, lineAgreeCallback},
	{acts.StepSendInfo, lineAgreeSendInfo},
	{acts.StepMeeting, lineAgreeMeeting},
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// lineKinds says what kind of reply each of the engine's own lines is
// (openline.ReplyKind), for the realism corpus.
var lineKinds = [numLines]openline.ReplyKind{
	lineSilence: openline.ReplyClarify, lineGarbage: openline.ReplyClarify, lineForeign: openline.ReplyClarify,
	lineMonologue: openline.ReplyClarify,
	// A readable sentence nobody foresaw is understood: a person takes it
	// and waits for its point, never asks "what do you mean?".
	lineOffTopic: openline.ReplyOther,
	lineWhoIs:    openline.ReplyAskBack, lineAskBack: openline.ReplyAskBack,
	lineGreeting: openline.ReplyOther, lineOpening: openline.ReplyOther, linePitch: openline.ReplyOther,
	lineAcknowledgement: openline.ReplyOther, lineAskedAgain: openline.ReplyOther, linePersonal: openline.ReplyOther,
	lineOfferHelp: openline.ReplyOther, lineFeedback: openline.ReplyOther, linePermission: openline.ReplyOther,
	lineSmallTalk: openline.ReplySmallTalk, lineSmallTalkTopic: openline.ReplySmallTalk,
	lineFarewell: openline.ReplyFarewell, lineCloseAgreed: openline.ReplyFarewell, lineFarewellAgreed: openline.ReplyFarewell,
	lineHangup:   openline.ReplyHangUp,
	linePressure: openline.ReplyObject, lineRepitch: openline.ReplyObject, lineWarning: openline.ReplyObject, lineInsult: openline.ReplyObject,
	lineOpenQuestion: openline.ReplyDontKnow, lineClosedQuestion: openline.ReplyDontKnow, lineDontKnow: openline.ReplyDontKnow,
	lineElaborate: openline.ReplyReveal, lineGoOn: openline.ReplyReveal,
	lineDecline: openline.ReplyDecline, lineDeflect: openline.ReplyDeflect, lineIdentity: openline.ReplyAnswer,
	lineAgreeMeeting: openline.ReplyAgree, lineAgreeSendInfo: openline.ReplyAgree, lineAgreeInvitation: openline.ReplyAgree,
	lineAgreeReferral: openline.ReplyAgree, lineAgreeCallback: openline.ReplyAgree, lineConfirm: openline.ReplyAgree,
	lineAgreedAlready: openline.ReplyAgree, lineTryAgain: openline.ReplyAgree,
	lineStillThere: openline.ReplyOther, lineView: openline.ReplyAnswer, lineProposalPastObjection: openline.ReplyDecline, lineAgreeOnDay: openline.ReplyAgree,
	lineDisagree: openline.ReplyObject, lineTakeMessage: openline.ReplyAgree, lineTried: openline.ReplyReveal, lineWouldHelp: openline.ReplyReveal,
}

// sayKinds says, by the key prefix of a scenario line, what kind of reply
// it is; any other scenario line is a dialogue rule's (ReplyScript).
var sayKinds = map[string]openline.ReplyKind{
	"need/": openline.ReplyReveal, "objection/": openline.ReplyObject, "answered/": openline.ReplyOther,
	"fact/": openline.ReplyAnswer, "deflect/": openline.ReplyDeflect, "accept/": openline.ReplyAgree,
	"decline/": openline.ReplyDecline, "opening/": openline.ReplyOther,
}
