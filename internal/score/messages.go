package score

import "github.com/openline/openline/internal/openline"

// msg holds a text in German and English.
type msg struct{ de, en string }

// said indexes every reason and tip text (declared with say) by its German
// and its English wording, so a scorecard's explanations can be given in
// the reader's language (Explain).
var said = map[string]msg{}

// say declares a reason or tip text.
func say(de, en string) msg {
	m := msg{de, en}
	said[de], said[en] = m, m
	return m
}

func (m msg) in(lang openline.Language) string {
	if lang == openline.German {
		return m.de
	}
	return m.en
}

// Why-texts of evidence, in the call's language.
var (
	whyOpenQuestion   = say("offene Frage: lädt zum Erzählen ein", "open question: invites the prospect to tell")
	whyClosedQuestion = say("geschlossene Frage (ja/nein): offen gefragt erfahren Sie mehr", "closed question (yes/no): asked openly it would bring out more")
	whyFollowUp       = say("Nachfrage, die auf dem Gesagten aufbaut", "follow-up that builds on what the prospect just said")
	whyPersonal       = say("Interesse an der Person, über das eigene Produkt hinaus", "interest in the person beyond your own product")
	whyNeed           = say("bringt ein verborgenes Anliegen ans Licht: ", "brings out a hidden need: ")
	whyBunched        = say("danach keine Frage mehr: die Fragen ballen sich an einer Stelle", "no question after this: the questions are bunched in one part of the call")

	whyAnswerFriendly   = say("freundlich gemeldet", "answered in a friendly way")
	whyAnswerUnfriendly = say("ohne Gruß gemeldet", "answered without a greeting")
	whyAnswerName       = say("mit eigenem Namen gemeldet", "answered with your own name")
	whyAnswerNoName     = say("ohne Ihren Namen gemeldet", "answered without your name")
	whyAnswerCompany    = say("Firma genannt", "named your company")
	whyAnswerNoCompany  = say("ohne Firmennamen gemeldet", "answered without your company")
	whyAnswerTime       = say("dem Anrufer Raum gegeben", "gave the caller room")
	whyAnswerNoTime     = say("keine Einladung an den Anrufer", "no invitation to the caller")
	tipAnswering        = say("Melden Sie sich bei jedem Anruf freundlich, mit Firma und Namen, und geben Sie dem Anrufer Raum – es kann der Anruf sein, auf den es ankommt.", "Answer every call in a friendly way, with your company and name, and give the caller room – it may be the call that matters.")
	tipAnsweringBetter  = say("Netzwerk Nord, [Ihr Name], guten Tag! Was kann ich für Sie tun?", "Northwind, [your name] speaking, good morning! How can I help?")
	whyGreeting         = say("freundlicher Gruß zu Beginn", "friendly greeting at the start")
	whyIntroduction     = say("nennt den eigenen Namen", "says who is calling")
	whyPermission       = say("fragt, ob es gerade passt", "asks whether it is a good moment")
	whyNoGreeting       = say("kein Gruß im ersten Satz", "no greeting in the first sentence")
	whyNoIntroduction   = say("nennt zu Beginn nicht den eigenen Namen", "does not say who is calling")
	whyNoPermission     = say("fragt nicht, ob es gerade passt", "does not ask whether it is a good moment")
	whyMonologue        = say("langer Monolog: der Gesprächspartner kommt nicht zu Wort", "long monologue: the prospect cannot get a word in")
	whyHurriedTalk      = say("redet weiter, obwohl der Gesprächspartner wenig Zeit hat", "talks on after the prospect said they are short of time")
	whyTalkShare        = say("hoher Redeanteil: mehr zuhören als reden", "high talk share: listen more than you talk")
	whyLongTurns        = say("lange Beiträge: geben Sie das Wort früher ab", "long turns: hand the word back sooner")
	whyAcknowledge      = say("nimmt das Gesagte auf und würdigt es", "acknowledges what the prospect said")
	whyReflection       = say("spiegelt das Gesagte mit eigenen Worten", "reflects the prospect's words back")
	whyAccept           = say("nimmt das Nein an, ohne zu drängen", "accepts the no without pushing")
	whyFeedback         = say("bittet nach dem Nein um ehrliches Feedback", "asks for honest feedback after the no")
	whyOfferHelp        = say("bietet andere Hilfe oder einen Kontakt an", "offers other help or a connection")
	whyRepitch          = say("wiederholt das Angebot nach dem Nein", "pitches again after the no")
	whyPressureAfter    = say("drängt oder argumentiert gegen das Nein", "pushes or argues against the no")
	whyInsist           = say("fragt nach dem Nein weiter, bis das Nein noch einmal kommt", "asks on after the no until the no comes again")
	whyPressure         = say("Druck: Dringlichkeit, Drängen oder Schuldgefühl", "pressure: urgency, insistence or guilt")
	whyRush             = say("beendet das Gespräch des Anrufers schnell, statt sich Zeit zu nehmen", "rushes the caller off instead of taking time")
	whyLeftStanding     = say("verabschiedet sich, gleich nachdem der Anrufer sich geöffnet hat, ohne darauf einzugehen", "says goodbye right after the caller opened up, without taking it in")
	whyIgnoredNeed      = say("geht gleich zum eigenen Thema über, nachdem der Gesprächspartner ein Anliegen verraten hat", "moves on to its own agenda right after the prospect revealed a need")
	whyCutOff           = say("fällt dem Anrufer ins Wort und macht weiter, ohne ihn ausreden zu lassen", "cuts in on the caller and moves on without letting them finish")
	whyNoTime           = say("sagt dem Anrufer, dass keine Zeit ist: so fühlt er sich abgewimmelt", "tells the caller there is no time: they feel brushed off")
	whyTakeTime         = say("nimmt sich Zeit, das Anliegen des Anrufers zu verstehen", "takes time to understand the caller's request")
)

// Tips: what to do differently, and a better line.
var (
	tipOpening               = say("Beginnen Sie freundlich: Gruß, Ihr Name und die Frage, ob es gerade passt.", "Open warmly: a greeting, your name, and whether it is a good moment.")
	tipOpeningBetter         = say("Guten Tag%s, hier ist [Ihr Name] von [Firma]. Passt es Ihnen gerade für zwei Minuten?", "Good morning%s, this is [your name] from [company]. Is now a good moment for two minutes?")
	tipInboundOpen           = say("Begrüßen Sie den Anrufer mit Ihrem Namen und laden Sie ihn ein, sein Anliegen zu erzählen.", "Greet the caller with your name and invite them to tell you what they need.")
	tipInboundGreet          = say("Begrüßen Sie den Anrufer freundlich und laden Sie ihn ein, sein Anliegen zu erzählen: der Name allein klingt abweisend.", "Greet the caller warmly and invite them to tell you what they need: your name alone sounds curt.")
	tipInboundBetter         = say("Guten Tag, hier ist [Ihr Name] – schön, dass Sie anrufen. Worum geht es Ihnen?", "Hello, this is [your name] – thanks for calling. What can I do for you?")
	tipListening             = say("Hören Sie nach zwei, drei Sätzen auf und geben Sie das Wort mit einer Frage ab.", "Stop after two or three sentences and hand the word over with a question.")
	tipListeningBetter       = say("Kurz gesagt: [Ihr Angebot in einem Satz]. Wie ist das bei Ihnen – was beschäftigt Sie da gerade?", "In short: [your offer in one sentence]. How is that for you – what are you dealing with right now?")
	tipTalkShare             = say("Lassen Sie den anderen mehr erzählen: nach Ihrer Frage zuhören und nachfragen, statt selbst weiterzuerzählen.", "Let the other person tell you more: after your question, listen and ask on instead of going on yourself.")
	tipTalkShareBetter       = say("Erzählen Sie gern mehr – wie ist das bei Ihnen?", "Tell me more – how is that for you?")
	tipAck                   = say("Nehmen Sie auf, was gesagt wurde, bevor Sie weitersprechen.", "Take in what was said before you go on.")
	tipAckBetter             = say("Verstehe – ‚%s‘, das ist ein wichtiger Punkt. Erzählen Sie gern mehr.", "I see – '%s', that's an important point. Tell me more.")
	tipReflect               = say("Spiegeln Sie, was Sie gehört haben, in eigenen Worten, bevor Sie die nächste Frage stellen.", "Give back what you heard in your own words before you ask the next question.")
	tipReflectBetter         = say("Wenn ich Sie richtig verstehe: ‚%s‘. Ist das der Kern der Sache?", "So if I've got you right: '%s'. Is that the heart of it?")
	tipHurried               = say("Der andere hat wenig Zeit: nehmen Sie das auf, halten Sie es kurz oder bieten Sie einen anderen Zeitpunkt an.", "They are short of time: take that in, keep it short or offer another time.")
	tipHurriedBetter         = say("Dann halte ich es ganz kurz – oder passt es Ihnen zu einer anderen Zeit besser?", "Then I'll keep it very short – or would another time suit you better?")
	tipRejection             = say("Nehmen Sie das Nein an und bitten Sie um ein, zwei ehrliche Sätze Feedback, statt weiter zu argumentieren.", "Accept the no and ask for a sentence or two of honest feedback instead of arguing.")
	tipRejectionFeedback     = say("Nehmen Sie das Nein an und bitten Sie um ein, zwei ehrliche Sätze Feedback: daraus lernen Sie am meisten.", "Accept the no and ask for a sentence or two of honest feedback: that is where you learn most.")
	tipRejectionBetter       = say("Verstehe, danke für die Offenheit. Darf ich fragen, woran es liegt? Ein, zwei ehrliche Sätze würden mir sehr helfen.", "I understand, thanks for being straight with me. May I ask what makes it a no? A sentence or two of honest feedback would help me a lot.")
	tipRejectionAccept       = say("Sagen Sie zuerst, dass das Nein in Ordnung ist, bevor Sie nachfragen.", "First say that the no is fine with you, then ask.")
	tipRejectionAcceptBetter = say("Das ist völlig in Ordnung, danke für die klare Antwort. Darf ich trotzdem fragen, woran es liegt?", "That's absolutely fine, thanks for the clear answer. May I still ask what makes it a no?")
	tipRejectionOffer        = say("Bleiben Sie nach dem Nein offen: Vielleicht können Sie auf andere Weise helfen, mit einem Kontakt oder einer Einladung.", "Stay open after the no: maybe you can help another way, with a contact or an invitation.")
	tipRejectionOfferBetter  = say("Danke, das hilft mir sehr. Kann ich Ihnen vielleicht anders weiterhelfen – kennen Sie jemanden, oder suchen Sie selbst gerade etwas?", "Thanks, that really helps. Is there anything else I could help with – someone you'd like to meet, or something you're looking for?")
	tipCaller                = say("Der Anrufer hat ein Anliegen: nehmen Sie sich Zeit und fragen Sie nach, bevor Sie das Gespräch beenden.", "The caller wants something: take your time and ask before you end the call.")
	tipCallerBetter          = say("Gern, dafür nehme ich mir Zeit. Worum geht es genau, und was ist Ihnen dabei wichtig?", "Of course, I have time for that. What exactly is it about, and what matters most to you?")
	tipCallerStayBetter      = say("Gern. Haben Sie noch einen Moment? Erzählen Sie doch mal, woran Sie gerade arbeiten.", "Sure. Have you got another minute? Tell me a bit about what you're working on at the moment.")
	tipCallerOffer           = say("Bleiben Sie offen: Vielleicht können Sie dem Anrufer über sein Anliegen hinaus helfen, mit einem Kontakt oder einer Einladung.", "Stay open: maybe you can help the caller beyond their request, with a contact or an invitation.")
	tipCallerOfferBetter     = say("Da fällt mir jemand ein, der Ihnen weiterhelfen könnte. Darf ich Sie beide miteinander bekannt machen?", "That reminds me of someone who could help you. Would you like me to put you in touch?")
	tipPressure              = say("Verzichten Sie auf Druck; fragen Sie, was der andere braucht, um in Ruhe zu entscheiden.", "Drop the pressure; ask what the other person needs to decide in their own time.")
	tipPressureBetter        = say("Ich möchte Sie zu nichts drängen. Was wäre für Sie wichtig, um das in Ruhe zu entscheiden?", "I don't want to rush you. What would you need to decide this in your own time?")
	tipQuestions             = say("Stellen Sie mehr Fragen: der andere weiß, was ihn bewegt, nicht Sie.", "Ask more questions: they know what matters to them, you don't.")
	tipQuestionsBetter       = say("Wie gehen Sie heute damit um?", "How do you handle that today?")
	tipOpen                  = say("Fragen Sie offen (wie, was, warum, erzählen Sie) statt mit Ja/Nein-Fragen.", "Ask open questions (how, what, why, tell me) instead of yes/no questions.")
	tipOpenBetter            = say("Erzählen Sie mal: Wie läuft das bei Ihnen bisher?", "Tell me: how has that been going for you so far?")
	tipFollowUp              = say("Haken Sie bei dem nach, was gerade gesagt wurde, statt zum nächsten Punkt zu springen.", "Follow up on what was just said instead of jumping to your next point.")
	tipFollowUpBetter        = say("Sie sagten ‚%s‘ – wie meinen Sie das genau?", "You said '%s' – what do you mean by that exactly?")
	tipNeeds                 = say("Fragen Sie nach dem, was den anderen bewegt, auch nach ihm selbst: so kommen verborgene Anliegen ans Licht.", "Ask about what is on their mind, and about them: that is how hidden needs come out.")
	tipNeedsBetter           = say("Was beschäftigt Sie denn im Moment am meisten?", "What's keeping you busiest at the moment?")
	tipNeedsMore             = say("Einiges von dem, was den anderen bewegt, kam ans Licht, nicht alles: Fragen Sie weiter nach ihm und seiner Lage.", "Some of what is on their mind came out, not all of it: keep asking about them and how things are for them.")
	tipPersonalMore          = say("Sie haben nach dem Menschen gefragt; kommen Sie später im Gespräch noch einmal auf ihn zurück, nicht nur auf Ihr Produkt.", "You asked about the person once; come back to them later in the call, not only to your product.")
	tipPersonal              = say("Interessieren Sie sich für den Menschen, nicht nur für Ihr Produkt.", "Take an interest in the person, not only in your product.")
	tipNeedsTodayBetter      = say("Wie ist das bei Ihnen heute geregelt – und was würden Sie daran gern anders haben?", "How is that handled at your place today – and what would you like to be different?")
	tipPersonalBetter        = say("Und Sie selbst – was machen Sie sonst noch, abgesehen von diesem Thema?", "And you yourself – what else do you do, apart from this?")
	tipSpread                = say("Fragen Sie durch das ganze Gespräch hindurch, nicht nur an einer Stelle.", "Keep asking through the whole call, not only in one part of it.")
	tipSpreadBetter          = say("Und wie sehen Sie das jetzt, nachdem wir darüber gesprochen haben?", "And how do you see it now that we have talked it through?")
)

// Labels of the text scorecard.
var (
	lblOpenness   = msg{"Offenheit", "Openness"}
	lblCuriosity  = msg{"Neugier", "Curiosity"}
	lblParts      = msg{"Teile (Gewicht)", "Parts (weight)"}
	lblMetrics    = msg{"Kennzahlen", "Metrics"}
	lblEvidence   = msg{"Belege", "Evidence"}
	lblTips       = msg{"Tipps", "Tips"}
	lblTurn       = msg{"Beitrag", "turn"}
	lblWholeCall  = msg{"ganzes Gespräch", "whole call"}
	lblBetter     = msg{"Besser", "Better"}
	lblSaid       = msg{"Gesagt", "You said"}
	lblNotApplied = msg{"zählt hier nicht", "does not apply"}
	lblQuestions  = msg{"Fragen: %d (%d offen, %d geschlossen, %d Nachfragen)", "Questions: %d (%d open, %d closed, %d follow-ups)"}
	lblOpenShare  = msg{"Anteil offener Fragen: %d %%", "Open questions: %d %%"}
	lblTalk       = msg{"Redeanteil: %d %% (nach %s)", "Talk share: %d %% (by %s)"}
	lblMonologue  = msg{"Längster Monolog: %d Wörter; im Mittel %.0f Wörter je Beitrag", "Longest monologue: %d words; %.0f words a turn on average"}
	lblByTime     = msg{"Zeit", "time"}
	lblByWords    = msg{"Wörtern", "words"}
	lblAck        = msg{"Würdigungen: %d, davon Spiegelungen: %d; Interesse an der Person: %d", "Acknowledgements: %d, reflections: %d; interest in the person: %d"}
	lblRejection  = msg{"Absagen: %d; Bitten um Feedback danach: %d; Druck: %d", "Rejections: %d; feedback requests after them: %d; pressure moves: %d"}
	lblNeeds      = msg{"Verborgene Anliegen: %d von %d", "Hidden needs: %d of %d"}
	lblNoNeeds    = msg{"Verborgene Anliegen: ohne Szenario nicht bewertet", "Hidden needs: not scored without a scenario"}
	lblInbound    = msg{"Eingehender Anruf: der Interessent hat angerufen", "Inbound call: the prospect called"}
)
