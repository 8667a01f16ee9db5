package persona

// Immediate is implemented by a prospect that has each whole reply at
// once, computed in microseconds without waiting on anything (the
// scripted engine). The call then stores the trainee's turn together with
// the answer, in one transaction, and the socket sends the answer as one
// reply.delta rather than as the pieces it streamed (docs/protocol.md).
// A prospect that waits on anything (a language model) must not
// implement it.
type Immediate interface {
	Prospect
	// Immediate marks the prospect; it does nothing.
	Immediate()
}

// IsImmediate reports whether p has its whole replies at once.
func IsImmediate(p Prospect) bool {
	_, ok := p.(Immediate)
	return ok
}
