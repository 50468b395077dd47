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

/// `s` cut at the last space before `max` characters, followed by « … »: a quotation that
/// keeps a message to one readable line.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut = s.char_indices().nth(max).map_or(s.len(), |(i, _)| i);
    let head = &s[..cut];
    let head = head
        .rfind([' ', '\u{a0}', '\u{202f}'])
        .map_or(head, |i| &head[..i]);
    format!("{} …", head.trim_end())
}

/// The number of words of `s`, as `s.split_whitespace().count()` counts them, but counting
/// stops at `max`: `words_upto(s, max) == s.split_whitespace().take(max).count()`. Read byte
/// by byte; only a character whose first byte may open white space is decoded. « Is this heading longer than 12 words? »
/// reads 13 words, not the whole alinéa.
pub fn words_upto(s: &str, max: usize) -> usize {
    let b = s.as_bytes();
    // Whether the character at `i` (a byte of class 2) is white space, and its length.
    let decode = |i: usize| match s[i..].chars().next() {
        Some(c) => (c.is_whitespace(), c.len_utf8()),
        None => (true, 1),
    };
    let (mut n, mut i) = (0, 0);
    loop {
        // White space up to the next word.
        while i < b.len() {
            match SPACE_CLASS[usize::from(b[i])] {
                0 => break,
                1 => i += 1,
                _ => match decode(i) {
                    (true, len) => i += len,
                    (false, _) => break,
                },
            }
        }
        if i == b.len() || n == max {
            return n;
        }
        n += 1;
        // The word, up to the next white space.
        while i < b.len() {
            match SPACE_CLASS[usize::from(b[i])] {
                0 => i += 1,
                1 => break,
                _ => match decode(i) {
                    (true, _) => break,
                    (false, len) => i += len,
                },
            }
        }
    }
}

/// Per byte, for [`words_upto`]: 1 ASCII white space (`char::is_whitespace`: TAB, LF, VT,
/// FF, CR, space), 2 the first byte of the characters other white space begins with (C2, E1,
/// E2, E3), 0 any other byte (a continuation byte belongs to the character before it).
const SPACE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0x09;
    while i <= 0x0D {
        t[i] = 1;
        i += 1;
    }
    t[0x20] = 1;
    t[0xC2] = 2;
    t[0xE1] = 2;
    t[0xE2] = 2;
    t[0xE3] = 2;
    t
};

/// The number of words of `s`: `s.split_whitespace().count()`, read as [`words_upto`] reads.
pub fn words(s: &str) -> usize {
    words_upto(s, usize::MAX)
}

/// Lower case without accents: the form in which case and accents are cosmetic.
pub fn fold(s: &str) -> String {
    let mut out = String::new();
    fold_into(s, &mut out);
    out
}

/// [`fold`], appended to `out` (a buffer reused across many texts).
pub fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
        return;
    }
    out.reserve(s.len());
    let push = |out: &mut String, l: char| match l {
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
    };
    let mut rest = s;
    while !rest.is_empty() {
        // A run of ASCII characters, lower-cased at once.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        if ascii > 0 {
            let start = out.len();
            out.push_str(&rest[..ascii]);
            out[start..].make_ascii_lowercase();
            rest = &rest[ascii..];
        }
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        rest = chars.as_str();
        if ('\u{C0}'..='\u{DE}').contains(&c) && c != '×' {
            // Latin-1 capitals: their lower case is 0x20 further (« É » → « é »).
            push(out, char::from_u32(c as u32 + 0x20).unwrap_or(c));
        } else if ('\u{A0}'..='\u{FF}').contains(&c) {
            // The other Latin-1 characters are their own lower case.
            push(out, c);
        } else {
            for l in c.to_lowercase() {
                push(out, l);
            }
        }
    }
}

/// Punctuation that may close a heading: « . », « : », « ; », « , », a dash.
pub fn is_heading_closing(c: char) -> bool {
    matches!(c, '.' | ':' | ';' | ',' | '-' | '–' | '—')
}

/// Quotation marks: « », “ ”, " and the single ‹ › (the text's own quotes are « » by then).
pub fn is_quotation_mark(c: char) -> bool {
    matches!(c, '«' | '»' | '"' | '“' | '”' | '‹' | '›')
}

/// A heading as it is compared: folded ([`fold`]), its closing punctuation
/// ([`is_heading_closing`]), spaces and the quotation marks around it left out (« Objet »,
/// « OBJET. », « Objet : » and « "Objet" » alike), since a heading's case, final punctuation
/// and quotation are typography.
pub fn heading_key(h: &str) -> String {
    fold(
        h.trim_start_matches(|c: char| c.is_whitespace() || is_quotation_mark(c))
            .trim_end_matches(|c: char| {
                c.is_whitespace() || is_quotation_mark(c) || is_heading_closing(c)
            }),
    )
}

/// Capital letters without their accent (« École » and « Ecole » alike): a difference the
/// diff treats as cosmetic in running text, and the drafter's round-trip check too.
pub fn fold_capital_accents(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_fold_capital_accents(&mut out, text);
    out
}

/// [`fold_capital_accents`] of `text`, appended to `out`: the runs without any of these
/// capitals (all of them are two bytes led by 0xC3) are copied whole.
pub fn push_fold_capital_accents(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(i) = memchr::memchr(0xC3, rest.as_bytes()) {
        out.push_str(&rest[..i]);
        let Some(c) = rest[i..].chars().next() else {
            break;
        };
        out.push(match c {
            'À' | 'Â' => 'A',
            'É' | 'È' | 'Ê' | 'Ë' => 'E',
            'Î' | 'Ï' => 'I',
            'Ô' => 'O',
            'Ù' | 'Û' | 'Ü' => 'U',
            'Ç' => 'C',
            c => c,
        });
        rest = &rest[i + c.len_utf8()..];
    }
    out.push_str(rest);
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
    // Every month opens with one of these ASCII letters, and no other character lower-cases to
    // one of them: the other words are answered without lower-casing them (the word diff's
    // tokenizer asks for every token).
    let first = *word.as_bytes().first()?;
    if !first.is_ascii() || !b"jfmasond".contains(&first.to_ascii_lowercase()) {
        return None;
    }
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
    fn words_count_as_split_whitespace_does() {
        let samples = [
            "",
            "   ",
            "Le présent article n'est pas applicable.",
            " a\tb\nc\u{b}d\u{c}e\rf  ",
            "x\u{a0}y\u{202f}z\u{2009}w\u{3000}v\u{85}u\u{1680}t\u{2028}s\u{205f}r",
            "ÀÉÎ ×÷ œ — « guillemets » ¹²",
        ];
        for s in samples {
            assert_eq!(words(s), s.split_whitespace().count(), "{s:?}");
            for max in 0..12 {
                assert_eq!(
                    words_upto(s, max),
                    s.split_whitespace().take(max).count(),
                    "{s:?} {max}"
                );
            }
        }
        // Every character, alone and between two letters.
        for c in '\u{0}'..='\u{3100}' {
            for s in [format!("a{c}b"), format!("{c}"), format!("{c}{c}a")] {
                assert_eq!(words(&s), s.split_whitespace().count(), "{c:?}");
            }
        }
    }

    #[test]
    fn month_number_answers_as_without_its_first_letter_test() {
        let general = |word: &str| {
            let lower = word.to_lowercase();
            let lower = match lower.as_str() {
                "fevrier" => "février".to_string(),
                "aout" => "août".to_string(),
                "decembre" => "décembre".to_string(),
                _ => lower,
            };
            MONTHS
                .iter()
                .position(|m| *m == lower)
                .map(|i| i as u32 + 1)
        };
        let mut words: Vec<String> = MONTHS.iter().map(|m| m.to_string()).collect();
        words.extend(MONTHS.iter().map(|m| m.to_uppercase()));
        words.extend(
            [
                "Fevrier",
                "AOUT",
                "decembre",
                "",
                "1er",
                "mois",
                "Juin,",
                "ſeptembre",
            ]
            .map(String::from),
        );
        // Every character alone and before « anvier »: none but j/J makes a month of it.
        words.extend(('\u{0}'..='\u{3000}').map(|c| format!("{c}anvier")));
        words.extend(('\u{0}'..='\u{3000}').map(String::from));
        for w in &words {
            assert_eq!(month_number(w), general(w), "{w:?}");
        }
    }

    #[test]
    fn fold_reads_latin1_as_the_unicode_tables_do() {
        // The Latin-1 shortcut of `fold_into` against the general rule, character by character.
        let general = |c: char| -> String {
            c.to_lowercase()
                .map(|l| match l {
                    'à' | 'â' | 'ä' | 'á' => "a".to_string(),
                    'é' | 'è' | 'ê' | 'ë' => "e".to_string(),
                    'î' | 'ï' | 'í' => "i".to_string(),
                    'ô' | 'ö' | 'ó' => "o".to_string(),
                    'ù' | 'û' | 'ü' | 'ú' => "u".to_string(),
                    'ç' => "c".to_string(),
                    'ÿ' => "y".to_string(),
                    'œ' => "oe".to_string(),
                    'æ' => "ae".to_string(),
                    l => l.to_string(),
                })
                .collect()
        };
        for c in '\u{0}'..='\u{3000}' {
            assert_eq!(fold(&format!("é{c}")), format!("e{}", general(c)), "{c:?}");
        }
        let mut buffer = String::from("x");
        fold_into("ÉCOLE Œuvre", &mut buffer);
        assert_eq!(buffer, "xecole oeuvre");
    }

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
