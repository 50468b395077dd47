//! # avenant
//!
//! Read French administrative conventions (Markdown or text exported from an office suite, and
//! PDF) into a tree of title, parties, visas, préambule, articles, alinéas, annexes, signatures
//! and notes; then compare two conventions, draft the avenant that turns one into the other,
//! and apply an avenant to a convention.
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! ```text
//! bytes ─extract─▶ Source ─normalise─▶ Normalised ─parse─▶ Document ─render─▶ outline | md | json
//! ```
//!
//! ```
//! let doc = avenant::parse_str("exemple.md", "Convention de partenariat\n\nArticle 1er : Objet\n\nLa présente convention a pour objet la coopération.\n");
//! let article = doc.get("article-1").expect("article 1er");
//! assert_eq!(doc.node(article).label.as_deref(), Some("1er"));
//! assert_eq!(doc.node(doc.get("article-1/al-1").unwrap()).text, "La présente convention a pour objet la coopération.");
//! ```
//!
//! The whole round trip with the root API: [`load`] (or [`parse_str`]) two versions,
//! [`compare`] them, [`draft`] the [`Avenant`], [`apply`] it to the old version, and
//! [`check`] a convention against a [`Template`].
//!
//! ```
//! use avenant::{apply, compare, draft, parse_str, DiffOptions, DraftOptions};
//!
//! let old = parse_str("v1.md", "Convention\n\nArticle 1er : Durée\n\nLa convention est conclue pour 6 mois.\n");
//! let new = parse_str("v2.md", "Convention\n\nArticle 1er : Durée\n\nLa convention est conclue pour 12 mois.\n");
//! let cmp = compare(old.clone(), new, &DiffOptions::default());
//! assert!(cmp.has_differences());
//! let av = draft(&cmp, &DraftOptions::default());
//! let amended = apply(&old, &av).expect("the avenant applies");
//! let al = amended.get("article-1/al-1").expect("the alinéa");
//! assert_eq!(amended.node(al).text, "La convention est conclue pour 12 mois.");
//!
//! let template = avenant::Template::parse("modele.md", "Convention\n\nArticle 1er : Durée\n\nLa convention est conclue pour {{duree:duration}}.\n").unwrap();
//! assert!(avenant::check(&template, &old).conforms());
//! ```

pub mod align;
pub mod avenant;
pub mod diff;
pub mod edit;
pub mod error;
pub mod extract;
pub mod model;
pub mod normalise;
pub mod parse;
pub mod pipeline;
pub mod render;
pub mod template;
pub mod text;

pub use avenant::apply::{apply, ApplyError};
pub use avenant::draft::{draft, DraftError, DraftOptions};
pub use avenant::model::Avenant;
pub use avenant::read::{parse_avenant, ReadError};
pub use diff::{compare, Comparison, DiffOptions};
pub use error::{Error, ErrorKind, Result};
pub use extract::ReadOptions;
pub use model::{
    Diagnostic, Document, Format, Node, NodeId, NodeKind, Party, Severity, Source, Span,
};
pub use pipeline::{load, parse_str, read};
pub use template::{check, CheckReport, Template};
pub use text::value::{Value, ValueKind};

/// The README's Rust example, compiled and run as a doctest so that it stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
