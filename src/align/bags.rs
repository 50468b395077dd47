//! Bags of words of the units (sorted interned word ids, cached), their Dice similarity and the
//! inverted index over rare words that proposes candidate pairs.

use super::{label_key, Aligner};
use crate::model::NodeId;
use rustc_hash::FxHashMap;
use std::borrow::Cow;

pub(super) fn bag_words<'a>(
    text: &'a str,
    words: &mut FxHashMap<Cow<'a, str>, u32>,
    out: &mut WordIds,
) {
    // One buffer for the lower-cased words (most capitals are ASCII: no allocation for them).
    let mut lower = String::new();
    let mut rest = text;
    while let Some((start, end, ascii, upper)) = next_word(rest) {
        let word: &'a str = &rest[start..end];
        let w = word;
        rest = &rest[end..];
        // A word already in lower case is its own key, borrowed from the text.
        let (w, lowered) = if ascii {
            if upper {
                lower.clear();
                lower.push_str(w);
                lower.make_ascii_lowercase();
                (lower.as_str(), true)
            } else {
                (w, false)
            }
        } else if w.chars().any(char::is_uppercase) {
            if w.contains('Σ') {
                // The final sigma is the one letter whose lower case depends on its place.
                lower = w.to_lowercase();
            } else {
                lower.clear();
                lower.extend(w.chars().flat_map(char::to_lowercase));
            }
            (lower.as_str(), true)
        } else {
            (w, false)
        };
        let next = words.len() as u32;
        let id = match words.get(w) {
            Some(id) => *id,
            None => {
                let key = if lowered {
                    Cow::Owned(w.to_string())
                } else {
                    Cow::Borrowed(word)
                };
                words.insert(key, next);
                next
            }
        };
        out.push(id);
    }
}

/// The first word of `text` (a maximal run of alphanumeric characters) as a byte range: the
/// words `text.split(|c: char| !c.is_alphanumeric())` yields, read byte by byte where the
/// byte decides (ASCII, and Latin-1 letters, lead byte 0xC3: U+00C0 to U+00FF, all letters
/// but « × » and « ÷ »), the other characters decoded. With the range: whether the word is
/// ASCII, and whether it has an ASCII capital (read in the same pass).
pub(crate) fn next_word(text: &str) -> Option<(usize, usize, bool, bool)> {
    let b = text.as_bytes();
    let mut i = 0;
    loop {
        let &x = b.get(i)?;
        let class = BYTES[usize::from(x)];
        if class & ALNUM != 0 {
            break;
        }
        if class & WIDE == 0 {
            i += 1;
        } else {
            let (alnum, len) = wide_alnum(text, i);
            if alnum {
                break;
            }
            i += len;
        }
    }
    let start = i;
    // The classes of the word's ASCII bytes, or-ed: whether one is a capital.
    let (mut ascii, mut seen) = (true, 0u8);
    while let Some(&x) = b.get(i) {
        let class = BYTES[usize::from(x)];
        if class & ALNUM != 0 {
            seen |= class;
            i += 1;
        } else if class & WIDE != 0 {
            let (alnum, len) = wide_alnum(text, i);
            if !alnum {
                break;
            }
            ascii = false;
            i += len;
        } else {
            break;
        }
    }
    Some((start, i, ascii, seen & UPPER != 0))
}

/// Classes of bytes for [`next_word`]: an ASCII letter or digit, an ASCII capital, a byte of a
/// wider character (decided by [`wide_alnum`]).
const ALNUM: u8 = 1;
const UPPER: u8 = 2;
const WIDE: u8 = 4;
const BYTES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let x = b as u8;
        t[b] = if x >= 0x80 {
            WIDE
        } else if x.is_ascii_uppercase() {
            ALNUM | UPPER
        } else if x.is_ascii_alphanumeric() {
            ALNUM
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Whether the non-ASCII character at byte `i` of `text` is alphanumeric, and its length.
#[inline]
fn wide_alnum(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes();
    if b[i] == 0xC3 {
        if let Some(&next) = b.get(i + 1) {
            return (!matches!(next, 0x97 | 0xB7), 2);
        }
    }
    match text.get(i..).and_then(|t| t.chars().next()) {
        Some(c) => (c.is_alphanumeric(), c.len_utf8()),
        None => (false, 1),
    }
}

/// The word ids of a side, in 16 bits when every id fits (the words of both documents are
/// fewer than 65,536), else in 32.
#[derive(Debug)]
pub(super) enum WordIds {
    /// 16-bit ids.
    Narrow(Vec<u16>),
    /// 32-bit ids.
    Wide(Vec<u32>),
}

/// A run of word ids, as stored.
#[derive(Debug, Clone, Copy)]
pub(super) enum Ids<'a> {
    Narrow(&'a [u16]),
    Wide(&'a [u32]),
}

impl WordIds {
    /// Appends an id: in 16 bits while every id fits, all of them widened to 32 bits at the
    /// first that does not.
    #[inline]
    pub(super) fn push(&mut self, id: u32) {
        match self {
            WordIds::Narrow(ids) => match u16::try_from(id) {
                Ok(id) => ids.push(id),
                Err(_) => {
                    let mut wide: Vec<u32> = Vec::with_capacity(ids.capacity());
                    wide.extend(ids.iter().map(|&w| u32::from(w)));
                    wide.push(id);
                    *self = WordIds::Wide(wide);
                }
            },
            WordIds::Wide(ids) => ids.push(id),
        }
    }

    /// Replaces every id `w` by `map[w]` (widened to 32 bits if one no longer fits).
    pub(super) fn remap(&mut self, map: &[u32]) {
        let fits = map.iter().all(|&w| w <= u32::from(u16::MAX));
        match self {
            WordIds::Narrow(ids) if fits => {
                for w in ids.iter_mut() {
                    *w = map[usize::from(*w)] as u16;
                }
            }
            WordIds::Narrow(ids) => {
                *self = WordIds::Wide(ids.iter().map(|&w| map[usize::from(w)]).collect());
            }
            WordIds::Wide(ids) => {
                for w in ids.iter_mut() {
                    *w = map[*w as usize];
                }
            }
        }
    }

    /// How many ids.
    pub(super) fn len(&self) -> usize {
        match self {
            WordIds::Narrow(ids) => ids.len(),
            WordIds::Wide(ids) => ids.len(),
        }
    }

    /// Gives back the unused capacity.
    pub(super) fn shrink_to_fit(&mut self) {
        match self {
            WordIds::Narrow(ids) => ids.shrink_to_fit(),
            WordIds::Wide(ids) => ids.shrink_to_fit(),
        }
    }

    /// The ids in `range`.
    pub(super) fn range(&self, range: std::ops::Range<usize>) -> Ids<'_> {
        match self {
            WordIds::Narrow(ids) => Ids::Narrow(&ids[range]),
            WordIds::Wide(ids) => Ids::Wide(&ids[range]),
        }
    }
}

impl Ids<'_> {
    pub(super) fn len(self) -> usize {
        match self {
            Ids::Narrow(ids) => ids.len(),
            Ids::Wide(ids) => ids.len(),
        }
    }

    /// Appends the ids to `out`.
    pub(super) fn extend_into(self, out: &mut Vec<u32>) {
        match self {
            Ids::Narrow(ids) => out.extend(ids.iter().map(|&w| u32::from(w))),
            Ids::Wide(ids) => out.extend_from_slice(ids),
        }
    }

    /// Whether both runs hold the same ids.
    pub(super) fn same(self, ids: &[u32]) -> bool {
        match self {
            Ids::Narrow(own) => own.iter().map(|&w| u32::from(w)).eq(ids.iter().copied()),
            Ids::Wide(own) => own == ids,
        }
    }
}

/// A bag of words: the distinct word ids of a unit in increasing order, each with its count,
/// and the number of words. A division's bag (every word below a Partie or a Livre) holds
/// hundreds of thousands of words drawn from a few thousand distinct ones: counted, it stays
/// small and two bags compare in time proportional to their distinct words.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Bag {
    entries: Vec<(u32, u32)>,
    total: usize,
}

impl Bag {
    /// The distinct word ids, in increasing order.
    fn ids(&self) -> impl Iterator<Item = u32> + '_ {
        self.entries.iter().map(|e| e.0)
    }
}

/// Below this many words a bag is sorted; from it on, counted.
const SMALL_BAG: usize = 64;

/// Scratch buffers to count the words of a unit: the count of each word id (zero between
/// uses), the ids met, the unit's first words (while fewer than [`SMALL_BAG`]: past them the
/// words are counted as they come, never copied, where a division's hundreds of thousands
/// of words took a 7 MB buffer at the memory peak of a code's diff).
#[derive(Debug, Default)]
pub(super) struct Counter {
    counts: Vec<u32>,
    seen: Vec<u32>,
    words: Vec<u32>,
    /// Words added since the last bag.
    total: usize,
}

impl Counter {
    /// Adds words to the bag being made.
    fn add(&mut self, ids: Ids<'_>) {
        self.total += ids.len();
        if self.total < SMALL_BAG {
            ids.extend_into(&mut self.words);
            return;
        }
        if !self.words.is_empty() {
            let words = std::mem::take(&mut self.words);
            self.count(words.iter().copied());
            self.words = words;
            self.words.clear();
        }
        match ids {
            Ids::Narrow(ids) => self.count(ids.iter().map(|&w| u32::from(w))),
            Ids::Wide(ids) => self.count(ids.iter().copied()),
        }
    }

    fn count(&mut self, ids: impl Iterator<Item = u32>) {
        for w in ids {
            let w = w as usize;
            if w >= self.counts.len() {
                self.counts.resize(w + 1, 0);
            }
            if self.counts[w] == 0 {
                self.seen.push(w as u32);
            }
            self.counts[w] += 1;
        }
    }

    /// The bag of the words added (emptied).
    fn bag(&mut self) -> Bag {
        let total = std::mem::take(&mut self.total);
        let entries = if total < SMALL_BAG {
            // Small bags: sorted and run-length encoded.
            self.words.sort_unstable();
            let mut entries: Vec<(u32, u32)> = Vec::with_capacity(total);
            for &w in &self.words {
                match entries.last_mut() {
                    Some(e) if e.0 == w => e.1 += 1,
                    _ => entries.push((w, 1)),
                }
            }
            entries
        } else {
            // Large ones: counted (linear), then the distinct ids sorted.
            self.seen.sort_unstable();
            let entries = self
                .seen
                .iter()
                .map(|&w| {
                    let c = std::mem::take(&mut self.counts[w as usize]);
                    (w, c)
                })
                .collect();
            self.seen.clear();
            entries
        };
        self.words.clear();
        let mut bag = Bag { entries, total };
        bag.entries.shrink_to_fit();
        bag
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

/// Dice coefficient of two bags: the same value as [`dice`] on the multisets they count.
pub(super) fn dice_bags(a: &Bag, b: &Bag) -> f32 {
    if a.total == 0 && b.total == 0 {
        return 1.0;
    }
    let total = a.total + b.total;
    let (a, b) = (&a.entries, &b.entries);
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += a[i].1.min(b[j].1) as usize;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f32 / total as f32
}

impl Aligner<'_> {
    /// Computes and caches the bag of a unit: its own words and its descendants'. Only the
    /// bags of units actually compared are kept (alignment goes top-down and most units are
    /// paired by their hash).
    pub(super) fn ensure_bag(&mut self, old_side: bool, id: NodeId) {
        let side = if old_side { &self.old } else { &self.new };
        if side.bags[id.index()].is_some() {
            return;
        }
        let mut counter = std::mem::take(&mut self.counter);
        let mut stack = vec![id];
        while let Some(id) = stack.pop() {
            counter.add(side.own_ids(id));
            stack.extend(side.doc.children(id).iter().rev());
        }
        let bag = counter.bag();
        self.counter = counter;
        let side = if old_side {
            &mut self.old
        } else {
            &mut self.new
        };
        side.bags[id.index()] = Some(Box::new(bag));
    }

    /// Appends the word ids of a unit and of its descendants, in document order.
    pub(super) fn collect_words(&self, old_side: bool, id: NodeId, out: &mut Vec<u32>) {
        let side = if old_side { &self.old } else { &self.new };
        let mut stack = vec![id];
        while let Some(id) = stack.pop() {
            side.own_ids(id).extend_into(out);
            stack.extend(side.doc.children(id).iter().rev());
        }
    }

    /// The word ids of a unit's own text, in text order.
    pub(super) fn own_words_of(&self, old_side: bool, id: NodeId) -> Ids<'_> {
        let side = if old_side { &self.old } else { &self.new };
        side.own_ids(id)
    }

    /// The sorted word ids of a unit's own text alone (a container's heading, a leaf's text).
    pub(super) fn own_bag(&self, old_side: bool, id: NodeId) -> Vec<u32> {
        let side = if old_side { &self.old } else { &self.new };
        let mut out = Vec::new();
        side.own_ids(id).extend_into(&mut out);
        out.sort_unstable();
        out
    }

    /// The sorted word ids of a unit and its descendants, one per occurrence (computed on
    /// first use and kept: split and merge detection joins them).
    pub(super) fn bag_ref(&mut self, old_side: bool, id: NodeId) -> &[u32] {
        let side = if old_side { &self.old } else { &self.new };
        if !side.flat_bags.contains_key(&id.0) {
            let mut out = Vec::new();
            self.collect_words(old_side, id, &mut out);
            out.sort_unstable();
            let side = if old_side {
                &mut self.old
            } else {
                &mut self.new
            };
            side.flat_bags.insert(id.0, out);
        }
        let side = if old_side { &self.old } else { &self.new };
        side.flat_bags.get(&id.0).map_or(&[], Vec::as_slice)
    }

    pub(super) fn similarity(&mut self, o: NodeId, n: NodeId) -> f32 {
        self.ensure_bag(true, o);
        self.ensure_bag(false, n);
        match (&self.old.bags[o.index()], &self.new.bags[n.index()]) {
            (Some(a), Some(b)) => dice_bags(a, b),
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
    ) -> Vec<(u32, u32)> {
        let _ = old_side_index;
        let mut index: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        let mut by_label: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for &i in uo {
            self.ensure_bag(true, olds[i]);
            if let Some(bag) = &self.old.bags[olds[i].index()] {
                for w in bag.ids() {
                    index.entry(w).or_default().push(i as u32);
                }
            }
            if let Some(l) = label_key(self.old.doc, olds[i]) {
                by_label.entry(l).or_default().push(i);
            }
        }
        let limit = 16.max(uo.len() / 64);
        let mut out = Vec::new();
        // Shared rare words of each old unit met (`score`, indexed by old position, zero
        // between new units) and the old units met (`met`): no hashing per shared word.
        let mut score: Vec<u32> = vec![0; olds.len()];
        let mut met: Vec<usize> = Vec::new();
        let mut best: Vec<(u32, usize)> = Vec::new();
        for &j in un {
            self.ensure_bag(false, news[j]);
            if let Some(bag) = &self.new.bags[news[j].index()] {
                for w in bag.ids() {
                    if let Some(list) = index.get(&w) {
                        if list.len() <= limit {
                            for &i in list {
                                let i = i as usize;
                                if score[i] == 0 {
                                    met.push(i);
                                }
                                score[i] += 1;
                            }
                        }
                    }
                }
            }
            best.clear();
            best.extend(met.drain(..).map(|i| (std::mem::take(&mut score[i]), i)));
            best_first(&mut best, self.options.max_candidates);
            // Positions in sibling lists, held in 32 bits (a code's global moves propose
            // hundreds of thousands of pairs).
            for &(_, i) in &best {
                out.push((i as u32, j as u32));
            }
            if let Some(l) = label_key(self.new.doc, news[j]) {
                if let Some(list) = by_label.get(&l) {
                    for &i in list.iter().take(4) {
                        out.push((i as u32, j as u32));
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Keeps the `keep` best (shared words, old position) pairs, most shared words first, then by
/// position: selected first, then only they are sorted (the order is total, each old unit met
/// once: the pairs and order of a full sort, which took 56 M instructions on a code's diff).
fn best_first(best: &mut Vec<(u32, usize)>, keep: usize) {
    let order = |a: &(u32, usize), b: &(u32, usize)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
    if best.len() > keep {
        best.select_nth_unstable_by(keep, order);
        best.truncate(keep);
    }
    best.sort_unstable_by(order);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_ids_stay_narrow_while_they_fit_then_widen_without_loss() {
        let mut ids = WordIds::Narrow(Vec::new());
        let wanted: Vec<u32> = vec![0, 7, 65_535, 3, 65_536, 1 << 20, 9];
        for (k, &w) in wanted.iter().enumerate() {
            ids.push(w);
            assert_eq!(matches!(ids, WordIds::Narrow(_)), k < 4, "{k}");
        }
        let mut out = Vec::new();
        ids.range(0..ids.len()).extend_into(&mut out);
        assert_eq!(out, wanted);
        assert!(ids.range(2..4).same(&[65_535, 3]));
        let mut narrow = WordIds::Narrow(Vec::new());
        for &w in &wanted[..4] {
            narrow.push(w);
        }
        assert!(narrow.range(0..4).same(&wanted[..4]));
        assert!(!narrow.range(0..4).same(&wanted[..3]));
        let mut counter = Counter::default();
        counter.add(narrow.range(0..4));
        assert_eq!(counter.bag().entries, [(0, 1), (3, 1), (7, 1), (65_535, 1)]);
    }

    #[test]
    fn best_first_keeps_what_a_full_sort_keeps() {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for len in [0usize, 1, 5, 24, 25, 100, 1000] {
            let mut best: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    ((x % 6) as u32, i * 7 % (len + 3))
                })
                .collect();
            best.sort_by_key(|p| p.1);
            best.dedup_by_key(|p| p.1);
            let mut sorted = best.clone();
            sorted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            sorted.truncate(24);
            best_first(&mut best, 24);
            assert_eq!(best, sorted, "{len}");
        }
    }

    #[test]
    fn words_are_those_of_the_character_split() {
        let samples = [
            "L'article L. 1234-5 du code, « alinéa » ; ÀÉÎÔÙàéîôùçÇœŒæ 3×4 6÷2 ÿß",
            "  a\u{a0}b\u{202f}c—d–e… ¹² Ⅳ ١٢ ΣΑΣ ﬁn ",
            "",
            "...",
            "été",
        ];
        let all: String = ('\u{0}'..='\u{3000}').collect();
        for s in samples.iter().copied().chain([all.as_str()]) {
            let expected: Vec<&str> = s
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            let mut got = Vec::new();
            let mut rest = s;
            while let Some((a, b, ascii, upper)) = next_word(rest) {
                let w = &rest[a..b];
                assert_eq!(ascii, w.is_ascii(), "{w:?}");
                assert_eq!(upper, w.bytes().any(|b| b.is_ascii_uppercase()), "{w:?}");
                got.push(w);
                rest = &rest[b..];
            }
            assert_eq!(got, expected, "{s:?}");
        }
    }

    #[test]
    fn bags_count_what_a_sort_would() {
        // Many repeats of few ids (counted), ids spread wide, a small bag (sorted); the Dice
        // coefficient of two bags is that of the multisets they count.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut draw = |len: usize, spread: u64| -> Vec<u32> {
            (0..len)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    (x % spread) as u32
                })
                .collect()
        };
        let cases = [
            (10_000usize, 300u64),
            (5_000, 1_000_000),
            (100, 50),
            (40, 30),
            (0, 1),
        ];
        let mut counter = Counter::default();
        let mut made = Vec::new();
        for (len, spread) in cases {
            let ids = draw(len, spread);
            let mut sorted = ids.clone();
            sorted.sort_unstable();
            // Added in pieces, as a unit's nodes add their words.
            for piece in ids.chunks(37) {
                counter.add(Ids::Wide(piece));
            }
            let bag = counter.bag();
            let expanded: Vec<u32> = bag
                .entries
                .iter()
                .flat_map(|&(w, c)| std::iter::repeat_n(w, c as usize))
                .collect();
            assert_eq!(expanded, sorted);
            assert_eq!(bag.total, len);
            made.push((sorted, bag));
        }
        for (a, bag_a) in &made {
            for (b, bag_b) in &made {
                assert_eq!(dice(a, b).to_bits(), dice_bags(bag_a, bag_b).to_bits());
            }
        }
    }
}
