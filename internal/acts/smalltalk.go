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

// notSmallTalk are words that make a "how are you" a question about the
// matter at hand.
var notSmallTalk = []string{"persönlich", "damit", "dabei", "dazu", "selbst", "finden", "personally", "yourself", "finding", "all that", "with that", "about it", "about that", "with it"}

// MentionsSmallTalk reports whether text touches a topic of small talk (the
// weather, the weekend, holidays), in either language.
func MentionsSmallTalk(text string) bool { return smallTalkSaid.in(strings.ToLower(text)) }

// smallTalk reports whether text is small talk: it asks how the listener
// is or names a topic of small talk (Turn.SmallTalk).
func smallTalk(text string) bool {
	lower := strings.ToLower(text)
	return asksHowAreYou(lower) || smallTalkSaid.in(lower)
}

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
