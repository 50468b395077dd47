//! Quoted words and their noun (« les mots », « le montant », « la date »).

use super::*;

pub(super) fn is_single_word(words: &str) -> bool {
    !words.trim().contains([' ', '\'', '\u{a0}'])
}

/// The noun announcing quoted words: « le mot », « les mots », « la date », « le montant »…
pub fn words_np(words: &str, vt: Option<ValueType>) -> Np {
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
