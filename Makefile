# Malaka: `make demo` and `make test` on a fresh Debian machine with the Swift toolchain.

SWIFT        ?= swift
DEMO_DIR     ?= demo-output
APT_PACKAGES := libsqlite3-dev libcairo2-dev libharfbuzz-dev libqrencode-dev fonts-noto-core fonts-dejavu-core poppler-utils zbar-tools ghostscript chromium chromium-driver openssl

# apt-get needs root; use sudo when we are not root and it is there.
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

PYTHON       ?= python3
# Swift with the benchmarks in Benchmarks/ declared: `make bench` and `make bench-smoke`.
BENCH_SWIFT  := MALAKA_BENCHMARKS=1 $(SWIFT)

.PHONY: all deps bench-deps pydeps build demo test browser-test browser-run crash sync-soak bench bench-smoke fuzz clean

all: build

# Installs the Debian packages that are missing, after `apt-get update`.
deps:
	@missing=""; \
	for package in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi

# What only `make bench` needs: wrk for the load test of `malaka serve` (Benchmarks/web-load.sh).
bench-deps:
	@$(MAKE) --no-print-directory deps APT_PACKAGES="wrk"

build: deps
	$(SWIFT) build --product malaka

# Builds the sample programme's database in $(DEMO_DIR) and prints what it holds.
demo: build
	bash demo/sample-programme.sh "$$($(SWIFT) build --show-bin-path)/malaka" "$(DEMO_DIR)"

# Python's icalendar reads the exported calendars in the tests: pip, else Debian's package.
# Selenium and pytest drive the browser tests (Tests/Browser) in Debian's Chromium; axe-selenium-python
# brings axe-core for their accessibility checks.
pydeps:
	@$(PYTHON) -c 'import icalendar' 2>/dev/null \
	  || $(PYTHON) -m pip install --quiet icalendar 2>/dev/null \
	  || $(PYTHON) -m pip install --quiet --break-system-packages icalendar 2>/dev/null \
	  || ($(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends python3-icalendar)
	@$(PYTHON) -c 'import selenium, pytest, axe_selenium_python' 2>/dev/null \
	  || $(PYTHON) -m pip install --quiet selenium pytest axe-selenium-python 2>/dev/null \
	  || $(PYTHON) -m pip install --quiet --break-system-packages selenium pytest axe-selenium-python

# The whole test suite (Tests/run-suites.sh: the end-to-end suites and the others in two processes side
# by side), every benchmark once at a tiny size (bench-smoke, so that none stops running unseen), then the
# browser tests. The tests' build compiles no benchmark (issue 12); bench-smoke builds them apart.
test: deps pydeps
	$(SWIFT) build --build-tests
	bash Tests/run-suites.sh "$$($(SWIFT) build --show-bin-path)"
	$(MAKE) --no-print-directory bench-smoke
	$(MAKE) --no-print-directory browser-run

# Every benchmark once at a tiny size from a debug build (Benchmarks/smoke.sh): a minute or two, to see
# that none has stopped running before `make bench` spends an hour; its figures mean nothing.
bench-smoke: deps
	$(BENCH_SWIFT) build
	bash Benchmarks/smoke.sh "$$($(BENCH_SWIFT) build --show-bin-path)"

# The browser tests (Tests/Browser, pytest): headless Debian Chromium through Selenium, offline; Selenium
# Manager is told to stay home. They drive the built malaka, so they run after the Swift tests.
BROWSER_SWIFT ?= $(SWIFT)
browser-test: deps pydeps
	$(BROWSER_SWIFT) build --product malaka
	$(MAKE) browser-run BROWSER_SWIFT="$(BROWSER_SWIFT)"

# The browser tests on the malaka already built (`make test` builds it with the tests: asking SwiftPM
# again cost 20 s of planning).
browser-run:
	MALAKA_BIN="$$($(BROWSER_SWIFT) build --show-bin-path)/malaka" SE_OFFLINE=true SE_AVOID_STATS=true \
	  $(PYTHON) -m pytest -q -p no:cacheprovider Tests/Browser

# The full crash and concurrency runs (`make test` runs a few trials of each): SIGKILL at
# seeded random moments, CRASH_TRIALS times across four commands (the fourth a `sync import`), and 2 and 4 processes at
# once, CONCURRENCY_ROUNDS times each. MALAKA_CRASH_SEED=N replays a run whose seed was printed.
CRASH_TRIALS       ?= 120
CONCURRENCY_ROUNDS ?= 10
# One after the other: a loaded machine would stretch the runs the crash delays are drawn from.
crash: deps
	MALAKA_CRASH_TRIALS=$(CRASH_TRIALS) $(SWIFT) test --filter 'CrashEndToEndTests|AbandonedTemporaryFilesEndToEndTests'
	MALAKA_CONCURRENCY_ROUNDS=$(CONCURRENCY_ROUNDS) $(SWIFT) test --skip-build --filter 'ConcurrentUseEndToEndTests|WriteTransactionLockTests'

# The exchange property test (three sites, random offline work, bundles in any order) at 5,000 seeds
# (`make test` runs 200). Failing seeds are printed, the first with its trace; MALAKA_SYNC_SEED="N M" replays their
# operations (not the clock's readings, which order the sites' concurrent changes). Sessions that have marks are
# also deleted with --force; MALAKA_SYNC_FORCED_DELETES=0 turns that off, to replay seeds printed before it was on.
SYNC_CASES ?= 5000
sync-soak: deps
	MALAKA_SYNC_CASES=$(SYNC_CASES) $(SWIFT) test --filter SyncPropertyTests

# Release-build benchmarks, in Benchmarks/; numbers and machine go in BENCHMARKS.md. They are declared
# only when MALAKA_BENCHMARKS is set (BENCH_SWIFT), so a plain `swift build` or `swift test` compiles none of them.
bench: deps bench-deps
	$(BENCH_SWIFT) build -c release --product malaka
	$(BENCH_SWIFT) build -c release --product malaka-bench
	"$$($(BENCH_SWIFT) build -c release --show-bin-path)/malaka-bench"
	bash Benchmarks/web-load.sh "$$($(BENCH_SWIFT) build -c release --show-bin-path)"
	$(BENCH_SWIFT) build -c release --product TypesettingBenchmark
	$(BENCH_SWIFT) build -c release --product certificate-baseline
	$(BENCH_SWIFT) build -c release --product certificates-bench
	"$$($(BENCH_SWIFT) build -c release --show-bin-path)/certificates-bench"
	$(BENCH_SWIFT) build -c release --product RegionSummaryBenchmark
	"$$($(BENCH_SWIFT) build -c release --show-bin-path)/RegionSummaryBenchmark" run --db .build/bench/national-programme-v2.sqlite

# libFuzzer with AddressSanitizer on the CSV and XLSX readers, the template and course parsers, the token
# decoder and sign-in sheets, FUZZ_SECONDS each,
# in a build of its own (.build-fuzz); see "Fuzzing" in docs/guarantees.md. FUZZ_TARGETS picks some of them.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= FuzzCSV FuzzXLSX FuzzTemplate FuzzToken FuzzCourseYAML FuzzAttendance
fuzz: deps
	bash Fuzz/run-fuzz.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

clean:
	rm -rf .build .build-fuzz $(DEMO_DIR)
