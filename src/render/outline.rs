//! The `outline` view of a document: its tree, one line per node, indented, with keys and
//! headings (leaves shortened), as a jurist would draw it.

use super::excerpt;
use crate::model::{Document, NodeId, NodeKind};
use std::io::{self, Write};

/// Width of a leaf's excerpt, in characters.
const EXCERPT: usize = 70;

/// Writes the outline of `doc`.
pub fn write_outline(doc: &Document, w: &mut impl Write) -> io::Result<()> {
    for id in doc.top_level() {
        write_node(doc, *id, 0, w)?;
    }
    Ok(())
}

/// The outline as a string (for snapshots and tests).
pub fn outline(doc: &Document) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write_outline(doc, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

fn summary(doc: &Document, id: NodeId) -> String {
    let node = doc.node(id);
    match node.kind {
        NodeKind::Partie => match node.party() {
            Some(p) => match &p.short_name {
                Some(s) => format!("{} (« {s} »)", excerpt(&p.name, EXCERPT)),
                None => excerpt(&p.name, EXCERPT),
            },
            None => String::new(),
        },
        NodeKind::Table => format!("tableau, {} lignes", node.children.len()),
        NodeKind::Parties
        | NodeKind::Visas
        | NodeKind::Notes
        | NodeKind::Signatures
        | NodeKind::EnTete
        | NodeKind::Unclassified => String::new(),
        NodeKind::Article
        | NodeKind::Annexe
        | NodeKind::Structure
        | NodeKind::Titre
        | NodeKind::Preambule => node.text.clone(),
        NodeKind::Item if node.label.is_none() => format!("• {}", excerpt(&node.text, EXCERPT)),
        _ => excerpt(&node.text, EXCERPT),
    }
}

fn write_node(doc: &Document, id: NodeId, depth: usize, w: &mut impl Write) -> io::Result<()> {
    let node = doc.node(id);
    let summary = summary(doc, id);
    let indent = "  ".repeat(depth);
    let mut line = format!("{indent}{}", node.key);
    if !summary.is_empty() {
        line.push_str("  ");
        line.push_str(&summary);
    }
    if !node.note_refs().is_empty() {
        let calls: Vec<&str> = node
            .note_refs()
            .iter()
            .map(|r| r.rsplit('/').next().unwrap_or(r))
            .collect();
        line.push_str(&format!("  [→ {}]", calls.join(", ")));
    }
    writeln!(w, "{line}")?;
    for child in &node.children {
        write_node(doc, *child, depth + 1, w)?;
    }
    Ok(())
}
