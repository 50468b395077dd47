#!/bin/sh
# Regenerates the LibreOffice-written .odt/.docx of the hand-written flat ODT sources (run from the
# repository root): encadre.fodt holds a frame anchored to a paragraph and one anchored as a
# character, which LibreOffice writes as draw:frame/draw:text-box (.odt) and as a text box
# (w:txbxContent in mc:AlternateContent, .docx).
set -e
out=$(mktemp -d)
for n in encadre; do
  for e in odt docx; do
    soffice --headless --convert-to "$e" --outdir "$out" "corpus/office/$n.fodt" >/dev/null
    cp "$out/$n.$e" "corpus/office/$n.soffice.$e"
  done
done
# Two real .docx with merged cells (gridSpan, vMerge), re-saved by LibreOffice as .odt
# (number-columns-spanned, number-rows-spanned, covered cells).
for n in esup-notice-convention-stage-type-v4-2013-10-08 apilos-convention-apl-foyer-2022-12-06; do
  soffice --headless --convert-to odt --outdir "$out" "../shared/corpus/real/$n.docx" >/dev/null
  cp "$out/$n.odt" "corpus/office/$n.soffice.odt"
done
rm -rf "$out"
