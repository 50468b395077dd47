//! Renumbering series: consecutive sibling units (articles, sub-articles, annexes, divisions)
//! whose numbers all shifted by the same step, read from an alignment and reported as one
//! renumbering (« articles 5.2 à 5.6 → 5.1 à 5.5 ») instead of unit by unit.

use super::{Alignment, Pair};
use crate::model::{Document, NodeId, NodeKind};

/// One series of renumbered siblings of one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renumbering {
    pub kind: NodeKind,
    /// (old, new) units of the series, in order.
    pub units: Vec<(NodeId, NodeId)>,
    /// Old and new labels of the first and last units: `5.2`, `5.6` → `5.1`, `5.5`.
    pub old_first: String,
    pub old_last: String,
    pub new_first: String,
    pub new_last: String,
    /// The step every number moved by, new − old: −1 after a deletion, +1 after an insertion.
    pub shift: i64,
}

/// The part of a label before its last number, and that number: `6.1.3` → (`6.1.`, 3),
/// `L. 1233-4` → (`L. 1233-`, 4). A number in another scheme says which in its part: `IV` →
/// (`#R`, 4), `2°` → (`#°`, 2), so that a change of scheme (`2°` → `II`) is a renumbering
/// even when the value stays. `None` without a final number.
fn split_label(label: &str) -> Option<(String, i64)> {
    let label = label.trim();
    if let Some(ordinal) = label.strip_suffix(['°', 'º']) {
        let (head, value) = split_label(ordinal)?;
        return Some((format!("{head}#°"), value));
    }
    let digits = label.len() - label.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 {
        let (head, num) = label.split_at(label.len() - digits);
        return Some((head.to_string(), num.parse().ok()?));
    }
    if label.eq_ignore_ascii_case("1er") || label.eq_ignore_ascii_case("premier") {
        return Some((String::new(), 1));
    }
    // A single letter is a letter (« C. » is the third point), except I, V and X.
    let mut chars = label.chars();
    if let (Some(c @ 'A'..='Z'), None) = (chars.next(), chars.next()) {
        if !matches!(c, 'I' | 'V' | 'X') {
            return Some(("#L".to_string(), (c as u8 - b'A') as i64 + 1));
        }
    }
    roman(label).map(|v| ("#R".to_string(), v))
}

/// A unit's number as numbers are compared: case, spaces and dots aside, and the ordinal of
/// one read as its value: « 1er », « 1re », « 1ère », « 1ᵉʳ », « premier », « première » are 1,
/// « Ier » is I. « Article 1 » and « Article 1er » carry the same number; « 1er bis » is « 1 bis ».
pub(super) fn number_key(label: &str) -> String {
    let compact: String = label
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    for (ordinal, value) in [
        ("première", "1"),
        ("premier", "1"),
        ("1ère", "1"),
        ("1ᵉʳ", "1"),
        ("1er", "1"),
        ("1re", "1"),
        ("ier", "i"),
    ] {
        if let Some(rest) = compact.strip_prefix(ordinal) {
            // « 1er » then a digit is not an ordinal (no such label), nor « ier » a word.
            if !rest.starts_with(|c: char| c.is_alphanumeric()) || rest.starts_with("bis") {
                return format!("{value}{rest}");
            }
        }
    }
    compact
}

/// Value of an upper-case Roman numeral (`IV` → 4): the parser's reading, upper case only
/// (« iv » is a list item, not a number here).
pub(super) fn roman(s: &str) -> Option<i64> {
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    crate::parse::roman_value(s)
        .filter(|v| *v > 0)
        .map(i64::from)
}

/// Every renumbering series of the alignment (two units or more, same kind, same prefix on
/// each side, same shift), depth first.
pub fn renumberings(old: &Document, new: &Document, alignment: &Alignment) -> Vec<Renumbering> {
    let mut out = Vec::new();
    walk(old, new, &alignment.pairs, &mut out);
    out
}

fn walk(old: &Document, new: &Document, pairs: &[Pair], out: &mut Vec<Renumbering>) {
    // (kind, old prefix, new prefix, shift, last old number) of the open series.
    let mut open: Option<(NodeKind, String, String, i64, i64)> = None;
    let mut series: Vec<(NodeId, NodeId)> = Vec::new();
    let close =
        |series: &mut Vec<(NodeId, NodeId)>, shift: Option<i64>, out: &mut Vec<Renumbering>| {
            if let (true, Some(shift)) = (series.len() >= 2, shift) {
                let label = |d: &Document, id: NodeId| d.node(id).label.clone().unwrap_or_default();
                let (f, l) = (series[0], series[series.len() - 1]);
                out.push(Renumbering {
                    kind: old.node(f.0).kind,
                    units: std::mem::take(series),
                    old_first: label(old, f.0),
                    old_last: label(old, l.0),
                    new_first: label(new, f.1),
                    new_last: label(new, l.1),
                    shift,
                });
            }
            series.clear();
        };
    for p in pairs {
        let step = match (p.old, p.new) {
            (Some(o), Some(n)) if p.renumbered && !p.moved => {
                let (on, nn) = (old.node(o), new.node(n));
                match (
                    on.label.as_deref().and_then(split_label),
                    nn.label.as_deref().and_then(split_label),
                ) {
                    // The same number in the same scheme (« 1er » → « 1 »): not a renumbering.
                    (Some((op, ov)), Some((np, nv)))
                        if on.kind == nn.kind && (nv != ov || op != np) =>
                    {
                        Some((o, n, on.kind, op, np, nv - ov, ov))
                    }
                    _ => None,
                }
            }
            // A unit inserted or deleted between renumbered ones does not break the series.
            (None, Some(_)) | (Some(_), None) => continue,
            _ => None,
        };
        match step {
            Some((o, n, kind, op, np, shift, ov)) => {
                let continues = open.as_ref().is_some_and(|(k, p1, p2, s, last)| {
                    *k == kind && *p1 == op && *p2 == np && *s == shift && ov == last + 1
                });
                if !continues {
                    close(&mut series, open.as_ref().map(|o| o.3), out);
                }
                series.push((o, n));
                open = Some((kind, op, np, shift, ov));
            }
            None => {
                close(&mut series, open.as_ref().map(|o| o.3), out);
                open = None;
            }
        }
        walk(old, new, &p.children, out);
    }
    close(&mut series, open.as_ref().map(|o| o.3), out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{align, AlignOptions};
    use crate::parse_str;

    #[test]
    fn labels_split_on_their_last_number() {
        assert_eq!(split_label("6.1.3"), Some(("6.1.".into(), 3)));
        assert_eq!(split_label("L. 1233-4"), Some(("L. 1233-".into(), 4)));
        assert_eq!(split_label("1er"), Some(("".into(), 1)));
        assert_eq!(split_label("bis"), None);
        assert_eq!(split_label("IV"), Some(("#R".into(), 4)));
        assert_eq!(split_label("2°"), Some(("#°".into(), 2)));
        assert_eq!(split_label("C"), Some(("#L".into(), 3)));
    }

    #[test]
    fn the_ordinal_of_one_is_the_number_one() {
        for (a, b) in [
            ("1", "1er"),
            ("1.", "1er"),
            ("1", "premier"),
            ("1 bis", "1er bis"),
            ("1", "1re"),
            ("I", "Ier"),
            ("1", "1ᵉʳ"),
        ] {
            assert_eq!(number_key(a), number_key(b), "{a} / {b}");
        }
        for (a, b) in [
            ("1", "2"),
            ("1", "I"),
            ("1er", "10"),
            ("1 bis", "1"),
            ("I", "II"),
        ] {
            assert_ne!(number_key(a), number_key(b), "{a} / {b}");
        }
    }

    #[test]
    fn article_1_and_article_1er_are_not_renumbered() {
        let old = parse_str(
            "a",
            "Statuts\n\nArticle 1 – Nom\n\nL'association se nomme Renn.es.\n\nArticle 2 – Siège\n\nLe siège est à Rennes.\n",
        );
        let new = parse_str(
            "b",
            "Statuts\n\nArticle 1er – Nom\n\nL'association se nomme Rennes.\n\nArticle 2 – Siège\n\nLe siège est à Rennes.\n",
        );
        let a = align(&old, &new, &AlignOptions::default());
        let first = a
            .pairs
            .iter()
            .find(|p| {
                p.old
                    .is_some_and(|o| old.node(o).label.as_deref() == Some("1"))
            })
            .expect("article 1 paired");
        assert_eq!(
            first.new.map(|n| new.node(n).label.clone()),
            Some(Some("1er".into()))
        );
        assert!(!first.renumbered, "{first:?}");
        assert!(renumberings(&old, &new, &a).is_empty());
    }

    #[test]
    fn a_deleted_sub_article_renumbers_the_rest_as_one_series() {
        let body = |n: u32| {
            [
                "Le montant est fixé.",
                "Le calendrier est annexé.",
                "Les versements sont trimestriels.",
                "Les fonds non utilisés sont restitués.",
            ][n as usize]
                .to_string()
        };
        let mut old = String::from("Convention\n\nArticle 6 : Finances\n\n");
        for n in 0..4 {
            old.push_str(&format!("6.1.{} Titre {n}\n\n{}\n\n", n + 1, body(n)));
        }
        let mut new = String::from("Convention\n\nArticle 6 : Finances\n\n");
        for n in 1..4 {
            new.push_str(&format!("6.1.{} Titre {n}\n\n{}\n\n", n, body(n)));
        }
        let (o, n) = (parse_str("a", &old), parse_str("b", &new));
        let a = align(&o, &n, &AlignOptions::default());
        let r = renumberings(&o, &n, &a);
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(
            (
                r[0].old_first.as_str(),
                r[0].old_last.as_str(),
                r[0].new_first.as_str(),
                r[0].new_last.as_str()
            ),
            ("6.1.2", "6.1.4", "6.1.1", "6.1.3")
        );
        assert_eq!(r[0].units.len(), 3);
        assert_eq!(r[0].shift, -1);
    }
}
