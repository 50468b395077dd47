//! French word tokens for the word diff: normalised text → `Vec<Token>` (byte ranges + kind).
//! Keeps elisions (`l'`, `qu'`), spaced numbers (« 281 160 € »), dates (« 1er février 2021 »),
//! durations, percentages and abbreviations (`art.`, `M.`, `n°`) whole; never drops a word.

pub use crate::text::value::ValueKind;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// What a token is: a word, punctuation, or a typed value of a shared [`ValueKind`] (see
/// [`super::values`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TokenKind {
    /// A word (elisions and abbreviations kept whole).
    Word,
    /// A punctuation mark.
    Punct,
    /// A number, date, amount, percentage or duration, never [`ValueKind::Text`].
    Value(ValueKind),
}

/// The tokenizer's short names of the value kinds (`TokenKind::Date`…).
#[allow(non_upper_case_globals)]
impl TokenKind {
    /// A bare number.
    pub const Number: TokenKind = TokenKind::Value(ValueKind::Number);
    /// A date.
    pub const Date: TokenKind = TokenKind::Value(ValueKind::Date);
    /// An amount.
    pub const Amount: TokenKind = TokenKind::Value(ValueKind::Amount);
    /// A percentage.
    pub const Percent: TokenKind = TokenKind::Value(ValueKind::Percent);
    /// A duration.
    pub const Duration: TokenKind = TokenKind::Value(ValueKind::Duration);
}

impl TokenKind {
    /// True for the kinds that carry a typed value.
    pub fn is_value(self) -> bool {
        !matches!(self, TokenKind::Word | TokenKind::Punct)
    }

    /// The value kind of a typed token.
    pub fn value_kind(self) -> Option<ValueKind> {
        match self {
            TokenKind::Value(k) => Some(k),
            TokenKind::Word | TokenKind::Punct => None,
        }
    }
}

/// One token: a byte range into the text it was cut from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Where it stands in the text.
    pub range: Range<usize>,
    /// What it is.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text in `source`.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.range.clone()).unwrap_or("")
    }
}

const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "lorsqu", "puisqu", "jusqu", "quoiqu", "presqu",
];

/// Abbreviations written with a final full stop, kept with it.
const ABBREVIATIONS: &[&str] = &[
    "art", "M", "MM", "Mme", "Mmes", "Mlle", "Me", "Dr", "al", "p", "pp", "cf", "etc", "n", "vol",
    "ann", "ch", "chap", "sect", "L", "R", "D",
];

pub(crate) use crate::text::{month_number, DURATION_UNITS, MONTHS};

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A number as UAX #29 gives it: digits with inner `.` or `,` (`90.000`, `5,5`).
fn is_number(s: &str) -> bool {
    s.as_bytes().first().is_some_and(|b| b.is_ascii_digit())
        && s.bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        && s.as_bytes().last().is_some_and(|b| b.is_ascii_digit())
}

/// Splits `text` into tokens (whitespace dropped), in order.
pub fn tokenize(text: &str) -> Vec<Token> {
    // 1. UAX #29 word boundaries, whitespace dropped, elisions cut after their apostrophe.
    let mut raw: Vec<Range<usize>> = Vec::new();
    for (start, piece) in text.split_word_bound_indices() {
        if piece.chars().all(char::is_whitespace) {
            continue;
        }
        if let Some(pos) = piece.find('\'') {
            let head = &piece[..pos];
            if pos + 1 < piece.len() && ELISIONS.contains(&head.to_lowercase().as_str()) {
                raw.push(start..start + pos + 1);
                raw.push(start + pos + 1..start + piece.len());
                continue;
            }
        }
        raw.push(start..start + piece.len());
    }
    // 2. Merge runs into numbers, dates, amounts, durations, percentages, abbreviations.
    let s = |r: &Range<usize>| text.get(r.clone()).unwrap_or("");
    // Only one plain space between two pieces.
    let spaced =
        |a: &Range<usize>, b: &Range<usize>| b.start == a.end + 1 && s(&(a.end..b.start)) == " ";
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let first = raw[i].clone();
        let word = s(&first);
        // Abbreviations: `art.`, `M.`, `n°`.
        if let Some(next) = raw.get(i + 1) {
            if next.start == first.end
                && ((s(next) == "." && ABBREVIATIONS.contains(&word))
                    || (s(next) == "°" && (word == "n" || word == "N")))
            {
                out.push(Token {
                    range: first.start..next.end,
                    kind: TokenKind::Word,
                });
                i += 2;
                continue;
            }
        }
        let starts_number = is_number(word) || word == "1er";
        if !starts_number {
            // « novembre 2020 »: a month and a year.
            if month_number(word).is_some() {
                if let Some(y) = raw.get(i + 1) {
                    if spaced(&first, y) && s(y).len() == 4 && is_digits(s(y)) {
                        out.push(Token {
                            range: first.start..y.end,
                            kind: TokenKind::Date,
                        });
                        i += 2;
                        continue;
                    }
                }
            }
            let kind = if word.chars().any(char::is_alphanumeric) {
                TokenKind::Word
            } else {
                TokenKind::Punct
            };
            out.push(Token { range: first, kind });
            i += 1;
            continue;
        }
        // Date « 2/4/2021 » or « 02/04/2021 ».
        if is_digits(word) && word.len() <= 2 {
            if let (Some(a), Some(m), Some(b), Some(y)) = (
                raw.get(i + 1),
                raw.get(i + 2),
                raw.get(i + 3),
                raw.get(i + 4),
            ) {
                if s(a) == "/"
                    && s(b) == "/"
                    && a.start == first.end
                    && m.start == a.end
                    && b.start == m.end
                    && y.start == b.end
                    && is_digits(s(m))
                    && s(m).len() <= 2
                    && is_digits(s(y))
                    && (s(y).len() == 4 || s(y).len() == 2)
                {
                    out.push(Token {
                        range: first.start..y.end,
                        kind: TokenKind::Date,
                    });
                    i += 5;
                    continue;
                }
            }
        }
        // Date « 1er février 2021 », « 30 juin 2021 », « 1er février ».
        if (word == "1er" || (is_digits(word) && word.len() <= 2)) && i + 1 < raw.len() {
            let m = &raw[i + 1];
            if spaced(&first, m) && month_number(s(m)).is_some() {
                let mut end = m.end;
                let mut used = 2;
                if let Some(y) = raw.get(i + 2) {
                    if spaced(m, y) && s(y).len() == 4 && is_digits(s(y)) {
                        end = y.end;
                        used = 3;
                    }
                }
                out.push(Token {
                    range: first.start..end,
                    kind: TokenKind::Date,
                });
                i += used;
                continue;
            }
        }
        if word == "1er" {
            out.push(Token {
                range: first,
                kind: TokenKind::Word,
            });
            i += 1;
            continue;
        }
        // Number with space-separated groups of three digits: « 281 160 ».
        let mut end_idx = i;
        if is_digits(word) && word.len() <= 3 {
            while let Some(next) = raw.get(end_idx + 1) {
                let t = s(next);
                let grouped = (t.len() == 3 && is_digits(t))
                    || (t.len() > 3
                        && is_number(t)
                        && t[..3].bytes().all(|b| b.is_ascii_digit())
                        && !t.as_bytes()[3].is_ascii_digit());
                if spaced(&raw[end_idx], next) && grouped {
                    end_idx += 1;
                } else {
                    break;
                }
            }
        }
        let mut end = raw[end_idx].end;
        let mut kind = TokenKind::Number;
        // Unit: €, euros, %, pour cent, a duration.
        if let Some(u) = raw.get(end_idx + 1) {
            let unit = s(u);
            let near = u.start == end || spaced(&raw[end_idx], u);
            if near {
                let lower = unit.to_lowercase();
                if unit == "€"
                    || lower == "euros"
                    || lower == "euro"
                    || unit == "EUR"
                    || unit == "k€"
                {
                    kind = TokenKind::Amount;
                    end = u.end;
                    end_idx += 1;
                } else if unit == "%" {
                    kind = TokenKind::Percent;
                    end = u.end;
                    end_idx += 1;
                } else if lower == "pour" {
                    if let Some(c) = raw.get(end_idx + 2) {
                        if spaced(u, c) && s(c) == "cent" {
                            kind = TokenKind::Percent;
                            end = c.end;
                            end_idx += 2;
                        }
                    }
                } else if DURATION_UNITS.contains(&lower.as_str()) {
                    kind = TokenKind::Duration;
                    end = u.end;
                    end_idx += 1;
                }
            }
        }
        out.push(Token {
            range: first.start..end,
            kind,
        });
        i = end_idx + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    fn kinds(text: &str) -> Vec<TokenKind> {
        tokenize(text).iter().map(|t| t.kind).collect()
    }

    #[test]
    fn elisions_are_cut_after_the_apostrophe() {
        assert_eq!(
            words("l'article et qu'il s'engage jusqu'au"),
            ["l'", "article", "et", "qu'", "il", "s'", "engage", "jusqu'", "au"]
        );
        assert_eq!(words("aujourd'hui"), ["aujourd'hui"]);
    }

    #[test]
    fn amounts_with_spaces_are_one_token() {
        let t = "fixé à 281 160 € (deux cent)";
        assert_eq!(
            words(t),
            ["fixé", "à", "281 160 €", "(", "deux", "cent", ")"]
        );
        assert_eq!(kinds(t)[2], TokenKind::Amount);
        assert_eq!(
            words("soit 1 500 000 euros."),
            ["soit", "1 500 000 euros", "."]
        );
        assert_eq!(words("90.000 et 103.500"), ["90.000", "et", "103.500"]);
    }

    #[test]
    fn dates_are_one_token() {
        let t = "du 1er février 2021 au 30 juin 2021, le 2/4/2021";
        assert_eq!(
            words(t),
            [
                "du",
                "1er février 2021",
                "au",
                "30 juin 2021",
                ",",
                "le",
                "2/4/2021"
            ]
        );
        assert!(kinds(t).iter().filter(|k| **k == TokenKind::Date).count() == 3);
        assert_eq!(
            words("Novembre 2020 – janvier 2021"),
            ["Novembre 2020", "–", "janvier 2021"]
        );
    }

    #[test]
    fn durations_percentages_and_numbers() {
        assert_eq!(kinds("pour 6 mois")[1], TokenKind::Duration);
        assert_eq!(words("à 15 % et 20%"), ["à", "15 %", "et", "20%"]);
        assert_eq!(kinds("à 15 %")[1], TokenKind::Percent);
        assert_eq!(kinds("les 6 premiers")[1], TokenKind::Number);
        assert_eq!(words("le 1er alinéa"), ["le", "1er", "alinéa"]);
    }

    #[test]
    fn abbreviations_keep_their_full_stop() {
        assert_eq!(
            words("l'art. 5, M. Dupont, décret n° 2019-1088"),
            ["l'", "art.", "5", ",", "M.", "Dupont", ",", "décret", "n°", "2019", "-", "1088"]
        );
        // A sentence's full stop stays apart.
        assert_eq!(words("la fin."), ["la", "fin", "."]);
    }

    #[test]
    fn ranges_cover_the_text() {
        let t = "Réseau Canopé s'engage à verser 281 160 €.";
        for tok in tokenize(t) {
            assert!(t.get(tok.range.clone()).is_some());
        }
    }
}
