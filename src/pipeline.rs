//! Reading a convention end to end: a file or a string → extract → normalise → parse → [`Document`].
//! The entry points every command and later stage (template, avenant) use to load their inputs.

use crate::error::{Error, ErrorKind, Result};
use crate::extract::ReadOptions;
use crate::model::{Document, Format, NodeKind, Source};
use std::path::Path;

/// Parses text already in memory (Markdown or plain text); `name` labels the source.
pub fn parse_str(name: &str, text: &str) -> Document {
    crate::parse::parse(Source {
        path: name.to_string(),
        format: Format::Text,
        text: text.to_string(),
    })
}

/// Reads and parses a file (text, Markdown or PDF). Fails on unreadable input; a readable
/// document without any article is returned with an error diagnostic (see [`load`]).
pub fn read(path: &Path, options: &ReadOptions) -> Result<Document> {
    read_with(path, options, crate::parse::parse)
}

/// Reads a file and builds its document with `parse` (keeping its text or not).
fn read_with(
    path: &Path,
    options: &ReadOptions,
    parse: fn(Source) -> Document,
) -> Result<Document> {
    let (source, diagnostics, locators) = crate::extract::read_path_located(path, options)?;
    let mut doc = parse(source);
    locate(&mut doc, &locators);
    let mut all = diagnostics;
    all.append(&mut doc.diagnostics);
    doc.diagnostics = all;
    Ok(doc)
}

/// Gives each node of an office document its locator, and names it in the parser's warnings
/// that point at a place (« … (word/document.xml §37) »), since offsets into the intermediate
/// text mean nothing to a reader of the .docx.
fn locate(doc: &mut Document, locators: &crate::extract::Locators) {
    if locators.is_empty() {
        return;
    }
    for node in doc.nodes.iter_mut().skip(1) {
        node.set_locator(locators.at(node.span.start).map(Box::from));
    }
    for d in &mut doc.diagnostics {
        if let Some(at) = d.span.and_then(|s| locators.at(s.start)) {
            d.message = format!("{} ({at})", d.message);
        }
    }
}

/// Reads and parses a file, and refuses a document in which neither an article nor a section
/// (a numbered section, a capitalised intertitle) was recognised: what every command that
/// compares or amends conventions needs.
pub fn load(path: &Path, options: &ReadOptions) -> Result<Document> {
    accept(path, read(path, options)?)
}

/// Like [`load`], but the document keeps only its tree: its decoded text is given back as soon
/// as it is normalised ([`crate::parse::parse_tree`]). For commands that hold two large texts
/// and read only their nodes (`diff`).
pub fn load_tree(path: &Path, options: &ReadOptions) -> Result<Document> {
    accept(path, read_with(path, options, crate::parse::parse_tree)?)
}

/// `doc` if an article or a section was recognised in it, the error of [`load`] otherwise.
fn accept(path: &Path, doc: Document) -> Result<Document> {
    // A document without articles is still read when its body was recognised (`corps`:
    // an agreement, a model letter); see `parse`.
    let sections = doc
        .nodes
        .iter()
        .any(|n| matches!(n.kind, NodeKind::Structure | NodeKind::Corps));
    if doc.articles().is_empty() && !sections {
        return Err(Error::new(path.display().to_string(), ErrorKind::NoArticle));
    }
    Ok(doc)
}
