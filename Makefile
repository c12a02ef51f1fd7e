# servlab - one plain Makefile.
#
#   make            build ./servlab
#   make demo       install missing packages, build, run scenarios/default.ini
#   make test       build, run every test (prints N passed, N failed)
#   make deps       install the Debian packages servlab needs (as root, or with sudo)
#   make check      the whole test suite under AddressSanitizer + UBSan
#   make golden     regenerate the golden outputs in tests/golden (read the diff!)
#   make man        rewrite the OPTIONS section of servlab.1 and of man/zh_CN/servlab.1 (in
#                   Chinese) from the option table (cli/options.c)
#   make layers     check that dependencies point one way (sim <- models <- reader, plots)
#   make fuzz       fuzz the scenario and history readers and the distribution parser (libFuzzer)
#                   for FUZZ_SECONDS per harness (default 600); make test runs a few seconds
#   make fuzz-dict  write fuzz/scenario.dict from the key table (after adding a key)
#   make install PREFIX=/usr/local
#   make po         bring po/zh_CN.po up to date with the source's messages (then translate)
#   make bench      the benchmark against SimPy (bench/README.md); make bench-deps installs
#                   python3-simpy3, time, curl and valgrind (bench-profile) for it
#   make MPI=1      ./servlab-mpi, which spreads runs over the ranks of an MPI job
#                   (OpenMPI from Debian: make deps installs it), built in build-mpi/
#
# Only deps, demo and bench-deps install packages. test, check, fuzz, bench and
# bench-profile check first that what they need is here (tests/need.sh) and, if not,
# stop and say what to install.
#
# User CFLAGS are appended to ours; WERROR=1 turns warnings into errors (CI does).

PREFIX ?= /usr/local
VERSION := 0.1.0

# libmicrohttpd: servlab serve's HTTP server; curl: tests/test_serve.sh talks to it.
# chromium, tidy and python3-html5lib: tests/html_check.py checks the HTML page in a real
# browser (tests/test_report_html.sh; without them those tests skip, and say so).
# OpenMPI: ./servlab-mpi (make MPI=1), which make test builds for tests/test_mpi.sh.
DEB_PKGS := build-essential pkg-config libgsl-dev libinih-dev libplplot-dev plplot-driver-cairo \
            clang libclang-rt-14-dev clang-format gettext fonts-wqy-microhei \
            chromium tidy python3-html5lib libmicrohttpd-dev curl libopenmpi-dev openmpi-bin \
            groff-base man-db
PKGS := gsl inih plplot libmicrohttpd

# Deferred (=) so that a `make deps` earlier in the same run is seen.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
GSL_LIBS = $(shell pkg-config --libs gsl 2>/dev/null)

# MPI=1: the same program linked with OpenMPI, in its own build tree.
ifeq ($(MPI),1)
BUILD ?= build-mpi
PROGRAM := servlab-mpi
# -isystem: MPI's own headers are not held to our warnings
MPI_CFLAGS = $(patsubst -I%,-isystem %,$(shell pkg-config --cflags ompi-c 2>/dev/null || mpicc --showme:compile 2>/dev/null))
MPI_LIBS = $(shell pkg-config --libs ompi-c 2>/dev/null || mpicc --showme:link 2>/dev/null)
else
PROGRAM := servlab
endif

WARNINGS := -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wstrict-prototypes \
            -Wmissing-prototypes -Wformat=2 -Wvla
OPT ?= -O2 -g
# -fno-plt: a call of a shared library's function (log, for every exponential and
# geometric draw) goes through its GOT entry at once, not through a PLT stub's jump; the
# same arithmetic, so the same numbers.
BASE_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L $(OPT) -fno-plt $(WARNINGS) -MMD -MP -I. \
               -DSERVLAB_VERSION='"$(VERSION)"' -DSERVLAB_LOCALEDIR='"$(PREFIX)/share/locale"'
ifeq ($(WERROR),1)
BASE_CFLAGS += -Werror
endif
ifeq ($(MPI),1)
BASE_CFLAGS += -DSERVLAB_MPI
endif
ALL_CFLAGS = $(BASE_CFLAGS) $(PKG_CFLAGS) $(MPI_CFLAGS) $(CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) $(MPI_LIBS) -lpthread -lm

BUILD ?= build
LANG_SRC := $(wildcard lang/*.c)
SIM_SRC := $(wildcard sim/*.c)
MODELS_SRC := $(wildcard models/*.c)
READER_SRC := $(wildcard reader/*.c)
PLOTS_SRC := $(wildcard plots/*.c)
CLI_SRC := $(wildcard cli/*.c)

obj = $(patsubst %.c,$(BUILD)/%.o,$(1))
LANG_OBJ := $(call obj,$(LANG_SRC))
SIM_OBJ := $(call obj,$(SIM_SRC))
MODELS_OBJ := $(call obj,$(MODELS_SRC))
READER_OBJ := $(call obj,$(READER_SRC))
PLOTS_OBJ := $(call obj,$(PLOTS_SRC))
CLI_OBJ := $(call obj,$(CLI_SRC))
LIB_OBJ := $(LANG_OBJ) $(SIM_OBJ) $(MODELS_OBJ) $(READER_OBJ) $(PLOTS_OBJ) $(CLI_OBJ)

TEST_PROGS := $(patsubst tests/%.c,$(BUILD)/tests/%,$(wildcard tests/test_*.c))

.PHONY: format format-check need-clang-format
.PHONY: all deps demo test check golden notes man zh-terms layers install clean build-tests need-libs bench bench-deps po \
        bench-profile servlab-mpi need-mpi fuzz fuzz-build fuzz-dict
.SECONDARY:
all: $(PROGRAM)

ifeq ($(MPI),1)
.PHONY: servlab
servlab:
	@echo "servlab: the MPI build makes ./servlab-mpi; build ./servlab without MPI=1" >&2; exit 1
# ./servlab is the default build's program: another tree (make BUILD=build-san servlab)
# builds its own and leaves ./servlab alone, so the tests never run a stray build by surprise.
# The copy is moved over the old program, so a ./servlab still running (a class server)
# does not stop the build with "Text file busy".
else ifeq ($(BUILD),build)
servlab: $(BUILD)/servlab
	@cp $< $@.new && mv -f $@.new $@
else
.PHONY: servlab
servlab: $(BUILD)/servlab
	@echo "servlab: built $< (./servlab is the default build's and was left alone)"
endif

servlab-mpi: need-mpi $(BUILD)/servlab
	@cp $(BUILD)/servlab $@.new && mv -f $@.new $@

need-mpi:
	@[ "$(MPI)" = 1 ] || { echo "servlab-mpi: build it with 'make MPI=1'" >&2; exit 1; }
	@pkg-config --exists ompi-c 2>/dev/null || command -v mpicc >/dev/null || { \
	  echo "servlab: OpenMPI not found; run 'make deps' (libopenmpi-dev, openmpi-bin) first" >&2; exit 1; }

$(BUILD)/servlab: $(BUILD)/servlab.o $(LIB_OBJ) $(BUILD)/locale/zh_CN/LC_MESSAGES/servlab.mo | need-libs
	$(CC) $(ALL_CFLAGS) -o $@ $(filter %.o,$^) $(LDLIBS_ALL) $(LDFLAGS)

# The Chinese catalogue (lang/lang.h): compiled beside the program, where ./servlab
# and build/servlab find it without installing. msgfmt --check refuses a translation
# whose format directives do not match the English.
$(BUILD)/locale/zh_CN/LC_MESSAGES/servlab.mo: po/zh_CN.po
	@command -v msgfmt >/dev/null || { \
	  echo "servlab: msgfmt not found: install GNU gettext (Debian: apt-get install gettext, or make deps)" >&2; exit 1; }
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

# The messages to translate, from every source file (xgettext), and the catalogue
# brought up to date with them (msgmerge): `make po`, then translate what is new.
XGETTEXT_FLAGS = --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=P_:1,2 --keyword=NC_:1c,2 --keyword=C_:1c,2 \
                 --add-comments=TRANSLATORS: --package-name=servlab --package-version=$(VERSION) --sort-by-file
PO_SOURCES = $(shell git ls-files '*.c' '*.h' '*.def' 2>/dev/null | grep -v '^tests/\|^fuzz/\|^bench/')
po/servlab.pot: $(PO_SOURCES)
	xgettext $(XGETTEXT_FLAGS) -o $@ $(PO_SOURCES)
po: po/servlab.pot
	msgmerge --quiet --update --backup=none --no-fuzzy-matching po/zh_CN.po po/servlab.pot

$(BUILD)/%.o: %.c | need-libs
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

need-libs:
	@pkg-config --exists $(PKGS) 2>/dev/null || { \
	  echo "servlab: GSL, inih, PLplot or libmicrohttpd not found by pkg-config; run 'make deps' first" >&2; exit 1; }

# The kernel's tests link against sim/ alone: it must not need anything else.
$(BUILD)/tests/test_sim: $(BUILD)/tests/test_sim.o $(SIM_OBJ) $(LANG_OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(GSL_LIBS) -lpthread -lm $(LDFLAGS)

# The sequence counter's test compiles sim/sim.c into itself (white-box): sim/ without sim.o.
$(BUILD)/tests/test_sim_seq: $(BUILD)/tests/test_sim_seq.o $(filter-out $(BUILD)/sim/sim.o,$(SIM_OBJ)) $(LANG_OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(GSL_LIBS) -lpthread -lm $(LDFLAGS)

# The tests of whole scenarios share their loading and running (tests/scenario_runs.h).
$(BUILD)/tests/test_network $(BUILD)/tests/test_capacity: $(BUILD)/tests/scenario_runs.o

# The validation cases' exact (s,S) expectations come from a test-side Markov chain.
$(BUILD)/tests/test_validation: $(BUILD)/tests/markov_ss.o $(BUILD)/tests/contract_exact.o

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS_ALL) $(LDFLAGS)

# The benchmark's timing program: servlab's own objects, the simulation timed alone;
# and the reference model, a bare loop on sim/ alone.
$(BUILD)/bench/bench: $(BUILD)/bench/bench.o $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS_ALL) $(LDFLAGS)

$(BUILD)/bench/bare_inventory: $(BUILD)/bench/bare_inventory.o $(SIM_OBJ) $(LANG_OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(GSL_LIBS) -lpthread -lm $(LDFLAGS)

$(BUILD)/bench/bare_default: $(BUILD)/bench/bare_default.o $(SIM_OBJ) $(LANG_OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(GSL_LIBS) -lpthread -lm $(LDFLAGS)

build-tests: $(BUILD)/servlab $(TEST_PROGS) $(BUILD)/bench/bench $(BUILD)/bench/bare_default
	@:

# Debian packages: $(call apt_install,TARGET,PACKAGES) installs only those missing;
# needs root or sudo.
define apt_install
	@missing=""; for p in $(2); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then echo "$(1): all packages present"; exit 0; fi; \
	echo "$(1): installing$$missing"; \
	if [ "$$(id -u)" = 0 ]; then SUDO=""; \
	elif command -v sudo >/dev/null; then SUDO="sudo"; \
	else echo "$(1): need root to run: apt-get install -y$$missing" >&2; exit 1; fi; \
	$$SUDO apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing
endef

deps:
	$(call apt_install,deps,$(DEB_PKGS))

# The benchmark (bench/README.md): servlab against SimPy 3 from Debian, which the
# runner uses through /usr/bin/python3; GNU time measures peak memory. BENCH_RUNS=N
# sets the runs per model (default 5).
bench-deps:
	$(call apt_install,bench-deps,python3-simpy3 time valgrind curl)

bench:
	@tests/need.sh bench build bench
	@$(MAKE) --no-print-directory servlab $(BUILD)/bench/bench $(BUILD)/bench/bare_inventory $(BUILD)/bench/bare_default
	@if [ "$(HAVE_MPI)" = 1 ]; then $(MAKE) --no-print-directory MPI=1 BUILD=build-mpi servlab-mpi; fi
	@BUILD=$(BUILD) /usr/bin/python3 bench/run.py

# The profile behind bench/README.md: callgrind's top functions for the three models
# (default.ini also in its bare loop).
bench-profile:
	@tests/need.sh bench-profile build profile
	@$(MAKE) --no-print-directory $(BUILD)/bench/bench $(BUILD)/bench/bare_default
	@BUILD=$(BUILD) bench/profile.sh

demo: deps
	@$(MAKE) --no-print-directory servlab
	./servlab run scenarios/default.ini

# With OpenMPI installed, the MPI build is made too, for tests/test_mpi.sh (which skips
# without it).
HAVE_MPI = $(shell pkg-config --exists ompi-c 2>/dev/null && command -v mpirun >/dev/null && echo 1)

test:
	@CC="$(CC)" tests/need.sh test build
	@$(MAKE) --no-print-directory $(PROGRAM) build-tests $(if $(FUZZ_OK),fuzz-build)
	@if [ "$(HAVE_MPI)" = 1 ]; then $(MAKE) --no-print-directory MPI=1 BUILD=build-mpi servlab-mpi; fi
	@tests/run_all.sh $(BUILD)

# Sanitizers: a separate build tree so normal objects are untouched. LSan's report of
# the suppressions it used (fontconfig's caches) is turned off: it goes to stderr, which
# the course-notes check compares with the notes.
# Formatting (.clang-format) applies to every tracked .c/.h; reader/keys.def is not C.
FORMAT_FILES = $(shell git ls-files '*.c' '*.h' 2>/dev/null)
CLANG_FORMAT ?= clang-format
need-clang-format:
	@command -v $(CLANG_FORMAT) >/dev/null 2>&1 || { \
	  echo "servlab: *** clang-format not found: install it (Debian: apt-get install clang-format, or make deps) ***" >&2; exit 1; }
format-check: need-clang-format
	@$(CLANG_FORMAT) --dry-run --Werror $(FORMAT_FILES) || { \
	  echo "servlab: the code is not formatted as .clang-format says; run 'make format' and commit" >&2; exit 1; }
format: need-clang-format
	$(CLANG_FORMAT) -i $(FORMAT_FILES)

check: format-check
	@CC="$(CC)" tests/need.sh check build sanitizers
	@$(MAKE) --no-print-directory BUILD=build-san OPT="-O1 -g -fno-omit-frame-pointer \
	  -fsanitize=address,undefined -fno-sanitize-recover=all" build-tests
	@if [ "$(HAVE_MPI)" = 1 ]; then $(MAKE) --no-print-directory MPI=1 BUILD=build-mpi servlab-mpi; fi
	@$(if $(FUZZ_OK),$(MAKE) --no-print-directory fuzz-build,true)
	@ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  UBSAN_OPTIONS=print_stacktrace=1 tests/run_all.sh build-san

# Fuzzing: clang's libFuzzer with ASan and UBSan, in a build tree of its own, over the
# reader, the validator and the distribution parser (fuzz/*.c; no plots, no cli).
# FUZZ_OK is "yes" when clang can link a libFuzzer program (Debian: clang and
# libclang-rt-14-dev); tests/test_fuzz.sh skips itself, with a note, when it is not.
FUZZ_CC ?= clang
FUZZ_BUILD := build-fuzz
FUZZ_SECONDS ?= 600
FUZZ_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -O1 -g -fno-omit-frame-pointer $(WARNINGS) -MMD -MP -I. \
              -fsanitize=address,undefined -fno-sanitize-recover=all $(shell pkg-config --cflags gsl inih 2>/dev/null)
FUZZ_LIBS = $(shell pkg-config --libs gsl inih 2>/dev/null) -lm
FUZZ_OBJ := $(patsubst %.c,$(FUZZ_BUILD)/%.o,$(LANG_SRC) $(SIM_SRC) $(MODELS_SRC) $(READER_SRC))
FUZZ_PROGS := $(patsubst fuzz/%.c,$(FUZZ_BUILD)/%,$(wildcard fuzz/fuzz_*.c))
FUZZ_OK = $(shell printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return d && n; }\n' | \
            $(FUZZ_CC) -fsanitize=fuzzer -x c - -o /dev/null 2>/dev/null && echo yes)

$(FUZZ_BUILD)/%.o: %.c | need-libs
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BUILD)/fuzz_%: $(FUZZ_BUILD)/fuzz/fuzz_%.o $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(FUZZ_LIBS)

# The scenario harness's dictionary is written from the key table (reader/keys.def);
# test_scenario fails when the committed one is not current.
fuzz-dict: $(BUILD)/tests/test_scenario
	$(BUILD)/tests/test_scenario --write-fuzz-dict > fuzz/scenario.dict

fuzz-build: $(FUZZ_PROGS)
	@:

fuzz:
	@CC="$(CC)" FUZZ_CC="$(FUZZ_CC)" tests/need.sh fuzz build fuzz
	@$(MAKE) --no-print-directory fuzz-build
	@fuzz/run.sh long $(FUZZ_SECONDS)

golden: servlab
	@tests/golden.sh update

# Run every command in course-notes/*.md, course-notes/zh/*.md (in Chinese) and README.md,
# write what it prints into them (excerpts keep their "..." lines) and redraw their
# charts (tests/notes.sh).
notes: servlab
	@tests/notes.sh update

# The OPTIONS section of servlab.1 and of the Chinese man/zh_CN/servlab.1, written from the
# option table in cli/options.c, in Chinese through po/zh_CN.po (the test suite checks that
# both are current).
man: servlab
	@tests/manpage.sh update

# lang/zh_terms.inc, the glossary's Chinese terms inside which a line does not break,
# written from docs/glossary.md (the test suite checks that it is current).
zh-terms:
	@sh lang/zh_terms.sh docs/glossary.md > lang/zh_terms.inc.new && mv lang/zh_terms.inc.new lang/zh_terms.inc

layers: $(LANG_OBJ) $(SIM_OBJ) $(MODELS_OBJ)
	@tests/layers.sh $(BUILD)

# The Chinese man page goes where man-db looks for a Chinese reader's (man -L zh_CN
# servlab, or LANG=zh_CN.UTF-8): share/man/zh_CN/man1. Its first line tells man-db that it
# is UTF-8 (a zh_CN directory is otherwise read as GB2312).
install: $(PROGRAM)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/man/zh_CN/man1 $(DESTDIR)$(PREFIX)/share/locale/zh_CN/LC_MESSAGES
	install -m 755 $(PROGRAM) $(DESTDIR)$(PREFIX)/bin/$(PROGRAM)
	install -m 644 servlab.1 $(DESTDIR)$(PREFIX)/share/man/man1/servlab.1
	install -m 644 man/zh_CN/servlab.1 $(DESTDIR)$(PREFIX)/share/man/zh_CN/man1/servlab.1
	install -m 644 $(BUILD)/locale/zh_CN/LC_MESSAGES/servlab.mo $(DESTDIR)$(PREFIX)/share/locale/zh_CN/LC_MESSAGES/servlab.mo

clean:
	rm -rf build build-san build-mpi build-fuzz servlab servlab-mpi

-include $(shell find $(BUILD) $(FUZZ_BUILD) -name '*.d' 2>/dev/null)
