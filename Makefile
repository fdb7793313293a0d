# tfsight - see README.md.  Targets:
#   make            build build/tfsight
#   make test       build and run every test (unit, golden, end to end)
#   make demo       run tfsight on the bundled examples
#   make deps       install the Debian packages the build and the binary need
#   make test-deps  install the Debian packages the tests add to those
#   make asan       run the tests under AddressSanitizer + UBSan
#   make valgrind   run the tests under valgrind
#   make bench      time and measure memory on large synthetic states
#   make install    install the binary under $(PREFIX)
#   make golden-update   rewrite the expected outputs of the golden tests
#   make lint       cppcheck and clang-tidy
#   make fuzz       build the libFuzzer targets (clang) and run each for
#                   FUZZ_SECONDS (default 60); see fuzz/README.md

PREFIX  ?= /usr/local
BUILD   ?= build
CC      ?= cc
CFLAGS  ?= -O2 -g
SHELL   := /bin/bash

PKGS      := jansson yaml-0.1 cairo fontconfig
# The Debian packages, in two sets so that make and make demo install only
# what the build and the binary need (gcc only recommends libc6-dev, and
# the diagrams are drawn in DejaVu), and make test adds the test tools:
# cmocka (unit), python3 (the generated inputs, the corpus facts),
# jsonschema (schemas), Chromium (browser).  Valgrind, cppcheck and
# clang-tidy, graphviz and clang are installed by make valgrind, lint,
# bench and fuzz, which alone use them.
DEB_PKGS      := gcc libc6-dev make pkg-config libjansson-dev libyaml-dev \
                 libcairo2-dev fonts-dejavu-core
TEST_DEB_PKGS := libcmocka-dev python3 python3-jsonschema chromium
DEJAVU        := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
                 /usr/share/fonts/dejavu/DejaVuSans.ttf \
                 /usr/share/fonts/TTF/DejaVuSans.ttf

WARN := -Wall -Wextra -Werror -pedantic -Wmissing-prototypes \
        -Wstrict-prototypes -Wvla -Wwrite-strings -Wswitch-enum -Wformat=2 \
        -Wshadow -Wpointer-arith -Wcast-qual

# Evaluated when used, so a sub-make sees packages that `deps` just installed.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))
ALL_CFLAGS = -std=c11 $(WARN) $(CFLAGS) -pthread -D_POSIX_C_SOURCE=200809L \
             -Iinclude -Isrc $(PKG_CFLAGS) -MMD -MP
LDLIBS     = $(PKG_LIBS) -lm -pthread

LIB_SRC  := $(sort $(wildcard src/core/*.c src/state/*.c src/model/*.c \
                              src/render/*.c src/cost/*.c src/config/*.c \
                              src/check/*.c src/diagram/*.c src/diff/*.c \
                              src/report/*.c))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)

# The bundled price table: pricing/*.csv become C data in libtfsight.a,
# written by a tool built from the same reader as --pricing.
PRICING_CSV := $(sort $(wildcard pricing/*.csv))
PRICING_GEN := $(BUILD)/gen/pricing-gen
PRICING_OBJ := $(BUILD)/gen/pricing_data.o
GEN_OBJ     := $(BUILD)/obj/src/cost/gen/pricing_gen.o \
               $(BUILD)/obj/src/cost/csv.o $(BUILD)/obj/src/cost/pricing.o \
               $(filter $(BUILD)/obj/src/core/%,$(LIB_OBJ))
LIB_OBJ     += $(PRICING_OBJ)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
LIB      := $(BUILD)/libtfsight.a
BIN      := $(BUILD)/tfsight

TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

EXAMPLES := $(sort $(wildcard examples/*.tfstate))

.PHONY: all test demo deps check-deps test-deps check-test-deps asan \
        valgrind bench install clean golden-update lint build-bin test-run \
        unit golden fuzz fuzz-deps fuzz-build

all: check-deps
	@$(MAKE) --no-print-directory build-bin

build-bin: $(BIN)

# $(call apt_install,PACKAGES): one command (a subshell), as root or
# through sudo (which drops the environment, hence env), quietly: apt's and
# dpkg's hundreds of lines go to $(BUILD)/apt.log, shown when it fails.
apt_install = ( \
  if ! command -v apt-get >/dev/null 2>&1; then \
    echo "no apt-get here: install your system's packages for $(1)" >&2; \
    exit 1; fi; \
  if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
  mkdir -p $(BUILD); \
  echo "installing with apt-get: $(1)"; \
  { $$SUDO apt-get update -qq && \
    $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      --no-install-recommends $(1); } >$(BUILD)/apt.log 2>&1 || { \
    tail -n 20 $(BUILD)/apt.log; \
    echo "apt-get failed; the whole log is $(BUILD)/apt.log" >&2; exit 1; } )
# Whether one of the DejaVu files the diagrams look for is there.
have_dejavu = ( for f in $(DEJAVU); do [ ! -f $$f ] || exit 0; done; exit 1 )

# Install only when something is missing, so that make test on a machine
# that has everything never calls apt-get.
check-deps:
	@{ command -v $(firstword $(CC)) && pkg-config --exists $(PKGS) && \
	   $(have_dejavu); } >/dev/null 2>&1 || \
	  $(MAKE) --no-print-directory deps

deps:
	@$(call apt_install,$(DEB_PKGS))

# When the test tools cannot be installed the tests still run: each suite
# that needs a missing tool says in one line that it was skipped (a failure
# in CI, tests/lib.sh).
check-test-deps:
	@. tests/lib.sh && have_test_tools || \
	  $(call apt_install,$(TEST_DEB_PKGS)) || \
	  echo "make test-deps failed: the tests that need what is missing will be skipped (failed in CI)"

test-deps:
	@$(call apt_install,$(TEST_DEB_PKGS))

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(PRICING_GEN): $(GEN_OBJ)
	@mkdir -p $(@D)
	@echo "  LINK    $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/gen/pricing_data.c: $(PRICING_GEN) $(PRICING_CSV)
	@echo "  GEN     $@"
	@$(PRICING_GEN) $(PRICING_CSV) >$@.tmp || { rm -f $@.tmp; exit 1; }
	@mv $@.tmp $@

$(PRICING_OBJ): $(BUILD)/gen/pricing_data.c
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	@rm -f $@
	@echo "  AR      $@"
	@ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	@echo "  LINK    $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/testutil.h $(LIB)
	@mkdir -p $(@D)
	@echo "  CC      $@"
	@$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes $(shell pkg-config --cflags cmocka) \
	  -o $@ $< $(LIB) $(LDLIBS) $(shell pkg-config --libs cmocka)

# ---- tests -------------------------------------------------------------
# Each suite is tests/run-NAME.sh; tests/run-suites.sh runs them all and
# ends with "N suites passed, M skipped".  The unit tests are built only
# where cmocka is (run-unit.sh says it skipped them otherwise), so that a
# failed make test-deps still lets the rest run.

SUITES     := golden fixtures hostile corpus schemas docs readme browser \
              reports determinism
UNIT_BIN    = $(if $(shell pkg-config --exists cmocka 2>/dev/null && echo y),$(TEST_BIN))
SUITE_ENV   = TFSIGHT=$(abspath $(BIN)) TEST_WRAPPER="$(TEST_WRAPPER)" \
              UNIT_TESTS="$(abspath $(TEST_BIN))"

test: check-deps check-test-deps
	@$(MAKE) --no-print-directory test-run

test-run: $(BIN) $(UNIT_BIN)
	@$(SUITE_ENV) tests/run-suites.sh unit $(SUITES)

unit: $(UNIT_BIN)
	@$(SUITE_ENV) tests/run-suites.sh unit

golden: $(BIN)
	@$(SUITE_ENV) tests/run-suites.sh $(SUITES)

golden-update: check-deps check-test-deps
	@$(MAKE) --no-print-directory $(BIN)
	@TFSIGHT=$(abspath $(BIN)) UPDATE=1 tests/run-golden.sh
	@TFSIGHT=$(abspath $(BIN)) UPDATE=1 tests/run-docs.sh

asan: check-deps check-test-deps
	@$(MAKE) --no-print-directory BUILD=build/asan \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined" test-run

valgrind: check-deps check-test-deps
	@command -v valgrind >/dev/null || $(call apt_install,valgrind)
	@$(MAKE) --no-print-directory BUILD=build/valgrind CFLAGS="-O0 -g" \
	  TEST_WRAPPER="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect" \
	  test-run

# ---- demo, bench, install ------------------------------------------------

demo: check-deps
	@$(MAKE) --no-print-directory $(BIN)
	@echo "== tfsight cost --usage examples/usage.yml examples/webapp-prod.tfstate"
	@$(BIN) cost --usage examples/usage.yml examples/webapp-prod.tfstate
	@echo
	@echo "== tfsight check --config examples/tfsight.yml examples/webapp-dev.tfstate"
	@$(BIN) check --config examples/tfsight.yml --usage examples/usage.yml \
	  examples/webapp-dev.tfstate
	@echo
	@echo "== the example reports (examples/reports.sh)"
	@bash examples/reports.sh $(BIN) reports
	@echo "open reports/webapp/index.html (dev and prod), reports/webapp-prod/, reports/webapp-dev/ or reports/serverless-prod/"

bench: check-deps
	@$(MAKE) --no-print-directory BUILD=build/bench CFLAGS="-O2 -g" \
	  build/bench/tfsight build/bench/bench-gen build/bench/bench-parse \
	  build/bench/bench-measure build/bench/bench-diagram
	@command -v dot >/dev/null 2>&1 || { \
	  echo "graphviz for bench only: diagram vs dot"; \
	  $(call apt_install,graphviz) || true; }
	@bash bench/run.sh build/bench

# bench-gen (synthetic states), bench-parse (the bare json_load_file
# baseline) and bench-measure (time and peak RSS), one source file each.
build/bench/bench-gen build/bench/bench-parse build/bench/bench-measure: \
  build/bench/bench-%: bench/%.c
	@mkdir -p $(@D)
	@echo "  CC      $@"
	@$(CC) $(filter-out -MMD -MP,$(ALL_CFLAGS)) -o $@ $< $(LDLIBS)

# bench-diagram times the diagram's layout and drawing alone (library).
build/bench/bench-diagram: bench/diagram.c $(LIB)
	@mkdir -p $(@D)
	@echo "  CC      $@"
	@$(CC) $(filter-out -MMD -MP,$(ALL_CFLAGS)) -o $@ $< $(LIB) $(LDLIBS)

# ---- fuzzing (fuzz/README.md) ---------------------------------------------
# libFuzzer targets built with clang into build/fuzz/ (the library too, with
# the fuzz flags), each run for FUZZ_SECONDS.  New corpus entries go to
# build/fuzz/corpus/TARGET, crashes to build/fuzz/crashes/.

FUZZ_SECONDS  ?= 60
FUZZ_CC       ?= clang
FUZZ_TARGETS  := state usage config pipeline
FUZZ_DEB_PKGS := clang libclang-rt-14-dev
FUZZ_SAN      := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS   := -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link \
                 -Wno-format-nonliteral \
                 $(FUZZ_SAN)
FUZZ_MAXLEN_state    := 262144
FUZZ_MAXLEN_pipeline := 262144
FUZZ_MAXLEN_usage    := 16384
FUZZ_MAXLEN_config   := 16384

fuzz: check-deps fuzz-deps
	@$(MAKE) --no-print-directory fuzz-build
	@mkdir -p build/fuzz/crashes
	@fail=0; for t in $(FUZZ_TARGETS); do \
	  case $$t in state|pipeline) len=$(FUZZ_MAXLEN_state) dict=state;; \
	    *) len=$(FUZZ_MAXLEN_usage) dict=yaml;; esac; \
	  mkdir -p build/fuzz/corpus/$$t; \
	  echo "== fuzz_$$t for $(FUZZ_SECONDS)s (log build/fuzz/fuzz_$$t.log)"; \
	  nice -n 10 build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) \
	    -max_len=$$len -timeout=10 -rss_limit_mb=2048 \
	    -dict=fuzz/$$dict.dict -print_final_stats=1 \
	    -artifact_prefix=build/fuzz/crashes/$$t- \
	    build/fuzz/corpus/$$t fuzz/corpus/$$t \
	    >build/fuzz/fuzz_$$t.log 2>&1 || { fail=1; \
	    echo "fuzz_$$t found a problem:"; tail -n 40 build/fuzz/fuzz_$$t.log; }; \
	  grep -E '^stat::(number_of_executed_units|new_units_added)' \
	    build/fuzz/fuzz_$$t.log; \
	done; ls build/fuzz/crashes; exit $$fail

# libFuzzer's runtime comes with clang's compiler-rt (Debian: libclang-rt-*).
fuzz-deps:
	@probe=$$(mktemp -d); \
	printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
	  'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);' \
	  'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }' \
	  >$$probe/p.c; \
	$(FUZZ_CC) -fsanitize=fuzzer,address,undefined -o $$probe/p $$probe/p.c \
	  >/dev/null 2>&1 || { \
	  echo "clang and libFuzzer for make fuzz"; \
	  $(call apt_install,$(FUZZ_DEB_PKGS)); }; \
	rm -rf $$probe

fuzz-build:
	@$(MAKE) --no-print-directory BUILD=build/fuzz CC=$(FUZZ_CC) \
	  CFLAGS="$(FUZZ_CFLAGS)" LDFLAGS="$(FUZZ_SAN)" \
	  $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)

build/fuzz/fuzz_%: fuzz/fuzz_%.c $(LIB)
	@mkdir -p $(@D)
	@echo "  FUZZ    $@"
	@$(CC) $(filter-out -MMD -MP,$(ALL_CFLAGS)) -fsanitize=fuzzer \
	  -o $@ $< $(LIB) $(LDLIBS)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/tfsight

lint:
	@{ command -v cppcheck && command -v clang-tidy; } >/dev/null || \
	  $(call apt_install,cppcheck clang-tidy)
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
	  --std=c11 -Iinclude -Isrc --suppress=missingIncludeSystem \
	  --include=.ci/cppcheck.h src
	clang-tidy --quiet $(LIB_SRC) $(CLI_SRC) -- -std=c11 -Iinclude -Isrc \
	  -D_POSIX_C_SOURCE=200809L

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(BUILD)/obj/src/cost/gen/pricing_gen.d
