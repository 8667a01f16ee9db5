package persona

import "errors"

// ErrCallOver is returned by Prospect.Respond (and a second Open) once the
// call has ended: the prospect has hung up or the call reached its outcome.
// Test with errors.Is.
var ErrCallOver = errors.New("the call is over")
