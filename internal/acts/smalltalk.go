package acts

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// AsksHowAreYou reports whether text asks how the listener is: a
// howAreYou phrase (the earliest in the turn) followed by at most four
// more words in its sentence, none of them pointing at something said or
// at the person's feelings about it ("Wie geht es Ihnen heute?", but not
// "How are things going in your business right now?", "How is it going
// with staff?" or "Wie geht es Ihnen persönlich damit?").
func AsksHowAreYou(text string) bool { return asksHowAreYou(strings.ToLower(text)) }

// asksHowAreYou is AsksHowAreYou of a text already lower-cased.
func asksHowAreYou(lower string) bool {
	if !howAreYouSaid.in(lower) {
		return false // none of the phrases: the search below finds none either
	}
	at, phrase := -1, ""
	for _, ph := range howAreYou {
		if i := strings.Index(lower, ph); i >= 0 && (at < 0 || i < at) && !letterAt(lower, i+len(ph)) {
			at, phrase = i, ph
		}
	}
	if at < 0 {
		return false
	}
	rest := lower[at+len(phrase):]
	if j := strings.IndexAny(rest, ".?!;"); j >= 0 {
		rest = rest[:j]
	}
	words := strings.Fields(rest)
	if len(words) > 0 && slices.Contains(topicPrepositions, strings.Trim(words[0], ",;:")) {
		return false // "How is it going with staff?", "Wie läuft es mit den Azubis?"
	}
	return len(words) <= 4 && !containsAny(rest, notSmallTalk)
}

// topicPrepositions, right after a "how are you" phrase, turn it to a
// matter of its own.
var topicPrepositions = []string{"with", "at", "in", "mit", "bei", "beim", "im", "in"}

// howAreYou are phrases asking how the listener is, both languages.
var howAreYou = []string{"wie geht", "geht es ihnen", "geht's", "wie ist ihr tag", "wie war ihr tag", "wie läuft ihr tag", "wie ist dein tag", "wie war dein tag",
	"wie war ihre woche", "wie läuft ihre woche", "wie ist ihre woche", "how's your week", "how is your week", "how has your week", "how was your week",
	"how are you", "how's it going", "how is it going", "how are things", "how's your day", "how is your day", "how has your day", "how was your day"}

// howAreYouSaid is howAreYou for finding any of them in one scan.
var howAreYouSaid = substringsOf(howAreYou)

// notSmallTalk are words that make a "how are you" a question about the
// matter at hand.
var notSmallTalk = []string{"persönlich", "damit", "dabei", "dazu", "selbst", "finden", "personally", "yourself", "finding", "all that", "with that", "about it", "about that", "with it"}

// MentionsSmallTalk reports whether text touches a topic of small talk (the
// weather, the weekend, holidays) or remarks on the listener's day and
// surroundings (observesDay), in either language.
func MentionsSmallTalk(text string) bool {
	return smallTalkSaid.in(strings.ToLower(text)) || observesDay(phrase(text))
}

// smallTalkOf reports whether text, prepared as p (phrase(text)), is small
// talk: it asks how the listener is or names a topic of small talk
// (Turn.SmallTalk).
func smallTalkOf(text string, p phrased) bool {
	lower := strings.ToLower(text)
	return asksHowAreYou(lower) || smallTalkSaid.in(lower) || observesDay(p)
}

// Small talk is often no question but a remark on the listener's day, put
// as a guess or a wish, with or without a tag ("Vor den Feiertagen ist es
// bei Ihnen bestimmt hektisch, oder?", "Bristol's been soaked all week,
// hasn't it?", "Sounds like the saws are going full tilt there!"). Its
// words, whole and folded:
var (
	// dayTopics are small talk by themselves: the weather, the time of
	// year, the noise around the listener, the traffic they are in.
	dayTopics = phrases("regen", "regnet", "regnerisch", "verregnet", "sonnig", "sonnenschein", "schnee", "schneit", "eisig", "glatteis",
		"nebel", "neblig", "gewitter", "stuermisch", "schwuel", "grau draussen", "so grau", "so kalt", "ziemlich kalt", "eiskalt",
		"so warm", "so heiss", "feiertag", "feiertage", "feiertagen",
		"weihnachten", "weihnachtszeit", "vorweihnachtszeit", "ostern", "silvester", "brueckentag", "wochenstart", "wochenanfang",
		"ganz schoen laut", "ziemlich laut", "so laut", "sehr laut", "laut bei ihnen", "laerm", "krach bei ihnen", "im stau", "stau",
		"seit der nacht", "seit dem morgengrauen", "so nass", "genauso nass", "schulferien", "advent", "adventszeit",
		"weihnachtsmarkt", "weihnachtlich",
		"ist viel los", "viel los heute", "viel los bei ihnen", "ganz schoen kalt", "ganz schoen warm", "ganz schoen nass", "kalt draussen", "warm draussen", "nass draussen",
		"rain", "raining", "rainy", "rained", "sunny", "sunshine", "snow", "snowing", "snowy", "freezing", "chilly", "drizzle", "foggy",
		"stormy", "windy", "soaked", "so grey", "as grey", "grey today", "so cold", "bitterly cold", "so warm", "so hot", "holidays", "christmas", "xmas", "easter", "festive",
		"bank holiday", "so loud", "quite loud", "noisy", "racket", "full tilt", "flat out", "thick of it", "off your feet", "traffic",
		"stuck in traffic", "since dawn", "up early", "sounds busy", "sounds hectic", "sounds mad", "at your end",
		"so wet", "as wet", "wet today", "wet there", "half term", "half-term", "school holidays", "christmas market", "christmassy",
		"lovely day", "lovely morning", "nice day for it", "beautiful day", "gorgeous day", "glorious day",
		"cold outside", "cold out there", "warm outside", "hot outside", "wet outside",
		// more weather, both ways: "Manchester's been soaking all week",
		// "es ist ja glatt heute", "It's been grim here"
		"soaking", "pouring", "pouring down", "tipping down", "chucking it down", "downpour", "heatwave", "heat wave", "frosty", "icy roads",
		"been grim", "grim here", "grim out", "grim up", "miserable out", "spring finally", "spring has", "summer finally",
		"glatt heute", "so glatt", "ist glatt", "glaette", "hitze", "so eine hitze", "schmuddelwetter", "frost", "gefroren", "friert",
		"fruehling endlich", "endlich fruehling",
		// the road there and back: "Did you get home alright after the
		// show?", "roadworks on the A38", "Fahren Sie vorsichtig"
		"roadworks", "road works", "motorway", "the commute", "your commute", "get home", "got home", "home alright", "home all right",
		"safe journey", "drive safely", "drive carefully", "the journey", "train was", "trains were",
		"autobahn", "fahren sie vorsichtig", "fahren sie bitte vorsichtig", "gut nach hause", "gut heimgekommen", "gut angekommen", "heimweg", "anfahrt",
		// the game: "Haben Sie gestern das Spiel gesehen?"
		"das spiel gesehen", "spiel gestern", "gestern das spiel", "fussball", "bundesliga", "the match", "the game last night", "the football",
		"the cricket", "the rugby", "premier league", "world cup",
		// what is heard from their place: "man hört die Lkw ja bis hierher"
		"bis hierher", "hear it from here", "hear them from here",
		// how the place or the week treats them: "How's Manchester treating you?"
		"treating you", "been treating you",
		// what their place smells of ("Riecht es bei Ihnen schon nach
		// Tannengrün?", "Smells like fresh oak from here"), and their feet
		// after a long day ("Did your feet ever recover from the fair?")
		"riecht es", "riecht's", "riechts", "duftet es", "duftet's", "riecht nach", "duftet nach", "riecht bei ihnen", "duftet bei ihnen",
		"smells of", "smell of", "smells like", "smelling of", "smells lovely", "smells good",
		"your feet", "your legs", "ihre fuesse", "ihre beine", "die fuesse", "den fuessen",
		// what is heard around them: "Is that a saw I can hear?", "Ich hör
		// den Blinker", "Bellt da ein Hund?", "Sounds like you're in the car"
		"i can hear", "can i hear", "can hear", "hoere ich da", "hoer ich da", "hoere ich den", "hoer ich den", "hoer den", "hoere den",
		"hoer die", "hoere die", "hoert man", "hoert sich an als", "hoert sich an wie", "klingt als waeren sie", "klingt als ob",
		"sounds like you're", "sounds like you are", "sounds like there's", "sounds like a party", "bellt", "barking", "hund bei ihnen",
		"blinker", "im auto", "in the car", "am steuer", "behind the wheel", "telefon klingelt", "klingelt das telefon",
		"klingelt bestimmt", "klingelt ja", "phone ringing", "phones ringing", "phone's ringing", "phone's been ringing",
		"richtig betrieb", "hoelle los", "party going on", "break time", "playground", "pausenhof",
		// their first coffee, their lunch, their evening off
		"ersten kaffee", "kaffee gehabt", "kaffee schon", "first coffee", "coffee yet", "cup of tea", "cuppa", "mittagspause", "lunch break",
		"lunch yet", "feierabend", "brotzeit",
		// the traffic and the weather in other words
		"verkehr", "kaum voran", "as grim", "so grim", "this time of year", "diese jahreszeit", "um die jahreszeit",
		"sonne", "the sun", "sun's out", "sun is out", "fruehlingsmodus", "fruehlingsgefuehle",
		// the place's days of note: "bald ist ja Muttertag", "Gehen Sie
		// zum Plärrer?", "the Balloon Fiesta", "the nativity play"
		"muttertag", "vatertag", "pfingsten", "himmelfahrt", "mother's day", "father's day", "halloween", "bonfire night",
		"kirmes", "kerb", "kirchweih", "plaerrer", "dult", "wasen", "karneval", "fasching", "fastnacht", "rosenmontag",
		"flohmarkt", "weinmarkt", "jahrmarkt", "konzert", "festival", "fiesta", "fete", "carnival", "parade", "marathon", "fireworks",
		"feuerwerk", "county show", "nativity", "school play", "sports day",
		// the local team: "Hat der FCA am Samstag gewonnen?"
		"am samstag gewonnen", "am sonntag gewonnen", "am wochenende gewonnen", "gestern gewonnen", "wieder gewonnen", "wieder verloren",
		"win at the weekend", "win on saturday", "win last night", "won at the weekend", "won on saturday", "lost again", "won again",
		"heimspiel", "spieltag", "aufgestiegen", "abgestiegen", "promotion race", "bvb", "fca", "fcb")
	// dayGuesses and busyWords make a remark on the listener's day: a
	// guess or a wish ("bestimmt", "I bet", "sounds like", "ich hoffe")
	// about how busy it is or how it went.
	dayGuesses = phrases("bestimmt", "sicher", "sicherlich", "hoffentlich", "ich hoffe", "klingt", "i bet", "must be", "i imagine",
		"sounds like", "i hope", "hope you", "hope the", "hope your")
	busyWords = phrases("hektisch", "stressig", "trubel", "viel los", "viel betrieb", "viel zu tun", "hectic", "busy", "mad", "manic", "quiet",
		"ruhig", "ruhiger", "ruhigen", "anrufe wie meinen", "calls like mine",
		// how the day or week has treated them: "Hope the week's been kind to you"
		"the week's been", "the day's been", "week's been kind", "been kind to you", "woche gut", "guten start", "good start",
		// the season's rush: "Jetzt im Frühling haben Sie bestimmt alle Hände voll zu tun"
		"alle haende voll", "haende voll zu tun", "ordentlich betrieb", "ordentlich was los", "ordentlich zu tun", "hands full", "run off your feet", "rushed off")
	// around are the words that place a sounds-like remark in the
	// listener's day or place: "Das klingt, als hätten Sie heute …",
	// "Sounds like … there!"
	around = phrases("heute", "today", "this morning", "heute morgen", "over there")
)

// observesDay reports a remark on the listener's day (see above): a day
// topic, or a guess or wish about how busy it is, or a sounds-like remark
// placed in their day. p is the text prepared by phrase.
func observesDay(p phrased) bool {
	if p.any(dayTopics) || namesRoad(p) || namesFest(p) {
		return true
	}
	if !p.any(dayGuesses) {
		// "Busy week at TradeLink?", "Viel los heute?": a few words on
		// how busy they are is a guess without its "bestimmt".
		return p.any(busyWords) && len(strings.Fields(string(p))) <= shortRemarkWords
	}
	return p.any(busyWords) || (p.has(sounds) || p.has(klingt)) && (p.any(around) || strings.HasSuffix(string(p), " there "))
}

var sounds, klingt = phrase("sounds like"), phrase("klingt")

// namesRoad reports whether p names a road by its number, the traffic
// on it being small talk: "roadworks on the A38", "Die A1 war dicht".
func namesRoad(p phrased) bool {
	prev := ""
	for _, w := range p.words() {
		if len(w) >= 2 && len(w) <= 4 && strings.ContainsRune("abmn", rune(w[0])) && strings.Trim(w[1:], "0123456789") == "" && roadLeads[prev] {
			return true
		}
		prev = w
	}
	return false
}

// namesFest reports whether p names a fair of the town by a German
// compound of "fest" ("Stadtfest", "Mainuferfest", "Schützenfest").
func namesFest(p phrased) bool {
	for _, w := range p.words() {
		if len(w) >= len("weinfest") && strings.HasSuffix(w, "fest") && w != "manifest" {
			return true
		}
	}
	return false
}

// roadLeads stand before a road's number.
var roadLeads = set([]string{"the", "on", "off", "der", "die", "auf", "ueber"})

// shortRemarkWords is the most words a remark on how busy they are takes
// without a word of guessing.
const shortRemarkWords = 5

// smallTalkTopics are words of small talk, both languages.
var smallTalkTopics = []string{"wetter", "wochenende", "urlaub", "ferien", "weather", "weekend", "holiday", "vacation",
	// how the other person sounds or what is heard around them
	"sie klingen", "klingen sie", "you sound", "im hintergrund", "in the background", "auf den beinen", "on your feet"}

var smallTalkSaid = substringsOf(smallTalkTopics)

// letterAt reports whether a letter starts at byte i of s, so that a phrase
// ending there is only part of a word ("wie ist ihr tag" in "wie ist ihr
// tagesgeschäft").
func letterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i < len(s) && unicode.IsLetter(r)
}
