//! Accepted departures: one `CLAUSE_KEY : raison` or `FICHIER#CLAUSE_KEY : raison` a line
//! (`#` starts a comment line; `{{nom}} : raison` accepts a placeholder taking several values),
//! so that a CI accepts the known departures of some conventions and fails on new ones.
//!
//! ```
//! let allow = avenant::template::AllowList::parse("allow.txt", "# connus\n\
//!     article-5 : le financement ne concerne que Canopé\n\
//!     ena-dinum-2021.md#titre : « convention de partenariat », intitulé d'origine\n").unwrap();
//! assert!(allow.reason("conventions/ena-dinum-2021.md", "titre").is_some());
//! assert!(allow.reason("conventions/canope-dinum-2020.md", "titre").is_none());
//! assert!(allow.reason("conventions/canope-dinum-2020.md", "article-5").is_some());
//! ```

use super::report::CheckReport;
use crate::error::{Error, ErrorKind, Result};
use std::path::Path;

/// One accepted departure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllowEntry {
    /// The convention it applies to (path, file name or stem), or every one.
    pub file: Option<String>,
    /// A clause key (`article-5.1`), or a placeholder (`{{partenaire}}`).
    pub key: String,
    pub reason: String,
}

/// A list of accepted departures.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AllowList {
    pub entries: Vec<AllowEntry>,
}

impl AllowList {
    /// Reads the list; a line without « : raison » is an error naming the file and the line.
    pub fn parse(name: &str, text: &str) -> Result<AllowList> {
        let mut entries = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let split = line.split_once(" : ").or_else(|| line.split_once(':'));
            let (target, reason) = match split {
                Some((t, r)) if !t.trim().is_empty() && !r.trim().is_empty() => {
                    (t.trim(), r.trim())
                }
                _ => {
                    return Err(Error::new(
                        name,
                        ErrorKind::Invalid(format!(
                            "ligne {} : « CLAUSE : raison » attendu, trouvé « {line} »",
                            n + 1
                        )),
                    ))
                }
            };
            let (file, key) = match target.rsplit_once('#') {
                Some((f, k)) if !f.trim().is_empty() => (Some(f.trim().to_string()), k.trim()),
                _ => (None, target.trim_start_matches('#').trim()),
            };
            entries.push(AllowEntry {
                file,
                key: normalise_key(key),
                reason: reason.to_string(),
            });
        }
        Ok(AllowList { entries })
    }

    /// The reason a departure of `key` in `convention` is accepted, if it is.
    pub fn reason(&self, convention: &str, key: &str) -> Option<&str> {
        let key = normalise_key(key);
        self.entries
            .iter()
            .find(|e| e.key == key && e.file.as_deref().is_none_or(|f| same_file(convention, f)))
            .map(|e| e.reason.as_str())
    }

    /// Marks the accepted departures of a report.
    pub fn apply(&self, report: &mut CheckReport) {
        for c in &mut report.clauses {
            if c.departs() {
                let added = format!("+{}", c.key);
                let specific = (c.status == super::ClauseStatus::Ajoutee)
                    .then(|| self.reason(&report.convention, &added))
                    .flatten();
                c.accepted = specific
                    .or_else(|| self.reason(&report.convention, &c.key))
                    .map(str::to_string);
            }
        }
        for p in &mut report.placeholders {
            if p.inconsistent.is_some() {
                p.accepted = self
                    .reason(
                        &report.convention,
                        &format!("{{{{{}}}}}", p.placeholder.name),
                    )
                    .map(str::to_string);
            }
        }
    }
}

/// `{{nom:type}}` and `{{ nom }}` → `{{nom}}`; clause keys unchanged.
fn normalise_key(key: &str) -> String {
    match key.strip_prefix("{{").and_then(|k| k.strip_suffix("}}")) {
        Some(inner) => {
            let name = inner.split(':').next().unwrap_or(inner).trim();
            format!("{{{{{name}}}}}")
        }
        None => key.to_string(),
    }
}

/// The convention's path names this file: same path, same file name, or same stem.
fn same_file(path: &str, file: &str) -> bool {
    if path == file || path.ends_with(&format!("/{file}")) {
        return true;
    }
    let p = Path::new(path);
    p.file_name().is_some_and(|n| n.to_string_lossy() == file)
        || p.file_stem().is_some_and(|n| n.to_string_lossy() == file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_comments_and_errors() {
        let a = AllowList::parse(
            "a",
            "# commentaire\n\narticle-8 : litiges propres à Canopé\nena#{{partenaire:party}} : deux noms\n",
        )
        .unwrap();
        assert_eq!(a.entries.len(), 2);
        assert_eq!(a.reason("x/ena.md", "{{partenaire}}"), Some("deux noms"));
        assert_eq!(
            a.reason("x/canope.md", "article-8"),
            Some("litiges propres à Canopé")
        );
        assert_eq!(a.reason("x/canope.md", "article-9"), None);
        let e = AllowList::parse("allow.txt", "article-8\n").unwrap_err();
        assert_eq!(e.path, "allow.txt");
        assert!(e.to_string().contains("ligne 1"));
    }
}
