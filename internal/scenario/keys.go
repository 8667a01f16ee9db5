package scenario

import "github.com/openline/openline/internal/openline"

// The keys each kind of YAML mapping accepts, in the order the messages list
// them. The loader rejects any other key; schema_test.go keeps
// scenarios/schema.json in step with these tables.
var (
	scenarioKeys    = []string{"id", "language", "title", "difficulty", "direction", "brief", "persona", "gatekeeper", "needs", "objections", "proposals", "dialogue", "llm_notes", "scoring", "tests", "realism"}
	personaKeys     = []string{"name", "role", "company", "traits", "opening", "patience", "interest", "facts", "tts_voice"}
	needKeys        = []string{"id", "fact", "earned_by", "topics", "min_interest", "reveal", "detect", "details", "tried", "would_help"}
	objectionKeys   = []string{"id", "when", "say", "answered_by", "answered"}
	factKeys        = []string{"key", "about", "say", "private", "deflect"}
	proposalKeys    = []string{"kind", "accept", "decline", "min_interest"}
	realismKeys     = []string{"setup", "lines", "held_out"}
	realismLineKeys = []string{"say", "reply", "fact"}
	triggerKeys     = []string{"acts", "unless", "keywords", "asks"}
	dialogueKeys    = []string{"start", "states"}
	stateKeys       = []string{"voice", "rules"}
	ruleKeys        = []string{"when", "say", "goto", "patience", "interest", "min_interest", "reveal", "raise", "answer", "hangup", "next_step", "once"}
	scoringKeys     = []string{"curiosity", "openness"}
	testKeys        = []string{"name", "seed", "turns", "expect"}
	turnKeys        = []string{"say", "expect"}
	expectationKeys = []string{"state", "reveals", "hangup", "reply_contains", "outcome", "next_step", "openness", "curiosity"}
)

// objectKeys names every kind of mapping by its $defs name in schema.json
// ("scenario" is the schema's root).
var objectKeys = map[string][]string{
	"scenario":          scenarioKeys,
	"persona":           personaKeys,
	"need":              needKeys,
	"objection":         objectionKeys,
	"fact":              factKeys,
	"proposal":          proposalKeys,
	"realism":           realismKeys,
	"realism_line":      realismLineKeys,
	"trigger":           triggerKeys,
	"dialogue":          dialogueKeys,
	"state":             stateKeys,
	"rule":              ruleKeys,
	"scoring":           scoringKeys,
	"curiosity_weights": openline.CuriosityWeights,
	"openness_weights":  openline.OpennessWeights,
	"test":              testKeys,
	"turn":              turnKeys,
	"expectation":       expectationKeys,
}

// requiredKeys names, by the same names, the keys a mapping must have.
var requiredKeys = map[string][]string{
	"scenario":     {"id", "language", "title", "difficulty", "direction", "brief", "persona", "dialogue"},
	"persona":      {"name", "opening"},
	"need":         {"id", "fact", "earned_by", "reveal"},
	"objection":    {"id", "say"},
	"fact":         {"key", "about", "say"},
	"proposal":     {"kind", "accept"},
	"realism":      {"lines"},
	"realism_line": {"say", "reply"},
	"dialogue":     {"start", "states"},
	"test":         {"name", "turns"},
	"turn":         {"say"},
}

// NextStepKinds are the kinds of next step a rule may agree and a test may
// expect.
var NextStepKinds = []string{"meeting", "send_info", "invitation", "referral", "callback"}

// outcomes a test may expect (openline.OutcomeNone is not one of them).
var outcomes = []openline.Outcome{openline.OutcomeHungUp, openline.OutcomeNextStep, openline.OutcomePoliteEnd, openline.OutcomeInterrupted}

var (
	difficulties = []openline.Difficulty{openline.Easy, openline.Medium, openline.Hard}
	directions   = []openline.Direction{openline.Outbound, openline.Inbound}
)

// voiceGatekeeper is the only voice a state may name.
const voiceGatekeeper = "gatekeeper"

// Limits of the numbers in a scenario, inclusive.
const (
	minPatience, maxPatience = 1, 10   // persona.patience when given
	minInterest, maxInterest = 0, 10   // persona.interest, min_interest
	maxDelta                 = 10      // |rule.patience|, |rule.interest|
	maxWeight                = 10.0    // scoring weights lie in 0..maxWeight
	maxScore                 = 100     // ranges lie in 0..maxScore
	maxIDLen                 = 64      // ids and state names, in bytes
	MaxFileSize              = 1 << 20 // bytes of one scenario file
)
