//! Key derivation, shared by `parse` (which builds the tree) and [`crate::edit::rekey`] (which
//! recomputes keys after edits): one place says what `article-5.1`, `annexe-2/table-1/row-3` are.

use super::headings;
use std::fmt::Write;

/// `parts` one after the other in a string of exactly their length: a key lives as long as
/// its tree (90,000 of them for two codes), so it is made in one allocation, without the
/// slack `format!` leaves when it grows.
fn join(parts: &[&str]) -> String {
    let mut key = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        key.push_str(p);
    }
    key
}

/// `prefix` then `n`, at exactly their length (see [`join`]).
fn numbered(prefix: &[&str], n: usize) -> String {
    let digits = n.checked_ilog10().map_or(1, |d| d as usize + 1);
    let mut key = String::with_capacity(prefix.iter().map(|p| p.len()).sum::<usize>() + digits);
    for p in prefix {
        key.push_str(p);
    }
    // Writing to a String cannot fail, and the capacity holds the digits.
    let _ = write!(key, "{n}");
    key
}

/// An alinéa or list item: the `n`-th alinéa-like child of `parent`.
pub fn alinea(parent: &str, n: usize) -> String {
    numbered(&[parent, "/al-"], n)
}

/// The `n`-th table of `parent`.
pub fn table(parent: &str, n: usize) -> String {
    numbered(&[parent, "/table-"], n)
}

/// The `n`-th row of a table.
pub fn row(table: &str, n: usize) -> String {
    numbered(&[table, "/row-"], n)
}

/// An article numbered `number` (key form: `1`, `5-bis`, `5.1`, `L1111-1`), prefixed by the
/// key of the annex holding it, if any (`annexe-1/article-2`).
pub fn article(annex: Option<&str>, number: &str) -> String {
    match annex {
        Some(a) => join(&[a, "/article-", number]),
        None => join(&["article-", number]),
    }
}

/// An annex, from its label (`annexe-2`, `annexe-b`, or `annexe` when unnumbered).
pub fn annex(label: Option<&str>) -> String {
    match label {
        Some(n) => format!("annexe-{}", headings::slug(n)),
        None => "annexe".to_string(),
    }
}

/// A structure heading (Titre, Chapitre…), below its enclosing structure if any.
pub fn structure(parent: Option<&str>, slug: &str) -> String {
    match parent {
        Some(p) => join(&[p, "/", slug]),
        None => slug.to_string(),
    }
}

/// The `n`-th party of the « Entre … Et … » block.
pub fn party(n: usize) -> String {
    format!("parties/partie-{n}")
}

/// A footnote, by its label.
pub fn note(label: &str) -> String {
    format!("notes/note-{label}")
}

/// The key number of an article whose heading line is `text`, read by the recognisers parse
/// uses (« Article 5 bis » → `5-bis`, « 5.1 Montant » → `5.1`, « II – Durée » → `II`).
pub fn article_number(text: &str) -> Option<String> {
    headings::article(text, true)
        .or_else(|| headings::sub_article(text))
        .or_else(|| headings::numbered(text))
        .or_else(|| headings::section(text).map(|(a, _)| a))
        .map(|a| a.number)
}

/// The key segment of a structure heading line (`titre-ii`, `division-ii`, `chapitre-ier`).
pub fn structure_slug(text: &str) -> String {
    if let Some(s) = headings::structure(text, true) {
        return s.slug;
    }
    if let Some((label, _)) = headings::division(text) {
        return headings::slug(&format!("division {label}"));
    }
    let slug = headings::slug(text);
    if slug.is_empty() {
        "section".to_string()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_made_at_their_length() {
        for (key, text) in [
            (alinea("article-L1111-1", 3), "article-L1111-1/al-3"),
            (alinea("a", 10), "a/al-10"),
            (alinea("a", 0), "a/al-0"),
            (table("annexe-2", 1), "annexe-2/table-1"),
            (row("annexe-2/table-1", 123), "annexe-2/table-1/row-123"),
            (article(Some("annexe-1"), "2"), "annexe-1/article-2"),
            (article(None, "5-bis"), "article-5-bis"),
            (
                structure(Some("partie-legislative"), "livre-ii"),
                "partie-legislative/livre-ii",
            ),
        ] {
            assert_eq!(key, text);
            assert_eq!(key.capacity(), key.len(), "{key}");
        }
    }
}
