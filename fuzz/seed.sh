#!/bin/sh
# Fills fuzz/corpus/<target>/ with seeds from the repository's corpus/ and, when present,
# ../shared/corpus/ (not committed: the fuzzers grow these folders).
set -e
cd "$(dirname "$0")"
SHARED=${SHARED:-../../shared}
mkdir -p corpus/parse corpus/diff corpus/apply corpus/pdf corpus/office corpus/render_html
# Texts: the corpus (Markdown, the structure cases and the blind corpus in .txt), the seeds, and
# real/'s LibreOffice renderings (documents without articles, statuts, templates full of tags).
for f in seeds/*.md ../corpus/*/*.md ../corpus/*/*.txt ../corpus/conventions/*.md ../corpus/templates/*.md "$SHARED"/seeds/*.txt "$SHARED"/corpus/real/*.soffice.txt; do
    [ -f "$f" ] || continue
    [ "$(wc -c < "$f")" -lt 200000 ] || continue
    name=$(echo "$f" | sed 's:^[./]*::; s:/:_:g')
    cp "$f" "corpus/parse/$name"
    cp "$f" "corpus/diff/$name"
    cp "$f" "corpus/render_html/$name"
done
# Avenants alone (applied to the target's seed convention), the blind corpus's avenants, and
# each corpus avenant behind its own convention and a NUL byte (the form `convention NUL avenant`).
for f in ../corpus/avenants/*.md ../corpus/blind/*avenant*.txt; do
    [ -f "$f" ] && cp "$f" corpus/apply/
done
for f in ../corpus/avenants/*.md; do
    conv=../corpus/conventions/$(basename "$f" | sed 's/-avenant.*//').md
    [ -f "$conv" ] || continue
    { cat "$conv"; printf '\000'; cat "$f"; } > "corpus/apply/pair-$(basename "$f")"
done
for f in ../corpus/pdf/*.pdf "$SHARED"/corpus/pdf/*.pdf; do
    [ -f "$f" ] || continue
    [ "$(wc -c < "$f")" -lt 600000 ] && cp "$f" corpus/pdf/
done
# office: each real .docx / .odt whole (PK…), and its XML parts joined by NUL bytes behind a
# selector byte (0 = .docx parts, 1 = .odt parts), the form the target wraps in a fresh archive.
for f in ../corpus/*/*.docx ../corpus/*/*.odt "$SHARED"/corpus/real/*.docx "$SHARED"/corpus/real/*.odt "$SHARED"/corpus/seed-pdfs/*.docx; do
    [ -f "$f" ] || continue
    [ "$(wc -c < "$f")" -lt 400000 ] || continue
    name=$(basename "$f")
    cp "$f" "corpus/office/$name"
    case "$f" in
        *.docx) { printf '\000'; for p in document numbering styles footnotes endnotes; do
                      unzip -p "$f" "word/$p.xml" 2>/dev/null || true; printf '\000'; done; } > "corpus/office/$name.parts" ;;
        *.odt) { printf '\001'; for p in content styles meta; do
                     unzip -p "$f" "$p.xml" 2>/dev/null || true; printf '\000'; done; } > "corpus/office/$name.parts" ;;
    esac
done
echo "seeds: $(ls corpus/parse | wc -l) texts, $(ls corpus/apply | wc -l) avenants, $(ls corpus/pdf | wc -l) PDFs, $(ls corpus/office | wc -l) office"
