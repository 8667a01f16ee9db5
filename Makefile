# The Makefile is the contract: CI runs these same targets.
#   make run    serve http://localhost:8080 (SQLite under ./data, scripted personas)
#   make test   every test: vet, Go tests with -race (on SQLite and on a throwaway
#               PostgreSQL), the shipped scenarios, browser tests
#   make lint   gofmt, go vet, staticcheck
#   make bench  benchmarks and the load test, with their figures, and the
#               load generator against a real server and the floor (ratios)
#   make fuzz   the fuzz targets for FUZZLONG each (make test runs them briefly)
#   make eval   the scorer's validity figures on ../shared/data

GO        ?= go
BIN       := bin/openline
ADDR      ?= 127.0.0.1:8080
DATA      ?= ./data
SHARED    ?= ../shared
CHROMIUM  := /usr/bin/chromium
E2E       := web/e2e
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: fuzz-short fuzz
.PHONY: all build run test unit scenarios e2e screenshots lint bench eval deps chromium espeak postgresql playwright clean

all: build

# Go modules come from the module proxy on first build.
deps:
	$(GO) mod download

build: deps
	$(GO) build -o $(BIN) ./cmd/openline

run: build
	./$(BIN) serve --addr $(ADDR) --data $(DATA)

test: unit fuzz-short scenarios e2e

# The store tests start a throwaway PostgreSQL from Debian's package
# (internal/store/postgres/pgtest), or use OPENLINE_TEST_DATABASE_URL.
unit: deps postgresql
	$(GO) vet ./...
	$(GO) test -race -count=1 -timeout 45m ./...

scenarios: build
	./$(BIN) scenario check scenarios/
	./$(BIN) scenario test scenarios/

# Browser tests: Debian's Chromium driven by npm's playwright-core, and
# Debian's espeak-ng for the spoken call's microphone, installed here when
# missing.
e2e: build chromium espeak playwright
	cd $(E2E) && OPENLINE_BIN=$(abspath $(BIN)) node --test --test-concurrency=1

# screenshots runs the browser tests and keeps a picture of every screen in
# docs/screenshots (a plain make test writes them to a temporary folder).
screenshots: build chromium espeak playwright
	cd $(E2E) && OPENLINE_BIN=$(abspath $(BIN)) OPENLINE_SCREENSHOTS=$(abspath docs/screenshots) node --test --test-concurrency=1

chromium:
	@test -x $(CHROMIUM) || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

# espeak-ng speaks the sentence the voice test plays as the microphone.
espeak:
	@command -v espeak-ng >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq espeak-ng; }

# PostgreSQL's server binaries, for the tests; not needed with
# OPENLINE_TEST_DATABASE_URL set.
postgresql:
	@test -n "$$OPENLINE_TEST_DATABASE_URL" || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq postgresql; }

# npm ci again whenever the lock file is newer than the installed tree.
playwright: $(E2E)/node_modules/.package-lock.json

$(E2E)/node_modules/.package-lock.json: $(E2E)/package-lock.json
	cd $(E2E) && npm ci --no-audit --no-fund

lint: deps
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

# The fuzz targets of the parsers: the scenario loader, the transcript
# decoder, the websocket frame parser, the reading of turns, and loadgen's
# readers of the server's memory, the scorer (its scorecards checked, no
# contradiction included), the disguise reading, and the WAV reader and
# the sentence cutter of speech. make test runs each for FUZZTIME; make
# fuzz for FUZZLONG. A finding is written to the package's testdata/fuzz
# and from then on runs with every go test.
FUZZTIME ?= 2s
FUZZLONG ?= 2m
FUZZ_TARGETS := internal/scenario:FuzzParse internal/scenario:FuzzSyntax internal/scenario:FuzzLocate internal/scenario:FuzzEditForm internal/score:FuzzDecodeTranscript \
	internal/web:FuzzParseClientFrame internal/acts:FuzzTrainee internal/acts:FuzzProspect \
	internal/loadgen:FuzzParseMemory internal/score:FuzzScore internal/acts:FuzzDisguised \
	internal/voice:FuzzWAVInfo internal/voice:FuzzSentences \
	internal/web:FuzzReviewQuery internal/web:FuzzGroupName

fuzz-short: deps
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; fn=$${t##*:}; \
		echo "fuzz $$fn ($$pkg, $(FUZZTIME))"; \
		$(GO) test -run '^$$' -fuzz "^$$fn\$$" -fuzztime $(FUZZTIME) -parallel 1 ./$$pkg >/dev/null 2>&1 || \
		$(GO) test -run '^$$' -fuzz "^$$fn\$$" -fuzztime $(FUZZTIME) -parallel 1 ./$$pkg || exit 1; \
	done

fuzz:
	$(MAKE) fuzz-short FUZZTIME=$(FUZZLONG)

# The benchmarks' output is kept in bin/bench.txt, and the reading and
# scoring targets of issue 8 are printed from it (docs/performance.md).
bench: build
	{ $(GO) test -run '^$$' -bench . -benchmem -count=1 ./...; echo $$? >bin/bench.rc; } | tee bin/bench.txt
	@test "$$(cat bin/bench.rc)" = 0
	scripts/bench-summary.sh bin/bench.txt
	scripts/bench-load.sh $(BIN)

eval:
	$(GO) run ./cmd/eval -data $(SHARED)/data

clean:
	rm -rf bin
