//! Remarks on the numbering of a document's articles, once its tree is built: two articles
//! with one number, numbers skipped. A jurist checks them first; the tree is left as it is.

use crate::model::{Diagnostic, Document, NodeKind, Severity};
use std::collections::BTreeMap;

/// Numbers named one by one in a remark; beyond, the remark counts them and names the first.
const NAMED: usize = 5;

/// Adds one warning per kind (duplicated, missing) and per numbering scope (the document, an
/// annex, a Titre whose articles start again at 1): only the whole numbers (« 3 », « 1er »),
/// not « 5 bis », « 2.1 » or « L. 1111-1 », and only between two articles (a text may start
/// at any number).
pub(super) fn remark(doc: &mut Document) {
    // Per scope (the key before `article-N`), the whole numbers in document order.
    let mut scopes: BTreeMap<String, (usize, Vec<u32>)> = BTreeMap::new();
    for (i, n) in doc.nodes.iter().enumerate() {
        if n.kind != NodeKind::Article
            || n
                .parent
                .is_some_and(|p| doc.node(p).kind == NodeKind::Article)
            // « Article 5 : Gratification (suite) »: the same article, continued past a page.
            || n
                .heading
                .as_deref()
                .is_some_and(|h| h.trim_end().to_lowercase().ends_with("(suite)"))
        {
            continue;
        }
        let (scope, last) = match n.key.rsplit_once('/') {
            Some((s, l)) => (s, l),
            None => ("", n.key.as_str()),
        };
        let Some(number) = last
            .strip_prefix("article-")
            .map(|l| l.split_once('~').map_or(l, |(n, _)| n))
            .filter(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|l| l.parse::<u32>().ok())
        else {
            continue;
        };
        scopes
            .entry(scope.to_string())
            .or_insert_with(|| (i, Vec::new()))
            .1
            .push(number);
    }
    let mut scopes: Vec<(String, (usize, Vec<u32>))> = scopes.into_iter().collect();
    // In the order the scopes open in the document.
    scopes.sort_by_key(|(_, (first, _))| *first);
    for (scope, (_, numbers)) in scopes {
        let place = scope_name(doc, &scope);
        let mut seen: BTreeMap<u32, usize> = BTreeMap::new();
        for n in &numbers {
            *seen.entry(*n).or_default() += 1;
        }
        let twice: Vec<(u32, usize)> = seen
            .iter()
            .filter(|(_, c)| **c > 1)
            .map(|(n, c)| (*n, *c))
            .collect();
        if !twice.is_empty() {
            doc.diagnostics.push(
                Diagnostic::new(Severity::Warning, duplicated(&place, &twice)).with_hint(
                    "vérifiez la numérotation : deux articles ne portent pas le même numéro",
                ),
            );
        }
        // Between two articles numbered a then b (b > a + 1, in that order), the numbers
        // a + 1 … b − 1 that no article of the scope has.
        let mut missing: Vec<u32> = Vec::new();
        for w in numbers.windows(2) {
            if w[1] > w[0] + 1 {
                missing.extend((w[0] + 1..w[1]).filter(|k| !seen.contains_key(k)));
            }
        }
        missing.sort_unstable();
        missing.dedup();
        if !missing.is_empty() {
            doc.diagnostics.push(
                Diagnostic::new(Severity::Warning, skipped(&place, &missing))
                    .with_hint("un article abrogé ou supprimé laisse son numéro vide ; sinon, vérifiez la numérotation"),
            );
        }
    }
}

/// « » for the document, « dans l'annexe 1 », « dans le titre II » for a scope of its own.
fn scope_name(doc: &Document, scope: &str) -> String {
    if scope.is_empty() {
        return String::new();
    }
    let Some(id) = doc.get(scope) else {
        return String::new();
    };
    let node = doc.node(id);
    let label = node.label.as_deref().unwrap_or("");
    match node.kind {
        NodeKind::Annexe if label.is_empty() => "dans l'annexe".to_string(),
        NodeKind::Annexe => format!("dans l'annexe {label}"),
        NodeKind::Structure => {
            let kind = node
                .text
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase();
            let article = match kind.as_str() {
                "partie" | "section" | "sous-section" => "la ",
                "titre" | "livre" | "chapitre" | "paragraphe" | "sous-paragraphe" => "le ",
                _ => return format!("dans « {} »", node.text.trim()),
            };
            format!("dans {article}{kind} {label}")
                .trim_end()
                .to_string()
        }
        _ => String::new(),
    }
}

/// « 3, 7 et 12 ».
fn list(numbers: &[u32]) -> String {
    let words: Vec<String> = numbers.iter().map(u32::to_string).collect();
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} et {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// « numérotation des articles : deux articles 3 », « … : 12 numéros portés par plusieurs
/// articles (3, 7, 9, 11, 12…) ».
fn duplicated(place: &str, twice: &[(u32, usize)]) -> String {
    let head = prefix(place);
    if twice.len() > NAMED {
        let first: Vec<u32> = twice.iter().take(NAMED).map(|(n, _)| *n).collect();
        return format!(
            "{head}{} numéros portés par plusieurs articles ({}…)",
            twice.len(),
            first
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let parts: Vec<String> = twice
        .iter()
        .map(|(n, c)| format!("{} articles {n}", count_word(*c)))
        .collect();
    let joined = match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} et {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    };
    format!("{head}{joined}")
}

/// « numérotation des articles : pas d'article 4 », « pas d'articles 4 et 16 », « 312 numéros
/// manquent (5, 17, 23, 40, 41…) ».
fn skipped(place: &str, missing: &[u32]) -> String {
    let head = prefix(place);
    match missing {
        [one] => format!("{head}pas d'article {one}"),
        _ if missing.len() <= NAMED => format!("{head}pas d'articles {}", list(missing)),
        _ => format!(
            "{head}{} numéros manquent ({}…)",
            missing.len(),
            missing
                .iter()
                .take(NAMED)
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn prefix(place: &str) -> String {
    if place.is_empty() {
        "numérotation des articles : ".to_string()
    } else {
        format!("numérotation des articles {place} : ")
    }
}

/// « deux », « trois »… as a count of articles sharing a number.
fn count_word(c: usize) -> String {
    match c {
        2 => "deux".to_string(),
        3 => "trois".to_string(),
        4 => "quatre".to_string(),
        5 => "cinq".to_string(),
        _ => c.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Format, Source};
    use crate::parse::parse;

    fn remarks(text: &str) -> Vec<String> {
        parse(Source {
            path: "t.md".into(),
            format: Format::Text,
            text: text.into(),
        })
        .diagnostics
        .into_iter()
        .filter(|d| d.message.starts_with("numérotation"))
        .map(|d| d.message)
        .collect()
    }

    #[test]
    fn duplicated_and_missing_numbers() {
        // Blind2 finding 10 (PLUG statuts): two articles 3, no article 4.
        assert_eq!(
            remarks("# Statuts\n\n## Article 1 – Objet\n\nUn.\n\n## Article 2 – Nom\n\nNom.\n\n## Article 3 – Siège\n\nDeux.\n\n## Article 3 – Durée\n\nTrois.\n\n## Article 5 – Fin\n\nQuatre.\n"),
            [
                "numérotation des articles : deux articles 3",
                "numérotation des articles : pas d'article 4"
            ]
        );
        // Blind finding 15 (GENAS): 4 then 6; « 1er », « 2 bis » and sub-articles are counted
        // as the numbers they are, or not at all.
        assert_eq!(
            remarks("Convention\n\nArticle 1er\n\nUn.\n\nArticle 2\n\nDeux.\n\n2.1 Détail\n\nTexte.\n\nArticle 2 bis\n\nTexte.\n\nArticle 4\n\nQuatre.\n\nArticle 6\n\nSix.\n"),
            ["numérotation des articles : pas d'articles 3 et 5"]
        );
        // « Article 5 : Gratification (suite) » continues article 5 (esup notice).
        assert!(remarks("Convention\n\nArticle 5 : Gratification\n\nUn.\n\nArticle 5 : Gratification (suite)\n\nDeux.\n\nArticle 6 : Fin\n\nFin.\n").is_empty());
        // A text that starts at article 12 (an extract) or numbers 1, 2, 3 says nothing.
        assert!(remarks("Extrait\n\nArticle 12\n\nUn.\n\nArticle 13\n\nDeux.\n").is_empty());
    }

    #[test]
    fn many_gaps_make_one_remark_and_annexes_count_apart() {
        let mut text = String::from("# Code\n\n");
        for n in (1..=40).step_by(3) {
            text.push_str(&format!("## Article {n}\n\nTexte.\n\n"));
        }
        let r = remarks(&text);
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(
            r[0],
            "numérotation des articles : 26 numéros manquent (2, 3, 5, 6, 8…)"
        );
        // An annex numbers its own articles: its gap is its own.
        let r = remarks("Convention\n\nArticle 1er\n\nUn.\n\nArticle 2\n\nDeux.\n\nFait à Paris, le 3 mai 2024.\n\nAnnexe 1 : Règlement\n\nArticle 1er\n\nUn.\n\nArticle 3\n\nTrois.\n");
        assert_eq!(
            r,
            ["numérotation des articles dans l'annexe 1 : pas d'article 2"]
        );
    }
}
