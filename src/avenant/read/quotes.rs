//! Quotations in an avenant sentence: « … » replaced by `§n` markers, and the quoted block
//! of alinéas that follows a sentence ending with « : ».

use super::patterns::{ARTICLE, INSTRUCTION_LIKE, ITEM};
use super::{err, ReadError, L};

/// Replaces each top-level « … » by `§n` and returns the quoted texts. Quotations inside
/// quoted text nest (« l'« ENA » »); a » followed by another » is quoted text (the words « » »
/// of an alinéa that ends a quotation); when nesting leaves a quotation open (quoted words
/// holding a « whose » is not quoted: « « Art. 5 »), each quotation closes at its first » not
/// followed by another.
pub(super) fn extract_quotes(s: &str) -> (String, Vec<String>) {
    match scan_quotes(s, true) {
        Some(r) => r,
        None => scan_quotes(s, false).unwrap_or_else(|| (s.to_string(), Vec::new())),
    }
}

/// One reading of the quotations; `None` when `nested` leaves one open (the caller then reads
/// them flat); flat, one left open runs to the end of the sentence.
fn scan_quotes(s: &str, nested: bool) -> Option<(String, Vec<String>)> {
    let mut skel = String::with_capacity(s.len());
    let mut quotes = Vec::new();
    let mut depth = 0;
    let mut cur = String::new();
    for (i, c) in s.char_indices() {
        match c {
            '«' if depth == 0 || nested => {
                if depth > 0 {
                    cur.push(c);
                }
                depth += 1;
            }
            '»' if depth > 0 => {
                let closes = depth == 1 && !s[i + c.len_utf8()..].trim_start().starts_with('»');
                if closes {
                    depth = 0;
                    skel.push_str(&format!("§{}", quotes.len()));
                    quotes.push(cur.trim().to_string());
                    cur.clear();
                } else {
                    if depth > 1 {
                        depth -= 1;
                    }
                    cur.push(c);
                }
            }
            _ if depth > 0 => cur.push(c),
            _ => skel.push(c),
        }
    }
    if depth > 0 {
        if nested {
            return None;
        }
        // Unclosed quotation: take the rest as quoted.
        skel.push_str(&format!("§{}", quotes.len()));
        quotes.push(cur.trim().to_string());
    }
    Some((skel, quotes))
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
    // Nested list items are quoted with the bullet of their level (« – », « • », « ◦ »).
    block_lines(lines, j).map(crate::avenant::formules::nested_bullets)
}

fn block_lines(lines: &[L], j: &mut usize) -> Result<Vec<String>, ReadError> {
    let mut out = Vec::new();
    if *j < lines.len() && !lines[*j].text.starts_with('«') {
        // « le paragraphe suivant : », « un alinéa rédigé comme suit : » then the text,
        // unquoted (the JORF does not quote the text inserted by an annex to an avenant): up
        // to the next instruction, item or article heading.
        while *j < lines.len() {
            let t = &lines[*j].text;
            // A dash item of the text (« – Inter Rhône : 50 % … ») goes on with it; a
            // numbered one (« 2° », « b) ») or a dashed instruction is the next instruction.
            let dash = t.starts_with(['–', '—', '-']);
            let stop = ITEM.is_match(t)
                && !(dash && !out.is_empty() && !INSTRUCTION_LIKE.is_match(t))
                || ARTICLE.is_match(t)
                || !out.is_empty() && (INSTRUCTION_LIKE.is_match(t) || t.starts_with('«'));
            if stop {
                break;
            }
            out.push(t.trim().to_string());
            *j += 1;
        }
        return Ok(out);
    }
    let start = *j;
    // Open: the quotation runs on to the next line. Each line's leading « is the block's
    // own mark (one, never more: an alinéa may itself open with a quotation, « « Art. … »);
    // a line closes the block when it closes more quotations than it opens (« … » » closes
    // the alinéa's own quotation and the block's), so that a quotation inside the quoted text
    // running over several alinéas, each opening with « as French usage has it, never
    // counts as the block's.
    let mut open = false;
    while *j < lines.len() {
        let t = lines[*j].text.trim_end();
        let opens = t.starts_with('«');
        if !open && !opens {
            break;
        }
        *j += 1;
        let body = match t.strip_prefix('«') {
            Some(b) if opens => b.trim_start(),
            _ => t,
        };
        if balance(body) < 0 {
            let trimmed = body.trim_end_matches([' ', '.', ';']);
            out.push(match trimmed.strip_suffix('»') {
                Some(b) => b.trim_end().to_string(),
                None => body.to_string(),
            });
            // Alinéas each closed by » follow one another: the block goes on while lines
            // open with « (an instruction never does).
            open = false;
            continue;
        }
        open = true;
        // « Article 3.2 », then on the next line of the same quotation (no « of its own) the
        // article's title alone, « Révision », as the conventions collectives quote an
        // article: one heading line, « Article 3.2 – Révision ».
        if let Some(last) = out
            .last_mut()
            .filter(|l| !opens && BARE_ARTICLE.is_match(l))
        {
            if is_title_line(body) {
                *last = format!("{} – {}", last.trim(), body.trim());
                continue;
            }
        }
        out.push(body.to_string());
    }
    if open {
        // The old style (1889): each paragraph opened by a straight " that the paragraph's
        // end closes. Only lines that open so are taken, never an instruction; a « left open
        // is a slip, refused.
        let old: Vec<String> = lines[start..]
            .iter()
            .take_while(|l| {
                l.raw.starts_with('"') && l.text.starts_with('«') && !l.text.contains('»')
            })
            .map(|l| l.text.trim_start_matches('«').trim().to_string())
            .collect();
        if !old.is_empty() {
            *j = start + old.len();
            return Ok(old);
        }
        return Err(err(
            lines.get(start).map_or(0, |l| l.n),
            "citation ouverte par « et jamais fermée par » avant la fin de l'article de l'avenant",
        ));
    }
    Ok(out)
}

/// An article's number alone on its line: « Article 3.2 », « Article 5 bis ».
static BARE_ARTICLE: super::patterns::Formula =
    super::patterns::Formula::new(&[&["article"]], || {
        regex::Regex::new(r"(?i)^article\s+\S+(?:\s+(?:bis|ter|quater))?\s*$")
            .expect("valid pattern")
    });

/// A short line that ends without punctuation and opens with a capital: a title, not an
/// alinéa (« Révision », « Durée de la convention »).
fn is_title_line(t: &str) -> bool {
    let t = t.trim();
    t.split_whitespace().count() <= 10
        && t.chars().next().is_some_and(char::is_uppercase)
        && !t.ends_with(['.', ';', ':', '!', '?', '»', ','])
        && !ITEM.is_match(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_extracted_with_nesting() {
        let (s, q) = extract_quotes("les mots : « l'« ENA » » sont remplacés par « x »");
        assert_eq!(s, "les mots : §0 sont remplacés par §1");
        assert_eq!(q, ["l'« ENA »", "x"]);
        // A lone » quoted; a quoted « whose » is not.
        let (s, q) = extract_quotes("Au dernier alinéa, le mot : « » » est supprimé");
        assert_eq!(s, "Au dernier alinéa, le mot : §0 est supprimé");
        assert_eq!(q, ["»"]);
        let (s, q) =
            extract_quotes("les mots : « « Art. 5 » sont remplacés par les mots : « « Art. 6 »");
        assert_eq!(s, "les mots : §0 sont remplacés par les mots : §1");
        assert_eq!(q, ["« Art. 5", "« Art. 6"]);
        let (s, q) = extract_quotes("les mots : « a » » » sont supprimés");
        assert_eq!(
            (s.as_str(), q),
            ("les mots : §0 sont supprimés", vec!["a » »".to_string()])
        );
    }

    fn lines(ts: &[&str]) -> Vec<L> {
        ts.iter()
            .enumerate()
            .map(|(i, t)| L {
                n: i + 1,
                text: t.to_string(),
                raw: t.to_string(),
            })
            .collect()
    }

    #[test]
    fn an_article_title_alone_on_the_next_line_of_the_quotation_is_its_heading() {
        // As the conventions collectives quote an article: one «, the title on its own line.
        let ls = lines(&["« Article 3.2", "Révision", "La convention est révisée. »"]);
        let mut j = 0;
        assert_eq!(
            block(&ls, &mut j).expect("block"),
            ["Article 3.2 – Révision", "La convention est révisée."]
        );
        // Each line opened by its own «, as the drafter writes: the line is an alinéa.
        let ls = lines(&[
            "« Article 3.2",
            "« Révision",
            "« La convention est révisée. »",
        ]);
        let mut j = 0;
        assert_eq!(
            block(&ls, &mut j).expect("block"),
            ["Article 3.2", "Révision", "La convention est révisée."]
        );
    }

    #[test]
    fn a_block_quoting_alineas_that_themselves_quote() {
        // The quoted article holds a quotation over three alinéas, each opening with «.
        let ls = lines(&[
            "« « Art. L. 5134-19-1. – Le contrat est pris par :",
            "« « 1° Soit l'État ;",
            "« « Le montant est fixé. »",
            "« Il entre en vigueur. »",
            "L'article 7 est abrogé.",
        ]);
        let mut j = 0;
        let b = block(&ls, &mut j).expect("block");
        assert_eq!(
            b,
            [
                "« Art. L. 5134-19-1. – Le contrat est pris par :",
                "« 1° Soit l'État ;",
                "« Le montant est fixé. »",
                "Il entre en vigueur.",
            ]
        );
        assert_eq!(j, 4);
        // The last alinéa is itself a quotation; one line alone; a middle alinéa quoting.
        let ls = lines(&[
            "« la mention « apprenti » ou",
            "« « Je jure de remplir mes devoirs. » »",
        ]);
        let mut j = 0;
        assert_eq!(
            block(&ls, &mut j).expect("block"),
            [
                "la mention « apprenti » ou",
                "« Je jure de remplir mes devoirs. »"
            ]
        );
        // « on the first line and » on the last only.
        let ls = lines(&["« premier", "second", "troisième. »", "Suite."]);
        let mut j = 0;
        assert_eq!(
            block(&ls, &mut j).expect("block"),
            ["premier", "second", "troisième."]
        );
        assert_eq!(j, 3);
        // Left open: refused.
        let ls = lines(&["« « premier", "« « second »"]);
        assert!(block(&ls, &mut 0).is_err());
    }
}
