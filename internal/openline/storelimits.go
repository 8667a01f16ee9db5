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

// ListLimit is the number of calls ListCalls returns for a requested
// limit n: CallListDefault when n is not positive, at most CallListMax.
func ListLimit(n int) int {
	switch {
	case n <= 0:
		return CallListDefault
	case n > CallListMax:
		return CallListMax
	}
	return n
}
