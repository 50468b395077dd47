//! The check page: the clause × convention matrix with its legend, then each convention's
//! report.

use super::{escape, head};
use crate::render::diff_common::count;
use crate::template::{CheckReport, ClauseStatus, Matrix, Template};
use std::io::{self, Write};

/// Writes the check of conventions against a template as an HTML page: the clause × convention
/// matrix with its legend, then each convention's report.
pub fn write_check_html(
    template: &Template,
    reports: &[CheckReport],
    w: &mut impl Write,
) -> io::Result<()> {
    let matrix = Matrix::new(template, reports);
    head(
        w,
        &format!(
            "Vérification de conventions sur le modèle {}",
            matrix.template
        ),
    )?;
    writeln!(w, "<header>")?;
    writeln!(w, "<h1>Vérification de conventions sur le modèle</h1>")?;
    writeln!(
        w,
        "<p>Modèle : <code>{}</code></p>",
        escape(&matrix.template)
    )?;
    writeln!(w, "</header>")?;
    writeln!(w, "<main>")?;
    writeln!(w, "<h2 id=\"matrice\">Matrice des clauses</h2>")?;
    writeln!(w, "<dl class=\"legende\">")?;
    for (class, term, def) in [
        (
            "conforme",
            "conforme",
            "la clause reprend le modèle, variables remplies",
        ),
        (
            "ecart",
            "adaptée (n)",
            "n changements de mots ou d'alinéas par rapport au modèle",
        ),
        (
            "ecart",
            "absente",
            "la clause du modèle manque à la convention",
        ),
        (
            "accepte",
            "accepté",
            "écart admis par la liste --allow (il ne compte pas)",
        ),
        (
            "",
            "facultative",
            "clause du modèle marquée « [optionnel] »",
        ),
        (
            "",
            "+ clause ajoutée",
            "clause que le modèle n'a pas, ajoutée par une convention",
        ),
        ("", "—", "la convention n'a pas cette clause ajoutée"),
    ] {
        let class = if class.is_empty() {
            String::new()
        } else {
            format!(" class=\"{class}\"")
        };
        writeln!(
            w,
            "<dt><span{class}>{}</span></dt><dd>{}</dd>",
            escape(term),
            escape(def)
        )?;
    }
    writeln!(w, "</dl>")?;
    writeln!(w, "<table>")?;
    writeln!(
        w,
        "<caption>Clauses du modèle (lignes) et conventions vérifiées (colonnes)</caption>"
    )?;
    write!(
        w,
        "<thead><tr><th scope=\"col\">Clause</th><th scope=\"col\">Intitulé</th>"
    )?;
    for t in matrix.titles() {
        write!(w, "<th scope=\"col\">{}</th>", escape(&t))?;
    }
    writeln!(w, "</tr></thead>")?;
    writeln!(w, "<tbody>")?;
    for row in &matrix.rows {
        let mark = if row.added {
            "+ "
        } else if row.optional {
            "(facultative) "
        } else {
            ""
        };
        let indent = "\u{a0}\u{a0}".repeat(row.depth);
        write!(
            w,
            "<tr><th scope=\"row\">{indent}{}<code>{}</code></th><td>{}</td>",
            escape(mark),
            escape(&row.key),
            escape(&row.heading)
        )?;
        for c in &row.cells {
            match c {
                None => write!(w, "<td>—</td>")?,
                Some(c) => {
                    let class = if c.deviates {
                        "ecart"
                    } else if c.status == ClauseStatus::Conforme {
                        "conforme"
                    } else {
                        "accepte"
                    };
                    write!(w, "<td class=\"{class}\">{}</td>", escape(&c.text))?
                }
            }
        }
        writeln!(w, "</tr>")?;
    }
    writeln!(w, "</tbody>")?;
    write!(w, "<tfoot><tr><th scope=\"row\" colspan=\"2\">Bilan</th>")?;
    for d in &matrix.deviations {
        let t = match d {
            0 => "conforme".to_string(),
            n => count(*n, "écart", "écarts"),
        };
        write!(w, "<td>{}</td>", escape(&t))?;
    }
    writeln!(w, "</tr></tfoot>")?;
    writeln!(w, "</table>")?;
    for r in reports {
        writeln!(w, "<section>")?;
        writeln!(w, "<h2>{}</h2>", escape(&r.convention))?;
        writeln!(w, "<p>{}</p>", escape(&r.summary()))?;
        writeln!(w, "<pre>{}</pre>", escape(&r.to_string()))?;
        writeln!(w, "</section>")?;
    }
    writeln!(w, "</main>")?;
    writeln!(w, "</body>")?;
    writeln!(w, "</html>")
}
