package scenario

import (
	"context"
	"errors"
	"testing"

	"github.com/openline/openline/internal/openline"
)

// TestLoadingStopsWhenTheContextEnds: a read that hangs does not keep a
// command from stopping on SIGTERM or at its deadline.
func TestLoadingStopsWhenTheContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	hang := make(chan struct{})
	defer close(hang)
	started := make(chan struct{})
	go func() { <-started; cancel(errors.New("signal")) }()
	_, err := untilDone(ctx, func() ([]*openline.Scenario, error) {
		close(started)
		<-hang
		return nil, nil
	})
	if err == nil || err.Error() != "read scenario files: signal" {
		t.Errorf("untilDone with a hanging read = %v, want the cause of the end", err)
	}
}
