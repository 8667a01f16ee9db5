package voice

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Recordings keeps the trainee's spoken turns as WAV files, only when the
// server is told to (openline serve --keep-recordings DURATION), for that
// long: under dir, one folder per call, one file per turn
// (<call-id>/<turn>.wav). Sweep deletes what is older.
type Recordings struct {
	dir  string
	keep time.Duration
	now  func() time.Time
}

// NewRecordings keeps recordings under dir for keep (> 0).
func NewRecordings(dir string, keep time.Duration, now func() time.Time) (*Recordings, error) {
	if keep <= 0 {
		return nil, errors.New("recordings: the retention period must be positive")
	}
	if now == nil {
		now = time.Now
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("recordings: %w", err)
	}
	return &Recordings{dir: dir, keep: keep, now: now}, nil
}

// Keep is the retention period.
func (r *Recordings) Keep() time.Duration { return r.keep }

// callIDPattern is a call id (a UUID): nothing else names a folder, so no
// path can leave dir.
var callIDPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// ErrNoRecording is returned for a turn without a kept recording.
var ErrNoRecording = errors.New("no recording")

func (r *Recordings) path(callID string, turn int) (string, error) {
	if !callIDPattern.MatchString(callID) || turn < 0 {
		return "", ErrNoRecording
	}
	return filepath.Join(r.dir, callID, strconv.Itoa(turn)+".wav"), nil
}

// Save keeps the trainee's PCM of one turn (16 kHz mono s16le) as WAV.
func (r *Recordings) Save(callID string, turn int, pcm []byte) error {
	p, err := r.path(callID, turn)
	if err != nil {
		return fmt.Errorf("save recording: bad call id or turn")
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return fmt.Errorf("save recording: %w", err)
	}
	tmp := p + ".tmp"
	if err := os.WriteFile(tmp, WAV(pcm, SampleRate), 0o600); err != nil {
		return fmt.Errorf("save recording: %w", err)
	}
	// The file's time is the server clock's: the retention counts from it.
	if err := os.Chtimes(tmp, r.now(), r.now()); err != nil {
		return fmt.Errorf("save recording: %w", err)
	}
	if err := os.Rename(tmp, p); err != nil {
		return fmt.Errorf("save recording: %w", err)
	}
	return nil
}

// Open returns the path of a kept recording of a turn that has not
// expired; ErrNoRecording when there is none.
func (r *Recordings) Open(callID string, turn int) (string, time.Time, error) {
	p, err := r.path(callID, turn)
	if err != nil {
		return "", time.Time{}, err
	}
	fi, err := os.Stat(p)
	if err != nil || r.expired(fi.ModTime()) {
		return "", time.Time{}, ErrNoRecording
	}
	return p, fi.ModTime(), nil
}

// Turns lists the turns of a call with a kept recording, in order.
func (r *Recordings) Turns(callID string) []int {
	if !callIDPattern.MatchString(callID) {
		return nil
	}
	entries, err := os.ReadDir(filepath.Join(r.dir, callID))
	if err != nil {
		return nil
	}
	var out []int
	for _, e := range entries {
		n, err := strconv.Atoi(strings.TrimSuffix(e.Name(), ".wav"))
		if err != nil || !strings.HasSuffix(e.Name(), ".wav") {
			continue
		}
		if fi, err := e.Info(); err == nil && !r.expired(fi.ModTime()) {
			out = append(out, n)
		}
	}
	sort.Ints(out)
	return out
}

func (r *Recordings) expired(t time.Time) bool { return r.now().Sub(t) > r.keep }

// Sweep deletes the recordings older than the retention period (and the
// folders left empty); it returns how many files it deleted.
func (r *Recordings) Sweep() (int, error) {
	n := 0
	calls, err := os.ReadDir(r.dir)
	if err != nil {
		return 0, fmt.Errorf("sweep recordings: %w", err)
	}
	for _, c := range calls {
		if !c.IsDir() || !callIDPattern.MatchString(c.Name()) {
			continue
		}
		dir := filepath.Join(r.dir, c.Name())
		files, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		left := len(files)
		for _, f := range files {
			fi, err := f.Info()
			if err != nil || !r.expired(fi.ModTime()) {
				continue
			}
			if err := os.Remove(filepath.Join(dir, f.Name())); err == nil || errors.Is(err, fs.ErrNotExist) {
				n++
				left--
			}
		}
		if left == 0 {
			os.Remove(dir)
		}
	}
	return n, nil
}
