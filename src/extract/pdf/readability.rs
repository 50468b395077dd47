//! Readability of the text layer.
//! Judges whether the extracted text decodes to words or is garbage from fonts without Unicode maps,
//! and counts the glyphs that decode to nothing (the share of the text that is lost).

use super::*;

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

/// How far the text layer can be trusted: drawn glyphs that decode to no character, and pages
/// whose content could not be decompressed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextLayer {
    /// Visible glyphs drawn (mapped or not), spaces excluded.
    pub glyphs: usize,
    /// Of those, glyphs without a Unicode mapping, in runs long enough to be words: their text
    /// is lost (isolated ones are pictograms and bullets, dropped on purpose).
    pub unmapped: usize,
    /// Pages (numbered from 1) holding unmapped glyphs.
    pub unmapped_pages: Vec<u32>,
    /// Pages with a content stream that failed to decompress.
    pub damaged_pages: Vec<u32>,
    /// Pages the page tree announces but that could not be reached, or that were left
    /// unread past [`MAX_CHARACTERS`].
    pub missing_pages: usize,
    /// Pages whose text stops at [`MAX_PAGE_CHARACTERS`] (or [`MAX_CHARACTERS`]): the rest of
    /// what they draw is not read.
    pub cut_pages: Vec<u32>,
}

/// Share of unmapped glyphs above which the text is refused rather than given with a warning.
pub const REFUSE_UNMAPPED_SHARE: f64 = 0.5;
/// Share of unmapped glyphs from which a warning is given (isolated pictograms stay quiet).
pub const WARN_UNMAPPED_SHARE: f64 = 0.002;

impl TextLayer {
    pub(super) fn of(pages: &[Page]) -> TextLayer {
        let mut layer = TextLayer::default();
        for page in pages {
            layer.glyphs += page.drawn;
            layer.unmapped += page.unmapped;
            if page.unmapped > 0 {
                layer.unmapped_pages.push(page.number);
            }
            if page.damaged {
                layer.damaged_pages.push(page.number);
            }
            if page.cut {
                layer.cut_pages.push(page.number);
            }
        }
        layer
    }

    /// Share (0..=1) of the drawn characters that have no Unicode mapping.
    pub fn unmapped_share(&self) -> f64 {
        if self.glyphs == 0 {
            0.0
        } else {
            self.unmapped as f64 / self.glyphs as f64
        }
    }

    /// The warning to give, in French, when part of the text may be missing.
    pub fn warning(&self) -> Option<String> {
        let share = self.unmapped_share();
        let mut parts = Vec::new();
        if share >= WARN_UNMAPPED_SHARE {
            parts.push(format!(
                "{} des caractères dessinés n'ont pas de correspondance Unicode ({}) et manquent au texte",
                percent(share),
                pages_phrase(&self.unmapped_pages)
            ));
        }
        if !self.damaged_pages.is_empty() {
            parts.push(format!(
                "le contenu {} est endommagé",
                of_pages(&self.damaged_pages)
            ));
        }
        if !self.cut_pages.is_empty() {
            parts.push(format!(
                "le texte {} est coupé à la limite de lecture ({} caractères ou {}\u{a0}Mo de contenu par page, {} caractères ou {}\u{a0}Mo par document)",
                of_pages(&self.cut_pages),
                thousands(MAX_PAGE_CHARACTERS),
                MAX_PAGE_CONTENT >> 20,
                thousands(MAX_CHARACTERS),
                MAX_CONTENT >> 20
            ));
        }
        if self.missing_pages == 1 {
            parts.push("1 page annoncée par le document n'a pas pu être lue".to_string());
        } else if self.missing_pages > 1 {
            parts.push(format!(
                "{} pages annoncées par le document n'ont pas pu être lues",
                self.missing_pages
            ));
        }
        if parts.is_empty() {
            return None;
        }
        Some(format!(
            "couche texte du PDF en partie illisible : {} ; vérifiez le texte avec le document d'origine",
            parts.join(" ; ")
        ))
    }
}

/// « 200 000 », with a no-break space between groups of three digits.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}

/// « 12 % », « 0,4 % », « moins de 0,1 % ».
pub(super) fn percent(share: f64) -> String {
    let p = share * 100.0;
    if p < 0.1 {
        "moins de 0,1\u{a0}%".to_string()
    } else if p < 10.0 {
        format!("{:.1}\u{a0}%", p).replace('.', ",")
    } else {
        format!("{:.0}\u{a0}%", p)
    }
}

/// « page 3 », « pages 3, 8 et 9 », « 12 pages, de 1 à 23 ».
fn pages_phrase(pages: &[u32]) -> String {
    let numbers: Vec<String> = pages.iter().map(u32::to_string).collect();
    match numbers.len() {
        0 => String::new(),
        1 => format!("page {}", numbers[0]),
        n if n <= 6 => format!(
            "pages {} et {}",
            numbers[..n - 1].join(", "),
            numbers[n - 1]
        ),
        n => format!("{n} pages, de {} à {}", numbers[0], numbers[n - 1]),
    }
}

/// « de la page 3 », « des pages 3 et 5 », « de 12 pages, de 1 à 23 ».
fn of_pages(pages: &[u32]) -> String {
    let phrase = pages_phrase(pages);
    if let Some(rest) = phrase.strip_prefix("pages ") {
        format!("des pages {rest}")
    } else if phrase.starts_with("page ") {
        format!("de la {phrase}")
    } else {
        format!("de {phrase}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warning_names_the_share_and_the_pages() {
        let layer = TextLayer {
            glyphs: 1000,
            unmapped: 120,
            unmapped_pages: vec![2, 3],
            damaged_pages: vec![4],
            missing_pages: 0,
            cut_pages: Vec::new(),
        };
        assert_eq!(
            layer.warning().unwrap(),
            "couche texte du PDF en partie illisible : 12\u{a0}% des caractères dessinés n'ont pas de \
             correspondance Unicode (pages 2 et 3) et manquent au texte ; le contenu de la page 4 est \
             endommagé ; vérifiez le texte avec le document d'origine"
        );
        let many = TextLayer {
            glyphs: 1000,
            unmapped: 1,
            unmapped_pages: vec![1],
            damaged_pages: (1..=9).collect(),
            missing_pages: 2,
            cut_pages: vec![3],
        };
        assert!(many
            .warning()
            .unwrap()
            .contains("le contenu de 9 pages, de 1 à 9 est endommagé ; le texte de la page 3 est coupé à la limite de lecture (200\u{a0}000 caractères ou 64\u{a0}Mo de contenu par page, 5\u{a0}000\u{a0}000 caractères ou 256\u{a0}Mo par document) ; 2 pages annoncées"));
        assert_eq!(TextLayer::default().warning(), None);
    }
}
