// Package openline is the domain vocabulary of the telephone-training
// simulator: languages, speakers, dialogue acts, transcripts, scenarios,
// the prospect's state and the scorecard. It imports only the standard
// library; every other package speaks in these types.
package openline

import "slices"

// Language is a conversation language. German and English are both
// first-class.
type Language string

const (
	German  Language = "de"
	English Language = "en"
)

// Languages lists the supported languages.
var Languages = []Language{German, English}

// Valid reports whether l is a supported language.
func (l Language) Valid() bool { return slices.Contains(Languages, l) }

// Speaker is one side of a call.
type Speaker string

const (
	Trainee  Speaker = "trainee"
	Prospect Speaker = "prospect"
)

// Valid reports whether s is a known speaker.
func (s Speaker) Valid() bool { return s == Trainee || s == Prospect }

// Act is a dialogue act: what an utterance does in the conversation. The
// vocabulary is a contract (docs/method.md, "Dialogue acts"): acts may be added,
// never renamed.
type Act string

// Trainee-side acts.
const (
	ActGreeting        Act = "greeting"
	ActIntroduction    Act = "introduction"
	ActPermission      Act = "permission" // asks whether it is a good moment
	ActOpenQuestion    Act = "open_question"
	ActClosedQuestion  Act = "closed_question"
	ActFollowUp        Act = "follow_up" // builds on the prospect's last words; comes with a question act
	ActAcknowledgement Act = "acknowledgement"
	ActFeedbackRequest Act = "feedback_request"
	ActPitch           Act = "pitch"
	ActPressure        Act = "pressure"
	ActOfferHelp       Act = "offer_help"
	ActFarewell        Act = "farewell"

	// Added to the original vocabulary (docs/method.md).

	// ActReflection restates what the prospect said; it comes with
	// ActAcknowledgement.
	ActReflection Act = "reflection"
	// ActPersonalInterest is interest in the person or their business
	// beyond the trainee's own product ("What else do you do?").
	ActPersonalInterest Act = "personal_interest"
	// ActProposal proposes a concrete next step: a meeting, sending
	// information, a call back.
	ActProposal Act = "proposal"
)

// Prospect-side acts.
const (
	ActRejection Act = "rejection"
	ActObjection Act = "objection"
	ActReveal    Act = "reveal" // discloses a need or fact
	ActInterest  Act = "interest"
	ActHangup    Act = "hangup"
)

// TraineeActs lists the trainee-side acts in canonical order.
var TraineeActs = []Act{
	ActGreeting, ActIntroduction, ActPermission, ActOpenQuestion,
	ActClosedQuestion, ActFollowUp, ActAcknowledgement, ActReflection,
	ActFeedbackRequest, ActPersonalInterest, ActPitch, ActPressure,
	ActOfferHelp, ActProposal, ActFarewell,
}

// ProspectActs lists the prospect-side acts in canonical order.
var ProspectActs = []Act{ActRejection, ActObjection, ActReveal, ActInterest, ActHangup}

// Valid reports whether a is in the vocabulary.
func (a Act) Valid() bool {
	return slices.Contains(TraineeActs, a) || slices.Contains(ProspectActs, a)
}

// Turn is one speaker's contribution to a call. Times are milliseconds
// from the start of the call and may be absent.
type Turn struct {
	Speaker Speaker `json:"speaker"`
	Text    string  `json:"text"`
	StartMS *int64  `json:"start_ms,omitempty"`
	EndMS   *int64  `json:"end_ms,omitempty"`
}

// Transcript is a whole call in the transcript file format of docs/formats.md:
// the input of `openline score` and the export format.
type Transcript struct {
	Language Language `json:"language"`
	Scenario string   `json:"scenario,omitempty"` // scenario id; absent: needs are not scored
	Turns    []Turn   `json:"turns"`
}
