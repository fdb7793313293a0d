# tfsight - see README.md.  Targets:
#   make            build build/tfsight
#   make test       build and run every test (unit, golden, end to end)
#   make demo       run tfsight on the bundled examples
#   make deps       install the Debian packages the build and tests need
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
TEST_PKGS := cmocka
DEB_PKGS  := libjansson-dev libyaml-dev libcairo2-dev libcmocka-dev \
             pkg-config fonts-dejavu-core make gcc python3 python3-jsonschema \
             chromium

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

.PHONY: all test demo deps check-deps asan valgrind bench install clean \
        golden-update lint build-bin test-run unit golden \
        fuzz fuzz-deps fuzz-build

all: check-deps
	@$(MAKE) --no-print-directory build-bin

build-bin: $(BIN)

# The schema tests validate our JSON with Debian's python3-jsonschema.
check-deps:
	@{ pkg-config --exists $(PKGS) $(TEST_PKGS) 2>/dev/null && \
	   /usr/bin/python3 -c 'import jsonschema' 2>/dev/null; } || \
	  $(MAKE) --no-print-directory deps

deps:
	@echo "installing build and test dependencies with apt-get"
	@if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    --no-install-recommends $(DEB_PKGS)

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

test: check-deps
	@$(MAKE) --no-print-directory test-run

test-run: $(BIN) $(TEST_BIN)
	@$(MAKE) --no-print-directory unit golden

unit: $(TEST_BIN)
	@fail=0; for t in $(TEST_BIN); do \
	  TFSIGHT_SRCDIR=$(CURDIR) $(TEST_WRAPPER) $$t || fail=1; \
	done; exit $$fail

golden: $(BIN)
	@TFSIGHT=$(abspath $(BIN)) TEST_WRAPPER="$(TEST_WRAPPER)" \
	  tests/run-golden.sh
	@TFSIGHT=$(abspath $(BIN)) TEST_WRAPPER="$(TEST_WRAPPER)" \
	  tests/run-fixtures.sh
	@TFSIGHT=$(abspath $(BIN)) TEST_WRAPPER="$(TEST_WRAPPER)" \
	  tests/run-hostile.sh
	@TFSIGHT=$(abspath $(BIN)) TEST_WRAPPER="$(TEST_WRAPPER)" \
	  tests/run-corpus.sh
	@TFSIGHT=$(abspath $(BIN)) tests/run-schemas.sh
	@TFSIGHT=$(abspath $(BIN)) tests/run-docs.sh
	@TFSIGHT=$(abspath $(BIN)) tests/run-browser.sh
	@TFSIGHT=$(abspath $(BIN)) TEST_WRAPPER="$(TEST_WRAPPER)" \
	  tests/run-reports.sh
	@TFSIGHT=$(abspath $(BIN)) TEST_WRAPPER="$(TEST_WRAPPER)" \
	  tests/run-determinism.sh

golden-update: check-deps
	@$(MAKE) --no-print-directory $(BIN)
	@TFSIGHT=$(abspath $(BIN)) UPDATE=1 tests/run-golden.sh
	@TFSIGHT=$(abspath $(BIN)) UPDATE=1 tests/run-docs.sh

asan: check-deps
	@$(MAKE) --no-print-directory BUILD=build/asan \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined" test-run

valgrind: check-deps
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
	  echo "installing graphviz (bench only: diagram vs dot)"; \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    --no-install-recommends graphviz || true; }
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
	  echo "installing clang and libFuzzer with apt-get"; \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    --no-install-recommends $(FUZZ_DEB_PKGS); }; \
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
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
	  --std=c11 -Iinclude -Isrc --suppress=missingIncludeSystem \
	  --include=.ci/cppcheck.h src
	clang-tidy --quiet $(LIB_SRC) $(CLI_SRC) -- -std=c11 -Iinclude -Isrc \
	  -D_POSIX_C_SOURCE=200809L

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(BUILD)/obj/src/cost/gen/pricing_gen.d
