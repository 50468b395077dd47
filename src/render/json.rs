//! The public JSON of a parsed document (`"schema": 1`): its own view model, not a dump of the
//! internal types, so the internals can change without breaking users.

use crate::model::{Diagnostic, Document, NodeId};
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

/// A node's view, made as it is written: the JSON of a code (a hundred megabytes for 20 MB of
/// text) never exists whole in memory, as a view tree or as text. Its fields, in order: `key`,
/// `kind`, `label`, `heading`, `text`, `span`, then `level`, `cells`, `party`, `notes` and
/// `locator` when set, and `children`.
struct JsonNode<'a> {
    doc: &'a Document,
    id: NodeId,
}

impl Serialize for JsonNode<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let n = self.doc.node(self.id);
        let (cells, party, notes, locator) = (n.cells(), n.party(), n.note_refs(), n.locator());
        let fields = 7
            + usize::from(n.level != 0)
            + usize::from(!cells.is_empty())
            + usize::from(party.is_some())
            + usize::from(!notes.is_empty())
            + usize::from(locator.is_some());
        let mut st = s.serialize_struct("JsonNode", fields)?;
        st.serialize_field("key", &n.key)?;
        st.serialize_field("kind", n.kind.as_str())?;
        st.serialize_field("label", &n.label)?;
        st.serialize_field("heading", &n.heading)?;
        st.serialize_field("text", &n.text)?;
        st.serialize_field("span", &[n.span.start, n.span.end])?;
        if n.level != 0 {
            st.serialize_field("level", &n.level)?;
        }
        if !cells.is_empty() {
            st.serialize_field("cells", cells)?;
        }
        if let Some(party) = party {
            st.serialize_field("party", party)?;
        }
        if !notes.is_empty() {
            st.serialize_field("notes", notes)?;
        }
        if let Some(locator) = locator {
            st.serialize_field("locator", locator)?;
        }
        st.serialize_field("children", &JsonChildren(self.doc, &n.children))?;
        st.end()
    }
}

/// The children of a node, each turned into its view as it is written.
struct JsonChildren<'a>(&'a Document, &'a [NodeId]);

impl Serialize for JsonChildren<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.0;
        s.collect_seq(self.1.iter().map(|&id| JsonNode { doc, id }))
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
        root: JsonNode {
            doc,
            id: doc.root(),
        },
        diagnostics: &doc.diagnostics,
    };
    serde_json::to_writer_pretty(&mut *w, &value).map_err(io::Error::other)?;
    writeln!(w)
}
