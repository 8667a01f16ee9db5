package scripted

import "github.com/openline/openline/internal/persona"

var _ persona.Immediate = (*prospect)(nil)

// Immediate marks the scripted prospect as one that has each whole reply
// at once (persona.Immediate): it computes it from the dialogue in
// microseconds.
func (p *prospect) Immediate() {}
