//! A new division quoted whole (`Op::InsertDivision`): its lines read back into divisions,
//! articles and their alinéas, and grafted after, first in or last in the target unit; and
//! annexes renumbered (`Op::RenumberAnnexes`); footnotes added (`Op::AddNote`).

use super::*;
use crate::avenant::model::Place;
use crate::parse::headings;

/// « La division et l'intitulé de la section 1 sont supprimés » (`Op::UnwrapDivision`): the
/// division named leaves its place to what it holds, in order, under the division enclosing
/// it. Anything but a division (an article, an annex) is refused.
pub(super) fn unwrap_division(doc: &mut Document, t: &Target) -> Result<(), String> {
    let id = resolve_unit(doc, t)?;
    if doc.node(id).kind != NodeKind::Structure {
        return Err(formules::not_applicable(t));
    }
    let parent = doc.parent(id).unwrap_or(doc.root());
    let at = crate::edit::child_index(doc, parent, id);
    let held = doc.children(id).to_vec();
    for (i, c) in held.into_iter().enumerate() {
        crate::edit::move_to(doc, c, parent, at + 1 + i);
    }
    remove_children(doc, parent, &[id]);
    Ok(())
}

/// One quoted line of a new division, read as the parser reads headings.
enum Line {
    Division {
        rank: u8,
        label: String,
        heading: Option<String>,
    },
    Article {
        label: String,
        heading: Option<String>,
    },
    Text(String),
}

fn read_line(line: &str) -> Line {
    if let Some(h) = headings::structure(line, false) {
        return Line::Division {
            rank: h.rank,
            label: h.label,
            heading: h.heading,
        };
    }
    if let Some(h) = headings::article(line, false) {
        return Line::Article {
            label: h.label,
            heading: h.heading,
        };
    }
    Line::Text(line.to_string())
}

/// The rank of a division label's noun (0 partie législative, 1 partie … 8 sous-paragraphe).
fn rank_of(label: &str) -> u8 {
    headings::division_rank(label).unwrap_or(8)
}

/// The level a new division takes: that of a division of the same noun in the convention, else
/// one below its parent division, else its noun's rank.
fn level_for(doc: &Document, parent: NodeId, label: &str) -> u8 {
    let noun = |l: &str| {
        l.split_whitespace()
            .next()
            .unwrap_or_default()
            .to_lowercase()
    };
    let want = noun(label);
    let same = first_division(doc, |n| {
        n.label.as_deref().map(noun).as_deref() == Some(&want)
    });
    if let Some(id) = same {
        return doc.node(id).level;
    }
    let p = doc.node(parent);
    if p.kind == NodeKind::Structure {
        return p.level + 1;
    }
    rank_of(label)
}

fn new_division(
    doc: &mut Document,
    parent: NodeId,
    at: usize,
    label: &str,
    heading: Option<&str>,
) -> NodeId {
    let text = formules::division_heading_line(label, heading);
    let level = level_for(doc, parent, label);
    let mut node = Node::new(NodeKind::Structure, fresh_key(doc), text, Span::default());
    node.label = Some(label.to_string());
    node.heading = heading.map(str::to_string);
    node.level = level;
    insert_child(doc, parent, at, node)
}

/// Where the new division `label` goes: its parent and its index there.
fn place_of(
    doc: &Document,
    t: &Target,
    place: Place,
    label: &str,
) -> Result<(NodeId, usize), String> {
    let mut id = resolve_unit(doc, t)?;
    let is_unit = |c: &NodeId| matches!(doc.node(*c).kind, NodeKind::Article | NodeKind::Structure);
    match place {
        Place::After => {
            // « Après l'article L. 5134-119, il est inséré une section 9 » (how codes place a
            // division): the section closes the divisions of its rank or below that hold the
            // article, and follows the one of them its parent holds.
            if doc.node(id).kind == NodeKind::Article {
                let rank = rank_of(label);
                while let Some(p) = doc.parent(id) {
                    let n = doc.node(p);
                    let closes = n.kind == NodeKind::Structure
                        && n.label.as_deref().is_some_and(|l| rank_of(l) >= rank);
                    if !closes {
                        break;
                    }
                    id = p;
                }
            }
            let parent = doc.parent(id).unwrap_or(doc.root());
            Ok((parent, child_index(doc, parent, id) + 1))
        }
        Place::Start => {
            let ch = doc.children(id);
            Ok((id, ch.iter().position(is_unit).unwrap_or(ch.len())))
        }
        Place::End => {
            let ch = doc.children(id);
            let at = if doc.node(id).kind == NodeKind::Document {
                // After the last article or division, before annexes and signatures.
                ch.iter().rposition(is_unit).map_or(ch.len(), |i| i + 1)
            } else {
                ch.len()
            };
            Ok((id, at))
        }
    }
}

/// Inserts the division `label` and everything its quoted `lines` hold.
pub(super) fn insert_division(
    doc: &mut Document,
    t: &Target,
    place: Place,
    label: &str,
    heading: Option<&str>,
    lines: &[String],
) -> Result<(), String> {
    if place != Place::After
        && !matches!(
            doc.node(resolve_unit(doc, t)?).kind,
            NodeKind::Structure | NodeKind::Document
        )
    {
        return Err(formules::not_applicable(t));
    }
    // Its articles' numbers must be free, in the convention and among themselves: checked in
    // one walk before anything is grafted (a refused insertion changes nothing).
    let mut labels = rustc_hash::FxHashSet::default();
    for line in lines {
        if let Line::Article { label, .. } = read_line(line) {
            let label = canonical_label(&label);
            if !labels.insert(label.clone()) {
                return Err(formules::already_exists(&Unit::article(&label)));
            }
        }
    }
    if let Some(label) = taken_article_label(doc, &labels) {
        return Err(formules::already_exists(&Unit::article(&label)));
    }
    let (parent, at) = place_of(doc, t, place, label)?;
    let top_rank = rank_of(label);
    let top = new_division(doc, parent, at, label, heading);
    // The open divisions, innermost last, with their ranks; the article being filled.
    let mut open: Vec<(NodeId, u8)> = vec![(top, top_rank)];
    let mut article: Option<(String, Option<String>, Vec<String>, NodeId)> = None;
    let model = first_article(doc);
    let flush = |doc: &mut Document,
                 article: &mut Option<(String, Option<String>, Vec<String>, NodeId)>|
     -> Result<(), String> {
        if let Some((label, heading, alineas, parent)) = article.take() {
            let at = doc.children(parent).len();
            let style = model.unwrap_or(parent);
            let label = canonical_label(&label);
            graft_article(doc, parent, at, style, label, heading.as_deref(), &alineas);
        }
        Ok(())
    };
    for line in lines {
        match read_line(line) {
            Line::Division {
                rank,
                label,
                heading,
            } => {
                flush(doc, &mut article)?;
                if rank <= top_rank {
                    return Err(formules::not_applicable(t));
                }
                while open.last().is_some_and(|(_, r)| *r >= rank) {
                    open.pop();
                }
                let parent = open.last().map_or(top, |o| o.0);
                let at = doc.children(parent).len();
                let id = new_division(doc, parent, at, &label, heading.as_deref());
                open.push((id, rank));
            }
            Line::Article { label, heading } => {
                flush(doc, &mut article)?;
                let parent = open.last().map_or(top, |o| o.0);
                article = Some((label, heading, Vec::new(), parent));
            }
            Line::Text(text) => match article.as_mut() {
                Some(a) => a.2.push(text),
                None => {
                    let parent = open.last().map_or(top, |o| o.0);
                    let at = doc.children(parent).len();
                    insert_lines(doc, parent, at, &[text], None);
                }
            },
        }
    }
    flush(doc, &mut article)
}

/// « Les annexes 3 à 5 deviennent respectivement les annexes 2 à 4 »: every annex found first,
/// then relabelled (its heading line too).
pub(super) fn renumber_annexes(
    doc: &mut Document,
    t: &Target,
    from: &[String],
    to: &[String],
) -> Result<(), String> {
    if from.len() != to.len() {
        return Err(formules::not_applicable(t));
    }
    let mut ids = Vec::new();
    for l in from {
        let unit = Unit::annex(Some(l));
        ids.push(
            find_unit(doc, &unit).ok_or_else(|| formules::target_missing(&Target::unit(unit)))?,
        );
    }
    for (id, new) in ids.into_iter().zip(to) {
        let old = node_label(doc, id);
        let text = relabel(&doc.node(id).text, &old, new);
        crate::edit::relabel(doc, id, new.clone(), text);
    }
    Ok(())
}

/// A new footnote, last of the notes (the notes block made at the end when there is none).
pub(super) fn add_note(doc: &mut Document, label: &str, text: &str) -> Result<(), String> {
    let unit = Unit::Note {
        label: label.to_string(),
    };
    if find_unit(doc, &unit).is_some() {
        return Err(formules::already_exists(&unit));
    }
    let root = doc.root();
    let notes = match doc
        .children(root)
        .iter()
        .copied()
        .find(|c| doc.node(*c).kind == NodeKind::Notes)
    {
        Some(n) => n,
        None => {
            let at = doc.children(root).len();
            let node = Node::new(NodeKind::Notes, fresh_key(doc), "", Span::default());
            insert_child(doc, root, at, node)
        }
    };
    let mut node = Node::new(
        NodeKind::Note,
        fresh_key(doc),
        crate::normalise::inline(text),
        Span::default(),
    );
    node.label = Some(label.to_string());
    let at = doc.children(notes).len();
    insert_child(doc, notes, at, node);
    Ok(())
}

/// A préambule where the convention has none, just before the top-level unit holding the
/// target (the first article, or the division it opens).
pub(super) fn insert_preambule(
    doc: &mut Document,
    t: &Target,
    alineas: &[String],
) -> Result<(), String> {
    if find_unit(doc, &Unit::Preambule).is_some() {
        return Err(formules::already_exists(&Unit::Preambule));
    }
    let root = doc.root();
    let mut top = resolve_unit(doc, t)?;
    while let Some(p) = doc.parent(top).filter(|p| *p != root) {
        top = p;
    }
    let at = child_index(doc, root, top);
    // Its heading line quoted first (« Préambule »), as the parser reads it.
    let (heading, alineas) = match alineas.split_first() {
        Some((h, rest)) if headings::preamble(h) => (Some(h.trim()), rest),
        _ => (None, alineas),
    };
    let mut node = Node::new(
        NodeKind::Preambule,
        fresh_key(doc),
        heading.unwrap_or(""),
        Span::default(),
    );
    node.heading = heading.map(|h| h.trim_end_matches([' ', ':']).to_string());
    let id = insert_child(doc, root, at, node);
    insert_lines(doc, id, 0, alineas, None);
    Ok(())
}

/// Nests the lines just quoted into `unit` (an annex or an article rewritten or added whole)
/// under their sub-division headings (« I. Nom… », « I bis. Désignation… », « 1° … »), as the
/// parser nests them when it reads the unit: the applied unit has the tree that a reading of
/// the new version gives, not a flat list of alinéas. `article`: the unit is an article.
pub(super) fn nest_subdivisions(doc: &mut Document, unit: NodeId, lines: &[String], article: bool) {
    let children = doc.children(unit).to_vec();
    // The lines as the parser reads them, each with the child it became (rows gather into
    // one table, as `insert_lines` builds them).
    let mut read: Vec<crate::normalise::Line> = Vec::with_capacity(lines.len());
    let mut owner: Vec<usize> = Vec::with_capacity(lines.len());
    let mut child: Option<usize> = None;
    let mut in_table = false;
    for line in lines {
        let row = is_row_line(line);
        if !row || !in_table {
            child = Some(child.map_or(0, |c| c + 1));
        }
        in_table = row;
        let (form, text) = if row {
            let cells = row_cells(line);
            let text = normalise::row_text(&cells);
            (Form::Row(cells), text)
        } else {
            classify(line)
        };
        read.push(crate::normalise::Line {
            form,
            text,
            span: Span::default(),
            blank_before: true,
        });
        owner.push(child.unwrap_or(0));
    }
    if child.map_or(0, |c| c + 1) != children.len() {
        // Not the children `insert_lines` made of these lines: left as they are.
        return;
    }
    let subs = crate::parse::sub_headings_of(&read, article);
    if subs.is_empty() {
        return;
    }
    let mut heads: Vec<Option<(String, String, usize, String)>> = vec![None; children.len()];
    for (i, label, heading, level) in subs {
        if let (Some(c), Some(l)) = (owner.get(i), read.get(i)) {
            heads[*c] = Some((label, heading, level, l.text.clone()));
        }
    }
    let mut stack: Vec<(usize, NodeId)> = Vec::new();
    let mut top: Vec<NodeId> = Vec::new();
    for (c, head) in children.iter().zip(heads) {
        if let Some((_, _, level, _)) = &head {
            while stack.last().is_some_and(|(lv, _)| lv >= level) {
                stack.pop();
            }
        }
        let parent = stack.last().map(|s| s.1);
        match parent {
            Some(p) => {
                doc.node_mut(p).children.push(*c);
                doc.node_mut(*c).parent = Some(p);
            }
            None => top.push(*c),
        }
        if let Some((label, heading, level, text)) = head {
            // A kind and label changed in place: signalled to the indexes of units.
            crate::edit::set_kind_label(doc, *c, NodeKind::Structure, Some(label));
            let node = doc.node_mut(*c);
            node.heading = Some(heading);
            node.level = 20 + level.min(200) as u8;
            node.text = text;
            stack.push((level, *c));
        }
    }
    doc.node_mut(unit).children = top;
}
