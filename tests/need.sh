#!/bin/sh
# need.sh TARGET ITEM... - check, installing nothing, that what `make TARGET` needs is on
# this machine. ITEMs: build (a C compiler, pkg-config, GSL, inih, PLplot and its cairo
# driver, which draws the charts, gettext's msgfmt and a CJK font), sanitizers (the compiler's ASan and UBSan runtimes),
# fuzz (clang and libFuzzer), bench (SimPy 3 for /usr/bin/python3, GNU time), profile
# (valgrind), http (curl, for tests/test_serve.sh), browser (chromium, tidy and html5lib for /usr/bin/python3, with which
# tests/html_check.py checks HTML pages; the tests that use it skip, loudly, without).
# Names each thing missing with its Debian package, then the make target and
# the apt-get line that install them; exit 1 if anything is missing. Only make deps, make
# demo and make bench-deps install packages (Makefile). Uses $CC and $FUZZ_CC.
cd "$(dirname "$0")/.." || exit 1
target=$1
shift
CC=${CC:-cc}
FUZZ_CC=${FUZZ_CC:-clang}
missing=""  # one line per thing missing
packages="" # their Debian packages
installers="" # the make targets that install them
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

lack() { # WHAT PACKAGES INSTALLER
    missing="$missing  - $1 (Debian: $2)
"
    packages="$packages $2"
    case " $installers " in *" '$3' "*) ;; *) installers="$installers${installers:+ or }'$3'" ;; esac
}
links() { # COMPILER FLAGS...: can it compile and link a small C program with these flags?
    c=$1
    shift
    printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return d && n; }\n' > "$T/f.c"
    printf 'int main(void) { return 0; }\n' > "$T/m.c"
    case " $* " in *fuzzer*) src="$T/f.c" ;; *) src="$T/m.c" ;; esac
    "$c" "$@" "$src" -o "$T/a.out" > /dev/null 2>&1
}

for item in "$@"; do
    case $item in
    build)
        command -v "$CC" > /dev/null 2>&1 || lack "a C compiler ($CC)" build-essential "make deps"
        if ! command -v pkg-config > /dev/null 2>&1; then
            lack "pkg-config" pkg-config "make deps"
        else
            pkg-config --exists gsl || lack "GSL (pkg-config gsl)" libgsl-dev "make deps"
            pkg-config --exists inih || lack "inih (pkg-config inih)" libinih-dev "make deps"
            if ! pkg-config --exists plplot; then
                lack "PLplot (pkg-config plplot)" libplplot-dev "make deps"
            elif ! ls "$(pkg-config --variable=drvdir plplot)"/cairo.* > /dev/null 2>&1; then
                lack "PLplot's cairo driver, which draws the PNG, SVG and PDF charts" plplot-driver-cairo "make deps"
            fi
        fi
        command -v msgfmt > /dev/null 2>&1 || lack "GNU gettext's msgfmt, which builds the Chinese catalogue" gettext "make deps"
        fc-list :lang=zh 2> /dev/null | grep -q . ||
            lack "a CJK font, so that charts draw Chinese instead of boxes" fonts-wqy-microhei "make deps" ;;
    sanitizers)
        ! command -v "$CC" > /dev/null 2>&1 || links "$CC" -fsanitize=address,undefined ||
            lack "the ASan and UBSan runtimes for $CC" "libasan8 libubsan1" "make deps" ;;
    fuzz)
        if ! command -v "$FUZZ_CC" > /dev/null 2>&1; then
            lack "clang, which builds the libFuzzer harnesses" "clang libclang-rt-14-dev" "make deps"
        elif ! links "$FUZZ_CC" -fsanitize=fuzzer,address,undefined; then
            lack "clang's libFuzzer and sanitizer runtimes" libclang-rt-14-dev "make deps"
        fi ;;
    bench)
        /usr/bin/python3 -c 'import simpy' > /dev/null 2>&1 ||
            lack "SimPy 3 for /usr/bin/python3" python3-simpy3 "make bench-deps"
        [ -x /usr/bin/time ] || lack "GNU time (/usr/bin/time), which measures peak memory" time "make bench-deps"
        command -v curl > /dev/null 2>&1 || lack "curl, which submits runs to servlab serve" curl "make bench-deps" ;;
    browser)
        command -v chromium > /dev/null 2>&1 ||
            lack "chromium, the headless browser that tests/html_check.py drives" chromium "make deps"
        command -v tidy > /dev/null 2>&1 || lack "HTML Tidy (tidy), which checks the HTML" tidy "make deps"
        /usr/bin/python3 -c 'import html5lib' > /dev/null 2>&1 ||
            lack "html5lib for /usr/bin/python3, the HTML5 parser that checks the HTML" python3-html5lib "make deps" ;;
    http)
        command -v curl > /dev/null 2>&1 ||
            lack "curl, the HTTP client tests/test_serve.sh talks to servlab serve with" curl "make deps" ;;
    profile)
        command -v valgrind > /dev/null 2>&1 || lack "valgrind (callgrind)" valgrind "make bench-deps" ;;
    *)
        echo "need.sh: unknown item '$item'" >&2
        exit 2 ;;
    esac
done
[ -z "$missing" ] && exit 0
{
    echo "make $target: cannot run: this machine lacks"
    printf '%s' "$missing"
    echo "make $target installs nothing. Install them with $installers, or as root:"
    echo "  apt-get install -y --no-install-recommends$packages"
} >&2
exit 1
