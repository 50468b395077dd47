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

/// « les mots « X » figurent 3 fois à l'article 7 de la convention, et non 2 comme le dit
/// l'avenant ».
pub fn words_count_differs(words: &str, found: usize, said: u32, t: &Target) -> String {
    let np = words_np(words, None);
    format!(
        "{} {} {} {found} fois {}, et non {said} comme le dit l'avenant",
        np.with(Case::Nom),
        plain_quote(words),
        if np.plural { "figurent" } else { "figure" },
        where_in_convention(t)
    )
}

/// « aucun alinéa ne commence par les mots « X » à l'article 25 de la convention » (`n` = 0),
/// or « 2 alinéas commencent par … : l'avenant ne précise pas lequel est visé ».
pub fn alinea_start_not_unique(words: &str, n: usize, t: &Target) -> String {
    let mut place = t.clone();
    place.alinea_starts = None;
    let np = words_np(words, None);
    let words = format!("{} {}", np.with(Case::Nom), plain_quote(words));
    let place = where_in_convention(&place);
    if n == 0 {
        format!("aucun alinéa ne commence par {words} {place}")
    } else {
        format!(
            "{n} alinéas commencent par {words} {place} : l'avenant ne précise pas lequel est visé"
        )
    }
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

/// A message of this module said in the amended document's own noun: the functions above name
/// it « la convention » (« introuvables à l'article 7 de la convention »); in an act amending a
/// contract or an avenant, `apply` says « du contrat », « de l'avenant ». Quoted words (inside
/// « ») are left as they are.
pub fn in_document(message: &str, noun: DocNoun) -> String {
    if noun == DocNoun::CONVENTION {
        return message.to_string();
    }
    let mut out = String::with_capacity(message.len());
    let mut depth = 0usize;
    let mut rest = message;
    let forms = [
        ("de la convention", noun.of_it()),
        ("à la convention", noun.to_it()),
        ("la convention", noun.the()),
    ];
    'outer: while let Some(c) = rest.chars().next() {
        if depth == 0 {
            for (from, to) in &forms {
                let boundary = out.is_empty() || out.ends_with([' ', '(', '\'']);
                if boundary
                    && rest.starts_with(from)
                    && !rest[from.len()..].starts_with(char::is_alphanumeric)
                {
                    out.push_str(to);
                    rest = &rest[from.len()..];
                    continue 'outer;
                }
            }
        }
        match c {
            '«' => depth += 1,
            '»' => depth = depth.saturating_sub(1),
            _ => {}
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_document_by_its_noun() {
        let avenant = DocNoun::of("avenant n° 2");
        let t = Target::article("7").with_alinea(Position::Nth(4));
        assert_eq!(
            in_document(&target_missing(&t), avenant),
            "le quatrième alinéa de l'article 7 de l'avenant n'existe pas"
        );
        assert_eq!(
            in_document(
                &words_not_found("la convention", &Target::article("7")),
                DocNoun::of("contrat")
            ),
            "les mots « la convention » sont introuvables à l'article 7 du contrat"
        );
        assert_eq!(
            in_document(
                &already_exists(&Unit::article("5 bis")),
                DocNoun::of("statuts")
            ),
            "l'article 5 bis existe déjà dans les statuts"
        );
    }
}
