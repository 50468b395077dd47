#!/bin/sh
# run.sh TARGET [SECONDS] [DICT] — one fuzzer in fork mode, log in $LOGS/TARGET.log.
# Fork mode (-fork=1) with -ignore_timeouts=1: on a machine shared by many builds, libFuzzer's
# wall-clock timeout fires on inputs that run in a fraction of a second alone; the run goes on,
# the input is kept in artifacts/TARGET/ and is timed alone afterwards (CPU time) to tell a real
# hang from starvation. A crash or an OOM still stops the run.
set -e
cd "$(dirname "$0")"
TARGET=$1
SECONDS_=${2:-1800}
DICT=${3:-french.dict}
LOGS=${LOGS:-../../notes/fuzz-logs}
[ -n "$(ls "corpus/$TARGET" 2>/dev/null)" ] || sh seed.sh
exec cargo +nightly fuzz run -O "$TARGET" "corpus/$TARGET" -- -dict="$DICT" -timeout=10 \
    -rss_limit_mb=2048 -max_total_time="$SECONDS_" -print_final_stats=1 \
    -fork=1 -ignore_timeouts=1 > "$LOGS/$TARGET.log" 2>&1
