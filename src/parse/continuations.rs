//! Re-joining of paragraphs cut by a page break or a hard wrap, before the tree is built:
//! a line continuing a sentence joins the line it continues.

use super::headings;
use crate::normalise::{is_superscript_digit, Form, Line};

/// Final punctuation: a line ending with one of these is complete.
fn ends_complete(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| is_superscript_digit(c) || c == '*');
    t.ends_with(['.', ';', ':', '!', '?', '…', '»'])
}

/// A line that opens a unit (never the tail of a split paragraph).
pub(super) fn opens_unit(line: &Line) -> bool {
    let t = &line.text;
    matches!(line.form, Form::Heading(_))
        || headings::article(t, false).is_some()
        || headings::structure(t, false).is_some()
        || headings::annex(t).is_some()
        || headings::sub_article(t).is_some()
        || headings::preamble(t)
}

/// Starts in lower case, possibly behind an opening parenthesis (« (verrouiller l'ordinateur… »).
fn continues_in_lower_case(text: &str) -> bool {
    text.trim_start_matches('(')
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// A text opening with a parenthesis that it closes (« (hors vacances scolaires) »,
/// « (demande de rajout …) précisez … »): whatever the lines later joined to it, the same
/// answer.
fn opens_with_parenthesis(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with('(') && t.contains(')')
}

/// Re-joins a paragraph split by a page break or a hard wrap: a plain line, or an item, that
/// ends without final punctuation, followed by a plain line starting in lower case.
pub(super) fn join_continuations(mut lines: Vec<Line>) -> Vec<Line> {
    // In place: `lines[..kept]` are the lines kept so far (a code has tens of thousands of
    // lines: no second vector of them).
    let mut kept = 0;
    for i in 0..lines.len() {
        if kept > 0 {
            let (done, rest) = lines.split_at_mut(i);
            let (prev, line) = (&mut done[kept - 1], &rest[0]);
            let prev_ok = matches!(prev.form, Form::Plain | Form::Item { .. })
                && !ends_complete(&prev.text)
                && !headings::part_end(&prev.text);
            let cur_ok = line.form == Form::Plain
                && continues_in_lower_case(&line.text)
                // Past a blank line, a lone word (« aidantsconnect.beta.gouv.fr ») is a
                // line of its own, not the tail of a paragraph cut by a page break.
                && (!line.blank_before || line.text.contains(' '))
                // Past a blank line, a paragraph opening with a whole parenthesis (« (hors
                // vacances scolaires et jours fériés) ») is a remark of its own.
                && !(line.blank_before && opens_with_parenthesis(&line.text))
                && !headings::part_end(&line.text)
                && !headings::and(&line.text);
            if prev_ok && cur_ok && !opens_unit(prev) {
                prev.text.push(' ');
                prev.text.push_str(&line.text);
                prev.span = prev.span.cover(line.span);
                continue;
            }
        }
        lines.swap(kept, i);
        kept += 1;
    }
    lines.truncate(kept);
    lines
}
