//! The parts of a document addressed through the document itself: the body of a document
//! without articles (`corps`: « le troisième alinéa de l'accord » counts its alinéas), and the
//! title quoted with its sub-lines (« L'intitulé de la convention est ainsi rédigé : »), and a
//! new annex placed before another (« Avant l'annexe 1, il est inséré une annexe 1 A »).

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

/// « Avant l'annexe 1, il est inséré une annexe 1 A ainsi rédigée : »: the new annex right
/// before the target annex, under its own number (refused when that number is taken).
pub(super) fn insert_annex_before(
    doc: &mut Document,
    t: &Target,
    label: &Option<String>,
    heading: &Option<String>,
    blocks: &[String],
) -> Result<(), String> {
    if !matches!(t.unit, Unit::Annex { .. }) {
        return Err(formules::not_applicable(t));
    }
    let unit = Unit::Annex {
        label: label.clone(),
    };
    if find_unit(doc, &unit).is_some() {
        return Err(formules::already_exists(&unit));
    }
    let before = resolve_unit(doc, t)?;
    let parent = doc.parent(before).unwrap_or(doc.root());
    let at = child_index(doc, parent, before);
    let text = formules::annex_heading_line(label.as_deref(), heading.as_deref());
    let mut node = Node::new(NodeKind::Annexe, fresh_key(doc), text, Span::default());
    node.label = label.clone();
    node.heading = heading.clone();
    let id = insert_child(doc, parent, at, node);
    insert_lines(doc, id, 0, blocks, None);
    divisions::nest_subdivisions(doc, id, blocks, false);
    Ok(())
}
