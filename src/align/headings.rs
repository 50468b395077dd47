//! Units reworded in place: between the same paired neighbours, numbered units (divisions,
//! sub-divisions, articles, annexes) left unpaired whose headings still share their words are
//! paired in order, even when renumbered in another scheme (« 2° Nature de l'opération » →
//! « II. Nature du programme »): same place, heading reworded.

use super::{class, has_heading, Aligner, Basis, Match};
use crate::model::NodeId;
use crate::text::fold;

/// Words that say nothing of a heading's subject (articles, prepositions, and the nouns every
/// convention's headings share).
const STOP: &[&str] = &[
    "les",
    "des",
    "une",
    "aux",
    "par",
    "pour",
    "sur",
    "dans",
    "avec",
    "sans",
    "est",
    "sont",
    "qui",
    "que",
    "dont",
    "son",
    "ses",
    "leur",
    "leurs",
    "cette",
    "ces",
    "non",
    "pas",
    "ainsi",
    "entre",
    "selon",
    "convention",
    "presente",
    "article",
    "articles",
    "annexe",
    "annexes",
    "contrat",
    "avenant",
    "dispositions",
    "disposition",
    "relatif",
    "relative",
    "relatives",
    "relatifs",
    "cas",
    "lieu",
];

/// The folded words of a heading that name its subject: three letters or more, not digits,
/// not in [`STOP`], a final « s » dropped, sorted and deduplicated.
pub(super) fn subject_words(heading: &str) -> Vec<String> {
    let folded = fold(heading);
    let mut words: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| !STOP.contains(w))
        // Singular and plural are one subject (« propriétés » / « propriété »).
        .map(|w| w.strip_suffix('s').filter(|s| s.len() >= 3).unwrap_or(w))
        .map(str::to_string)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// Dice coefficient of two sorted sets of words, and the number of words they share.
fn word_dice(a: &[String], b: &[String]) -> (f32, usize) {
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
    if a.is_empty() && b.is_empty() {
        return (0.0, 0);
    }
    (2.0 * common as f32 / (a.len() + b.len()) as f32, common)
}

/// The rank a label gives its unit whatever the numbering scheme: its kind word if any, the
/// value of its number, and its suffix: `2°`, `II`, `B`, `2` → 2; `Titre II bis` →
/// (`titre`, 2, `bis`); `1er` → 1. `None` for a dotted or hyphenated number (`3.2`, `L. 12-1`).
pub(super) fn rank(label: &str) -> Option<(String, i64, String)> {
    let mut tokens: Vec<&str> = label
        .split_whitespace()
        .map(|t| t.trim_end_matches(['.', ')', ':']))
        .filter(|t| !t.is_empty())
        .collect();
    let mut word = String::new();
    if tokens.len() >= 2
        && tokens[0].chars().count() >= 3
        && tokens[0].chars().all(|c| c.is_alphabetic() || c == '-')
        && roman(tokens[0]).is_none()
    {
        word = fold(tokens[0]);
        tokens.remove(0);
    }
    let (&first, rest) = tokens.split_first()?;
    let number = first.trim_end_matches(['°', 'º']);
    let value = if number.eq_ignore_ascii_case("1er")
        || number.eq_ignore_ascii_case("premier")
        || number.eq_ignore_ascii_case("première")
    {
        1
    } else if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) {
        number.parse().ok()?
    } else if let Some(v) = roman(number) {
        v
    } else {
        let mut chars = number.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_ascii_alphabetic() => {
                (c.to_ascii_uppercase() as u8 - b'A') as i64 + 1
            }
            _ => return None,
        }
    };
    let suffix = rest.iter().map(|t| fold(t)).collect::<Vec<_>>().join(" ");
    Some((word, value, suffix))
}

/// Value of an upper-case Roman numeral of two letters or more, or of `I`, `V`, `X` alone
/// (other single letters are letters: `C.` is the third point, not 100).
fn roman(s: &str) -> Option<i64> {
    if s.chars().count() == 1 && !matches!(s, "I" | "V" | "X") {
        return None;
    }
    super::renumber::roman(s)
}

impl Aligner<'_> {
    /// Pairs, in each run of unpaired units between two paired neighbours, the units with a
    /// heading whose subject words still agree with one of the other side's, in order (the
    /// monotone matching of greatest weight). A pair is admitted when the headings share half
    /// their subject words, or share one and either the contents are alike (≥
    /// [`AlignOptions::label_similarity`]) or the two numbers give the same rank in their
    /// schemes (`2°` and `II`).
    pub(super) fn reworded_headings(
        &mut self,
        olds: &[NodeId],
        news: &[NodeId],
        m_old: &mut [Option<usize>],
        m_new: &mut [Option<usize>],
        matches: &mut Vec<Match>,
    ) {
        let mut i = 0;
        while i < olds.len() {
            if m_old[i].is_some() {
                i += 1;
                continue;
            }
            let start = i;
            while i < olds.len() && m_old[i].is_none() {
                i += 1;
            }
            let lo = (0..start).rev().find_map(|k| m_old[k]).map_or(0, |p| p + 1);
            let hi = (i..olds.len()).find_map(|k| m_old[k]).unwrap_or(news.len());
            if lo >= hi {
                continue;
            }
            let run_old: Vec<usize> = (start..i).filter(|k| self.headed(true, olds[*k])).collect();
            let run_new: Vec<usize> = (lo..hi)
                .filter(|k| m_new[*k].is_none() && self.headed(false, news[*k]))
                .collect();
            if run_old.is_empty() || run_new.is_empty() || run_old.len() * run_new.len() > 2500 {
                continue;
            }
            // The step the numbers took before the run (its paired neighbour's), if any.
            let base = start
                .checked_sub(1)
                .and_then(|k| Some((olds[k], news[m_old[k]?])))
                .and_then(|(o, n)| self.rank_step(o, n))
                .unwrap_or(0);
            for (a, b, s) in self.best_in_order(olds, news, &run_old, &run_new, base) {
                m_old[a] = Some(b);
                m_new[b] = Some(a);
                matches.push((a, b, Basis::Rank, s));
            }
        }
    }

    /// Whether two divisions with the same number at the same place are two subjects, their
    /// headings sharing no word, while one of them shares half its heading's words with another
    /// unit nearby: an unpaired sibling (a division inserted before « VI. Application » took
    /// its number: old VI is new VII) or a sub-division, of a sibling or of the unit itself
    /// (sections 1 to 6 of a chapter became the sub-sections 1 to 6 of its new section 1).
    /// Then the number does not pair them; [`Aligner::reworded_headings`] or the moves across
    /// parents pair each with its subject.
    pub(super) fn subject_elsewhere(
        &self,
        olds: &[NodeId],
        news: &[NodeId],
        i: usize,
        j: usize,
        m_old: &[Option<usize>],
        m_new: &[Option<usize>],
    ) -> bool {
        let (o, n) = (olds[i], news[j]);
        if !self.headed(true, o) || !self.headed(false, n) {
            return false;
        }
        let words = |old_side: bool, id: NodeId| {
            let side = if old_side { &self.old } else { &self.new };
            subject_words(side.doc.node(id).heading.as_deref().unwrap_or(""))
        };
        let (wo, wn) = (words(true, o), words(false, n));
        if wo.is_empty() || wn.is_empty() || word_dice(&wo, &wn).1 > 0 {
            return false;
        }
        let near = |k: usize, len: usize| k.saturating_sub(12)..(k + 13).min(len);
        let kind_o = class(self.old.kind(o));
        // The other units a subject may have gone to: the unpaired siblings nearby, their
        // sub-divisions, and the sub-divisions of the unit itself (one level down).
        let places = |old_side: bool, list: &[NodeId], at: usize, taken: &[Option<usize>]| {
            let side = if old_side { &self.old } else { &self.new };
            let mut out: Vec<NodeId> = Vec::new();
            for k in near(at, list.len()) {
                if k != at && taken[k].is_none() && class(side.kind(list[k])) == kind_o {
                    out.push(list[k]);
                }
                if k == at || taken[k].is_none() {
                    out.extend(
                        side.doc
                            .children(list[k])
                            .iter()
                            .filter(|c| side.kind(**c) == crate::model::NodeKind::Structure),
                    );
                }
            }
            out
        };
        let agrees = |old_side: bool, id: NodeId, with: &[String]| {
            self.headed(old_side, id) && word_dice(with, &words(old_side, id)).0 >= 0.5
        };
        places(false, news, j, m_new)
            .into_iter()
            .any(|k| agrees(false, k, &wo))
            || places(true, olds, i, m_old)
                .into_iter()
                .any(|k| agrees(true, k, &wn))
    }

    /// Whether a unit has a heading of its own (a titled article, annexe or division).
    fn headed(&self, old_side: bool, id: NodeId) -> bool {
        let side = if old_side { &self.old } else { &self.new };
        let node = side.doc.node(id);
        has_heading(node.kind)
            && node
                .heading
                .as_deref()
                .is_some_and(|h| !h.trim().is_empty())
    }

    /// The step from an old unit's rank to a new one's (`None` when either has no rank, or
    /// their kind words differ).
    fn rank_step(&self, o: NodeId, n: NodeId) -> Option<i64> {
        let (on, nn) = (self.old.doc.node(o), self.new.doc.node(n));
        let (ro, rn) = (rank(on.label.as_deref()?)?, rank(nn.label.as_deref()?)?);
        (ro.0 == rn.0).then_some(rn.1 - ro.1)
    }

    /// The weight of pairing two units by their reworded headings, `None` when not admitted.
    /// `expected` is the step their numbers would take if the units inserted and deleted
    /// before them in the run explain it: two units whose ranks differ by another step are
    /// not the same unit renumbered unless their contents say so.
    fn reworded_weight(&mut self, o: NodeId, n: NodeId, expected: i64) -> Option<(f32, f32)> {
        let (on, nn) = (self.old.doc.node(o), self.new.doc.node(n));
        if class(on.kind) != class(nn.kind) {
            return None;
        }
        let (wo, wn) = (
            subject_words(on.heading.as_deref().unwrap_or("")),
            subject_words(nn.heading.as_deref().unwrap_or("")),
        );
        let (h, common) = word_dice(&wo, &wn);
        if common == 0 {
            return None;
        }
        // Same rank in any scheme (« 2° » and « II »), or ranks apart by the expected step;
        // units without a rank are judged by their headings alone.
        let (rank_o, rank_n) = (
            on.label.as_deref().and_then(rank),
            nn.label.as_deref().and_then(rank),
        );
        let (same_rank, rank_fits) = match (&rank_o, &rank_n) {
            (Some(a), Some(b)) => (a == b, a.0 == b.0 && a.2 == b.2 && b.1 - a.1 == expected),
            _ => (false, true),
        };
        let s = self.similarity(o, n);
        ((h >= 0.5 && rank_fits) || s >= self.options.label_similarity || same_rank)
            .then_some((h + s, s))
    }

    /// The monotone matching of greatest total weight between two runs (dynamic programming
    /// over the run lengths): (old index, new index, similarity) in order.
    fn best_in_order(
        &mut self,
        olds: &[NodeId],
        news: &[NodeId],
        run_old: &[usize],
        run_new: &[usize],
        base: i64,
    ) -> Vec<(usize, usize, f32)> {
        let (a, b) = (run_old.len(), run_new.len());
        let mut weight: Vec<Option<(f32, f32)>> = Vec::with_capacity(a * b);
        for (x, &i) in run_old.iter().enumerate() {
            for (y, &j) in run_new.iter().enumerate() {
                // Every unit before them in the run inserted or deleted.
                let expected = base + y as i64 - x as i64;
                weight.push(self.reworded_weight(olds[i], news[j], expected));
            }
        }
        if weight.iter().all(Option::is_none) {
            return Vec::new();
        }
        // best[x][y]: greatest weight using the first x old and first y new units.
        let mut best = vec![0.0f32; (a + 1) * (b + 1)];
        let at = |x: usize, y: usize| x * (b + 1) + y;
        for x in 1..=a {
            for y in 1..=b {
                let mut v = best[at(x - 1, y)].max(best[at(x, y - 1)]);
                if let Some((w, _)) = weight[(x - 1) * b + (y - 1)] {
                    v = v.max(best[at(x - 1, y - 1)] + w);
                }
                best[at(x, y)] = v;
            }
        }
        let mut out = Vec::new();
        let (mut x, mut y) = (a, b);
        while x > 0 && y > 0 {
            let here = best[at(x, y)];
            if here == best[at(x - 1, y)] {
                x -= 1;
            } else if here == best[at(x, y - 1)] {
                y -= 1;
            } else {
                let (_, s) = weight[(x - 1) * b + (y - 1)].unwrap_or((0.0, 0.0));
                out.push((run_old[x - 1], run_new[y - 1], s));
                x -= 1;
                y -= 1;
            }
        }
        out.reverse();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{align, AlignOptions};
    use crate::parse_str;

    /// « old>new:basis » of every division pair.
    fn divisions(old: &str, new: &str) -> Vec<String> {
        let (o, n) = (parse_str("a", old), parse_str("b", new));
        let a = align(&o, &n, &AlignOptions::default());
        let key = |d: &crate::Document, id: Option<NodeId>| {
            id.map_or("-".to_string(), |i| d.node(i).key.clone())
        };
        a.iter()
            .filter(|p| {
                p.old
                    .map(|x| o.node(x).kind)
                    .or(p.new.map(|x| n.node(x).kind))
                    == Some(crate::NodeKind::Structure)
            })
            .map(|p| format!("{}>{}:{}", key(&o, p.old), key(&n, p.new), p.basis.as_str()))
            .collect()
    }

    const BODY: &str =
        "Convention\n\nArticle 1 : Objet\n\nLa convention organise la coopération.\n\n";

    #[test]
    fn a_division_reworded_in_another_scheme_is_paired_at_its_rank() {
        let old = format!(
            "{BODY}TITRE I – Dispositions générales\n\nArticle 2 : Durée\n\nTrois ans.\n\n\
             TITRE II – Engagements financiers de la commune\n\nArticle 3 : Montant\n\n\
             La commune verse dix mille euros.\n"
        );
        let new = format!(
            "{BODY}TITRE 1 – Dispositions générales\n\nArticle 2 : Durée\n\nTrois ans.\n\n\
             TITRE 2 – Engagements de la commune\n\nArticle 3 : Subvention\n\n\
             Une subvention annuelle est attribuée sur demande motivée de l'association.\n"
        );
        let d = divisions(&old, &new);
        assert!(d.iter().any(|x| x.ends_with(":rank")), "{d:?}");
    }

    #[test]
    fn a_deleted_division_and_a_new_one_are_not_paired_by_a_shared_word_alone() {
        // Titre II deleted, a new Titre III added: nothing inserted before it explains the
        // step from II to III, and the contents differ.
        let old = format!(
            "{BODY}Titre I : Dispositions générales\n\nArticle 2 : Durée\n\nTrois ans.\n\n\
             Titre II : Dispositions finales\n\nArticle 3 : Litiges\n\n\
             Le tribunal administratif de Paris est compétent.\n"
        );
        let new = format!(
            "{BODY}Titre I : Dispositions générales\n\nArticle 2 : Durée\n\nTrois ans.\n\n\
             Titre III : Clauses finales\n\nArticle 4 : Clause\n\nLa clause s'applique.\n"
        );
        let d = divisions(&old, &new);
        assert!(!d.iter().any(|x| x.ends_with(":rank")), "{d:?}");
    }

    #[test]
    fn ranks_agree_across_numbering_schemes() {
        assert_eq!(rank("2°"), Some((String::new(), 2, String::new())));
        assert_eq!(rank("2°"), rank("II"));
        assert_eq!(rank("B"), rank("2"));
        assert_eq!(rank("1er"), rank("I"));
        assert_eq!(
            rank("Titre II bis"),
            Some(("titre".into(), 2, "bis".into()))
        );
        assert_ne!(rank("I bis"), rank("I"));
        assert_eq!(rank("3.2"), None);
        assert_eq!(rank("C"), Some((String::new(), 3, String::new())));
    }

    #[test]
    fn subject_words_leave_out_what_every_heading_says() {
        assert_eq!(
            subject_words("Nature de l'opération et financement."),
            ["financement", "nature", "operation"]
        );
        assert_eq!(
            subject_words("Origine des propriétés :"),
            subject_words("Origine de propriété")
        );
        assert_eq!(subject_words("Durée de la présente convention"), ["duree"]);
    }
}
