package scripted

import (
	"slices"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// Unforeseen lines of issue 9 ("scripted prospects who answer what was
// said"), written on 7 Dec 2026 by the engineer working on it, none of
// them from a realism block: a put-down is disagreed with, small talk is
// chatted back, a proposal in natural words is agreed or declined, and a
// question about what others do gets an honest "no idea", in every seed
// after the scenario's realism setup.
func TestUnforeseenLines(t *testing.T) {
	var (
		putDown   = []openline.ReplyKind{openline.ReplyObject, openline.ReplyHangUp}
		smallTalk = []openline.ReplyKind{openline.ReplySmallTalk, openline.ReplyOther}
		proposal  = []openline.ReplyKind{openline.ReplyAgree, openline.ReplyDecline, openline.ReplyAskBack}
		others    = []openline.ReplyKind{openline.ReplyDontKnow, openline.ReplyAskBack}
	)
	for _, tt := range []struct {
		file, say string
		want      []openline.ReplyKind
	}{
		{"bav-inhaber.yaml", "Mit so einer Einstellung wundert es mich nicht, dass Ihnen die Leute weglaufen.", putDown},
		{"bav-inhaber.yaml", "Na, Sie sind ja ein ganz Schlauer.", putDown},
		{"bav-inhaber.yaml", "Ein bisschen mehr Verantwortung für Ihre Leute würde Ihnen gut stehen.", putDown},
		{"bav-inhaber.yaml", "Also ehrlich, als Chef sollte man sich um so was schon kümmern.", putDown},
		{"bav-inhaber.yaml", "Typisch Handwerker, immer erst, wenn es brennt.", putDown},
		{"beschwerde-rueckruf.yaml", "Jetzt übertreiben Sie aber ein bisschen, Herr Öztürk.", putDown},
		{"beschwerde-rueckruf.yaml", "Regen Sie sich doch nicht so auf, das war doch nur ein Anruf.", putDown},
		{"beschwerde-rueckruf.yaml", "So kommt man im Leben aber nicht weit, Herr Öztürk.", putDown},
		{"empfehlung-blumen.yaml", "Ich hätte gedacht, eine Geschäftsfrau wie Sie denkt etwas weiter.", putDown},
		{"empfehlung-blumen.yaml", "Das ist aber eine ziemlich kleinkarierte Sicht, finden Sie nicht?", putDown},
		{"recruiting-agentur.yaml", "Kein Wunder, dass Ihnen die Pflegekräfte davonlaufen, wenn Sie so reden.", putDown},
		{"recruiting-agentur.yaml", "Wer so denkt, braucht sich über den Personalmangel nicht zu wundern.", putDown},
		{"herr-b-handwerker.yaml", "Herr B., Sie machen es sich da ein bisschen einfach, oder?", putDown},
		{"herr-b-handwerker.yaml", "Das ist jetzt schon ziemlich arrogant von Ihnen.", putDown},
		{"frau-h-praktikum.yaml", "Da hätte man in Ihrer Position schon etwas sorgfältiger sein können.", putDown},
		{"bav-assistenz.yaml", "Sie sind doch nur die Sekretärin, stellen Sie mich einfach durch.", putDown},
		{"crm-software-en.yaml", "With that attitude it's no wonder your reps are losing customers.", putDown},
		{"crm-software-en.yaml", "Oh, brilliant, a spreadsheet. Very cutting edge.", putDown},
		{"crm-software-en.yaml", "Mate, nobody serious runs a sales team like that any more.", putDown},
		{"workplace-pension-owner.yaml", "Most responsible employers would be ashamed to say that, Karen.", putDown},
		{"workplace-pension-owner.yaml", "I'd have thought someone in your position would care a bit more about their staff.", putDown},
		{"workplace-pension-owner.yaml", "That's a bit selfish, isn't it?", putDown},
		{"recruiting-startup.yaml", "No offence, Daniel, but that's a pretty naive way to run hiring.", putDown},
		{"recruiting-startup.yaml", "Sure, because that's worked out so well for you so far.", putDown},
		{"recruiting-startup.yaml", "You clearly don't understand how recruitment works.", putDown},
		{"craft-network-feedback.yaml", "That's a rather small-minded view for someone who represents fifteen hundred firms.", putDown},
		{"craft-network-feedback.yaml", "Come on, Dave, you're not really that stubborn, are you?", putDown},
		{"complaint-boiler-school.yaml", "Calm down, Mr Daniels, it's only a boiler.", putDown},
		{"complaint-boiler-school.yaml", "Honestly, you're making a mountain out of a molehill.", putDown},
		{"not-a-fit-translator.yaml", "Well, if you want to stay small forever, that's your choice.", putDown},
		{"inbound-intern-request.yaml", "You really should have checked the email before you sent it to everyone.", putDown},
		{"bav-inhaber.yaml", "Bei Ihnen hört man ja richtig die Maschinen im Hintergrund, wird da gerade geschweißt?", smallTalk},
		{"bav-inhaber.yaml", "Ist bei Ihnen in Hagen auch so ein Sauwetter heute?", smallTalk},
		{"bav-inhaber.yaml", "Bellt da ein Hund bei Ihnen?", smallTalk},
		{"bav-inhaber.yaml", "Na, schon den ersten Kaffee gehabt heute?", smallTalk},
		{"beschwerde-rueckruf.yaml", "Bei Ihnen duftet es bestimmt schon den ganzen Morgen nach frischem Brot, oder?", smallTalk},
		{"beschwerde-rueckruf.yaml", "Gehen Sie am Wochenende auch zum Mainuferfest?", smallTalk},
		{"empfehlung-blumen.yaml", "Bald ist ja Muttertag, da ist bei Ihnen sicher die Hölle los.", smallTalk},
		{"empfehlung-blumen.yaml", "Waren Sie schon auf dem Weinmarkt dieses Jahr?", smallTalk},
		{"frau-h-praktikum.yaml", "Ist bei Ihnen auch so schwül heute? Ich schmelze hier fast.", smallTalk},
		{"frau-h-praktikum.yaml", "Im Hintergrund höre ich Kinder – sind die Jugendlichen gerade bei Ihnen?", smallTalk},
		{"herr-b-handwerker.yaml", "Hat der FCA am Samstag eigentlich gewonnen?", smallTalk},
		{"herr-b-handwerker.yaml", "Sie klingen ein bisschen erkältet, geht es Ihnen gut?", smallTalk},
		{"recruiting-agentur.yaml", "Bei dem Verkehr in Dortmund heute kommt man ja kaum voran, oder?", smallTalk},
		{"recruiting-agentur.yaml", "Hört sich an, als wären Sie gerade im Auto.", smallTalk},
		{"bav-assistenz.yaml", "Bei Ihnen ist ja heute richtig Betrieb am Telefon, was?", smallTalk},
		{"crm-software-en.yaml", "Is that a forklift I can hear in the background?", smallTalk},
		{"crm-software-en.yaml", "Did Bristol City win at the weekend, do you know?", smallTalk},
		{"crm-software-en.yaml", "Are you out on the road today? Sounds like you're in the car.", smallTalk},
		{"workplace-pension-owner.yaml", "Bet it's freezing in that workshop this time of year.", smallTalk},
		{"workplace-pension-owner.yaml", "Is Leeds as grim as it is down here today?", smallTalk},
		{"craft-network-feedback.yaml", "Are you going to the county show this weekend?", smallTalk},
		{"craft-network-feedback.yaml", "Sounds like there's a party going on in your office!", smallTalk},
		{"complaint-boiler-school.yaml", "I can hear the children in the playground – must be break time?", smallTalk},
		{"complaint-boiler-school.yaml", "Bet the kids are excited about the nativity play.", smallTalk},
		{"inbound-intern-request.yaml", "Is it the school holidays yet where you are?", smallTalk},
		{"inbound-intern-request.yaml", "Did you have a nice Easter?", smallTalk},
		{"not-a-fit-translator.yaml", "Is that your bike bell I can hear?", smallTalk},
		{"not-a-fit-translator.yaml", "Are you going to the Balloon Fiesta this year?", smallTalk},
		{"recruiting-startup.yaml", "Is that the office dog barking?", smallTalk},
		{"recruiting-startup.yaml", "How was the commute in today? I heard the trams were down.", smallTalk},
		{"bav-assistenz.yaml", "Wäre es in Ordnung, wenn ich morgen Vormittag noch mal anrufe?", proposal},
		{"bav-assistenz.yaml", "Was halten Sie davon, wenn ich Herrn Hartmann eine kurze Mail schreibe und Sie setzen sich in Kopie?", proposal},
		{"bav-assistenz.yaml", "Passt es Ihnen, wenn ich es am Donnerstag nach der Disposition noch mal versuche?", proposal},
		{"bav-inhaber.yaml", "Wie wär's, wenn ich einfach mal bei Ihnen in Hagen vorbeischaue, ganz unverbindlich?", proposal},
		{"bav-inhaber.yaml", "Ich könnte Ihnen ja mal eine Übersicht mit drei Beispielrechnungen per Post schicken – wäre das was?", proposal},
		{"bav-inhaber.yaml", "Sollen wir dafür einen Termin nächste Woche ausmachen?", proposal},
		{"empfehlung-blumen.yaml", "Wollen wir das beim nächsten Quartalsgespräch in Ruhe besprechen?", proposal},
		{"frau-h-praktikum.yaml", "Soll ich Ihnen die korrigierte Einladung gleich heute noch zuschicken?", proposal},
		{"frau-h-praktikum.yaml", "Ich schlage vor, ich schicke Ihnen die neue Mail bis heute Mittag.", proposal},
		{"recruiting-agentur.yaml", "Hätten Sie Lust, mal bei einem unserer Infoabende für Pflegedienste vorbeizukommen?", proposal},
		{"recruiting-agentur.yaml", "Wie wäre es mit einem kurzen Kennenlerntermin, vielleicht Dienstag früh?", proposal},
		{"crm-software-en.yaml", "How about I pop over to Bristol next week and show you on your own data?", proposal},
		{"crm-software-en.yaml", "Fancy a quick demo on Thursday, just twenty minutes?", proposal},
		{"inbound-intern-request.yaml", "Shall I resend the email this afternoon with the corrections, so you can forward it on?", proposal},
		{"inbound-intern-request.yaml", "Would it be easier if I rang Mrs Okafor directly to apologise?", proposal},
		{"inbound-intern-request.yaml", "Why don't I put the corrected version in the post as well?", proposal},
		{"workplace-pension-owner.yaml", "What if I sent Lorraine a one-page summary she could look at?", proposal},
		{"workplace-pension-owner.yaml", "Could we pencil in half an hour after Easter to go through the options?", proposal},
		{"workplace-pension-owner.yaml", "Would you be up for a quick chat with one of our advisers next week?", proposal},
		{"craft-network-feedback.yaml", "Would it be worth me coming up to Derby to meet you in person?", proposal},
		{"craft-network-feedback.yaml", "Maybe I could write a short piece for your members' newsletter?", proposal},
		{"recruiting-startup.yaml", "Shall we grab twenty minutes next week to go through your roles?", proposal},
		{"recruiting-startup.yaml", "Could I send you two CVs on Friday, no strings attached?", proposal},
		{"not-a-fit-translator.yaml", "Would you mind if I kept your details in case you ever grow?", proposal},
		{"complaint-boiler-school.yaml", "Shall I get the engineer to ring you directly to confirm the new time?", proposal},
		{"complaint-boiler-school.yaml", "How would it be if we sent someone first thing tomorrow morning?", proposal},
		{"beschwerde-rueckruf.yaml", "Soll ich Ihnen das Ganze noch mal schriftlich bestätigen?", proposal},
		{"complaint-boiler-school.yaml", "Do you know whether the engineer's van got as far as the school car park?", others},
		{"craft-network-feedback.yaml", "Do you know which insurers the other big trade networks up north tend to go with?", others},
		{"recruiting-agentur.yaml", "Wissen Sie, wie die großen Pflegeketten in Dortmund ihre Wochenenden besetzen?", others},
		{"bav-inhaber.yaml", "Wissen Sie, welche Rente die Schweißer bei den Großbetrieben bekommen?", others},
		{"bav-inhaber.yaml", "Wissen Sie zufällig, was die Handwerkskammer zu dem Thema empfiehlt?", others},
		{"workplace-pension-owner.yaml", "Any idea what the other joinery firms in Leeds offer their staff?", others},
		{"crm-software-en.yaml", "Do you know what software the big wholesalers use?", others},
		{"recruiting-startup.yaml", "Do you know how long the other Manchester startups take to hire a senior engineer?", others},
		{"recruiting-startup.yaml", "Do you know when your next round is?", others},
		{"empfehlung-blumen.yaml", "Wissen Sie, welche Floristen in Wiesbaden noch mit uns arbeiten könnten?", others},
		{"frau-h-praktikum.yaml", "Wissen Sie, wann die Schulen dieses Jahr Ferien haben?", others},
	} {
		sc := loadShipped(t, tt.file)
		for _, seed := range handSeeds {
			_, p := handPlay(t, tt.file, seed, sc.Realism.Setup...)
			r := mustRespond(t, p, tt.say)
			if got, _ := p.ReplyKind(); !slices.Contains(tt.want, got) {
				t.Errorf("%s, seed %d: %q got %s (%q), want one of %v", tt.file, seed, tt.say, got, r.Text, tt.want)
			}
		}
	}
}

// Fact questions in words no fact's names use (written for issue 9 on 7
// Dec 2026, none from a realism block) get the fact, answered or
// deflected, in every seed after the scenario's realism setup.
func TestFactsInNewWords(t *testing.T) {
	for _, tt := range []struct{ file, say, fact string }{
		{"bav-inhaber.yaml", "Was entsteht bei Ihnen eigentlich so in der Werkstatt?", "produkte"},
		{"bav-inhaber.yaml", "Wie viele Leute stehen bei Ihnen in der Halle?", "mitarbeiter"},
		{"bav-inhaber.yaml", "Wer kümmert sich bei Ihnen um die Gehaltsabrechnungen?", "buchhalterin"},
		{"bav-inhaber.yaml", "Wo genau ist Ihre Firma zu Hause?", "standort"},
		{"bav-inhaber.yaml", "Wie lange gibt's den Laden schon?", "gruendung"},
		{"bav-inhaber.yaml", "Ist das noch ein Familienbetrieb, von Ihrem Vater gegründet?", "gruendung"},
		{"bav-inhaber.yaml", "Wie hoch ist denn so Ihr Jahresumsatz ungefähr?", "umsatz"},
		{"beschwerde-rueckruf.yaml", "Wie viele Angestellte haben Sie insgesamt?", "mitarbeiter"},
		{"beschwerde-rueckruf.yaml", "An welchen Tagen hat man Sie denn angerufen?", "anrufe"},
		{"empfehlung-blumen.yaml", "Wie viele Floristinnen arbeiten bei Ihnen?", "mitarbeiter"},
		{"empfehlung-blumen.yaml", "In welchen Stadtteilen sind Ihre Geschäfte?", "laeden"},
		{"empfehlung-blumen.yaml", "Was binden Sie am häufigsten?", "spezialitaet"},
		{"empfehlung-blumen.yaml", "Sind Sie mit unserer Telefonannahme zufrieden?", "zufrieden"},
		{"frau-h-praktikum.yaml", "Mit wie vielen Schülerinnen und Schülern arbeiten Sie gerade?", "jugendliche"},
		{"frau-h-praktikum.yaml", "Wer ist bei Ihnen die Chefin?", "chefin"},
		{"frau-h-praktikum.yaml", "Welches Datum wäre denn richtig?", "termin"},
		{"frau-h-praktikum.yaml", "Was genau macht Ihr Verein?", "bildungswerk"},
		{"herr-b-handwerker.yaml", "Welche Handwerksbetriebe sind bei Ihnen organisiert?", "branchen"},
		{"herr-b-handwerker.yaml", "Wo ist Ihre Geschäftsstelle?", "sitz"},
		{"herr-b-handwerker.yaml", "Wie hoch ist der Mitgliedsbeitrag?", "beitrag"},
		{"recruiting-agentur.yaml", "Wie viele Pflegekräfte haben Sie im Team?", "mitarbeitende"},
		{"recruiting-agentur.yaml", "In welchen Vierteln sind Sie unterwegs?", "gebiet"},
		{"recruiting-agentur.yaml", "Was verdient bei Ihnen eine examinierte Kraft?", "gehalt"},
		{"recruiting-agentur.yaml", "Wem gehört der Pflegedienst?", "chef"},
		{"bav-assistenz.yaml", "Wie viele Lkw hat die Spedition?", "flotte"},
		{"bav-assistenz.yaml", "Haben Sie eine Handynummer von Herrn Hartmann?", "durchwahl"},
		{"bav-assistenz.yaml", "Wann kann ich Herrn Hartmann am besten erwischen?", "chef-da"},
		{"crm-software-en.yaml", "What do your customers mostly buy from you?", "products"},
		{"crm-software-en.yaml", "How many reps have you got out on the road?", "reps"},
		{"crm-software-en.yaml", "Who actually owns Fletcher & Reid?", "uncle"},
		{"crm-software-en.yaml", "How are your reps paid?", "commission"},
		{"workplace-pension-owner.yaml", "What sort of things do you make in the workshop?", "products"},
		{"workplace-pension-owner.yaml", "How many joiners have you got?", "staff"},
		{"workplace-pension-owner.yaml", "Who does the wages for you?", "office-manager"},
		{"workplace-pension-owner.yaml", "Whereabouts in Leeds is the workshop?", "location"},
		{"workplace-pension-owner.yaml", "How long has the company been around?", "founded"},
		{"workplace-pension-owner.yaml", "Roughly what's your annual turnover?", "revenue"},
		{"craft-network-feedback.yaml", "What trades are your members in, mostly?", "trades"},
		{"craft-network-feedback.yaml", "How many firms have you got signed up?", "members"},
		{"craft-network-feedback.yaml", "Where's TradeLink's head office?", "office"},
		{"craft-network-feedback.yaml", "How many people are on your team in the office?", "staff"},
		{"craft-network-feedback.yaml", "What does it cost to join?", "fees"},
		{"complaint-boiler-school.yaml", "What kind of boiler have you got in there?", "boiler"},
		{"complaint-boiler-school.yaml", "How many kids are at St Aidan's?", "school"},
		{"complaint-boiler-school.yaml", "Who's your head teacher?", "head"},
		{"complaint-boiler-school.yaml", "Which days was the engineer booked in for?", "appointments"},
		{"inbound-intern-request.yaml", "How many young people are you looking after?", "young-people"},
		{"inbound-intern-request.yaml", "What does your organisation do exactly?", "trust"},
		{"inbound-intern-request.yaml", "Which date should it actually be?", "date"},
		{"inbound-intern-request.yaml", "Who's in charge at Northgate?", "manager"},
		{"not-a-fit-translator.yaml", "What languages do you translate from?", "business"},
		{"not-a-fit-translator.yaml", "Is it just you, or do you have staff?", "team"},
		{"not-a-fit-translator.yaml", "Have you got any vehicles for the business?", "vans"},
		{"not-a-fit-translator.yaml", "Where do you work from?", "office"},
		{"recruiting-startup.yaml", "What does your software actually do?", "product"},
		{"recruiting-startup.yaml", "How many engineers have you got?", "team-size"},
		{"recruiting-startup.yaml", "What are you building it in, tech-wise?", "stack"},
		{"recruiting-startup.yaml", "Who's the CEO?", "cofounder"},
		{"recruiting-startup.yaml", "How much did you raise in your last round?", "funding"},
		{"bav-inhaber.yaml", "Was genau stellen Sie da in Hagen her?", "produkte"},
		{"bav-inhaber.yaml", "Was für Sachen fertigt Ihre Firma so?", "produkte"},
		{"bav-inhaber.yaml", "Wie viele Beschäftigte hat Wegener Metallbau?", "mitarbeiter"},
		{"bav-inhaber.yaml", "Wer macht bei Ihnen die Lohnabrechnungen?", "buchhalterin"},
		{"bav-inhaber.yaml", "In welcher Stadt ist Ihre Firma?", "standort"},
		{"bav-inhaber.yaml", "Wann wurde Ihr Betrieb gegründet?", "gruendung"},
		{"beschwerde-rueckruf.yaml", "Wie viele Verkaufsstellen haben Sie?", "filialen"},
		{"beschwerde-rueckruf.yaml", "Was für Backwaren haben Sie im Angebot?", "backwaren"},
		{"beschwerde-rueckruf.yaml", "Wie oft haben meine Kollegen bei Ihnen angerufen?", "anrufe"},
		{"beschwerde-rueckruf.yaml", "Wie groß ist Ihre Belegschaft?", "mitarbeiter"},
		{"empfehlung-blumen.yaml", "Was für Blumenarrangements machen Sie hauptsächlich?", "spezialitaet"},
		{"empfehlung-blumen.yaml", "Wie viele Geschäfte haben Sie in Mainz?", "laeden"},
		{"empfehlung-blumen.yaml", "Klappt das mit unserer Bestellannahme gut?", "zufrieden"},
		{"frau-h-praktikum.yaml", "Wie viele Jugendliche sind gerade bei Ihnen im Programm?", "jugendliche"},
		{"frau-h-praktikum.yaml", "Wer leitet das Bildungswerk?", "chefin"},
		{"frau-h-praktikum.yaml", "An welchem Datum soll das Training denn jetzt stattfinden?", "termin"},
		{"herr-b-handwerker.yaml", "Was für Gewerke haben Sie im Netz?", "branchen"},
		{"herr-b-handwerker.yaml", "Wie viele Mitgliedsfirmen hat das Handwerkernetz?", "mitglieder"},
		{"herr-b-handwerker.yaml", "Wie viele Leute sitzen bei Ihnen in der Geschäftsstelle?", "mitarbeiter"},
		{"herr-b-handwerker.yaml", "Was kostet die Mitgliedschaft?", "beitrag"},
		{"recruiting-agentur.yaml", "Wie viele examinierte Kräfte haben Sie?", "mitarbeitende"},
		{"recruiting-agentur.yaml", "Wie viele Patientinnen und Patienten betreuen Sie?", "patienten"},
		{"recruiting-agentur.yaml", "In welchen Ecken von Dortmund fahren Sie?", "gebiet"},
		{"recruiting-agentur.yaml", "Wer ist bei Ihnen der Geschäftsführer?", "chef"},
		{"crm-software-en.yaml", "What kind of stuff do you supply to the installers?", "products"},
		{"crm-software-en.yaml", "How big's your sales team?", "reps"},
		{"crm-software-en.yaml", "Is it still a family firm?", "uncle"},
		{"crm-software-en.yaml", "What system do the reps use at the moment?", "tools"},
		{"workplace-pension-owner.yaml", "What kind of joinery do you do?", "products"},
		{"workplace-pension-owner.yaml", "How many lads have you got in the workshop?", "staff"},
		{"workplace-pension-owner.yaml", "Who handles the payroll side of things?", "office-manager"},
		{"workplace-pension-owner.yaml", "Which part of Leeds are you in?", "location"},
		{"workplace-pension-owner.yaml", "How long has the firm been going?", "founded"},
		{"craft-network-feedback.yaml", "What sort of businesses are in the network?", "trades"},
		{"craft-network-feedback.yaml", "How many member firms are there?", "members"},
		{"craft-network-feedback.yaml", "Where in the Midlands are you based?", "office"},
		{"craft-network-feedback.yaml", "How many of you work in the office?", "staff"},
		{"craft-network-feedback.yaml", "How much is membership?", "fees"},
		{"complaint-boiler-school.yaml", "How old's the boiler, roughly?", "boiler"},
		{"complaint-boiler-school.yaml", "How big is the school?", "school"},
		{"complaint-boiler-school.yaml", "What dates were the visits booked for?", "appointments"},
		{"inbound-intern-request.yaml", "How many students do you have on the programme?", "young-people"},
		{"inbound-intern-request.yaml", "Who's your director at the Trust?", "manager"},
		{"inbound-intern-request.yaml", "What should the date have been?", "date"},
		{"not-a-fit-translator.yaml", "What kind of translation work do you do?", "business"},
		{"not-a-fit-translator.yaml", "How many of you are there?", "team"},
		{"not-a-fit-translator.yaml", "Do you run any vans at all?", "vans"},
		{"recruiting-startup.yaml", "What exactly does Parcelwise make?", "product"},
		{"recruiting-startup.yaml", "How many developers have you got?", "team-size"},
		{"recruiting-startup.yaml", "What languages do your engineers code in?", "stack"},
		{"recruiting-startup.yaml", "Who runs the business side?", "cofounder"},
	} {
		sc := loadShipped(t, tt.file)
		for _, seed := range handSeeds {
			_, p := handPlay(t, tt.file, seed, sc.Realism.Setup...)
			r := mustRespond(t, p, tt.say)
			if kind, fact := p.ReplyKind(); fact != tt.fact || kind != openline.ReplyAnswer && kind != openline.ReplyDeflect {
				t.Errorf("%s, seed %d: %q got %s %s (%q), want fact %s", tt.file, seed, tt.say, kind, fact, r.Text, tt.fact)
			}
		}
	}
}
