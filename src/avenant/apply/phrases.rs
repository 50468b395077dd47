//! Phrases of an alinéa: where each one starts and ends, and the edits that rewrite, add,
//! insert or delete one.

use super::*;

const ABBREVIATIONS: &[&str] = &[
    "M", "MM", "Mme", "Mmes", "Mlle", "Dr", "Pr", "art", "Art", "cf", "Cf", "etc", "p", "pp", "n",
    "no", "al", "av", "bd", "St", "Ste", "vol", "éd", "chap", "env", "min", "max", "ex",
];

/// Byte ranges of the phrases of an alinéa (each with its final punctuation).
pub fn phrases(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // Closing quotes or brackets stay with the phrase.
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '»' | ')' | '"') {
                j += 1;
            }
            let next_is_space = j < chars.len() && chars[j].1 == ' ';
            let after = chars.get(j + 1).map(|x| x.1);
            let starts_phrase = after.is_some_and(|a| a.is_uppercase() || a == '«');
            let word_before: String = text[..pos]
                .rsplit(|ch: char| !ch.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_string();
            let abbreviation = c == '.'
                && (ABBREVIATIONS.contains(&word_before.as_str())
                    || word_before.chars().count() == 1
                        && word_before.chars().all(char::is_uppercase));
            if next_is_space && starts_phrase && !abbreviation {
                let end = chars.get(j).map(|x| x.0).unwrap_or(text.len());
                out.push((start, end));
                start = chars.get(j + 1).map(|x| x.0).unwrap_or(text.len());
                i = j + 1;
                continue;
            }
        }
        let _ = pos;
        i += 1;
    }
    if start < text.len() {
        out.push((start, text.trim_end().len().max(start)));
    }
    out
}

/// End of the phrase containing `pos`, final punctuation excluded.
pub(super) fn phrase_end(text: &str, pos: usize) -> usize {
    let end = phrases(text)
        .into_iter()
        .find(|r| r.0 <= pos && pos < r.1)
        .map(|r| r.1)
        .unwrap_or(text.len());
    let part = &text[..end];
    part.trim_end_matches(['.', '!', '?', '…', ';', ' ']).len()
}

/// The one text the target designates (an alinéa, an item, or a phrase of one), with the range.
pub(super) fn single_text(doc: &Document, t: &Target) -> Result<(NodeId, (usize, usize)), String> {
    let (_, leaf) = match resolve_leaf(doc, t)? {
        Some(x) => x,
        None => {
            // A unit with a single alinéa can be named by the unit.
            let unit = resolve_unit(doc, t)?;
            let leaves = doc.alineas(unit);
            match leaves.as_slice() {
                [one] => (unit, *one),
                _ => return Err(formules::not_applicable(t)),
            }
        }
    };
    let text = doc.node(leaf).text.clone();
    match t.phrase {
        Some(p) => {
            let ph = phrases(&text);
            let i = p
                .resolve(ph.len())
                .ok_or_else(|| formules::target_missing(t))?;
            Ok((leaf, ph[i - 1]))
        }
        None => Ok((leaf, (0, text.len()))),
    }
}

pub(super) fn phrase_edit(
    doc: &mut Document,
    t: &Target,
    f: impl Fn(&str, (usize, usize)) -> String,
) -> Result<(), String> {
    if t.phrase.is_none() {
        return Err(formules::not_applicable(t));
    }
    let (id, range) = single_text(doc, t)?;
    let text = doc.node(id).text.clone();
    set_text(doc, id, tidy(&f(&text, range)));
    Ok(())
}
