package web

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/openline/openline/internal/openline"
)

// codeOf is the code of the openline.Error in err, or "".
func codeOf(err error) string {
	var oe openline.Error
	if errors.As(err, &oe) {
		return oe.Code
	}
	return ""
}

// TestHashGateBounds: with every slot taken, requests wait in a bounded
// queue; beyond it, beyond an address's share, or after the wait they are
// refused at once (busy: 503, too_many_attempts: 429), and a logged-in
// trainer's request ("" address) is not limited per address.
func TestHashGateBounds(t *testing.T) {
	g := newHashGate()
	g.wait = time.Hour // the wait is tested below
	release := make(chan struct{})
	var running, queued sync.WaitGroup
	results := make(chan error, hashSlots+hashQueue)
	hold := func() error { running.Done(); <-release; return nil }
	running.Add(hashSlots)
	for i := range hashSlots {
		go func() { results <- g.do(context.Background(), fmt.Sprintf("192.0.2.%d", i), hold) }()
	}
	running.Wait()

	// An address with one request running may queue one more, not two.
	queued.Add(1)
	go func() { queued.Done(); results <- g.do(context.Background(), "192.0.2.0", func() error { return nil }) }()
	queued.Wait()
	waitFor(t, "the queued request", func() bool { g.mu.Lock(); defer g.mu.Unlock(); return g.waiting == 1 })
	if err := g.do(context.Background(), "192.0.2.0", nil); codeOf(err) != "too_many_attempts" {
		t.Errorf("third request of one address: %v, want too_many_attempts", err)
	}
	for i := 1; i < hashQueue; i++ {
		go func() { results <- g.do(context.Background(), "", func() error { return nil }) }()
	}
	waitFor(t, "a full queue", func() bool { g.mu.Lock(); defer g.mu.Unlock(); return g.waiting == hashQueue })
	if err := g.do(context.Background(), "198.51.100.1", nil); codeOf(err) != "busy" {
		t.Errorf("request over the queue: %v, want busy", err)
	}
	close(release)
	for range hashSlots + hashQueue {
		if err := <-results; err != nil {
			t.Errorf("a request within the bounds: %v", err)
		}
	}

	g.wait = 10 * time.Millisecond
	block := make(chan struct{})
	running.Add(hashSlots)
	for range hashSlots {
		go func() { _ = g.do(context.Background(), "", func() error { running.Done(); <-block; return nil }) }()
	}
	running.Wait()
	if err := g.do(context.Background(), "192.0.2.9", nil); codeOf(err) != "busy" {
		t.Errorf("a request whose slot does not come: %v, want busy after the wait", err)
	}
	close(block)
	waitFor(t, "the address's entry to go", func() bool { g.mu.Lock(); defer g.mu.Unlock(); return len(g.perAddr) == 0 })
}
