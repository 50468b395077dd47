//! The messages of `apply`: words not found or ambiguous, missing units.

use super::*;

/// « article 2 de l'avenant ».
pub fn avenant_article(n: u32) -> String {
    format!("article {} de l'avenant", avenant_article_number(n))
}

/// Where, in the convention: « à l'article 7 de la convention », « au deuxième alinéa de
/// l'article 7 de la convention ».
pub fn where_in_convention(t: &Target) -> String {
    match target_np(t, None, true) {
        Some(np) if t.unit == Unit::Convention => np.with(Case::A),
        Some(np) => np.with(Case::A),
        None => "dans la convention".into(),
    }
}

/// The target in the nominative, formally (« le quatrième alinéa de l'article 7 de la convention »).
pub fn target_name(t: &Target) -> String {
    target_np(t, None, true)
        .map(|np| np.with(Case::Nom))
        .unwrap_or_else(|| "la convention".into())
}

pub(super) fn plain_quote(words: &str) -> String {
    format!("« {words} »")
}

/// « les mots « 30 juin 2021 » sont introuvables à l'article 7 de la convention ».
pub fn words_not_found(words: &str, t: &Target) -> String {
    let np = words_np(words, None);
    format!(
        "{} {} {} introuvable{} {}",
        np.with(Case::Nom),
        plain_quote(words),
        np.verb(),
        if np.plural { "s" } else { "" },
        where_in_convention(t)
    )
}

/// « les mots « X » figurent 2 fois à l'article 7 de la convention, sans que l'avenant dise lesquels viser ».
pub fn words_ambiguous(words: &str, n: usize, t: &Target) -> String {
    let np = words_np(words, None);
    format!(
        "{} {} {} {n} fois {} : l'avenant ne précise pas laquelle des occurrences est visée",
        np.with(Case::Nom),
        plain_quote(words),
        if np.plural { "figurent" } else { "figure" },
        where_in_convention(t)
    )
}

/// « le quatrième alinéa de l'article 7 de la convention n'existe pas ».
pub fn target_missing(t: &Target) -> String {
    format!("{} n'existe pas", target_name(t))
}

/// « l'article 5 bis existe déjà dans la convention ».
pub fn already_exists(unit: &Unit) -> String {
    format!(
        "{} existe déjà dans la convention",
        cite_unit(unit, Case::Nom, false)
    )
}

/// « cette instruction ne s'applique pas à … ».
pub fn not_applicable(t: &Target) -> String {
    format!("cette opération ne peut pas viser {}", target_name(t))
}
