//! The result of checking one convention against its template: one [`ClauseReport`] per clause,
//! one [`PlaceholderReport`] per placeholder; rendered as text (`Display`, stable, for snapshot
//! tests), Markdown and JSON (`"schema": 1`, its own view model).

use super::placeholder::Placeholder;
use crate::render::excerpt;
use serde::Serialize;
use std::fmt;

/// No-break space (inside « », before « : »).
pub(crate) const NBSP: char = '\u{a0}';

/// « text » with no-break spaces.
pub(crate) fn quote(text: &str) -> String {
    format!("«{NBSP}{text}{NBSP}»")
}

/// What became of a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ClauseStatus {
    /// Every alinéa equal once the placeholders are filled.
    Conforme,
    /// Words changed outside the placeholders, or alinéas added or removed.
    Adapte,
    /// A template clause the convention lacks.
    Absent,
    /// A convention clause the template lacks.
    Ajoutee,
}

impl ClauseStatus {
    /// The French word shown in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            ClauseStatus::Conforme => "conforme",
            ClauseStatus::Adapte => "adaptée",
            ClauseStatus::Absent => "absente",
            ClauseStatus::Ajoutee => "ajoutée",
        }
    }

    /// The ASCII name in JSON.
    pub fn json_name(self) -> &'static str {
        match self {
            ClauseStatus::Conforme => "conforme",
            ClauseStatus::Adapte => "adapte",
            ClauseStatus::Absent => "absent",
            ClauseStatus::Ajoutee => "ajoutee",
        }
    }
}

/// What kind of departure a [`Change`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    /// Words replaced (`old` → `new`).
    Replace,
    /// Words added (`new`).
    Insert,
    /// Words removed (`old`).
    Delete,
    /// An alinéa of the convention the template lacks (`new`).
    AlineaAdded,
    /// An alinéa of the template the convention lacks (`old`).
    AlineaRemoved,
    /// An alinéa found in another clause (`old` says where it stands in the template, or
    /// `new` where it went in the convention).
    Moved,
    /// Alinéas split or merged without other change.
    Regrouped,
    /// A placeholder the convention leaves empty (`old`: the placeholder).
    Unfilled,
}

impl ChangeKind {
    /// The name in the JSON report.
    pub fn json_name(self) -> &'static str {
        match self {
            ChangeKind::Replace => "replace",
            ChangeKind::Insert => "insert",
            ChangeKind::Delete => "delete",
            ChangeKind::AlineaAdded => "alinea-added",
            ChangeKind::AlineaRemoved => "alinea-removed",
            ChangeKind::Moved => "moved",
            ChangeKind::Regrouped => "regrouped",
            ChangeKind::Unfilled => "unfilled",
        }
    }
}

/// One departure from the template inside a clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Where: « intitulé », « alinéa 3 », « tableau 1, ligne 6 ».
    pub place: String,
    /// Replaced, inserted or deleted.
    pub kind: ChangeKind,
    /// The template's words (placeholders filled), empty when none.
    pub old: String,
    /// The convention's words, empty when none.
    pub new: String,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (old, new) = (
            quote(&excerpt(&self.old, 100)),
            quote(&excerpt(&self.new, 100)),
        );
        let place = &self.place;
        match self.kind {
            ChangeKind::Replace => write!(f, "{place}{NBSP}: {old} → {new}"),
            ChangeKind::Insert => write!(f, "{place}{NBSP}: {new} ajouté"),
            ChangeKind::Delete => write!(f, "{place}{NBSP}: {old} supprimé"),
            ChangeKind::AlineaAdded => write!(f, "{place} ajouté{NBSP}: {new}"),
            ChangeKind::AlineaRemoved => write!(f, "{place} du modèle absent{NBSP}: {old}"),
            ChangeKind::Moved if !self.old.is_empty() => {
                write!(f, "{place} repris du modèle, {}", self.old)
            }
            ChangeKind::Moved => write!(f, "{place} du modèle déplacé, {}", self.new),
            ChangeKind::Regrouped => write!(f, "{place}{NBSP}: alinéas scindés ou fusionnés"),
            ChangeKind::Unfilled => write!(f, "{place}{NBSP}: {} non renseigné", self.old),
        }
    }
}

/// One clause of the report: a template clause, or a clause the convention added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClauseReport {
    /// The template's key (`article-5.1`), or the convention's for an added clause.
    pub key: String,
    /// The key of the counterpart in the convention, when there is one.
    pub convention_key: Option<String>,
    /// The heading (template's, or convention's for an added clause), placeholders as written.
    pub heading: String,
    /// 0 for a top-level unit, 1 for a sub-article or a party…
    pub depth: usize,
    /// How the convention's clause stands against the template's.
    pub status: ClauseStatus,
    /// Marked `[optionnel]` in the template (or inside such a clause).
    pub optional: bool,
    /// Departures, in order (empty unless *adaptée*).
    pub changes: Vec<Change>,
    /// Placeholder values of this clause that do not fit their type.
    pub problems: Vec<String>,
    /// Accepted by an allow list, with its reason.
    pub accepted: Option<String>,
}

impl ClauseReport {
    /// A departure that counts: not conforming, not an absent optional clause, not accepted.
    pub fn deviates(&self) -> bool {
        self.accepted.is_none() && self.departs()
    }

    /// A departure, accepted or not.
    pub fn departs(&self) -> bool {
        match self.status {
            ClauseStatus::Conforme => !self.problems.is_empty(),
            ClauseStatus::Adapte | ClauseStatus::Ajoutee => true,
            ClauseStatus::Absent => !self.optional,
        }
    }

    /// The short status cell of a matrix: « conforme », « adaptée (3) », « absente (facultative) ».
    pub fn cell(&self) -> String {
        let mut s = self.status.as_str().to_string();
        match self.status {
            ClauseStatus::Adapte => s.push_str(&format!(" ({})", self.changes.len())),
            ClauseStatus::Absent if self.optional => s.push_str(" (facultative)"),
            _ => {}
        }
        if !self.problems.is_empty() {
            s.push_str(" ⚠");
        }
        if self.accepted.is_some() {
            s.push_str(", accepté");
        }
        s
    }

    /// The key as the text report shows it: indented by depth, `+` before an added clause.
    pub fn label(&self) -> String {
        let plus = if self.status == ClauseStatus::Ajoutee {
            "+"
        } else {
            ""
        };
        format!("{}{plus}{}", "  ".repeat(self.depth), self.key)
    }

    fn line_suffix(&self) -> String {
        let mut parts = Vec::new();
        if let Some(ck) = &self.convention_key {
            if *ck != self.key {
                parts.push(format!("({} dans la convention)", ck));
            }
        }
        let mut tail = Vec::new();
        match self.status {
            ClauseStatus::Adapte => tail.push(plural(self.changes.len(), "modification")),
            ClauseStatus::Absent if self.optional => parts.push("(facultative)".to_string()),
            _ => {}
        }
        if !self.problems.is_empty() {
            tail.push(plural(self.problems.len(), "valeur à vérifier"));
        }
        if let Some(reason) = &self.accepted {
            tail.push(format!("accepté{NBSP}: {reason}"));
        }
        let mut s = String::new();
        if !parts.is_empty() {
            s.push(' ');
            s.push_str(&parts.join(" "));
        }
        if !tail.is_empty() {
            s.push_str(" — ");
            s.push_str(&tail.join(", "));
        }
        s
    }
}

/// « 1 modification », « 3 modifications » (« valeur à vérifier » → « valeurs à vérifier »).
pub(crate) fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        return format!("1 {noun}");
    }
    let mut words = noun.splitn(2, ' ');
    let head = words.next().unwrap_or(noun);
    match words.next() {
        Some(rest) => format!("{n} {head}s {rest}"),
        None => format!("{n} {head}s"),
    }
}

/// What one placeholder took in the convention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceholderReport {
    /// The template's placeholder.
    pub placeholder: Placeholder,
    /// The value (for a party, the party's name as the convention calls it), if found.
    pub value: Option<String>,
    /// `(clause key, value as written)`, in template order.
    pub occurrences: Vec<(String, String)>,
    /// Values that do not fit the type (also listed on their clauses).
    pub type_problems: Vec<String>,
    /// Set when the placeholder takes different values in different clauses.
    pub inconsistent: Option<String>,
    /// Accepted by an allow list (`{{nom}} : raison`), with its reason.
    pub accepted: Option<String>,
}

impl PlaceholderReport {
    /// An inconsistency that counts (type problems count on their clauses).
    pub fn deviates(&self) -> bool {
        self.inconsistent.is_some() && self.accepted.is_none()
    }
}

/// The check of one convention against a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    /// The template's path as given.
    pub template: String,
    /// The convention's path as given.
    pub convention: String,
    /// Clauses in the convention's order, absent template clauses where they stood.
    pub clauses: Vec<ClauseReport>,
    /// The template's placeholders, in order of first appearance.
    pub placeholders: Vec<PlaceholderReport>,
}

impl CheckReport {
    /// True when nothing departs from the template (absent optional clauses and accepted
    /// departures aside): what exit code 0 means.
    pub fn conforms(&self) -> bool {
        self.deviations() == 0
    }

    /// Departures that count: clauses and inconsistent placeholders, accepted ones aside.
    pub fn deviations(&self) -> usize {
        self.clauses.iter().filter(|c| c.deviates()).count()
            + self.placeholders.iter().filter(|p| p.deviates()).count()
    }

    /// The clause with this key (template key, or convention key for an added clause).
    pub fn clause(&self, key: &str) -> Option<&ClauseReport> {
        self.clauses
            .iter()
            .find(|c| c.key == key && c.status != ClauseStatus::Ajoutee)
            .or_else(|| self.clauses.iter().find(|c| c.key == key))
    }

    /// Keys of the clauses with this status, in order.
    pub fn keys(&self, status: ClauseStatus) -> Vec<&str> {
        self.clauses
            .iter()
            .filter(|c| c.status == status)
            .map(|c| c.key.as_str())
            .collect()
    }

    /// The placeholder report for this name.
    pub fn placeholder(&self, name: &str) -> Option<&PlaceholderReport> {
        self.placeholders
            .iter()
            .find(|p| p.placeholder.name == name)
    }

    /// « 9 conformes, 6 adaptées, 1 absente (facultative), 4 ajoutées ; 10 écarts ».
    pub fn summary(&self) -> String {
        let count = |s: ClauseStatus| self.clauses.iter().filter(|c| c.status == s).count();
        let optional_absent = self
            .clauses
            .iter()
            .filter(|c| c.status == ClauseStatus::Absent && c.optional)
            .count();
        let n = count(ClauseStatus::Conforme);
        let mut s = format!("{n} {}", if n > 1 { "conformes" } else { "conforme" });
        let n = count(ClauseStatus::Adapte);
        s.push_str(&format!(
            ", {n} {}",
            if n > 1 { "adaptées" } else { "adaptée" }
        ));
        let n = count(ClauseStatus::Absent);
        s.push_str(&format!(
            ", {n} {}",
            if n > 1 { "absentes" } else { "absente" }
        ));
        if optional_absent > 0 {
            s.push_str(&format!(
                " (dont {optional_absent} {})",
                if optional_absent > 1 {
                    "facultatives"
                } else {
                    "facultative"
                }
            ));
        }
        let n = count(ClauseStatus::Ajoutee);
        s.push_str(&format!(
            ", {n} {}",
            if n > 1 { "ajoutées" } else { "ajoutée" }
        ));
        let accepted = self
            .clauses
            .iter()
            .filter(|c| c.accepted.is_some() && c.departs())
            .count()
            + self
                .placeholders
                .iter()
                .filter(|p| p.accepted.is_some() && p.inconsistent.is_some())
                .count();
        let d = self.deviations();
        if d == 0 {
            s.push_str(" ; conforme au modèle");
        } else {
            s.push_str(&format!(" ; {}", plural(d, "écart")));
        }
        if accepted > 0 {
            let noun = if accepted > 1 {
                "écarts acceptés"
            } else {
                "écart accepté"
            };
            s.push_str(&format!(" ; {accepted} {noun}"));
        }
        s
    }

    /// Writes the report as Markdown: a table of clauses, the departures, the placeholders.
    pub fn write_markdown(&self, w: &mut impl std::io::Write) -> std::io::Result<()> {
        writeln!(w, "## {}", md_escape(&self.convention))?;
        writeln!(w)?;
        writeln!(w, "Modèle{NBSP}: `{}`. {}.", self.template, self.summary())?;
        writeln!(w)?;
        writeln!(w, "| Clause | Statut | Intitulé | Observations |")?;
        writeln!(w, "| --- | --- | --- | --- |")?;
        for c in &self.clauses {
            let indent = "\u{a0}\u{a0}".repeat(c.depth);
            let mut notes: Vec<String> = c
                .changes
                .iter()
                .map(|x| md_escape(&x.to_string()))
                .collect();
            notes.extend(c.problems.iter().map(|p| md_escape(p)));
            if let Some(r) = &c.accepted {
                notes.push(format!("accepté{NBSP}: {}", md_escape(r)));
            }
            if c.status == ClauseStatus::Absent && c.optional {
                notes.push("facultatif".into());
            }
            writeln!(
                w,
                "| {indent}`{}` | {} | {} | {} |",
                c.key,
                c.status.as_str(),
                md_escape(&c.heading),
                notes.join("<br>")
            )?;
        }
        if !self.placeholders.is_empty() {
            writeln!(w)?;
            writeln!(w, "| Variable | Valeur | Observations |")?;
            writeln!(w, "| --- | --- | --- |")?;
            for p in &self.placeholders {
                let mut notes: Vec<String> = p.type_problems.iter().map(|x| md_escape(x)).collect();
                notes.extend(p.inconsistent.iter().map(|x| md_escape(x)));
                writeln!(
                    w,
                    "| `{}` | {} | {} |",
                    p.placeholder,
                    p.value
                        .as_deref()
                        .map(|v| md_escape(&quote(&excerpt(v, 80))))
                        .unwrap_or_else(|| "—".into()),
                    notes.join("<br>")
                )?;
            }
        }
        Ok(())
    }

    /// The JSON view model of the report (without the schema number, see [`super::matrix`]).
    pub(crate) fn json(&self) -> JsonReport<'_> {
        JsonReport {
            template: &self.template,
            convention: &self.convention,
            conforms: self.conforms(),
            deviations: self.deviations(),
            clauses: self
                .clauses
                .iter()
                .map(|c| JsonClause {
                    key: &c.key,
                    convention_key: c.convention_key.as_deref(),
                    heading: &c.heading,
                    depth: c.depth,
                    status: c.status.json_name(),
                    optional: c.optional,
                    accepted: c.accepted.as_deref(),
                    changes: c
                        .changes
                        .iter()
                        .map(|x| JsonChange {
                            place: &x.place,
                            op: x.kind.json_name(),
                            old: &x.old,
                            new: &x.new,
                        })
                        .collect(),
                    problems: &c.problems,
                })
                .collect(),
            placeholders: self
                .placeholders
                .iter()
                .map(|p| JsonPlaceholder {
                    name: &p.placeholder.name,
                    kind: p.placeholder.ty.as_str(),
                    value: p.value.as_deref(),
                    occurrences: p
                        .occurrences
                        .iter()
                        .map(|(clause, value)| JsonOccurrence { clause, value })
                        .collect(),
                    type_problems: &p.type_problems,
                    inconsistent: p.inconsistent.as_deref(),
                    accepted: p.accepted.as_deref(),
                })
                .collect(),
        }
    }

    /// The report alone as one line of JSON (`"schema": 1`), for JSON Lines output.
    pub fn to_json_line(&self) -> String {
        #[derive(Serialize)]
        struct One<'a> {
            schema: u32,
            #[serde(flatten)]
            report: JsonReport<'a>,
        }
        serde_json::to_string(&One {
            schema: crate::render::json::SCHEMA,
            report: self.json(),
        })
        .unwrap_or_default()
    }

    /// The report alone as JSON (`"schema": 1`).
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct One<'a> {
            schema: u32,
            #[serde(flatten)]
            report: JsonReport<'a>,
        }
        serde_json::to_string_pretty(&One {
            schema: crate::render::json::SCHEMA,
            report: self.json(),
        })
        .unwrap_or_default()
    }
}

/// Escapes the characters Markdown tables and inline markup would read.
pub(crate) fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '|' | '*' | '_' | '`' | '<' | '[' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[derive(Serialize)]
pub(crate) struct JsonReport<'a> {
    template: &'a str,
    convention: &'a str,
    conforms: bool,
    deviations: usize,
    clauses: Vec<JsonClause<'a>>,
    placeholders: Vec<JsonPlaceholder<'a>>,
}

#[derive(Serialize)]
struct JsonClause<'a> {
    key: &'a str,
    convention_key: Option<&'a str>,
    heading: &'a str,
    depth: usize,
    status: &'static str,
    optional: bool,
    accepted: Option<&'a str>,
    changes: Vec<JsonChange<'a>>,
    problems: &'a [String],
}

#[derive(Serialize)]
struct JsonChange<'a> {
    place: &'a str,
    op: &'static str,
    old: &'a str,
    new: &'a str,
}

#[derive(Serialize)]
struct JsonPlaceholder<'a> {
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: Option<&'a str>,
    occurrences: Vec<JsonOccurrence<'a>>,
    type_problems: &'a [String],
    inconsistent: Option<&'a str>,
    accepted: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonOccurrence<'a> {
    clause: &'a str,
    value: &'a str,
}

impl fmt::Display for CheckReport {
    /// One header, one line per clause, then the departures and the placeholders' values.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Modèle     {NBSP}: {}", self.template)?;
        writeln!(f, "Convention {NBSP}: {}", self.convention)?;
        writeln!(f, "Bilan      {NBSP}: {}", self.summary())?;
        writeln!(f)?;
        let width = self
            .clauses
            .iter()
            .map(|c| c.label().chars().count())
            .max()
            .unwrap_or(0);
        for c in &self.clauses {
            let key = c.label();
            let pad = width.saturating_sub(key.chars().count());
            writeln!(
                f,
                "{key}{}  {:<9}  {}{}",
                " ".repeat(pad),
                c.status.as_str(),
                excerpt(&c.heading, 60),
                c.line_suffix()
            )?;
        }
        let departing: Vec<&ClauseReport> = self
            .clauses
            .iter()
            .filter(|c| !c.changes.is_empty() || !c.problems.is_empty())
            .collect();
        if !departing.is_empty() {
            writeln!(f)?;
            writeln!(f, "Écarts")?;
            for c in departing {
                writeln!(
                    f,
                    "  {} — {}",
                    c.label().trim_start(),
                    excerpt(&c.heading, 60)
                )?;
                for x in &c.changes {
                    writeln!(f, "    {x}")?;
                }
                for p in &c.problems {
                    writeln!(f, "    {p}")?;
                }
            }
        }
        if !self.placeholders.is_empty() {
            writeln!(f)?;
            writeln!(f, "Variables")?;
            let width = self
                .placeholders
                .iter()
                .map(|p| p.placeholder.to_string().chars().count())
                .max()
                .unwrap_or(0);
            for p in &self.placeholders {
                let name = p.placeholder.to_string();
                let pad = width.saturating_sub(name.chars().count());
                let value = match &p.value {
                    Some(v) => quote(&excerpt(v, 70)),
                    None => "— (non trouvée)".to_string(),
                };
                write!(f, "  {name}{}  {value}", " ".repeat(pad))?;
                let n = p.occurrences.len();
                if n > 1 {
                    write!(f, " ({n} occurrences)")?;
                }
                writeln!(f)?;
                for problem in p.type_problems.iter().chain(p.inconsistent.iter()) {
                    writeln!(f, "    {problem}")?;
                }
                if let (Some(r), Some(_)) = (&p.accepted, &p.inconsistent) {
                    writeln!(f, "    accepté{NBSP}: {r}")?;
                }
            }
        }
        Ok(())
    }
}
