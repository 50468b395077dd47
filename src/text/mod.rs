//! Text helpers shared by the stages: case and accent folding, French months and duration units.
//! Pure functions on strings; no knowledge of the document tree.

pub mod value;

/// Upper-cases the first letter (« article 5 » → « Article 5 »).
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Lower case without accents: the form in which case and accents are cosmetic.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for l in c.to_lowercase() {
            match l {
                'à' | 'â' | 'ä' | 'á' => out.push('a'),
                'é' | 'è' | 'ê' | 'ë' => out.push('e'),
                'î' | 'ï' | 'í' => out.push('i'),
                'ô' | 'ö' | 'ó' => out.push('o'),
                'ù' | 'û' | 'ü' | 'ú' => out.push('u'),
                'ç' => out.push('c'),
                'ÿ' => out.push('y'),
                'œ' => out.push_str("oe"),
                'æ' => out.push_str("ae"),
                _ => out.push(l),
            }
        }
    }
    out
}

/// A heading as it is compared: folded ([`fold`]), its closing punctuation and spaces left out
/// (« Objet », « OBJET. » and « Objet : » alike), since a heading's case and final
/// punctuation are typography.
pub fn heading_key(h: &str) -> String {
    fold(h.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ':' | ';' | ',' | '-' | '–' | '—')
    }))
}

/// Capital letters without their accent (« École » and « Ecole » alike): a difference the
/// diff treats as cosmetic in running text, and the drafter's round-trip check too.
pub fn fold_capital_accents(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'À' | 'Â' => 'A',
            'É' | 'È' | 'Ê' | 'Ë' => 'E',
            'Î' | 'Ï' => 'I',
            'Ô' => 'O',
            'Ù' | 'Û' | 'Ü' => 'U',
            'Ç' => 'C',
            c => c,
        })
        .collect()
}

/// The French months in lower case, January first.
pub const MONTHS: &[&str] = &[
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// The units of a duration (« mois », « ans »…), as written.
pub const DURATION_UNITS: &[&str] = &[
    "jour",
    "jours",
    "semaine",
    "semaines",
    "mois",
    "an",
    "ans",
    "année",
    "années",
    "heure",
    "heures",
    "minute",
    "minutes",
    "trimestre",
    "trimestres",
    "semestre",
    "semestres",
];

/// The number (1 to 12) of a French month name, in any case.
pub fn month_number(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    let lower = if lower == "fevrier" {
        "février".to_string()
    } else if lower == "aout" {
        "août".to_string()
    } else if lower == "decembre" {
        "décembre".to_string()
    } else {
        lower
    };
    MONTHS
        .iter()
        .position(|m| *m == lower)
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_keys_ignore_case_and_closing_punctuation() {
        assert_eq!(heading_key("Objet"), heading_key("OBJET."));
        assert_eq!(heading_key("Durée"), heading_key("Durée : "));
        assert_ne!(heading_key("Durée"), heading_key("Durée initiale"));
        assert_ne!(heading_key("Titre 1.2"), heading_key("Titre 1"));
    }

    #[test]
    fn fold_ignores_case_and_accents() {
        assert_eq!(fold("RÉPARTITION"), fold("répartition"));
        assert_eq!(fold("Œuvre"), "oeuvre");
    }
}
