//! The public JSON of a parsed document (`"schema": 1`): its own view model, not a dump of the
//! internal types, so the internals can change without breaking users.

use crate::model::{Diagnostic, Document, NodeId, Party};
use serde::Serialize;
use std::io::{self, Write};

/// JSON schema version of every document avenant writes.
pub const SCHEMA: u32 = 1;

#[derive(Serialize)]
struct JsonDocument<'a> {
    schema: u32,
    source: JsonSource<'a>,
    root: JsonNode<'a>,
    diagnostics: &'a [Diagnostic],
}

#[derive(Serialize)]
pub(crate) struct JsonSource<'a> {
    pub path: &'a str,
    pub format: crate::model::Format,
}

#[derive(Serialize)]
struct JsonNode<'a> {
    key: &'a str,
    kind: &'static str,
    label: Option<&'a str>,
    heading: Option<&'a str>,
    text: &'a str,
    span: [usize; 2],
    #[serde(skip_serializing_if = "is_zero")]
    level: u8,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    cells: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    party: Option<&'a Party>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    notes: &'a [String],
    /// Where the node is in an office document (`word/document.xml §37`).
    #[serde(skip_serializing_if = "Option::is_none")]
    locator: Option<&'a str>,
    children: Vec<JsonNode<'a>>,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

fn node(doc: &Document, id: NodeId) -> JsonNode<'_> {
    let n = doc.node(id);
    JsonNode {
        key: &n.key,
        kind: n.kind.as_str(),
        label: n.label.as_deref(),
        heading: n.heading.as_deref(),
        text: &n.text,
        span: [n.span.start, n.span.end],
        level: n.level,
        cells: n.cells(),
        party: n.party(),
        notes: n.note_refs(),
        locator: n.locator(),
        children: n.children.iter().map(|c| node(doc, *c)).collect(),
    }
}

/// Writes `doc` as pretty-printed JSON.
pub fn write_json(doc: &Document, w: &mut impl Write) -> io::Result<()> {
    let value = JsonDocument {
        schema: SCHEMA,
        source: JsonSource {
            path: &doc.source.path,
            format: doc.source.format,
        },
        root: node(doc, doc.root()),
        diagnostics: &doc.diagnostics,
    };
    serde_json::to_writer_pretty(&mut *w, &value).map_err(io::Error::other)?;
    writeln!(w)
}
