// Package progress works out what the trainer pages show about trainees
// over many calls: how an assignment stands, how openness and curiosity
// develop, which parts of the score hold a trainee back, and how well
// trainers agree with each other and with the scorer. It reads calls,
// scorecards and ratings; it stores nothing and imports only the domain.
// docs/progress.md is its contract.
package progress
