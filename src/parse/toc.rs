//! Tables of contents (« SOMMAIRE », « Article 3 : Titre …… 5 », dot leaders, page numbers):
//! found before the tree is built, kept out of the body in a `sommaire` block, words kept.

use crate::normalise::{Form, Line};

/// A « Sommaire » / « Table des matières » heading line.
fn toc_heading(text: &str) -> bool {
    if text.len() > 40 {
        return false;
    }
    let t = text
        .trim()
        .trim_end_matches([':', '.', ' '])
        .trim_start_matches('#')
        .trim();
    // Numbered as the sections it lists (« 1. Sommaire », then « 2. Objet »…).
    let t = t
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .strip_prefix(['.', ')'])
        .filter(|_| t.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(t)
        .trim()
        .to_lowercase();
    matches!(
        t.as_str(),
        "sommaire" | "table des matières" | "table des matieres" | "table of contents"
    )
}

/// The page number closing a table-of-contents entry: the last word (or last non-empty cell)
/// is 1 to 3 digits, and words stand before it.
fn ends_with_page(line: &Line) -> bool {
    let last = match &line.form {
        Form::Row(cells) => cells
            .iter()
            .rev()
            .find(|c| !c.trim().is_empty())
            .map(|c| c.trim().to_string()),
        _ => line
            .text
            .trim_end()
            .rsplit([' ', '\t', '.', '…'])
            .next()
            .map(str::to_string),
    };
    let Some(last) = last else { return false };
    let digits = !last.is_empty() && last.len() <= 3 && last.chars().all(|c| c.is_ascii_digit());
    digits && line.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// An entry that is a link to a place in the document, as a table of contents made of links
/// reads once its markup is gone (« 2. Objet (cgu.md#_toc1) », « Objet (#objet) »): words,
/// then the link's target alone in parentheses, a fragment `#…` in it.
fn anchor_link(text: &str) -> bool {
    let Some(inner) = text.trim_end().strip_suffix(')') else {
        return false;
    };
    let Some(open) = inner.rfind('(') else {
        return false;
    };
    let target = &inner[open + 1..];
    target.contains('#')
        && !target.contains(char::is_whitespace)
        && inner[..open].chars().any(char::is_alphabetic)
}

/// Links to places of the document in a row, at least this many without a « Sommaire »
/// heading over them, make a table of contents.
const LINK_ENTRIES: usize = 3;

/// Dot leaders before a page number (« Objet ........ 5 », « Objet …… 5 », « Objet _ _ _ 5 »).
fn dot_leaders(text: &str) -> bool {
    let t = text.trim_end();
    if !t.ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let body = t.trim_end_matches(|c: char| c.is_ascii_digit()).trim_end();
    if body.len() == t.len() {
        return false;
    }
    let tail: String = body
        .chars()
        .rev()
        .take_while(|c| matches!(c, '.' | '…' | ' ' | '_' | '·'))
        .collect();
    let dots = tail
        .chars()
        .filter(|c| *c == '.' || *c == '_' || *c == '·')
        .count()
        + 3 * tail.chars().filter(|c| *c == '…').count();
    dots >= 4
}

/// Indexes (in `lines`) of the lines that make up tables of contents: a « Sommaire » heading
/// and the entries after it that end with a page number or link to a place of the document
/// (an entry cut over two lines keeps its first part), any run of dot-leader entries, and
/// any run of [`LINK_ENTRIES`] links to places of the document.
pub(super) fn toc_lines(lines: &[&Line]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        if toc_heading(&l.text) && !matches!(l.form, Form::Item { .. }) {
            let start = i;
            let mut j = i + 1;
            let mut entries = 0;
            loop {
                match lines.get(j) {
                    Some(n)
                        if ends_with_page(n) || dot_leaders(&n.text) || anchor_link(&n.text) =>
                    {
                        entries += 1;
                        j += 1;
                    }
                    // An entry cut over two lines: its first part has no page number.
                    Some(n)
                        if lines.get(j + 1).is_some_and(|m| ends_with_page(m))
                            && !n.text.ends_with(['.', ';', ':'])
                            && entries > 0 =>
                    {
                        j += 2;
                        entries += 1;
                    }
                    _ => break,
                }
            }
            if entries >= 2 {
                out.extend(start..j);
                i = j;
                continue;
            }
        }
        // Links to the document's own places, one after the other: its table of contents.
        let links = lines[i..]
            .iter()
            .take_while(|n| anchor_link(&n.text))
            .count();
        if links >= LINK_ENTRIES {
            out.extend(i..i + links);
            i += links;
            continue;
        }
        // « Fait à X, le ______ 2025 »: a date left blank to sign, not an entry and its page.
        if dot_leaders(&l.text) && !super::headings::signed(&l.text) {
            out.push(i);
        }
        i += 1;
    }
    out
}

/// The wording of a heading as entries and body lines are compared: lower case, spaces
/// folded, curly apostrophes straightened.
pub(super) fn heading_key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['’', '‘'], "'")
        .to_lowercase()
}

/// The titles the table of contents lists without a number, page left out (« Avant-propos 3 »
/// → `avant-propos`): a body line worded as one of them is a heading, where the document's
/// automatic numbering was lost (PDF text layers, text exports). A numbered entry (« 3.1
/// Objet 6 ») is found in the body by its number: its bare wording (an « Objet » inside
/// another article) names nothing.
pub(super) fn titles(entries: &[&Line]) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    for l in entries {
        if toc_heading(&l.text) || !ends_with_page(l) && !dot_leaders(&l.text) {
            continue;
        }
        let text = match &l.form {
            Form::Row(cells) => {
                let filled: Vec<&String> = cells.iter().filter(|c| !c.trim().is_empty()).collect();
                match filled.split_last() {
                    Some((_, rest)) => rest
                        .iter()
                        .map(|c| c.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                    None => continue,
                }
            }
            _ => l
                .text
                .trim_end()
                .trim_end_matches(|c: char| c.is_ascii_digit())
                .to_string(),
        };
        let text = text.trim_end_matches(['.', '…', ' ', '_', '·', '\t']);
        let numbered = text.split_whitespace().next().is_some_and(|w| {
            w.chars().next().is_some_and(|c| c.is_ascii_digit())
                && w.chars().all(|c| c.is_ascii_digit() || c == '.')
        });
        if numbered {
            continue;
        }
        let title = heading_key(text);
        if title.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
            out.insert(title);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Format, Source};
    use crate::normalise::normalise;

    fn lines(text: &str) -> Vec<Line> {
        normalise(&Source {
            path: "t".into(),
            format: Format::Text,
            text: text.into(),
        })
        .lines
    }

    #[test]
    fn dot_leaders_and_page_numbers() {
        assert!(dot_leaders("Article 3 : Durée ........................ 5"));
        assert!(dot_leaders("Article 3 : Durée …… 12"));
        assert!(dot_leaders("Objet _ _ _ _ _ 4"));
        assert!(!dot_leaders("Le montant est de 5"));
        assert!(!dot_leaders("Voir l'article 3..."));
    }

    #[test]
    fn entries_give_their_titles_without_number_or_page() {
        let ls = lines("SOMMAIRE\n\nAvant-propos 3\n\n2.1 Stratégie numérique de l’État 3\n\nObjet ........ 6\n\nPrésentation\t3\n");
        let refs: Vec<&Line> = ls.iter().collect();
        let mut t: Vec<String> = titles(&refs).into_iter().collect();
        t.sort();
        assert_eq!(t, ["avant-propos", "objet", "présentation"]);
    }

    #[test]
    fn a_sommaire_of_links_to_the_documents_places() {
        // Blind2 finding 23: the démarches-simplifiées CGU's « ## 1. Sommaire » over link
        // headings (`## [2. Objet](cgu.md#\_toc1)`), then the body's numbered sections.
        let ls = lines("# CGU\n\n## 1. Sommaire\n\n## [2. Objet](cgu.md#\\_toc1)\n\n### [a. Présentation](cgu.md#\\_toc2)\n\n## [3. Durée](cgu.md#\\_toc3)\n\n## 2 . Objet <a href=\"#_toc1\" id=\"_toc1\"></a>\n\nVoir le [site](https://x.fr/#haut).\n");
        let refs: Vec<&Line> = ls.iter().collect();
        assert_eq!(toc_lines(&refs), [1, 2, 3, 4]);
        // A list of links without a heading, as GitHub and pandoc (`--toc`) write one; a
        // sentence that ends on a link is no entry.
        let ls = lines("# Statuts\n\n- [Article 1er – Formation](#article-1er--formation)\n- [Article 2 – Objet](#article-2--objet)\n- [Article 3 – Siège](#article-3--siège)\n\n## Article 1er – Formation\n\nIl est fondé une association (voir #statuts).\n\nVoir le [site](https://x.fr/#haut)\n");
        let refs: Vec<&Line> = ls.iter().collect();
        assert_eq!(toc_lines(&refs), [1, 2, 3]);
        assert!(!anchor_link("Voir le site (https://x.fr/ #haut)"));
        assert!(!anchor_link("(#haut)"));
    }

    #[test]
    fn a_sommaire_block_ends_at_the_first_line_without_page() {
        let ls = lines("Convention\n\nSOMMAIRE\n\nArticle 1 : Objet 2\n\nArticle 2 : Un titre long\n\ncoupé sur deux lignes 3\n\nArticle 3 : Durée 4\n\nPréambule\n\nArticle 1 : Objet\n\nLe texte.");
        let refs: Vec<&Line> = ls.iter().collect();
        let toc: Vec<&str> = toc_lines(&refs)
            .into_iter()
            .map(|i| ls[i].text.as_str())
            .collect();
        assert_eq!(
            toc,
            [
                "SOMMAIRE",
                "Article 1 : Objet 2",
                "Article 2 : Un titre long",
                "coupé sur deux lignes 3",
                "Article 3 : Durée 4"
            ]
        );
    }
}
