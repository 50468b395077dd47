//! `Document` + [`Avenant`] → consolidated `Document`.
//!
//! The instructions are executed in order on a copy of the convention's tree (texts edited,
//! children inserted, removed or reordered), each one counting alinéas on the text as the
//! previous ones left it, as légistique reads an amending act. The edited tree is then written
//! as Markdown with [`crate::render::markdown`] and parsed again: keys, labels and alinéa numbers
//! of the result are by construction exactly what parsing the consolidated text gives (an
//! inserted « 5 bis » gets `article-5-bis`, a removed alinéa renumbers the next ones), and no
//! key-derivation logic is duplicated here. Never prints; an instruction that cannot be applied
//! is an [`ApplyError`] naming the avenant's article and the target.

use super::formules;
use super::model::{canonical_label, AlineaAt, Anchor, Avenant, Instruction, Op, Target, Unit};
use crate::model::{Document, Node, NodeId, NodeKind, Source, Span};
use crate::normalise::{self, Form};
use std::fmt;

pub use super::read::parse_avenant;

/// An instruction of the avenant that cannot be applied to the convention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplyError {
    /// The avenant's article holding the instruction.
    pub article: u32,
    /// What it targets.
    pub target: Target,
    /// Why it fails, in French (« les mots « … » sont introuvables à l'article 7 de la convention »).
    pub message: String,
}

impl fmt::Display for ApplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} : {}",
            formules::avenant_article(self.article),
            self.message
        )
    }
}

impl std::error::Error for ApplyError {}

/// Applies every instruction of `avenant` to `convention` and returns the consolidated text,
/// parsed. The convention itself is not changed.
pub fn apply(convention: &Document, avenant: &Avenant) -> Result<Document, ApplyError> {
    let mut doc = convention.clone();
    for art in &avenant.articles {
        for ins in &art.instructions {
            apply_instruction(&mut doc, ins).map_err(|message| ApplyError {
                article: art.number,
                target: ins.target.clone(),
                message,
            })?;
        }
    }
    let md = crate::render::markdown::markdown(&doc);
    Ok(crate::parse_str(&convention.source.path, &md))
}

/// Applies one instruction to the tree in place (the tree is then only fit for rendering: keys
/// of new nodes are provisional).
pub fn apply_instruction(doc: &mut Document, ins: &Instruction) -> Result<(), String> {
    let t = &ins.target;
    match &ins.op {
        Op::ReplaceWords { old, new, .. } => {
            let scope = text_scope(doc, t)?;
            let hit = unique_occurrence(doc, &scope, old, t)?;
            edit_at(doc, &hit, old.len(), new);
            Ok(())
        }
        Op::ReplaceEverywhere { old, new, .. } => replace_everywhere(doc, old, new, t),
        Op::InsertWords { anchor, words } => {
            let scope = text_scope(doc, t)?;
            let (aw, after) = match anchor {
                Anchor::After(a) => (a, true),
                Anchor::Before(a) => (a, false),
            };
            let hit = unique_occurrence(doc, &scope, aw, t)?;
            if after {
                let at = Hit {
                    pos: hit.pos + aw.len(),
                    ..hit
                };
                edit_at(doc, &at, 0, &format!(" {words}"));
            } else {
                edit_at(doc, &hit, 0, &format!("{words} "));
            }
            Ok(())
        }
        Op::AddWordsAtStart { words } => {
            let (id, range) = single_text(doc, t)?;
            let text = doc.node(id).text.clone();
            let new = format!(
                "{}{words} {}{}",
                &text[..range.0],
                &text[range.0..range.1],
                &text[range.1..]
            );
            set_text(doc, id, tidy(&new));
            Ok(())
        }
        Op::AddWordsAtEnd { words } => {
            let (id, range) = single_text(doc, t)?;
            let text = doc.node(id).text.clone();
            let part = &text[range.0..range.1];
            let body = part.trim_end_matches(['.', ';', ':', '!', '?', '…', ' ']);
            let punct = &part[body.len()..];
            let sep = if words.starts_with([',', '.', ')']) {
                ""
            } else {
                " "
            };
            let new = format!(
                "{}{body}{sep}{words}{punct}{}",
                &text[..range.0],
                &text[range.1..]
            );
            set_text(doc, id, tidy(&new));
            Ok(())
        }
        Op::DeleteWords { words, to_end } => {
            let scope = text_scope(doc, t)?;
            let hit = unique_occurrence(doc, &scope, words, t)?;
            let len = if *to_end {
                let text = hit_text(doc, &hit);
                let end = phrase_end(&text, hit.pos);
                end - hit.pos
            } else {
                words.len()
            };
            edit_at(doc, &hit, len, "");
            Ok(())
        }
        Op::RewritePhrase { text } => {
            phrase_edit(doc, t, |s, r| format!("{}{text}{}", &s[..r.0], &s[r.1..]))
        }
        Op::DeletePhrase => phrase_edit(doc, t, |s, r| format!("{} {}", &s[..r.0], &s[r.1..])),
        Op::InsertPhrase { text } => {
            phrase_edit(doc, t, |s, r| format!("{} {text} {}", &s[..r.1], &s[r.1..]))
        }
        Op::AddPhrase { text } => {
            let (id, range) = single_text(doc, t)?;
            let s = doc.node(id).text.clone();
            let new = format!("{} {text} {}", &s[..range.1], &s[range.1..]);
            set_text(doc, id, tidy(&new));
            Ok(())
        }
        Op::RewriteAlineas { count, alineas } => {
            let (parent, ids) = leaf_range(doc, t, *count)?;
            if ids.len() == 1 && alineas.len() == 1 {
                rewrite_leaf(doc, ids[0], &alineas[0]);
                return Ok(());
            }
            let at = child_index(doc, parent, ids[0]);
            remove_children(doc, parent, &ids);
            insert_lines(doc, parent, at, alineas, ids.first().copied());
            Ok(())
        }
        Op::InsertAlineas { alineas } => {
            let (parent, ids) = leaf_range(doc, t, 1)?;
            let mut last = ids[0];
            // After an item come its sub-items.
            let level = doc.node(last).level;
            if doc.node(last).kind == NodeKind::Item {
                let siblings = doc.children(parent).to_vec();
                let mut i = child_index(doc, parent, last) + 1;
                while let Some(s) = siblings.get(i) {
                    let n = doc.node(*s);
                    if n.kind == NodeKind::Item && n.level > level {
                        last = *s;
                        i += 1;
                    } else {
                        break;
                    }
                }
            }
            let at = child_index(doc, parent, last) + 1;
            insert_lines(doc, parent, at, alineas, Some(ids[0]));
            Ok(())
        }
        Op::AddAlineas { at, alineas } => {
            let unit = resolve_unit(doc, t)?;
            let container = if t.row.is_some() {
                first_table(doc, unit).ok_or_else(|| formules::target_missing(t))?
            } else {
                unit
            };
            let index = match at {
                AlineaAt::Start => {
                    // After nothing: before the first alinéa, table or sub-article.
                    0
                }
                AlineaAt::End => {
                    // Before sub-articles, which come after the article's own alinéas.
                    let ch = doc.children(container);
                    ch.iter()
                        .position(|c| doc.node(*c).kind == NodeKind::Article)
                        .unwrap_or(ch.len())
                }
            };
            insert_lines(doc, container, index, alineas, None);
            Ok(())
        }
        Op::DeleteAlineas { count } => {
            let (parent, ids) = leaf_range(doc, t, *count)?;
            remove_children(doc, parent, &ids);
            Ok(())
        }
        Op::RewriteArticle { heading, alineas } => {
            let id = resolve_unit(doc, t)?;
            let label = node_label(doc, id);
            let text = heading_line(doc.node(id), &label, heading.as_deref());
            let node = doc.node_mut(id);
            node.text = text;
            node.heading = heading.clone();
            node.children.clear();
            insert_lines(doc, id, 0, alineas, None);
            Ok(())
        }
        Op::InsertArticle {
            label,
            heading,
            alineas,
        } => {
            let after = resolve_unit(doc, t)?;
            let parent = doc.parent(after).unwrap_or(doc.root());
            let at = child_index(doc, parent, after) + 1;
            new_article(doc, parent, at, after, label, heading.as_deref(), alineas)
        }
        Op::AddArticle {
            label,
            heading,
            alineas,
        } => {
            let last = reachable(doc)
                .into_iter()
                .rev()
                .find(|id| {
                    doc.node(*id).kind == NodeKind::Article
                        && doc
                            .parent(*id)
                            .is_none_or(|p| doc.node(p).kind != NodeKind::Article)
                })
                .ok_or_else(|| formules::target_missing(t))?;
            let parent = doc.parent(last).unwrap_or(doc.root());
            let at = child_index(doc, parent, last) + 1;
            new_article(doc, parent, at, last, label, heading.as_deref(), alineas)
        }
        Op::DeleteArticle | Op::DeleteAnnex => {
            let id = resolve_unit(doc, t)?;
            let parent = doc.parent(id).unwrap_or(doc.root());
            remove_children(doc, parent, &[id]);
            Ok(())
        }
        Op::Renumber { from, to } => {
            if from.len() != to.len() {
                return Err(formules::not_applicable(t));
            }
            let mut ids = Vec::new();
            for l in from {
                let target = Target::article(l);
                ids.push(resolve_unit(doc, &target)?);
            }
            for (id, new) in ids.into_iter().zip(to) {
                let old = node_label(doc, id);
                let heading = doc.node(id).heading.clone();
                let text = heading_line(doc.node(id), &old, heading.as_deref());
                let new_label = canonical_label(new);
                let text = relabel(&text, &old, &new_label);
                let node = doc.node_mut(id);
                node.text = text;
                node.label = Some(new_label);
            }
            Ok(())
        }
        Op::RewriteHeading { heading } => {
            let id = resolve_unit(doc, t)?;
            let label = node_label(doc, id);
            let node = doc.node(id);
            let text = match node.kind {
                NodeKind::Article => heading_line(node, &label, Some(heading)),
                NodeKind::Annexe => annex_line(node, Some(heading)),
                _ => return Err(formules::not_applicable(t)),
            };
            let node = doc.node_mut(id);
            node.text = text;
            node.heading = Some(heading.clone());
            Ok(())
        }
        Op::RewriteAnnex { heading, blocks } => {
            let id = resolve_unit(doc, t)?;
            let text = annex_line(doc.node(id), heading.as_deref());
            let node = doc.node_mut(id);
            node.text = text;
            node.heading = heading.clone();
            node.children.clear();
            insert_lines(doc, id, 0, blocks, None);
            Ok(())
        }
        Op::AddAnnex {
            label,
            heading,
            blocks,
        } => {
            let unit = Unit::Annex {
                label: label.clone(),
            };
            if find_unit(doc, &unit).is_some() {
                return Err(formules::already_exists(&unit));
            }
            let root = doc.root();
            let at = doc
                .children(root)
                .iter()
                .position(|c| doc.node(*c).kind == NodeKind::Notes)
                .unwrap_or(doc.children(root).len());
            let text = formules::annex_heading_line(label.as_deref(), heading.as_deref());
            let mut node = Node::new(NodeKind::Annexe, fresh_key(doc), text, Span::default());
            node.label = label.clone();
            node.heading = heading.clone();
            let id = insert_child(doc, root, at, node);
            insert_lines(doc, id, 0, blocks, None);
            Ok(())
        }
    }
}

// ----- finding units -----

/// Nodes reachable from the root, in document order (removed nodes stay in the arena).
fn reachable(doc: &Document) -> Vec<NodeId> {
    doc.descendants(doc.root())
}

fn node_label(doc: &Document, id: NodeId) -> String {
    doc.node(id).label.clone().unwrap_or_default()
}

fn same_annex_label(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
        _ => false,
    }
}

fn find_unit(doc: &Document, unit: &Unit) -> Option<NodeId> {
    match unit {
        Unit::Convention => Some(doc.root()),
        Unit::Article { label } => {
            let want = canonical_label(label);
            reachable(doc).into_iter().find(|id| {
                let n = doc.node(*id);
                n.kind == NodeKind::Article
                    && n.label.as_deref().map(canonical_label).as_deref() == Some(want.as_str())
            })
        }
        Unit::Annex { label } => {
            let annexes: Vec<NodeId> = reachable(doc)
                .into_iter()
                .filter(|id| doc.node(*id).kind == NodeKind::Annexe)
                .collect();
            annexes
                .iter()
                .copied()
                .find(|id| same_annex_label(doc.node(*id).label.as_deref(), label.as_deref()))
                .or_else(|| {
                    // « l'annexe » when the convention has a single one, numbered or not.
                    (label.is_none() && annexes.len() == 1).then(|| annexes[0])
                })
        }
        Unit::Preambule => reachable(doc)
            .into_iter()
            .find(|id| doc.node(*id).kind == NodeKind::Preambule),
    }
}

fn resolve_unit(doc: &Document, t: &Target) -> Result<NodeId, String> {
    find_unit(doc, &t.unit).ok_or_else(|| formules::target_missing(&Target::unit(t.unit.clone())))
}

fn first_table(doc: &Document, unit: NodeId) -> Option<NodeId> {
    doc.children(unit)
        .iter()
        .copied()
        .find(|c| doc.node(*c).kind == NodeKind::Table)
}

fn markers_match(label: Option<&str>, want: &str) -> bool {
    label.is_some_and(|l| formules::item_marker(l) == formules::item_marker(want))
}

/// The alinéa-like node (or row) the target designates, with its parent; `None` for the unit.
fn resolve_leaf(doc: &Document, t: &Target) -> Result<Option<(NodeId, NodeId)>, String> {
    let unit = resolve_unit(doc, t)?;
    let missing = || formules::target_missing(t);
    if let Some(r) = t.row {
        let table = first_table(doc, unit).ok_or_else(missing)?;
        let rows = doc.children(table);
        let i = r.resolve(rows.len()).ok_or_else(missing)?;
        return Ok(Some((table, rows[i - 1])));
    }
    let leaves = doc.alineas(unit);
    if !t.item.is_empty() {
        let mut start = 0;
        let mut found: Option<usize> = None;
        for (depth, m) in t.item.iter().enumerate() {
            let outer = found;
            let mut hit = None;
            for (i, id) in leaves.iter().enumerate().skip(start) {
                let n = doc.node(*id);
                if depth > 0 {
                    if let Some(o) = outer {
                        let on = doc.node(leaves[o]);
                        // Stop at the next item of the outer kind.
                        if i > o
                            && n.kind == NodeKind::Item
                            && n.level <= on.level
                            && n.label
                                .as_deref()
                                .map(formules::item_marker)
                                .map(|s| s.ends_with('°'))
                                == on
                                    .label
                                    .as_deref()
                                    .map(formules::item_marker)
                                    .map(|s| s.ends_with('°'))
                            && !markers_match(n.label.as_deref(), m)
                        {
                            break;
                        }
                    }
                }
                if n.kind == NodeKind::Item && markers_match(n.label.as_deref(), m) {
                    hit = Some(i);
                    break;
                }
            }
            let h = hit.ok_or_else(missing)?;
            start = h + 1;
            found = Some(h);
        }
        let i = found.ok_or_else(missing)?;
        return Ok(Some((unit, leaves[i])));
    }
    if let Some(p) = t.alinea {
        let i = p.resolve(leaves.len()).ok_or_else(missing)?;
        return Ok(Some((unit, leaves[i - 1])));
    }
    Ok(None)
}

/// `count` consecutive leaves from the target, with their parent.
fn leaf_range(doc: &Document, t: &Target, count: u32) -> Result<(NodeId, Vec<NodeId>), String> {
    let (parent, first) = resolve_leaf(doc, t)?.ok_or_else(|| formules::not_applicable(t))?;
    let siblings: Vec<NodeId> = if t.row.is_some() && t.item.is_empty() && t.alinea.is_none() {
        doc.children(parent).to_vec()
    } else {
        doc.alineas(parent)
    };
    let start = siblings
        .iter()
        .position(|s| *s == first)
        .ok_or_else(|| formules::target_missing(t))?;
    let end = start + count.max(1) as usize;
    if end > siblings.len() {
        return Err(formules::target_missing(t));
    }
    Ok((parent, siblings[start..end].to_vec()))
}

// ----- words -----

/// A text that words are searched in: a node's text, or one cell of a row, restricted to a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Slot {
    node: NodeId,
    cell: Option<usize>,
    range: (usize, usize),
}

#[derive(Debug, Clone, Copy)]
struct Hit {
    slot: Slot,
    pos: usize,
}

fn slot_text(doc: &Document, slot: &Slot) -> String {
    let n = doc.node(slot.node);
    match slot.cell {
        Some(c) => n.cells.get(c).cloned().unwrap_or_default(),
        None => n.text.clone(),
    }
}

fn hit_text(doc: &Document, hit: &Hit) -> String {
    slot_text(doc, &hit.slot)
}

fn node_slots(doc: &Document, id: NodeId) -> Vec<Slot> {
    let n = doc.node(id);
    if n.kind == NodeKind::Row {
        (0..n.cells.len())
            .map(|c| Slot {
                node: id,
                cell: Some(c),
                range: (0, n.cells[c].len()),
            })
            .collect()
    } else {
        vec![Slot {
            node: id,
            cell: None,
            range: (0, n.text.len()),
        }]
    }
}

/// Where words of a word-level instruction are looked for.
fn text_scope(doc: &Document, t: &Target) -> Result<Vec<Slot>, String> {
    if t.heading {
        return Err(formules::not_applicable(t));
    }
    match resolve_leaf(doc, t)? {
        Some((_, leaf)) => {
            if let Some(p) = t.phrase {
                let text = doc.node(leaf).text.clone();
                let ph = phrases(&text);
                let i = p
                    .resolve(ph.len())
                    .ok_or_else(|| formules::target_missing(t))?;
                return Ok(vec![Slot {
                    node: leaf,
                    cell: None,
                    range: ph[i - 1],
                }]);
            }
            Ok(node_slots(doc, leaf))
        }
        None => {
            let unit = resolve_unit(doc, t)?;
            Ok(doc
                .descendants(unit)
                .into_iter()
                .filter(|id| {
                    let k = doc.node(*id).kind;
                    k.is_alinea_like() || k == NodeKind::Row
                })
                .flat_map(|id| node_slots(doc, id))
                .collect())
        }
    }
}

/// Byte offsets of `words` in `text` standing as whole words.
pub fn occurrences(text: &str, words: &str) -> Vec<usize> {
    if words.is_empty() {
        return Vec::new();
    }
    let starts_alnum = words.chars().next().is_some_and(char::is_alphanumeric);
    let ends_alnum = words.chars().last().is_some_and(char::is_alphanumeric);
    text.match_indices(words)
        .map(|(i, _)| i)
        .filter(|i| {
            let before_ok =
                !starts_alnum || !text[..*i].chars().last().is_some_and(char::is_alphanumeric);
            let after_ok = !ends_alnum
                || !text[i + words.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            before_ok && after_ok
        })
        .collect()
}

fn unique_occurrence(
    doc: &Document,
    scope: &[Slot],
    words: &str,
    t: &Target,
) -> Result<Hit, String> {
    let mut hits = Vec::new();
    for slot in scope {
        let text = slot_text(doc, slot);
        let Some(part) = text.get(slot.range.0..slot.range.1) else {
            continue;
        };
        for pos in occurrences(part, words) {
            hits.push(Hit {
                slot: *slot,
                pos: slot.range.0 + pos,
            });
        }
    }
    match hits.len() {
        0 => Err(formules::words_not_found(words, t)),
        1 => Ok(hits[0]),
        n => Err(formules::words_ambiguous(words, n, t)),
    }
}

/// Replaces `len` bytes at the hit by `with`, and tidies the spaces.
fn edit_at(doc: &mut Document, hit: &Hit, len: usize, with: &str) {
    let text = hit_text(doc, hit);
    let end = (hit.pos + len).min(text.len());
    let new = tidy(&format!("{}{with}{}", &text[..hit.pos], &text[end..]));
    match hit.slot.cell {
        Some(c) => {
            let node = doc.node_mut(hit.slot.node);
            if let Some(cell) = node.cells.get_mut(c) {
                *cell = new;
            }
            node.text = normalise::row_text(&node.cells);
        }
        None => set_text(doc, hit.slot.node, new),
    }
}

fn set_text(doc: &mut Document, id: NodeId, text: String) {
    doc.node_mut(id).text = text;
}

/// Single spaces, no space before « . , ) », none at the ends.
pub fn tidy(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = words.join(" ");
    for p in [" .", " ,", " )", " …"] {
        while let Some(i) = out.find(p) {
            out.replace_range(i..i + 1, "");
        }
    }
    out.replace("( ", "(")
}

/// Replaces every occurrence; words starting in lower case are also replaced where a sentence
/// capitalises them (« l'ENA » → « l'INSP » also turns « L'ENA » into « L'INSP »).
fn replace_everywhere(doc: &mut Document, old: &str, new: &str, t: &Target) -> Result<(), String> {
    let mut count = replace_all(doc, old, new);
    let cap = formules::capitalise(old);
    if cap != old {
        count += replace_all(doc, &cap, &formules::capitalise(new));
    }
    if count == 0 {
        return Err(formules::words_not_found(old, t));
    }
    Ok(())
}

fn replace_all(doc: &mut Document, old: &str, new: &str) -> usize {
    let mut count = 0;
    for id in reachable(doc) {
        let node = doc.node_mut(id);
        let mut changed = false;
        let fix = |s: &str, count: &mut usize| -> Option<String> {
            let occ = occurrences(s, old);
            if occ.is_empty() {
                return None;
            }
            *count += occ.len();
            let mut out = s.to_string();
            for pos in occ.into_iter().rev() {
                out.replace_range(pos..pos + old.len(), new);
            }
            Some(tidy(&out))
        };
        if let Some(s) = fix(&node.text, &mut count) {
            node.text = s;
            changed = true;
        }
        if let Some(h) = node.heading.clone() {
            let mut dummy = 0;
            if let Some(s) = fix(&h, &mut dummy) {
                node.heading = Some(s);
            }
        }
        let mut cells_changed = false;
        for i in 0..node.cells.len() {
            let mut dummy = 0;
            if let Some(s) = fix(&node.cells[i], &mut dummy) {
                node.cells[i] = s;
                cells_changed = true;
            }
        }
        if cells_changed {
            node.text = normalise::row_text(&node.cells);
        }
        let _ = changed;
    }
    count
}

// ----- phrases -----

const ABBREVIATIONS: &[&str] = &[
    "M", "MM", "Mme", "Mmes", "Mlle", "Dr", "Pr", "art", "Art", "cf", "Cf", "etc", "p", "pp", "n",
    "no", "al", "av", "bd", "St", "Ste", "vol", "éd", "chap", "env", "min", "max", "ex",
];

/// Byte ranges of the phrases of an alinéa (each with its final punctuation).
pub fn phrases(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // Closing quotes or brackets stay with the phrase.
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '»' | ')' | '"') {
                j += 1;
            }
            let next_is_space = j < chars.len() && chars[j].1 == ' ';
            let after = chars.get(j + 1).map(|x| x.1);
            let starts_phrase = after.is_some_and(|a| a.is_uppercase() || a == '«');
            let word_before: String = text[..pos]
                .rsplit(|ch: char| !ch.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_string();
            let abbreviation = c == '.'
                && (ABBREVIATIONS.contains(&word_before.as_str())
                    || word_before.chars().count() == 1
                        && word_before.chars().all(char::is_uppercase));
            if next_is_space && starts_phrase && !abbreviation {
                let end = chars.get(j).map(|x| x.0).unwrap_or(text.len());
                out.push((start, end));
                start = chars.get(j + 1).map(|x| x.0).unwrap_or(text.len());
                i = j + 1;
                continue;
            }
        }
        let _ = pos;
        i += 1;
    }
    if start < text.len() {
        out.push((start, text.trim_end().len().max(start)));
    }
    out
}

/// End of the phrase containing `pos`, final punctuation excluded.
fn phrase_end(text: &str, pos: usize) -> usize {
    let end = phrases(text)
        .into_iter()
        .find(|r| r.0 <= pos && pos < r.1)
        .map(|r| r.1)
        .unwrap_or(text.len());
    let part = &text[..end];
    part.trim_end_matches(['.', '!', '?', '…', ';', ' ']).len()
}

/// The one text the target designates (an alinéa, an item, or a phrase of one), with the range.
fn single_text(doc: &Document, t: &Target) -> Result<(NodeId, (usize, usize)), String> {
    let (_, leaf) = match resolve_leaf(doc, t)? {
        Some(x) => x,
        None => {
            // A unit with a single alinéa can be named by the unit.
            let unit = resolve_unit(doc, t)?;
            let leaves = doc.alineas(unit);
            match leaves.as_slice() {
                [one] => (unit, *one),
                _ => return Err(formules::not_applicable(t)),
            }
        }
    };
    let text = doc.node(leaf).text.clone();
    match t.phrase {
        Some(p) => {
            let ph = phrases(&text);
            let i = p
                .resolve(ph.len())
                .ok_or_else(|| formules::target_missing(t))?;
            Ok((leaf, ph[i - 1]))
        }
        None => Ok((leaf, (0, text.len()))),
    }
}

fn phrase_edit(
    doc: &mut Document,
    t: &Target,
    f: impl Fn(&str, (usize, usize)) -> String,
) -> Result<(), String> {
    if t.phrase.is_none() {
        return Err(formules::not_applicable(t));
    }
    let (id, range) = single_text(doc, t)?;
    let text = doc.node(id).text.clone();
    set_text(doc, id, tidy(&f(&text, range)));
    Ok(())
}

// ----- tree edits -----

fn fresh_key(doc: &Document) -> String {
    format!("~avenant-{}", doc.nodes.len())
}

fn child_index(doc: &Document, parent: NodeId, child: NodeId) -> usize {
    doc.children(parent)
        .iter()
        .position(|c| *c == child)
        .unwrap_or(doc.children(parent).len())
}

fn insert_child(doc: &mut Document, parent: NodeId, at: usize, node: Node) -> NodeId {
    let id = doc.push(parent, node);
    let ch = &mut doc.node_mut(parent).children;
    ch.pop();
    let at = at.min(ch.len());
    ch.insert(at, id);
    id
}

fn remove_children(doc: &mut Document, parent: NodeId, ids: &[NodeId]) {
    doc.node_mut(parent).children.retain(|c| !ids.contains(c));
}

/// How one quoted line reads: plain alinéa, list item, or table row.
fn classify(line: &str) -> (Form, String) {
    let src = Source {
        path: String::new(),
        format: crate::model::Format::Text,
        text: line.to_string(),
    };
    match normalise::normalise(&src).lines.into_iter().next() {
        Some(l) => (l.form, l.text),
        None => (Form::Plain, line.to_string()),
    }
}

fn leaf_node(doc: &Document, line: &str) -> Node {
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
        _ => Node::new(
            NodeKind::Alinea,
            key,
            crate::normalise::inline(line),
            Span::default(),
        ),
    }
}

/// Replaces one alinéa's text in place: a bullet item stays a bullet item.
fn rewrite_leaf(doc: &mut Document, id: NodeId, line: &str) {
    let old = doc.node(id).clone();
    if old.kind == NodeKind::Row {
        let cells = row_cells(line);
        let node = doc.node_mut(id);
        node.text = normalise::row_text(&cells);
        node.cells = cells;
        return;
    }
    let new = leaf_node(doc, line);
    let node = doc.node_mut(id);
    if new.kind == NodeKind::Alinea && old.kind == NodeKind::Item && old.label.is_none() {
        node.text = new.text;
    } else {
        node.kind = new.kind;
        node.label = new.label;
        node.level = new.level;
        node.text = new.text;
    }
}

fn is_row_line(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|') && t.ends_with('|') && t.len() > 1
}

fn row_cells(line: &str) -> Vec<String> {
    let t = line.trim().trim_start_matches('|').trim_end_matches('|');
    t.split('|')
        .map(|c| crate::normalise::inline(c.trim()))
        .collect()
}

/// Inserts quoted lines as children of `parent` from index `at`: rows (`| a | b |`) gather into
/// a table (or join `parent` when it is a table); a bullet line next to bullet items stays one.
fn insert_lines(
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
            row.cells = cells;
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
            }
        }
        insert_child(doc, parent, at, node);
        at += 1;
    }
}

/// An article's heading line in the style of `model` (« Article 5 : Durée », « ARTICLE 5 – Durée »).
fn heading_line(model: &Node, label: &str, heading: Option<&str>) -> String {
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

fn annex_line(model: &Node, heading: Option<&str>) -> String {
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

fn relabel(text: &str, old: &str, new: &str) -> String {
    match text.find(old).filter(|_| !old.is_empty()) {
        Some(i) => format!("{}{new}{}", &text[..i], &text[i + old.len()..]),
        None => text.to_string(),
    }
}

#[allow(clippy::too_many_arguments)]
fn new_article(
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
    if find_unit(doc, &unit).is_some() {
        return Err(formules::already_exists(&unit));
    }
    let text = heading_line(doc.node(style), &label, heading);
    let mut node = Node::new(NodeKind::Article, fresh_key(doc), text, Span::default());
    node.label = Some(label);
    node.heading = heading.map(str::to_string);
    let id = insert_child(doc, parent, at, node);
    insert_lines(doc, id, 0, alineas, None);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_split() {
        let t = "La présente convention entre en vigueur à sa signature. Elle est conclue jusqu'au 30 juin 2021.";
        let p = phrases(t);
        assert_eq!(p.len(), 2);
        assert_eq!(
            &t[p[1].0..p[1].1],
            "Elle est conclue jusqu'au 30 juin 2021."
        );
        let t = "M. Dupont signe. Art. L. 1111-1 du code. Fin";
        let p: Vec<&str> = phrases(t).iter().map(|r| &t[r.0..r.1]).collect();
        assert_eq!(p, ["M. Dupont signe.", "Art. L. 1111-1 du code.", "Fin"]);
    }

    #[test]
    fn whole_words() {
        assert_eq!(occurrences("par écrit, parfois", "par"), vec![0]);
        assert_eq!(occurrences("l'ENA et l'ENA", "l'ENA"), vec![0, 9]);
    }

    #[test]
    fn tidy_spaces() {
        assert_eq!(tidy("a  b ."), "a b.");
        assert_eq!(tidy(" x , y "), "x, y");
    }
}
