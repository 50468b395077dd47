//! The « document comparé » laid out: the comparison walked in the new document's order,
//! each change turned into tracked pieces, moves as deletion + insertion with a comment.

use super::body::{Block, Mark, Para, Piece, TRow};
use crate::diff::{Basis, Comparison, Field, PairDiff};
use crate::model::{Document, NodeId, NodeKind};
use crate::render::diff_common::{new_place, old_order, old_place, thousands};
use std::collections::HashMap;

/// The comment on a paragraph whose two texts were too long to be compared word by word
/// ([`crate::diff::WORD_DIFF_BUDGET`] tokens, both sides together) and were compared sentence
/// by sentence, as `diff` does (`Summary::coarse`): a reader in Word sees why a whole sentence
/// is deleted and inserted for a change of one word. `None` for texts compared word by word.
pub(super) fn coarse_comment(old: &str, new: &str) -> Option<String> {
    use crate::diff::{tokens::tokenize, WORD_DIFF_BUDGET};
    // A token holds at least one byte: short texts need no tokenizing.
    if old == new || old.len() + new.len() <= WORD_DIFF_BUDGET {
        return None;
    }
    (tokenize(old).len() + tokenize(new).len() > WORD_DIFF_BUDGET).then(|| {
        format!(
            "Texte comparé phrase par phrase, trop long pour une comparaison mot à mot (plus de {} mots) : une phrase modifiée est supprimée puis insérée en entier.",
            thousands(WORD_DIFF_BUDGET)
        )
    })
}

/// Pieces of a text changed from `old` to `new` given the change ranges: equal stretches kept,
/// changed words deleted then inserted. Accepting gives exactly `new`, rejecting exactly `old`.
pub(super) fn pieces(
    old: &str,
    new: &str,
    ranges: &[(std::ops::Range<usize>, std::ops::Range<usize>)],
) -> Vec<Piece> {
    let mut out = Vec::new();
    let (mut co, mut cn) = (0, 0);
    let same = |out: &mut Vec<Piece>, o: &str, n: &str| {
        if o == n {
            out.push(Piece::Same(n.to_string()));
        } else {
            out.push(Piece::Del(o.to_string()));
            out.push(Piece::Ins(n.to_string()));
        }
    };
    for (ro, rn) in ranges {
        if ro.start < co || rn.start < cn || ro.end > old.len() || rn.end > new.len() {
            continue;
        }
        let (Some(eo), Some(en)) = (old.get(co..ro.start), new.get(cn..rn.start)) else {
            continue;
        };
        let (Some(d), Some(i)) = (old.get(ro.clone()), new.get(rn.clone())) else {
            continue;
        };
        same(&mut out, eo, en);
        out.push(Piece::Del(d.to_string()));
        out.push(Piece::Ins(i.to_string()));
        co = ro.end;
        cn = rn.end;
    }
    match (old.get(co..), new.get(cn..)) {
        (Some(o), Some(n)) => same(&mut out, o, n),
        _ => {
            out.clear();
            out.push(Piece::Del(old.to_string()));
            out.push(Piece::Ins(new.to_string()));
        }
    }
    out.retain(|p| !matches!(p, Piece::Same(t) | Piece::Del(t) | Piece::Ins(t) if t.is_empty()));
    out
}

/// Style and text of a node's own paragraph, as the Markdown renderer lays the document out
/// (so that the text read back from Word parses into the same tree).
pub(super) fn own_paragraph(
    doc: &Document,
    id: NodeId,
    depth: usize,
) -> Option<(Option<String>, String)> {
    let node = doc.node(id);
    let heading = |level: usize| Some(format!("Heading{}", level.clamp(1, 6)));
    match node.kind {
        NodeKind::Titre => Some((heading(1), node.text.clone())),
        NodeKind::Article | NodeKind::Annexe => Some((heading(depth + 2), node.text.clone())),
        NodeKind::Structure => {
            let level = if node.level > 8 {
                (node.level - 8) as usize
            } else {
                depth + 2
            };
            Some((heading(level), node.text.clone()))
        }
        NodeKind::Preambule if !node.text.is_empty() => Some((heading(2), node.text.clone())),
        NodeKind::Alinea | NodeKind::Note => Some((None, node.text.clone())),
        NodeKind::Item => {
            let indent = "\u{a0}\u{a0}".repeat(node.level as usize);
            if node.label.is_some() {
                Some((None, format!("{indent}{}", node.text)))
            } else {
                Some((None, format!("{indent}• {}", node.text)))
            }
        }
        _ => None,
    }
}

/// The comparison walked in the new document's order, moves as deletion + insertion.
pub(super) struct Compared<'a> {
    pub(super) cmp: &'a Comparison,
    pub(super) blocks: Vec<Block>,
    /// Moved pairs by the old node their old parent is.
    pub(super) moved_from: HashMap<NodeId, Vec<&'a PairDiff>>,
    pub(super) rank: HashMap<NodeId, usize>,
}

impl<'a> Compared<'a> {
    pub(super) fn new(cmp: &'a Comparison) -> Self {
        let mut moved_from: HashMap<NodeId, Vec<&PairDiff>> = HashMap::new();
        for p in cmp.iter() {
            if let (true, Some(o), Some(_)) = (p.moved, p.old, p.new) {
                if let Some(parent) = cmp.old.parent(o) {
                    moved_from.entry(parent).or_default().push(p);
                }
            }
        }
        let rank = old_order(cmp);
        Compared {
            cmp,
            blocks: Vec::new(),
            moved_from,
            rank,
        }
    }

    /// A whole subtree of one side, every paragraph inserted or deleted.
    pub(super) fn whole(
        &mut self,
        doc_old: bool,
        id: NodeId,
        depth: usize,
        mark: Mark,
        comment: Option<String>,
    ) {
        let doc = if doc_old {
            &self.cmp.old
        } else {
            &self.cmp.new
        };
        let node = doc.node(id);
        if node.kind == NodeKind::Table {
            let rows = node
                .children
                .iter()
                .map(|r| TRow::whole(doc.node(*r).cells(), mark))
                .collect();
            self.blocks.push(Block::Table(rows));
            return;
        }
        let mut comment = comment;
        if let Some((style, text)) = own_paragraph(doc, id, depth) {
            let piece = if mark == Mark::Deleted {
                Piece::Del(text)
            } else {
                Piece::Ins(text)
            };
            self.blocks.push(Block::Para(Para {
                style,
                pieces: vec![piece],
                mark,
                comment: comment.take(),
                bold: false,
                center: false,
            }));
        }
        let next = depth + usize::from(node.kind != NodeKind::Document);
        for c in node.children.clone() {
            self.whole(doc_old, c, next, mark, comment.take());
        }
    }

    /// Departures of moves out of old node `parent` ranked before `before` (all when `None`).
    pub(super) fn departures(
        &mut self,
        parent: Option<NodeId>,
        before: Option<NodeId>,
        depth: usize,
    ) {
        let Some(parent) = parent else { return };
        let limit = before.and_then(|b| self.rank.get(&b).copied());
        let Some(list) = self.moved_from.get_mut(&parent) else {
            return;
        };
        let rank = &self.rank;
        let (go, stay): (Vec<&PairDiff>, Vec<&PairDiff>) = list.iter().partition(|m| {
            let r = m.old.and_then(|o| rank.get(&o).copied());
            limit.is_none_or(|l| r.is_some_and(|r| r < l))
        });
        *list = stay;
        for m in go {
            let (Some(o), Some(n)) = (m.old, m.new) else {
                continue;
            };
            let note = format!(
                "Déplacé vers {} (voir l'insertion à cet endroit).",
                new_place(self.cmp, n)
            );
            self.whole(true, o, depth, Mark::Deleted, Some(note));
        }
    }

    pub(super) fn pair(&mut self, p: &'a PairDiff, depth: usize) {
        let cmp = self.cmp;
        match (p.old, p.new) {
            (None, Some(n)) => self.whole(false, n, depth, Mark::Inserted, None),
            (Some(o), None) => {
                // A deleted unit: its own paragraph, then its children pairs (a child moved
                // out of it is deleted here, by its departure).
                self.deleted_unit(p, o, depth);
            }
            (Some(o), Some(n)) if p.moved => {
                let note = format!(
                    "Déplacé depuis {} (voir la suppression à cet endroit).",
                    old_place(cmp, o)
                );
                let _ = o;
                self.whole(false, n, depth, Mark::Inserted, Some(note));
            }
            (Some(o), Some(n)) => {
                let node = cmp.new.node(n);
                if node.kind == NodeKind::Table {
                    self.table_pair(p);
                    return;
                }
                if let Some((style, new_text)) = own_paragraph(&cmp.new, n, depth) {
                    let old_text = own_paragraph(&cmp.old, o, depth)
                        .map(|(_, t)| t)
                        .unwrap_or_default();
                    let pieces = self.own_pieces(p, o, n, &old_text, &new_text);
                    let comment = coarse_comment(
                        crate::align::own_text(&cmp.old, o).0,
                        crate::align::own_text(&cmp.new, n).0,
                    );
                    self.blocks.push(Block::Para(Para {
                        style,
                        pieces,
                        mark: Mark::None,
                        comment,
                        bold: false,
                        center: false,
                    }));
                }
                let next = depth + usize::from(node.kind != NodeKind::Document);
                self.children(p, Some(o), next);
            }
            (None, None) => {}
        }
    }

    pub(super) fn deleted_unit(&mut self, p: &'a PairDiff, o: NodeId, depth: usize) {
        let cmp = self.cmp;
        let node = cmp.old.node(o);
        if node.kind == NodeKind::Table || p.children.is_empty() {
            self.whole(true, o, depth, Mark::Deleted, None);
            return;
        }
        if let Some((style, text)) = own_paragraph(&cmp.old, o, depth) {
            self.blocks.push(Block::Para(Para {
                style,
                pieces: vec![Piece::Del(text)],
                mark: Mark::Deleted,
                comment: None,
                bold: false,
                center: false,
            }));
        }
        self.children(p, Some(o), depth + 1);
    }

    pub(super) fn children(&mut self, p: &'a PairDiff, old_parent: Option<NodeId>, depth: usize) {
        let (mut last_old, mut last_new) = (None, None);
        let kids = &p.children;
        let mut i = 0;
        while i < kids.len() {
            let c = &kids[i];
            i += 1;
            if !c.moved {
                if let Some(co) = c.old {
                    self.departures(old_parent, Some(co), depth);
                }
            }
            // A split or a merge of alinéas: their words diffed as one text, the paragraph
            // marks between the parts inserted (split) or deleted (merge), as Word shows it.
            let group = split_or_merge(self.cmp, &kids[i - 1..]);
            if group > 1 {
                self.split_or_merge(&kids[i - 1..i - 1 + group]);
                i += group - 1;
                last_old = kids[i - 1].old.or(last_old);
                last_new = kids[i - 1].new.or(last_new);
                continue;
            }
            // The later parts of a split share their old alinéa: inserted; the later parts of a
            // merge share their new one: deleted. The first part carries the word changes.
            if c.old.is_some() && c.old == last_old {
                if let Some(n) = c.new {
                    self.whole(false, n, depth, Mark::Inserted, None);
                }
            } else if c.new.is_some() && c.new == last_new {
                if let Some(o) = c.old {
                    self.whole(true, o, depth, Mark::Deleted, None);
                }
            } else {
                self.pair(c, depth);
            }
            last_old = c.old.or(last_old);
            last_new = c.new.or(last_new);
        }
        self.departures(old_parent, None, depth);
    }

    /// The parts of a split (one old alinéa, several new) or a merge (several old, one new):
    /// one paragraph per part on the side that has several, the words diffed across the joined
    /// parts. Accepting gives the new paragraphs, rejecting the old ones.
    pub(super) fn split_or_merge(&mut self, parts: &[PairDiff]) {
        let cmp = self.cmp;
        let split = parts[0].old == parts[1].old;
        let texts = |doc: &Document, ids: Vec<NodeId>| -> Vec<String> {
            ids.into_iter()
                .map(|id| doc.node(id).text.clone())
                .collect()
        };
        let (olds, news) = if split {
            (
                texts(&cmp.old, parts[0].old.into_iter().collect()),
                texts(&cmp.new, parts.iter().filter_map(|p| p.new).collect()),
            )
        } else {
            (
                texts(&cmp.old, parts.iter().filter_map(|p| p.old).collect()),
                texts(&cmp.new, parts[0].new.into_iter().collect()),
            )
        };
        let (old, new) = (olds.join(" "), news.join(" "));
        let changes = crate::diff::diff_texts(&old, &new, Field::Text);
        let ranges: Vec<_> = changes
            .iter()
            .map(|c| (c.old_range.clone(), c.new_range.clone()))
            .collect();
        let joined = pieces(&old, &new, &ranges);
        let mut comment = coarse_comment(&old, &new);
        let parts_text = if split { &news } else { &olds };
        let mut cuts = Vec::new();
        let mut at = 0;
        for t in &parts_text[..parts_text.len() - 1] {
            at += t.len();
            cuts.push(at);
            at += 1;
        }
        for (pieces, last) in cut_at_joints(joined, &cuts, split) {
            let mark = match (last, split) {
                (true, _) => Mark::None,
                (false, true) => Mark::Inserted,
                (false, false) => Mark::Deleted,
            };
            self.blocks.push(Block::Para(Para {
                style: None,
                pieces,
                mark,
                comment: comment.take(),
                bold: false,
                center: false,
            }));
        }
    }

    /// The pieces of a pair's own paragraph: its number (renumbering) and its words.
    pub(super) fn own_pieces(
        &self,
        p: &PairDiff,
        o: NodeId,
        n: NodeId,
        old_text: &str,
        new_text: &str,
    ) -> Vec<Piece> {
        let cmp = self.cmp;
        let field = p.changes.first().map_or(Field::Text, |c| c.field);
        let ranges: Vec<_> = p
            .changes
            .iter()
            .map(|c| (c.old_range.clone(), c.new_range.clone()))
            .collect();
        match field {
            Field::Text
                if old_text.ends_with(cmp.old.node(o).text.as_str())
                    && new_text.ends_with(cmp.new.node(n).text.as_str()) =>
            {
                // An item's paragraph starts with its bullet and indent: ranges shift by them.
                let a = old_text.len() - cmp.old.node(o).text.len();
                let b = new_text.len() - cmp.new.node(n).text.len();
                let shifted: Vec<_> = ranges
                    .iter()
                    .map(|(ro, rn)| (ro.start + a..ro.end + a, rn.start + b..rn.end + b))
                    .collect();
                pieces(old_text, new_text, &shifted)
            }
            Field::Heading => {
                // The heading line is « number : heading »: the heading's ranges shift by its offset.
                let (oh, nh) = (
                    cmp.old.node(o).heading.as_deref().unwrap_or(""),
                    cmp.new.node(n).heading.as_deref().unwrap_or(""),
                );
                match (old_text.rfind(oh), new_text.rfind(nh)) {
                    (Some(a), Some(b)) if !oh.is_empty() && !nh.is_empty() => {
                        let shifted: Vec<_> = ranges
                            .iter()
                            .map(|(ro, rn)| (ro.start + a..ro.end + a, rn.start + b..rn.end + b))
                            .collect();
                        pieces(old_text, new_text, &shifted)
                    }
                    _ => pieces(old_text, new_text, &[]),
                }
            }
            _ => pieces(old_text, new_text, &[]),
        }
    }

    /// A table both versions have: rows kept, rows changed cell by cell (same number of
    /// cells), rows inserted or deleted whole.
    pub(super) fn table_pair(&mut self, p: &PairDiff) {
        let cmp = self.cmp;
        let mut rows = Vec::new();
        for r in &p.children {
            match (r.old, r.new) {
                (Some(o), Some(n))
                    if cmp.old.node(o).cells().len() == cmp.new.node(n).cells().len() =>
                {
                    let cells = cmp
                        .old
                        .node(o)
                        .cells()
                        .iter()
                        .zip(cmp.new.node(n).cells())
                        .map(|(a, b)| {
                            if a == b {
                                vec![Piece::Same(b.clone())]
                            } else {
                                let changes = crate::diff::diff_texts(a, b, Field::Text);
                                let ranges: Vec<_> = changes
                                    .iter()
                                    .map(|c| (c.old_range.clone(), c.new_range.clone()))
                                    .collect();
                                pieces(a, b, &ranges)
                            }
                        })
                        .collect();
                    rows.push(TRow {
                        cells,
                        mark: Mark::None,
                    });
                }
                (o, n) => {
                    if let Some(o) = o {
                        rows.push(TRow::whole(cmp.old.node(o).cells(), Mark::Deleted));
                    }
                    if let Some(n) = n {
                        rows.push(TRow::whole(cmp.new.node(n).cells(), Mark::Inserted));
                    }
                }
            }
        }
        self.blocks.push(Block::Table(rows));
    }
}

/// How many pairs from the first one form a split (the same old alinéa, several new) or a
/// merge (several old, the same new one) of plain alinéas; 1 when none.
fn split_or_merge(cmp: &Comparison, pairs: &[PairDiff]) -> usize {
    let plain = |doc: &Document, id: Option<NodeId>| {
        id.is_some_and(|i| doc.node(i).kind == NodeKind::Alinea)
    };
    let Some(first) = pairs.first() else {
        return 1;
    };
    if first.moved || !plain(&cmp.old, first.old) || !plain(&cmp.new, first.new) {
        return 1;
    }
    let same = |a: &PairDiff, split: bool| {
        !a.moved
            && plain(&cmp.old, a.old)
            && plain(&cmp.new, a.new)
            && if split {
                a.old == first.old && a.basis == Basis::Split
            } else {
                a.new == first.new && a.basis == Basis::Merge
            }
    };
    for split in [true, false] {
        let n = 1 + pairs[1..].iter().take_while(|a| same(a, split)).count();
        if n > 1 {
            return n;
        }
    }
    1
}

/// The pieces of joined parts cut into one paragraph per part. `cuts` are the byte offsets of
/// the joining spaces in the side that has the parts (new for a split, old for a merge). A
/// joining space is not text of that side: the other side's own space there is kept as deleted
/// (split: rejecting the inserted paragraph mark joins the parts with it) or inserted (merge).
/// Returns each paragraph's pieces and whether it is the last.
fn cut_at_joints(pieces: Vec<Piece>, cuts: &[usize], split: bool) -> Vec<(Vec<Piece>, bool)> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    let mut pos = 0;
    let mut next = cuts.iter().copied().peekable();
    for piece in pieces {
        // Whether this piece's text belongs to the side that has the parts.
        let (on_parts_side, mut text, kind) = match piece {
            Piece::Same(t) => (true, t, 0),
            Piece::Ins(t) => (split, t, 1),
            Piece::Del(t) => (!split, t, 2),
        };
        let make = |t: String| match kind {
            0 => Piece::Same(t),
            1 => Piece::Ins(t),
            _ => Piece::Del(t),
        };
        if !on_parts_side {
            current.push(make(text));
            continue;
        }
        while let Some(&cut) = next.peek() {
            if cut < pos || cut >= pos + text.len() || !text.is_char_boundary(cut - pos) {
                break;
            }
            let rest = text.split_off(cut - pos);
            current.push(make(text));
            // `rest` starts with the joining space.
            let space = rest.get(..1).unwrap_or("").to_string();
            if kind == 0 {
                // Both sides have a space there: the other side keeps it as a tracked change.
                current.push(if split {
                    Piece::Del(space.clone())
                } else {
                    Piece::Ins(space.clone())
                });
            }
            out.push((std::mem::take(&mut current), false));
            pos = cut + 1;
            text = rest.get(1..).unwrap_or("").to_string();
            next.next();
        }
        pos += text.len();
        current.push(make(text));
    }
    out.push((current, true));
    for (p, _) in &mut out {
        p.retain(|x| !matches!(x, Piece::Same(t) | Piece::Del(t) | Piece::Ins(t) if t.is_empty()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(paras: &[(Vec<Piece>, bool)], accept: bool, marks: Mark) -> Vec<String> {
        // Paragraphs as Word shows them once every change is accepted (or rejected): a
        // paragraph whose mark is removed runs into the next one.
        let mut out = vec![String::new()];
        for (pieces, last) in paras {
            for p in pieces {
                match (p, accept) {
                    (Piece::Same(t), _) | (Piece::Ins(t), true) | (Piece::Del(t), false) => {
                        out.last_mut().expect("one").push_str(t)
                    }
                    _ => {}
                }
            }
            let removed = match marks {
                Mark::Inserted => !accept,
                Mark::Deleted => accept,
                Mark::None => false,
            };
            if !last && !removed {
                out.push(String::new());
            }
        }
        out
    }

    fn joined(olds: &[&str], news: &[&str], split: bool) -> Vec<(Vec<Piece>, bool)> {
        let (old, new) = (olds.join(" "), news.join(" "));
        let ranges: Vec<_> = crate::diff::diff_texts(&old, &new, Field::Text)
            .iter()
            .map(|c| (c.old_range.clone(), c.new_range.clone()))
            .collect();
        let parts = if split { news } else { olds };
        let mut cuts = Vec::new();
        let mut at = 0;
        for t in &parts[..parts.len() - 1] {
            at += t.len();
            cuts.push(at);
            at += 1;
        }
        cut_at_joints(pieces(&old, &new, &ranges), &cuts, split)
    }

    #[test]
    fn a_split_accepts_to_its_parts_and_rejects_to_the_alinea() {
        let old = ["La convention prend effet à sa signature. Elle est conclue pour un an."];
        for new in [
            vec![
                "La convention prend effet à sa signature.",
                "Elle est conclue pour un an.",
            ],
            vec![
                "La convention prend effet à la signature.",
                "Elle est conclue pour deux ans.",
            ],
            vec![
                "La convention prend effet",
                "à sa signature.",
                "Elle est conclue pour un an.",
            ],
        ] {
            let paras = joined(&old, &new, true);
            assert_eq!(side(&paras, true, Mark::Inserted), new, "{paras:?}");
            assert_eq!(side(&paras, false, Mark::Inserted), old, "{paras:?}");
        }
    }

    #[test]
    fn a_merge_accepts_to_the_alinea_and_rejects_to_its_parts() {
        let new = ["La convention prend effet à sa signature, elle est conclue pour un an."];
        for old in [
            vec![
                "La convention prend effet à sa signature.",
                "Elle est conclue pour un an.",
            ],
            vec!["Le directeur,", "Nadi BOU HANNA"],
        ] {
            let paras = joined(&old, &new, false);
            assert_eq!(side(&paras, true, Mark::Deleted), new, "{paras:?}");
            assert_eq!(side(&paras, false, Mark::Deleted), old, "{paras:?}");
        }
    }
}
