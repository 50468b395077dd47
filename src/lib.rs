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

pub use error::{Error, ErrorKind, Result};
pub use extract::ReadOptions;
pub use model::{
    Diagnostic, Document, Format, Node, NodeId, NodeKind, Party, Severity, Source, Span,
};
pub use pipeline::{load, parse_str, read};
pub use template::{check, CheckReport, Template};

/// The README's Rust example, compiled and run as a doctest so that it stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
