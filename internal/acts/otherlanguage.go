package acts

import (
	"strings"
	"unicode"

	"github.com/openline/openline/internal/openline"
)

// This file reads a turn in a third language written in Latin letters —
// French, Turkish, Spanish, Italian, Dutch, Polish — which Foreign, knowing
// only German and English words, takes for the call's language ("Bonjour,
// est-ce que je pourrais parler au responsable ?", "Merhaba, nasılsınız?").
// A person on the phone answers it as any language they do not speak.
// Added as a file of its own for the scripted prospect (issue 9's bad
// input); Foreign is unchanged.

// thirdWords are frequent words of those languages that are no German or
// English words ("du", "es", "nie", "mais", "ben", "per", "dank" left out).
var thirdWords = wordSet(
	// French
	"je", "vous", "est", "les", "des", "une", "pour", "avec", "plaît", "bonjour", "merci", "oui", "pas", "c'est", "qui", "que",
	"nous", "êtes", "suis", "pourrais", "parler", "le", "la", "et", "très", "bien", "votre", "notre", "monsieur", "madame", "s'il", "ce",
	// Turkish
	"merhaba", "bir", "ve", "bu", "için", "var", "mı", "mi", "mu", "mü", "nasıl", "siz", "sizin", "teşekkür", "teşekkürler", "evet",
	"hayır", "değil", "çok", "biz", "ne", "ile", "gibi", "iyi", "günler", "lütfen", "nasılsınız", "biraz",
	// Spanish
	"hola", "usted", "por", "favor", "gracias", "el", "los", "las", "una", "está", "qué", "cómo", "buenos", "días", "señor", "señora",
	"muy", "pero", "para", "tiene", "puedo", "hablar", "estoy",
	// Italian
	"buongiorno", "ciao", "grazie", "sono", "che", "il", "della", "di", "è", "sì", "lei", "signore", "vorrei", "parlare", "questo", "molto", "bene",
	// Dutch
	"goedendag", "goedemorgen", "ik", "het", "een", "wij", "jullie", "bent", "heeft", "hebben", "graag", "bedankt", "alstublieft", "spreken",
	"meneer", "mevrouw", "wat",
	// Polish
	"dzień", "dobry", "jest", "tak", "czy", "pani", "proszę", "dziękuję", "się", "że", "jak", "mam", "pana",
)

// ThirdLanguage reports whether text is in a language other than German
// and English: at least two words of thirdWords, and more than twice as
// many as of lang's own frequent words.
func ThirdLanguage(lang openline.Language, text string) bool {
	own, third := 0, 0
	for w := range strings.FieldsFuncSeq(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		switch {
		case languageWords[lang][w]:
			own++
		case thirdWords[w]:
			third++
		}
	}
	return third >= 2 && third > 2*own
}
