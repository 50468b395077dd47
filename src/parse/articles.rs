//! Finding the article headings of a document before the tree is built: « Article » headings,
//! else numbered headings counting up from 1, else dotted section numbers.

use super::headings::{self, ArticleHeading};
use super::Builder;
use crate::normalise::{Form, Line};
use std::collections::BTreeMap;

impl Builder {
    /// Article headings of the document, by line start offset. When no « Article » heading
    /// exists, numbered headings (« 1. Objet », « II – Durée ») that count up from 1 are used.
    pub(super) fn find_articles(&self, lines: &[&Line]) -> BTreeMap<usize, ArticleHeading> {
        let mut found = BTreeMap::new();
        let (mut marked, mut plain) = (0usize, 0usize);
        for l in lines {
            let md = matches!(l.form, Form::Heading(_));
            if let Some(a) = headings::article(&l.text, md) {
                found.insert(l.span.start, (a, md));
                if md {
                    marked += 1;
                } else {
                    plain += 1;
                }
            }
        }
        // A text that marks its articles as headings (the codes: `#### Article L1`) marks them
        // all: an « Article 1er » or « Art. D. 133-19.- » line in plain text is then quoted
        // (an article of another code reproduced, a model convention in an annex).
        let headings_only = marked >= 10 && plain * 3 <= marked;
        if headings_only {
            // « ###### Article Annexe Tableau » where the code's articles stand: an article
            // named by words, not a division over the articles after it.
            let mut levels = [0usize; 8];
            for l in lines {
                if let Form::Heading(h) = l.form {
                    if found.contains_key(&l.span.start) {
                        levels[usize::from(h).min(7)] += 1;
                    }
                }
            }
            let level = (0..levels.len()).max_by_key(|h| levels[*h]).unwrap_or(0);
            for l in lines {
                if l.form == Form::Heading(level as u8) && !found.contains_key(&l.span.start) {
                    if let Some(a) = headings::worded_article(&l.text) {
                        found.insert(l.span.start, (a, true));
                    }
                }
            }
        }
        if !found.is_empty() {
            return found
                .into_iter()
                .filter(|(_, (_, md))| *md || !headings_only)
                .map(|(k, (a, _))| (k, a))
                .collect();
        }
        let mut found = BTreeMap::new();
        let mut expected = 1;
        // The form of the series' headings, once one is found (`## 1. Nom`: level 2).
        let mut series: Option<&Form> = None;
        for l in lines {
            let top_level = match &l.form {
                Form::Plain | Form::Heading(_) => true,
                Form::Item { ordered, level, .. } => *ordered && *level == 0,
                _ => false,
            };
            if !top_level {
                continue;
            }
            if let Some(a) = headings::numbered(&l.text) {
                let Some(n) = number_value(&a.number) else {
                    continue;
                };
                // A Markdown heading of the series' level skips a few numbers (« ## 15. Dons »,
                // « ## 17. Libéralités »; « ## 2. Objet » after a « 1. Sommaire » set aside): a
                // gap in the numbering, which `numbering` remarks, not the end of the series.
                let skips = matches!(l.form, Form::Heading(_))
                    && series.is_none_or(|f| *f == l.form)
                    && n > expected
                    && n - expected <= MAX_SKIPPED;
                if n == expected || skips {
                    found.insert(l.span.start, a);
                    expected = n + 1;
                    series = Some(&l.form);
                }
            }
        }
        if found.len() >= 2 {
            return found;
        }
        found.clear();
        // Dotted section numbers (« 2.1 Stratégie », « 4.1.1 … »), table-of-contents entries
        // (same number, heading followed by a page number, met again later) left out.
        let mut sections: Vec<(usize, ArticleHeading, bool)> = Vec::new();
        for l in lines {
            if matches!(l.form, Form::Plain | Form::Heading(_)) {
                if let Some((a, page)) = headings::section(&l.text) {
                    sections.push((l.span.start, a, page));
                }
            }
        }
        // Where each number is met last (one pass, so that repeated numbers cost no rescan).
        let mut last: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (i, (_, a, _)) in sections.iter().enumerate() {
            last.insert(a.number.as_str(), i);
        }
        for (i, (start, a, _)) in sections.iter().enumerate() {
            // A number met again later: this one was its entry in the table of contents.
            let listed_again = last.get(a.number.as_str()).is_some_and(|l| *l > i);
            if !listed_again {
                found.insert(*start, a.clone());
            }
        }
        if found.len() < 2 {
            found.clear();
        }
        found
    }
}

/// Numbers a series of numbered Markdown headings may skip at once.
const MAX_SKIPPED: u32 = 3;

/// Articles of a document without any numbered article, read from its unnumbered Markdown
/// headings (« ## Titre », « ## Siège »…): those of the shallowest level that has three at
/// least, else of a level below the title's that has two, each with its text; numbered in
/// order from 1 (the numbers are implicit). Empty when no level has them.
pub(super) fn implicit_articles(lines: &[&Line]) -> BTreeMap<usize, ArticleHeading> {
    let mut count = [0usize; 7];
    for l in lines {
        if let Form::Heading(level) = l.form {
            if let Some(c) = count.get_mut(usize::from(level)) {
                *c += 1;
            }
        }
    }
    // Two sections of a short text are units too (a règlement of two clauses, whose next
    // version has four), when each has its text: two bare headings are no clauses.
    let Some(level) = (1..count.len()).find(|l| count[*l] >= 3).or_else(|| {
        (2..count.len()).find(|l| count[*l] == 2 && sections_have_text(lines, *l as u8))
    }) else {
        return BTreeMap::new();
    };
    let mut found = BTreeMap::new();
    for l in lines {
        if l.form != Form::Heading(level as u8) {
            continue;
        }
        let heading = l.text.trim().trim_end_matches([':', ' ', '\u{a0}']).trim();
        let n = (found.len() + 1).to_string();
        found.insert(
            l.span.start,
            ArticleHeading {
                label: n.clone(),
                number: n,
                heading: (!heading.is_empty()).then(|| heading.to_string()),
            },
        );
    }
    found
}

/// Every Markdown heading of `level` is followed by a line of text (a paragraph, a list, a
/// table) before the next heading of its level or above.
fn sections_have_text(lines: &[&Line], level: u8) -> bool {
    let mut open = false;
    for l in lines {
        match l.form {
            // A deeper heading opens a part of the section, whose text is the section's.
            Form::Heading(h) if h > level => {}
            Form::Heading(h) => {
                if open {
                    return false;
                }
                open = h == level;
            }
            _ => open = false,
        }
    }
    !open
}

fn number_value(n: &str) -> Option<u32> {
    if let Ok(v) = n.parse() {
        return Some(v);
    }
    roman_value(n)
}

/// Value of a Roman numeral (`IV` → 4).
pub fn roman_value(s: &str) -> Option<u32> {
    let mut total = 0;
    let mut prev = 0;
    for c in s.chars().rev() {
        let v = match c.to_ascii_uppercase() {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            'D' => 500,
            'M' => 1000,
            _ => return None,
        };
        if v < prev {
            total -= v;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0).then_some(total)
}
