//! Hard-wrapped text (lines cut at 70–80 columns by legal databases and e-mail exports): finds
//! the lines that only continue the line before, so that each paragraph is read as one line.

/// A raw line that takes part in wrapping (not blank, not a drawn table or a rule).
fn prose(raw: &str) -> bool {
    let t = raw.trim();
    !t.is_empty()
        && !raw.contains('\t')
        && !t.starts_with(['|', '+'])
        && !t.chars().all(|c| matches!(c, '-' | '=' | '_' | '*' | ' '))
}

/// A drawn table line or a separator rule (`+---+`, `| a |`, `--`, `***`): never a continuation.
fn rule(t: &str) -> bool {
    let t = t.trim();
    t.starts_with(['|', '+']) || t.chars().all(|c| matches!(c, '-' | '=' | '_' | '*' | ' '))
}

/// Dot leaders before a page number, as tables of contents draw them (« Objet ...... 5 »).
fn leaders(t: &str) -> bool {
    let body = t.trim_end().trim_end_matches(|c: char| c.is_ascii_digit());
    body.len() < t.trim_end().len()
        && (body.trim_end().ends_with("....") || body.trim_end().ends_with("……"))
}

/// Final punctuation: a line ending with one of these may end its paragraph.
fn ends_complete(t: &str) -> bool {
    t.ends_with(['.', ';', ':', '!', '?', '…', '»', ')'])
}

/// A line that may open a paragraph of its own: capital, digit, bullet, heading, quote.
fn opens(t: &str) -> bool {
    t.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "#-–—•*«\"{[".contains(c))
}

/// A list item's marker: a bullet, `1.`, `2°`, `a)` followed by a space.
fn item(t: &str) -> bool {
    let mut chars = t.chars();
    let first = chars.next().unwrap_or(' ');
    if "-–—•*+▪●◦".contains(first) {
        return chars.next() == Some(' ');
    }
    let head: String = t.chars().take_while(|c| c.is_alphanumeric()).collect();
    head.chars().count() <= 3 && t[head.len()..].starts_with(['.', ')', '°'])
}

/// How a raw line joins the line before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Join {
    /// It starts a line of its own.
    No,
    /// It continues the line before, after a space.
    Space,
    /// It continues a word cut at the full width (a long address with no space to break at).
    Glue,
}

/// For each raw line, whether it continues the line before it (the text is hard-wrapped and
/// the line before was full: the first word of this one would not have fitted on it).
pub(super) fn continuations(raws: &[&str]) -> Vec<Join> {
    let mut out = vec![Join::No; raws.len()];
    let widths: Vec<usize> = raws
        .iter()
        .filter(|r| prose(r))
        .map(|r| r.trim_end().len())
        .collect();
    let Some(width) = widths.iter().copied().max() else {
        return out;
    };
    // Wrapped text: no prose line over 120 bytes, and many lines near the widest.
    let near = widths.iter().filter(|w| **w + 20 >= width).count();
    if !(40..=120).contains(&width) || widths.len() < 10 || near * 4 < widths.len() {
        return out;
    }
    // Paragraphs separated by blank lines: then a sentence ending a full line does not end
    // its paragraph (only a list item may follow it). Else (one paragraph a line, as office
    // exports write) a full line ending a sentence, followed by a capital, ends it.
    let blanks = raws.iter().filter(|r| r.trim().is_empty()).count();
    let blank_separated = blanks * 5 >= widths.len();
    // `fold -s` and most mailers leave the blank they cut at the end of the line: when nearly
    // every full line of the document ends with a blank, that blank is what marks a cut, and a
    // full line without one ends its paragraph (« … Marie-Caroline MISSIR » ⏎ « Ci-après … »).
    let full_at = |k: usize| {
        let prev = raws[k - 1].trim_end_matches([' ', '\r']);
        let cur = raws[k].trim();
        let first_word = cur.split([' ', '\t']).next().unwrap_or("");
        prose(prev) && !cur.is_empty() && prev.len() + 1 + first_word.len() + 1 > width
    };
    // (Office exports also leave blanks at the end of paragraphs: then, when short lines end
    // with a blank too, the blank marks nothing.)
    let (mut full, mut blank_ended, mut short, mut short_blank) = (0usize, 0, 0, 0);
    for k in 1..raws.len() {
        let blank = raws[k - 1].trim_end_matches('\r').ends_with([' ', '\t']);
        if full_at(k) {
            full += 1;
            blank_ended += usize::from(blank);
        } else if prose(raws[k - 1]) {
            short += 1;
            short_blank += usize::from(blank);
        }
    }
    let blank_marks_cut =
        blank_ended >= 5 && blank_ended * 10 >= full * 8 && short_blank * 10 <= short;
    // The logical line being built starts with a pipe row not closed yet.
    let mut open_row = false;
    for k in 1..raws.len() {
        let (prev, cur) = (raws[k - 1].trim_end_matches([' ', '\r']), raws[k].trim());
        if out[k - 1] == Join::No {
            open_row = prev.trim_start().starts_with('|');
        }
        if open_row && !prev.ends_with('|') && !cur.is_empty() {
            // A pipe row cut by the wrap: its tail lines up to the closing bar.
            out[k] = Join::Space;
            continue;
        }
        if prev.contains('\t') && !cur.is_empty() && !rule(cur) {
            // A TAB row cut by the wrap (`fold` counts a TAB to the next multiple of 8).
            let shown = prev.chars().fold(0, |col, c| {
                if c == '\t' {
                    col / 8 * 8 + 8
                } else {
                    col + c.len_utf8()
                }
            });
            let first_word = cur.split([' ', '\t']).next().unwrap_or("");
            if shown + 1 + first_word.len() + 1 > width {
                out[k] = Join::Space;
            }
            continue;
        }
        // (A TAB row's tail may hold TABs of its own: only the line before must be prose.)
        // A table-of-contents entry (« Objet ........ 5 ») ends its line.
        if !prose(prev) || cur.is_empty() || cur.starts_with(['|', '+']) || leaders(prev) {
            continue;
        }
        let first_word = cur.split([' ', '\t']).next().unwrap_or("");
        // `fold` breaks a line that would fill the width exactly.
        let full = prev.len() + 1 + first_word.len() + 1 > width;
        let prev_t = prev.trim_start();
        let new_start = if blank_separated {
            item(cur) || cur.starts_with('#')
        } else {
            opens(cur)
        };
        if raws[k - 1].len() == width
            && !raws[k - 1].ends_with(' ')
            && !cur.contains(' ')
            && !rule(cur)
        {
            out[k] = Join::Glue;
        } else if blank_marks_cut {
            let blank = raws[k - 1].trim_end_matches('\r').ends_with([' ', '\t']);
            if full && blank && !rule(cur) {
                out[k] = Join::Space;
            } else if !blank && prev.len() == width && !prev.trim().contains(' ') && !rule(cur) {
                // A word longer than the line (a template field, an address) cut at the width.
                out[k] = Join::Glue;
            }
        } else if full && !(ends_complete(prev_t) && new_start) {
            out[k] = Join::Space;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_continue() {
        let text = "Article 1er : Objet\nLa présente convention a pour objet de définir les conditions dans\nlesquelles les parties coopèrent pour la mise en œuvre du projet de\nservice public numérique.\nArticle 2 : Durée\nLa présente convention est conclue pour une durée de trois ans à\ncompter de sa signature par la dernière des parties, renouvelable.\nElle peut être dénoncée par chacune des parties avec un préavis de\ntrois mois, par lettre recommandée avec accusé de réception adressée.\nFait à Paris.";
        let raws: Vec<&str> = text.split('\n').collect();
        let c: Vec<bool> = continuations(&raws)
            .iter()
            .map(|j| *j != Join::No)
            .collect();
        assert_eq!(
            c,
            [false, false, true, true, false, false, true, false, true, false]
        );
    }

    #[test]
    fn unwrapped_text_is_left_alone() {
        let long = "mot ".repeat(60);
        let text = format!("Titre\n{long}\nsuite en minuscules\nautre ligne");
        let raws: Vec<&str> = text.split('\n').collect();
        assert!(continuations(&raws).iter().all(|c| *c == Join::No));
    }
}
