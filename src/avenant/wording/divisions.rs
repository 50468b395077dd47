//! New divisions (titre, chapitre, section…) quoted whole: the sentence that inserts one
//! (« Après le chapitre IV, il est inséré un chapitre IV bis ainsi rédigé : »), its quoted
//! heading line, and the reader of that sentence, side by side.

use super::*;
use crate::avenant::model::Place;

/// The noun of a division's label: its first word (« chapitre IV »), its second when an
/// ordinal comes first (« deuxième partie »), in lower case.
fn division_noun(label: &str) -> String {
    let mut words = label.split_whitespace();
    let first = words.next().unwrap_or_default();
    if crate::parse::headings::ordinal_number(label).is_some() {
        return words.next().unwrap_or_default().to_lowercase();
    }
    first.to_lowercase()
}

/// The nouns of divisions that are feminine (« une section », « la sous-section 2 », « la
/// deuxième partie »).
pub fn division_is_feminine(label: &str) -> bool {
    matches!(
        division_noun(label).as_str(),
        "section" | "sous-section" | "partie"
    )
}

/// « chapitre IV bis », « section 4 », « deuxième partie »: a division's label as cited in a
/// sentence (its noun, or its ordinal, in lower case).
pub fn cited_division(label: &str) -> String {
    let mut words = label.split_whitespace();
    let noun = words.next().unwrap_or_default().to_lowercase();
    let rest: Vec<&str> = words.collect();
    if rest.is_empty() {
        noun
    } else {
        format!("{noun} {}", rest.join(" "))
    }
}

/// « du titre V », « de la section 2 », « de la deuxième partie »: a division as the one
/// enclosing another in a chain of names (« le livre II de la deuxième partie »).
pub fn of_division(label: &str) -> String {
    let of = if division_is_feminine(label) {
        "de la"
    } else {
        "du"
    };
    format!("{of} {}", cited_division(label))
}

fn cited(label: &str) -> String {
    cited_division(label)
}

/// The quoted heading line of a division: « Chapitre IV bis : Des règles de conflit de lois »;
/// an ordinal division in capitals, as codes print it (« DEUXIÈME PARTIE : … »), which is how
/// the parser recognises it.
pub fn division_heading_line(label: &str, heading: Option<&str>) -> String {
    let label = if crate::parse::headings::ordinal_number(label).is_some() {
        label.trim().to_uppercase()
    } else {
        capitalise(label.trim())
    };
    match heading {
        Some(h) => format!("{label} : {h}"),
        None => label,
    }
}

/// « Après le chapitre IV du titre V de la convention, il est inséré un chapitre IV bis ainsi
/// rédigé : », « Au début du titre II de la convention, il est inséré une section 1 ainsi
/// rédigée : », « Le chapitre II bis de la convention est complété par une section 4 ainsi
/// rédigée : », then the division quoted whole, its heading line first.
pub fn insert_division(
    t: &Target,
    place: Place,
    label: &str,
    heading: Option<&str>,
    lines: &[String],
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    let fem = division_is_feminine(label);
    let new = format!(
        "{} {} ainsi {}{}",
        if fem { "une" } else { "un" },
        cited(label),
        if fem { "rédigée" } else { "rédigé" },
        colon(style)
    );
    let s = subject(t, 1, ctx, true, style.noun);
    let lead = match place {
        Place::After => format!("après {}, il est inséré {new}", s.with(Case::Nom)),
        Place::Start => format!("au début {}, il est inséré {new}", de(&s.with(Case::Nom))),
        Place::End => format!(
            "{} {} {} par {new}",
            s.with(Case::Nom),
            s.verb(),
            s.agree("complété")
        ),
    };
    Sentence::with_block(
        lead,
        quote_block(
            &with_heading_line(division_heading_line(label, heading), lines),
            style,
        ),
    )
}

/// « Insertion d'un chapitre IV bis dans la convention », « … d'une section 4 … ».
pub fn division_insertion_heading(label: &str, noun: DocNoun) -> String {
    format!(
        "Insertion {} {} dans {}",
        if division_is_feminine(label) {
            "d'une"
        } else {
            "d'un"
        },
        cited(label),
        noun.the()
    )
}

static R_INSERT_DIVISION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^(?:après\s+(?P<a>.+?),\s*(?:il\s+)?est\s+(?:inséré|ajouté)e?|au\s+début\s+(?P<s>.+?),\s*(?:il\s+)?est\s+(?:inséré|ajouté)e?|(?P<e>.+?)\s+(?:est|sont)\s+complétée?s?\s+par)\s+(?:un|une)\s+(?P<l>(?:livre|titre|chapitre|section|sous-section|paragraphe|sous-paragraphe|partie)\s+.+?)\s+ainsi\s+rédigée?\s*:?$",
    )
    .expect("valid pattern")
});

/// Reads [`insert_division`]'s sentence (its quotations taken out): where (the noun phrase of
/// the target, determiner included, « du chapitre II » after « au début »), and the label.
pub fn read_insert_division(skel: &str) -> Option<(Place, String, String)> {
    let c = R_INSERT_DIVISION.captures(skel.trim())?;
    let label = capitalise(&c["l"]);
    if let Some(a) = c.name("a") {
        return Some((Place::After, a.as_str().to_string(), label));
    }
    if let Some(s) = c.name("s") {
        return Some((Place::Start, s.as_str().to_string(), label));
    }
    Some((Place::End, c.name("e")?.as_str().to_string(), label))
}

/// « La division et l'intitulé de la section 1 du chapitre II de la convention sont
/// supprimés. »: the division's heading goes, what it holds stays where it is, under the
/// division enclosing it.
pub fn unwrap_division(t: &Target, ctx: Option<&Unit>, style: &Style) -> Sentence {
    let s = subject(t, 1, ctx, true, style.noun);
    Sentence::line(format!(
        "La division et l'intitulé {} sont {}",
        de(&s.with(Case::Nom)),
        if style.abroge {
            "abrogés"
        } else {
            "supprimés"
        }
    ))
}

static R_UNWRAP_DIVISION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^la\s+division\s+et\s+l['’]intitulé\s+(?P<t>(?:du|de\s+la|de\s+l['’])\s*.+?)\s+sont\s+(?:supprimés|abrogés)\s*\.?$",
    )
    .expect("valid pattern")
});

/// Reads [`unwrap_division`]'s sentence: the noun phrase of the division, with its
/// determiner (« de la section 1 du chapitre II »).
pub fn read_unwrap_division(skel: &str) -> Option<String> {
    let c = R_UNWRAP_DIVISION.captures(skel.trim())?;
    Some(c["t"].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_division_is_inserted_in_the_guide_formula() {
        let st = Style::default();
        let t = Target::unit(Unit::Division {
            label: "Chapitre IV du titre V".into(),
        });
        let s = insert_division(
            &t,
            Place::After,
            "Chapitre IV bis",
            Some("Des règles de conflit de lois"),
            &["Article 202-1".into(), "Le mariage est valable.".into()],
            None,
            &st,
        )
        .standalone();
        assert_eq!(
            s[0],
            "Après le chapitre IV du titre V de la convention, il est inséré un chapitre IV bis ainsi rédigé\u{a0}:"
        );
        assert_eq!(
            s[1],
            "«\u{a0}Chapitre IV bis\u{a0}: Des règles de conflit de lois"
        );
        let t = Target::unit(Unit::Division {
            label: "Chapitre II bis".into(),
        });
        let s = insert_division(&t, Place::End, "Section 4", None, &[], None, &st).standalone();
        assert_eq!(
            s[0],
            "Le chapitre II bis de la convention est complété par une section 4 ainsi rédigée\u{a0}:"
        );
        let s = insert_division(&t, Place::Start, "Section 1", None, &[], None, &st).standalone();
        assert_eq!(
            s[0],
            "Au début du chapitre II bis de la convention, il est inséré une section 1 ainsi rédigée\u{a0}:"
        );
        let s = insert_division(
            &Target::convention(),
            Place::End,
            "Titre V",
            None,
            &[],
            None,
            &st,
        )
        .standalone();
        assert_eq!(
            s[0],
            "La convention est complétée par un titre V ainsi rédigé\u{a0}:"
        );
        assert_eq!(
            division_insertion_heading("Section 4", DocNoun::CONVENTION),
            "Insertion d'une section 4 dans la convention"
        );
    }

    #[test]
    fn an_unwrapped_division_reads_back() {
        let t = Target::unit(Unit::Division {
            label: "Section 1 du chapitre II".into(),
        });
        let s = unwrap_division(&t, None, &Style::default()).standalone();
        assert_eq!(
            s[0],
            "La division et l'intitulé de la section 1 du chapitre II de la convention sont supprimés."
        );
        assert_eq!(
            read_unwrap_division(&s[0]).as_deref(),
            Some("de la section 1 du chapitre II de la convention")
        );
        let t = Target::unit(Unit::Division {
            label: "Chapitre Ier du titre II".into(),
        });
        let s = unwrap_division(&t, None, &Style::default()).standalone();
        assert_eq!(
            read_unwrap_division(&s[0]).as_deref(),
            Some("du chapitre Ier du titre II de la convention")
        );
        assert!(read_unwrap_division("La section 1 est supprimée.").is_none());
    }

    #[test]
    fn the_sentence_reads_back() {
        let (p, t, l) = read_insert_division(
            "Après le chapitre IV du titre V de la convention, il est inséré un chapitre IV bis ainsi rédigé :",
        )
        .expect("read");
        assert_eq!(
            (p, t.as_str(), l.as_str()),
            (
                Place::After,
                "le chapitre IV du titre V de la convention",
                "Chapitre IV bis"
            )
        );
        let (p, t, l) = read_insert_division(
            "Le chapitre II bis de la convention est complété par une section 4 ainsi rédigée :",
        )
        .expect("read");
        assert_eq!(
            (p, t.as_str(), l.as_str()),
            (
                Place::End,
                "Le chapitre II bis de la convention",
                "Section 4"
            )
        );
        let (p, t, _) = read_insert_division(
            "Au début du titre II, il est inséré une section 1 ainsi rédigée :",
        )
        .expect("read");
        assert_eq!((p, t.as_str()), (Place::Start, "du titre II"));
        assert!(read_insert_division(
            "Après l'article 4, il est inséré un article 4 bis ainsi rédigé :"
        )
        .is_none());
    }
}
