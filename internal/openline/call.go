package openline

// Outcome is how a call ended.
type Outcome string

const (
	OutcomeNone        Outcome = ""            // the call is still going on
	OutcomeHungUp      Outcome = "hung_up"     // the prospect hung up on the trainee
	OutcomeNextStep    Outcome = "next_step"   // a next step was agreed; see ProspectState.NextStep
	OutcomePoliteEnd   Outcome = "polite_end"  // the call ended without a next step, the prospect not hanging up (whether on good terms the scorecard says)
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

// LLMTurn is what one prospect turn of an LLM call cost and how fast it
// came (package llm fills it in; docs/llm.md). It is kept with the turn.
type LLMTurn struct {
	Model     string `json:"model"`
	TokensIn  int    `json:"tokens_in"`
	TokensOut int    `json:"tokens_out"`
	// Estimated: the server sent no usage; the tokens are estimated from
	// the text (4 bytes a token).
	Estimated bool `json:"estimated,omitempty"`
	// FirstTokenMS is the time from the turn's start to the first words
	// the trainee got; TotalMS to the whole reply.
	FirstTokenMS int64 `json:"first_token_ms"`
	TotalMS      int64 `json:"total_ms"`
	Requests     int   `json:"requests"` // upstream requests made, retries included
	// Fault names why the model failed in this turn (docs/llm.md); the call
	// goes on with the scripted engine from here.
	Fault string `json:"fault,omitempty"`
	// Guard names the guardrail that replaced (part of) the model's reply.
	Guard string `json:"guard,omitempty"`
	// Scripted: the scripted engine spoke this turn (after a fault).
	Scripted bool `json:"scripted,omitempty"`
}
