//! The parts of a convention outside its articles — a party's designation, the visas, the
//! signature block — named as units (writer), and read back from an avenant (reader), side by side.

use super::*;

/// The noun phrase naming a block unit, `None` for the other units: « la désignation de la
/// deuxième partie », « les visas », « le bloc des signatures ».
pub fn block_np(unit: &Unit) -> Option<Np> {
    match unit {
        Unit::Party { rank } => Some(Np::new(
            format!("désignation de la {} partie", ordinal(*rank, true)),
            true,
            false,
        )),
        Unit::Parties => Some(Np::new("bloc des parties", false, false)),
        Unit::Visas => Some(Np::new("visas", false, true)),
        Unit::Signatures => Some(Np::new("bloc des signatures", false, false)),
        Unit::Division { label } => Some(Np::new(
            match titled_division(label) {
                Some((noun, heading)) => format!("{noun} «\u{a0}{heading}\u{a0}»"),
                None => cited_division(label),
            },
            division_is_feminine(label),
            false,
        )),
        Unit::Note { label } => Some(Np::new(
            format!("note de bas de page n° {label}"),
            true,
            false,
        )),
        _ => None,
    }
}

/// Reads a block unit at the start of `rest` (its determiner already stripped), as
/// [`block_np`] writes it; returns the unit and the length read.
pub fn read_block_unit(rest: &str) -> Option<(Unit, usize)> {
    let (unit, len) = read_block_head(rest)?;
    // « … de la convention », « … de la présente convention », as a formal citation ends.
    let tail = &rest[len..];
    let extra = R_OF_DOC.find(tail).map_or(0, |m| m.end());
    Some((unit, len + extra))
}

/// « de la convention », « du contrat », « des présents statuts »… at the start of a tail.
static R_OF_DOC: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(&format!(
        r"(?i)^ (?:de la |du |de l'|des )(?:présentes? |présents? )?(?:{DOC_NOUNS})\b"
    ))
    .expect("valid pattern")
});

/// « note de bas de page n° 2 », « note n° 2 ».
static R_NOTE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)^note(?: de bas de page)? n°\s*(?P<l>[0-9]+|[a-z])\b")
        .expect("valid pattern")
});

/// The nouns of divisions, as [`block_np`] writes them.
const DIVISIONS: &[&str] = &[
    "sous-paragraphe",
    "paragraphe",
    "sous-section",
    "section",
    "chapitre",
    "titre",
    "livre",
    "partie",
];

/// « titre II », « chapitre Ier », « section 1 bis », « paragraphe 2 », « titre préliminaire »:
/// a division noun, its number (arabic, roman with « er », or a word the codes use) and an
/// optional latin suffix; then the enclosing divisions that make it unique, « du titre V »,
/// « de la section 2 » (the label is the chain: `Chapitre Ier du titre V`).
fn read_division(rest: &str) -> Option<(Unit, usize)> {
    let (mut label, mut len) = read_one_division(rest, true)?;
    loop {
        let tail = &rest[len..];
        let Some(det) = [" du ", " de la "].iter().find(|d| {
            tail.get(..d.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(d))
        }) else {
            break;
        };
        let Some((inner, n)) = read_one_division(&tail[det.len()..], false) else {
            break;
        };
        label.push_str(det);
        label.push_str(&inner);
        len += det.len() + n;
    }
    Some((Unit::Division { label }, len))
}

/// One division noun and number at the start of `rest`: its label (noun capitalised when
/// `first`, else as written) and the length read.
fn read_one_division(rest: &str, first: bool) -> Option<(String, usize)> {
    // « deuxième partie », as codes number their parts (the parser's label, `Deuxième partie`).
    let two: Vec<&str> = rest.splitn(3, ' ').take(2).collect();
    if two.len() == 2 {
        let noun = two[1].trim_end_matches(|c: char| !c.is_alphanumeric());
        let words = format!("{} {noun}", two[0]);
        if crate::parse::headings::ordinal_number(&words).is_some() {
            let len = two[0].len() + 1 + noun.len();
            let label = if first { capitalise(&words) } else { words };
            return Some((label, len));
        }
    }
    let lower = rest.to_lowercase();
    let noun = DIVISIONS.iter().find(|d| lower.starts_with(*d))?;
    let after = rest.get(noun.len()..)?.strip_prefix(' ')?;
    let number: String = after.chars().take_while(|c| c.is_alphanumeric()).collect();
    let roman = number.trim_end_matches("er");
    let is_number = number.starts_with(|c: char| c.is_ascii_digit())
        || (!roman.is_empty() && roman.chars().all(|c| "IVXLC".contains(c)))
        || ["préliminaire", "unique", "législative", "réglementaire"].contains(&number.as_str());
    if !is_number {
        return None;
    }
    let mut len = noun.len() + 1 + number.len();
    let tail = &rest[len..];
    let noun_written = if first {
        capitalise(noun)
    } else {
        noun.to_string()
    };
    let mut label = format!("{noun_written} {number}");
    for suffix in [" bis", " ter", " quater"] {
        if tail.starts_with(suffix)
            && !tail[suffix.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            label.push_str(suffix);
            len += suffix.len();
            break;
        }
    }
    Some((label, len))
}

/// The nouns of the divisions a text does not number and an act names by their heading
/// (« la section « Conditions budgétaire » »): never « titre » nor « paragraphe », whose quoted
/// words are more often a heading's own text or an alinéa's.
const TITLED_DIVISIONS: &[&str] = &["sous-section", "section", "chapitre", "partie", "rubrique"];

/// The label of a division that the text does not number, named by its heading: `Section
/// « Conditions budgétaire »` (the act cites it « la section « Conditions budgétaire » », the
/// way parties name a section of an annex).
pub fn titled_division_label(noun: &str, heading: &str) -> String {
    format!("{} «\u{a0}{}\u{a0}»", capitalise(noun), heading.trim())
}

/// The noun and heading of a division named by its heading ([`titled_division_label`]);
/// `None` for a numbered division (`Titre II`).
pub fn titled_division(label: &str) -> Option<(String, String)> {
    let (noun, rest) = label.split_once(' ')?;
    let heading = rest
        .trim()
        .strip_prefix('«')?
        .strip_suffix('»')?
        .trim_matches(|c: char| c.is_whitespace());
    let noun = noun.to_lowercase();
    (TITLED_DIVISIONS.contains(&noun.as_str()) && !heading.is_empty())
        .then(|| (noun, heading.to_string()))
}

/// « section ¤1 », « section intitulée ¤1 » (the sentence's quote `¤n` in a skeleton, which
/// the reader puts back), or « section « Montants » » in a text whose quotes are still there,
/// then « des annexes » or « de l'annexe » when the act says where it stands (the heading names
/// one division of the whole text): the label `Section ¤1` or `Section « Montants »`, and the
/// length read.
fn read_titled_division(rest: &str) -> Option<(Unit, usize)> {
    static R: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(&format!(
            r"(?i)^(?P<noun>{})(?:\s+intitulée?)?\s*:?\s*(?:¤(?P<n>\d+)|«\s*(?P<h>[^«»]+?)\s*»)(?:\s+(?:des annexes|de l'annexe|en annexe)\b)?",
            TITLED_DIVISIONS.join("|")
        ))
        .expect("valid pattern")
    });
    let c = R.captures(rest)?;
    let noun = c["noun"].to_lowercase();
    let label = match (c.name("n"), c.name("h")) {
        (Some(n), _) => format!("{} ¤{}", capitalise(&noun), n.as_str()),
        (None, Some(h)) => titled_division_label(&noun, h.as_str()),
        _ => return None,
    };
    Some((Unit::Division { label }, c.get(0)?.end()))
}

fn read_block_head(rest: &str) -> Option<(Unit, usize)> {
    if let Some(d) = read_titled_division(rest) {
        return Some(d);
    }
    if let Some(d) = read_division(rest) {
        return Some(d);
    }
    if let Some(c) = R_NOTE.captures(rest) {
        let len = c.get(0)?.end();
        return Some((
            Unit::Note {
                label: c["l"].to_string(),
            },
            len,
        ));
    }
    let lower = rest.to_lowercase();
    for (head, unit) in [
        ("visas", Unit::Visas),
        ("bloc des parties", Unit::Parties),
        ("bloc des signatures", Unit::Signatures),
        ("signatures", Unit::Signatures),
    ] {
        if let Some(after) = lower.strip_prefix(head) {
            if after.chars().next().is_none_or(|c| !c.is_alphanumeric()) {
                return Some((unit, head.len()));
            }
        }
    }
    let after = lower.strip_prefix("désignation de la ")?;
    let (word, tail) = after.split_once(' ')?;
    let rank = parse_ordinal_number(word)?;
    let tail_rest = tail.strip_prefix("partie")?;
    if tail_rest.chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let len = "désignation de la ".len() + word.len() + 1 + "partie".len();
    Some((Unit::Party { rank }, len))
}

/// « Le bloc des signatures de la convention est ainsi rédigé : » and the block quoted whole.
pub fn rewrite_block(t: &Target, lines: &[String], ctx: Option<&Unit>, style: &Style) -> Sentence {
    let s = subject(t, 1, ctx, true, style.noun);
    Sentence::with_block(
        format!(
            "{} {} ainsi {}{}",
            s.with(Case::Nom),
            s.verb(),
            s.agree("rédigé"),
            colon(style)
        ),
        quote_block(lines, style),
    )
}

/// « Au début du chapitre II de la convention, il est inséré un article 7 ainsi rédigé : »
/// and the article quoted whole; a sub-article put after its article's own alinéas (the
/// target names the last alinéa): « Après le dernier alinéa de l'article 5.3, il est inséré un
/// article 5.3.1 ainsi rédigé : ».
pub fn insert_article_first(
    t: &Target,
    label: &str,
    heading: Option<&str>,
    alineas: &[String],
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    let s = subject(t, 1, ctx, true, style.noun);
    if t.alinea == Some(Position::Last) {
        return super::sentences::with_article(
            format!("après {}, il est inséré", s.with(Case::Nom)),
            label,
            heading,
            alineas,
            style,
        );
    }
    super::sentences::with_article(
        format!("au début {}, il est inséré", de(&s.with(Case::Nom))),
        label,
        heading,
        alineas,
        style,
    )
}

/// « Avant l'article 1er de la convention, il est inséré un préambule ainsi rédigé : » and its
/// alinéas quoted: a préambule where the convention had none.
pub fn insert_preambule(
    t: &Target,
    alineas: &[String],
    ctx: Option<&Unit>,
    style: &Style,
) -> Sentence {
    let s = subject(t, 1, ctx, true, style.noun);
    Sentence::with_block(
        capitalise(&format!(
            "avant {}, il est inséré un préambule ainsi rédigé{}",
            s.with(Case::Nom),
            colon(style)
        )),
        quote_block(alineas, style),
    )
}

/// « Insertion d'un préambule dans la convention ».
pub fn preambule_insertion_heading(noun: DocNoun) -> String {
    format!("Insertion d'un préambule dans {}", noun.the())
}

static R_INSERT_PREAMBULE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^avant (?P<t>.+?),\s*(?:il\s+)?est\s+inséré\s+un\s+préambule\s+ainsi\s+rédigé\s*:?$",
    )
    .expect("valid pattern")
});

/// Reads [`insert_preambule`]'s sentence (its quotations taken out): the noun phrase of the
/// unit the préambule comes before (« l'article 1er de la convention »).
pub fn read_insert_preambule(skel: &str) -> Option<String> {
    Some(R_INSERT_PREAMBULE.captures(skel.trim())?["t"].to_string())
}

static R_INSERT_FIRST: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^au début (?P<t>.+?),\s*(?:il\s+)?est\s+inséré\s+un\s+article\s+(?P<l>.+?)\s+ainsi\s+rédigé\s*:?$",
    )
    .expect("valid pattern")
});

/// Reads [`insert_article_first`]'s sentence (its quotations taken out): the noun phrase of
/// the unit (« du chapitre II de la convention », determiner included) and the new label.
pub fn read_insert_article_first(skel: &str) -> Option<(String, String)> {
    let c = R_INSERT_FIRST
        .captures(skel.trim())
        .or_else(|| R_INSERT_AFTER_ALINEAS.captures(skel.trim()))?;
    Some((c["t"].to_string(), c["l"].to_string()))
}

/// « Après le dernier alinéa de l'article 5.3, il est inséré un article 5.3.1 ainsi rédigé : »
/// (`t` keeps « le dernier alinéa de … », which names the article and the place).
static R_INSERT_AFTER_ALINEAS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
            r"(?i)^après (?P<t>le dernier alinéa de l'article .+?),\s*(?:il\s+)?est\s+(?:inséré|ajouté)\s+un\s+article\s+(?P<l>.+?)\s+ainsi\s+rédigé\s*:?$",
        )
        .expect("valid pattern")
});

/// The operation a whole block unit reads as after « est ainsi rédigé : » or « est supprimé »:
/// `None` when the unit is not a block.
pub fn block_op(unit: &Unit, lines: Option<Vec<String>>) -> Option<Op> {
    block_np(unit)?;
    Some(match lines {
        Some(lines) => Op::RewriteBlock { lines },
        None => Op::DeleteBlock,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_division_named_by_its_heading_is_written_and_read_back() {
        let label = titled_division_label("section", "Conditions budgétaire");
        assert_eq!(
            titled_division(&label),
            Some(("section".into(), "Conditions budgétaire".into()))
        );
        assert_eq!(titled_division("Titre II"), None);
        let unit = Unit::Division {
            label: label.clone(),
        };
        let cited = cite_unit(&unit, Case::Nom, false);
        assert_eq!(cited, "la section «\u{a0}Conditions budgétaire\u{a0}»");
        let np = cited.trim_start_matches("la ");
        assert_eq!(read_block_unit(np), Some((unit.clone(), np.len())));
        // Where it stands, as the act may say it.
        let with = "section « Conditions budgétaire » des annexes";
        assert_eq!(
            read_block_unit(with).map(|(u, n)| (u, n == with.len())),
            Some((
                Unit::Division {
                    label: titled_division_label("section", "Conditions budgétaire")
                },
                true
            ))
        );
    }

    #[test]
    fn a_preambule_inserted_is_written_and_read_back() {
        let st = Style::default();
        let t = Target::article("1");
        let s = insert_preambule(
            &t,
            &["Préambule".into(), "Les CGU s'imposent.".into()],
            None,
            &st,
        )
        .standalone();
        assert_eq!(
            s[0],
            "Avant l'article 1er de la convention, il est inséré un préambule ainsi rédigé\u{a0}:"
        );
        assert_eq!(s[1], "«\u{a0}Préambule");
        assert_eq!(
            read_insert_preambule(&s[0]).as_deref(),
            Some("l'article 1er de la convention")
        );
        assert_eq!(
            preambule_insertion_heading(DocNoun::of("statuts")),
            "Insertion d'un préambule dans les statuts"
        );
        let c = Changes {
            inserted_preambule: true,
            inserted_articles: vec!["1er bis".into()],
            ..Changes::default()
        };
        let objet = objet_neutre(&c, &st).unwrap_or_default();
        assert_eq!(objet, "insérer un préambule et un article 1er bis");
    }

    #[test]
    fn divisions_of_the_codes_read_back_with_their_enclosing_divisions() {
        for (np, label) in [
            (
                "chapitre Ier du titre V du livre Ier de la convention",
                "Chapitre Ier du titre V du livre Ier",
            ),
            (
                "paragraphe 1 de la sous-section 2 de la section 3",
                "Paragraphe 1 de la sous-section 2 de la section 3",
            ),
            ("titre préliminaire", "Titre préliminaire"),
            ("titre Ier bis", "Titre Ier bis"),
        ] {
            let (u, len) = read_block_unit(np).unwrap_or_else(|| panic!("{np}"));
            assert_eq!(
                u,
                Unit::Division {
                    label: label.into()
                },
                "{np}"
            );
            assert_eq!(len, np.len(), "{np}");
        }
        assert!(read_block_unit("titre de la convention").is_none());
    }

    #[test]
    fn block_units_read_back() {
        for unit in [
            Unit::Party { rank: 2 },
            Unit::Parties,
            Unit::Visas,
            Unit::Signatures,
        ] {
            let np = block_np(&unit).expect("a block");
            let (read, len) = read_block_unit(&np.head).expect("read back");
            assert_eq!(read, unit);
            assert_eq!(len, np.head.len());
        }
        assert_eq!(
            cite_unit(&Unit::Party { rank: 1 }, Case::De, true),
            "de la désignation de la première partie de la convention"
        );
        assert_eq!(cite_unit(&Unit::Visas, Case::A, false), "aux visas");
        assert!(read_block_unit("désignation de la première partition").is_none());
        let titre = Unit::Division {
            label: "Titre II".into(),
        };
        assert_eq!(cite_unit(&titre, Case::De, false), "du titre II");
        assert_eq!(
            read_block_unit("titre II de la convention"),
            Some((titre, "titre II de la convention".len()))
        );
        let section = Unit::Division {
            label: "Section 3 bis".into(),
        };
        assert_eq!(cite_unit(&section, Case::Nom, false), "la section 3 bis");
        assert_eq!(read_block_unit("section 3 bis").map(|r| r.0), Some(section));
        assert!(read_block_unit("titre de la convention").is_none());
    }

    #[test]
    fn dotted_and_hyphenated_ranges() {
        let l = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(label_range("3.2", "3.4"), Some(l(&["3.2", "3.3", "3.4"])));
        assert_eq!(label_range("47-1", "47-2"), Some(l(&["47-1", "47-2"])));
        assert_eq!(label_range("1er", "3"), Some(l(&["1er", "2", "3"])));
        assert_eq!(label_range("3.2", "4.1"), None);
        assert!(consecutive_labels(&l(&["3.2", "3.3", "3.4"])));
        assert!(!consecutive_labels(&l(&["3.2", "3.4"])));
        assert!(!consecutive_labels(&l(&["4", "4 bis"])));
        assert_eq!(
            read_block_unit("bloc des signatures de la convention est"),
            Some((
                Unit::Signatures,
                "bloc des signatures de la convention".len()
            ))
        );
    }
}
