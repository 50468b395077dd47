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
rm -rf "$out"
