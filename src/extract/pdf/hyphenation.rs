//! Hyphenation at line ends, decided with the words of the document itself.
//! A [`Lexicon`] of the document's words tells a break hyphen from a compound's hyphen.

use super::*;

/// Lower-cased words of the document (whole tokens, hyphens and apostrophes kept).
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    pub(super) words: BTreeSet<String>,
}

impl Lexicon {
    /// Collects the words of the lines, leaving out the fragments cut by a line-end hyphen.
    pub(crate) fn from_lines<'a>(lines: impl Iterator<Item = &'a str>) -> Lexicon {
        let mut words = BTreeSet::new();
        let mut after_hyphen = false;
        for line in lines {
            let tokens: Vec<&str> = line.split_whitespace().collect();
            let cut = ends_with_break_hyphen(line);
            for (i, token) in tokens.iter().enumerate() {
                if (i == 0 && after_hyphen) || (i + 1 == tokens.len() && cut) {
                    continue;
                }
                let word = core_word(token);
                if !word.is_empty() {
                    words.insert(word.to_lowercase());
                }
            }
            after_hyphen = cut;
        }
        Lexicon { words }
    }

    pub(super) fn contains(&self, word: &str) -> bool {
        self.words.contains(&word.to_lowercase())
    }
}

/// A token without surrounding punctuation nor an elided article (`l’équipe` → `équipe`).
pub(super) fn core_word(token: &str) -> &str {
    let t = token.trim_matches(|c: char| !c.is_alphanumeric());
    let Some((i, apostrophe)) = t
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '\'' | '’'))
    else {
        return t;
    };
    let head = &t[..i];
    if head.chars().count() <= 2 || head.to_lowercase().ends_with("qu") {
        &t[i + apostrophe.len_utf8()..]
    } else {
        t
    }
}

pub(super) const HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{00AD}'];

/// Whether a line ends with a hyphen that may be a word break (`conven-`, `Futuro -`).
pub(super) fn ends_with_break_hyphen(line: &str) -> bool {
    let t = line.trim_end();
    let Some(stripped) = t.strip_suffix(HYPHENS) else {
        return false;
    };
    let stripped = stripped.strip_suffix(' ').unwrap_or(stripped);
    stripped.chars().last().is_some_and(char::is_alphanumeric)
}

/// Left parts after which a line-end hyphen belongs to a compound.
pub(super) const COMPOUND_LEFT: &[&str] = &[
    "ci",
    "vis",
    "au",
    "sous",
    "non",
    "quasi",
    "demi",
    "semi",
    "mi",
    "ex",
    "après",
    "arrière",
    "avant",
    "grand",
    "grande",
    "saint",
    "sainte",
    "e",
    "start",
    "peut",
    "est",
    "c'est",
    "c’est",
    "chef",
    "accord",
    "bon",
    "bons",
    "porte",
    "vice",
    "cas",
    "grâce",
    "celle",
    "celui",
    "ceux",
    "dix",
    "vingt",
    "quatre",
    "soixante",
    "trente",
    "quarante",
    "cinquante",
    "soi",
    "auto",
];

/// Right parts before which a line-end hyphen belongs to a compound.
pub(super) const COMPOUND_RIGHT: &[&str] = &[
    "cadre",
    "cadres",
    "clé",
    "clés",
    "delà",
    "dessus",
    "dessous",
    "ci",
    "là",
    "même",
    "mêmes",
    "être",
    "t",
    "il",
    "ils",
    "elle",
    "elles",
    "on",
    "je",
    "tu",
    "nous",
    "vous",
    "ce",
    "dire",
    "à",
    "vingt",
    "vingts",
    "un",
    "une",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "cent",
    "cents",
    "mille",
    "up",
    "rendu",
    "rendus",
    "temps",
    "faire",
    "traitant",
    "traitants",
    "traitance",
];

/// Decides whether the hyphen between `left` and `right` (split at a line end) is kept.
pub(super) fn keep_hyphen(left: &str, right: &str, lexicon: &Lexicon) -> bool {
    let left_word = core_word(left);
    let right_word = right.trim_end_matches(|c: char| !c.is_alphanumeric());
    let technical = |w: &str| {
        w.chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '.' | '/' | '@' | '_'))
    };
    if technical(left) || technical(right_word) {
        return true;
    }
    if lexicon.contains(&format!("{left_word}-{right_word}")) {
        return true;
    }
    if lexicon.contains(&format!("{left_word}{right_word}")) {
        return false;
    }
    let last_left = last_part(left_word);
    let first_right = right_word.split('-').next().unwrap_or(right_word);
    let known_left = COMPOUND_LEFT.contains(&last_left.to_lowercase().as_str());
    let known_right = COMPOUND_RIGHT.contains(&first_right.to_lowercase().as_str());
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let all_caps = |w: &str| w.chars().all(|c| !c.is_lowercase());
    (known_left && (known_right || lexicon.contains(first_right)))
        || (known_right && (known_left || lexicon.contains(last_left)))
        || (capitalised(last_left) && capitalised(right_word) && !all_caps(right_word))
}

/// The last hyphen-separated part of a word.
pub(super) fn last_part(word: &str) -> &str {
    word.rsplit('-').next().unwrap_or(word)
}

/// Joins a wrapped line to the text before it: a line-end hyphen is removed when it cut a word
/// (`conven-` + `tion`), kept in compounds (`accord-` + `cadre`); otherwise a space is put.
pub(crate) fn join_wrapped(before: &str, next: &str, lexicon: &Lexicon) -> String {
    let before = before.trim_end();
    let next = next.trim_start();
    if before.is_empty() {
        return next.to_string();
    }
    let starts_with_letter = next.chars().next().is_some_and(char::is_alphanumeric);
    if ends_with_break_hyphen(before) && starts_with_letter {
        let soft = before.ends_with('\u{00AD}');
        let stem = before.trim_end_matches(HYPHENS).trim_end();
        let left = stem.rsplit(char::is_whitespace).next().unwrap_or(stem);
        let right = next.split(char::is_whitespace).next().unwrap_or(next);
        if !soft && keep_hyphen(left, right, lexicon) {
            return format!("{stem}-{next}");
        }
        return format!("{stem}{next}");
    }
    let last_token = before.rsplit(char::is_whitespace).next().unwrap_or(before);
    if last_token.contains("://") && last_token.ends_with('/') {
        return format!("{before}{next}");
    }
    format!("{before} {next}")
}
