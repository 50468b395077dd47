//! Quotations: « » with no-break spaces, quoted blocks of alinéas.

use super::*;

/// French typography for quoted text: no-break space inside « » and before « : ; ? ! ».
pub fn typo(text: &str, style: &Style) -> String {
    let sp = style.space;
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        if *c == ' ' && (matches!(next, Some(':' | ';' | '?' | '!' | '»')) || prev == Some('«')) {
            out.push(sp);
        } else {
            out.push(*c);
        }
    }
    out
}

/// « text » on one line.
pub fn quote(text: &str, style: &Style) -> String {
    let sp = style.space;
    format!("«{sp}{}{sp}»", typo(text, style))
}

/// Several alinéas quoted: each opens with «, only the last closes with ».
pub fn quote_block(lines: &[String], style: &Style) -> Vec<String> {
    let sp = style.space;
    let n = lines.len();
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let body = typo(l, style);
            if i + 1 == n {
                format!("«{sp}{body}{sp}»")
            } else {
                format!("«{sp}{body}")
            }
        })
        .collect()
}

/// « : » preceded by the style's no-break space.
pub(super) fn colon(style: &Style) -> String {
    format!("{}:", style.space)
}
