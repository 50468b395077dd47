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
                joined.extend_from_slice(self.own_words_of(others_old, *o));
            }
            joined == self.own_words_of(one_old, one)
        };
        (single + 0.1 < s || same_words).then_some((s, start, end))
    }
}

/// The range of positions on the other side between the partners of `i`'s nearest paired
/// neighbours (at most 12 wide).
pub(super) fn gap(i: usize, matched: &[Option<usize>], other_len: usize) -> (usize, usize) {
    let lo = (0..i).rev().find_map(|k| matched[k]).map_or(0, |p| p + 1);
    let hi = (i + 1..matched.len())
        .find_map(|k| matched[k])
        .unwrap_or(other_len);
    let hi = hi.min(other_len).min(lo + 12).max(lo);
    (lo, hi)
}
