//! Bags of words of the units (sorted interned word ids, cached), their Dice similarity and the
//! inverted index over rare words that proposes candidate pairs.

use super::{label_key, Aligner};
use crate::model::NodeId;
use rustc_hash::FxHashMap;

pub(super) fn bag_words(text: &str, words: &mut FxHashMap<String, u32>, out: &mut Vec<u32>) {
    // One buffer for the lower-cased words (most capitals are ASCII: no allocation for them).
    let mut lower = String::new();
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        let w = if w.is_ascii() {
            if w.bytes().any(|b| b.is_ascii_uppercase()) {
                lower.clear();
                lower.push_str(w);
                lower.make_ascii_lowercase();
                lower.as_str()
            } else {
                w
            }
        } else if w.chars().any(char::is_uppercase) {
            if w.contains('Σ') {
                // The final sigma is the one letter whose lower case depends on its place.
                lower = w.to_lowercase();
            } else {
                lower.clear();
                lower.extend(w.chars().flat_map(char::to_lowercase));
            }
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

/// Sorts word ids. The bag of a whole division (every word below a Partie or a Livre) holds
/// hundreds of thousands of ids drawn from far fewer words: counted, then written back in
/// order (linear), rather than compared (n log n). Small bags are sorted as usual.
fn sort_ids(ids: &mut [u32]) {
    let max = ids.iter().copied().max().unwrap_or(0) as usize;
    if ids.len() < 4096 || max >= ids.len() * 2 {
        ids.sort_unstable();
        return;
    }
    let mut counts = vec![0u32; max + 1];
    for &w in ids.iter() {
        counts[w as usize] += 1;
    }
    let mut at = 0;
    for (w, &n) in counts.iter().enumerate() {
        ids[at..at + n as usize].fill(w as u32);
        at += n as usize;
    }
}

/// Dice coefficient of two sorted multisets.
pub(super) fn dice(a: &[u32], b: &[u32]) -> f32 {
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

impl Aligner<'_> {
    /// Computes and caches the sorted word ids of a unit: its own text and its descendants'.
    /// Only the bags of units actually compared are kept (alignment goes top-down and most
    /// units are paired by their hash): a descendant's bag is reused when already cached,
    /// else its words are read without being stored.
    pub(super) fn ensure_bag(&mut self, old_side: bool, id: NodeId) {
        let side = if old_side { &self.old } else { &self.new };
        if side.bags[id.index()].is_some() {
            return;
        }
        let mut out = Vec::new();
        self.collect_words(old_side, id, &mut out);
        sort_ids(&mut out);
        out.shrink_to_fit();
        let side = if old_side {
            &mut self.old
        } else {
            &mut self.new
        };
        side.bags[id.index()] = Some(out);
    }

    pub(super) fn collect_words(&mut self, old_side: bool, id: NodeId, out: &mut Vec<u32>) {
        let side = if old_side { &self.old } else { &self.new };
        if let Some(b) = &side.bags[id.index()] {
            out.extend_from_slice(b);
            return;
        }
        let doc = side.doc;
        let (start, end) = side.own_words[id.index()];
        out.extend_from_slice(&side.words[start as usize..end as usize]);
        for child in doc.children(id) {
            self.collect_words(old_side, *child, out);
        }
    }

    /// The word ids of a unit's own text, in text order.
    pub(super) fn own_words_of(&self, old_side: bool, id: NodeId) -> &[u32] {
        let side = if old_side { &self.old } else { &self.new };
        let (start, end) = side.own_words[id.index()];
        &side.words[start as usize..end as usize]
    }

    /// The sorted word ids of a unit's own text alone (a container's heading, a leaf's text).
    pub(super) fn own_bag(&self, old_side: bool, id: NodeId) -> Vec<u32> {
        let side = if old_side { &self.old } else { &self.new };
        let (start, end) = side.own_words[id.index()];
        let mut out = side.words[start as usize..end as usize].to_vec();
        out.sort_unstable();
        out
    }

    /// The cached bag of a unit (computed on first use).
    pub(super) fn bag_ref(&mut self, old_side: bool, id: NodeId) -> &[u32] {
        self.ensure_bag(old_side, id);
        let side = if old_side { &self.old } else { &self.new };
        side.bags[id.index()].as_deref().unwrap_or(&[])
    }

    /// A copy of the bag, for callers that extend it.
    pub(super) fn bag(&mut self, old_side: bool, id: NodeId) -> Vec<u32> {
        self.bag_ref(old_side, id).to_vec()
    }

    pub(super) fn similarity(&mut self, o: NodeId, n: NodeId) -> f32 {
        self.ensure_bag(true, o);
        self.ensure_bag(false, n);
        match (&self.old.bags[o.index()], &self.new.bags[n.index()]) {
            (Some(a), Some(b)) => dice(a, b),
            _ => 0.0,
        }
    }

    /// Candidate pairs from an inverted index over rare words (and equal numbers).
    pub(super) fn candidates(
        &mut self,
        olds: &[NodeId],
        news: &[NodeId],
        uo: &[usize],
        un: &[usize],
        old_side_index: bool,
    ) -> Vec<(usize, usize)> {
        let _ = old_side_index;
        let mut index: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
        let mut by_label: FxHashMap<String, Vec<usize>> = FxHashMap::default();
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
        let mut score: FxHashMap<usize, u32> = FxHashMap::default();
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counting_sort_of_large_bags_equals_a_sort() {
        // Many repeats of few ids (the counting path), then ids spread too wide (the sort).
        for (len, spread) in [(10_000usize, 300u64), (5_000, 1_000_000), (100, 50)] {
            let mut x: u64 = 0x2545_f491_4f6c_dd1d;
            let ids: Vec<u32> = (0..len)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    (x % spread) as u32
                })
                .collect();
            let (mut a, mut b) = (ids.clone(), ids);
            sort_ids(&mut a);
            b.sort_unstable();
            assert_eq!(a, b);
        }
    }
}
