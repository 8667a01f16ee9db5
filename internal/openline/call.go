package openline

// Outcome is how a call ended.
type Outcome string

const (
	OutcomeNone        Outcome = ""            // the call is still going on
	OutcomeHungUp      Outcome = "hung_up"     // the prospect hung up on the trainee
	OutcomeNextStep    Outcome = "next_step"   // a next step was agreed; see ProspectState.NextStep
	OutcomePoliteEnd   Outcome = "polite_end"  // the call ended in good terms without a next step
	OutcomeInterrupted Outcome = "interrupted" // the trainee's connection was gone for too long
)

// ProspectState is the prospect's state after a turn, kept with the call so
// a trainee can see where the call turned.
type ProspectState struct {
	Node       string   `json:"node"`     // dialogue state (scripted engine)
	Patience   int      `json:"patience"` // 0: the prospect hangs up
	Interest   int      `json:"interest"`
	Revealed   []string `json:"revealed"`             // need ids, in order of revelation
	Objections []string `json:"objections,omitempty"` // objection ids raised
	Outcome    Outcome  `json:"outcome,omitempty"`
	NextStep   string   `json:"next_step,omitempty"` // kind, with OutcomeNextStep
}
