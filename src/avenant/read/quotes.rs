//! Quotations in an avenant sentence: « … » replaced by `§n` markers, and the quoted block
//! of alinéas that follows a sentence ending with « : ».

use super::patterns::{ARTICLE, ITEM};
use super::{err, ReadError, L};

/// Replaces each top-level « … » by `§n` and returns the quoted texts.
pub(super) fn extract_quotes(s: &str) -> (String, Vec<String>) {
    let mut skel = String::with_capacity(s.len());
    let mut quotes = Vec::new();
    let mut depth = 0;
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '«' => {
                if depth > 0 {
                    cur.push(c);
                }
                depth += 1;
            }
            '»' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    skel.push_str(&format!("§{}", quotes.len()));
                    quotes.push(cur.trim().to_string());
                    cur.clear();
                } else {
                    cur.push(c);
                }
            }
            _ if depth > 0 => cur.push(c),
            _ => skel.push(c),
        }
    }
    if depth > 0 {
        // Unclosed quotation: take the rest as quoted.
        skel.push_str(&format!("§{}", quotes.len()));
        quotes.push(cur.trim().to_string());
    }
    (skel, quotes)
}

pub(super) fn balance(s: &str) -> i32 {
    s.chars().fold(0, |b, c| match c {
        '«' => b + 1,
        '»' => b - 1,
        _ => b,
    })
}

/// The quoted alinéas after a sentence ending with « : », from `lines[*j]`; advances `*j`.
/// A quotation runs over several lines either with « opening each alinéa (the French usage) or
/// with « on its first line and » on its last only; one left open to the end of the article is
/// refused, so that it never swallows the instructions after it.
pub(super) fn block(lines: &[L], j: &mut usize) -> Result<Vec<String>, ReadError> {
    let mut out = Vec::new();
    if *j < lines.len() && !lines[*j].text.starts_with('«') {
        // « le paragraphe suivant : » then the text, unquoted.
        let t = &lines[*j].text;
        if !ITEM.is_match(t) && !ARTICLE.is_match(t) {
            out.push(t.trim().to_string());
            *j += 1;
        }
        return Ok(out);
    }
    let start = *j;
    let mut depth = 0;
    while *j < lines.len() {
        let t = lines[*j].text.trim_end();
        let opens = t.starts_with('«');
        if depth == 0 && !opens {
            break;
        }
        *j += 1;
        let body = if opens {
            t.trim_start_matches('«').trim_start()
        } else {
            t
        };
        depth = depth.max(1) + balance(body);
        if depth <= 0 {
            let trimmed = body.trim_end_matches([' ', '.', ';']);
            out.push(match trimmed.strip_suffix('»') {
                Some(b) => b.trim_end().to_string(),
                None => body.to_string(),
            });
            // Alinéas each closed by » follow one another: the block goes on while lines
            // open with « (an instruction never does).
            depth = 0;
            continue;
        }
        out.push(body.to_string());
    }
    if depth > 0 {
        return Err(err(
            lines.get(start).map_or(0, |l| l.n),
            "citation ouverte par « et jamais fermée par » avant la fin de l'article de l'avenant",
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_extracted_with_nesting() {
        let (s, q) = extract_quotes("les mots : « l'« ENA » » sont remplacés par « x »");
        assert_eq!(s, "les mots : §0 sont remplacés par §1");
        assert_eq!(q, ["l'« ENA »", "x"]);
    }
}
