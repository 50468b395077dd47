//! The « tableau comparatif » page: header, summary, the table of blocks and rows, and the
//! global replacements.

use super::builder::{cell, deleted, doc_title, inserted, summary_counts, Block, Builder};
use super::{escape, head};
use crate::diff::{Comparison, Status};
use crate::render::diff_common::{
    coarse_note, pair_name, quote, renumbering_lines, DiffRenderOptions,
};
use crate::text::capitalise;
use std::io::{self, Write};

/// Writes the comparison as a self-contained HTML « tableau comparatif ».
pub fn write_diff_html(
    cmp: &Comparison,
    options: &DiffRenderOptions,
    w: &mut impl Write,
) -> io::Result<()> {
    let (old_path, new_path) = (&cmp.old.source.path, &cmp.new.source.path);
    head(w, &format!("Tableau comparatif — {old_path} et {new_path}"))?;
    writeln!(w, "<header>")?;
    writeln!(w, "<h1>Tableau comparatif</h1>")?;
    writeln!(w, "<dl class=\"documents\">")?;
    for (label, doc) in [
        ("Rédaction actuelle", &cmp.old),
        ("Rédaction nouvelle", &cmp.new),
    ] {
        let title = doc_title(doc)
            .map(|t| format!(" — {}", escape(&t)))
            .unwrap_or_default();
        writeln!(
            w,
            "<dt>{label}</dt><dd><code>{}</code>{title}</dd>",
            escape(&doc.source.path)
        )?;
    }
    writeln!(w, "</dl>")?;
    writeln!(w, "</header>")?;

    let mut b = Builder::new(cmp, options);
    let mut rendered = Vec::new();
    for p in &cmp.pairs {
        if b.visible(p) {
            b.rendered(p, &mut rendered);
        }
    }
    b.index_departures(&rendered.into_iter().collect());
    let mut only_global = Vec::new();
    for p in &cmp.pairs {
        if b.visible(p) {
            b.unit(p);
        } else {
            if p.status == Status::Modified {
                only_global.push(pair_name(cmp, p));
            }
            b.unchanged(p);
        }
    }

    let renumbered = renumbering_lines(cmp);
    writeln!(w, "<nav aria-labelledby=\"synthese\">")?;
    writeln!(w, "<h2 id=\"synthese\">Synthèse</h2>")?;
    if !cmp.has_differences() {
        writeln!(w, "<p>Aucune différence de fond entre les deux textes.</p>")?;
    } else {
        writeln!(w, "<ul>")?;
        for c in summary_counts(cmp) {
            writeln!(w, "<li>{}</li>", escape(&c))?;
        }
        writeln!(w, "</ul>")?;
        if let Some(note) = coarse_note(cmp) {
            writeln!(w, "<p>{}</p>", escape(&note))?;
        }
        writeln!(
            w,
            "<p>Changements, dans l'ordre de la rédaction nouvelle :</p>"
        )?;
        writeln!(w, "<ol>")?;
        for block in &b.blocks {
            if let Block::Unit {
                anchor,
                name,
                status,
                ..
            } = block
            {
                let status = if status.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", escape(status))
                };
                writeln!(
                    w,
                    "<li><a href=\"#{anchor}\">{}</a>{status}</li>",
                    escape(name)
                )?;
            }
        }
        if !renumbered.is_empty() {
            writeln!(
                w,
                "<li><a href=\"#renumerotations\">Renumérotations</a></li>"
            )?;
        }
        if !cmp.globals.is_empty() {
            writeln!(
                w,
                "<li><a href=\"#remplacements\">Remplacements dans l'ensemble du texte</a></li>"
            )?;
        }
        writeln!(w, "</ol>")?;
    }
    writeln!(w, "</nav>")?;

    writeln!(w, "<main>")?;
    writeln!(w, "<h2 id=\"tableau\">Tableau comparatif</h2>")?;
    writeln!(w, "<table>")?;
    writeln!(
        w,
        "<caption>Rédaction actuelle ({}) et rédaction nouvelle ({}), unité par unité ; \
         mots supprimés barrés, mots insérés soulignés.</caption>",
        escape(old_path),
        escape(new_path)
    )?;
    writeln!(
        w,
        "<colgroup><col class=\"texte\"><col class=\"texte\"><col class=\"obs\"></colgroup>"
    )?;
    writeln!(
        w,
        "<thead><tr><th scope=\"col\">Rédaction actuelle</th><th scope=\"col\">Rédaction nouvelle</th><th scope=\"col\">Observations</th></tr></thead>"
    )?;
    for block in &b.blocks {
        match block {
            Block::Unit {
                anchor,
                name,
                status,
                rows,
            } => {
                writeln!(w, "<tbody id=\"{anchor}\">")?;
                let status = if status.is_empty() {
                    String::new()
                } else {
                    format!(" <span class=\"statut\">({})</span>", escape(status))
                };
                writeln!(
                    w,
                    "<tr><th scope=\"rowgroup\" colspan=\"3\" class=\"unite\">{}{status}</th></tr>",
                    escape(name)
                )?;
                for r in rows {
                    let id =
                        r.id.as_ref()
                            .map(|i| format!(" id=\"{i}\""))
                            .unwrap_or_default();
                    let class = if r.class.is_empty() {
                        String::new()
                    } else {
                        format!(" class=\"{}\"", r.class)
                    };
                    writeln!(
                        w,
                        "<tr{id}{class}>{}{}<td>{}</td></tr>",
                        spanned(&r.old, r.old_span),
                        spanned(&r.new, r.new_span),
                        r.obs.join("<br>")
                    )?;
                }
                writeln!(w, "</tbody>")?;
            }
            Block::Unchanged { items } => {
                let names: Vec<&str> = items.iter().map(|(n, _)| n.as_str()).collect();
                let label = if names.len() <= 3 {
                    format!("{} : sans changement", names.join(", "))
                } else {
                    format!(
                        "{} unités sans changement ({} à {})",
                        names.len(),
                        names[0],
                        names[names.len() - 1]
                    )
                };
                writeln!(w, "<tbody class=\"inchangees\">")?;
                write!(
                    w,
                    "<tr><td colspan=\"3\"><details><summary>{}</summary>",
                    escape(&label)
                )?;
                for (name, texts) in items {
                    write!(w, "<div class=\"texte\"><strong>{}</strong>", escape(name))?;
                    for t in texts {
                        write!(w, "<p>{}</p>", escape(t))?;
                    }
                    write!(w, "</div>")?;
                }
                writeln!(w, "</details></td></tr>")?;
                writeln!(w, "</tbody>")?;
            }
        }
    }
    writeln!(w, "</table>")?;
    if !renumbered.is_empty() {
        writeln!(w, "<h2 id=\"renumerotations\">Renumérotations</h2>")?;
        writeln!(w, "<ul>")?;
        for line in &renumbered {
            writeln!(w, "<li>{}.</li>", escape(&capitalise(line)))?;
        }
        writeln!(w, "</ul>")?;
    }
    if !only_global.is_empty() {
        writeln!(
            w,
            "<p>Modifiés par les seuls remplacements ci-dessous : {}.</p>",
            escape(&only_global.join(", "))
        )?;
    }
    if !cmp.globals.is_empty() {
        writeln!(
            w,
            "<h2 id=\"remplacements\">Remplacements dans l'ensemble du texte</h2>"
        )?;
        writeln!(w, "<table>")?;
        writeln!(
            w,
            "<caption>Mots remplacés à l'identique dans plusieurs stipulations.</caption>"
        )?;
        writeln!(w, "<thead><tr><th scope=\"col\">Rédaction actuelle</th><th scope=\"col\">Rédaction nouvelle</th><th scope=\"col\">Occurrences</th></tr></thead>")?;
        writeln!(w, "<tbody>")?;
        for g in &cmp.globals {
            writeln!(
                w,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                deleted(&quote(&g.old)),
                inserted(&quote(&g.new)),
                g.count
            )?;
        }
        writeln!(w, "</tbody>")?;
        writeln!(w, "</table>")?;
    }
    writeln!(w, "</main>")?;
    writeln!(w, "</body>")?;
    writeln!(w, "</html>")
}

/// A text cell spanning `rows` rows (none when the cell above spans this row).
fn spanned(html: &str, rows: usize) -> String {
    match rows {
        0 => String::new(),
        1 => format!("<td>{}</td>", cell(html)),
        n => format!("<td rowspan=\"{n}\">{}</td>", cell(html)),
    }
}
