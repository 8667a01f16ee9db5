package openline

// Scorecard is the result of scoring a call: the contract of docs/formats.md
// "Scorecard (JSON)". Fields may be added, never removed.
type Scorecard struct {
	Language  Language    `json:"language"`
	Scenario  string      `json:"scenario,omitempty"`
	Openness  int         `json:"openness"`  // 0–100
	Curiosity int         `json:"curiosity"` // 0–100
	Metrics   Metrics     `json:"metrics"`
	Turns     []TurnActs  `json:"turns"` // one per transcript turn
	Evidence  []Evidence  `json:"evidence"`
	Tips      []Tip       `json:"tips"`
	Parts     []ScorePart `json:"parts"` // the weighted parts behind the two scores
	// Coaching is a paragraph a language model wrote about the call, when
	// the server is configured for it; no number above depends on it.
	Coaching *Coaching `json:"coaching,omitempty"`
	// Voice is what only a spoken call shows; nil unless the trainee's
	// turns carry speaking times (docs/scoring.md, "Voice"). No score
	// depends on it.
	Voice *VoiceMetrics `json:"voice,omitempty"`
}

// VoiceMetrics are the measures of a spoken call: pace, filler words,
// pauses, interruptions and monologues, from the turns' times. Talk share
// by time is Metrics.TalkShare (TalkShareBy "time").
type VoiceMetrics struct {
	// WordsPerMinute is the trainee's pace over all their spoken turns;
	// AfterObjectionWPM over the turns that answer a no or an objection
	// (0: none), OtherWPM over the rest (0: none). SpeedsUp: the answers
	// to a no are at least 15 % faster than the rest.
	WordsPerMinute    int  `json:"words_per_minute"`
	AfterObjectionWPM int  `json:"after_objection_wpm"`
	OtherWPM          int  `json:"other_wpm"`
	SpeedsUp          bool `json:"speeds_up_under_objection"`
	// Fillers counts the filler words (äh, ähm, halt, sozusagen, quasi;
	// um, uh, like, you know), FillersPer100Words relative to all the
	// trainee's words.
	Fillers            int     `json:"filler_words"`
	FillersPer100Words float64 `json:"filler_words_per_100"`
	// MeanPauseMS and LongestPauseMS are the silences between the end of
	// a prospect turn and the trainee's answer (overlaps left out).
	MeanPauseMS    int64 `json:"mean_pause_ms"`
	LongestPauseMS int64 `json:"longest_pause_ms"`
	// Interruptions counts the trainee turns that began before the
	// prospect's turn had ended.
	Interruptions int `json:"interruptions"`
	// LongestMonologueSeconds is the longest stretch the trainee spoke
	// without the prospect speaking.
	LongestMonologueSeconds float64 `json:"longest_monologue_seconds"`
	// Evidence names the moments behind the figures.
	Evidence []VoiceEvidence `json:"evidence"`
}

// VoiceEvidence is one moment behind a voice figure.
type VoiceEvidence struct {
	Turn   int    `json:"turn"`
	Metric string `json:"metric"` // filler_words, interruptions, longest_pause_ms, longest_monologue_seconds, speeds_up_under_objection
	Quote  string `json:"quote"`  // an exact substring of that turn's text
	Why    string `json:"why"`
}

// Coaching is a model-written coaching paragraph on a scorecard, marked as
// such wherever it is shown.
type Coaching struct {
	Text  string `json:"text"`
	Model string `json:"model"`
	By    string `json:"by"` // always "llm": written by a language model
}

// Metrics are the counts and measures behind the scores.
type Metrics struct {
	TraineeQuestions               int      `json:"trainee_questions"`
	OpenQuestions                  int      `json:"open_questions"`
	ClosedQuestions                int      `json:"closed_questions"`
	FollowUpQuestions              int      `json:"follow_up_questions"`
	Acknowledgements               int      `json:"acknowledgements"`
	PressureMoves                  int      `json:"pressure_moves"`
	FeedbackRequestsAfterRejection int      `json:"feedback_requests_after_rejection"`
	TalkShare                      float64  `json:"talk_share"` // trainee's share, 0–1
	LongestMonologueWords          int      `json:"longest_monologue_words"`
	NeedsDiscovered                []string `json:"needs_discovered"` // ids; never null
	NeedsTotal                     int      `json:"needs_total"`
	Reflections                    int      `json:"reflections"`       // trainee turns restating the prospect's words
	PersonalInterest               int      `json:"personal_interest"` // sentences showing interest in the person beyond the product
	Rejections                     int      `json:"rejections"`        // prospect turns saying no
	TalkShareBy                    string   `json:"talk_share_by"`     // "time" when every turn has times, else "words"
	Inbound                        bool     `json:"inbound"`           // the prospect called with a request
	MeanTurnWords                  float64  `json:"mean_turn_words"`   // mean length of the trainee's turns
}

// TurnActs are the dialogue acts of one transcript turn.
type TurnActs struct {
	Index   int     `json:"index"`
	Speaker Speaker `json:"speaker"`
	Acts    []Act   `json:"acts"` // never null
}

// Dimension is one of the scorecard's two scores.
type Dimension string

// Dimensions of the scorecard.
const (
	DimensionOpenness  Dimension = "openness"
	DimensionCuriosity Dimension = "curiosity"
)

// Effect is which way a piece of evidence moves its score.
type Effect string

// Effects of evidence.
const (
	EffectPlus  Effect = "+"
	EffectMinus Effect = "-"
)

// Evidence is one point that moves a score, backed by the trainee's words.
type Evidence struct {
	Turn      int       `json:"turn"`      // index into the transcript's turns
	Dimension Dimension `json:"dimension"` // openness | curiosity
	Effect    Effect    `json:"effect"`    // "+" or "-"
	Quote     string    `json:"quote"`     // an exact substring of that turn's text
	Why       string    `json:"why"`
}

// Tip is one piece of advice: the moment and a better line, in the call's
// language.
type Tip struct {
	Turn   int    `json:"turn"`   // the moment it refers to; -1 for the call as a whole
	Text   string `json:"text"`   // what to do differently
	Better string `json:"better"` // a line the trainee could have said
}
