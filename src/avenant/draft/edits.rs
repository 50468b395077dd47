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
    out
}

pub(super) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
