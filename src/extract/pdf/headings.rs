//! Headings told by their type size: a short line set clearly larger than the body text (a
//! browser's `<h2>`, a word processor's heading style) is written as a Markdown heading.

use super::*;

/// How much larger than the body a line must be set to be a heading: a browser draws `<h3>`
/// at 1.17 em, word processors' heading styles at 13–16 pt over an 11–12 pt body.
const HEADING_SCALE: f64 = 1.12;

/// The most words a heading holds: longer text set large is a cover page's blurb.
const HEADING_WORDS: usize = 30;

/// The fewest lines of one size that make a series of headings.
const SERIES: usize = 3;

/// Above this many words, a large line with a comma reads as a sentence.
const SENTENCE_WORDS: usize = 12;

/// The body's type size: the size most characters of the document are set in.
pub(super) fn body_size(pages: &[(f64, Vec<Line>)]) -> f64 {
    let mut by_size: BTreeMap<i64, usize> = BTreeMap::new();
    for (_, lines) in pages {
        for line in lines {
            let chars: usize = line.segments.iter().map(|s| s.text.chars().count()).sum();
            *by_size.entry((line.size * 2.0).round() as i64).or_default() += chars;
        }
    }
    by_size
        .into_iter()
        .max_by_key(|&(size, chars)| (chars, -size))
        .map_or(0.0, |(size, _)| size as f64 / 2.0)
}

/// Whether a line, by its size and its text, may be (part of) a heading.
pub(super) fn heading_line(line: &Line, text: &str, body: f64) -> bool {
    body > 0.0
        && line.size >= HEADING_SCALE * body
        && !starts_item(text)
        && !text.starts_with('#')
        && text.chars().any(char::is_alphabetic)
}

/// Keeps as headings the candidate blocks that read as headings (a few words, not ending a
/// clause with « , » or « ; ») and gives them their level: the largest size is level 1 when it
/// is the first heading and the only one of its size (the document's title), every other size
/// a level below, in order of size.
pub(super) fn settle(blocks: &mut [Block]) {
    for block in blocks.iter_mut() {
        if let Block::Heading { text, .. } = block {
            let words = text.split_whitespace().count();
            // A long line with a comma is a sentence set large (a charter's opening
            // commitment), not a heading.
            let sentence = words > SENTENCE_WORDS && text.contains(", ");
            // A web address or a file name set large is no heading either.
            let address = words == 1 && text.contains(['.', '/', '@']);
            if words > HEADING_WORDS || sentence || address || text.trim_end().ends_with([',', ';'])
            {
                *block = Block::Text(vec![std::mem::take(text)]);
            }
        }
    }
    let key = |size: f64| (size * 2.0).round() as i64;
    let sizes = heading_sizes(blocks);
    let Some(&first) = sizes.first() else {
        return;
    };
    let count = |k: i64| sizes.iter().filter(|&&s| s == k).count();
    let largest = sizes.iter().copied().max().unwrap_or(first);
    let title = largest == first && count(first) == 1;
    // Headings come in series: a size set for fewer than [`SERIES`] lines is emphasis (a
    // banner, a two-heading leaflet whose layout the text alone reads as well), and a title
    // over no series is a plain line too.
    for block in blocks.iter_mut() {
        if let Block::Heading { size, text, .. } = block {
            let k = key(*size);
            let kept = if title && k == first {
                sizes.iter().any(|&s| s != first && count(s) >= SERIES)
            } else {
                count(k) >= SERIES
            };
            if !kept {
                *block = Block::Text(vec![std::mem::take(text)]);
            }
        }
    }
    let sizes = heading_sizes(blocks);
    let mut distinct: Vec<i64> = sizes.clone();
    distinct.sort_unstable_by(|a, b| b.cmp(a));
    distinct.dedup();
    for block in blocks.iter_mut() {
        if let Block::Heading { size, level, .. } = block {
            let k = key(*size);
            let rank = distinct.iter().position(|&s| s == k).unwrap_or(0);
            let shift = if title { 1 } else { 2 };
            *level = u8::try_from(rank + shift).unwrap_or(6).min(6);
        }
    }
}

/// The size (in half points) of each heading block, in order.
fn heading_sizes(blocks: &[Block]) -> Vec<i64> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { size, .. } => Some((size * 2.0).round() as i64),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(size: f64, text: &str) -> Block {
        Block::Heading {
            size,
            level: 0,
            text: text.into(),
        }
    }

    fn levels(blocks: &[Block]) -> Vec<Option<u8>> {
        blocks
            .iter()
            .map(|b| match b {
                Block::Heading { level, .. } => Some(*level),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_title_over_a_series_of_headings() {
        let mut blocks = vec![
            heading(24.0, "Statuts"),
            heading(18.0, "Objet"),
            Block::Text(vec!["L'association a pour objet…".into()]),
            heading(18.0, "Siège"),
            heading(14.0, "Adresse"),
            heading(18.0, "Durée"),
        ];
        settle(&mut blocks);
        // The single 14 pt heading is no series: a plain line.
        assert_eq!(
            levels(&blocks),
            [Some(1), Some(2), None, Some(2), None, Some(2)]
        );
    }

    #[test]
    fn sentences_addresses_and_pairs_are_no_headings() {
        let mut blocks = vec![
            heading(
                14.0,
                "En tant que responsable de la structure, je m'engage à avoir pris connaissance des conditions",
            ),
            heading(14.0, "aidantsconnect.beta.gouv.fr"),
            heading(14.0, "Je veille au bon embarquement"),
            heading(14.0, "Je veille au quotidien"),
        ];
        settle(&mut blocks);
        assert_eq!(levels(&blocks), [None, None, None, None]);
    }

    #[test]
    fn without_a_single_largest_first_heading_levels_start_at_two() {
        let mut blocks = vec![
            heading(16.0, "Un"),
            heading(16.0, "Deux"),
            heading(13.0, "Deux-un"),
            heading(13.0, "Deux-deux"),
            heading(16.0, "Trois"),
            heading(13.0, "Trois-un"),
        ];
        settle(&mut blocks);
        assert_eq!(
            levels(&blocks),
            [Some(2), Some(2), Some(3), Some(3), Some(2), Some(3)]
        );
    }
}
