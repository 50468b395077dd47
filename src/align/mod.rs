//! Align stage: two [`Document`]s → an [`Alignment`], a tree of old↔new pairs, each with its basis.
//! Pairs by content (exact, heading, similarity), never by number alone; it never looks at
//! formatting (only normalised text), and it cannot fail.
//!
//! # How units are paired
//!
//! At every level (top-level units, sub-articles, alinéas and items, table rows), the children of
//! a pair are aligned as two sequences:
//!
//! 1. **exact**: same content once folded (case and accents ignored, number ignored): hashes
//!    unique on both sides first (the patience idea), then repeated ones in order;
//! 2. **heading**: containers (articles, annexes, structure headings) whose folded heading is
//!    unique among the units still unpaired;
//! 3. **split / merge**: an alinéa whose words are those of two or three consecutive unpaired
//!    alinéas of the other side (Dice ≥ [`AlignOptions::split_similarity`]);
//! 4. **similar**: Dice coefficient over the bags of words of the units (descendants included),
//!    ≥ [`AlignOptions::min_similarity`] (or ≥ [`AlignOptions::label_similarity`] when the
//!    numbers agree too), best scores first. Candidates come from all pairs when the unpaired
//!    lists are small, else from an inverted index over rare words, so cost stays near-linear;
//! 5. **role**: the one remaining unit of a kind that exists once (préambule, parties, visas,
//!    signatures, notes, a table, the last unpaired party).
//!
//! A pair out of order (not in the longest increasing run of old positions) is *moved*; a
//! numbered unit whose number changed is *renumbered*. Finally, units left unpaired anywhere in
//! the tree (articles first, then alinéas) are paired across parents, exact then similar
//! (≥ [`AlignOptions::move_similarity`]): an alinéa that left one article for another.

use crate::model::{Document, NodeId, NodeKind};
use std::collections::{BTreeMap, HashMap};

/// Thresholds of the alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignOptions {
    /// Smallest Dice similarity for two units to be paired as similar.
    pub min_similarity: f32,
    /// Smallest similarity when both units carry the same number.
    pub label_similarity: f32,
    /// Smallest similarity for a unit paired across parents (a move).
    pub move_similarity: f32,
    /// Smallest similarity between an alinéa and the joined parts of a split (or merge).
    pub split_similarity: f32,
    /// Candidates kept per unit when the inverted index is used.
    pub max_candidates: usize,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            min_similarity: 0.5,
            label_similarity: 0.3,
            move_similarity: 0.6,
            split_similarity: 0.8,
            max_candidates: 24,
        }
    }
}

/// Why two units were paired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Basis {
    /// Same content (case, accents and number aside).
    Exact,
    /// Same heading.
    Heading,
    /// Similar words (score in [`Pair::similarity`]).
    Similar,
    /// The one unit of its kind on each side (préambule, signatures…).
    Role,
    /// One old alinéa became several new ones: every part is paired with the old alinéa.
    Split,
    /// Several old alinéas became one: every part is paired with the new alinéa.
    Merge,
    /// No counterpart: inserted or deleted.
    Unmatched,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Exact => "exact",
            Basis::Heading => "heading",
            Basis::Similar => "similar",
            Basis::Role => "role",
            Basis::Split => "split",
            Basis::Merge => "merge",
            Basis::Unmatched => "unmatched",
        }
    }
}

/// One old unit, one new unit, or both, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub old: Option<NodeId>,
    pub new: Option<NodeId>,
    pub basis: Basis,
    /// Dice similarity of the two units' words (1.0 for exact, 0.0 when unmatched).
    pub similarity: f32,
    /// Left its place: out of order among its siblings, or paired across parents.
    pub moved: bool,
    /// A numbered unit (article, annexe…) whose number changed.
    pub renumbered: bool,
    /// Pairs of the children, in the new document's order (deleted ones where they stood).
    pub children: Vec<Pair>,
}

/// The alignment of two documents: top-level pairs, in the new document's order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Alignment {
    pub pairs: Vec<Pair>,
}

impl Alignment {
    /// Every pair, depth first, in order.
    pub fn iter(&self) -> impl Iterator<Item = &Pair> {
        let mut stack: Vec<&Pair> = self.pairs.iter().rev().collect();
        std::iter::from_fn(move || {
            let p = stack.pop()?;
            stack.extend(p.children.iter().rev());
            Some(p)
        })
    }

    /// The new unit paired with an old one (the first, for a split).
    pub fn new_of(&self, old: NodeId) -> Option<NodeId> {
        self.iter().find(|p| p.old == Some(old)).and_then(|p| p.new)
    }

    /// The old unit paired with a new one (the first, for a merge).
    pub fn old_of(&self, new: NodeId) -> Option<NodeId> {
        self.iter().find(|p| p.new == Some(new)).and_then(|p| p.old)
    }
}

/// Which part of a node its own text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// [`crate::Node::text`] (alinéas, items, rows, notes, title).
    Text,
    /// [`crate::Node::heading`] (articles, annexes, structure headings; number excluded).
    Heading,
}

/// The text of a node that belongs to it alone (not to its children), and where it is:
/// a container's heading (its number excluded), a leaf's text.
pub fn own_text(doc: &Document, id: NodeId) -> (&str, Field) {
    let node = doc.node(id);
    let heading_kind = matches!(
        node.kind,
        NodeKind::Article | NodeKind::Annexe | NodeKind::Structure
    );
    if heading_kind || !node.children.is_empty() {
        (node.heading.as_deref().unwrap_or(""), Field::Heading)
    } else {
        (node.text.as_str(), Field::Text)
    }
}

/// Lower case without accents: the form in which case and accents are cosmetic.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        for l in c.to_lowercase() {
            match l {
                'à' | 'â' | 'ä' | 'á' => out.push('a'),
                'é' | 'è' | 'ê' | 'ë' => out.push('e'),
                'î' | 'ï' | 'í' => out.push('i'),
                'ô' | 'ö' | 'ó' => out.push('o'),
                'ù' | 'û' | 'ü' | 'ú' => out.push('u'),
                'ç' => out.push('c'),
                'ÿ' => out.push('y'),
                'œ' => out.push_str("oe"),
                'æ' => out.push_str("ae"),
                _ => out.push(l),
            }
        }
    }
    out
}

fn label_key(doc: &Document, id: NodeId) -> Option<String> {
    let node = doc.node(id);
    if !matches!(
        node.kind,
        NodeKind::Article | NodeKind::Annexe | NodeKind::Structure
    ) {
        return None;
    }
    node.label
        .as_deref()
        .map(|l| l.to_lowercase().replace([' ', '.'], ""))
}

/// Kinds that may be paired with each other.
fn class(kind: NodeKind) -> u8 {
    match kind {
        NodeKind::Alinea | NodeKind::Item => 0,
        k => k as u8 + 1,
    }
}

/// Kinds that exist once in a convention (paired by role when nothing else pairs them).
fn is_role(kind: NodeKind) -> bool {
    matches!(
        kind,
        NodeKind::Titre
            | NodeKind::EnTete
            | NodeKind::Parties
            | NodeKind::Partie
            | NodeKind::Visas
            | NodeKind::Preambule
            | NodeKind::Signatures
            | NodeKind::Notes
            | NodeKind::Table
    )
}

fn has_heading(kind: NodeKind) -> bool {
    matches!(
        kind,
        NodeKind::Article | NodeKind::Annexe | NodeKind::Structure
    )
}

fn mix(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(0x0100_0000_01b3).rotate_left(17)
}

/// Content hash of every node, number excluded, case and accents folded.
fn content_hashes(doc: &Document) -> Vec<u64> {
    let mut hashes = vec![0u64; doc.nodes.len()];
    for index in (0..doc.nodes.len()).rev() {
        let id = NodeId(index as u32);
        let node = doc.node(id);
        let (text, _) = own_text(doc, id);
        let mut h = crate::model::fingerprint(&fold(text));
        h = mix(h, u64::from(class(node.kind)));
        for c in &node.children {
            h = mix(h, hashes.get(c.index()).copied().unwrap_or(0));
        }
        hashes[index] = h;
    }
    hashes
}

/// One side of the comparison and what the aligner knows about it.
struct Side<'a> {
    doc: &'a Document,
    hash: Vec<u64>,
    matched: Vec<bool>,
    bags: Vec<Option<Vec<u32>>>,
}

impl<'a> Side<'a> {
    fn new(doc: &'a Document) -> Self {
        let n = doc.nodes.len();
        Side {
            doc,
            hash: content_hashes(doc),
            matched: vec![false; n],
            bags: vec![None; n],
        }
    }
    fn kind(&self, id: NodeId) -> NodeKind {
        self.doc.node(id).kind
    }
}

#[derive(Debug, Clone)]
struct Build {
    old: Option<NodeId>,
    new: Option<NodeId>,
    basis: Basis,
    similarity: f32,
    moved: bool,
    renumbered: bool,
    children: Vec<usize>,
    dropped: bool,
}

struct Aligner<'a> {
    old: Side<'a>,
    new: Side<'a>,
    options: &'a AlignOptions,
    words: HashMap<String, u32>,
    arena: Vec<Build>,
}

/// A match inside one sibling list: old index, new index, basis, score.
type Match = (usize, usize, Basis, f32);

/// Aligns two documents at every level. Never fails: units that pair with nothing are
/// inserted or deleted.
pub fn align(old: &Document, new: &Document, options: &AlignOptions) -> Alignment {
    let mut a = Aligner {
        old: Side::new(old),
        new: Side::new(new),
        options,
        words: HashMap::new(),
        arena: Vec::new(),
    };
    let top = a.align_seq(old.top_level(), new.top_level());
    a.global_moves(&top, true);
    a.global_moves(&top, false);
    Alignment {
        pairs: top.iter().filter_map(|i| a.finish(*i)).collect(),
    }
}

fn bag_words(text: &str, words: &mut HashMap<String, u32>, out: &mut Vec<u32>) {
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        let lower;
        let w = if w.chars().any(char::is_uppercase) {
            lower = w.to_lowercase();
            lower.as_str()
        } else {
            w
        };
        let next = words.len() as u32;
        let id = match words.get(w) {
            Some(id) => *id,
            None => {
                words.insert(w.to_string(), next);
                next
            }
        };
        out.push(id);
    }
}

/// Dice coefficient of two sorted multisets.
fn dice(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
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
    2.0 * common as f32 / (a.len() + b.len()) as f32
}

/// Indices (into `seq`) of a longest non-decreasing subsequence.
fn lis(seq: &[usize]) -> Vec<usize> {
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

impl<'a> Aligner<'a> {
    /// Computes and caches the sorted word ids of a unit: its own text and its descendants'.
    /// Only the bags of units actually compared are kept (alignment goes top-down and most
    /// units are paired by their hash): a descendant's bag is reused when already cached,
    /// else its words are read without being stored.
    fn ensure_bag(&mut self, old_side: bool, id: NodeId) {
        let side = if old_side { &self.old } else { &self.new };
        if side.bags[id.index()].is_some() {
            return;
        }
        let mut out = Vec::new();
        self.collect_words(old_side, id, &mut out);
        out.sort_unstable();
        out.shrink_to_fit();
        let side = if old_side {
            &mut self.old
        } else {
            &mut self.new
        };
        side.bags[id.index()] = Some(out);
    }

    fn collect_words(&mut self, old_side: bool, id: NodeId, out: &mut Vec<u32>) {
        let side = if old_side { &self.old } else { &self.new };
        if let Some(b) = &side.bags[id.index()] {
            out.extend_from_slice(b);
            return;
        }
        let doc = side.doc;
        bag_words(own_text(doc, id).0, &mut self.words, out);
        for child in doc.children(id) {
            self.collect_words(old_side, *child, out);
        }
    }

    /// The cached bag of a unit (computed on first use).
    fn bag_ref(&mut self, old_side: bool, id: NodeId) -> &[u32] {
        self.ensure_bag(old_side, id);
        let side = if old_side { &self.old } else { &self.new };
        side.bags[id.index()].as_deref().unwrap_or(&[])
    }

    /// A copy of the bag, for callers that extend it.
    fn bag(&mut self, old_side: bool, id: NodeId) -> Vec<u32> {
        self.bag_ref(old_side, id).to_vec()
    }

    fn similarity(&mut self, o: NodeId, n: NodeId) -> f32 {
        self.ensure_bag(true, o);
        self.ensure_bag(false, n);
        match (&self.old.bags[o.index()], &self.new.bags[n.index()]) {
            (Some(a), Some(b)) => dice(a, b),
            _ => 0.0,
        }
    }

    fn push(&mut self, b: Build) -> usize {
        self.arena.push(b);
        self.arena.len() - 1
    }

    fn renumbered(&self, o: NodeId, n: NodeId) -> bool {
        match (label_key(self.old.doc, o), label_key(self.new.doc, n)) {
            (Some(a), Some(b)) => a != b,
            _ => false,
        }
    }

    /// Aligns two sibling lists; returns arena indices of the pairs, in new order.
    fn align_seq(&mut self, olds: &[NodeId], news: &[NodeId]) -> Vec<usize> {
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
        let mut counts: HashMap<u64, (u32, usize, u32, usize)> = HashMap::new();
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
        let mut queues: HashMap<u64, std::collections::VecDeque<usize>> = HashMap::new();
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
            let mut cands: Vec<(usize, usize)> = Vec::new();
            if uo.len() * un.len() <= 2500 {
                for &i in &uo {
                    for &j in &un {
                        cands.push((i, j));
                    }
                }
            } else {
                cands = self.candidates(olds, news, &uo, &un, true);
            }
            let mut scored: Vec<(f32, usize, usize)> = Vec::new();
            for (i, j) in cands {
                let (o, n) = (olds[i], news[j]);
                if class(self.old.kind(o)) != class(self.new.kind(n)) {
                    continue;
                }
                let s = self.similarity(o, n);
                let same_label = label_key(self.old.doc, o).is_some()
                    && label_key(self.old.doc, o) == label_key(self.new.doc, n);
                if s >= self.options.min_similarity
                    || (same_label && s >= self.options.label_similarity)
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

        // 5. Role: the one unpaired unit of a kind on each side.
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

        // 6. Order: pairs out of the longest increasing run are moved.
        matches.sort_by_key(|m| (m.1, m.0));
        let seq: Vec<usize> = matches.iter().map(|m| m.0).collect();
        let mut in_order = vec![false; matches.len()];
        for k in lis(&seq) {
            in_order[k] = true;
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
        let mut last: Option<usize> = None;
        for i in 0..olds.len() {
            if m_old[i].is_none() && !self.split_old(i, &matches) {
                match last {
                    Some(j) => anchored_after[j].push(i),
                    None => front.push(i),
                }
            }
            if let Some(j) = old_anchor[i] {
                last = Some(last.map_or(j, |l: usize| l.max(j)));
            }
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

    fn split_old(&self, i: usize, matches: &[Match]) -> bool {
        matches.iter().any(|m| m.0 == i)
    }

    /// Children of a matched pair: one to one when the contents are equal, else aligned.
    fn align_children(&mut self, o: NodeId, n: NodeId) -> Vec<usize> {
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

    fn exact_tree(&mut self, o: NodeId, n: NodeId) -> usize {
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
    fn unmatched(&mut self, o: Option<NodeId>, n: Option<NodeId>) -> usize {
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

    /// Candidate pairs from an inverted index over rare words (and equal numbers).
    fn candidates(
        &mut self,
        olds: &[NodeId],
        news: &[NodeId],
        uo: &[usize],
        un: &[usize],
        old_side_index: bool,
    ) -> Vec<(usize, usize)> {
        let _ = old_side_index;
        let mut index: HashMap<u32, Vec<usize>> = HashMap::new();
        let mut by_label: HashMap<String, Vec<usize>> = HashMap::new();
        for &i in uo {
            let mut bag = self.bag(true, olds[i]);
            bag.dedup();
            for w in bag {
                index.entry(w).or_default().push(i);
            }
            if let Some(l) = label_key(self.old.doc, olds[i]) {
                by_label.entry(l).or_default().push(i);
            }
        }
        let limit = 16.max(uo.len() / 64);
        let mut out = Vec::new();
        let mut score: HashMap<usize, u32> = HashMap::new();
        for &j in un {
            score.clear();
            let mut bag = self.bag(false, news[j]);
            bag.dedup();
            for w in bag {
                if let Some(list) = index.get(&w) {
                    if list.len() <= limit {
                        for &i in list {
                            *score.entry(i).or_insert(0) += 1;
                        }
                    }
                }
            }
            let mut best: Vec<(u32, usize)> = score.iter().map(|(i, s)| (*s, *i)).collect();
            best.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            best.truncate(self.options.max_candidates);
            for (_, i) in best {
                out.push((i, j));
            }
            if let Some(l) = label_key(self.new.doc, news[j]) {
                if let Some(list) = by_label.get(&l) {
                    for &i in list.iter().take(4) {
                        out.push((i, j));
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Splits (one old alinéa → consecutive new ones) and merges (the converse).
    fn splits(
        &mut self,
        olds: &[NodeId],
        news: &[NodeId],
        m_old: &mut [Option<usize>],
        m_new: &mut [Option<usize>],
        matches: &mut Vec<Match>,
    ) {
        for i in 0..olds.len() {
            if m_old[i].is_some() || !self.old.kind(olds[i]).is_alinea_like() {
                continue;
            }
            let window = gap(i, m_old, news.len());
            if let Some((s, start, end)) = self.best_run(true, olds[i], news, m_new, window) {
                for (j, slot) in m_new.iter_mut().enumerate().take(end).skip(start) {
                    *slot = Some(i);
                    matches.push((i, j, Basis::Split, s));
                }
                m_old[i] = Some(start);
            }
        }
        for j in 0..news.len() {
            if m_new[j].is_some() || !self.new.kind(news[j]).is_alinea_like() {
                continue;
            }
            let window = gap(j, m_new, olds.len());
            if let Some((s, start, end)) = self.best_run(false, news[j], olds, m_old, window) {
                for (i, slot) in m_old.iter_mut().enumerate().take(end).skip(start) {
                    *slot = Some(j);
                    matches.push((i, j, Basis::Merge, s));
                }
                m_new[j] = Some(start);
            }
        }
    }

    /// The best run of 2 or 3 consecutive unpaired alinéas of the other side, within `lo..hi`,
    /// whose joined words match the alinéa `one` (on the old side when `one_old`): a split seen
    /// from the old side, a merge from the new. `None` when no run reaches
    /// [`AlignOptions::split_similarity`], or when a single alinéa of the run is about as close
    /// (then it is a modification, not a split).
    fn best_run(
        &mut self,
        one_old: bool,
        one: NodeId,
        others: &[NodeId],
        taken: &[Option<usize>],
        (lo, hi): (usize, usize),
    ) -> Option<(f32, usize, usize)> {
        let threshold = self.options.split_similarity;
        let others_old = !one_old;
        let mut best: Option<(f32, usize, usize)> = None;
        for start in lo..hi {
            for len in 2..=3usize {
                let end = start + len;
                let side = if others_old { &self.old } else { &self.new };
                if end > hi
                    || (start..end)
                        .any(|k| taken[k].is_some() || !side.kind(others[k]).is_alinea_like())
                {
                    break;
                }
                let mut joined: Vec<u32> = Vec::new();
                for o in &others[start..end] {
                    joined.extend_from_slice(self.bag_ref(others_old, *o));
                }
                joined.sort_unstable();
                let s = dice(self.bag_ref(one_old, one), &joined);
                if s >= threshold && best.is_none_or(|b| s > b.0) {
                    best = Some((s, start, end));
                }
            }
        }
        let (s, start, end) = best?;
        let single = (start..end)
            .map(|k| {
                if one_old {
                    self.similarity(one, others[k])
                } else {
                    self.similarity(others[k], one)
                }
            })
            .fold(0.0f32, f32::max);
        (single + 0.1 < s).then_some((s, start, end))
    }

    /// Pairs units left unpaired anywhere (articles when `articles`, else alinéas) across parents.
    fn global_moves(&mut self, top: &[usize], articles: bool) {
        let mut deleted: Vec<usize> = Vec::new();
        let mut inserted: Vec<usize> = Vec::new();
        let mut stack: Vec<usize> = top.iter().rev().copied().collect();
        while let Some(k) = stack.pop() {
            let b = &self.arena[k];
            if b.dropped {
                continue;
            }
            stack.extend(b.children.iter().rev().copied());
            if b.basis != Basis::Unmatched {
                continue;
            }
            let (doc, id) = match (b.old, b.new) {
                (Some(o), None) => (self.old.doc, o),
                (None, Some(n)) => (self.new.doc, n),
                _ => continue,
            };
            let kind = doc.node(id).kind;
            let wanted = if articles {
                kind == NodeKind::Article
            } else {
                kind.is_alinea_like()
            };
            if !wanted || (!articles && doc.node(id).text.split_whitespace().count() < 4) {
                continue;
            }
            if b.old.is_some() {
                deleted.push(k);
            } else {
                inserted.push(k);
            }
        }
        if deleted.is_empty() || inserted.is_empty() {
            return;
        }
        let old_id = |a: &Aligner, k: usize| a.arena[k].old.unwrap_or(NodeId(0));
        let new_id = |a: &Aligner, k: usize| a.arena[k].new.unwrap_or(NodeId(0));
        let mut used_del = vec![false; deleted.len()];
        let mut used_ins = vec![false; inserted.len()];
        let mut found: Vec<(usize, usize, Basis, f32)> = Vec::new();
        // Exact, in order.
        let mut queues: HashMap<u64, std::collections::VecDeque<usize>> = HashMap::new();
        for (d, k) in deleted.iter().enumerate() {
            let h = self.old.hash[old_id(self, *k).index()];
            queues.entry(h).or_default().push_back(d);
        }
        for (x, k) in inserted.iter().enumerate() {
            let h = self.new.hash[new_id(self, *k).index()];
            if let Some(q) = queues.get_mut(&h) {
                if let Some(d) = q.pop_front() {
                    used_del[d] = true;
                    used_ins[x] = true;
                    found.push((d, x, Basis::Exact, 1.0));
                }
            }
        }
        // Similar, best first.
        let rest_d: Vec<usize> = (0..deleted.len()).filter(|d| !used_del[*d]).collect();
        let rest_i: Vec<usize> = (0..inserted.len()).filter(|x| !used_ins[*x]).collect();
        if !rest_d.is_empty() && !rest_i.is_empty() {
            let olds: Vec<NodeId> = deleted.iter().map(|k| old_id(self, *k)).collect();
            let news: Vec<NodeId> = inserted.iter().map(|k| new_id(self, *k)).collect();
            let cands = if rest_d.len() * rest_i.len() <= 2500 {
                let mut c = Vec::new();
                for &d in &rest_d {
                    for &x in &rest_i {
                        c.push((d, x));
                    }
                }
                c
            } else {
                self.candidates(&olds, &news, &rest_d, &rest_i, true)
            };
            let mut scored: Vec<(f32, usize, usize)> = Vec::new();
            for (d, x) in cands {
                let s = self.similarity(olds[d], news[x]);
                if s >= self.options.move_similarity {
                    scored.push((s, d, x));
                }
            }
            scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
            for (s, d, x) in scored {
                if !used_del[d] && !used_ins[x] {
                    used_del[d] = true;
                    used_ins[x] = true;
                    found.push((d, x, Basis::Similar, s));
                }
            }
        }
        for (d, x, basis, s) in found {
            let (kd, kx) = (deleted[d], inserted[x]);
            let o = old_id(self, kd);
            let n = new_id(self, kx);
            self.old.matched[o.index()] = true;
            self.new.matched[n.index()] = true;
            self.arena[kd].dropped = true;
            let children = self.align_children(o, n);
            let renumbered = self.renumbered(o, n);
            let b = &mut self.arena[kx];
            b.old = Some(o);
            b.basis = basis;
            b.similarity = s;
            b.moved = true;
            b.renumbered = renumbered;
            b.children = children;
        }
    }

    fn finish(&self, k: usize) -> Option<Pair> {
        let b = &self.arena[k];
        if b.dropped {
            return None;
        }
        Some(Pair {
            old: b.old,
            new: b.new,
            basis: b.basis,
            similarity: b.similarity,
            moved: b.moved,
            renumbered: b.renumbered,
            children: b.children.iter().filter_map(|c| self.finish(*c)).collect(),
        })
    }
}

/// The range of positions on the other side between the partners of `i`'s nearest paired
/// neighbours (at most 12 wide).
fn gap(i: usize, matched: &[Option<usize>], other_len: usize) -> (usize, usize) {
    let lo = (0..i).rev().find_map(|k| matched[k]).map_or(0, |p| p + 1);
    let hi = (i + 1..matched.len())
        .find_map(|k| matched[k])
        .unwrap_or(other_len);
    let hi = hi.min(other_len).min(lo + 12).max(lo);
    (lo, hi)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_str;

    fn keys(doc: &Document, id: Option<NodeId>) -> String {
        id.map_or("-".into(), |i| doc.node(i).key.clone())
    }

    fn top(old: &Document, new: &Document, a: &Alignment) -> Vec<String> {
        a.pairs
            .iter()
            .map(|p| {
                format!(
                    "{}>{}:{}{}{}",
                    keys(old, p.old),
                    keys(new, p.new),
                    p.basis.as_str(),
                    if p.renumbered { ":r" } else { "" },
                    if p.moved { ":m" } else { "" }
                )
            })
            .collect()
    }

    const OLD: &str = "Convention\n\nArticle 1er : Objet\n\nLa convention a pour objet la coopération des parties.\n\nArticle 2 : Durée\n\nElle est conclue pour une durée de trois ans à compter de sa signature.\n\nArticle 3 : Litiges\n\nLes litiges sont portés devant le tribunal administratif de Paris.\n";

    #[test]
    fn inserted_article_renumbers_the_rest() {
        let new_text = OLD.replace(
            "Article 2 : Durée",
            "Article 2 : Financement\n\nLa DINUM verse une somme de 10 000 € au partenaire.\n\nArticle 3 : Durée",
        )
        .replace("Article 3 : Litiges", "Article 4 : Litiges");
        let (old, new) = (parse_str("a", OLD), parse_str("b", &new_text));
        let a = align(&old, &new, &AlignOptions::default());
        assert_eq!(
            top(&old, &new, &a),
            [
                "titre>titre:exact",
                "article-1>article-1:exact",
                "->article-2:unmatched",
                "article-2>article-3:exact:r",
                "article-3>article-4:exact:r"
            ]
        );
    }

    #[test]
    fn deleted_unit_stays_where_it_stood() {
        let new_text = OLD.replace(
            "Article 2 : Durée\n\nElle est conclue pour une durée de trois ans à compter de sa signature.\n\n",
            "",
        );
        let (old, new) = (parse_str("a", OLD), parse_str("b", &new_text));
        let a = align(&old, &new, &AlignOptions::default());
        assert_eq!(
            top(&old, &new, &a),
            [
                "titre>titre:exact",
                "article-1>article-1:exact",
                "article-2>-:unmatched",
                "article-3>article-3:exact"
            ]
        );
    }

    #[test]
    fn swapped_articles_are_moved_and_heading_pairs_rewritten_ones() {
        let new_text = "Convention\n\nArticle 1er : Objet\n\nLa convention a pour objet la coopération des parties.\n\nArticle 2 : Litiges\n\nLes litiges sont portés devant le tribunal administratif de Paris.\n\nArticle 3 : Durée\n\nUn texte entièrement nouveau sans rapport.\n";
        let (old, new) = (parse_str("a", OLD), parse_str("b", new_text));
        let a = align(&old, &new, &AlignOptions::default());
        let t = top(&old, &new, &a);
        assert!(
            t.contains(&"article-3>article-2:exact:r:m".to_string())
                || t.contains(&"article-2>article-3:heading:r:m".to_string()),
            "{t:?}"
        );
        assert!(
            t.iter()
                .any(|s| s.starts_with("article-2>article-3:heading")),
            "{t:?}"
        );
    }

    #[test]
    fn split_alinea_is_recognised() {
        let old = parse_str("a", "T\n\nArticle 1er : Objet\n\nLa convention a pour objet la coopération des parties et elle précise les modalités de leur travail commun.\n");
        let new = parse_str("b", "T\n\nArticle 1er : Objet\n\nLa convention a pour objet la coopération des parties.\n\nElle précise les modalités de leur travail commun.\n");
        let a = align(&old, &new, &AlignOptions::default());
        let art = &a.pairs[1];
        let bases: Vec<_> = art.children.iter().map(|p| p.basis).collect();
        assert_eq!(bases, [Basis::Split, Basis::Split]);
    }

    #[test]
    fn lis_is_longest() {
        let seq = [0, 2, 1, 3];
        assert_eq!(lis(&seq).len(), 3);
        assert!(lis(&[]).is_empty());
    }

    #[test]
    fn fold_ignores_case_and_accents() {
        assert_eq!(fold("RÉPARTITION"), fold("répartition"));
        assert_eq!(fold("Œuvre"), "oeuvre");
    }
}
