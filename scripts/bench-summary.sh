#!/bin/sh
# bench-summary.sh FILE: the reading and scoring targets of issue 8, out of
# the go test -bench output in FILE (docs/performance.md): CPU time per
# read of a thirty-word turn and thirty-turn transcripts scored per CPU
# second. Targets are printed beside the figures, not asserted.
set -eu
awk '
/^BenchmarkReadTurn-/ { for (i = 2; i <= NF; i++) if ($i == "cpu-µs/op") read = $(i-1) }
/^BenchmarkScore-/    { for (i = 2; i <= NF; i++) if ($i == "transcripts/cpu-s") score = $(i-1) }
END {
	print ""
	print "issue 8 targets (one core, CPU time):"
	if (read != "")  printf "  read a 30-word turn in context   %8.1f µs     (target ≤ 50 µs)\n", read
	else             print  "  read a 30-word turn in context   not measured (BenchmarkReadTurn missing)"
	if (score != "") printf "  score 30-turn transcripts        %8.0f /s     (target ≥ 1,000 /s)\n", score
	else             print  "  score 30-turn transcripts        not measured (BenchmarkScore missing)"
	print ""
}' "$1"
