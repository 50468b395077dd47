//! The parts of a document addressed through the document itself: the body of a document
//! without articles (`corps`: « le troisième alinéa de l'accord » counts its alinéas), and the
//! title quoted with its sub-lines (« L'intitulé de la convention est ainsi rédigé : »).

use super::*;

/// The node whose alinéas a target in `unit` counts: the body (`corps`) when `unit` is the
/// document's root and the document has one, else `unit` itself.
pub(super) fn alineas_of(doc: &Document, unit: NodeId) -> NodeId {
    if unit != doc.root() {
        return unit;
    }
    doc.children(unit)
        .iter()
        .copied()
        .find(|c| doc.node(*c).kind == NodeKind::Corps)
        .unwrap_or(unit)
}

/// « L'intitulé de la convention est ainsi rédigé : » with several quoted lines: the title line,
/// then its sub-lines (sub-title, references), which replace the old ones.
pub(super) fn rewrite_title(
    doc: &mut Document,
    t: &Target,
    lines: &[String],
) -> Result<(), String> {
    if t.unit != Unit::Convention {
        return Err(formules::not_applicable(t));
    }
    let (first, rest) = lines
        .split_first()
        .ok_or_else(|| formules::not_applicable(t))?;
    let title = reachable(doc)
        .into_iter()
        .find(|id| doc.node(*id).kind == NodeKind::Titre)
        .ok_or_else(|| formules::target_missing(t))?;
    let node = doc.node_mut(title);
    node.text = first.clone();
    node.heading = Some(first.clone());
    node.children.clear();
    insert_lines(doc, title, 0, rest, None);
    Ok(())
}
