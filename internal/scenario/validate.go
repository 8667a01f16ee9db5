package scenario

import (
	"slices"
	"strings"

	"github.com/openline/openline/internal/openline"
)

// resolve checks what can only be checked once the whole file is read: that
// every reference names a state, need, objection or fact of the scenario, that
// every state can be reached from the start, and that a gatekeeper speaks
// somewhere.
func (p *parser) resolve(sc *openline.Scenario) {
	names := map[term][]string{} // kind → names, in file order
	for _, st := range sc.Dialogue.States {
		names["state"] = append(names["state"], st.Name)
	}
	for _, n := range sc.Needs {
		names["need"] = append(names["need"], n.ID)
	}
	for _, o := range sc.Objections {
		names["objection"] = append(names["objection"], o.ID)
	}
	for _, who := range []*openline.Persona{&sc.Persona, sc.Gatekeeper} {
		if who == nil {
			continue
		}
		for _, f := range who.Facts {
			if f.Key != "" && !slices.Contains(names["fact"], f.Key) {
				names["fact"] = append(names["fact"], f.Key)
			}
		}
	}
	index := map[string]bool{} // kind + " " + name
	for kind, list := range names {
		for _, name := range list {
			index[string(kind)+" "+name] = true
		}
	}
	for _, r := range p.refs {
		if index[string(r.kind)+" "+r.name] || p.stopped() {
			continue
		}
		known := names[r.kind]
		list := phr("none are defined")
		if len(known) > 0 {
			list = phr("known: %s", joinClipped(known))
		}
		p.errorf(r.at, "unknown %s %q%s; %s", r.kind, clip(r.name), suggest(r.name, known), list)
	}
	p.reachable(sc)
	if sc.Gatekeeper != nil && !slices.ContainsFunc(sc.Dialogue.States, func(st openline.State) bool { return st.Voice == voiceGatekeeper }) {
		p.errorf(p.gatekeeperKey, "the gatekeeper never speaks: give at least one dialogue state voice: %s", voiceGatekeeper)
	}
}

// reachable reports every state that no chain of goto rules leads to from
// the start state. It says nothing when the start state is unknown, which is
// reported already.
func (p *parser) reachable(sc *openline.Scenario) {
	byName := make(map[string]*openline.State, len(sc.Dialogue.States))
	for i := range sc.Dialogue.States {
		byName[sc.Dialogue.States[i].Name] = &sc.Dialogue.States[i]
	}
	if byName[sc.Dialogue.Start] == nil {
		return
	}
	seen := map[string]bool{sc.Dialogue.Start: true}
	queue := []string{sc.Dialogue.Start}
	for len(queue) > 0 {
		st := byName[queue[0]]
		queue = queue[1:]
		for _, r := range st.Rules {
			if r.Goto != "" && !seen[r.Goto] && byName[r.Goto] != nil {
				seen[r.Goto] = true
				queue = append(queue, r.Goto)
			}
		}
	}
	for _, st := range sc.Dialogue.States {
		if !seen[st.Name] {
			p.errorf(p.stateNodes[st.Name], "state %q cannot be reached from the start state %q: no goto leads to it", st.Name, sc.Dialogue.Start)
		}
	}
}

// joinClipped joins names for a message, at most maxListed of them.
func joinClipped(names []string) phrase {
	const maxListed = 12
	if len(names) <= maxListed {
		return phr("%s", strings.Join(names, ", "))
	}
	return phr("%s, … (%d more)", strings.Join(names[:maxListed], ", "), len(names)-maxListed)
}
