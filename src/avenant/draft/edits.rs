//! Word edits between two texts, cut at word boundaries: what words instructions quote.

use super::*;

/// Start of the whitespace-separated chunk before `at` (skipping spaces first).
pub(super) fn chunk_start(text: &str, at: usize) -> usize {
    let before = &text[..at];
    let trimmed = before.trim_end();
    match trimmed.rfind(char::is_whitespace) {
        Some(i) => i + trimmed[i..].chars().next().map_or(1, char::len_utf8),
        None => 0,
    }
}

/// End of the whitespace-separated chunk after `at` (skipping spaces first).
pub(super) fn chunk_end(text: &str, at: usize) -> usize {
    let after = &text[at..];
    let lead = after.len() - after.trim_start().len();
    let rest = &after[lead..];
    match rest.find(char::is_whitespace) {
        Some(i) => at + lead + i,
        None => text.len(),
    }
}

/// The substantive word changes between two texts, nearby ones gathered into one edit: two
/// changes of plain words separated by at most two unchanged words are one replacement
/// (« deux cent quatre-vingt-un mille cent soixante » → « trois cent mille »). Typed values
/// (dates, amounts…) stay apart.
pub(crate) fn edits(old: &str, new: &str) -> Vec<WordChange> {
    let mut out: Vec<WordChange> = Vec::new();
    for c in diff_texts(old, new, Field::Text) {
        if c.cosmetic {
            continue;
        }
        if let Some(last) = out.last_mut() {
            let gap_old = old.get(last.old_range.end..c.old_range.start).unwrap_or("");
            let gap_new = new.get(last.new_range.end..c.new_range.start).unwrap_or("");
            let near = word_count(gap_old) <= 2 && collapse(gap_old) == collapse(gap_new);
            // A footnote call stays apart too: it is drafted alone (« est inséré l'appel de
            // note : « ² » »).
            let call = |w: &WordChange| {
                formules::is_note_call(w.old.trim()) || formules::is_note_call(w.new.trim())
            };
            if near
                && value_type(last).is_none()
                && value_type(&c).is_none()
                && !call(last)
                && !call(&c)
            {
                let or = last.old_range.start..c.old_range.end;
                let nr = last.new_range.start..c.new_range.end;
                last.old = old.get(or.clone()).unwrap_or("").to_string();
                last.new = new.get(nr.clone()).unwrap_or("").to_string();
                last.tag = match (last.old.is_empty(), last.new.is_empty()) {
                    (true, _) => ChangeTag::Insert,
                    (_, true) => ChangeTag::Delete,
                    _ => ChangeTag::Replace,
                };
                last.old_range = or;
                last.new_range = nr;
                last.value_type = crate::diff::ValueType::Text;
                continue;
            }
        }
        out.push(c);
    }
    // Whole words only: a change cut inside a hyphenated word, or one that is a lone
    // punctuation mark, takes the words around it (blind2 findings 2 and 3).
    let mut whole: Vec<WordChange> = Vec::with_capacity(out.len());
    for c in out {
        let c = whole_words(old, new, c);
        match whole.last_mut() {
            Some(last)
                if c.old_range.start < last.old_range.end
                    || c.new_range.start < last.new_range.end =>
            {
                // Widened into the change before: one edit.
                let or = last.old_range.start..c.old_range.end.max(last.old_range.end);
                let nr = last.new_range.start..c.new_range.end.max(last.new_range.end);
                last.old = old.get(or.clone()).unwrap_or("").to_string();
                last.new = new.get(nr.clone()).unwrap_or("").to_string();
                last.tag = tag_of(&last.old, &last.new);
                last.old_range = or;
                last.new_range = nr;
                last.value_type = crate::diff::ValueType::Text;
            }
            _ => whole.push(c),
        }
    }
    whole
}

fn tag_of(old: &str, new: &str) -> ChangeTag {
    match (old.trim().is_empty(), new.trim().is_empty()) {
        (true, _) => ChangeTag::Insert,
        (_, true) => ChangeTag::Delete,
        _ => ChangeTag::Replace,
    }
}

/// A letter, a digit or a hyphen: what a word (« deux-tiers ») is made of; a footnote call
/// (« ¹ ») is not part of the word it follows.
fn word_char(c: char) -> bool {
    (c.is_alphanumeric() && !matches!(c, '¹' | '²' | '³' | '⁰'..='⁹'))
        || matches!(c, '-' | '\u{2011}')
}

/// `i` falls between two characters of one word of `text`.
fn inside_word(text: &str, i: usize) -> bool {
    i > 0
        && i < text.len()
        && text.is_char_boundary(i)
        && text[..i].chars().next_back().is_some_and(word_char)
        && text[i..].chars().next().is_some_and(word_char)
}

/// The start of the word `i` falls in (`i` itself when it is at a word's edge).
fn word_start(text: &str, mut i: usize) -> usize {
    while inside_word(text, i) {
        i -= text[..i].chars().next_back().map_or(1, char::len_utf8);
    }
    i
}

/// The end of the word `i` falls in.
fn word_end(text: &str, mut i: usize) -> usize {
    while inside_word(text, i) {
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    i
}

/// Where `text` before `at` ends with the unchanged words `pre` (spaces before `at` aside).
fn back_over(text: &str, at: usize, pre: &str) -> Option<usize> {
    let before = text.get(..at)?;
    if before.ends_with(pre) {
        return Some(at - pre.len());
    }
    let t = before.trim_end();
    t.ends_with(pre).then(|| t.len() - pre.len())
}

/// Where `text` after `at` begins with the unchanged words `post` (spaces after `at` aside).
fn forward_over(text: &str, at: usize, post: &str) -> Option<usize> {
    let after = text.get(at..)?;
    if after.starts_with(post) {
        return Some(at + post.len());
    }
    let lead = after.len() - after.trim_start().len();
    after[lead..]
        .starts_with(post)
        .then(|| at + lead + post.len())
}

/// The change `c` widened to whole words on both sides, the same unchanged letters added to
/// the old and the new words: « -tiers » → « tiers (2/3) » in « les deux-tiers » becomes
/// « deux-tiers » → « deux tiers (2/3) »; a lone punctuation mark (« pour » → « , ») takes the
/// word before it (« générale pour » → « générale, »), or after it at the start. Unchanged
/// when the two texts do not share those letters. Typed values are whole already.
fn whole_words(old: &str, new: &str, mut c: WordChange) -> WordChange {
    let call = formules::is_note_call(c.old.trim()) || formules::is_note_call(c.new.trim());
    if c.value_type != crate::diff::ValueType::Text || call {
        return c;
    }
    let (mut os, mut oe) = (c.old_range.start, c.old_range.end);
    let (mut ns, mut ne) = (c.new_range.start, c.new_range.end);
    if oe > old.len() || ne > new.len() || os > oe || ns > ne {
        return c;
    }
    // Cut inside a word on either side: both take the rest of that word.
    let pre = |os: usize, ns: usize| {
        let a = &old[word_start(old, os)..os];
        let b = &new[word_start(new, ns)..ns];
        if a.len() >= b.len() {
            a.to_string()
        } else {
            b.to_string()
        }
    };
    let p = pre(os, ns);
    if !p.is_empty() {
        if let (Some(a), Some(b)) = (back_over(old, os, &p), back_over(new, ns, &p)) {
            (os, ns) = (a, b);
        }
    }
    let post = {
        let a = &old[oe..word_end(old, oe)];
        let b = &new[ne..word_end(new, ne)];
        if a.len() >= b.len() {
            a.to_string()
        } else {
            b.to_string()
        }
    };
    if !post.is_empty() {
        if let (Some(a), Some(b)) = (forward_over(old, oe, &post), forward_over(new, ne, &post)) {
            (oe, ne) = (a, b);
        }
    }
    // Words replaced by a lone punctuation mark, or the converse: the word before it (after
    // it at the start). Punctuation alone on both sides is left to the drafter, which
    // rewrites the phrase or the alinéa rather than quote a lone mark.
    let bare = |s: &str| !s.trim().is_empty() && !s.chars().any(char::is_alphanumeric);
    let wordy = |s: &str| s.chars().any(char::is_alphanumeric);
    // Old words that begin glued to the word before (« réunit, éventuellement … ») replaced by
    // words that begin with a letter: quoted from the word before, else the new words would
    // be glued to it (« réunitphysiquement »).
    let glued = os < oe
        && old[..os].chars().next_back().is_some_and(word_char)
        && old[os..]
            .chars()
            .next()
            .is_some_and(|c| !word_char(c) && !c.is_whitespace())
        && new[ns..ne]
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
    if glued
        || (bare(&old[os..oe]) && wordy(&new[ns..ne]))
        || (bare(&new[ns..ne]) && wordy(&old[os..oe]))
    {
        let before = old[chunk_start(old, os)..os].trim().to_string();
        let after = old[oe..chunk_end(old, oe)].trim().to_string();
        let left = (!before.is_empty() && before.chars().any(char::is_alphanumeric))
            .then(|| Some((back_over(old, os, &before)?, back_over(new, ns, &before)?)))
            .flatten();
        if let Some((a, b)) = left {
            (os, ns) = (a, b);
        } else if glued {
            // Glued to a word that cannot be quoted with them: left as it is.
        } else if let Some((a, b)) = (!after.is_empty() && after.chars().any(char::is_alphanumeric))
            .then(|| {
                Some((
                    forward_over(old, oe, &after)?,
                    forward_over(new, ne, &after)?,
                ))
            })
            .flatten()
        {
            (oe, ne) = (a, b);
        }
    }
    if (os, oe, ns, ne)
        != (
            c.old_range.start,
            c.old_range.end,
            c.new_range.start,
            c.new_range.end,
        )
    {
        c.old = old[os..oe].to_string();
        c.new = new[ns..ne].to_string();
        c.tag = tag_of(&c.old, &c.new);
        c.old_range = os..oe;
        c.new_range = ns..ne;
    }
    c
}

pub(super) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::edits;

    fn pairs(old: &str, new: &str) -> Vec<(String, String)> {
        edits(old, new)
            .into_iter()
            .map(|c| (c.old.trim().to_string(), c.new.trim().to_string()))
            .collect()
    }

    #[test]
    fn a_hyphenated_word_is_quoted_whole() {
        assert_eq!(
            pairs(
                "prononcée par les deux-tiers au moins des membres",
                "prononcée par les deux tiers (2/3) au moins des membres"
            ),
            vec![("deux-tiers".to_string(), "deux tiers (2/3)".to_string())]
        );
        // A hyphenated word gaining a part.
        assert_eq!(
            pairs(
                "un vice-président est élu",
                "un vice-président-délégué est élu"
            ),
            vec![(
                "vice-président".to_string(),
                "vice-président-délégué".to_string()
            )]
        );
    }

    #[test]
    fn words_replaced_by_a_comma_take_the_word_before() {
        assert_eq!(
            pairs(
                "de manière plus générale pour tout motif jugé grave",
                "de manière plus générale, tout motif jugé grave"
            ),
            vec![("générale pour".to_string(), "générale,".to_string())]
        );
    }

    #[test]
    fn words_glued_to_the_word_before_take_it() {
        // Zeste de Savoir's statuts, article 18: quoting « , éventuellement électroniquement, »
        // alone, replaced by « physiquement », would give « réunitphysiquement ».
        assert_eq!(
            pairs(
                "L'assemblée générale se réunit, éventuellement électroniquement, sur convocation",
                "L'assemblée générale se réunit physiquement sur convocation"
            ),
            vec![(
                "réunit, éventuellement électroniquement,".to_string(),
                "réunit physiquement".to_string()
            )]
        );
        // Deleted, they need no word before them.
        assert_eq!(
            pairs(
                "un obstacle à l'adhésion, sur présentation d'un justificatif. Pour",
                "un obstacle à l'adhésion. Pour"
            ),
            vec![(
                ", sur présentation d'un justificatif".to_string(),
                String::new()
            )]
        );
    }

    #[test]
    fn words_inserted_after_a_word_do_not_take_it() {
        // Mes Aides statuts: an insertion after « bilan » merged with a deletion.
        assert_eq!(
            pairs(
                "et soumet le bilan financier (bilan, compte de résultat et annexe) à l'approbation",
                "et soumet le bilan moral et le bilan financier à l'approbation"
            ),
            vec![(
                "financier (bilan, compte de résultat et annexe)".to_string(),
                "moral et le bilan financier".to_string()
            )]
        );
    }

    #[test]
    fn a_footnote_call_stays_apart_from_its_word() {
        for (o, n) in pairs(
            "le propriétaire du logement-foyer¹ signe",
            "le propriétaire¹ du logement-foyer signe",
        ) {
            assert!(
                !o.contains("propriétaire") || !n.contains("propriétaire¹ du"),
                "{o} → {n}"
            );
        }
    }
}
