package acts

import "strings"

// The senses of Senses (senses.go): what business calls ask a person about,
// with the words and phrases of both languages that name each. A word of
// weight 2 names its sense outright ("Umsatz", "payroll"); one of weight 1
// only hints at it ("machen", "work", "im Jahr").

type sense uint8

const (
	sStaff sense = iota
	sClients
	sMembers
	sOrg
	sSize
	sLocation
	sPremises
	sShops
	sProducts
	sSector
	sRole
	sBoss
	sFounding
	sMoney
	sPay
	sPayroll
	sAppointment
	sCalls
	sEvent
	sTools
	sStack
	sFamily
	sFirstName
	sName
	sAvailable
	sContact
	sVehicles
	numSenses
)

type senseSet uint32

func senseOf(s sense) senseSet { return 1 << s }

// senseLexicon lists, per sense, its words (weight 2, or 1 after a "~")
// and its phrases (several words).
var senseLexicon = [numSenses][]string{
	sStaff: {"mitarbeiter", "mitarbeiterin", "mitarbeiterinnen", "mitarbeitende", "mitarbeitenden", "angestellte", "angestellten", "beschaeftigte", "beschaeftigten", "arbeitnehmer", "arbeitskraefte", "belegschaft", "personal",
		"leute", "kollegen", "kollegin", "kolleginnen", "team", "kraft", "kraefte", "fachkraft", "fachkraefte", "pflegekraft", "pflegekraefte", "mannschaft",
		"gesellen", "schweisser", "floristin", "floristinnen", "entwickler", "programmierer", "ingenieur", "ingenieure", "azubi", "azubis",
		"lehrling", "lehrlinge", "pfleger", "pflegerin", "schreiner", "tischler", "examiniert", "examinierte",
		"staff", "employee", "employees", "lads", "workers", "personnel", "people", "team", "colleague", "colleagues", "crew", "headcount", "workforce",
		"engineer", "engineers", "developer", "developers", "devs", "programmers", "reps", "salespeople", "joiner", "joiners",
		"fitter", "fitters", "apprentice", "apprentices", "nurse", "nurses", "florist", "florists",
		"haende", "hands",
		"~arbeiten", "~arbeitet", "~beschaeftigen", "~work", "~works", "~employ"},
	sClients: {"kunden", "kunde", "kundschaft", "klienten", "patienten", "patientin", "patientinnen", "schueler", "schuelerinnen", "jugendliche", "jugendlichen",
		"teilnehmer", "teilnehmerinnen", "kinder", "bewohner", "gaeste", "betreuen", "betreut", "versorgen", "versorgt",
		"customer", "customers", "client", "clients", "patient", "patients", "pupil", "pupils", "student", "students", "children", "kids", "participant", "participants",
		"young people", "youngsters", "teenagers", "teens", "work with", "working with", "arbeiten mit", "~serve", "~support"},
	sMembers: {"mitglied", "mitglieder", "mitgliedsbetrieb", "mitgliedsbetriebe", "angeschlossen", "member", "members", "membership", "belong", "belongs", "~dabei"},
	sOrg: {"~firma", "~verein", "~einrichtung", "~stiftung", "~genossenschaft", "~betrieb", "~betriebe", "~unternehmen", "~verbund", "~netzwerk", "~organisation", "~geschaeft", "~dienst", "~agentur", "~baeckerei",
		"~company", "~business", "~firm", "~firms", "~network", "~organisation", "~organization", "~agency", "~outfit", "~outfits", "~trust", "~association", "~charity", "~society", "~cooperative"},
	sSize: {"~gross", "~groesse", "~klein", "~big", "~size", "~small", "~large"},
	sLocation: {"sitz", "standort", "adresse", "gebiet", "stadtteil", "stadtteile", "stadtteilen", "gegend", "ecke", "ecken", "viertel", "region", "ansaessig",
		"based", "location", "address", "area", "whereabouts", "located", "district", "neighbourhood", "~unterwegs", "~ort", "~stadt", "~town", "~city", "which part", "part of"},
	sPremises: {"buero", "geschaeftsstelle", "werkstatt", "halle", "werkhalle", "lager", "zentrale", "backstube", "hof",
		"office", "workshop", "warehouse", "premises", "site", "headquarters", "depot", "yard"},
	sShops: {"filiale", "filialen", "laden", "laeden", "geschaefte", "verkaufsstelle", "verkaufsstellen", "zweigstelle", "zweigstellen", "niederlassung", "branch", "branches", "shop", "shops", "store", "stores", "outlet", "outlets"},
	sProducts: {"produkt", "produkte", "herstellen", "hergestellt", "herstellung", "fertigen", "fertigt", "bauen", "baut", "produzieren", "produziert", "verkaufen", "verkauft",
		"bieten", "anbieten", "entsteht", "entstehen", "binden", "bindet", "erzeugnisse", "fertigung", "backwaren", "backwerk", "gebaeck", "waren", "artikel", "sortiment", "leistungen", "spezialitaet", "bekannt", "backen", "liefern", "uebersetzen",
		"product", "products", "make", "makes", "build", "builds", "produce", "sell", "sells", "supply", "supplies", "range", "services", "speciality", "specialty",
		"goods", "manufacture", "manufactures", "manufacturing", "known for", "famous for", "bekannt fuer", "translate", "~stuff", "~machen", "~macht", "~tun", "~tut", "~do", "~does", "~work"},
	sSector: {"gewerk", "gewerke", "handwerk", "handwerke", "sparte", "trades", "trade", "sector", "sectors", "industry", "industries", "line of work"},
	sRole: {"aufgabe", "aufgaben", "rolle", "funktion", "position", "zustaendig", "kuemmern", "kuemmert", "assistentin", "assistenz", "sekretariat",
		"role", "responsible", "responsibility", "title", "assistant", "look after", "looks after", "in charge of", "~job"},
	sBoss: {"chef", "chefin", "vorgesetzter", "vorgesetzte", "leitung", "leiter", "leiterin", "geschaeftsfuehrer", "geschaeftsfuehrerin", "inhaber", "inhaberin",
		"eigentuemer", "besitzer", "gehoert", "leitet", "boss", "owner", "owns", "manager", "head", "director", "ceo", "runs", "in charge"},
	sFounding: {"gegruendet", "gruendung", "gruender", "angefangen", "aufgebaut", "existiert", "geschichte", "tradition",
		"founded", "founder", "founders", "started", "start", "established", "history", "gibt es", "gibt's", "been going", "been around",
		"am markt", "auf dem markt", "in business", "been trading"},
	sMoney: {"umsatz", "gewinn", "verdienen", "verdient", "marge", "einnahmen", "erloes", "uebrig", "geld", "kosten", "kostet", "zahlen", "zahlt", "preis", "preise",
		"beitrag", "gebuehr", "budget", "etat", "foerdermittel", "ausgeben", "investoren", "finanzierung",
		"finanziell", "finanzen", "financially", "finances", "turn over", "turning over", "turns over",
		"turnover", "revenue", "profit", "profits", "margin", "margins", "earn", "earns", "income", "money", "cost", "costs", "charge", "pay", "fee", "fees",
		"price", "prices", "funding", "spend", "raise", "raised", "investors", "invest", "invested", "valuation",
		"unterm strich", "bleibt haengen", "haengen bleibt", "am jahresende", "lohnt sich das", "left over", "what's left", "at the end of the year", "set aside", "make a year", "im jahr", "pro jahr", "a year", "per year", "~bekommt", "~im monat", "~a month"},
	sPay: {"gehalt", "gehaelter", "lohn", "loehne", "stundenlohn", "tarif", "bezahlung", "verguetung", "provision", "commission", "salary", "salaries", "wage", "wages",
		"take home", "~bekommt", "~bekommen", "~im monat", "~pro monat", "~pro stunde", "~a month", "~per month", "~an hour", "~per hour"},
	sPayroll: {"lohnabrechnung", "abrechnung", "loehne", "buchhaltung", "buchhalterin", "buchhalter", "lohnzettel", "gehaltszettel", "gehaltsabrechnung",
		"payroll", "bookkeeping", "accounts", "payslip", "payslips", "does the wages", "do the wages", "does the payroll", "macht die loehne"},
	sAppointment: {"termin", "termine", "datum", "uhrzeit", "zeitpunkt", "besuch", "date", "dates", "appointment", "appointments", "visit", "booking",
		"~kommen", "~come", "~tag", "~day", "~meant to", "~supposed to"},
	sCalls: {"anruf", "anrufe", "angerufen", "anrufen", "telefonat", "telefonate", "anrufer", "calls", "called", "phoned"},
	sEvent: {"messe", "ausstellung", "veranstaltung", "kennengelernt", "fair", "show", "expo", "exhibition", "event", "conference", "meet", "met"},
	sTools: {"system", "software", "programm", "tool", "tools", "crm", "spreadsheet", "tabelle", "excel", "app", "datenbank", "database", "keep track", "track",
		"keeping track", "keeps track", "kept track", "keep on top", "keeping on top", "stay on top", "staying on top", "ueberblick", "verwalten", "verwaltet", "im blick",
		"~nutzen", "~use", "~using", "~used", "~log", "~logged", "~erfassen", "~erfasst", "~festhalten"},
	sStack: {"stack", "tech", "technology", "language", "languages", "framework", "code", "back end", "backend", "front end", "frontend", "written in", "programmiersprache"},
	sFamily: {"familie", "familienbetrieb", "vater", "mutter", "sohn", "tochter", "onkel", "bruder", "schwester", "schwager", "neffe",
		"family", "father", "dad", "mother", "mum", "son", "daughter", "uncle", "brother", "sister", "cousin", "nephew", "brother-in-law"},
	sFirstName: {"vorname", "vornamen", "rufname", "first name", "christian name", "forename"},
	sName:      {"name", "namen"},
	sAvailable: {"erreichbar", "erreichen", "erreiche", "erwischen", "erwische", "get hold of", "catch him", "catch her", "verfuegbar", "im haus", "im buero", "zu sprechen", "available", "reach", "in the office", "in today", "around today"},
	sContact: {"durchwahl", "nummer", "telefonnummer", "handynummer", "handy", "kontakt", "email", "e-mail", "direkt", "number", "phone number", "mobile", "contact",
		"direct line", "directly", "direkt erreichen", "direkt erreiche"},
	sVehicles: {"fahrzeug", "fahrzeuge", "lkw", "lastwagen", "transporter", "flotte", "fuhrpark", "auto", "autos", "van", "vans", "vehicle", "vehicles", "truck", "trucks",
		"lorry", "lorries", "fleet", "car", "cars", "get around", "~drive", "~fahren", "~faehrt"},
}

type lexEntry struct {
	senses senseSet
	weight int
}

var (
	senseByStem map[string]lexEntry
	// senseBySuffix holds the stems of at least minRelated bytes, for
	// German compounds ("Pflegefachkraft" has the sense of "kraft").
	senseBySuffix map[string]lexEntry
	// sensePhrases are the lexicon's phrases by their first word.
	sensePhrases map[string][]sensePhrase
)

type sensePhrase struct {
	words []string
	entry lexEntry
}

func init() {
	senseByStem, senseBySuffix, sensePhrases = map[string]lexEntry{}, map[string]lexEntry{}, map[string][]sensePhrase{}
	for s, list := range senseLexicon {
		for _, w := range list {
			weight := 2
			if rest, ok := strings.CutPrefix(w, "~"); ok {
				w, weight = rest, 1
			}
			toks := tokenize(w)
			if len(toks) == 0 {
				continue
			}
			if len(toks) > 1 {
				words := make([]string, len(toks))
				for i, t := range toks {
					words[i] = t.s
				}
				sensePhrases[words[0]] = append(sensePhrases[words[0]], sensePhrase{words, lexEntry{senseOf(sense(s)), weight}})
				continue
			}
			st := senseStem(toks[0].s)
			e := senseByStem[st]
			e.senses |= senseOf(sense(s))
			e.weight = max(e.weight, weight)
			senseByStem[st] = e
			// Only nouns head compounds: "Stromanbieter" is no offer.
			if len(st) >= minRelated && weight == 2 && !strings.HasSuffix(w, "en") && !strings.HasSuffix(w, "et") && !strings.HasSuffix(w, "iert") {
				senseBySuffix[st] = e
			}
		}
	}
}

// measureHeads end compounds that count what their first part names
// ("Patientenstamm", "Kundenkreis", "Mitarbeiterzahl"): such a compound
// has the sense of its first part.
var measureHeads = []string{"stamm", "kreis", "zahl", "anzahl", "bestand"}

// regardSuffixes make an adverb of respect from a noun: "gewinnmäßig",
// "money-wise".
var regardSuffixes = []string{"maessig", "maessige", "wise"}

// senseOfWord returns the senses of a stem and their weight: its own, or
// those of the longest lexicon stem it ends with (a compound's head), or
// for a compound of a measure those of its first part.
func senseOfWord(st string) (senseSet, int) {
	if e, ok := senseByStem[st]; ok {
		return e.senses, e.weight
	}
	// "gewinnmäßig", "personalmäßig", "money-wise", "staffwise": with
	// respect to what their first part names.
	for _, suf := range regardSuffixes {
		if first, ok := strings.CutSuffix(st, suf); ok && len(first) >= minRelated-1 {
			first = strings.TrimSuffix(first, "-")
			if e, ok := senseByStem[senseStem(first)]; ok {
				return e.senses, e.weight
			}
		}
	}
	for _, h := range measureHeads {
		if first, ok := strings.CutSuffix(st, h); ok && len(first) >= minRelated {
			if e, ok := senseByStem[senseStem(first)]; ok && e.weight == 2 {
				return e.senses, e.weight
			}
		}
	}
	for k := 1; len(st)-k >= minRelated; k++ {
		if e, ok := senseBySuffix[st[k:]]; ok {
			return e.senses, e.weight
		}
	}
	return 0, 0
}

// phraseAt returns the length, senses and weight of the longest lexicon
// phrase starting at toks[i], or 0.
func phraseAt(toks []token, i int) (int, senseSet, int) {
	best, sv, w := 0, senseSet(0), 0
	for _, p := range sensePhrases[toks[i].s] {
		if len(p.words) <= best || i+len(p.words) > len(toks) {
			continue
		}
		ok := true
		for k, pw := range p.words {
			if toks[i+k].s != pw {
				ok = false
				break
			}
		}
		if ok {
			best, sv, w = len(p.words), p.entry.senses, p.entry.weight
		}
	}
	return best, sv, w
}

// senseStem is stem for reading senses, with a German noun's "-ung" cut
// too, so that a plural meets its singular ("Lohnabrechnungen",
// "Lohnabrechnung"): stem itself cuts only "-ungen", and the reading's
// other rules depend on its stems.
func senseStem(w string) string {
	st := stem(w)
	if base, ok := strings.CutSuffix(st, "ung"); ok && len(base) >= minStem {
		return base
	}
	return st
}
