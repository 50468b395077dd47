//! Quoted words and their noun (« les mots », « le montant », « la date »).

use super::*;

pub(super) fn is_single_word(words: &str) -> bool {
    !words.trim().contains([' ', '\'', '\u{a0}'])
}

/// A footnote call as the text carries it, glued to its word: superscript digits (« ² »).
pub fn is_note_call(words: &str) -> bool {
    !words.is_empty()
        && words
            .chars()
            .all(|c| matches!(c, '⁰' | '¹' | '²' | '³' | '⁴'..='⁹'))
}

/// The noun announcing quoted words: « le mot », « les mots », « la date », « le montant »…,
/// « l'appel de note » for a footnote call alone.
pub fn words_np(words: &str, vt: Option<ValueType>) -> Np {
    if vt.is_none() && is_note_call(words.trim()) {
        return Np::new("appel de note", false, false);
    }
    match vt {
        Some(ValueType::Date) => Np::new("date", true, false),
        Some(ValueType::Amount) => Np::new("montant", false, false),
        Some(ValueType::Number) => Np::new("nombre", false, false),
        Some(ValueType::Percent) => Np::new("taux", false, false),
        Some(ValueType::Duration) => Np::new("durée", true, false),
        Some(ValueType::Reference) => Np::new("référence", true, false),
        Some(ValueType::Text | ValueType::Party) | None if is_single_word(words) => {
            Np::new("mot", false, false)
        }
        Some(ValueType::Text | ValueType::Party) | None => Np::new("mots", false, true),
    }
}

/// « les mots : « … » », « le montant : « … » ».
pub fn announce(words: &str, vt: Option<ValueType>, style: &Style) -> String {
    format!(
        "{}{} {}",
        words_np(words, vt).with(Case::Nom),
        colon(style),
        quote(words, style)
    )
}

pub(super) fn deleted(style: &Style) -> &'static str {
    if style.abroge {
        "abrogé"
    } else {
        "supprimé"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_call_is_announced_as_such() {
        assert!(is_note_call("²") && is_note_call("¹⁰"));
        assert!(!is_note_call("2") && !is_note_call("m²") && !is_note_call(""));
        let st = Style {
            space: ' ',
            ..Style::default()
        };
        assert_eq!(announce("³", None, &st), "l'appel de note : « ³ »");
        assert_eq!(announce("commun", None, &st), "le mot : « commun »");
    }
}
