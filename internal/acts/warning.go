package acts

// warnsOff reports whether the words before the one at byte offset from,
// where a phrase of ending the call starts, make it a condition: "One more like that and
// this call is over", "If you say that again, I'm hanging up", "Noch
// einmal so, und das Gespräch ist beendet", "Once more and I'll hang
// up", "Sonst lege ich auf". The
// prospect is still on the line and says what would end it: a warning
// (annoyance), not the hang-up itself.
//
// Only a phrase that ends the call against the caller counts ("this call
// is over", "I'll hang up", "ich lege auf"); a goodbye or having to go
// after "if" or "again" ("Talk again soon, bye") is no threat.
func warnsOff(toks []token, from int) bool {
	at := 0
	for at < len(toks) && toks[at].at < from {
		at++
	}
	if at <= 0 || at >= len(toks) || !endsAgainst(toks[at:]) {
		return false
	}
	for k := 0; k < at; k++ {
		switch s := toks[k].s; s {
		case "if", "unless", "otherwise", "or", "again", "another", "wenn", "falls", "sonst", "nochmal", "nochmals", "wieder":
			return true
		case "one", "once", "noch":
			if k+1 < at && (toks[k+1].s == "more" || toks[k+1].s == "einmal" || toks[k+1].s == "mal" || toks[k+1].s == "so" || toks[k+1].s == "ein" || toks[k+1].s == "eine") {
				return true
			}
		}
	}
	return false
}

// endsAgainst reports whether the words from a phrase of ending the call
// on end it against the caller: over, done, hanging up, ended.
func endsAgainst(toks []token) bool {
	for k, t := range toks {
		if k >= 6 {
			break
		}
		switch t.s {
		case "over", "done", "hang", "hanging", "end", "beendet", "beende", "lege", "auflegen", "legt":
			return true
		}
	}
	return false
}
