//! Splits and merges: an alinéa whose words are those of two or three consecutive unpaired
//! alinéas of the other side, next to paired neighbours.

use super::bags::dice;
use super::{Aligner, Basis, Match};
use crate::model::NodeId;

impl Aligner<'_> {
    /// Splits (one old alinéa → consecutive new ones) and merges (the converse).
    pub(super) fn splits(
        &mut self,
        olds: &[NodeId],
        news: &[NodeId],
        m_old: &mut [Option<usize>],
        m_new: &mut [Option<usize>],
        matches: &mut Vec<Match>,
    ) {
        let mut gaps = Gaps::new(m_old, news.len());
        for i in 0..olds.len() {
            if m_old[i].is_some() || !self.old.kind(olds[i]).is_alinea_like() {
                continue;
            }
            let window = gaps.at(i, m_old);
            if let Some((s, start, end)) = self.best_run(true, olds[i], news, m_new, window) {
                for (j, slot) in m_new.iter_mut().enumerate().take(end).skip(start) {
                    *slot = Some(i);
                    matches.push((i, j, Basis::Split, s));
                }
                m_old[i] = Some(start);
            }
        }
        let mut gaps = Gaps::new(m_new, olds.len());
        for j in 0..news.len() {
            if m_new[j].is_some() || !self.new.kind(news[j]).is_alinea_like() {
                continue;
            }
            let window = gaps.at(j, m_new);
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
    pub(super) fn best_run(
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
        // Words identical once joined: the text was only cut elsewhere (a wrap, a paragraph
        // break), whatever the share of each part.
        let same_words = {
            let mut joined: Vec<u32> = Vec::new();
            for o in &others[start..end] {
                self.own_words_of(others_old, *o).extend_into(&mut joined);
            }
            self.own_words_of(one_old, one).same(&joined)
        };
        (single + 0.1 < s || same_words).then_some((s, start, end))
    }
}

/// The range of positions on the other side between the partners of `i`'s nearest paired
/// neighbours (at most 12 wide): the reference [`Gaps`] gives in linear time.
#[cfg(test)]
fn gap(i: usize, matched: &[Option<usize>], other_len: usize) -> (usize, usize) {
    let lo = (0..i).rev().find_map(|k| matched[k]).map_or(0, |p| p + 1);
    let hi = (i + 1..matched.len())
        .find_map(|k| matched[k])
        .unwrap_or(other_len);
    let hi = hi.min(other_len).min(lo + 12).max(lo);
    (lo, hi)
}

/// The range of positions on the other side between the partners of a unit's nearest paired
/// neighbours (at most 12 wide), for the units of one side visited in increasing order while
/// only the visited unit's own pairing changes: the nearest pairs before and after are carried
/// along, not searched from each unit (a list of 100,000 unpaired items took 10 s of CPU).
pub(super) struct Gaps {
    /// For each unit, the partner of the nearest paired unit after it, as it was at the start.
    next: Vec<Option<usize>>,
    /// Units before `seen` have been passed; `last` is the partner of the last paired one.
    seen: usize,
    last: Option<usize>,
    other_len: usize,
}

impl Gaps {
    pub(super) fn new(matched: &[Option<usize>], other_len: usize) -> Self {
        let mut next = vec![None; matched.len()];
        let mut after = None;
        for k in (0..matched.len()).rev() {
            next[k] = after;
            if matched[k].is_some() {
                after = matched[k];
            }
        }
        Self {
            next,
            seen: 0,
            last: None,
            other_len,
        }
    }

    /// The range for unit `i` (never smaller than at the previous call), `matched` as it is now.
    pub(super) fn at(&mut self, i: usize, matched: &[Option<usize>]) -> (usize, usize) {
        while self.seen < i {
            if let Some(p) = matched[self.seen] {
                self.last = Some(p);
            }
            self.seen += 1;
        }
        let lo = self.last.map_or(0, |p| p + 1);
        let hi = self.next[i].unwrap_or(self.other_len);
        let hi = hi.min(self.other_len).min(lo + 12).max(lo);
        (lo, hi)
    }
}

#[cfg(test)]
mod gap_tests {
    use super::{gap, Gaps};

    #[test]
    fn gaps_give_what_a_search_from_each_unit_gives() {
        // Units paired here and there, some paired while they are visited, as the aligner does.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for round in 0..200 {
            let n = 1 + round % 40;
            let other = 1 + (round * 7) % 50;
            let mut matched: Vec<Option<usize>> = (0..n)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    x.is_multiple_of(3).then_some((x % other as u64) as usize)
                })
                .collect();
            let mut gaps = Gaps::new(&matched, other);
            for i in 0..n {
                if x.is_multiple_of(2) && matched[i].is_none() {
                    continue;
                }
                assert_eq!(
                    gaps.at(i, &matched),
                    gap(i, &matched, other),
                    "round {round}, unit {i}"
                );
                if matched[i].is_none() && x % 5 == 1 {
                    matched[i] = Some((x % other as u64) as usize);
                }
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
            }
        }
    }
}
