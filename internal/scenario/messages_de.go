package scenario

// german holds the German text of every message of the package, keyed by
// its English format (messages.go). The verbs of each text are those of
// its key, in the same order or numbered (%[2]s); messages_test.go checks
// that every format of the package is here and that the verbs agree.
var german = map[string]string{
	// Reading the file.
	"too many errors; stopped after %d": "zu viele Fehler; nach %d abgebrochen",
	"YAML syntax error: %s":             "YAML-Syntaxfehler: %s",
	"YAML syntax error: %s%s":           "YAML-Syntaxfehler: %s%s",
	"YAML parser failed: %v":            "Der YAML-Parser ist gescheitert: %v",
	"file is empty; a scenario file is a YAML mapping with the keys %s":                                          "Die Datei ist leer; eine Szenariodatei ist eine YAML-Zuordnung mit den Schlüsseln %s",
	"a second YAML document: a file holds exactly one scenario (remove the \"---\" separator or split the file)": "ein zweites YAML-Dokument: eine Datei enthält genau ein Szenario (entfernen Sie den Trenner „---“ oder teilen Sie die Datei)",
	"YAML aliases (*%s) are not supported in scenario files; write the value out":                                "YAML-Aliase (*%s) gehen in Szenariodateien nicht; schreiben Sie den Wert aus",
	"nested more than %d levels deep; a scenario file needs only a few levels":                                   "mehr als %d Ebenen tief verschachtelt; eine Szenariodatei braucht nur wenige Ebenen",
	"file is %d bytes; a scenario file may be at most %d bytes (1 MiB)":                                          "Die Datei hat %d Bytes; eine Szenariodatei darf höchstens %d Bytes (1 MiB) haben",
	"file is not valid UTF-8 text":                               "Die Datei ist kein gültiger UTF-8-Text",
	"nested too deeply (%s); a scenario needs only a few levels": "zu tief verschachtelt (%s); ein Szenario braucht nur wenige Ebenen",
	" (a tab indents this line; YAML indents with spaces)":       " (ein Tabulator rückt diese Zeile ein; YAML rückt mit Leerzeichen ein)",

	// Keys and values.
	"%s must be a mapping (key: value lines), got %s":                               "%s muss eine Zuordnung sein (Zeilen schlüssel: wert), nicht %s",
	"keys in %s must be plain names, got %s":                                        "Schlüssel in %s müssen einfache Namen sein, nicht %s",
	"duplicate key %q in %s (first at line %d)":                                     "Schlüssel %q kommt in %s doppelt vor (zuerst in Zeile %d)",
	"unknown key %q in %s%s; allowed: %s":                                           "unbekannter Schlüssel %q in %s%s; erlaubt: %s",
	"%s: missing required key %q":                                                   "%s: der Pflichtschlüssel %q fehlt",
	"%s must be a string, got %s":                                                   "%s muss ein Text sein, nicht %s",
	"%s must be a string, got a value tagged %s":                                    "%s muss ein Text sein, nicht ein Wert mit dem Tag %s",
	"%s must not be empty":                                                          "%s darf nicht leer sein",
	"%s must be between %d and %d, got %d":                                          "%s muss zwischen %d und %d liegen, nicht %d",
	"%s is out of range: %s":                                                        "%s liegt außerhalb des erlaubten Bereichs: %s",
	"%s must be an integer, got %s":                                                 "%s muss eine ganze Zahl sein, nicht %s",
	"%s must be true or false, got %s":                                              "%s muss true oder false sein, nicht %s",
	"%s must be a list, got %s":                                                     "%s muss eine Liste sein, nicht %s",
	"%s must not be an empty list":                                                  "%s darf keine leere Liste sein",
	"%s: empty item":                                                                "%s: leerer Eintrag",
	"%s: repeats a reveal line; a follow-up tells something new":                    "%s: wiederholt eine reveal-Zeile; eine Nachfrage erzählt etwas Neues",
	"unknown dialogue act %q%s; acts: %s":                                           "unbekannter Gesprächsakt %q%s; Gesprächsakte: %s",
	"%s must be one of %s, got %q%s":                                                "%s muss eines von %s sein, nicht %q%s",
	"invalid %s %q: use %s, starting with a letter or digit, at most %d characters": "%s %q ist ungültig: erlaubt sind %s, am Anfang ein Buchstabe oder eine Ziffer, höchstens %d Zeichen",
	"duplicate %s %q (first at line %d)":                                            "%s %q kommt doppelt vor (zuerst in Zeile %d)",
	"%s has no value":                                                               "%s hat keinen Wert",
	"invalid tts_voice %q: a speech server's voice name, e.g. alloy or af_bella+af_sky: letters, digits and _ . : + -, at most 64 characters": "ungültige tts_voice %q: der Name einer Stimme des Sprachservers, z. B. alloy oder af_bella+af_sky: Buchstaben, Ziffern und _ . : + -, höchstens 64 Zeichen",

	// Persona, needs, objections, proposals, realism.
	"%s: deflect needs private: true (a fact that is told is never deflected)":                       "%s: deflect braucht private: true (ein Fakt, der erzählt wird, wird nie abgewehrt)",
	"unknown reply kind %q%s; kinds: %s":                                                             "unbekannte Antwortart %q%s; Antwortarten: %s",
	"%s: answered_by needs answered, the lines the persona says when the objection is answered well": "%s: answered_by braucht answered, die Sätze, die die Persona sagt, wenn der Einwand gut beantwortet ist",
	"act %q is in both acts and unless, so the rule can never match":                                 "der Gesprächsakt %q steht in acts und in unless, also greift die Regel nie",

	// The dialogue.
	"states must be a mapping from state name to state, got %s":               "states muss eine Zuordnung von Zustandsnamen zu Zuständen sein, nicht %s",
	"states must not be empty":                                                "states darf nicht leer sein",
	"state names must be plain names, got %s":                                 "Zustandsnamen müssen einfache Namen sein, nicht %s",
	"%s has no value; write {} for a state without rules":                     "%s hat keinen Wert; schreiben Sie {} für einen Zustand ohne Regeln",
	"voice must be %q or left out (the persona speaks), got %q":               "voice muss %q sein oder fehlen (dann spricht die Persona), nicht %q",
	"voice %q needs a gatekeeper in the scenario":                             "voice %q braucht einen gatekeeper im Szenario",
	"say must not be an empty list; leave it out for the engine's own reply":  "say darf keine leere Liste sein; lassen Sie es weg, dann antwortet die Engine selbst",
	"a rule cannot both hang up and agree a next step":                        "eine Regel kann nicht zugleich auflegen und einen nächsten Schritt vereinbaren",
	"the gatekeeper never speaks: give at least one dialogue state voice: %s": "der gatekeeper spricht nie: geben Sie mindestens einem Zustand des Dialogs voice: %s",
	"state %q cannot be reached from the start state %q: no goto leads to it": "der Zustand %q ist vom Startzustand %q aus nicht erreichbar: kein goto führt zu ihm",
	"unknown %s %q%s; %s": "%s %q gibt es nicht%s; %s",

	// Scoring and tests.
	"weight %s must be a number, got %s":                                    "das Gewicht %s muss eine Zahl sein, nicht %s",
	"weight %s must be between 0 and %g, got %s":                            "das Gewicht %s muss zwischen 0 und %g liegen, nicht %s",
	"next_step %q contradicts outcome %q (a next step ends the call as %q)": "next_step %q widerspricht outcome %q (ein nächster Schritt beendet den Anruf als %q)",
	"%s must be a range [min, max] of two integers, got a list of %d":       "%s muss ein Bereich [min, max] aus zwei ganzen Zahlen sein, nicht eine Liste mit %d",
	"%s must be a range [min, max] of two integers, got %s":                 "%s muss ein Bereich [min, max] aus zwei ganzen Zahlen sein, nicht %s",
	"%s range [%d, %d] must satisfy 0 <= min <= max <= %d":                  "der Bereich %s [%d, %d] muss 0 <= min <= max <= %d erfüllen",

	// Phrases: what a value is, a suggestion, lists.
	"a mapping":           "eine Zuordnung",
	"a list":              "eine Liste",
	"an alias":            "ein Alias",
	"nothing":             "nichts",
	" (did you mean %q?)": " (gemeint: %q?)",
	"none are defined":    "es gibt keine",
	"known: %s":           "bekannt: %s",
	"%s, … (%d more)":     "%s, … (%d weitere)",

	// The names of places in the file.
	"state %q":     "Zustand %q",
	"%s rules[%d]": "%s rules[%d]",
	"%s item":      "Eintrag von %s",

	// Terms: the kinds of names.
	"scenario id":                            "Szenario-id",
	"need id":                                "id eines Bedürfnisses",
	"objection id":                           "id eines Einwands",
	"fact key":                               "Schlüssel eines Fakts",
	"state name":                             "Name eines Zustands",
	"state":                                  "Zustand",
	"proposal kind":                          "Art eines Vorschlags",
	"test name":                              "Name eines Tests",
	"need":                                   "Bedürfnis",
	"objection":                              "Einwand",
	"fact":                                   "Fakt",
	"lowercase letters, digits and '-'":      "Kleinbuchstaben, Ziffern und „-“",
	"lowercase letters, digits, '-' and '_'": "Kleinbuchstaben, Ziffern, „-“ und „_“",
}

// germanYAML holds the German of the YAML library's commonest syntax
// messages, which follow "YAML syntax error: "; others stay English.
var germanYAML = map[string]string{
	"did not find expected key":                                    "erwarteter Schlüssel fehlt (ist die Zeile richtig eingerückt?)",
	"did not find expected ',' or ']'":                             "„,“ oder „]“ fehlt",
	"did not find expected ',' or '}'":                             "„,“ oder „}“ fehlt",
	"did not find expected '-' indicator":                          "„-“ eines Listeneintrags fehlt",
	"did not find expected node content":                           "ein Wert fehlt",
	"did not find expected alphabetic or numeric character":        "ein Buchstabe oder eine Ziffer fehlt",
	"did not find expected comment or line break":                  "nach dem Wert darf nur ein Kommentar oder das Zeilenende stehen",
	"could not find expected ':'":                                  "„:“ fehlt",
	"mapping values are not allowed in this context":               "ein „schlüssel: wert“ ist hier nicht erlaubt (fehlen Anführungszeichen um einen Text mit „: “?)",
	"block sequence entries are not allowed in this context":       "ein Listeneintrag „- “ ist hier nicht erlaubt",
	"found character that cannot start any token":                  "ein Zeichen, mit dem nichts beginnen kann (ein Tabulator oder ein @ am Anfang eines Werts?)",
	"found a tab character that violates indentation":              "ein Tabulator verletzt die Einrückung",
	"found a tab character where an indentation space is expected": "ein Tabulator, wo ein Leerzeichen der Einrückung stehen muss",
	"found unexpected end of stream":                               "die Datei endet unerwartet (fehlt ein schließendes Anführungszeichen oder eine Klammer?)",
	"found unknown escape character":                               "unbekanntes Escape-Zeichen nach „\\“",
	"control characters are not allowed":                           "Steuerzeichen sind nicht erlaubt",
}
