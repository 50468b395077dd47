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
    format!("«{sp}{}{sp}»", typo(&nested_marker(text), style))
}

/// The bullet an act quotes a list item with, by its nesting level: « – » first, then « • »,
/// « ◦ », « ▪ » (a quotation cannot indent, so the marker says the level).
const LEVEL_BULLETS: [char; 4] = ['–', '•', '◦', '▪'];

/// A bullet item as the drafter puts it in an instruction: its level as two spaces each, then
/// « – » (as a Markdown list nests it, which `apply` reads back at that level).
pub fn nested_item_line(level: u8, text: &str) -> String {
    format!("{}– {text}", "  ".repeat(level as usize))
}

/// An item line nested by [`nested_item_line`] as the act quotes it: « • de participer … »
/// for the second level; any other line as it is.
fn nested_marker(line: &str) -> std::borrow::Cow<'_, str> {
    let body = line.trim_start_matches(' ');
    let indent = line.len() - body.len();
    match body.strip_prefix("– ") {
        Some(rest) if indent > 0 && indent.is_multiple_of(2) => {
            let level = (indent / 2).min(LEVEL_BULLETS.len() - 1);
            format!("{} {rest}", LEVEL_BULLETS[level]).into()
        }
        _ => line.into(),
    }
}

/// The lines of a quoted block with their bullets read as levels, the reverse of
/// `nested_marker`: each kind of bullet the block uses is a level, in the order of
/// `LEVEL_BULLETS` (« – » or « - », then « • », « ◦ », « ▪ »), the first used the first
/// level — so that a block bulleted « • » alone (as a word processor bullets) is one level —
/// save that numbered items (« 3. », « 1° ») are the first level when there are some; with a
/// first level, each bullet is the level it stands for (« – » then « ◦ »: levels 0 and 2).
/// A nested item comes out as [`nested_item_line`] writes it.
pub fn nested_bullets(lines: Vec<String>) -> Vec<String> {
    let rank = |c: char| match c {
        '–' | '-' | '—' => Some(0),
        c => LEVEL_BULLETS.iter().position(|b| *b == c),
    };
    let marker = |l: &str| {
        let mut cs = l.chars();
        let c = cs.next()?;
        let r = rank(c)?;
        cs.next()
            .is_some_and(|s| s == ' ' || s == '\u{a0}')
            .then_some(r)
    };
    // A numbered item (« 3. », « 1° », « a) ») stands at the first level: bullets in the same
    // block are under it.
    let mut used: Vec<usize> = lines
        .iter()
        .filter_map(|l| marker(l).or_else(|| crate::normalise::ordered_marker(l).map(|_| 0)))
        .collect();
    used.sort_unstable();
    used.dedup();
    if used.len() < 2 {
        return lines;
    }
    // With a first level written « – » (or numbered), each bullet is its own level, as the
    // drafter quotes them (a level the text skips stays skipped); without, the bullets used are
    // the levels in order.
    let absolute = used.first() == Some(&0);
    lines
        .into_iter()
        .map(|l| match marker(&l) {
            Some(r) => {
                let level = if absolute {
                    r
                } else {
                    used.iter().position(|u| *u == r).unwrap_or(0)
                };
                let c = l.chars().next().map_or(1, char::len_utf8);
                nested_item_line(level as u8, l[c..].trim_start())
            }
            None => l,
        })
        .collect()
}

/// Several alinéas quoted: each opens with «, only the last closes with ».
pub fn quote_block(lines: &[String], style: &Style) -> Vec<String> {
    let sp = style.space;
    let n = lines.len();
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let body = typo(&nested_marker(l), style);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_items_are_quoted_with_the_bullet_of_their_level_and_read_back() {
        let lines: Vec<String> = [
            nested_item_line(0, "D'adhérents. La qualité permet :"),
            nested_item_line(1, "de participer,"),
            nested_item_line(2, "sans veto."),
            nested_item_line(0, "De membres actifs."),
            "Fin de l'article.".to_string(),
        ]
        .to_vec();
        let st = Style::default();
        let quoted = quote_block(&lines, &st);
        assert_eq!(quoted[1], "«\u{a0}• de participer,");
        assert_eq!(quoted[2], "«\u{a0}◦ sans veto.");
        assert_eq!(quoted[3], "«\u{a0}– De membres actifs.");
        // As the reader gets them: quotes and their spaces gone.
        let read: Vec<String> = quoted
            .iter()
            .map(|q| {
                q.trim_start_matches('«')
                    .trim_end_matches('»')
                    .trim_matches(|c: char| c.is_whitespace())
                    .replace('\u{a0}', " ")
            })
            .collect();
        assert_eq!(nested_bullets(read), lines);
        // One kind of bullet is one level, whichever it is.
        let flat = vec!["• a ;".to_string(), "• b.".to_string()];
        assert_eq!(nested_bullets(flat.clone()), flat);
        assert_eq!(
            nested_bullets(vec!["• a :".into(), "◦ b.".into()]),
            [nested_item_line(0, "a :"), nested_item_line(1, "b.")]
        );
        // A level the text skips (items at 0 and 2, as a Markdown indent of four spaces).
        assert_eq!(
            nested_bullets(vec!["– DINUM".into(), "◦ Coach agile".into()]),
            [
                nested_item_line(0, "DINUM"),
                nested_item_line(2, "Coach agile")
            ]
        );
        // Under a numbered point, a bullet is the second level.
        assert_eq!(
            nested_bullets(vec![
                "3. Renn.es ne garantit pas que :".into(),
                "• a ;".into()
            ]),
            [
                "3. Renn.es ne garantit pas que :".to_string(),
                nested_item_line(1, "a ;")
            ]
        );
    }
}
