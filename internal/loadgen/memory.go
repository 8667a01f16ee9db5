package loadgen

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"
)

// maxMemory bounds a memory figure read (1 PiB): anything above, or below
// zero, is a broken reading.
const maxMemory = 1 << 50

// ProcessMemory returns a function reading the resident memory (VmRSS) of
// the local process pid from /proc, in bytes.
func ProcessMemory(pid int) func() (int64, error) {
	return func() (int64, error) {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
		if err != nil {
			return 0, err
		}
		return parseStatusRSS(b)
	}
}

// parseStatusRSS reads the VmRSS line of /proc/PID/status (in kB).
func parseStatusRSS(b []byte) (int64, error) {
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:")
		if !ok {
			continue
		}
		kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
		if err == nil && (kb < 0 || kb > maxMemory>>10) {
			err = errors.New("out of range")
		}
		if err != nil {
			return 0, fmt.Errorf("VmRSS %q: %w", rest, err)
		}
		return kb << 10, nil
	}
	return 0, fmt.Errorf("no VmRSS in /proc status")
}

// MetricsMemory returns a function reading process_resident_memory_bytes
// from the server's /metrics (for a server on another machine).
func MetricsMemory(base string) func() (int64, error) {
	return func() (int64, error) {
		req, err := http.NewRequestWithContext(context.Background(), "GET", base+"/metrics", nil)
		if err != nil {
			return 0, err
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0, err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return 0, fmt.Errorf("GET /metrics: status %d", resp.StatusCode)
		}
		b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
		if err != nil {
			return 0, err
		}
		return parseMetricRSS(b)
	}
}

// parseMetricRSS finds process_resident_memory_bytes in the Prometheus
// text format.
func parseMetricRSS(b []byte) (int64, error) {
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), "process_resident_memory_bytes ")
		if !ok {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(rest), 64)
		if err == nil && !(v >= 0 && v <= maxMemory) { // also NaN
			err = errors.New("out of range")
		}
		if err != nil {
			return 0, fmt.Errorf("process_resident_memory_bytes %q: %w", rest, err)
		}
		return int64(v), nil
	}
	return 0, fmt.Errorf("no process_resident_memory_bytes in /metrics")
}

// clockTicks is the unit of the CPU times in /proc/PID/stat (USER_HZ,
// 100 on every Linux openline runs on).
const clockTicks = 100

// ProcessCPU returns a function reading the CPU time (user and system)
// the local process pid has used so far, from /proc, at 10 ms resolution.
func ProcessCPU(pid int) func() (time.Duration, error) {
	return func() (time.Duration, error) {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			return 0, err
		}
		return parseStatCPU(b)
	}
}

// parseStatCPU reads utime and stime (the 14th and 15th fields) of
// /proc/PID/stat; the command name before them, in parentheses, may hold
// spaces.
func parseStatCPU(b []byte) (time.Duration, error) {
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0, errors.New("/proc stat: no command name")
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0, errors.New("/proc stat: too few fields")
	}
	var ticks int64
	for _, s := range f[11:13] {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 0 {
			return 0, fmt.Errorf("/proc stat: CPU time %q", s)
		}
		ticks += n
	}
	return time.Duration(ticks) * time.Second / clockTicks, nil
}
