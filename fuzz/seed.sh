#!/bin/sh
# Fills fuzz/corpus/<target>/ with seeds from the repository's corpus/ and, when present,
# ../shared/corpus/ (not committed: the fuzzers grow these folders).
set -e
cd "$(dirname "$0")"
SHARED=${SHARED:-../../shared}
mkdir -p corpus/parse corpus/diff corpus/apply corpus/pdf
for f in ../corpus/*/*.md ../corpus/conventions/*.md ../corpus/templates/*.md "$SHARED"/seeds/*.txt; do
    [ -f "$f" ] || continue
    [ "$(wc -c < "$f")" -lt 200000 ] || continue
    name=$(echo "$f" | sed 's:^[./]*::; s:/:_:g')
    cp "$f" "corpus/parse/$name"
    cp "$f" "corpus/diff/$name"
done
for f in ../corpus/avenants/*.md; do cp "$f" corpus/apply/; done
for f in ../corpus/pdf/*.pdf "$SHARED"/corpus/pdf/*.pdf; do
    [ -f "$f" ] || continue
    [ "$(wc -c < "$f")" -lt 600000 ] && cp "$f" corpus/pdf/
done
echo "seeds: $(ls corpus/parse | wc -l) texts, $(ls corpus/apply | wc -l) avenants, $(ls corpus/pdf | wc -l) PDFs"
