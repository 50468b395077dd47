#!/bin/sh
# Regenerates the pandoc-written .docx/.odt of the corpus conventions (run from the repository root).
# TAB rows become pipe tables first, since pandoc's Markdown has no TAB tables; each source line
# break stays a line break (hard_line_breaks), as avenant reads Markdown lines.
set -e
for n in canope-dinum-2020 ena-dinum-2021; do
  python3 - "corpus/conventions/$n.md" > "/tmp/$n.pipes.md" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
out, i = [], 0
while i < len(lines):
    if "\t" in lines[i]:
        rows = []
        while i < len(lines) and "\t" in lines[i]:
            rows.append(lines[i].split("\t")); i += 1
        width = max(len(r) for r in rows)
        out.append("")
        for k, r in enumerate(rows):
            r = r + [""] * (width - len(r))
            out.append("| " + " | ".join(c.replace("|", "\\|") for c in r) + " |")
            if k == 0:
                out.append("|" + "---|" * width)
        out.append("")
    else:
        out.append(lines[i]); i += 1
print("\n".join(out))
PY
  for e in docx odt; do
    pandoc -f markdown+hard_line_breaks -o "corpus/office/$n.pandoc.$e" "/tmp/$n.pipes.md"
  done
done
