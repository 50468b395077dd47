//! Inferring a template from conventions of one family.

use crate::model::Document;

/// Infers the template of `conventions` as Markdown.
pub fn infer(conventions: &[Document]) -> String {
    conventions
        .first()
        .map(crate::render::markdown::markdown)
        .unwrap_or_default()
}
