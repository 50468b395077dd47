//! Automatic numbering labels as Word and LibreOffice display them: number formats, Word's
//! `lvlText` with `%1.%2` placeholders, restarts and overrides, and ODF prefix/suffix/display-levels.
//!
//! The model follows ECMA-376 §17.9 (abstractNum → lvl; num → lvlOverride/startOverride), as
//! LibreOffice's writerfilter and docx4j read it: counters belong to the abstract definition and
//! are shared by the `num` instances that use it; a `startOverride` restarts its level the first
//! time its `num` is used; a level restarts when a level above it (or up to `lvlRestart`) is used.

use std::collections::{HashMap, HashSet};

/// How one level writes its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NumFmt {
    #[default]
    Decimal,
    DecimalZero,
    UpperRoman,
    LowerRoman,
    UpperLetter,
    LowerLetter,
    /// French ordinal as Word writes it for French text: « 1er », « 2e ».
    Ordinal,
    Bullet,
    /// No number shown (`none`, or an ODF level with an empty `num-format`).
    None,
}

impl NumFmt {
    /// Word's `w:numFmt/@w:val`; unknown formats read as decimal, as LibreOffice falls back.
    pub fn from_word(val: &str) -> NumFmt {
        match val {
            "decimalZero" => NumFmt::DecimalZero,
            "upperRoman" => NumFmt::UpperRoman,
            "lowerRoman" => NumFmt::LowerRoman,
            "upperLetter" => NumFmt::UpperLetter,
            "lowerLetter" => NumFmt::LowerLetter,
            "ordinal" => NumFmt::Ordinal,
            "bullet" => NumFmt::Bullet,
            "none" => NumFmt::None,
            _ => NumFmt::Decimal,
        }
    }

    /// ODF `style:num-format` (`1`, `I`, `i`, `A`, `a`, empty).
    pub fn from_odf(val: &str) -> NumFmt {
        match val {
            "" => NumFmt::None,
            "I" => NumFmt::UpperRoman,
            "i" => NumFmt::LowerRoman,
            "A" => NumFmt::UpperLetter,
            "a" => NumFmt::LowerLetter,
            _ => NumFmt::Decimal,
        }
    }

    /// The number `n` in this format.
    pub fn format(self, n: u32) -> String {
        match self {
            NumFmt::Decimal => n.to_string(),
            NumFmt::DecimalZero => format!("{n:02}"),
            NumFmt::UpperRoman => roman(n),
            NumFmt::LowerRoman => roman(n).to_lowercase(),
            NumFmt::UpperLetter => letters(n),
            NumFmt::LowerLetter => letters(n).to_lowercase(),
            NumFmt::Ordinal => {
                if n == 1 {
                    "1er".to_string()
                } else {
                    format!("{n}e")
                }
            }
            NumFmt::Bullet | NumFmt::None => String::new(),
        }
    }
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// Word's letters: A…Z, then AA, BB… (the letter repeated), as Word and LibreOffice display them.
fn letters(n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    let letter = (b'A' + ((n - 1) % 26) as u8) as char;
    let times = ((n - 1) / 26 + 1).min(50) as usize;
    std::iter::repeat_n(letter, times).collect()
}

/// What follows a Word label: a tab (default), a space or nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Suffix {
    #[default]
    Tab,
    Space,
    Nothing,
}

/// One level of a Word abstract numbering (`w:lvl`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Level {
    pub start: u32,
    pub fmt: NumFmt,
    /// `lvlText`, e.g. « Article %1 : » or « %1.%2. ».
    pub text: String,
    /// `lvlRestart`: `Some(0)` never restarts; `Some(n)` restarts after levels 1..=n; `None` after any higher level.
    pub restart: Option<u32>,
    pub is_lgl: bool,
    pub suffix: Suffix,
    /// The paragraph style linked to this level (`w:pStyle`).
    pub style: Option<String>,
}

/// A computed label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    /// A bullet: the item is unordered.
    Bullet,
    /// The displayed label (may be empty for `none`), and whether a separator follows it.
    Text { text: String, separated: bool },
}

/// A `w:num`: its abstract definition and per-level overrides.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Num {
    pub abstract_id: String,
    pub start_overrides: HashMap<u8, u32>,
    pub level_overrides: HashMap<u8, Level>,
}

/// Word numbering: the definitions of `numbering.xml` and the counters of the paragraphs read so far.
#[derive(Debug, Clone, Default)]
pub struct WordNumbering {
    pub abstracts: HashMap<String, Vec<Option<Level>>>,
    pub nums: HashMap<String, Num>,
    counters: HashMap<String, [Option<u32>; 9]>,
    overridden: HashSet<(String, u8)>,
}

impl WordNumbering {
    /// The level definition `ilvl` of `num_id`, overrides applied.
    pub fn level(&self, num_id: &str, ilvl: u8) -> Option<&Level> {
        let num = self.nums.get(num_id)?;
        if let Some(l) = num.level_overrides.get(&ilvl) {
            return Some(l);
        }
        self.abstracts
            .get(&num.abstract_id)?
            .get(ilvl as usize)?
            .as_ref()
    }

    /// The level of `num_id` linked to paragraph style `style` (headings numbered through their style).
    pub fn level_of_style(&self, num_id: &str, style: &str) -> Option<u8> {
        let num = self.nums.get(num_id)?;
        let levels = self.abstracts.get(&num.abstract_id)?;
        levels
            .iter()
            .position(|l| l.as_ref().and_then(|l| l.style.as_deref()) == Some(style))
            .map(|p| p as u8)
    }

    /// Advances the counters for a paragraph numbered (`num_id`, `ilvl`) and returns its label.
    /// `None` when the numbering is unknown or switched off (`numId` 0).
    pub fn next(&mut self, num_id: &str, ilvl: u8) -> Option<Label> {
        let ilvl = ilvl.min(8);
        let num = self.nums.get(num_id)?;
        let level = self.level(num_id, ilvl)?.clone();
        let start_override = num.start_overrides.get(&ilvl).copied();
        let abstract_id = num.abstract_id.clone();
        let first_use =
            start_override.is_some() && self.overridden.insert((num_id.to_string(), ilvl));
        let abstract_levels = self.abstracts.get(&abstract_id);
        let counters = self.counters.entry(abstract_id.clone()).or_default();
        let current = match (first_use, start_override) {
            (true, Some(start)) => start,
            _ => match counters[ilvl as usize] {
                Some(n) => n + 1,
                None => level.start,
            },
        };
        counters[ilvl as usize] = Some(current);
        // Deeper levels restart unless their lvlRestart says otherwise.
        for (deeper, counter) in counters.iter_mut().enumerate().skip(ilvl as usize + 1) {
            let restart = abstract_levels
                .and_then(|ls| ls.get(deeper))
                .and_then(|l| l.as_ref())
                .and_then(|l| l.restart);
            let resets = match restart {
                None => true,
                Some(0) => false,
                Some(r) => (ilvl as u32) < r,
            };
            if resets {
                *counter = None;
            }
        }
        if level.fmt == NumFmt::Bullet {
            return Some(Label::Bullet);
        }
        let counters = counters.to_owned();
        let text = expand(&level.text, |k| {
            let value = counters[k].or_else(|| self.level(num_id, k as u8).map(|l| l.start))?;
            let fmt = if level.is_lgl {
                NumFmt::Decimal
            } else {
                self.level(num_id, k as u8)
                    .map(|l| l.fmt)
                    .unwrap_or_default()
            };
            Some(fmt.format(value))
        });
        Some(Label::Text {
            separated: level.suffix != Suffix::Nothing,
            text,
        })
    }
}

/// Replaces `%1`…`%9` in a Word `lvlText` by the value `value(k)` of level `k` (0-based).
pub fn expand(template: &str, mut value: impl FnMut(usize) -> Option<String>) -> String {
    let mut out = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '%' {
            if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                chars.next();
                if (1..=9).contains(&d) {
                    out.push_str(&value(d as usize - 1).unwrap_or_default());
                }
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// One level of an ODF list or outline style.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OdfLevel {
    pub prefix: String,
    pub suffix: String,
    pub fmt: NumFmt,
    /// How many levels the label shows (`text:display-levels`), ending with this one.
    pub display_levels: u8,
    pub start: u32,
}

/// Counters of one ODF list (or of the outline): a label per level, as LibreOffice displays it.
#[derive(Debug, Clone, Default)]
pub struct OdfCounter {
    counters: [Option<u32>; 10],
}

impl OdfCounter {
    /// Advances level `level` (0-based) and returns the label; `levels[i]` is level `i`'s style.
    /// `start_value` is a `text:start-value` on the item, which sets the counter.
    pub fn next(
        &mut self,
        levels: &[OdfLevel],
        level: usize,
        start_value: Option<u32>,
    ) -> Option<String> {
        let level = level.min(9);
        let style = levels.get(level)?;
        let value = match (start_value, self.counters[level]) {
            (Some(v), _) => v,
            (None, Some(n)) => n + 1,
            (None, None) => style.start.max(1),
        };
        self.counters[level] = Some(value);
        for c in self.counters.iter_mut().skip(level + 1) {
            *c = None;
        }
        if style.fmt == NumFmt::None && style.prefix.is_empty() && style.suffix.is_empty() {
            return None;
        }
        let shown = (style.display_levels.max(1) as usize).min(level + 1);
        let mut parts = Vec::new();
        for k in (level + 1 - shown)..=level {
            let l = levels.get(k).cloned().unwrap_or_default();
            if l.fmt == NumFmt::None {
                continue;
            }
            let v = self.counters[k].unwrap_or(l.start.max(1));
            parts.push(l.fmt.format(v));
        }
        Some(format!(
            "{}{}{}",
            style.prefix,
            parts.join("."),
            style.suffix
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lvl(start: u32, fmt: NumFmt, text: &str) -> Level {
        Level {
            start,
            fmt,
            text: text.into(),
            ..Level::default()
        }
    }

    fn numbering(levels: Vec<Level>) -> WordNumbering {
        let mut n = WordNumbering::default();
        n.abstracts
            .insert("0".into(), levels.into_iter().map(Some).collect());
        n.nums.insert(
            "1".into(),
            Num {
                abstract_id: "0".into(),
                ..Num::default()
            },
        );
        n
    }

    fn text(l: Option<Label>) -> String {
        match l {
            Some(Label::Text { text, .. }) => text,
            Some(Label::Bullet) => "•".into(),
            None => "∅".into(),
        }
    }

    #[test]
    fn formats() {
        let cases: &[(NumFmt, u32, &str)] = &[
            (NumFmt::Decimal, 7, "7"),
            (NumFmt::DecimalZero, 7, "07"),
            (NumFmt::UpperRoman, 14, "XIV"),
            (NumFmt::LowerRoman, 1999, "mcmxcix"),
            (NumFmt::UpperLetter, 1, "A"),
            (NumFmt::UpperLetter, 28, "BB"),
            (NumFmt::LowerLetter, 26, "z"),
            (NumFmt::Ordinal, 1, "1er"),
            (NumFmt::Ordinal, 2, "2e"),
            (NumFmt::None, 3, ""),
        ];
        for (fmt, n, want) in cases {
            assert_eq!(fmt.format(*n), *want, "{fmt:?} {n}");
        }
    }

    #[test]
    fn article_then_sub_articles() {
        let mut n = numbering(vec![
            lvl(1, NumFmt::Decimal, "Article %1 :"),
            lvl(1, NumFmt::Decimal, "%1.%2"),
        ]);
        // (ilvl, expected) in document order.
        let seq: &[(u8, &str)] = &[
            (0, "Article 1 :"),
            (0, "Article 2 :"),
            (1, "2.1"),
            (1, "2.2"),
            (0, "Article 3 :"),
            (1, "3.1"),
        ];
        for (ilvl, want) in seq {
            assert_eq!(text(n.next("1", *ilvl)), *want);
        }
    }

    #[test]
    fn restart_override_legal_and_bullets() {
        let mut l1 = lvl(1, NumFmt::LowerLetter, "%1.%2)");
        l1.restart = Some(0);
        let mut l2 = lvl(1, NumFmt::Decimal, "%1.%2.%3");
        l2.is_lgl = true;
        let mut n = numbering(vec![lvl(1, NumFmt::UpperRoman, "%1."), l1, l2]);
        let seq: &[(u8, &str)] = &[
            (0, "I."),
            (1, "I.a)"),
            (2, "1.1.1"),
            (0, "II."),
            (1, "II.b)"),
            (2, "2.2.1"),
        ];
        for (ilvl, want) in seq {
            assert_eq!(text(n.next("1", *ilvl)), *want);
        }
        // A second instance of the same list restarting at 5 through startOverride.
        n.nums.insert(
            "2".into(),
            Num {
                abstract_id: "0".into(),
                start_overrides: [(0u8, 5u32)].into_iter().collect(),
                ..Num::default()
            },
        );
        assert_eq!(text(n.next("2", 0)), "V.");
        assert_eq!(text(n.next("2", 0)), "VI.");
        // The first instance shares the counters (Word continues the abstract list).
        assert_eq!(text(n.next("1", 0)), "VII.");
        let mut b = numbering(vec![lvl(1, NumFmt::Bullet, "")]);
        assert_eq!(text(b.next("1", 0)), "•");
        assert_eq!(text(b.next("9", 0)), "∅");
    }

    #[test]
    fn unused_upper_level_shows_its_start() {
        let mut n = numbering(vec![
            lvl(3, NumFmt::Decimal, "%1."),
            lvl(1, NumFmt::Decimal, "%1.%2."),
        ]);
        assert_eq!(text(n.next("1", 1)), "3.1.");
    }

    #[test]
    fn odf_prefix_suffix_display_levels() {
        let levels = vec![
            OdfLevel {
                prefix: "Article ".into(),
                suffix: " –".into(),
                fmt: NumFmt::Decimal,
                display_levels: 1,
                start: 1,
            },
            OdfLevel {
                prefix: String::new(),
                suffix: ".".into(),
                fmt: NumFmt::Decimal,
                display_levels: 2,
                start: 1,
            },
        ];
        let mut c = OdfCounter::default();
        assert_eq!(c.next(&levels, 0, None).unwrap(), "Article 1 –");
        assert_eq!(c.next(&levels, 1, None).unwrap(), "1.1.");
        assert_eq!(c.next(&levels, 1, None).unwrap(), "1.2.");
        assert_eq!(c.next(&levels, 0, Some(5)).unwrap(), "Article 5 –");
        assert_eq!(c.next(&levels, 1, None).unwrap(), "5.1.");
        let none = vec![OdfLevel {
            fmt: NumFmt::None,
            ..OdfLevel::default()
        }];
        assert_eq!(c.next(&none, 0, None), None);
    }
}
