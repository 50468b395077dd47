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
        || headings::is_structure(t, false)
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

/// A line of at most this many words is a caption or a heading-like line, not a sentence cut
/// in its middle.
const SHORT_LINE_WORDS: usize = 8;

/// A text that is one parenthesis and nothing else but final punctuation (« (hors vacances
/// scolaires et jours fériés) », « (demande de rajout …) »), not « (ou les articles) de la
/// loi … », the middle of a sentence cut by a blank line.
fn whole_parenthesis(text: &str) -> bool {
    let t = text.trim();
    let Some(inner) = t.strip_prefix('(') else {
        return false;
    };
    let mut depth = 1usize;
    for (i, c) in inner.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return inner[i + 1..]
                        .chars()
                        .all(|c| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':'));
                }
            }
            _ => {}
        }
    }
    false
}

/// A text opening with a lower-case marker and a capital (« a. Présentation du Service »,
/// « ii) Instructeur »): a sub-division or an entry of its own, never a sentence's tail.
fn opens_with_lower_marker(text: &str) -> bool {
    let marker = text
        .find(['.', ')'])
        .map(|i| (&text[..i], &text[i + 1..]))
        .filter(|(m, _)| {
            (1..=4).contains(&m.len())
                && m.chars().all(|c| c.is_ascii_lowercase())
                && (m.len() == 1 || m.chars().all(|c| matches!(c, 'i' | 'v' | 'x')))
        });
    marker.is_some_and(|(_, rest)| {
        rest.starts_with(char::is_whitespace) && rest.trim_start().starts_with(char::is_uppercase)
    })
}

/// A text that cannot open a sentence: it starts with a comma, a semicolon or a lower-case
/// letter (the middle of a sentence cut by blank lines).
fn is_fragment(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(|c| matches!(c, ',' | ';') || c.is_lowercase())
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
            // A line opening with a comma or a semicolon (« code civil » ⏎ « , à la charge
            // … », Légifrance) is the rest of the sentence too (blind4 finding 6).
            let punctuated = !line.blank_before && line.text.starts_with([',', ';']);
            let cur_ok = line.form == Form::Plain
                && (continues_in_lower_case(&line.text) || punctuated)
                && !opens_with_lower_marker(&line.text)
                // Past a blank line, a lone word (« aidantsconnect.beta.gouv.fr ») is a
                // line of its own, not the tail of a paragraph cut by a page break.
                && (!line.blank_before || line.text.contains(' '))
                // Past a blank line, a paragraph opening with a whole parenthesis (« (hors
                // vacances scolaires et jours fériés) ») is a remark of its own, unless the
                // paragraph before is itself a fragment (« , représentant de l'Etat dans le
                // département » / « (ou dans la région) de , agissant … »).
                && !(line.blank_before
                    && opens_with_parenthesis(&line.text)
                    && !is_fragment(&prev.text)
                    && (whole_parenthesis(&line.text)
                        || prev.text.split_whitespace().count() <= SHORT_LINE_WORDS))
                && !headings::part_end(&line.text)
                && !headings::and(&line.text)
                // « il est convenu ce qui suit : » after a visa ending in a comma is the
                // formula that closes the visas, never the visa's tail.
                && !headings::agreed(&line.text);
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
