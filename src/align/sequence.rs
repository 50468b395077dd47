//! Alignment of two sibling lists (exact, heading, splits, similar, role, then order), and of
//! the children of each pair, recursively.

use super::bags::dice;
use super::splits::Gaps;
use super::{class, has_heading, is_role, label_key, Aligner, Basis, Build, Match};
use crate::model::{NodeId, NodeKind};
use crate::text::fold;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// Indices (into `seq`) of a longest non-decreasing subsequence.
pub(super) fn lis(seq: &[usize]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new(); // index into seq
    let mut prev = vec![usize::MAX; seq.len()];
    for (i, &x) in seq.iter().enumerate() {
        let pos = tails.partition_point(|&t| seq[t] <= x);
        if pos > 0 {
            prev[i] = tails[pos - 1];
        }
        if pos == tails.len() {
            tails.push(i);
        } else {
            tails[pos] = i;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut cur = tails.last().copied().unwrap_or(usize::MAX);
    while cur != usize::MAX {
        out.push(cur);
        cur = prev[cur];
    }
    out.reverse();
    out
}

impl Aligner<'_> {
    pub(super) fn push(&mut self, b: Build) -> usize {
        self.arena.push(b);
        self.arena.len() - 1
    }

    pub(super) fn renumbered(&self, o: NodeId, n: NodeId) -> bool {
        // A number the text does not write (« ## Objet », numbered in order by the parser)
        // is never renumbered: there is no number to change.
        if self.old.doc.node(o).number_is_implicit() || self.new.doc.node(n).number_is_implicit() {
            return false;
        }
        match (label_key(self.old.doc, o), label_key(self.new.doc, n)) {
            (Some(a), Some(b)) => a != b,
            _ => false,
        }
    }

    /// An alinéa extended or shortened at its end: the shorter text (four words at least,
    /// final punctuation aside) begins the longer (« Je désactive le compte des aidants dès
    /// qu'ils quittent la structure » → « …, je veille à récupérer leur carte »). Its words
    /// are too few against the longer one's for the similarity alone.
    fn extended(&self, o: NodeId, n: NodeId) -> bool {
        if class(self.old.kind(o)) != 0 {
            return false;
        }
        let (a, b) = (&self.old.doc.node(o).text, &self.new.doc.node(n).text);
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        let short = short.trim_end_matches(['.', ';', ',', ':', ' ', '\u{a0}']);
        short.split_whitespace().count() >= 4
            && long.starts_with(short)
            && !long[short.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    }

    /// Aligns two sibling lists; returns arena indices of the pairs, in new order.
    pub(super) fn align_seq(&mut self, olds: &[NodeId], news: &[NodeId]) -> Vec<usize> {
        let mut m_old: Vec<Option<usize>> = vec![None; olds.len()];
        let mut m_new: Vec<Option<usize>> = vec![None; news.len()];
        let mut matches: Vec<Match> = Vec::new();
        let take = |m_old: &mut Vec<Option<usize>>,
                    m_new: &mut Vec<Option<usize>>,
                    matches: &mut Vec<Match>,
                    m: Match| {
            m_old[m.0] = Some(m.1);
            m_new[m.1] = Some(m.0);
            matches.push(m);
        };

        // 1. Exact: unique hashes first, then repeated ones in order.
        let mut counts: FxHashMap<u64, (u32, usize, u32, usize)> = FxHashMap::default();
        for (i, o) in olds.iter().enumerate() {
            let e = counts
                .entry(self.old.hash[o.index()])
                .or_insert((0, 0, 0, 0));
            e.0 += 1;
            e.1 = i;
        }
        for (j, n) in news.iter().enumerate() {
            if let Some(e) = counts.get_mut(&self.new.hash[n.index()]) {
                e.2 += 1;
                e.3 = j;
            }
        }
        for o in olds.iter() {
            if let Some(&(1, i, 1, j)) = counts.get(&self.old.hash[o.index()]) {
                take(
                    &mut m_old,
                    &mut m_new,
                    &mut matches,
                    (i, j, Basis::Exact, 1.0),
                );
            }
        }
        let mut queues: FxHashMap<u64, std::collections::VecDeque<usize>> = FxHashMap::default();
        for (j, n) in news.iter().enumerate() {
            if m_new[j].is_none() {
                queues
                    .entry(self.new.hash[n.index()])
                    .or_default()
                    .push_back(j);
            }
        }
        for (i, o) in olds.iter().enumerate() {
            if m_old[i].is_some() {
                continue;
            }
            if let Some(q) = queues.get_mut(&self.old.hash[o.index()]) {
                if let Some(j) = q.pop_front() {
                    take(
                        &mut m_old,
                        &mut m_new,
                        &mut matches,
                        (i, j, Basis::Exact, 1.0),
                    );
                }
            }
        }

        // 2. Heading, unique among the unpaired units of a kind.
        let mut headings: BTreeMap<(u8, String), (u32, usize, u32, usize)> = BTreeMap::new();
        for (i, o) in olds.iter().enumerate() {
            let node = self.old.doc.node(*o);
            if m_old[i].is_none() && has_heading(node.kind) {
                if let Some(h) = node.heading.as_deref().filter(|h| !h.trim().is_empty()) {
                    let e = headings
                        .entry((class(node.kind), fold(h)))
                        .or_insert((0, 0, 0, 0));
                    e.0 += 1;
                    e.1 = i;
                }
            }
        }
        for (j, n) in news.iter().enumerate() {
            let node = self.new.doc.node(*n);
            if m_new[j].is_none() && has_heading(node.kind) {
                if let Some(h) = node.heading.as_deref() {
                    if let Some(e) = headings.get_mut(&(class(node.kind), fold(h))) {
                        e.2 += 1;
                        e.3 = j;
                    }
                }
            }
        }
        let heading_pairs: Vec<(usize, usize)> = headings
            .values()
            .filter(|e| e.0 == 1 && e.2 == 1)
            .map(|e| (e.1, e.3))
            .collect();
        for (i, j) in heading_pairs {
            let s = self.similarity(olds[i], news[j]);
            take(
                &mut m_old,
                &mut m_new,
                &mut matches,
                (i, j, Basis::Heading, s),
            );
        }

        // 3. Splits and merges of alinéas, next to paired neighbours.
        self.splits(olds, news, &mut m_old, &mut m_new, &mut matches);

        // 4. Similarity.
        let uo: Vec<usize> = (0..olds.len()).filter(|i| m_old[*i].is_none()).collect();
        let un: Vec<usize> = (0..news.len()).filter(|j| m_new[*j].is_none()).collect();
        if !uo.is_empty() && !un.is_empty() {
            let mut cands: Vec<(u32, u32)> = Vec::new();
            if uo.len() * un.len() <= 2500 {
                for &i in &uo {
                    for &j in &un {
                        cands.push((i as u32, j as u32));
                    }
                }
            } else {
                cands = self.candidates(olds, news, &uo, &un, true);
            }
            let mut scored: Vec<(f32, usize, usize)> = Vec::new();
            for (i, j) in cands {
                let (i, j) = (i as usize, j as usize);
                let (o, n) = (olds[i], news[j]);
                if class(self.old.kind(o)) != class(self.new.kind(n)) {
                    continue;
                }
                let s = self.similarity(o, n);
                // The numbers are read only when the score alone does not decide.
                let same_label = || {
                    let label = label_key(self.old.doc, o);
                    label.is_some() && label == label_key(self.new.doc, n)
                };
                // Same number and some words in common is not enough when the headings say
                // the subject went elsewhere (see `subject_elsewhere`).
                let numbered_only = s < self.options.min_similarity;
                if (s >= self.options.min_similarity
                    || (s >= self.options.label_similarity
                        && (same_label() || self.extended(o, n))))
                    && !self.better_in_a_subdivision(o, n, s)
                    && !(numbered_only
                        && self.old.kind(o) == NodeKind::Structure
                        && self.subject_elsewhere(olds, news, i, j, &m_old, &m_new))
                {
                    scored.push((s, i, j));
                }
            }
            scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
            for (s, i, j) in scored {
                if m_old[i].is_none() && m_new[j].is_none() {
                    take(
                        &mut m_old,
                        &mut m_new,
                        &mut matches,
                        (i, j, Basis::Similar, s),
                    );
                }
            }
        }

        // 5. Place: same number, between the same paired neighbours (rewritten in place). A
        // division (Partie, Livre, Titre, Chapitre, Section…) is paired whatever its heading
        // became; an article or annexe when both are untitled or their headings still agree: a
        // unit whose heading changed as well as its words is another subject.
        let mut gaps = Gaps::new(&m_old, news.len());
        for i in 0..olds.len() {
            if m_old[i].is_some() {
                continue;
            }
            let Some(label) = label_key(self.old.doc, olds[i]) else {
                continue;
            };
            let (lo, hi) = gaps.at(i, &m_old);
            let class_old = class(self.old.kind(olds[i]));
            let found = (lo..hi).find(|&j| {
                m_new[j].is_none()
                    && class(self.new.kind(news[j])) == class_old
                    && label_key(self.new.doc, news[j]).as_deref() == Some(label.as_str())
            });
            if let Some(j) = found {
                if !self.same_place_heading(olds[i], news[j])
                    || self.subject_elsewhere(olds, news, i, j, &m_old, &m_new)
                {
                    continue;
                }
                let s = self.similarity(olds[i], news[j]);
                take(
                    &mut m_old,
                    &mut m_new,
                    &mut matches,
                    (i, j, Basis::Place, s),
                );
            }
        }

        // 5b. Rank: headings reworded in place, numbers in any scheme.
        self.reworded_headings(olds, news, &mut m_old, &mut m_new, &mut matches);

        // 6. Role: the one unpaired unit of a kind on each side.
        let mut roles: BTreeMap<NodeKind, (u32, usize, u32, usize)> = BTreeMap::new();
        for (i, o) in olds.iter().enumerate() {
            let k = self.old.kind(*o);
            if m_old[i].is_none() && is_role(k) {
                let e = roles.entry(k).or_insert((0, 0, 0, 0));
                e.0 += 1;
                e.1 = i;
            }
        }
        for (j, n) in news.iter().enumerate() {
            let k = self.new.kind(*n);
            if m_new[j].is_none() {
                if let Some(e) = roles.get_mut(&k) {
                    e.2 += 1;
                    e.3 = j;
                }
            }
        }
        let role_pairs: Vec<(usize, usize)> = roles
            .values()
            .filter(|e| e.0 == 1 && e.2 == 1)
            .map(|e| (e.1, e.3))
            .collect();
        for (i, j) in role_pairs {
            let s = self.similarity(olds[i], news[j]);
            take(&mut m_old, &mut m_new, &mut matches, (i, j, Basis::Role, s));
        }

        // 7. Order: pairs out of the longest increasing run are moved. A pair that only its
        // number made (same number, words below `min_similarity`) and that stands out of order
        // is not the same unit moved: the number is all it shared, and its place says
        // otherwise (old XI after X, new XI before the old IX renumbered XII): both units are
        // left unpaired, deleted and inserted (never « déplacé depuis article XI »).
        matches.sort_by_key(|m| (m.1, m.0));
        let seq: Vec<usize> = matches.iter().map(|m| m.0).collect();
        let mut in_order = vec![false; matches.len()];
        for k in lis(&seq) {
            in_order[k] = true;
        }
        let number_only_out_of_order = |a: &Self, k: usize, m: &Match| {
            let (i, j, basis, s) = *m;
            !in_order[k]
                && basis == Basis::Similar
                && s < a.options.min_similarity
                && class(a.old.kind(olds[i])) != 0
                && label_key(a.old.doc, olds[i]).is_some()
                && label_key(a.old.doc, olds[i]) == label_key(a.new.doc, news[j])
        };
        let drop: Vec<bool> = matches
            .iter()
            .enumerate()
            .map(|(k, m)| number_only_out_of_order(self, k, m))
            .collect();
        if drop.iter().any(|d| *d) {
            let mut kept = Vec::with_capacity(matches.len());
            let mut kept_order = Vec::with_capacity(matches.len());
            for (k, m) in matches.iter().enumerate() {
                if drop[k] {
                    m_old[m.0] = None;
                    m_new[m.1] = None;
                } else {
                    kept.push(*m);
                    kept_order.push(in_order[k]);
                }
            }
            matches = kept;
            in_order = kept_order;
        }
        // Split/merge partners share a node: a split part matches the same old alinéa as another.
        let mut by_new: Vec<Vec<usize>> = vec![Vec::new(); news.len()];
        let mut anchored_after: Vec<Vec<usize>> = vec![Vec::new(); news.len()];
        let mut front: Vec<usize> = Vec::new();
        for (k, m) in matches.iter().enumerate() {
            by_new[m.1].push(k);
        }
        // Anchor of each deleted old unit: the in-order pair with the largest old index before it.
        let mut old_anchor: Vec<Option<usize>> = vec![None; olds.len()];
        for (k, m) in matches.iter().enumerate() {
            if in_order[k] {
                let slot = &mut old_anchor[m.0];
                if slot.is_none_or(|j| m.1 > j) {
                    *slot = Some(m.1);
                }
            }
        }
        // Old units in some match (a split part's old alinéa), marked once: no scan per unit.
        let mut in_match = vec![false; olds.len()];
        for m in &matches {
            in_match[m.0] = true;
        }
        let mut last: Option<usize> = None;
        for i in 0..olds.len() {
            if m_old[i].is_none() && !in_match[i] {
                match last {
                    Some(j) => anchored_after[j].push(i),
                    None => front.push(i),
                }
            }
            if let Some(j) = old_anchor[i] {
                last = Some(last.map_or(j, |l: usize| l.max(j)));
            }
        }

        // The bags of the units paired here are not needed any more (their children are
        // aligned next, moves look only at unpaired units; a bag asked for again is counted
        // again): given back now, so that the bags alive at once are those of one branch of
        // the tree, not of a whole code.
        for m in &matches {
            self.old.bags[olds[m.0].index()] = None;
            self.new.bags[news[m.1].index()] = None;
        }
        let mut out = Vec::with_capacity(news.len() + front.len());
        for i in front {
            let b = self.unmatched(Some(olds[i]), None);
            out.push(b);
        }
        for j in 0..news.len() {
            if by_new[j].is_empty() {
                let b = self.unmatched(None, Some(news[j]));
                out.push(b);
            }
            for &k in &by_new[j] {
                let (i, _, basis, s) = matches[k];
                let (o, n) = (olds[i], news[j]);
                self.old.matched[o.index()] = true;
                self.new.matched[n.index()] = true;
                let children = if matches!(basis, Basis::Split | Basis::Merge) {
                    Vec::new()
                } else {
                    self.align_children(o, n)
                };
                let b = Build {
                    old: Some(o),
                    new: Some(n),
                    basis,
                    similarity: s,
                    moved: !in_order[k],
                    renumbered: self.renumbered(o, n),
                    children,
                    dropped: false,
                };
                out.push(self.push(b));
            }
            for &i in &anchored_after[j] {
                let b = self.unmatched(Some(olds[i]), None);
                out.push(b);
            }
        }
        out
    }

    /// Whether two units with the same number at the same place are the same unit: always for
    /// a division, else when both are untitled or their headings share at least half their
    /// words (« Durée » → « Durée de la convention »), case and accents aside.
    pub(super) fn same_place_heading(&self, o: NodeId, n: NodeId) -> bool {
        if self.old.kind(o) == NodeKind::Structure {
            return true;
        }
        let (ho, hn) = (self.own_bag(true, o), self.own_bag(false, n));
        (ho.is_empty() && hn.is_empty())
            || (!ho.is_empty() && !hn.is_empty() && dice(&ho, &hn) >= 0.5)
    }

    /// Children of a matched pair: one to one when the contents are equal, else aligned.
    pub(super) fn align_children(&mut self, o: NodeId, n: NodeId) -> Vec<usize> {
        let olds = self.old.doc.children(o).to_vec();
        let news = self.new.doc.children(n).to_vec();
        if olds.is_empty() && news.is_empty() {
            return Vec::new();
        }
        if self.old.hash[o.index()] == self.new.hash[n.index()] && olds.len() == news.len() {
            return olds
                .iter()
                .zip(news.iter())
                .map(|(a, b)| self.exact_tree(*a, *b))
                .collect();
        }
        self.align_seq(&olds, &news)
    }

    pub(super) fn exact_tree(&mut self, o: NodeId, n: NodeId) -> usize {
        self.old.matched[o.index()] = true;
        self.new.matched[n.index()] = true;
        let children = self.align_children(o, n);
        let b = Build {
            old: Some(o),
            new: Some(n),
            basis: Basis::Exact,
            similarity: 1.0,
            moved: false,
            renumbered: self.renumbered(o, n),
            children,
            dropped: false,
        };
        self.push(b)
    }

    /// An inserted or deleted unit, with its children inserted or deleted too.
    pub(super) fn unmatched(&mut self, o: Option<NodeId>, n: Option<NodeId>) -> usize {
        let children: Vec<NodeId> = match (o, n) {
            (Some(o), _) => self.old.doc.children(o).to_vec(),
            (_, Some(n)) => self.new.doc.children(n).to_vec(),
            _ => Vec::new(),
        };
        let kids = children
            .iter()
            .map(|c| {
                if o.is_some() {
                    self.unmatched(Some(*c), None)
                } else {
                    self.unmatched(None, Some(*c))
                }
            })
            .collect();
        self.push(Build {
            old: o,
            new: n,
            basis: Basis::Unmatched,
            similarity: 0.0,
            moved: false,
            renumbered: false,
            children: kids,
            dropped: false,
        })
    }
}
