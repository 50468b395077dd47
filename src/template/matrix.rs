//! Several conventions checked against one template: a matrix of clauses × conventions,
//! the view a legal department wants for many partners. Terminal (aligned columns), Markdown
//! table and JSON (`"schema": 1`, with every report).

use super::report::{md_escape, CheckReport, ClauseStatus, JsonReport};
use super::{is_clause, Template};
use crate::render::excerpt;
use serde::Serialize;
use std::fmt;
use std::io::{self, Write};
use std::path::Path;

/// One convention's status for one clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixCell {
    /// The clause's status in this convention.
    pub status: ClauseStatus,
    /// The cell as shown: « conforme », « adaptée (3) », « absente (facultative) »…
    pub text: String,
    /// Counts as a departure (accepted ones and absent optional clauses do not).
    pub deviates: bool,
}

/// One clause: of the template, or added by some conventions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixRow {
    /// The clause's key (`article-5`).
    pub key: String,
    /// The clause's heading.
    pub heading: String,
    /// Depth in the template's tree (0 for a top-level unit).
    pub depth: usize,
    /// The template marks it optional.
    pub optional: bool,
    /// A clause the template lacks, added by some conventions.
    pub added: bool,
    /// One cell per convention (`None`: the convention does not have this added clause).
    pub cells: Vec<Option<MatrixCell>>,
}

/// Clauses × conventions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    /// The template's path.
    pub template: String,
    /// The conventions' paths, in the order given.
    pub columns: Vec<String>,
    /// One row per clause, in the template's order.
    pub rows: Vec<MatrixRow>,
    /// Departures counted per convention.
    pub deviations: Vec<usize>,
}

impl Matrix {
    /// Builds the matrix of `reports` (each made with `template`): template clauses in the
    /// template's order, added clauses after the clause they follow.
    pub fn new(template: &Template, reports: &[CheckReport]) -> Matrix {
        let doc = template.document();
        let mut rows: Vec<MatrixRow> = Vec::new();
        let depth_of = |id| {
            let mut d = 0;
            let mut cur = doc.parent(id);
            while let Some(p) = cur {
                if p != doc.root() && is_clause(doc, p) {
                    d += 1;
                }
                cur = doc.parent(p);
            }
            d
        };
        for id in doc.descendants(doc.root()) {
            if !is_clause(doc, id) {
                continue;
            }
            let key = doc.node(id).key.clone();
            let cells = reports
                .iter()
                .map(|r| {
                    r.clauses
                        .iter()
                        .find(|c| c.key == key && c.status != ClauseStatus::Ajoutee)
                        .map(|c| MatrixCell {
                            status: c.status,
                            text: c.cell(),
                            deviates: c.deviates(),
                        })
                })
                .collect();
            rows.push(MatrixRow {
                optional: template.is_optional(&key),
                heading: super::check::heading_of(doc, id),
                depth: depth_of(id),
                key,
                added: false,
                cells,
            });
        }
        for (col, report) in reports.iter().enumerate() {
            let mut anchor: Option<usize> = None;
            for c in &report.clauses {
                if c.status != ClauseStatus::Ajoutee {
                    anchor = rows.iter().position(|r| !r.added && r.key == c.key);
                    continue;
                }
                let cell = MatrixCell {
                    status: c.status,
                    text: c.cell(),
                    deviates: c.deviates(),
                };
                if let Some(row) = rows
                    .iter_mut()
                    .find(|r| r.added && r.key == c.key && r.heading == c.heading)
                {
                    row.cells[col] = Some(cell);
                    continue;
                }
                let mut at = anchor.map_or(0, |a| a + 1);
                while at < rows.len() && rows[at].added {
                    at += 1;
                }
                let mut cells = vec![None; reports.len()];
                cells[col] = Some(cell);
                rows.insert(
                    at,
                    MatrixRow {
                        key: c.key.clone(),
                        heading: c.heading.clone(),
                        depth: c.depth,
                        optional: false,
                        added: true,
                        cells,
                    },
                );
                anchor = Some(at);
            }
        }
        Matrix {
            template: template.path().to_string(),
            columns: reports.iter().map(|r| r.convention.clone()).collect(),
            rows,
            deviations: reports.iter().map(CheckReport::deviations).collect(),
        }
    }

    /// Column titles: the conventions' file names (whole paths when two names are alike).
    pub fn titles(&self) -> Vec<String> {
        let names: Vec<String> = self
            .columns
            .iter()
            .map(|c| {
                Path::new(c)
                    .file_stem()
                    .map_or_else(|| c.clone(), |s| s.to_string_lossy().into_owned())
            })
            .collect();
        let unique = names
            .iter()
            .all(|n| names.iter().filter(|m| *m == n).count() == 1);
        if unique {
            names
        } else {
            self.columns.clone()
        }
    }

    fn row_label(row: &MatrixRow) -> String {
        let mark = if row.added {
            "+ "
        } else if row.optional && row.depth == 0 {
            "? "
        } else {
            ""
        };
        format!("{}{mark}{}", "  ".repeat(row.depth), row.key)
    }

    fn cell_text(cell: &Option<MatrixCell>) -> String {
        cell.as_ref()
            .map_or_else(|| "—".to_string(), |c| c.text.clone())
    }

    fn totals(&self) -> Vec<String> {
        self.deviations
            .iter()
            .map(|d| match d {
                0 => "conforme".to_string(),
                n => super::report::plural(*n, "écart"),
            })
            .collect()
    }

    /// The matrix as a Markdown table.
    pub fn write_markdown(&self, w: &mut impl Write) -> io::Result<()> {
        let titles = self.titles();
        write!(w, "| Clause | Intitulé |")?;
        for t in &titles {
            write!(w, " {} |", md_escape(t))?;
        }
        writeln!(w)?;
        write!(w, "| --- | --- |")?;
        for _ in &titles {
            write!(w, " --- |")?;
        }
        writeln!(w)?;
        for row in &self.rows {
            let label = Self::row_label(row).replace("  ", "\u{a0}\u{a0}");
            write!(
                w,
                "| `{}` | {} |",
                label.trim_start(),
                md_escape(&excerpt(&row.heading, 50))
            )?;
            for c in &row.cells {
                write!(w, " {} |", md_escape(&Self::cell_text(c)))?;
            }
            writeln!(w)?;
        }
        write!(w, "| **Bilan** | |")?;
        for t in self.totals() {
            write!(w, " **{t}** |")?;
        }
        writeln!(w)?;
        writeln!(w)?;
        writeln!(
            w,
            "`+` clause ajoutée par une convention, `?` clause facultative du modèle."
        )
    }

    pub(crate) fn json(&self) -> JsonMatrix<'_> {
        JsonMatrix {
            columns: &self.columns,
            rows: self
                .rows
                .iter()
                .map(|r| JsonRow {
                    key: &r.key,
                    heading: &r.heading,
                    depth: r.depth,
                    optional: r.optional,
                    added: r.added,
                    cells: r
                        .cells
                        .iter()
                        .map(|c| {
                            c.as_ref().map(|c| JsonCell {
                                status: c.status.json_name(),
                                text: &c.text,
                                deviates: c.deviates,
                            })
                        })
                        .collect(),
                })
                .collect(),
            deviations: &self.deviations,
        }
    }
}

impl fmt::Display for Matrix {
    /// Aligned columns: clause, heading, one column per convention, and a last line of totals.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let titles = self.titles();
        let mut table: Vec<Vec<String>> = Vec::new();
        let mut head = vec!["Clause".to_string(), "Intitulé".to_string()];
        head.extend(titles.iter().cloned());
        table.push(head);
        for row in &self.rows {
            let mut line = vec![Self::row_label(row), excerpt(&row.heading, 40)];
            line.extend(row.cells.iter().map(Self::cell_text));
            table.push(line);
        }
        let mut total = vec!["Bilan".to_string(), String::new()];
        total.extend(self.totals());
        table.push(total);
        let cols = table.first().map_or(0, Vec::len);
        let widths: Vec<usize> = (0..cols)
            .map(|i| {
                table
                    .iter()
                    .map(|l| l.get(i).map_or(0, |s| s.chars().count()))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        writeln!(f, "Modèle\u{a0}: {}", self.template)?;
        writeln!(f)?;
        let n = table.len();
        for (k, line) in table.iter().enumerate() {
            if k == n - 1 {
                let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
                writeln!(f, "{}", rule.join("  "))?;
            }
            let mut out = String::new();
            for (i, cell) in line.iter().enumerate() {
                out.push_str(cell);
                if i + 1 < line.len() {
                    let pad = widths[i].saturating_sub(cell.chars().count());
                    out.push_str(&" ".repeat(pad + 2));
                }
            }
            writeln!(f, "{}", out.trim_end())?;
            if k == 0 {
                let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
                writeln!(f, "{}", rule.join("  "))?;
            }
        }
        writeln!(f)?;
        writeln!(
            f,
            "+ clause ajoutée par une convention, ? clause facultative du modèle"
        )
    }
}

#[derive(Serialize)]
pub(crate) struct JsonMatrix<'a> {
    columns: &'a [String],
    rows: Vec<JsonRow<'a>>,
    deviations: &'a [usize],
}

#[derive(Serialize)]
struct JsonRow<'a> {
    key: &'a str,
    heading: &'a str,
    depth: usize,
    optional: bool,
    added: bool,
    cells: Vec<Option<JsonCell<'a>>>,
}

#[derive(Serialize)]
struct JsonCell<'a> {
    status: &'static str,
    text: &'a str,
    deviates: bool,
}

/// Every report and their matrix as one JSON document (`"schema": 1`).
pub fn write_json(
    template: &Template,
    reports: &[CheckReport],
    w: &mut impl Write,
) -> io::Result<()> {
    #[derive(Serialize)]
    struct All<'a> {
        schema: u32,
        template: &'a str,
        conforms: bool,
        reports: Vec<JsonReport<'a>>,
        matrix: JsonMatrix<'a>,
    }
    let matrix = Matrix::new(template, reports);
    let all = All {
        schema: crate::render::json::SCHEMA,
        template: template.path(),
        conforms: reports.iter().all(CheckReport::conforms),
        reports: reports.iter().map(CheckReport::json).collect(),
        matrix: matrix.json(),
    };
    serde_json::to_writer_pretty(&mut *w, &all).map_err(io::Error::other)?;
    writeln!(w)
}
