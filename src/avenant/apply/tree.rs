//! Edits of the tree, through [`crate::edit`]: children inserted or removed, leaves rewritten
//! from a quoted line, new articles and their heading lines.

use super::*;

pub(super) use crate::edit::{child_index, insert as insert_child, remove_children};

pub(super) fn fresh_key(doc: &Document) -> String {
    crate::edit::provisional_key(doc)
}

/// How one quoted line reads: plain alinéa, list item, or table row.
pub(super) fn classify(line: &str) -> (Form, String) {
    let src = Source {
        path: String::new(),
        format: crate::model::Format::Text,
        text: literal_markup(line),
    };
    match normalise::normalise(&src).lines.into_iter().next() {
        Some(l) => (l.form, l.text),
        None => (Form::Plain, line.to_string()),
    }
}

/// `line` with its `*` and `_` escaped (a leading `* ` bullet aside): a quoted line is the
/// text as read (the avenant's own markup already taken out by the reader, or a node's text),
/// so that what reads as emphasis there is words here — the `**` a text kept around a bold
/// item wrapped over two lines (« **Le Partenaire demande … administrative.** », API
/// Entreprise CGU 2018) comes back as it was.
fn literal_markup(line: &str) -> String {
    let lead = line.len() - line.trim_start().len();
    let bullet = line[lead..].starts_with("* ");
    let mut out = String::with_capacity(line.len() + 8);
    for (i, c) in line.char_indices() {
        if matches!(c, '*' | '_') && !(bullet && i == lead) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub(super) fn leaf_node(doc: &Document, line: &str) -> Node {
    let (form, text) = classify(line);
    let key = fresh_key(doc);
    match form {
        Form::Item {
            marker,
            ordered,
            level,
        } => {
            let mut n = Node::new(NodeKind::Item, key, text, Span::default());
            n.label = ordered.then_some(marker);
            n.level = level;
            n
        }
        Form::Plain => Node::new(NodeKind::Alinea, key, text, Span::default()),
        _ => Node::new(
            NodeKind::Alinea,
            key,
            crate::normalise::inline(line),
            Span::default(),
        ),
    }
}

/// Replaces one alinéa's text in place: a bullet item stays a bullet item.
pub(super) fn rewrite_leaf(doc: &mut Document, id: NodeId, line: &str) {
    let old = doc.node(id).clone();
    if old.kind == NodeKind::Row {
        let cells = row_cells(line);
        let text = normalise::row_text(&cells);
        doc.node_mut(id).set_cells(cells);
        crate::edit::set_text(doc, id, text);
        return;
    }
    let new = leaf_node(doc, line);
    let bullet = |n: &Node| n.kind == NodeKind::Item && n.label.is_none();
    // A bullet item rewritten, quoted with or without its dash (« – … »), stays the item it
    // was, at its nesting level.
    if !((new.kind == NodeKind::Alinea || bullet(&new)) && bullet(&old)) {
        // Kind and label changed in place: signalled to the indexes of units.
        crate::edit::set_kind_label(doc, id, new.kind, new.label);
        doc.node_mut(id).level = new.level;
    }
    doc.node_mut(id).text = new.text;
}

pub(super) fn is_row_line(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|') && t.ends_with('|') && t.len() > 1
}

/// The cells of a quoted row, split at its separators; an escaped pipe (`\|`) stays in its cell.
pub(super) fn row_cells(line: &str) -> Vec<String> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = match t.strip_suffix('|') {
        Some(rest) if !rest.ends_with('\\') => rest,
        _ => t,
    };
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    cells.push(cell);
    cells
        .iter()
        .map(|c| crate::normalise::inline(c.trim()))
        .collect()
}

/// Inserts quoted lines as children of `parent` from index `at`: rows (`| a | b |`) gather into
/// a table (or join `parent` when it is a table); a bullet line next to bullet items stays one.
pub(super) fn insert_lines(
    doc: &mut Document,
    parent: NodeId,
    mut at: usize,
    lines: &[String],
    like: Option<NodeId>,
) {
    let parent_is_table = doc.node(parent).kind == NodeKind::Table;
    let mut table: Option<NodeId> = None;
    for line in lines {
        if parent_is_table || is_row_line(line) {
            let cells = row_cells(line);
            let mut row = Node::new(
                NodeKind::Row,
                fresh_key(doc),
                normalise::row_text(&cells),
                Span::default(),
            );
            row.set_cells(cells);
            if parent_is_table {
                insert_child(doc, parent, at, row);
                at += 1;
            } else {
                let t = match table {
                    Some(t) => t,
                    None => {
                        let node = Node::new(NodeKind::Table, fresh_key(doc), "", Span::default());
                        let t = insert_child(doc, parent, at, node);
                        at += 1;
                        table = Some(t);
                        t
                    }
                };
                let n = doc.children(t).len();
                insert_child(doc, t, n, row);
            }
            continue;
        }
        table = None;
        let mut node = leaf_node(doc, line);
        if let Some(l) = like {
            let ln = doc.node(l);
            if node.kind == NodeKind::Alinea
                && ln.kind == NodeKind::Item
                && ln.label.is_none()
                && lines.len() == 1
            {
                // Rewriting a bullet item by an unmarked line keeps it a bullet item.
                node.kind = NodeKind::Item;
                node.level = ln.level;
            } else if node.kind == NodeKind::Item
                && node.label.is_none()
                && node.level == 0
                && ln.kind == NodeKind::Item
                && ln.label.is_none()
            {
                // A dashed line rewriting a bullet item: at that item's nesting level (a
                // line that says its own level, nested under another, keeps it).
                node.level = ln.level;
            }
        }
        insert_child(doc, parent, at, node);
        at += 1;
    }
}

/// An unnumbered intertitle (« Montants ») inserted among the children of `parent` (an
/// article, or an intertitle of it) before the one at `at`: the alinéas from there to the next
/// intertitle, sub-article or end go under it, as the parser nests them. Inside an intertitle,
/// the new one follows it in the article and takes the rest of its alinéas.
pub(super) fn insert_intertitle(doc: &mut Document, parent: NodeId, at: usize, heading: &str) {
    let intertitle = |n: &Node| n.kind == NodeKind::Structure && n.label.is_none();
    let (host, index, moved): (NodeId, usize, Vec<NodeId>) = match doc.parent(parent) {
        Some(up) if intertitle(doc.node(parent)) => {
            let moved = doc.children(parent)[at.min(doc.children(parent).len())..].to_vec();
            (up, child_index(doc, up, parent) + 1, moved)
        }
        _ => {
            let moved = doc.children(parent)[at.min(doc.children(parent).len())..]
                .iter()
                .copied()
                .take_while(|c| {
                    !matches!(doc.node(*c).kind, NodeKind::Structure | NodeKind::Article)
                })
                .collect();
            (parent, at, moved)
        }
    };
    let mut node = Node::new(
        NodeKind::Structure,
        fresh_key(doc),
        heading,
        Span::default(),
    );
    node.heading = Some(heading.to_string());
    // The parser's rank of an intertitle: below the article's own sub-divisions.
    node.level = 20;
    let id = insert_child(doc, host, index, node);
    for (i, m) in moved.into_iter().enumerate() {
        crate::edit::move_to(doc, m, id, i);
    }
}

/// An article's heading line in the style of `model` (« Article 5 : Durée », « ARTICLE 5 – Durée »).
pub(super) fn heading_line(model: &Node, label: &str, heading: Option<&str>) -> String {
    // An article whose number the text does not write (« ## Objet »), rewritten or inserted
    // without a number: its heading alone, as the text writes its articles.
    let unwritten =
        label.is_empty() || model.number_is_implicit() && model.label.as_deref() == Some(label);
    if let Some(h) = heading.filter(|_| unwritten) {
        return h.to_string();
    }
    let text = &model.text;
    let old_label = model.label.clone().unwrap_or_default();
    let (prefix, sep) = match text
        .find(old_label.as_str())
        .filter(|_| !old_label.is_empty())
    {
        Some(i) => {
            let prefix = text[..i].to_string();
            let after = &text[i + old_label.len()..];
            let sep = match &model.heading {
                Some(h) if after.ends_with(h.as_str()) => {
                    after[..after.len() - h.len()].to_string()
                }
                _ => " : ".to_string(),
            };
            (prefix, sep)
        }
        None => ("Article ".to_string(), " : ".to_string()),
    };
    let sep = if sep.trim().is_empty() {
        " : ".to_string()
    } else {
        sep
    };
    match heading {
        Some(h) => format!("{prefix}{label}{sep}{h}"),
        None => format!("{prefix}{label}"),
    }
}

pub(super) fn annex_line(model: &Node, heading: Option<&str>) -> String {
    let text = &model.text;
    let base = match &model.heading {
        Some(h) if text.ends_with(h.as_str()) => text[..text.len() - h.len()].to_string(),
        _ => format!("{} : ", text.trim_end()),
    };
    match heading {
        Some(h) => format!("{base}{h}"),
        None => base.trim_end_matches([' ', ':', '–', '-']).to_string(),
    }
}

pub(super) fn relabel(text: &str, old: &str, new: &str) -> String {
    match text.find(old).filter(|_| !old.is_empty()) {
        Some(i) => format!("{}{new}{}", &text[..i], &text[i + old.len()..]),
        None => text.to_string(),
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn new_article(
    doc: &mut Document,
    parent: NodeId,
    at: usize,
    style: NodeId,
    label: &str,
    heading: Option<&str>,
    alineas: &[String],
) -> Result<(), String> {
    let label = canonical_label(label);
    let unit = Unit::Article {
        label: label.clone(),
    };
    // No label: an article whose number the text does not write (named by its heading).
    if !label.is_empty() && find_unit(doc, &unit).is_some() {
        return Err(formules::already_exists(&unit));
    }
    graft_article(doc, parent, at, style, label, heading, alineas);
    Ok(())
}

/// [`new_article`] once the caller has made sure that no article bears `label` (canonical).
pub(super) fn graft_article(
    doc: &mut Document,
    parent: NodeId,
    at: usize,
    style: NodeId,
    label: String,
    heading: Option<&str>,
    alineas: &[String],
) {
    let text = heading_line(doc.node(style), &label, heading);
    let mut node = Node::new(NodeKind::Article, fresh_key(doc), text, Span::default());
    node.label = (!label.is_empty()).then_some(label);
    node.heading = heading.map(str::to_string);
    let id = insert_child(doc, parent, at, node);
    insert_lines(doc, id, 0, alineas, None);
    // « I.-… », « 1° … » heading parts of the new article: nested as the parser nests them.
    super::divisions::nest_subdivisions(doc, id, alineas, true);
}

#[cfg(test)]
mod tests {
    use super::{classify, row_cells, Form};

    #[test]
    fn a_quoted_line_is_words_its_stars_included() {
        // The `**` a text kept (bold over two lines) come back as they were.
        let (form, text) = classify("– **Le Partenaire demande l'accès.**");
        assert!(matches!(form, Form::Item { .. }), "{form:?}");
        assert_eq!(text, "**Le Partenaire demande l'accès.**");
        let (form, text) = classify("Nom : ____ et *note");
        assert!(matches!(form, Form::Plain), "{form:?}");
        assert_eq!(text, "Nom : ____ et *note");
        // A star bullet stays a bullet.
        let (form, text) = classify("* un point");
        assert!(matches!(form, Form::Item { .. }), "{form:?}");
        assert_eq!(text, "un point");
    }

    #[test]
    fn an_escaped_pipe_stays_in_its_cell() {
        assert_eq!(
            row_cells(r"| {{ l.typologie\|tl }} | 12 |"),
            vec!["{{ l.typologie|tl }}".to_string(), "12".to_string()]
        );
        assert_eq!(
            row_cells("| a | b |"),
            vec!["a".to_string(), "b".to_string()]
        );
    }
}
