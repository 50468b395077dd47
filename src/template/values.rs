//! Placeholder values: reading them from a convention's text (exactly, or around a rewording),
//! resolving party names, and checking a value against its placeholder's type.

use super::placeholder::{fill, pieces, Piece, Placeholder, PlaceholderType};
use crate::align::{fold, Field};
use crate::diff::diff_texts;
use crate::diff::tokens::{tokenize, TokenKind};
use crate::model::Document;
use regex::Regex;
use std::sync::LazyLock;

/// The values a text gave its placeholders: `(hole index, placeholder, value)`; `exact` when
/// the whole text matched the template (every literal equal).
#[derive(Debug, Clone, Default)]
#[allow(dead_code)]
pub(crate) struct Filled {
    pub values: Vec<(usize, Placeholder, String)>,
    pub exact: bool,
}

/// A word that the tokenizer keeps whole and that no convention contains.
fn sentinel(i: usize) -> String {
    format!("zqxvar{i}zqx")
}

/// Reads the values of the placeholders of `template_text` in `text`.
pub(crate) fn read_values(template_text: &str, text: &str) -> Filled {
    let Ok(ps) = pieces(template_text) else {
        return Filled::default();
    };
    let holes: Vec<Placeholder> = ps
        .iter()
        .filter_map(|p| match p {
            Piece::Hole(h) => Some(h.clone()),
            Piece::Literal(_) => None,
        })
        .collect();
    if holes.is_empty() {
        return Filled::default();
    }
    if let Some(values) = fill(&ps, text) {
        return Filled {
            values: values
                .into_iter()
                .enumerate()
                .map(|(i, (h, v))| (i, h, v))
                .collect(),
            exact: true,
        };
    }
    // The template with one plain word per placeholder, diffed with the text: each change
    // that covers a placeholder tells its value.
    let mut marked = String::new();
    let mut k = 0;
    for p in &ps {
        match p {
            Piece::Literal(l) => marked.push_str(l),
            Piece::Hole(_) => {
                marked.push_str(&sentinel(k));
                k += 1;
            }
        }
    }
    let mut out = Vec::new();
    for change in diff_texts(&marked, text, Field::Text) {
        let inside: Vec<usize> = (0..holes.len())
            .filter(|i| change.old.contains(&sentinel(*i)))
            .collect();
        if inside.is_empty() || change.new.trim().is_empty() {
            continue;
        }
        // The change's old words as a small template of their own.
        let mut sub = Vec::new();
        let mut rest = change.old.as_str();
        for i in &inside {
            let s = sentinel(*i);
            if let Some(pos) = rest.find(&s) {
                if pos > 0 {
                    sub.push(Piece::Literal(rest[..pos].to_string()));
                }
                sub.push(Piece::Hole(holes[*i].clone()));
                rest = &rest[pos + s.len()..];
            }
        }
        if !rest.is_empty() {
            sub.push(Piece::Literal(rest.to_string()));
        }
        if let Some(values) = fill(&sub, &change.new) {
            for (i, (h, v)) in inside.iter().zip(values) {
                out.push((*i, h, v));
            }
            continue;
        }
        if let [i] = inside.as_slice() {
            let s = sentinel(*i);
            let pos = change.old.find(&s).unwrap_or(0);
            let prefix = change.old[..pos].trim();
            let suffix = change.old[pos + s.len()..].trim();
            let mut v = change.new.trim();
            if !prefix.is_empty() {
                v = v.strip_prefix(prefix).unwrap_or(v).trim_start();
            }
            if !suffix.is_empty() {
                v = v.strip_suffix(suffix).unwrap_or(v).trim_end();
            }
            let v = v.trim_end_matches([',', ';', '.', ':']).trim_end();
            if !v.is_empty() {
                out.push((*i, holes[*i].clone(), v.to_string()));
            }
        }
    }
    out.sort_by_key(|(i, _, _)| *i);
    out.dedup_by_key(|(i, _, _)| *i);
    Filled {
        values: out,
        exact: false,
    }
}

/// Leading articles and prepositions that may come with a party's name in the text
/// (« du Réseau Canopé », « de l'ENA », « à la DINUM »).
const DETERMINERS: &[&str] = &[
    "de la ", "de l'", "du ", "des ", "de ", "d'", "à la ", "à l'", "au ", "aux ", "à ", "le ",
    "la ", "les ", "l'", "pour ", "par ", "et ", "entre ",
];

/// The name without its leading articles and prepositions, folded (case and accents aside).
pub(crate) fn bare_name(s: &str) -> String {
    let mut f = fold(s.trim()).replace('’', "'");
    f = f
        .trim_end_matches([',', ';', '.', ':', ' '])
        .trim()
        .to_string();
    loop {
        let before = f.len();
        for d in DETERMINERS {
            if let Some(rest) = f.strip_prefix(&fold(d)) {
                f = rest.trim_start().to_string();
                break;
            }
        }
        if f.len() == before {
            break;
        }
    }
    f
}

static ACRONYM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([\p{Lu}][\p{Lu}\p{N}\-]{1,})\)").expect("valid regex"));

/// Every name a party goes by, bare: its name, « ci-après » names and the acronym in
/// parentheses (« ENA » for « L'École nationale d'administration (ENA) »).
pub(crate) fn party_names(doc: &Document) -> Vec<Vec<String>> {
    doc.parties()
        .iter()
        .map(|p| {
            let mut names = vec![bare_name(&p.name)];
            names.extend(p.short_name.iter().map(|s| bare_name(s)));
            names.extend(p.aliases.iter().map(|s| bare_name(s)));
            for caps in ACRONYM.captures_iter(&p.name) {
                if let Some(m) = caps.get(1) {
                    names.push(bare_name(m.as_str()));
                }
            }
            names.retain(|n| !n.is_empty());
            names.sort();
            names.dedup();
            names
        })
        .collect()
}

/// The index of the party a text names (« du Réseau Canopé » → the party « Réseau Canopé »).
pub(crate) fn resolve_party(names: &[Vec<String>], text: &str) -> Option<usize> {
    let bare = bare_name(text);
    if bare.is_empty() {
        return None;
    }
    names.iter().position(|ns| ns.contains(&bare))
}

static NUMERIC_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}/\d{1,2}/\d{2,4}$").expect("valid regex"));

/// Checks a value against its placeholder's type: `None` when it fits, else the problem
/// (« « prochainement » n'est pas une date »).
pub(crate) fn type_problem(
    ph: &Placeholder,
    value: &str,
    parties: &[Vec<String>],
) -> Option<String> {
    let value = value.trim();
    let fits = match ph.ty {
        PlaceholderType::Text => !value.is_empty(),
        PlaceholderType::Party => resolve_party(parties, value).is_some(),
        PlaceholderType::Date if NUMERIC_DATE.is_match(value) => true,
        ty => {
            let want = TokenKind::Value(ty);
            let tokens: Vec<_> = tokenize(value)
                .into_iter()
                .filter(|t| t.kind != TokenKind::Punct)
                .collect();
            tokens.len() == 1 && tokens[0].kind == want
        }
    };
    (!fits).then(|| {
        format!(
            "{ph}\u{a0}: «\u{a0}{}\u{a0}» n'est pas {}",
            crate::render::excerpt(value, 60),
            ph.ty.indefinite()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ph(name: &str, ty: PlaceholderType) -> Placeholder {
        Placeholder {
            name: name.into(),
            ty,
        }
    }

    #[test]
    fn values_read_exactly_or_around_a_rewording() {
        let f = read_values(
            "Elle est conclue jusqu'au {{date_fin:date}}.",
            "Elle est conclue jusqu'au 30 juin 2021.",
        );
        assert!(f.exact);
        assert_eq!(f.values[0].2, "30 juin 2021");
        let f = read_values(
            "Ci-après dénommée « {{partenaire:party}} »",
            "Ci-après dénommé « Réseau Canopé »,",
        );
        assert!(!f.exact);
        assert_eq!(f.values.len(), 1);
        assert_eq!(f.values[0].2, "Réseau Canopé");
    }

    #[test]
    fn parties_resolve_with_their_articles() {
        let doc = crate::pipeline::parse_str(
            "c",
            "Convention\n\nEntre\n\nL'École nationale d'administration (ENA)\n\nCi-après dénommée « l'ENA »\n\nEt\n\nRéseau Canopé\n\nCi-après dénommé « Réseau Canopé »\n\nArticle 1 : Objet\n\nTexte.\n",
        );
        let names = party_names(&doc);
        assert_eq!(resolve_party(&names, "de l'ENA"), Some(0));
        assert_eq!(resolve_party(&names, "ENA"), Some(0));
        assert_eq!(resolve_party(&names, "du Réseau Canopé"), Some(1));
        assert_eq!(resolve_party(&names, "Le Réseau Canopé"), Some(1));
        assert_eq!(resolve_party(&names, "la DGAFP"), None);
    }

    #[test]
    fn types_are_checked() {
        let none: Vec<Vec<String>> = Vec::new();
        let d = ph("date_fin", PlaceholderType::Date);
        assert_eq!(type_problem(&d, "31 décembre 2021", &none), None);
        assert_eq!(type_problem(&d, "2/4/2021", &none), None);
        assert_eq!(
            type_problem(&d, "prochainement", &none).as_deref(),
            Some("{{date_fin:date}}\u{a0}: «\u{a0}prochainement\u{a0}» n'est pas une date")
        );
        let m = ph("montant", PlaceholderType::Amount);
        assert_eq!(type_problem(&m, "281 160 €", &none), None);
        assert!(type_problem(&m, "beaucoup", &none).is_some());
    }
}
