#!/bin/sh
# run.sh TARGET [SECONDS] [DICT] — one fuzzer in fork mode, log in $LOGS/TARGET.log.
# Fork mode (-fork=1) with -ignore_timeouts=1: on a machine shared by many builds, libFuzzer's
# wall-clock timeout fires on inputs that run in a fraction of a second alone; the run goes on,
# the input is kept in artifacts/TARGET/ and is timed alone afterwards (CPU time) to tell a real
# hang from starvation. A crash or an OOM still stops the run.
#
# The build comes first and apart (`cargo +nightly fuzz build -O $FUZZ_BUILD TARGET`, a no-op
# when fresh), then the binary runs directly: the run's clock never counts a rebuild, and the
# binary is the one built with these flags. Defaults: no sanitizer (`-s none`: the code and its
# dependencies are safe Rust but for well-tested crates, and libFuzzer still catches panics,
# hangs and OOM) and opt-level 1: on 2 shared cores this build takes 27 min, where the default
# one (AddressSanitizer, opt-level 3, one codegen unit) took 85 min or never ended.
# FUZZ_BUILD="" CARGO_PROFILE_RELEASE_OPT_LEVEL=3 sh run.sh parse  gives cargo-fuzz's defaults.
set -e
cd "$(dirname "$0")"
TARGET=$1
SECONDS_=${2:-1800}
case "$TARGET" in
    office) DEFAULT_DICT=office.dict ;;
    render_html) DEFAULT_DICT=html.dict ;;
    *) DEFAULT_DICT=french.dict ;;
esac
DICT=${3:-$DEFAULT_DICT}
LOGS=${LOGS:-../../notes/fuzz-logs}
FUZZ_BUILD=${FUZZ_BUILD--s none}
CARGO_PROFILE_RELEASE_OPT_LEVEL=${CARGO_PROFILE_RELEASE_OPT_LEVEL:-1}
export CARGO_PROFILE_RELEASE_OPT_LEVEL
# Seeding once, under a lock: runs started side by side would copy the same files at once.
seeded() { [ -n "$(ls "corpus/$TARGET" 2>/dev/null)" ]; }
seeded || flock .seed.lock sh -c "[ -n \"\$(ls corpus/$TARGET 2>/dev/null)\" ] || sh seed.sh"
# shellcheck disable=SC2086 # FUZZ_BUILD holds several flags
cargo +nightly fuzz build -O $FUZZ_BUILD "$TARGET"
TRIPLE=$(rustc +nightly -vV | sed -n 's/^host: //p')
mkdir -p "artifacts/$TARGET" "$LOGS"
exec "target/$TRIPLE/release/$TARGET" -artifact_prefix="artifacts/$TARGET/" "corpus/$TARGET" \
    -dict="$DICT" -timeout=10 -rss_limit_mb=2048 -max_total_time="$SECONDS_" \
    -print_final_stats=1 -fork=1 -ignore_timeouts=1 > "$LOGS/$TARGET.log" 2>&1
