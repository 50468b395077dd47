//! Lines: glyphs grouped in stream order, superscripts recognised, cells split at wide gaps.
//! Turns a page's glyphs into [`Line`]s with their geometry; no reading order yet.

use super::*;

/// A horizontal run of text inside a line; a line has several when it crosses table columns.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Segment {
    pub(super) x0: f64,
    pub(super) x1: f64,
    pub(super) text: String,
}

/// One visual line of a page.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Line {
    pub(super) page: u32,
    pub(super) x0: f64,
    pub(super) x1: f64,
    pub(super) y: f64,
    pub(super) size: f64,
    /// How far superscripts rise above the baseline (0 without any): they push lines apart.
    pub(super) sup_raise: f64,
    /// Where the text would end without justification: LibreOffice stretches a line ended by
    /// a forced break across the whole column, which must not read as a full line.
    pub(super) natural_x1: f64,
    /// Median gap between words, in font sizes; `stretched` when some gap is huge.
    pub(super) word_gap: f64,
    pub(super) stretched: bool,
    /// Natural width of a word space (the space glyph's advance, or a quarter em).
    pub(super) space: f64,
    /// The first words of the line with their natural widths, to tell whether they would have
    /// fitted at the end of the line above.
    pub(super) lead: Vec<(String, f64)>,
    /// Right edge of the text column the line is in, when the page has two (else the
    /// document's).
    pub(super) column_right: Option<f64>,
    pub(super) segments: Vec<Segment>,
}

impl Line {
    pub(super) fn text(&self) -> String {
        let parts: Vec<&str> = self.segments.iter().map(|s| s.text.as_str()).collect();
        parts.join(" ")
    }
}

pub(super) const SUPERSCRIPT_DIGITS: [char; 10] =
    ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// Groups a page's glyphs into lines, in stream order. Linear in the glyphs: the line being
/// built keeps a running tally of its font sizes rather than recounting them per glyph (a page
/// drawn as one line of 20,000 glyphs took 12 s that way).
pub(super) fn build_lines(page: &Page) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut current: Vec<&Glyph> = Vec::new();
    let mut tally = SizeTally::default();
    for glyph in &page.glyphs {
        if glyph.space {
            if !current.is_empty() {
                current.push(glyph);
            }
            continue;
        }
        if !current.is_empty() && !fits_line(&tally, glyph) {
            lines.extend(finish_line(page.number, &current));
            current.clear();
            tally = SizeTally::default();
        }
        current.push(glyph);
        tally.add(glyph);
    }
    lines.extend(finish_line(page.number, &current));
    attach_orphan_markers(lines)
}

/// The font sizes of a run of glyphs, counted as they come: [`main_size_and_base`] of the
/// run at any point, in constant time.
#[derive(Debug, Default)]
pub(super) struct SizeTally<'a> {
    /// Characters and first baseline per font size (in half points).
    by_size: BTreeMap<i64, (usize, f64)>,
    /// The size with most characters (the larger on a tie), and its count.
    best: Option<(usize, i64)>,
    /// The last visible glyph.
    last: Option<&'a Glyph>,
    /// The first glyph, for the size of a run without visible glyphs.
    first: Option<&'a Glyph>,
}

impl<'a> SizeTally<'a> {
    pub(super) fn add(&mut self, g: &'a Glyph) {
        self.first.get_or_insert(g);
        if g.space {
            return;
        }
        self.last = Some(g);
        let key = (g.size * 2.0).round() as i64;
        let entry = self.by_size.entry(key).or_insert((0, g.y));
        entry.0 += g.text.chars().count();
        // Counts only grow: the best is the old best or the size just counted.
        let candidate = (entry.0, key);
        if self.best.is_none_or(|best| candidate > best) {
            self.best = Some(candidate);
        }
    }

    /// The dominant font size and its baseline, as [`main_size_and_base`] gives them.
    pub(super) fn main_size_and_base(&self) -> (f64, f64) {
        match self.best {
            Some((_, key)) => (key as f64 / 2.0, self.by_size[&key].1),
            None => (self.first.map_or(10.0, |g| g.size), 0.0),
        }
    }
}

/// Whether `glyph` continues the line whose sizes `tally` counted (same baseline, or raised as
/// a superscript).
pub(super) fn fits_line(tally: &SizeTally, glyph: &Glyph) -> bool {
    let Some(last) = tally.last else {
        return false;
    };
    let (size, base) = tally.main_size_and_base();
    let reference = size.max(glyph.size);
    let dx = glyph.x - last.end;
    if dx < -0.5 * reference {
        return false;
    }
    let dy = glyph.y - base;
    if dy.abs() <= 0.45 * reference {
        return true;
    }
    // A raised glyph no larger than the line: a footnote call or `er` exponent.
    if dy > 0.0 && dy < 0.75 * size && glyph.size <= size * 1.01 {
        return true;
    }
    // The line began with a superscript (a footnote number) and its text comes now, lower.
    dy < 0.0 && -dy < 0.75 * glyph.size && size < 0.85 * glyph.size
}

/// The dominant font size of a run of glyphs (most characters) and the baseline of those glyphs.
pub(super) fn main_size_and_base(glyphs: &[&Glyph]) -> (f64, f64) {
    let mut tally = SizeTally::default();
    for g in glyphs {
        tally.add(g);
    }
    tally.main_size_and_base()
}

/// Turns a run of glyphs into a line: spaces from gaps, superscripts marked, cells split.
pub(super) fn finish_line(page: u32, glyphs: &[&Glyph]) -> Option<Line> {
    let visible: Vec<&&Glyph> = glyphs.iter().filter(|g| !g.space).collect();
    let first = visible.first()?;
    let (size, base) = main_size_and_base(glyphs);
    let mut segments: Vec<Segment> = Vec::new();
    let mut seg = Segment {
        x0: first.x,
        x1: first.end,
        text: String::new(),
    };
    let mut prev_end: Option<f64> = None;
    let mut pending_space: Option<f64> = None;
    let usual_gap = median_word_gap(glyphs, size);
    let mut space_advances: Vec<f64> = glyphs
        .iter()
        .filter(|g| g.space && g.text == " " && g.end > g.x)
        .map(|g| g.end - g.x)
        .collect();
    let space = percentile(&mut space_advances, 0.5)
        .filter(|&w| w < 0.6 * size)
        .unwrap_or(0.25 * size);
    let mut sup_raise: f64 = 0.0;
    let mut widest_space: f64 = 0.0;
    // How much justification widened the word gaps, in total.
    let mut stretch = 0.0;
    let mut lead: Vec<(String, f64)> = Vec::new();
    let mut word: Option<(String, f64, f64)> = None;
    let mut in_first_segment = true;
    // A pictogram drawn from an icon font without a Unicode map, alone before the text (an
    // arrow or a check mark), is a list marker.
    let lead_icon = is_pictogram(&first.text)
        && visible
            .get(1)
            .is_none_or(|next| next.x - first.end > 0.5 * size);
    for g in glyphs {
        if g.space {
            if prev_end.is_some() {
                let advance = g.end - g.x;
                let natural = if advance > 0.0 && advance < 0.6 * size {
                    advance
                } else {
                    space
                };
                pending_space = Some(pending_space.unwrap_or(0.0) + natural);
            }
            continue;
        }
        let mut word_break = false;
        if let Some(end) = prev_end {
            let gap = g.x - end;
            let spaced = pending_space.is_some() || gap > 0.15 * size;
            // The gap after a list marker is a tab stop, not a stretched word space.
            let after_marker = lead.is_empty() && word.as_ref().is_some_and(|w| is_marker(&w.0));
            if spaced && !after_marker {
                widest_space = widest_space.max(gap);
            }
            word_break = spaced;
            let wide = gap > 2.5 * size && (pending_space.is_none() || gap > 2.0 * usual_gap);
            if wide {
                in_first_segment = false;
                segments.push(std::mem::replace(
                    &mut seg,
                    Segment {
                        x0: g.x,
                        x1: g.end,
                        text: String::new(),
                    },
                ));
            } else if spaced {
                if !after_marker {
                    stretch += (gap - pending_space.unwrap_or(space).min(gap)).max(0.0);
                }
                seg.text.push(' ');
            }
        }
        if word_break || !in_first_segment {
            if let Some((text, x0, end)) = word.take() {
                if lead.len() < 4 {
                    lead.push((text, end - x0));
                }
            }
        }
        let superscript = is_superscript(g, size, base);
        if superscript {
            sup_raise = sup_raise.max(g.y - base);
        }
        if in_first_segment {
            let entry = word.get_or_insert_with(|| (String::new(), g.x, g.end));
            let text = if lead_icon && std::ptr::eq(*g, **first) {
                "•"
            } else {
                g.text.as_str()
            };
            push_glyph_text(&mut entry.0, text, superscript);
            entry.2 = entry.2.max(g.end);
        }
        let text = if lead_icon && std::ptr::eq(*g, **first) {
            "•"
        } else {
            g.text.as_str()
        };
        push_glyph_text(&mut seg.text, text, superscript);
        seg.x1 = seg.x1.max(g.end);
        prev_end = Some(g.end);
        pending_space = None;
    }
    if let Some((text, x0, end)) = word.take() {
        if lead.len() < 4 {
            lead.push((text, end - x0));
        }
    }
    segments.push(seg);
    let segments: Vec<Segment> = segments
        .into_iter()
        .map(|mut s| {
            s.text = s.text.trim().to_string();
            s
        })
        .filter(|s| !s.text.is_empty())
        .collect();
    let x0 = segments.first()?.x0;
    let x1 = segments.iter().map(|s| s.x1).fold(x0, f64::max);
    let natural_x1 = (x1 - stretch).clamp(x0, x1);
    Some(Line {
        page,
        x0,
        x1,
        y: base,
        size,
        sup_raise,
        natural_x1,
        word_gap: usual_gap / size,
        stretched: widest_space > 1.5 * size,
        space,
        lead,
        column_right: None,
        segments,
    })
}

/// Median distance between the words of a line (explicit spaces or visible gaps).
pub(super) fn median_word_gap(glyphs: &[&Glyph], size: f64) -> f64 {
    let mut gaps = Vec::new();
    let mut prev_end: Option<f64> = None;
    let mut pending_space = false;
    for g in glyphs {
        if g.space {
            pending_space = true;
            continue;
        }
        if let Some(end) = prev_end {
            let gap = g.x - end;
            if pending_space || gap > 0.15 * size {
                gaps.push(gap);
            }
        }
        prev_end = Some(g.end);
        pending_space = false;
    }
    percentile(&mut gaps, 0.5).unwrap_or(0.0)
}

/// A glyph raised above the baseline and not larger than the text: a call or an exponent.
pub(super) fn is_superscript(g: &Glyph, size: f64, base: f64) -> bool {
    let raise = g.y - base;
    (g.size <= size * 1.01 && raise >= 0.25 * size) || (g.size < 0.85 * size && raise >= 0.1 * size)
}

/// Appends a glyph's text; superscript digits become ¹²³, other superscripts stay plain (`1er`).
pub(super) fn push_glyph_text(out: &mut String, text: &str, superscript: bool) {
    for c in text.chars() {
        match c.to_digit(10) {
            Some(d) if superscript => out.push(SUPERSCRIPT_DIGITS[d as usize]),
            _ => out.push(c),
        }
    }
}

/// Whether a glyph's text is a pictogram with no Unicode meaning: control characters (what
/// pdf-extract gives for an icon font without a Unicode map), private-use code points.
pub(super) fn is_pictogram(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| {
            (c.is_control() && !c.is_whitespace())
                || ('\u{E000}'..='\u{F8FF}').contains(&c)
                || c == '\u{FFFD}'
        })
}

/// Whether a text is only a list marker (bullet, dash, `1.`, `a)`).
pub(super) fn is_marker(text: &str) -> bool {
    let t = text.trim();
    if t.chars().count() == 1 {
        return t.chars().all(is_bullet_char);
    }
    let Some(stripped) = t.strip_suffix('.').or_else(|| t.strip_suffix(')')) else {
        return false;
    };
    let all_digits =
        !stripped.is_empty() && stripped.len() <= 2 && stripped.chars().all(|c| c.is_ascii_digit());
    let one_letter = stripped.chars().count() == 1 && stripped.chars().all(|c| c.is_alphabetic());
    all_digits || one_letter
}

pub(super) fn is_bullet_char(c: char) -> bool {
    matches!(
        c,
        '•' | '◦'
            | '▪'
            | '▫'
            | '■'
            | '□'
            | '●'
            | '○'
            | '‣'
            | '⁃'
            | '–'
            | '-'
            | '*'
            | '\u{F0B7}'
            | '\u{F0A7}'
            | '➢'
            | '✓'
            | '→'
    )
}

/// Markers drawn apart from their text (WeasyPrint draws bullets last) are put back in front
/// of the line they belong to: same baseline, just left of it.
pub(super) fn attach_orphan_markers(lines: Vec<Line>) -> Vec<Line> {
    let mut lines: Vec<Option<Line>> = lines.into_iter().map(Some).collect();
    for i in 0..lines.len() {
        let Some(marker) = lines[i].clone() else {
            continue;
        };
        if marker.segments.len() != 1 || !is_marker(&marker.text()) {
            continue;
        }
        let target = (0..lines.len()).filter(|&j| j != i).find(|&j| {
            lines[j].as_ref().is_some_and(|l| {
                (l.y - marker.y).abs() < 0.5 * l.size.max(marker.size)
                    && l.x0 >= marker.x1 - 0.5
                    && l.x0 - marker.x1 < 4.0 * l.size
                    && !is_marker(&l.text())
            })
        });
        if let Some(j) = target {
            if let Some(line) = lines[j].as_mut() {
                let text = marker.text();
                if let Some(first) = line.segments.first_mut() {
                    first.text = format!("{text} {}", first.text);
                    first.x0 = marker.x0;
                }
                line.x0 = marker.x0;
            }
            lines[i] = None;
        }
    }
    lines.into_iter().flatten().collect()
}
