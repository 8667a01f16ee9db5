package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/openline/openline/internal/loadgen"
)

const loadgenUsage = `usage: openline loadgen --url http://HOST:PORT --trainer NAME [flags]
       openline loadgen --serve-floor ADDR

Drives concurrent calls over the websocket call protocol as an outside
client: it logs in as the trainer (password: one line on stdin), creates
--users trainee accounts through the API and logs each in, places --calls
calls at once, waits until every prospect has picked up, holds them open
for --hold, then lets every trainee say --turns lines (all at once, or
pausing --pace ±50 % before each) and hang up. It prints the turn latency
(p50, p99, max), the failures and the server's memory (from /proc of --pid,
else from the server's /metrics). With --floor it also starts the floor (a
bare gorilla/websocket server answering each turn at once) and runs the same
load against it in the same run, round by round, and prints the ratios.
--serve-floor runs only the floor. Exit 1 when a call failed.
`

// runLoadgen is `openline loadgen`.
func runLoadgen(ctx context.Context, e env, args []string) error {
	fl := newFlags(e, "loadgen", loadgenUsage, true)
	base := fl.String("url", "", "the server, http://HOST:PORT")
	trainer := fl.String("trainer", "", "trainer account that creates the trainees")
	calls := fl.Int("calls", 200, "concurrent calls")
	turns := fl.Int("turns", 5, "trainee turns per call")
	users := fl.Int("users", 0, "trainee accounts the calls are spread over (default: one per call)")
	scenarioID := fl.String("scenario", "herr-b-handwerker", "scenario of every call")
	pace := fl.Duration("pace", 0, "mean pause before each line, ±50 % (0: all at once)")
	hold := fl.Duration("hold", 0, "keep all calls open this long before they talk")
	pid := fl.Int("pid", 0, "the server's process id, to read its memory from /proc (default: its /metrics)")
	floor := fl.Bool("floor", false, "also run the load against the floor and print the ratios")
	rounds := fl.Int("rounds", 1, "runs of the load (each against openline, then the floor)")
	serveFloor := fl.String("serve-floor", "", "only serve the floor on this address")
	operands, done, err := parseArgs(fl, args)
	if done {
		return err
	}
	if err := noOperands(e, fl, operands); err != nil {
		return err
	}
	if *serveFloor != "" {
		return serveTheFloor(ctx, e, *serveFloor)
	}
	if *base == "" || *trainer == "" || *calls < 1 || *turns < 0 || *rounds < 1 || *users < 0 {
		fmt.Fprintln(e.stderr, "openline loadgen: need --url and --trainer, --calls ≥ 1, --turns ≥ 0, --rounds ≥ 1")
		return exitCode(2)
	}
	*base = strings.TrimRight(*base, "/")
	password, err := bufio.NewReader(e.stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("loadgen: read the trainer's password: %w", err)
	}
	password = strings.TrimRight(password, "\r\n")
	if *users == 0 {
		*users = *calls
	}
	cfg := loadgen.Config{Base: *base, Scenario: *scenarioID, Calls: *calls, Turns: *turns, Users: *users, Pace: *pace, Hold: *hold}
	cfg.Memory = loadgen.MetricsMemory(*base)
	if *pid > 0 {
		cfg.Memory, cfg.CPU = loadgen.ProcessMemory(*pid), loadgen.ProcessCPU(*pid)
	}
	fmt.Fprintf(e.stdout, "load: %d calls × %d turns, %s, %d accounts, scenario %s\n", *calls, *turns, paceText(*pace, *hold), *users, *scenarioID)
	accounts, err := loadgen.Setup(ctx, *base, *trainer, password, *users)
	if err != nil {
		return fmt.Errorf("loadgen: %w", err)
	}
	var fcfg loadgen.Config
	var faccounts loadgen.Accounts
	if *floor {
		fbase, fpid, stop, err := startFloor(ctx)
		if err != nil {
			return fmt.Errorf("loadgen: start the floor: %w", err)
		}
		defer stop()
		fcfg = cfg
		fcfg.Base, fcfg.Memory, fcfg.CPU = fbase, loadgen.ProcessMemory(fpid), loadgen.ProcessCPU(fpid)
		if faccounts, err = loadgen.Setup(ctx, fbase, "floor", "floor", *users); err != nil {
			return fmt.Errorf("loadgen: floor: %w", err)
		}
	}
	var own, flo []*loadgen.Result
	failed := false
	for r := 1; r <= *rounds; r++ {
		res, err := loadgen.Run(ctx, cfg, accounts)
		if err != nil {
			return fmt.Errorf("loadgen: %w", err)
		}
		own = append(own, res)
		printResult(e.stdout, "openline", r, res)
		failed = failed || res.Failures > 0
		if *floor {
			fres, err := loadgen.Run(ctx, fcfg, faccounts)
			if err != nil {
				return fmt.Errorf("loadgen: floor: %w", err)
			}
			flo = append(flo, fres)
			printResult(e.stdout, "floor", r, fres)
			failed = failed || fres.Failures > 0
		}
	}
	printSummary(e.stdout, own, flo, *turns > 0)
	if failed {
		return exitCode(1)
	}
	return nil
}

func paceText(pace, hold time.Duration) string {
	s := "all turns at once"
	if pace > 0 {
		s = fmt.Sprintf("paced %v ±50 %%", pace)
	}
	if hold > 0 {
		s += fmt.Sprintf(", held open %v first", hold)
	}
	return s
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func printResult(w io.Writer, who string, round int, r *loadgen.Result) {
	fmt.Fprintf(w, "%-8s round %d: %d turns, %d failures", who, round, r.Turns, r.Failures)
	if r.Resumed > 0 {
		fmt.Fprintf(w, ", %d resumed after a restart", r.Resumed)
	}
	if r.Turns > 0 {
		fmt.Fprintf(w, "; p50 %.2f ms, p99 %.2f ms, max %.2f ms; %.0f turns/s",
			ms(r.Percentile(50)), ms(r.Percentile(99)), ms(r.Max()), float64(r.Turns)/r.Talking.Seconds())
	}
	if len(r.Scorecards) > 0 {
		fmt.Fprintf(w, "; scorecard p50 %.2f ms, p99 %.2f ms after the last reply",
			ms(r.ScorecardPercentile(50)), ms(r.ScorecardPercentile(99)))
	}
	if r.CPU > 0 && r.Turns > 0 {
		fmt.Fprintf(w, "; server CPU %.0f µs per turn", float64(r.CPUPerTurn())/float64(time.Microsecond))
	}
	if r.MemOpen > 0 {
		fmt.Fprintf(w, "; server memory %.1f MiB before, %.1f MiB with %d calls open (%.1f KiB per open call)",
			float64(r.MemBase)/(1<<20), float64(r.MemOpen)/(1<<20), r.Calls, r.PerCall()/1024)
	}
	fmt.Fprintln(w)
	for _, msg := range r.Errors {
		fmt.Fprintf(w, "  failure: %s\n", msg)
	}
}

// span is the range of f over the results, "a–b" (one value when equal).
func span(rs []*loadgen.Result, f func(*loadgen.Result) float64, format string) string {
	lo, hi := f(rs[0]), f(rs[0])
	for _, r := range rs[1:] {
		lo, hi = min(lo, f(r)), max(hi, f(r))
	}
	if fmt.Sprintf(format, lo) == fmt.Sprintf(format, hi) {
		return fmt.Sprintf(format, lo)
	}
	return fmt.Sprintf(format+"–"+format, lo, hi)
}

func printSummary(w io.Writer, own, flo []*loadgen.Result, talked bool) {
	p := func(n int) func(*loadgen.Result) float64 {
		return func(r *loadgen.Result) float64 { return ms(r.Percentile(n)) }
	}
	fmt.Fprintf(w, "summary over %d rounds (ranges):\n", len(own))
	if talked {
		fmt.Fprintf(w, "  openline p50 %s ms, p99 %s ms, max %s ms\n", span(own, p(50), "%.2f"), span(own, p(99), "%.2f"), span(own, p(100), "%.2f"))
	}
	cards := func(n int) func(*loadgen.Result) float64 {
		return func(r *loadgen.Result) float64 { return ms(r.ScorecardPercentile(n)) }
	}
	if talked {
		fmt.Fprintf(w, "  openline scorecard after the last reply p50 %s ms, p99 %s ms\n", span(own, cards(50), "%.2f"), span(own, cards(99), "%.2f"))
	}
	cpu := func(r *loadgen.Result) float64 { return float64(r.CPUPerTurn()) / float64(time.Microsecond) }
	if talked && own[0].CPU > 0 {
		fmt.Fprintf(w, "  openline server CPU %s µs per turn\n", span(own, cpu, "%.0f"))
	}
	if own[0].MemOpen > 0 {
		fmt.Fprintf(w, "  openline memory per open call %s KiB\n", span(own, func(r *loadgen.Result) float64 { return r.PerCall() / 1024 }, "%.1f"))
	}
	if len(flo) == 0 || !talked {
		return
	}
	fmt.Fprintf(w, "  floor    p50 %s ms, p99 %s ms, max %s ms\n", span(flo, p(50), "%.2f"), span(flo, p(99), "%.2f"), span(flo, p(100), "%.2f"))
	if flo[0].CPU > 0 {
		fmt.Fprintf(w, "  floor    server CPU %s µs per turn\n", span(flo, cpu, "%.0f"))
	}
	ratio := func(n int) func(*loadgen.Result) float64 {
		return func(r *loadgen.Result) float64 {
			for i := range own {
				if own[i] == r && flo[i].Percentile(n) > 0 {
					return float64(r.Percentile(n)) / float64(flo[i].Percentile(n))
				}
			}
			return 0
		}
	}
	fmt.Fprintf(w, "  ratio to floor (same round): p50 %s×, p99 %s×\n", span(own, ratio(50), "%.2f"), span(own, ratio(99), "%.2f"))
}

// serveTheFloor serves the floor on addr until ctx is done, printing
// "floor listening on http://HOST:PORT".
func serveTheFloor(ctx context.Context, e env, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	fmt.Fprintf(e.stdout, "floor listening on http://%s\n", ln.Addr())
	hs := &http.Server{Handler: loadgen.Floor(), ReadHeaderTimeout: 5 * time.Second,
		ErrorLog: slog.NewLogLogger(slog.NewTextHandler(e.stderr, nil), slog.LevelWarn)}
	go func() {
		<-ctx.Done()
		hs.Close()
	}()
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// startFloor starts this binary's floor as a process of its own (so that
// its memory and CPU are its own, as the server's are) on a free loopback
// port, and returns its URL, its pid and how to stop it.
func startFloor(ctx context.Context) (base string, pid int, stop func(), err error) {
	exe, err := os.Executable()
	if err != nil {
		return "", 0, nil, err
	}
	cmd := exec.CommandContext(ctx, exe, "loadgen", "--serve-floor", "127.0.0.1:0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", 0, nil, err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return "", 0, nil, err
	}
	stop = func() {
		_ = cmd.Process.Signal(os.Interrupt)
		_ = cmd.Wait()
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	base, ok := strings.CutPrefix(strings.TrimSpace(line), "floor listening on ")
	if err != nil || !ok {
		stop()
		return "", 0, nil, fmt.Errorf("the floor did not start: %q %v", line, err)
	}
	return base, cmd.Process.Pid, stop, nil
}
