//! Template stage: a template convention (the same Markdown or text as a convention, with
//! `{{nom}}` / `{{nom:type}}` placeholders and `[optionnel]` suffixes on headings and alinéas) →
//! a [`Template`];
//! a template and a convention → a [`CheckReport`]; several reports → a [`Matrix`]; several
//! conventions of one family → the Markdown of their common template ([`infer()`]).
//!
//! It builds on `align` and `diff` (never re-implements them) and never prints or reads files
//! except through [`Template::load`].
//!
//! # Checking a convention against its template
//!
//! [`check`] aligns the template on the convention, reads the value each placeholder took
//! (placeholder by placeholder, with [`placeholder::fill`], or from the word diff when the
//! alinéa was reworded around it), puts those values into the template and compares the result
//! with the convention. Every template clause (top-level unit or sub-article) is then:
//!
//! - *conforme*: every alinéa equal once the placeholders are filled;
//! - *adaptée*: words changed outside the placeholders, alinéas added or removed (listed);
//! - *absente*: no counterpart in the convention (fine when the clause is `[optionnel]`);
//!
//! and every convention clause the template lacks is *ajoutée*. Each placeholder's value is
//! type-checked (a `date` must be one date, a `party` one of the convention's parties) and a
//! placeholder taking different values in different clauses is reported.
//!
//! The report's `Display` is stable and deterministic, one line per clause, made for snapshot
//! tests in other projects:
//!
//! ```
//! let template = avenant::Template::parse("modele.md", "Convention\n\nEntre\n\n\
//!     {{partenaire:party}}\n\nCi-après dénommée « {{partenaire:party}} »\n\nEt\n\nLa DINUM\n\n\
//!     Article 1er : Objet\n\nLa présente convention lie {{partenaire:party}} et la DINUM.\n\n\
//!     Article 2 : Financement [optionnel]\n\nLe montant est de {{montant:amount}}.\n")?;
//! let convention = avenant::parse_str("ena.md", "Convention\n\nEntre\n\nL'École nationale \
//!     d'administration (ENA)\n\nCi-après dénommée « l'ENA »\n\nEt\n\nLa DINUM\n\n\
//!     Article 1er : Objet\n\nLa présente convention lie l'ENA et la DINUM.\n");
//! let report = avenant::check(&template, &convention);
//! assert!(report.conforms(), "{report}");
//! let clause = report.clause("article-2").unwrap();
//! assert_eq!(clause.status, avenant::template::ClauseStatus::Absent);
//! assert!(report.to_string().contains("absente    Financement (facultative)"));
//! # Ok::<(), avenant::Error>(())
//! ```

pub mod allow;
pub(crate) mod check;
pub mod infer;
pub mod matrix;
pub mod placeholder;
mod report;
mod values;

pub use allow::AllowList;
pub use check::check;
pub use infer::infer;
pub use matrix::{Matrix, MatrixCell, MatrixRow};
pub use report::{Change, ChangeKind, CheckReport, ClauseReport, ClauseStatus, PlaceholderReport};

use crate::error::{Error, ErrorKind, Result};
use crate::extract::ReadOptions;
use crate::model::{Document, NodeId, NodeKind};
use placeholder::{pieces, Piece, Placeholder};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The heading suffix that marks an optional clause.
pub const OPTIONAL_MARK: &str = "[optionnel]";

/// A template convention: its tree (with the `[optionnel]` marks removed from the headings), the
/// keys of its optional clauses and its placeholders.
#[derive(Debug, Clone)]
pub struct Template {
    doc: Document,
    optional: BTreeSet<String>,
    placeholders: Vec<Placeholder>,
}

impl Template {
    /// Parses template text in memory; `name` labels it in errors and reports.
    pub fn parse(name: &str, text: &str) -> Result<Template> {
        Template::from_document(crate::pipeline::parse_str(name, text))
    }

    /// Reads and parses a template file (refused when it has no article, like a convention).
    pub fn load(path: &Path, options: &ReadOptions) -> Result<Template> {
        Template::from_document(crate::pipeline::load(path, options)?)
    }

    /// Makes a template of a parsed document: strips and records the `[optionnel]` marks,
    /// validates the placeholders (known types, no `{{` left open, one type per name).
    pub fn from_document(mut doc: Document) -> Result<Template> {
        let path = doc.source.path.clone();
        let mut optional = BTreeSet::new();
        for i in 0..doc.nodes.len() {
            let node = &mut doc.nodes[i];
            // An alinéa may be optional too: « … [optionnel] » at its end.
            if node.kind.is_alinea_like() {
                if let Some(stripped) = strip_optional(&node.text) {
                    node.text = stripped.to_string();
                    optional.insert(node.key.clone());
                }
            }
            let Some(heading) = node.heading.clone() else {
                continue;
            };
            if let Some(stripped) = strip_optional(&heading) {
                node.heading = Some(stripped.to_string());
                if let Some(text) = strip_optional(&node.text) {
                    node.text = text.to_string();
                }
                optional.insert(node.key.clone());
            }
        }
        // A clause without a heading (a signatures block) whose every alinéa is optional is
        // optional itself: its alinéas carry the mark it has no heading for.
        for i in 0..doc.nodes.len() {
            let id = NodeId(i as u32);
            let node = doc.node(id);
            if node.heading.is_some() || !is_clause(&doc, id) || node.kind.is_alinea_like() {
                continue;
            }
            let alineas: Vec<&str> = doc
                .children(id)
                .iter()
                .map(|c| doc.node(*c))
                .filter(|c| c.kind.is_alinea_like())
                .map(|c| c.key.as_str())
                .collect();
            if !alineas.is_empty() && alineas.iter().all(|k| optional.contains(*k)) {
                optional.insert(node.key.clone());
            }
        }
        let mut types: BTreeMap<String, Placeholder> = BTreeMap::new();
        let mut placeholders = Vec::new();
        for node in &doc.nodes {
            let texts = std::iter::once(node.text.as_str())
                .chain(node.heading.as_deref())
                .chain(node.cells().iter().map(String::as_str));
            for text in texts {
                let ps = pieces(text).map_err(|m| {
                    Error::new(
                        path.clone(),
                        ErrorKind::Invalid(format!("{} : {m}", node.key)),
                    )
                })?;
                for p in ps {
                    let Piece::Hole(h) = p else { continue };
                    match types.get(&h.name) {
                        Some(known) if known.ty != h.ty => {
                            return Err(Error::new(
                                path,
                                ErrorKind::Invalid(format!(
                                    "{} : la variable « {} » a deux types ({} et {})",
                                    node.key,
                                    h.name,
                                    known.ty.as_str(),
                                    h.ty.as_str()
                                )),
                            ));
                        }
                        Some(_) => {}
                        None => {
                            types.insert(h.name.clone(), h.clone());
                            placeholders.push(h);
                        }
                    }
                }
            }
        }
        Ok(Template {
            doc,
            optional,
            placeholders,
        })
    }

    /// The template's tree (optional marks removed).
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// Where the template came from.
    pub fn path(&self) -> &str {
        &self.doc.source.path
    }

    /// True when the clause, or a clause containing it, is marked `[optionnel]`.
    pub fn is_optional(&self, key: &str) -> bool {
        let mut k = key;
        loop {
            if self.optional.contains(k) {
                return true;
            }
            match k.rfind('/') {
                Some(pos) => k = &k[..pos],
                None => break,
            }
        }
        // A sub-article `article-5.1` belongs to `article-5`.
        key.split('/').next().is_some_and(|head| {
            let mut h = head;
            while let Some(pos) = h.rfind('.') {
                h = &h[..pos];
                if self.optional.contains(h) {
                    return true;
                }
            }
            false
        })
    }

    /// True when this node itself (an alinéa, a clause) is marked `[optionnel]`.
    pub fn is_marked_optional(&self, key: &str) -> bool {
        self.optional.contains(key)
    }

    /// Keys of the clauses marked `[optionnel]`, in key order.
    pub fn optional_keys(&self) -> impl Iterator<Item = &str> {
        self.optional.iter().map(String::as_str)
    }

    /// The placeholders, each once, in order of first appearance.
    pub fn placeholders(&self) -> &[Placeholder] {
        &self.placeholders
    }

    /// The clause (top-level unit or sub-unit) a node belongs to.
    pub(crate) fn clause_of(&self, id: NodeId) -> NodeId {
        clause_of(&self.doc, id)
    }
}

/// The heading without its `[optionnel]` suffix, when it has one.
fn strip_optional(text: &str) -> Option<&str> {
    let t = text.trim_end();
    let lower = t.to_lowercase();
    if lower.ends_with(OPTIONAL_MARK) {
        let cut = t.len() - OPTIONAL_MARK.len();
        Some(t[..cut].trim_end())
    } else {
        None
    }
}

/// Kinds that form a clause of their own in a report (the rest is detail inside a clause).
pub(crate) fn is_clause(doc: &Document, id: NodeId) -> bool {
    let node = doc.node(id);
    if node.parent == Some(doc.root()) {
        return true;
    }
    matches!(
        node.kind,
        NodeKind::Article
            | NodeKind::Annexe
            | NodeKind::Structure
            | NodeKind::Partie
            | NodeKind::Preambule
            | NodeKind::Visas
            | NodeKind::Signatures
    )
}

/// The nearest enclosing clause of a node (itself if it is one).
pub(crate) fn clause_of(doc: &Document, id: NodeId) -> NodeId {
    let mut cur = id;
    loop {
        if cur == doc.root() || is_clause(doc, cur) {
            return cur;
        }
        match doc.parent(cur) {
            Some(p) => cur = p,
            None => return cur,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fingerprint;

    const T: &str = "Convention\n\nArticle 1er : Objet\n\nLa convention lie {{partenaire:party}}.\n\nArticle 2 : Financement [optionnel]\n\nLe montant est de {{montant:amount}}.\n\n2.1 Versement\n\nVersé le {{date_versement:date}}.\n";

    #[test]
    fn a_signatures_block_whose_alineas_are_all_optional_is_optional() {
        let text = "Statuts\n\nArticle 1er : Objet\n\nTexte.\n\nFait à Marseille, le 25 septembre 1999 [optionnel]\n\nLe président [optionnel]\n";
        let t = Template::parse("t.md", text).unwrap();
        assert!(t.is_marked_optional("signatures"));
        assert!(t.is_optional("signatures/al-2"));
        // One alinéa marked among others: the block stays required.
        let text = "Statuts\n\nArticle 1er : Objet\n\nTexte.\n\nFait à Marseille, le 25 septembre 1999\n\nLe président [optionnel]\n";
        let t = Template::parse("t.md", text).unwrap();
        assert!(!t.is_marked_optional("signatures"));
    }

    #[test]
    fn optional_marks_are_stripped_and_recorded() {
        let t = Template::parse("t.md", T).unwrap();
        let doc = t.document();
        let a2 = doc.node(doc.get("article-2").unwrap());
        assert_eq!(a2.heading.as_deref(), Some("Financement"));
        assert_eq!(a2.text, "Article 2 : Financement");
        assert_eq!(a2.fingerprint(), fingerprint("Article 2 : Financement"));
        assert!(t.is_optional("article-2"));
        assert!(t.is_optional("article-2.1"));
        assert!(t.is_optional("article-2/al-1"));
        assert!(!t.is_optional("article-1"));
        let names: Vec<_> = t.placeholders().iter().map(|p| p.to_string()).collect();
        assert_eq!(
            names,
            [
                "{{partenaire:party}}",
                "{{montant:amount}}",
                "{{date_versement:date}}"
            ]
        );
    }

    #[test]
    fn an_alinea_may_be_optional() {
        let t = Template::parse(
            "t.md",
            "Convention\n\nArticle 1er : Objet\n\nLa convention lie les parties.\n\nLes dons sont acceptés. [optionnel]\n",
        )
        .unwrap();
        let doc = t.document();
        let al = doc.node(doc.get("article-1/al-2").unwrap());
        assert_eq!(al.text, "Les dons sont acceptés.");
        assert!(t.is_marked_optional("article-1/al-2"));
        assert!(!t.is_marked_optional("article-1/al-1"));
        let conv = crate::pipeline::parse_str(
            "c.md",
            "Convention\n\nArticle 1er : Objet\n\nLa convention lie les parties.\n",
        );
        assert!(super::check(&t, &conv).conforms());
    }

    #[test]
    fn syntax_errors_name_the_file() {
        let e = Template::parse("modele.md", &T.replace(":amount", ":couleur")).unwrap_err();
        assert_eq!(e.path, "modele.md");
        assert!(matches!(&e.kind, ErrorKind::Invalid(m) if m.contains("couleur")));
        let e = Template::parse("modele.md", &T.replace("{{montant:amount}}", "{{montant"))
            .unwrap_err();
        assert!(matches!(&e.kind, ErrorKind::Invalid(m) if m.contains("non fermée")));
        // A closed field of another template language is the model's literal text.
        let t = Template::parse(
            "modele.md",
            &T.replace(
                "{{montant:amount}}",
                "{{montant:amount}} {{ contract.duration }}",
            ),
        );
        assert!(t.is_ok(), "{t:?}");
        let e = Template::parse(
            "modele.md",
            &T.replace("{{montant:amount}}", "{{partenaire:date}}"),
        )
        .unwrap_err();
        assert!(matches!(&e.kind, ErrorKind::Invalid(m) if m.contains("deux types")));
    }
}
