package acts

import "github.com/openline/openline/internal/openline"

// OffersToLeave reports whether text offers to leave the listener alone
// ("Would it be all right if I took you off the list and left you in
// peace?", "Soll ich Sie dann in Ruhe lassen?"): a goodbye put as a
// question, which a person meets with a goodbye, not with "why do you
// ask?". Added by the scripted prospect's work on issue 9.
func OffersToLeave(lang openline.Language, text string) bool {
	return phrase(text).loose().any(leaveAlone[lang])
}

var leaveAlone = map[openline.Language][]phrased{
	// The list named with the one taken off it: "Welche Produkte von der
	// Liste …?" asks about the list, it offers to leave nobody.
	openline.German: loosePhrases("in ruhe lassen", "in ruhe arbeiten lassen", "sie von der liste", "sie von unserer liste", "sie aus der liste", "sie aus unserer liste",
		"von der liste nehmen", "von unserer liste nehmen", "von der liste streichen", "von unserer liste streichen", "aus der liste streichen", "aus unserer liste streichen",
		"nicht mehr stören", "nicht weiter stören", "nicht länger stören", "nicht mehr anrufen", "nicht wieder anrufen"),
	openline.English: loosePhrases("leave you in peace", "leave you alone", "left you in peace", "left you alone", "take you off", "took you off",
		"you off our list", "you off the list", "won't bother you", "not bother you again", "stop bothering you", "won't call again", "not call again",
		"let you get on", "let you go"),
}

// AsksToPassOn reports whether text asks the listener to pass a message
// on to someone ("Könnten Sie ihm ausrichten, dass ich angerufen habe?",
// "Could you let her know I called?"): what a gatekeeper does as a matter
// of course. Added by the scripted prospect's work on issue 9.
func AsksToPassOn(lang openline.Language, text string) bool {
	return phrase(text).loose().any(passOn[lang])
}

// passOn are the ways of asking the listener to carry words to someone
// else: a verb of passing on ("ausrichten", "pass on", "weitergeben"), a
// message left or taken for someone, or telling him or her. A message or
// "that I rang" alone carries nothing: "Ich hatte ihm eine Nachricht
// geschickt, ist die angekommen?", "Did he get the email that I rang
// about?".
var passOn = map[openline.Language][]phrased{
	openline.German: loosePhrases("ausrichten", "ausrichtet", "weitergeben", "weiterleiten", "bescheid geben", "bescheid sagen", "nachricht hinterlassen",
		"nachricht hinterlegen", "nachricht für ihn", "nachricht für ihr", "nachricht an ihn", "nachricht an sie weiter", "notiz hinlegen", "zettel hinlegen",
		"ihm sagen", "ihr sagen", "ihm mitteilen", "ihr mitteilen", "sagen sie ihm", "sagen sie ihr", "sag ihm", "sag ihr"),
	openline.English: loosePhrases("pass on", "pass it on", "pass that on", "pass a message", "leave a message", "take a message", "let him know", "let her know",
		"let them know", "tell him i", "tell her i", "tell him that", "tell her that", "message for him", "message for her", "give him a message",
		"give her a message", "give him the message", "give her the message"),
}
