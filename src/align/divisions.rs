//! Divisions and sub-divisions left unpaired anywhere in the tree paired across parents by
//! their content (≥ [`AlignOptions::move_similarity`]): « 4° Origine des propriétés » that
//! became « IV. A. Origine de propriété », one level down, is moved, not deleted and inserted.

use super::{label_key, Aligner, Basis};
use crate::model::{Document, NodeId, NodeKind};
use rustc_hash::{FxHashMap, FxHashSet};
use std::hash::BuildHasher;

impl Aligner<'_> {
    /// Pairs deleted and inserted divisions (Structure units: parts, titles, chapters, sections,
    /// an annex's numbered sub-divisions) across parents, best similarity first. A unit inside
    /// or around one already paired here is left to that pair's own alignment. Runs before the
    /// article and alinéa moves, which then see only what the divisions did not take.
    pub(super) fn division_moves(&mut self, top: &[usize]) {
        let (deleted, inserted) =
            self.unpaired_units(top, |doc, id| doc.node(id).kind == NodeKind::Structure);
        if deleted.is_empty() || inserted.is_empty() {
            return;
        }
        let olds: Vec<NodeId> = deleted.iter().filter_map(|k| self.arena[*k].old).collect();
        let news: Vec<NodeId> = inserted.iter().filter_map(|k| self.arena[*k].new).collect();
        // What each division holds (last-level contents, article numbers), read once; the
        // candidates are the pairs that share one of the rarer of these.
        let old_parts: Vec<Parts> = olds.iter().map(|o| parts(&self.old, *o)).collect();
        let new_parts: Vec<Parts> = news.iter().map(|n| parts(&self.new, *n)).collect();
        let mut postings: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        for (x, (leaves, numbers)) in new_parts.iter().enumerate() {
            for key in leaves.iter().chain(numbers.iter()) {
                let list = postings.entry(*key).or_default();
                if list.last() != Some(&x) {
                    list.push(x);
                }
            }
        }
        let mut cands: Vec<(usize, usize)> = Vec::new();
        for (d, (leaves, numbers)) in old_parts.iter().enumerate() {
            let mut xs: Vec<usize> = leaves
                .iter()
                .chain(numbers.iter())
                .filter_map(|key| postings.get(key))
                .filter(|list| list.len() <= 64)
                .flatten()
                .copied()
                .collect();
            xs.sort_unstable();
            xs.dedup();
            cands.extend(xs.into_iter().map(|x| (d, x)));
        }
        let mut scored: Vec<(f32, usize, usize)> = Vec::new();
        for (d, x) in cands {
            let shares = half_shared(&old_parts[d].0, &new_parts[x].0)
                || half_shared(&old_parts[d].1, &new_parts[x].1);
            if !shares {
                continue;
            }
            let s = self.similarity(olds[d], news[x]);
            if s >= self.options.move_similarity {
                scored.push((s, d, x));
            }
        }
        // Outermost first (a division paired brings its sub-divisions along), then best
        // similarity first.
        let depth = |doc: &Document, id: NodeId| {
            let (mut d, mut cur) = (0usize, doc.parent(id));
            while let Some(p) = cur {
                d += 1;
                cur = doc.parent(p);
            }
            d
        };
        let mut scored: Vec<(usize, f32, usize, usize)> = scored
            .into_iter()
            .map(|(s, d, x)| (depth(self.old.doc, olds[d]), s, d, x))
            .collect();
        scored.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then(b.1.total_cmp(&a.1))
                .then(a.2.cmp(&b.2))
                .then(a.3.cmp(&b.3))
        });
        let (mut taken_old, mut taken_new) = (Taken::default(), Taken::default());
        let mut found: Vec<(usize, usize, f32)> = Vec::new();
        for (_, s, d, x) in scored {
            if taken_old.overlaps(self.old.doc, olds[d])
                || taken_new.overlaps(self.new.doc, news[x])
            {
                continue;
            }
            taken_old.take(self.old.doc, olds[d]);
            taken_new.take(self.new.doc, news[x]);
            found.push((d, x, s));
        }
        for (d, x, s) in found {
            let (kd, kx) = (deleted[d], inserted[x]);
            let (o, n) = (olds[d], news[x]);
            self.old.matched[o.index()] = true;
            self.new.matched[n.index()] = true;
            self.arena[kd].dropped = true;
            let children = self.align_children(o, n);
            let renumbered = self.renumbered(o, n);
            let b = &mut self.arena[kx];
            b.old = Some(o);
            b.basis = Basis::Similar;
            b.similarity = s;
            b.moved = true;
            b.renumbered = renumbered;
            b.children = children;
        }
    }
}

impl Aligner<'_> {
    /// Whether one of the sub-divisions of `n` (or of `o`) is much closer to the other unit
    /// than `n` itself is (≥ [`AlignOptions::move_similarity`] and by 0.2 more than `s`): the
    /// old unit went one level down (« 4° Partenaires » → « IV. A. Partenaires »), or up, and
    /// pairing it with the container would hide that. Left unpaired here, it is paired with
    /// that sub-division by [`Aligner::division_moves`].
    pub(super) fn better_in_a_subdivision(&mut self, o: NodeId, n: NodeId, s: f32) -> bool {
        let floor = self.options.move_similarity.max(s + 0.2);
        // Nothing beats a container that close; a unit with no sub-division has none to offer.
        let has_subs = |side: &super::Side, id: NodeId| {
            side.doc
                .children(id)
                .iter()
                .any(|c| side.kind(*c) == NodeKind::Structure)
        };
        if floor > 1.0 || !(has_subs(&self.new, n) || has_subs(&self.old, o)) {
            return false;
        }
        let new_subs: Vec<NodeId> = (self.new.doc.children(n).iter())
            .copied()
            .filter(|c| self.new.kind(*c) == NodeKind::Structure)
            .collect();
        if new_subs
            .iter()
            .any(|c| self.similarity(o, *c) >= floor && self.shares_its_text(o, *c))
        {
            return true;
        }
        let old_subs: Vec<NodeId> = (self.old.doc.children(o).iter())
            .copied()
            .filter(|c| self.old.kind(*c) == NodeKind::Structure)
            .collect();
        old_subs
            .iter()
            .any(|c| self.similarity(*c, n) >= floor && self.shares_its_text(*c, n))
    }

    /// Whether two divisions share their text paragraph for paragraph, or their articles
    /// number for number: at least half of the last-level units (alinéas, rows, notes) of the
    /// smaller one have their exact content in the other, or half of its articles their
    /// number. Words alone are not enough across parents: two sections of a code on
    /// neighbouring subjects share most of their vocabulary and none of their paragraphs.
    fn shares_its_text(&self, o: NodeId, n: NodeId) -> bool {
        let ((la, na), (lb, nb)) = (parts(&self.old, o), parts(&self.new, n));
        half_shared(&la, &lb) || half_shared(&na, &nb)
    }
}

/// What a division holds: the content hashes of its last-level units and hashes of its
/// articles' numbers, each sorted.
type Parts = (Vec<u64>, Vec<u64>);

fn parts(side: &super::Side, id: NodeId) -> Parts {
    let (mut leaves, mut numbers): (Vec<u64>, Vec<u64>) = (Vec::new(), Vec::new());
    let mut stack = vec![id];
    while let Some(x) = stack.pop() {
        let children = side.doc.children(x);
        if children.is_empty() && x != id {
            leaves.push(side.hash[x.index()]);
        }
        if side.kind(x) == NodeKind::Article {
            if let Some(l) = super::label_key(side.doc, x) {
                // Apart from the contents' hashes: a number is not a paragraph.
                numbers.push(rustc_hash::FxBuildHasher.hash_one(l) ^ 0x9e37_79b9_7f4a_7c15);
            }
        }
        stack.extend_from_slice(children);
    }
    leaves.sort_unstable();
    numbers.sort_unstable();
    (leaves, numbers)
}

/// Whether at least half of the smaller of two sorted multisets is in the other.
fn half_shared(a: &[u64], b: &[u64]) -> bool {
    let smaller = a.len().min(b.len());
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    smaller > 0 && 2 * common >= smaller
}

/// Units already paired on one side, and their ancestors: a unit overlaps them when it is one
/// of them, inside one, or around one.
#[derive(Default)]
struct Taken {
    units: FxHashSet<NodeId>,
    around: FxHashSet<NodeId>,
}

impl Taken {
    fn overlaps(&self, doc: &Document, id: NodeId) -> bool {
        if self.units.contains(&id) || self.around.contains(&id) {
            return true;
        }
        let mut cur = doc.parent(id);
        while let Some(p) = cur {
            if self.units.contains(&p) {
                return true;
            }
            cur = doc.parent(p);
        }
        false
    }

    fn take(&mut self, doc: &Document, id: NodeId) {
        self.units.insert(id);
        let mut cur = doc.parent(id);
        while let Some(p) = cur {
            if !self.around.insert(p) {
                break;
            }
            cur = doc.parent(p);
        }
    }
}

impl Aligner<'_> {
    /// Pairs an alinéa left unpaired with a titled division or sub-article left unpaired of
    /// the other side, under paired parents, whose heading now says what the alinéa said
    /// (« 5.1. Permis de construire : … » → « B. Permis de construire … : … »), or whose
    /// heading and first alinéas together do; and the converse, a division that became an
    /// alinéa. Best score first. The pair's basis is [`Basis::Restructured`]: the unit was
    /// restructured, not deleted and inserted; the division's other alinéas are paired with the
    /// old ones by the alinéa moves that follow. Runs after the division and article moves, so
    /// that a division that went elsewhere whole is paired as such first.
    pub(super) fn restructured(&mut self, top: &[usize]) {
        let unit = |doc: &Document, id: NodeId| {
            let node = doc.node(id);
            node.kind.is_alinea_like() || headed_unit(doc, id)
        };
        let (deleted, inserted) = self.unpaired_units(top, unit);
        if deleted.is_empty() || inserted.is_empty() {
            return;
        }
        let mut old_to_new: FxHashMap<NodeId, NodeId> = FxHashMap::default();
        for b in &self.arena {
            if let (false, Some(o), Some(n)) = (b.dropped, b.old, b.new) {
                old_to_new.entry(o).or_insert(n);
            }
        }
        // Where a unit stands: under its parent, and, for a division, also at the end of its
        // previous sibling (a heading-only division that became an alinéa is read as the last
        // alinéa of the division before it, and the converse).
        let places = |doc: &Document, id: NodeId| -> [Option<NodeId>; 2] {
            let previous = (!doc.node(id).kind.is_alinea_like())
                .then(|| doc.parent(id))
                .flatten()
                .and_then(|p| {
                    let siblings = doc.children(p);
                    let at = siblings.iter().position(|c| *c == id)?;
                    at.checked_sub(1).map(|k| siblings[k])
                });
            [doc.parent(id), previous]
        };
        // Numbers left unpaired on both sides under paired parents (new parent's id): an
        // article whose number the other side still carries at the same place was rewritten
        // there (« même numéro, même place »): it is reported there, paired or deleted and
        // inserted, never merged into an alinéa of its neighbour (nor made from one).
        // The two roots stand for each other (top-level units).
        old_to_new.insert(self.old.doc.root(), self.new.doc.root());
        type Number = (String, Option<NodeId>);
        let numbered = |doc: &Document, id: NodeId| -> Option<Number> {
            if doc.node(id).kind.is_alinea_like() {
                return None;
            }
            Some((label_key(doc, id)?, doc.parent(id)))
        };
        let in_new = |(l, p): Number| -> Option<Number> {
            match p {
                Some(p) => Some((l, Some(*old_to_new.get(&p)?))),
                None => Some((l, None)),
            }
        };
        let old_numbers: FxHashSet<Number> = deleted
            .iter()
            .filter_map(|k| self.arena[*k].old)
            .filter_map(|o| numbered(self.old.doc, o))
            .filter_map(in_new)
            .collect();
        let new_numbers: FxHashSet<Number> = inserted
            .iter()
            .filter_map(|k| self.arena[*k].new)
            .filter_map(|n| numbered(self.new.doc, n))
            .collect();
        let mut by_place: FxHashMap<NodeId, Vec<usize>> = FxHashMap::default();
        for (x, k) in inserted.iter().enumerate() {
            if let Some(n) = self.arena[*k].new {
                if numbered(self.new.doc, n).is_some_and(|key| old_numbers.contains(&key)) {
                    continue;
                }
                for p in places(self.new.doc, n).into_iter().flatten() {
                    by_place.entry(p).or_default().push(x);
                }
            }
        }
        let mut scored: Vec<(f32, f32, usize, usize, usize)> = Vec::new();
        for (d, k) in deleted.iter().enumerate() {
            let Some(o) = self.arena[*k].old else {
                continue;
            };
            if numbered(self.old.doc, o)
                .and_then(in_new)
                .is_some_and(|key| new_numbers.contains(&key))
            {
                continue;
            }
            let mut xs: Vec<usize> = places(self.old.doc, o)
                .into_iter()
                .flatten()
                .filter_map(|p| old_to_new.get(&p))
                .filter_map(|q| by_place.get(q))
                .flat_map(|xs| xs.iter().take(64).copied())
                .collect();
            xs.sort_unstable();
            xs.dedup();
            let old_alinea = self.old.kind(o).is_alinea_like();
            for x in xs {
                let Some(n) = self.arena[inserted[x]].new else {
                    continue;
                };
                // A division that became an alinéa has no alinéas of its own left to report.
                let s = match (old_alinea, self.new.kind(n).is_alinea_like()) {
                    (true, false) => restructure_score(self.old.doc, o, self.new.doc, n),
                    // Its heading and all its alinéas make the alinéa, or it had none.
                    (false, true) => restructure_score(self.new.doc, n, self.old.doc, o)
                        .filter(|s| s.2 == self.old.doc.children(o).len()),
                    _ => None,
                };
                if let Some((rank, s, first)) = s {
                    scored.push((rank, s, d, x, first));
                }
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3)));
        let (mut used_del, mut used_ins) =
            (vec![false; deleted.len()], vec![false; inserted.len()]);
        // The candidates of each unit, to set aside the alinéas a pair takes along.
        let del_at: FxHashMap<NodeId, usize> = deleted
            .iter()
            .enumerate()
            .filter_map(|(d, k)| Some((self.arena[*k].old?, d)))
            .collect();
        let ins_at: FxHashMap<NodeId, usize> = inserted
            .iter()
            .enumerate()
            .filter_map(|(x, k)| Some((self.arena[*k].new?, x)))
            .collect();
        for (_, s, d, x, first) in scored {
            if used_del[d] || used_ins[x] {
                continue;
            }
            let (kd, kx) = (deleted[d], inserted[x]);
            let (Some(o), Some(n)) = (self.arena[kd].old, self.arena[kx].new) else {
                continue;
            };
            // The alinéas the pair takes along must still be free.
            let along_old =
                (!self.old.kind(o).is_alinea_like()).then(|| &self.old.doc.children(o)[..first]);
            let along_new = self.old.kind(o).is_alinea_like().then(|| {
                let cs = self.new.doc.children(n);
                &cs[..first.min(cs.len())]
            });
            if along_old
                .unwrap_or(&[])
                .iter()
                .any(|c| self.old.matched[c.index()] || del_at.get(c).is_some_and(|d| used_del[*d]))
                || along_new.unwrap_or(&[]).iter().any(|c| {
                    self.new.matched[c.index()] || ins_at.get(c).is_some_and(|x| used_ins[*x])
                })
            {
                continue;
            }
            used_del[d] = true;
            used_ins[x] = true;
            for c in along_old.unwrap_or(&[]) {
                if let Some(d) = del_at.get(c) {
                    used_del[*d] = true;
                }
            }
            for c in along_new.unwrap_or(&[]) {
                if let Some(x) = ins_at.get(c) {
                    used_ins[*x] = true;
                }
            }
            self.old.matched[o.index()] = true;
            self.new.matched[n.index()] = true;
            self.arena[kd].dropped = true;
            let children = self.align_children(o, n);
            // The alinéa became the heading and the first alinéas: they are its sequel; or the
            // division's heading and alinéas became the alinéa: they are merged into it.
            for &c in children.iter().take(first) {
                let b = &mut self.arena[c];
                match (b.old, b.new, b.basis) {
                    (None, Some(f), Basis::Unmatched) => {
                        b.old = Some(o);
                        b.basis = Basis::Restructured;
                        self.new.matched[f.index()] = true;
                    }
                    (Some(e), None, Basis::Unmatched) => {
                        b.new = Some(n);
                        b.basis = Basis::Merge;
                        self.old.matched[e.index()] = true;
                    }
                    _ => break,
                }
                b.similarity = s;
            }
            let b = &mut self.arena[kx];
            b.old = Some(o);
            b.basis = Basis::Restructured;
            b.similarity = s;
            b.children = children;
        }
    }
}

/// The most alinéas of a unit read as the sequel of the alinéa its heading was made from.
const MAX_SEQUEL: usize = 16;

/// A division or sub-article with a heading of its own (annexes are whole documents, never a
/// former alinéa).
fn headed_unit(doc: &Document, id: NodeId) -> bool {
    let node = doc.node(id);
    matches!(node.kind, NodeKind::Structure | NodeKind::Article)
        && node
            .heading
            .as_deref()
            .is_some_and(|h| !h.trim().is_empty())
}

/// How well the alinéa `alinea` (of `a_doc`) became the heading of `unit` (of `u_doc`), or its
/// heading and first alinéa: `None` unless the alinéa holds two in five of the words of the
/// heading's subject (its words before any bracket, colon or template tag: « Origine de
/// propriété » in « Origine de propriété [établie conformément …] ») — a heading made from
/// the alinéa, not an article rewritten around a few shared words —, the whole heading at
/// least two of the alinéa's words,
/// and the heading, with or without the first alinéa, three in five of the alinéa's subject
/// words — an alinéa that says more than the division's heading and opening is another text.
/// Returns the rank of the candidate (the share of the heading's subject words the alinéa
/// holds, plus the Dice coefficient: of two alinéas that fit, the one the heading was made
/// from), the Dice coefficient of the subject words, and how many of the unit's first
/// alinéas were needed to reach it (the alinéa became the heading and those alinéas; 0: the
/// heading alone).
fn restructure_score(
    a_doc: &Document,
    alinea: NodeId,
    u_doc: &Document,
    unit: NodeId,
) -> Option<(f32, f32, usize)> {
    use super::headings::subject_words;
    let words = subject_words(&a_doc.node(alinea).text);
    let heading = u_doc.node(unit).heading.as_deref().unwrap_or("");
    let shared =
        |a: &[String], b: &[String]| a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    let core = subject_words(
        heading
            .split(['[', '{', ':', '('])
            .next()
            .unwrap_or(heading),
    );
    let in_heading = subject_words(heading);
    let covered = shared(&core, &words);
    if words.is_empty()
        || covered == 0
        || 5 * covered < 2 * core.len()
        || shared(&words, &in_heading) < 2.min(words.len())
    {
        return None;
    }
    let dice = |u: &[String]| {
        let common = shared(&words, u);
        (5 * common >= 3 * words.len())
            .then(|| 2.0 * common as f32 / (words.len() + u.len()) as f32)
    };
    let alone = dice(&in_heading);
    // The heading with its first k alinéas (those that open the unit, before any table or
    // sub-unit): the alinéa may have become the heading and several alinéas. Of the k that
    // fit, the one whose words are closest to the alinéa's; the fewest on a tie.
    let mut joined = heading.to_string();
    let mut sequel: Option<(f32, usize)> = None;
    for (k, c) in u_doc
        .children(unit)
        .iter()
        .take_while(|c| u_doc.node(**c).kind.is_alinea_like())
        .take(MAX_SEQUEL)
        .enumerate()
    {
        joined.push(' ');
        joined.push_str(&u_doc.node(*c).text);
        if let Some(d) = dice(&subject_words(&joined)) {
            if sequel.is_none_or(|(best, _)| d > best) {
                sequel = Some((d, k + 1));
            }
        }
    }
    let (dice, first) = match (alone, sequel) {
        (Some(a), Some((f, k))) if f > a => (f, k),
        (Some(a), _) => (a, 0),
        (None, Some((f, k))) => (f, k),
        (None, None) => return None,
    };
    Some((covered as f32 / core.len() as f32 + dice, dice, first))
}

impl super::Alignment {
    /// The same alignment with every restructured pair (an alinéa that became a heading, or
    /// the converse) taken apart into the old unit deleted and the new one inserted, where
    /// they stood: for a consumer that amends unit by unit and has no words for a unit that
    /// changed kind (the drafter).
    pub fn restructured_apart(&self) -> super::Alignment {
        /// `taken`: the old alinéa already deleted by the heading above (its sequel, the first
        /// alinéa, is then only inserted).
        fn apart(pairs: &[super::Pair], taken: Option<NodeId>) -> Vec<super::Pair> {
            let unmatched = |old, new, children| super::Pair {
                old,
                new,
                basis: Basis::Unmatched,
                similarity: 0.0,
                moved: false,
                renumbered: false,
                children,
            };
            let mut out = Vec::with_capacity(pairs.len() + 1);
            for p in pairs {
                if p.basis != Basis::Restructured {
                    let mut p = p.clone();
                    p.children = apart(&p.children, None);
                    out.push(p);
                    continue;
                }
                if p.old.is_some() && p.old != taken {
                    out.push(unmatched(p.old, None, Vec::new()));
                }
                // A division's alinéas merged into the alinéa it became go with the division.
                let rest: Vec<super::Pair> = p
                    .children
                    .iter()
                    .filter(|c| !(c.basis == Basis::Merge && c.new == p.new))
                    .cloned()
                    .collect();
                out.push(unmatched(None, p.new, apart(&rest, p.old)));
            }
            out
        }
        super::Alignment {
            pairs: apart(&self.pairs, None),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::align::{align, AlignOptions, Basis};
    use crate::parse_str;

    fn restructured(old: &str, new: &str) -> Vec<String> {
        let (o, n) = (parse_str("a", old), parse_str("b", new));
        let key = |d: &crate::Document, id: Option<crate::NodeId>| {
            id.map_or("-".to_string(), |i| d.node(i).key.clone())
        };
        align(&o, &n, &AlignOptions::default())
            .iter()
            .filter(|p| p.basis == Basis::Restructured)
            .map(|p| format!("{}>{}", key(&o, p.old), key(&n, p.new)))
            .collect()
    }

    /// As the Code du travail's L. 5423-11 (2011 → 2015): of two alinéas whose words the new
    /// « I.- » heading and its first alinéa hold, the one the heading was made from.
    #[test]
    fn the_alinea_the_heading_was_made_from() {
        let old = "Code\n\n###### Article L1\n\nL'allocation temporaire d'attente est versée \
                   mensuellement, à terme échu, aux personnes dont la demande d'asile n'a pas \
                   fait l'objet d'une décision définitive.\n\nLe versement de l'allocation \
                   prend fin au terme du mois qui suit la notification de la décision \
                   définitive.\n";
        let new = "Code\n\n###### Article L1\n\nI.-L'allocation temporaire d'attente est versée \
                   mensuellement, à terme échu.\n\nPour les personnes en possession de l'un des \
                   documents de séjour mentionnés à l'article L. 742-1 du code de l'entrée et \
                   du séjour des étrangers, le versement de l'allocation prend fin au terme du \
                   mois qui suit celui de la notification de la décision définitive concernant \
                   cette demande.\n\nII.-Le versement peut être suspendu.\n";
        let r = restructured(old, new);
        assert_eq!(
            r.first().map(String::as_str),
            Some("article-L1/al-1>article-L1/i"),
            "{r:?}"
        );
    }

    /// As L. 6121-2: an article rewritten whole, its new « I.- » heading sharing a few words
    /// with the old alinéa, is not a restructured alinéa.
    #[test]
    fn a_rewritten_article_is_not_restructured() {
        let old = "Code\n\n###### Article L2\n\nUn contrat de plan régional de développement des \
                   formations professionnelles est élaboré dans les conditions définies par la \
                   loi.\n";
        let new = "Code\n\n###### Article L2\n\nI.-La région organise et finance le service \
                   public régional de la formation professionnelle selon les principes \
                   ci-après.\n\nToute personne dispose du droit d'accéder à une formation \
                   professionnelle.\n";
        assert!(restructured(old, new).is_empty());
    }
}
