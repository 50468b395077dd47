//! Readability of the text layer.
//! Judges whether the extracted text decodes to words or is garbage from fonts without Unicode maps.

/// What the extracted text looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Readability {
    Readable,
    /// Almost nothing but spaces, digits and punctuation.
    Empty,
    /// Characters that do not decode to words (private-use code points, unknown words).
    Garbage,
}

/// Very common French (and a few English) words: real text always contains many of them.
pub(super) const COMMON_WORDS: &[&str] = &[
    "de", "la", "le", "et", "les", "des", "à", "en", "du", "une", "un", "pour", "par", "que",
    "qui", "sur", "est", "dans", "au", "aux", "ou", "ce", "il", "elle", "se", "sont", "son", "sa",
    "ses", "leur", "leurs", "pas", "ne", "plus", "avec", "d", "l", "s", "n", "qu", "the", "of",
    "and", "to", "in", "is", "for", "on", "with",
];

/// Judges whether the text layer decodes to readable words.
pub(super) fn assess_readability(text: &str) -> Readability {
    let mut visible = 0usize;
    let mut bad = 0usize;
    let mut letters = 0usize;
    let mut vowels = 0usize;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        visible += 1;
        let private = ('\u{E000}'..='\u{F8FF}').contains(&c) || c == '\u{FFFD}' || c.is_control();
        if private {
            bad += 1;
        } else if c.is_alphabetic() {
            letters += 1;
            if "aeiouyàâäéèêëîïôöùûüÿœæAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŸŒÆ".contains(c)
            {
                vowels += 1;
            }
        }
    }
    if visible == 0 {
        return Readability::Empty;
    }
    if bad * 5 >= visible {
        return Readability::Garbage;
    }
    if letters < 20 {
        return if bad > 0 {
            Readability::Garbage
        } else {
            Readability::Empty
        };
    }
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let common = words
        .iter()
        .filter(|w| COMMON_WORDS.contains(&w.as_str()))
        .count();
    let vowel_ratio = vowels as f64 / letters as f64;
    let common_ratio = common as f64 / words.len().max(1) as f64;
    let odd_vowels = !(0.2..=0.7).contains(&vowel_ratio);
    if (words.len() >= 30 && common_ratio < 0.04) || odd_vowels {
        Readability::Garbage
    } else {
        Readability::Readable
    }
}
