package openline

// Bounds of CallStore.ListCalls, the same for every store.
const (
	// CallListDefault is the number of calls ListCalls returns when
	// CallFilter.Limit is 0 (or negative).
	CallListDefault = 200
	// CallListMax is the most calls one ListCalls returns; a larger
	// CallFilter.Limit is lowered to it.
	CallListMax = 1000
)
