//! Footnotes at the foot of a page.
//! Notes are split off each page and rendered as `¹ text` lines.

use super::*;

/// Whether a line opens a footnote: superscript number, then text (`¹ https://…`).
pub(super) fn starts_footnote(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    let mut digits = 0;
    while chars.peek().is_some_and(|c| SUPERSCRIPT_DIGITS.contains(c)) {
        chars.next();
        digits += 1;
    }
    digits > 0 && chars.next().is_some_and(char::is_whitespace)
}

/// Splits off the footnotes at the foot of a page: from the first line in the lower half that
/// opens a footnote, when every later line lies below it. Returns the notes as `¹ text` lines.
pub(super) fn split_footnotes(
    lines: &mut Vec<Line>,
    height: f64,
    lexicon: &Lexicon,
) -> Vec<String> {
    let start = (0..lines.len()).find(|&i| {
        lines[i].y < height * 0.5
            && starts_footnote(&lines[i].text())
            && lines[i + 1..].iter().all(|l| l.y < lines[i].y)
    });
    let Some(start) = start else {
        return Vec::new();
    };
    let mut notes: Vec<String> = Vec::new();
    for line in lines.drain(start..) {
        let text = line.text();
        match notes.last_mut() {
            Some(last) if !starts_footnote(&text) => *last = join_wrapped(last, &text, lexicon),
            _ => notes.push(text),
        }
    }
    notes
}

/// A WeasyPrint endnote (`1. text↩`) rewritten as a footnote line (`¹ text`); `None` otherwise.
pub(super) fn endnote(text: &str) -> Option<String> {
    if !text.contains('↩') {
        return None;
    }
    let body: String = text.chars().filter(|&c| c != '↩').collect();
    let body = body.trim();
    let digits: String = body.chars().take_while(char::is_ascii_digit).collect();
    let rest = body[digits.len()..]
        .strip_prefix('.')
        .or_else(|| body[digits.len()..].strip_prefix(')'))
        .unwrap_or(&body[digits.len()..]);
    if digits.is_empty() {
        return Some(body.to_string());
    }
    let mut out: String = String::new();
    push_glyph_text(&mut out, &digits, true);
    out.push(' ');
    out.push_str(rest.trim());
    Some(out)
}
