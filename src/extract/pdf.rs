//! PDF bytes → cleaned plain text shaped like the seed conventions (paragraphs, `- ` items, TAB rows, `¹ note` lines).
//! Uses glyph positions from pdf-extract to drop running headers, footers and page numbers; never parses structure.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Mutex;

use pdf_extract::{Document, MediaBox, OutputDev, OutputError, Transform};

/// Why a PDF could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// The document is encrypted and cannot be opened without a password.
    Encrypted,
    /// The file is damaged or truncated; the detail says what failed.
    Malformed(String),
    /// The pages carry no text at all (scanned document, images only).
    NoTextLayer,
    /// There is a text layer but it does not decode to readable text.
    Unreadable,
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::Encrypted => f.write_str(
                "le PDF est chiffré ; enregistrez-en une copie non protégée ou utilisez une version exportée du document",
            ),
            PdfError::Malformed(detail) => {
                write!(f, "le PDF est endommagé ou tronqué ({detail})")
            }
            PdfError::NoTextLayer => f.write_str(
                "le PDF n'a pas de couche texte (document numérisé ?) ; utilisez une version exportée du document ou un OCR",
            ),
            PdfError::Unreadable => f.write_str(
                "la couche texte du PDF est illisible (polices sans table Unicode) ; utilisez une version exportée du document ou un OCR",
            ),
        }
    }
}

impl std::error::Error for PdfError {}

/// Extracts the text of a PDF, cleaned and shaped like the text exports the parser reads:
/// paragraphs separated by blank lines, list items as `- ` lines, table rows as TAB-separated
/// cells, footnotes as `¹ text` lines with their calls kept as superscript digits.
pub fn pdf_to_text(bytes: &[u8]) -> Result<String, PdfError> {
    let pages = load_pages(bytes)?;
    if pages.iter().all(|p| p.glyphs.iter().all(|g| g.space)) {
        return Err(PdfError::NoTextLayer);
    }
    // Our own layout code runs behind the same guard as pdf-extract: whatever a strange page
    // does to it, the user gets a message, never a panic.
    let text = quietly(|| layout_text(&pages))
        .ok_or_else(|| PdfError::Malformed("mise en page du texte impossible".into()))?;
    match assess_readability(&text) {
        Readability::Readable => Ok(text),
        Readability::Empty => Err(PdfError::NoTextLayer),
        Readability::Garbage => Err(PdfError::Unreadable),
    }
}

// ---------------------------------------------------------------------------------------------
// Loading: pdf-extract behind catch_unwind, glyphs collected with their positions.
// ---------------------------------------------------------------------------------------------

/// One glyph as drawn: baseline origin, font size and advance end, in PDF points (y upwards).
#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    y: f64,
    size: f64,
    end: f64,
    text: String,
    space: bool,
}

/// The glyphs of one page, in content-stream order.
#[derive(Debug, Clone, Default)]
struct Page {
    number: u32,
    height: f64,
    glyphs: Vec<Glyph>,
}

/// `OutputDev` that keeps every glyph of the pages it is shown.
#[derive(Default)]
struct Collector {
    pages: Vec<Page>,
    origin: (f64, f64),
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.origin = (media_box.llx, media_box.lly);
        self.pages.push(Page {
            number: page_num,
            height: media_box.ury - media_box.lly,
            glyphs: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        // Same size formula as pdf-extract's PlainTextOutput.
        let vx = font_size * trm.m11 + font_size * trm.m21;
        let vy = font_size * trm.m12 + font_size * trm.m22;
        let size = (vx * vy).abs().sqrt();
        if text.is_empty() || !size.is_finite() || size <= 0.0 {
            return Ok(());
        }
        let x = trm.m31 - self.origin.0;
        let y = trm.m32 - self.origin.1;
        let advance = if width.is_finite() { width * size } else { 0.0 };
        if let Some(page) = self.pages.last_mut() {
            page.glyphs.push(Glyph {
                x,
                y,
                size,
                end: x + advance.max(0.0),
                space: text.chars().all(char::is_whitespace),
                text: text.to_string(),
            });
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Serialises the panic-hook swap: hooks are process-global.
static PANIC_HOOK_GUARD: Mutex<()> = Mutex::new(());

/// Runs `f`, turning a panic into `None` without letting the default hook print it.
fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    let _guard = PANIC_HOOK_GUARD
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let previous = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    panic::set_hook(previous);
    result.ok()
}

/// Parses the document and collects the glyphs of every page.
fn load_pages(bytes: &[u8]) -> Result<Vec<Page>, PdfError> {
    let doc = quietly(|| Document::load_mem(bytes))
        .ok_or_else(|| PdfError::Malformed("lecture impossible".to_string()))?
        .map_err(|e| load_error(&e))?;
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(PdfError::Encrypted);
    }
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    if numbers.is_empty() {
        return Err(PdfError::Malformed("aucune page".to_string()));
    }
    let mut collector = Collector::default();
    for number in numbers {
        let outcome = quietly(|| pdf_extract::output_doc_page(&doc, &mut collector, number));
        match outcome {
            Some(Ok(())) => {}
            Some(Err(e)) => return Err(PdfError::Malformed(format!("page {number} : {e}"))),
            None => return Err(PdfError::Malformed(format!("page {number} illisible"))),
        }
    }
    Ok(collector.pages)
}

/// Maps a lopdf loading error to a refusal.
fn load_error(e: &pdf_extract::Error) -> PdfError {
    let message = e.to_string();
    let lower = message.to_lowercase();
    if lower.contains("password") || lower.contains("decrypt") || lower.contains("encrypt") {
        return PdfError::Encrypted;
    }
    let what = if lower.contains("cross reference") || lower.contains("xref") {
        "table des références illisible"
    } else if lower.contains("header") {
        "en-tête %PDF absent"
    } else if lower.contains("trailer") {
        "trailer illisible"
    } else {
        "structure illisible"
    };
    // lopdf's own message is English jargon: the French summary is what the reader gets.
    PdfError::Malformed(what.to_string())
}

// ---------------------------------------------------------------------------------------------
// Lines: glyphs grouped in stream order, superscripts recognised, cells split at wide gaps.
// ---------------------------------------------------------------------------------------------

/// A horizontal run of text inside a line; a line has several when it crosses table columns.
#[derive(Debug, Clone, PartialEq)]
struct Segment {
    x0: f64,
    x1: f64,
    text: String,
}

/// One visual line of a page.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    page: u32,
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    /// How far superscripts rise above the baseline (0 without any): they push lines apart.
    sup_raise: f64,
    /// Where the text would end without justification: LibreOffice stretches a line ended by
    /// a forced break across the whole column, which must not read as a full line.
    natural_x1: f64,
    /// Median gap between words, in font sizes; `stretched` when some gap is huge.
    word_gap: f64,
    stretched: bool,
    /// Natural width of a word space (the space glyph's advance, or a quarter em).
    space: f64,
    /// The first words of the line with their natural widths, to tell whether they would have
    /// fitted at the end of the line above.
    lead: Vec<(String, f64)>,
    /// Right edge of the text column the line is in, when the page has two (else the
    /// document's).
    column_right: Option<f64>,
    segments: Vec<Segment>,
}

impl Line {
    fn text(&self) -> String {
        let parts: Vec<&str> = self.segments.iter().map(|s| s.text.as_str()).collect();
        parts.join(" ")
    }
}

const SUPERSCRIPT_DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// Groups a page's glyphs into lines, in stream order.
fn build_lines(page: &Page) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut current: Vec<&Glyph> = Vec::new();
    for glyph in &page.glyphs {
        if glyph.space {
            if !current.is_empty() {
                current.push(glyph);
            }
            continue;
        }
        if !current.is_empty() && !fits_line(&current, glyph) {
            lines.extend(finish_line(page.number, &current));
            current.clear();
        }
        current.push(glyph);
    }
    lines.extend(finish_line(page.number, &current));
    attach_orphan_markers(lines)
}

/// Whether `glyph` continues the line being built (same baseline, or raised as a superscript).
fn fits_line(current: &[&Glyph], glyph: &Glyph) -> bool {
    let Some(last) = current.iter().rev().find(|g| !g.space) else {
        return false;
    };
    let (size, base) = main_size_and_base(current);
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
fn main_size_and_base(glyphs: &[&Glyph]) -> (f64, f64) {
    let mut by_size: BTreeMap<i64, (usize, f64)> = BTreeMap::new();
    for g in glyphs.iter().filter(|g| !g.space) {
        let key = (g.size * 2.0).round() as i64;
        let entry = by_size.entry(key).or_insert((0, g.y));
        entry.0 += g.text.chars().count();
    }
    let best = by_size
        .iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(a.0.cmp(b.0)));
    match best {
        Some((key, (_, y))) => (*key as f64 / 2.0, *y),
        None => (glyphs.first().map_or(10.0, |g| g.size), 0.0),
    }
}

/// Turns a run of glyphs into a line: spaces from gaps, superscripts marked, cells split.
fn finish_line(page: u32, glyphs: &[&Glyph]) -> Option<Line> {
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
fn median_word_gap(glyphs: &[&Glyph], size: f64) -> f64 {
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
fn is_superscript(g: &Glyph, size: f64, base: f64) -> bool {
    let raise = g.y - base;
    (g.size <= size * 1.01 && raise >= 0.25 * size) || (g.size < 0.85 * size && raise >= 0.1 * size)
}

/// Appends a glyph's text; superscript digits become ¹²³, other superscripts stay plain (`1er`).
fn push_glyph_text(out: &mut String, text: &str, superscript: bool) {
    for c in text.chars() {
        match c.to_digit(10) {
            Some(d) if superscript => out.push(SUPERSCRIPT_DIGITS[d as usize]),
            _ => out.push(c),
        }
    }
}

/// Whether a glyph's text is a pictogram with no Unicode meaning: control characters (what
/// pdf-extract gives for an icon font without a Unicode map), private-use code points.
fn is_pictogram(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| {
            (c.is_control() && !c.is_whitespace())
                || ('\u{E000}'..='\u{F8FF}').contains(&c)
                || c == '\u{FFFD}'
        })
}

/// Whether a text is only a list marker (bullet, dash, `1.`, `a)`).
fn is_marker(text: &str) -> bool {
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

fn is_bullet_char(c: char) -> bool {
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
fn attach_orphan_markers(lines: Vec<Line>) -> Vec<Line> {
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

// ---------------------------------------------------------------------------------------------
// Reading order of a page set in two text columns.
// ---------------------------------------------------------------------------------------------

/// Puts the lines of a page set in two text columns in reading order: what is above the
/// columns, the left column, the right column, what is below; each part top to bottom. Some
/// layout tools draw a page in any order (headings last, columns interleaved). Nothing is done
/// unless there are exactly two columns, each with several lines and spanning a quarter of the
/// page, and no line crosses the gutter between them: tables (three columns or more, or rows
/// with a cell across) keep their drawing order, which the row logic needs.
fn reorder_columns(lines: &mut Vec<Line>, height: f64) {
    let Some(split) = find_gutter(lines, height) else {
        return;
    };
    let Some((zone_low, zone_high)) = column_zone(lines, split) else {
        return;
    };
    let in_zone = |l: &Line| l.y >= zone_low - 0.5 * l.size && l.y <= zone_high + 0.5 * l.size;
    let left: Vec<&Line> = lines
        .iter()
        .filter(|l| in_zone(l) && l.x1 <= split)
        .collect();
    let right: Vec<&Line> = lines
        .iter()
        .filter(|l| in_zone(l) && l.x0 >= split)
        .collect();
    // Cells side by side on one line, or a column split again: a table. A column drawn top
    // to bottom needs no help.
    let cells_in_a_line = left.iter().chain(&right).any(|l| l.segments.len() > 1);
    if cells_in_a_line || has_inner_gutter(&left) || has_inner_gutter(&right) {
        return;
    }
    if drawn_top_down(&left) && drawn_top_down(&right) {
        return;
    }
    let mut above = Vec::new();
    let mut left = Vec::new();
    let mut right = Vec::new();
    let mut below = Vec::new();
    for line in std::mem::take(lines) {
        let tolerance = 0.5 * line.size;
        if line.y > zone_high + tolerance {
            above.push(line);
        } else if line.y < zone_low - tolerance {
            below.push(line);
        } else if line.x1 <= split {
            left.push(line);
        } else {
            right.push(line);
        }
    }
    for column in [&mut left, &mut right] {
        let edge = column.iter().map(|l| l.x1).fold(f64::MIN, f64::max);
        for line in column.iter_mut() {
            line.column_right = Some(edge);
        }
    }
    for part in [&mut above, &mut left, &mut right, &mut below] {
        sort_top_down(part);
        lines.append(part);
    }
}

/// Whether some lines split into two side-by-side groups of two lines or more, no line
/// crossing between them where both have lines (the columns of a table).
fn has_inner_gutter(lines: &[&Line]) -> bool {
    lines.iter().any(|candidate| {
        let split = candidate.x0 - 1.0;
        let left: Vec<&Line> = lines.iter().copied().filter(|l| l.x1 <= split).collect();
        let right: Vec<&Line> = lines.iter().copied().filter(|l| l.x0 >= split).collect();
        if left.len() < 2 || right.len() < 2 {
            return false;
        }
        let span = |side: &[&Line]| {
            side.iter().fold((f64::MAX, f64::MIN), |(lo, hi), l| {
                (lo.min(l.y), hi.max(l.y))
            })
        };
        let ((l_lo, l_hi), (r_lo, r_hi)) = (span(&left), span(&right));
        let (low, high) = (l_lo.max(r_lo), l_hi.min(r_hi));
        high > low
            && !lines
                .iter()
                .any(|l| l.x0 < split && l.x1 > split && l.y >= low && l.y <= high)
    })
}

/// Whether lines were drawn from the top down (no jump up of more than a line and a half).
fn drawn_top_down(lines: &[&Line]) -> bool {
    lines
        .windows(2)
        .all(|pair| pair[1].y <= pair[0].y + 1.5 * pair[1].size)
}

/// Sorts lines top to bottom (stable), and left to right on one baseline.
fn sort_top_down(lines: &mut [Line]) {
    lines.sort_by(|a, b| b.y.total_cmp(&a.y));
    // Lines a hair apart on one baseline: left first (one bubble pass keeps the order total).
    for i in 1..lines.len() {
        let (a, b) = (&lines[i - 1], &lines[i]);
        if (a.y - b.y).abs() < 0.3 * a.size.min(b.size) && b.x0 < a.x0 {
            lines.swap(i - 1, i);
        }
    }
}

/// The x where two text columns meet, when the page has exactly two.
fn find_gutter(lines: &[Line], height: f64) -> Option<f64> {
    if lines.len() < 12 {
        return None;
    }
    let mut starts: Vec<f64> = lines.iter().map(|l| l.x0).collect();
    starts.sort_by(f64::total_cmp);
    starts.dedup_by(|a, b| (*a - *b).abs() < 2.0);
    let gutters: Vec<f64> = starts
        .iter()
        .filter_map(|&x| {
            // The gutter ends where a column starts; it must be clear of any line in the zone.
            let split = x - 1.0;
            let zone = column_zone(lines, split)?;
            let inside = |l: &&Line| l.y >= zone.0 - 0.5 * l.size && l.y <= zone.1 + 0.5 * l.size;
            let (mut n_left, mut n_right) = (0, 0);
            for l in lines.iter().filter(inside) {
                if l.x1 <= split {
                    n_left += 1;
                } else if l.x0 >= split {
                    n_right += 1;
                } else {
                    return None;
                }
            }
            let tall = zone.1 - zone.0 >= 0.25 * height;
            (n_left >= 5 && n_right >= 5 && tall).then_some(split)
        })
        .collect();
    // Two gutters or more: a table, or a layout too rich to guess.
    match gutters.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The heights the two sides of `split` run over side by side: from the lower of their two
/// tops (what is higher sits above the columns) down to the lower of their bottoms.
fn column_zone(lines: &[Line], split: f64) -> Option<(f64, f64)> {
    let span = |side: &dyn Fn(&Line) -> bool| {
        lines
            .iter()
            .filter(|l| side(l))
            .map(|l| l.y)
            .fold(None, |acc: Option<(f64, f64)>, y| {
                Some(acc.map_or((y, y), |(lo, hi)| (lo.min(y), hi.max(y))))
            })
    };
    let (left_low, left_high) = span(&|l: &Line| l.x1 <= split)?;
    let (right_low, right_high) = span(&|l: &Line| l.x0 >= split)?;
    let low = left_low.min(right_low);
    let high = left_high.min(right_high);
    (high > low).then_some((low, high))
}

// ---------------------------------------------------------------------------------------------
// Running headers, footers and page numbers.
// ---------------------------------------------------------------------------------------------

/// Share of the page height, at the top and at the bottom, where running lines may sit.
const MARGIN_BAND: f64 = 0.16;

/// Text of a line with digits folded, so "Page 3 sur 11" and "Page 4 sur 11" compare equal.
fn running_key(text: &str) -> String {
    let mut key = String::new();
    let mut last_digit = false;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        let digit = c.is_ascii_digit() || SUPERSCRIPT_DIGITS.contains(&c);
        if digit {
            if !last_digit {
                key.push('#');
            }
        } else {
            key.extend(c.to_lowercase());
        }
        last_digit = digit;
    }
    key
}

/// Whether a line reads as a page number: « Page 3 sur 11 », « Page 3 / 11 », « 3/11 »,
/// « - 3 - », « 3 ». Returns the page number it shows.
fn page_number_value(text: &str) -> Option<u32> {
    let t = text.trim().to_lowercase();
    let t = t
        .strip_prefix("page")
        .or_else(|| t.strip_prefix("p."))
        .unwrap_or(&t)
        .trim();
    let t = t.trim_matches(|c: char| c == '-' || c == '–' || c == '—' || c.is_whitespace());
    let (first, rest) = match t.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => t.split_at(i),
        None => (t, ""),
    };
    let value: u32 = first.parse().ok()?;
    let rest = rest.trim();
    if rest.is_empty() {
        return Some(value);
    }
    let rest = rest
        .strip_prefix("sur")
        .or_else(|| rest.strip_prefix('/'))
        .or_else(|| rest.strip_prefix("de"))
        .or_else(|| rest.strip_prefix("of"))?
        .trim();
    let total: u32 = rest.parse().ok()?;
    (value <= total).then_some(value)
}

/// Index of the lines of a page that sit in its top or bottom band, outermost first.
fn margin_lines(lines: &[Line], height: f64) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            let y = lines[i].y;
            y > height * (1.0 - MARGIN_BAND) || y < height * MARGIN_BAND
        })
        .collect();
    idx.sort_by(|&a, &b| {
        let da = (lines[a].y - height / 2.0).abs();
        let db = (lines[b].y - height / 2.0).abs();
        db.total_cmp(&da)
    });
    idx
}

/// Removes running headers and footers (a line found at the same height on at least half of
/// the pages, digits folded) and page-number lines, from every page.
fn strip_running_lines(pages: &mut [(f64, Vec<Line>)]) {
    let page_count = pages.len();
    // (key, rounded y) -> pages where it occurs
    let mut seen: BTreeMap<(String, i64), BTreeSet<usize>> = BTreeMap::new();
    for (p, (height, lines)) in pages.iter().enumerate() {
        for i in margin_lines(lines, *height) {
            let key = running_key(&lines[i].text());
            if key.is_empty() {
                continue;
            }
            let y = (lines[i].y / 4.0).round() as i64;
            for dy in -1..=1 {
                seen.entry((key.clone(), y + dy)).or_default().insert(p);
            }
        }
    }
    let needed = (page_count.div_ceil(2)).max(2);
    for (p, (height, lines)) in pages.iter_mut().enumerate() {
        let repeated: BTreeSet<usize> = margin_lines(lines, *height)
            .into_iter()
            .filter(|&i| {
                let y = (lines[i].y / 4.0).round() as i64;
                seen.get(&(running_key(&lines[i].text()), y))
                    .is_some_and(|pages| pages.len() >= needed)
            })
            .collect();
        let mut kept: Vec<Line> = std::mem::take(lines)
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !repeated.contains(i))
            .map(|(_, l)| l)
            .collect();
        strip_page_numbers(&mut kept, *height, p as u32 + 1);
        *lines = kept;
    }
}

/// Removes the top-most and bottom-most lines of a page while they read as its page number.
fn strip_page_numbers(lines: &mut Vec<Line>, height: f64, page_number: u32) {
    let shows_number = |line: &Line| {
        let in_band = line.y > height * (1.0 - MARGIN_BAND) || line.y < height * MARGIN_BAND;
        in_band
            && page_number_value(&line.text())
                .is_some_and(|n| n > 0 && n <= page_number && page_number - n <= 4)
    };
    loop {
        let top = (0..lines.len()).max_by(|&a, &b| lines[a].y.total_cmp(&lines[b].y));
        let bottom = (0..lines.len()).min_by(|&a, &b| lines[a].y.total_cmp(&lines[b].y));
        let victim = [top, bottom]
            .into_iter()
            .flatten()
            .find(|&i| shows_number(&lines[i]));
        match victim {
            Some(i) => {
                lines.remove(i);
            }
            None => break,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Footnotes at the foot of a page.
// ---------------------------------------------------------------------------------------------

/// Whether a line opens a footnote: superscript number, then text (`¹ https://…`).
fn starts_footnote(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    let mut digits = 0;
    while chars.peek().is_some_and(|c| SUPERSCRIPT_DIGITS.contains(c)) {
        chars.next();
        digits += 1;
    }
    digits > 0 && chars.next().is_some_and(char::is_whitespace)
}

/// Splits off the footnotes at the foot of a page: from the first line in the lower half that
/// opens a footnote, when every later line lies below it. Returns the notes as `¹ text` lines.
fn split_footnotes(lines: &mut Vec<Line>, height: f64, lexicon: &Lexicon) -> Vec<String> {
    let start = (0..lines.len()).find(|&i| {
        lines[i].y < height * 0.5
            && starts_footnote(&lines[i].text())
            && lines[i + 1..].iter().all(|l| l.y < lines[i].y)
    });
    let Some(start) = start else {
        return Vec::new();
    };
    let mut notes: Vec<String> = Vec::new();
    for line in lines.drain(start..) {
        let text = line.text();
        match notes.last_mut() {
            Some(last) if !starts_footnote(&text) => *last = join_wrapped(last, &text, lexicon),
            _ => notes.push(text),
        }
    }
    notes
}

/// A WeasyPrint endnote (`1. text↩`) rewritten as a footnote line (`¹ text`); `None` otherwise.
fn endnote(text: &str) -> Option<String> {
    if !text.contains('↩') {
        return None;
    }
    let body: String = text.chars().filter(|&c| c != '↩').collect();
    let body = body.trim();
    let digits: String = body.chars().take_while(char::is_ascii_digit).collect();
    let rest = body[digits.len()..]
        .strip_prefix('.')
        .or_else(|| body[digits.len()..].strip_prefix(')'))
        .unwrap_or(&body[digits.len()..]);
    if digits.is_empty() {
        return Some(body.to_string());
    }
    let mut out: String = String::new();
    push_glyph_text(&mut out, &digits, true);
    out.push(' ');
    out.push_str(rest.trim());
    Some(out)
}

// ---------------------------------------------------------------------------------------------
// Hyphenation at line ends, decided with the words of the document itself.
// ---------------------------------------------------------------------------------------------

/// Lower-cased words of the document (whole tokens, hyphens and apostrophes kept).
#[derive(Debug, Default)]
struct Lexicon {
    words: BTreeSet<String>,
}

impl Lexicon {
    /// Collects the words of the lines, leaving out the fragments cut by a line-end hyphen.
    fn from_lines<'a>(lines: impl Iterator<Item = &'a str>) -> Lexicon {
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

    fn contains(&self, word: &str) -> bool {
        self.words.contains(&word.to_lowercase())
    }
}

/// A token without surrounding punctuation nor an elided article (`l’équipe` → `équipe`).
fn core_word(token: &str) -> &str {
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

const HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{00AD}'];

/// Whether a line ends with a hyphen that may be a word break (`conven-`, `Futuro -`).
fn ends_with_break_hyphen(line: &str) -> bool {
    let t = line.trim_end();
    let Some(stripped) = t.strip_suffix(HYPHENS) else {
        return false;
    };
    let stripped = stripped.strip_suffix(' ').unwrap_or(stripped);
    stripped.chars().last().is_some_and(char::is_alphanumeric)
}

/// Left parts after which a line-end hyphen belongs to a compound.
const COMPOUND_LEFT: &[&str] = &[
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
const COMPOUND_RIGHT: &[&str] = &[
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
fn keep_hyphen(left: &str, right: &str, lexicon: &Lexicon) -> bool {
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
fn last_part(word: &str) -> &str {
    word.rsplit('-').next().unwrap_or(word)
}

/// Joins a wrapped line to the text before it: a line-end hyphen is removed when it cut a word
/// (`conven-` + `tion`), kept in compounds (`accord-` + `cadre`); otherwise a space is put.
fn join_wrapped(before: &str, next: &str, lexicon: &Lexicon) -> String {
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

// ---------------------------------------------------------------------------------------------
// Table rows: cells side by side on one baseline, or cells drawn one after the other.
// ---------------------------------------------------------------------------------------------

/// One table cell: its left edge and its lines.
#[derive(Debug, Clone, PartialEq)]
struct Cell {
    x0: f64,
    lines: Vec<Line>,
}

/// A line of text or a table row, in reading order.
#[derive(Debug, Clone, PartialEq)]
enum Unit {
    Line(Line),
    Row { page: u32, cells: Vec<Cell> },
}

/// Groups a page's lines into plain lines and table rows.
fn group_rows(lines: Vec<Line>, height: f64) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if let Some((cells, next)) = stacked_row(&lines, i, height) {
            units.push(Unit::Row {
                page: lines[i].page,
                cells,
            });
            i = next;
            continue;
        }
        let line = lines[i].clone();
        if line.segments.len() > 1 {
            units.push(side_by_side_row(line));
        } else {
            units.push(Unit::Line(line));
        }
        i += 1;
    }
    units
}

/// A line whose segments are cells (`Poste  Nb jours  TJM`).
fn side_by_side_row(line: Line) -> Unit {
    let cells = line
        .segments
        .iter()
        .map(|s| Cell {
            x0: s.x0,
            lines: vec![Line {
                x0: s.x0,
                x1: s.x1,
                natural_x1: s.x1,
                word_gap: 0.0,
                stretched: false,
                lead: Vec::new(),
                segments: vec![s.clone()],
                ..line.clone()
            }],
        })
        .collect();
    Unit::Row {
        page: line.page,
        cells,
    }
}

/// A row whose cells are drawn one after the other: the stream goes back up for each new cell,
/// further right. Returns the cells and the index of the first line after the row. Blocks taller
/// than 40 % of the page are text columns, not cells, and are left to the paragraph logic.
fn stacked_row(lines: &[Line], start: usize, height: f64) -> Option<(Vec<Cell>, usize)> {
    let first = &lines[start];
    let row_pitch = start
        .checked_sub(1)
        .and_then(|k| lines.get(k))
        .filter(|above| above.page == first.page && above.segments.len() > 1)
        .filter(|_| first.segments.len() > 1)
        .map(|above| above.y - first.y)
        .filter(|&p| p > 1.45 * first.size && p < 4.0 * first.size);
    let mut cells: Vec<Cell> = split_segments(first)
        .into_iter()
        .map(|l| Cell {
            x0: l.x0,
            lines: vec![l],
        })
        .collect();
    let mut i = start + 1;
    while i < lines.len() {
        let prev = &lines[i - 1];
        let line = &lines[i];
        let cell_x0 = cells.last().map_or(first.x0, |c| c.x0);
        if line.page != first.page {
            break;
        }
        let parts = split_segments(line);
        if parts.len() > 1 && cells.len() < 2 {
            break;
        }
        let up = line.y > prev.y + 0.3 * line.size;
        if up && line.x0 <= cell_x0 + line.size {
            break;
        }
        if !up && line.x0 < cell_x0 - 0.5 * line.size {
            break;
        }
        // Below a row drawn on one baseline, a line exactly one row pitch down (the pitch
        // from the row above, wider than a line pitch) is the next row, with its first cells
        // empty (a total alone under its column), not the rest of a cell.
        if i == start + 1
            && !up
            && row_pitch.is_some_and(|p| (prev.y - line.y - p).abs() < 0.15 * line.size)
        {
            break;
        }
        // A line starting right of everything in the current cell, about level with its top,
        // starts the next cell even when it sits a little lower (WeasyPrint puts a cell's
        // first paragraph below the top of its row).
        let (cell_x1, cell_top) = cells.last().map_or((first.x1, first.y), |c| {
            let x1 = c.lines.iter().map(|l| l.x1).fold(c.x0, f64::max);
            (x1, c.lines.first().map_or(first.y, |l| l.y))
        });
        let beside =
            !up && line.x0 > cell_x1 + 0.5 * line.size && line.y > cell_top - 1.5 * line.size;
        for (k, part) in parts.into_iter().enumerate() {
            // A part going up or beside, or any part after the first one, opens the next cell.
            match cells.last_mut() {
                Some(cell) if k == 0 && !up && !beside => cell.lines.push(part),
                _ => cells.push(Cell {
                    x0: part.x0,
                    lines: vec![part],
                }),
            }
        }
        i += 1;
    }
    if cells.len() < 2 || i == start + 1 {
        return None;
    }
    let ys = cells.iter().flat_map(|c| c.lines.iter().map(|l| l.y));
    let (low, high) = ys.fold((f64::MAX, f64::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
    (high - low <= 0.4 * height).then_some((cells, i))
}

/// One line per segment of a line (the cells it crosses).
fn split_segments(line: &Line) -> Vec<Line> {
    line.segments
        .iter()
        .map(|s| Line {
            x0: s.x0,
            x1: s.x1,
            natural_x1: s.x1,
            word_gap: 0.0,
            stretched: false,
            lead: Vec::new(),
            segments: vec![s.clone()],
            ..line.clone()
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Assembly: lines into paragraphs, list items and tables.
// ---------------------------------------------------------------------------------------------

/// Document-wide measures used to tell wrapped lines from breaks.
#[derive(Debug, Clone, Copy)]
struct Metrics {
    /// Right edge of the text column (points).
    right: f64,
    /// Usual distance between two lines of one paragraph, in font sizes.
    pitch: f64,
    /// Usual gap between two words, in font sizes.
    word_gap: f64,
    /// Whether the typesetter cuts words at line ends (several lines end with `lettre-` and go
    /// on in lower case): then a word that did not fit whole would have been cut.
    hyphenates: bool,
}

impl Metrics {
    /// Where a line really ends: its natural end when justification stretched it far beyond
    /// the usual word spacing (a forced line break in justified text).
    fn end_of(&self, line: &Line) -> f64 {
        if line.stretched || line.word_gap > 3.0 * self.word_gap {
            line.natural_x1
        } else {
            line.x1
        }
    }
}

/// Percentile (0..=1) of a list of values.
fn percentile(values: &mut [f64], q: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let idx = ((values.len() - 1) as f64 * q).round() as usize;
    values.get(idx).copied()
}

/// Measures the text column and the line pitch on all single-segment lines.
fn measure(pages: &[(f64, Vec<Line>)], lexicon: &Lexicon) -> Metrics {
    let mut rights = Vec::new();
    let mut pitches = Vec::new();
    let mut gaps = Vec::new();
    let mut cut_words = 0;
    for (_, lines) in pages {
        for pair in lines.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let dy = a.y - b.y;
            if cuts_a_word(&a.text(), &b.text(), lexicon) {
                cut_words += 1;
            }
            if (a.size - b.size).abs() < 0.5 && dy > 0.0 && dy < 3.0 * a.size {
                pitches.push(dy / a.size);
            }
        }
        rights.extend(lines.iter().filter(|l| l.segments.len() == 1).map(|l| l.x1));
        gaps.extend(
            lines
                .iter()
                .filter(|l| {
                    l.segments
                        .iter()
                        .map(|s| s.text.split(' ').count())
                        .sum::<usize>()
                        >= 6
                })
                .map(|l| l.word_gap),
        );
    }
    Metrics {
        right: percentile(&mut rights, 0.9).unwrap_or(0.0),
        pitch: percentile(&mut pitches, 0.25).unwrap_or(1.2),
        word_gap: percentile(&mut gaps, 0.5).unwrap_or(0.3),
        hyphenates: cut_words >= 3,
    }
}

/// Whether `line` ends with a hyphen that cuts a word going on at the start of `next` (not a
/// compound such as « accord-cadre »).
fn cuts_a_word(line: &str, next: &str, lexicon: &Lexicon) -> bool {
    let Some(stem) = line.trim_end().strip_suffix(HYPHENS) else {
        return false;
    };
    if !stem.chars().last().is_some_and(char::is_lowercase) {
        return false;
    }
    let left = stem.rsplit(char::is_whitespace).next().unwrap_or(stem);
    let right = next.split_whitespace().next().unwrap_or("");
    right.chars().next().is_some_and(char::is_lowercase) && !keep_hyphen(left, right, lexicon)
}

/// How a line follows the line before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Break {
    /// Same paragraph, wrapped.
    Wrap,
    /// Same paragraph, forced line break (address, signature blocks).
    Line,
    /// New list item in the same block.
    Item,
    /// New paragraph.
    Paragraph,
}

/// Whether a line starts with a list marker (`• `, `- `, `1. `, `a) `).
fn starts_item(text: &str) -> bool {
    let mut parts = text.splitn(2, char::is_whitespace);
    let first = parts.next().unwrap_or("");
    parts.next().is_some_and(|rest| !rest.trim().is_empty()) && is_marker(first)
}

/// Whether two tokens are held together by a no-break space in French typography (« Réseau,
/// n° 12, service ;, 281 160 €): LibreOffice draws that space as a plain one, so the extracted
/// text cannot tell it apart and the rule is applied on the tokens.
fn bound_tokens(left: &str, right: &str) -> bool {
    let opens = matches!(left, "«" | "“" | "n°" | "N°" | "nº" | "art." | "p.");
    let closes = right
        .chars()
        .next()
        .is_some_and(|c| matches!(c, ':' | ';' | '?' | '!' | '»' | '”' | '€' | '%'));
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    let thousands = digits(left)
        && right
            .trim_end_matches(|c: char| !c.is_ascii_digit())
            .len()
            .eq(&3)
        && right.chars().take(3).all(|c| c.is_ascii_digit());
    opens || closes || thousands
}

/// Natural width of the first unbreakable unit of a line (a word, with what a no-break space
/// binds to it).
fn first_word_width(line: &Line) -> f64 {
    if let Some((first, width)) = line.lead.first() {
        let mut total = *width;
        let mut left = first.as_str();
        for (token, w) in line.lead.iter().skip(1) {
            if !bound_tokens(left, token) {
                break;
            }
            total += line.space + w;
            left = token;
        }
        return total;
    }
    let Some(seg) = line.segments.first() else {
        return 0.0;
    };
    let chars = seg.text.chars().count().max(1) as f64;
    let per_char = (seg.x1 - seg.x0) / chars;
    let mut tokens = seg.text.split(' ');
    let mut unit = tokens.next().unwrap_or("").chars().count();
    let mut left = seg.text.split(' ').next().unwrap_or("");
    for token in tokens {
        if !bound_tokens(left, token) {
            break;
        }
        unit += 1 + token.chars().count();
        left = token;
    }
    unit as f64 * per_char
}

/// Decides how `next` follows `prev`.
fn classify_break(prev: &Line, next: &Line, m: &Metrics) -> Break {
    let item = starts_item(&next.text());
    let size = prev.size.max(next.size);
    if next.page != prev.page {
        return classify_page_break(prev, next, m, item);
    }
    let dy = prev.y - next.y;
    let gap = dy - next.sup_raise;
    let hyphen = ends_with_break_hyphen(&prev.text());
    let limit = if hyphen { 2.0 } else { 1.25 } * m.pitch * size;
    let right = prev.column_right.unwrap_or(m.right);
    let full = m.end_of(prev) + first_word_width(next) + 0.3 * size >= right - 0.5 * size;
    let resized = (prev.size - next.size).abs() > 1.0;
    if dy <= 0.0 || gap > limit || (resized && !full) {
        return Break::Paragraph;
    }
    if item {
        return Break::Item;
    }
    let room = right - m.end_of(prev);
    let justified = prev.x1 >= right - 0.15 * size;
    let forced = if justified && m.end_of(prev) < prev.x1 - 0.5 {
        // Justification stretched the line: measure what it held without the stretch.
        would_have_fitted(next, room, m)
    } else {
        room > first_word_width(next) + 2.0 * size
    };
    if forced && !hyphen {
        Break::Line
    } else {
        Break::Wrap
    }
}

/// Whether the first word of `next` would have fitted in `room` points at the end of the line
/// above, whole, or cut after its first syllable when the document cuts words at line ends.
/// Measured on natural widths: a line ended by a forced break is stretched like a full one.
fn would_have_fitted(next: &Line, room: f64, m: &Metrics) -> bool {
    let size = next.size;
    // Natural widths are known to about half a point: ask for a clear point of room.
    if room >= first_word_width(next) + next.space + 0.1 * size {
        return true;
    }
    let Some((word, width)) = next.lead.first() else {
        return false;
    };
    let letters = word.chars().count();
    let plain_word = letters >= 6
        && word.chars().all(char::is_alphabetic)
        && word.chars().skip(1).any(char::is_lowercase);
    // The shortest cut French hyphenation allows: three letters and the hyphen.
    let syllable = 3.0 * width / letters as f64 + 0.35 * size;
    m.hyphenates && plain_word && room >= next.space + syllable
}

/// How the first line of a page follows the last line of the page before: a wrapped line when
/// the line before is full, cut by a hyphen, or does not end a sentence before a capital.
fn classify_page_break(prev: &Line, next: &Line, m: &Metrics, item: bool) -> Break {
    let size = prev.size.max(next.size);
    let prev_text = prev.text();
    if item {
        return Break::Item;
    }
    if (prev.size - next.size).abs() > 1.0 {
        return Break::Paragraph;
    }
    if ends_with_break_hyphen(&prev_text) {
        return Break::Wrap;
    }
    let right = prev.column_right.unwrap_or(m.right);
    let full = m.end_of(prev) + first_word_width(next) + 0.3 * size >= right - 0.5 * size;
    let sentence_end = prev_text.ends_with(['.', ':', ';', '!', '?'])
        && next.text().chars().next().is_some_and(char::is_uppercase);
    if full && !sentence_end {
        Break::Wrap
    } else {
        Break::Paragraph
    }
}

/// Rewrites a list item's marker the way the seeds write it: bullets become `- ` (` - ` when
/// nested), numbers and letters stay.
fn item_text(text: &str, nested: bool) -> String {
    let mut parts = text.splitn(2, char::is_whitespace);
    let marker = parts.next().unwrap_or("");
    let rest = parts.next().unwrap_or("").trim_start();
    let bullet = marker.chars().count() == 1 && marker.chars().all(is_bullet_char);
    match (bullet, nested) {
        (true, false) => format!("- {rest}"),
        (true, true) => format!(" - {rest}"),
        (false, _) => format!("{marker} {rest}"),
    }
}

/// One row of an output table: the left edge and text of each cell.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    x0s: Vec<f64>,
    cells: Vec<String>,
}

/// An output block: a paragraph (its hard lines), a table (its rows) or a footnote.
#[derive(Debug, Clone, PartialEq)]
enum Block {
    Text(Vec<String>),
    Table(Vec<Row>),
    Note(String),
}

/// Builds the blocks of the document from its units, in order.
struct Assembler<'a> {
    metrics: Metrics,
    lexicon: &'a Lexicon,
    blocks: Vec<Block>,
    /// The last line added to the current text block, and the left edge of its first item.
    last_line: Option<Line>,
    list_x0: Option<f64>,
    /// The page the current table's last row (kept or dropped) is on, and of its last kept row.
    table_page: Option<u32>,
    kept_row_page: Option<u32>,
    /// The last line added to a table on its own (a cell continued below its row).
    lone: Option<Line>,
    notes: Vec<String>,
}

impl<'a> Assembler<'a> {
    fn new(metrics: Metrics, lexicon: &'a Lexicon) -> Self {
        Assembler {
            metrics,
            lexicon,
            blocks: Vec::new(),
            last_line: None,
            list_x0: None,
            table_page: None,
            kept_row_page: None,
            lone: None,
            notes: Vec::new(),
        }
    }

    /// Footnotes wait for the end of the paragraph they interrupt.
    fn add_notes(&mut self, notes: Vec<String>) {
        self.notes.extend(notes);
    }

    fn flush_notes(&mut self) {
        for note in std::mem::take(&mut self.notes) {
            self.blocks.push(Block::Note(note));
        }
    }

    fn add(&mut self, unit: Unit) {
        match unit {
            Unit::Line(line) => self.add_line(line),
            Unit::Row { page, cells } => self.add_row(page, cells),
        }
    }

    fn add_line(&mut self, line: Line) {
        if self.as_table_line(&line) {
            if self.continues_lone_line(&line) {
                self.append_to_last_row(&line);
            } else {
                let page = line.page;
                let cell = Cell {
                    x0: line.x0,
                    lines: vec![line.clone()],
                };
                self.add_row(page, vec![cell]);
            }
            self.lone = Some(line);
            return;
        }
        let text = line.text();
        if let Some(note) = endnote(&text) {
            self.close_block();
            self.blocks.push(Block::Note(note));
            self.last_line = None;
            return;
        }
        let kind = match (&self.last_line, self.blocks.last()) {
            (Some(prev), Some(Block::Text(_))) => classify_break(prev, &line, &self.metrics),
            _ => Break::Paragraph,
        };
        if kind == Break::Paragraph {
            self.close_block();
            self.blocks.push(Block::Text(Vec::new()));
            self.list_x0 = None;
        }
        let item = starts_item(&text);
        let nested = item
            && self
                .list_x0
                .is_some_and(|x0| line.x0 > x0 + 0.5 * line.size);
        if item && self.list_x0.is_none() {
            self.list_x0 = Some(line.x0);
        }
        let text = if item { item_text(&text, nested) } else { text };
        if let Some(Block::Text(lines)) = self.blocks.last_mut() {
            match (kind, lines.last_mut()) {
                (Break::Wrap, Some(last)) => *last = join_wrapped(last, &text, self.lexicon),
                _ => lines.push(text),
            }
        }
        self.last_line = Some(line);
    }

    fn add_row(&mut self, page: u32, cells: Vec<Cell>) {
        self.lone = None;
        let row = Row {
            x0s: cells.iter().map(|c| c.x0).collect(),
            cells: cells
                .iter()
                .map(|c| cell_text(&c.lines, self.lexicon))
                .collect(),
        };
        let continues = self.table_page.is_some_and(|p| p == page || p + 1 == page)
            && matches!(self.blocks.last(), Some(Block::Table(_)));
        if !continues {
            self.close_block();
            self.blocks.push(Block::Table(Vec::new()));
        }
        let new_page = self.table_page.is_some_and(|p| p != page);
        let first_kept_on_page = continues && self.kept_row_page.is_some_and(|p| p != page);
        if let Some(Block::Table(rows)) = self.blocks.last_mut() {
            let repeated_header = rows.iter().any(|r| r.cells == row.cells);
            if new_page && repeated_header {
                // A header row repeated at the top of the page.
                self.table_page = Some(page);
                return;
            }
            let columns = table_columns(rows);
            let starts_late = columns
                .first()
                .is_some_and(|&x| row.x0s.first().is_some_and(|&r| r > x + 3.0));
            match rows.last_mut() {
                Some(last) if first_kept_on_page && starts_late => {
                    merge_continued_row(last, &row, &columns, self.lexicon)
                }
                _ => rows.push(row),
            }
        }
        self.table_page = Some(page);
        self.kept_row_page = Some(page);
        self.last_line = None;
    }

    /// A lone line right after a table row, aligned on one of its later columns, is a row
    /// whose first cells are empty (`281.160` under the « Total » column).
    fn as_table_line(&self, line: &Line) -> bool {
        let Some(Block::Table(rows)) = self.blocks.last() else {
            return false;
        };
        if self.table_page != Some(line.page) && self.table_page.map(|p| p + 1) != Some(line.page) {
            return false;
        }
        let columns = table_columns(rows);
        columns.iter().skip(1).any(|&x| (x - line.x0).abs() < 3.0)
    }

    /// Whether a lone table line is the next line of the lone line before it (same column,
    /// one line pitch below): both belong to one cell.
    fn continues_lone_line(&self, line: &Line) -> bool {
        self.lone.as_ref().is_some_and(|prev| {
            let dy = prev.y - line.y;
            prev.page == line.page
                && (prev.x0 - line.x0).abs() < 3.0
                && dy > 0.0
                && dy <= 2.2 * line.size
        })
    }

    /// Appends a line to the cell of the last table row under its column.
    fn append_to_last_row(&mut self, line: &Line) {
        let lexicon = self.lexicon;
        if let Some(Block::Table(rows)) = self.blocks.last_mut() {
            let columns = table_columns(rows);
            if let Some(last) = rows.last_mut() {
                let mut cells = padded_cells(last, &columns);
                let i = column_of(line.x0, &columns);
                if let Some(slot) = cells.get_mut(i) {
                    *slot = join_wrapped(slot, &line.text(), lexicon);
                }
                if cells.len() == columns.len() {
                    last.x0s = columns;
                }
                last.cells = cells;
            }
        }
    }

    fn close_block(&mut self) {
        if !self.notes.is_empty() {
            self.flush_notes();
        }
        self.table_page = None;
        self.kept_row_page = None;
    }

    fn finish(mut self) -> Vec<Block> {
        self.flush_notes();
        self.blocks
    }
}

/// Left edges of the columns of a table: those of its widest row.
fn table_columns(rows: &[Row]) -> Vec<f64> {
    rows.iter()
        .max_by_key(|r| r.x0s.len())
        .map(|r| r.x0s.clone())
        .unwrap_or_default()
}

/// Index of the column a cell starting at `x0` belongs to.
fn column_of(x0: f64, columns: &[f64]) -> usize {
    columns
        .iter()
        .enumerate()
        .min_by(|a, b| (a.1 - x0).abs().total_cmp(&(b.1 - x0).abs()))
        .map_or(0, |(i, _)| i)
}

/// Places each cell of a row under its column, empty cells filling the gaps.
fn padded_cells(row: &Row, columns: &[f64]) -> Vec<String> {
    if row.cells.len() >= columns.len() {
        return row.cells.clone();
    }
    let mut out = vec![String::new(); columns.len()];
    for (x0, text) in row.x0s.iter().zip(&row.cells) {
        let i = column_of(*x0, columns);
        if let Some(slot) = out.get_mut(i) {
            *slot = if slot.is_empty() {
                text.clone()
            } else {
                format!("{slot} {text}")
            };
        }
    }
    out
}

/// A row cut by a page break: the part on the new page goes into the cells of the row above.
fn merge_continued_row(last: &mut Row, part: &Row, columns: &[f64], lexicon: &Lexicon) {
    let mut cells = padded_cells(last, columns);
    for (x0, text) in part.x0s.iter().zip(&part.cells) {
        let i = column_of(*x0, columns);
        if let Some(slot) = cells.get_mut(i) {
            *slot = join_wrapped(slot, text, lexicon);
        }
    }
    last.cells = cells;
    last.x0s = columns.to_vec();
}

/// The text of a table cell: its lines joined, list markers dropped.
fn cell_text(lines: &[Line], lexicon: &Lexicon) -> String {
    let mut out = String::new();
    for line in lines {
        let text = line.text();
        let text = if starts_item(&text) {
            let mut parts = text.splitn(2, char::is_whitespace);
            let marker = parts.next().unwrap_or("");
            let rest = parts.next().unwrap_or("");
            if marker.chars().all(is_bullet_char) {
                rest.trim().to_string()
            } else {
                text.clone()
            }
        } else {
            text
        };
        out = join_wrapped(&out, &text, lexicon);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Pipeline and rendering.
// ---------------------------------------------------------------------------------------------

/// Lays out the glyphs of all pages as cleaned text.
fn layout_text(pages: &[Page]) -> String {
    let mut paged: Vec<(f64, Vec<Line>)> =
        pages.iter().map(|p| (p.height, build_lines(p))).collect();
    strip_running_lines(&mut paged);
    for (height, lines) in paged.iter_mut() {
        reorder_columns(lines, *height);
    }
    let texts: Vec<String> = paged
        .iter()
        .flat_map(|(_, lines)| lines.iter().map(Line::text))
        .collect();
    let lexicon = Lexicon::from_lines(texts.iter().map(String::as_str));
    let metrics = measure(&paged, &lexicon);
    let mut assembler = Assembler::new(metrics, &lexicon);
    for (height, mut lines) in paged {
        let notes = split_footnotes(&mut lines, height, &lexicon);
        for unit in group_rows(lines, height) {
            assembler.add(unit);
        }
        assembler.add_notes(notes);
    }
    render(&assembler.finish())
}

/// Writes the blocks: blank lines between blocks, TAB between cells.
fn render(blocks: &[Block]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for block in blocks {
        let text = match block {
            Block::Text(lines) => lines
                .iter()
                .map(|l| clean_line(l))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Table(rows) => {
                let columns = table_columns(rows);
                rows.iter()
                    .map(|r| {
                        padded_cells(r, &columns)
                            .iter()
                            .map(|c| clean_line(c))
                            .collect::<Vec<_>>()
                            .join("\t")
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            }
            Block::Note(note) => clean_line(note),
        };
        if !text.trim().is_empty() {
            parts.push(text);
        }
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

/// Character-level cleaning of one output line.
fn clean_line(line: &str) -> String {
    let cleaned = collapse_spaces(&remove_soft_hyphens(&expand_ligatures(
        &repair_standard_encoding(line),
    )));
    if line.starts_with(" - ") {
        format!(" {cleaned}")
    } else {
        cleaned
    }
}

/// Expands typographic ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ).
fn expand_ligatures(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            _ => out.push(c),
        }
    }
    out
}

/// Spacing accents of Adobe's StandardEncoding, by code, with the WinAnsi letter of the same
/// code: a font whose encoding pdf-extract takes for StandardEncoding while the document used
/// WinAnsi turns « FRANÇAISE » into « FRAN˙AISE » (0xC7 is `dotaccent` in one, `Ccedilla` in
/// the other). None of these accents occurs alone inside a French word.
const STANDARD_AS_WINANSI: [(char, char); 11] = [
    ('\u{02C6}', 'Ã'), // 0xC3 circumflex
    ('\u{02DC}', 'Ä'), // 0xC4 tilde
    ('\u{00AF}', 'Å'), // 0xC5 macron
    ('\u{02D8}', 'Æ'), // 0xC6 breve
    ('\u{02D9}', 'Ç'), // 0xC7 dotaccent
    ('\u{00A8}', 'È'), // 0xC8 dieresis
    ('\u{02DA}', 'Ê'), // 0xCA ring
    ('\u{00B8}', 'Ë'), // 0xCB cedilla
    ('\u{02DD}', 'Í'), // 0xCD hungarumlaut
    ('\u{02DB}', 'Î'), // 0xCE ogonek
    ('\u{02C7}', 'Ï'), // 0xCF caron
];

/// Maps a StandardEncoding accent found between two capital letters back to the WinAnsi
/// letter drawn with the same code (`FRAN˙AISE` → `FRANÇAISE`).
fn repair_standard_encoding(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let letter = STANDARD_AS_WINANSI
            .iter()
            .find(|(accent, _)| *accent == c)
            .map(|&(_, letter)| letter);
        let capital = |k: Option<usize>| {
            k.and_then(|k| chars.get(k))
                .is_some_and(|c| c.is_alphabetic() && c.is_uppercase())
        };
        match letter {
            Some(letter) if capital(i.checked_sub(1)) && capital(Some(i + 1)) => out.push(letter),
            _ => out.push(c),
        }
    }
    out
}

/// Removes soft hyphens (U+00AD), zero-width characters and control characters but TAB.
fn remove_soft_hyphens(text: &str) -> String {
    text.chars()
        .filter(|&c| c == '\t' || !c.is_control())
        .filter(|&c| {
            !matches!(
                c,
                '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}'
            )
        })
        .collect()
}

/// Collapses runs of spaces to one (a no-break space wins over a plain one) and trims.
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run: Option<char> = None;
    for c in text.chars() {
        if c == ' ' || c == '\u{00A0}' || c == '\u{202F}' || c == '\u{2009}' {
            run = Some(match run {
                Some(' ') | None => c,
                Some(kept) => kept,
            });
            continue;
        }
        if let Some(space) = run.take() {
            if !out.is_empty() {
                out.push(space);
            }
        }
        out.push(c);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Readability of the text layer.
// ---------------------------------------------------------------------------------------------

/// What the extracted text looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Readability {
    Readable,
    /// Almost nothing but spaces, digits and punctuation.
    Empty,
    /// Characters that do not decode to words (private-use code points, unknown words).
    Garbage,
}

/// Very common French (and a few English) words: real text always contains many of them.
const COMMON_WORDS: &[&str] = &[
    "de", "la", "le", "et", "les", "des", "à", "en", "du", "une", "un", "pour", "par", "que",
    "qui", "sur", "est", "dans", "au", "aux", "ou", "ce", "il", "elle", "se", "sont", "son", "sa",
    "ses", "leur", "leurs", "pas", "ne", "plus", "avec", "d", "l", "s", "n", "qu", "the", "of",
    "and", "to", "in", "is", "for", "on", "with",
];

/// Judges whether the text layer decodes to readable words.
fn assess_readability(text: &str) -> Readability {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(name: &str) -> Vec<u8> {
        let path = format!("{}/corpus/pdf/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn extract(name: &str) -> String {
        pdf_to_text(&corpus(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    /// Glyphs of `text` laid out from `x` on baseline `y`, half an em per character.
    fn run(text: &str, x: f64, y: f64, size: f64) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut x = x;
        for c in text.chars() {
            let w = 0.5 * size;
            out.push(Glyph {
                x,
                y,
                size,
                end: x + w,
                text: c.to_string(),
                space: c == ' ',
            });
            x += w;
        }
        out
    }

    fn line(page: u32, x0: f64, x1: f64, y: f64, text: &str) -> Line {
        Line {
            page,
            x0,
            x1,
            y,
            size: 10.0,
            sup_raise: 0.0,
            natural_x1: x1,
            word_gap: 0.25,
            stretched: false,
            space: 2.5,
            lead: Vec::new(),
            column_right: None,
            segments: vec![Segment {
                x0,
                x1,
                text: text.to_string(),
            }],
        }
    }

    fn page(glyphs: Vec<Glyph>) -> Page {
        Page {
            number: 1,
            height: 842.0,
            glyphs,
        }
    }

    fn lexicon(words: &[&str]) -> Lexicon {
        Lexicon::from_lines(words.iter().copied())
    }

    // --- lines and superscripts

    #[test]
    fn superscript_digits_become_footnote_calls() {
        let mut glyphs = run("ANSSI", 100.0, 500.0, 11.0);
        glyphs.extend(run("1", 127.5, 504.5, 6.4));
        glyphs.extend(run(" ;", 130.7, 500.0, 11.0));
        let lines = build_lines(&page(glyphs));
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text(), "ANSSI¹ ;");
    }

    #[test]
    fn raised_exponent_letters_stay_plain() {
        // WeasyPrint raises `er` by half a line without shrinking it much.
        let mut glyphs = run("au 1", 100.0, 500.0, 11.0);
        glyphs.extend(run("er", 122.0, 505.4, 10.7));
        glyphs.extend(run(" février", 132.7, 500.0, 11.0));
        let lines = build_lines(&page(glyphs));
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text(), "au 1er février");
        assert!(lines[0].sup_raise > 5.0);
    }

    #[test]
    fn footnote_line_starting_with_a_superscript_keeps_one_line() {
        let mut glyphs = run("1", 71.0, 125.0, 6.4);
        glyphs.extend(run(" https://example.org/", 74.2, 120.5, 11.0));
        let lines = build_lines(&page(glyphs));
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text(), "¹ https://example.org/");
    }

    #[test]
    fn wide_gaps_without_spaces_split_cells() {
        let mut glyphs = run("Poste", 71.0, 475.0, 11.0);
        glyphs.extend(run("Nb jours", 178.0, 475.0, 11.0));
        glyphs.extend(run("TJM", 256.0, 475.0, 11.0));
        let lines = build_lines(&page(glyphs));
        assert_eq!(lines.len(), 1);
        let cells: Vec<&str> = lines[0].segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(cells, ["Poste", "Nb jours", "TJM"]);
    }

    #[test]
    fn stretched_justified_line_is_one_cell_and_not_full() {
        // LibreOffice stretches a line ended by a forced break: wide but even word gaps.
        let mut glyphs = run("Pour", 71.0, 190.0, 11.0);
        glyphs.extend(run(" ", 200.0, 190.0, 11.0));
        glyphs.extend(run("Réseau", 300.0, 190.0, 11.0));
        glyphs.extend(run(" ", 340.0, 190.0, 11.0));
        glyphs.extend(run("Canopé,", 470.0, 190.0, 11.0));
        let lines = build_lines(&page(glyphs));
        assert_eq!(lines[0].segments.len(), 1);
        assert_eq!(lines[0].text(), "Pour Réseau Canopé,");
        assert!(lines[0].natural_x1 < 200.0);
    }

    #[test]
    fn orphan_bullets_are_put_back_before_their_line() {
        let mut glyphs = run("Accès au Slack", 98.4, 408.3, 11.0);
        glyphs.extend(run("Relai des campagnes", 98.4, 394.0, 11.0));
        glyphs.extend(run("• ", 91.8, 408.3, 11.0));
        glyphs.extend(run("• ", 91.8, 394.0, 11.0));
        let texts: Vec<String> = build_lines(&page(glyphs)).iter().map(Line::text).collect();
        assert_eq!(texts, ["• Accès au Slack", "• Relai des campagnes"]);
    }

    #[test]
    fn an_unmapped_icon_before_the_text_is_a_list_marker() {
        let mut glyphs = run("\0", 128.4, 495.2, 12.0);
        glyphs.extend(run("Je transmets", 153.7, 495.2, 12.0));
        let lines = build_lines(&page(glyphs));
        assert_eq!(lines[0].text(), "• Je transmets");
        assert!(starts_item(&lines[0].text()));
        // Drawn after its line, alone: put back in front like a bullet.
        let mut glyphs = run("Je sensibilise", 494.4, 750.4, 12.0);
        glyphs.extend(run("\u{F061}", 469.1, 750.2, 12.0));
        let texts: Vec<String> = build_lines(&page(glyphs)).iter().map(Line::text).collect();
        assert_eq!(texts, ["• Je sensibilise"]);
        // Inside a word it is not a marker.
        assert!(!build_lines(&page(run("a\0b", 71.0, 500.0, 11.0)))[0]
            .text()
            .contains('•'));
    }

    #[test]
    fn standard_encoding_accents_between_capitals_become_winansi_letters() {
        assert_eq!(repair_standard_encoding("FRAN˙AISE"), "FRANÇAISE");
        assert_eq!(repair_standard_encoding("ÉLEVˇS"), "ÉLEVÏS");
        // Elsewhere the characters stay.
        assert_eq!(
            repair_standard_encoding("l’accent ˙ seul, x¨y"),
            "l’accent ˙ seul, x¨y"
        );
        assert_eq!(clean_line("RÉPUBLIQUE FRAN˙AISE"), "RÉPUBLIQUE FRANÇAISE");
    }

    /// Lines of a column: `n` lines of `text` from `top` down, 14 pt apart.
    fn column(x0: f64, x1: f64, top: f64, n: usize, text: &str) -> Vec<Line> {
        (0..n)
            .map(|i| line(1, x0, x1, top - 14.0 * i as f64, &format!("{text} {i}")))
            .collect()
    }

    #[test]
    fn two_columns_drawn_out_of_order_are_read_column_by_column() {
        // Body lines first, each column's heading last, as some design tools draw them.
        let mut lines = vec![line(1, 128.0, 376.0, 854.0, "La charte du référent")];
        lines.extend(column(128.0, 436.0, 600.0, 12, "gauche"));
        lines.extend(column(469.0, 776.0, 700.0, 8, "droite"));
        lines.push(line(1, 128.0, 401.0, 648.0, "Titre gauche"));
        lines.push(line(1, 469.0, 760.0, 800.0, "Titre droite"));
        lines.push(line(1, 345.0, 590.0, 148.0, "aidantsconnect.beta.gouv.fr"));
        reorder_columns(&mut lines, 1191.0);
        let texts: Vec<String> = lines.iter().map(Line::text).collect();
        assert_eq!(texts[0], "La charte du référent", "{texts:?}");
        assert_eq!(texts[1], "Titre gauche", "{texts:?}");
        assert_eq!(texts[2], "gauche 0");
        assert_eq!(texts[14], "Titre droite");
        assert_eq!(texts[15], "droite 0");
        assert_eq!(
            texts.last().map(String::as_str),
            Some("aidantsconnect.beta.gouv.fr")
        );
        assert_eq!(lines[2].column_right, Some(436.0));
    }

    #[test]
    fn tables_and_ordered_columns_keep_their_drawing_order() {
        // Three columns: a table.
        let mut lines = column(72.0, 150.0, 700.0, 6, "a");
        lines.extend(column(175.0, 340.0, 700.0, 6, "b"));
        lines.extend(column(352.0, 520.0, 700.0, 6, "c"));
        let before = lines.clone();
        reorder_columns(&mut lines, 842.0);
        assert_eq!(lines, before);
        // Two columns already drawn top to bottom, one after the other.
        let mut lines = column(36.0, 280.0, 780.0, 30, "gauche");
        lines.extend(column(310.0, 560.0, 780.0, 30, "droite"));
        let before = lines.clone();
        reorder_columns(&mut lines, 842.0);
        assert_eq!(lines, before);
    }

    // --- running lines and page numbers

    #[test]
    fn page_numbers_are_recognised() {
        assert_eq!(page_number_value("Page 3 sur 11"), Some(3));
        assert_eq!(page_number_value("Page 3 / 11"), Some(3));
        assert_eq!(page_number_value("3/11"), Some(3));
        assert_eq!(page_number_value("2 / 5"), Some(2));
        assert_eq!(page_number_value("- 3 -"), Some(3));
        assert_eq!(page_number_value("– 12 –"), Some(12));
        assert_eq!(page_number_value("7"), Some(7));
        assert_eq!(page_number_value("Page 12 sur 11"), None);
        assert_eq!(page_number_value("Article 3"), None);
        assert_eq!(page_number_value("5.1 Montant"), None);
    }

    #[test]
    fn running_key_folds_numbers() {
        assert_eq!(running_key("Page 3 sur 11"), running_key("Page 10 sur 11"));
        assert_ne!(running_key("Article 1"), running_key("Annexe 1"));
    }

    #[test]
    fn running_headers_footers_and_page_numbers_are_removed() {
        let mut pages: Vec<(f64, Vec<Line>)> = (1..=3)
            .map(|n| {
                let mut lines = vec![
                    line(n, 350.0, 520.0, 798.0, "Convention Canopé – DINUM"),
                    line(n, 71.0, 520.0, 700.0, &format!("Corps de la page {n}")),
                    line(n, 260.0, 330.0, 48.0, &format!("Page {n} sur 3")),
                ];
                if n == 1 {
                    lines.push(line(1, 36.0, 120.0, 36.0, "2024"));
                }
                lines
            })
            .map(|lines| (842.0, lines))
            .collect();
        strip_running_lines(&mut pages);
        let texts: Vec<Vec<String>> = pages
            .iter()
            .map(|(_, l)| l.iter().map(Line::text).collect())
            .collect();
        assert_eq!(texts[0], ["Corps de la page 1", "2024"]);
        assert_eq!(texts[1], ["Corps de la page 2"]);
        assert_eq!(texts[2], ["Corps de la page 3"]);
    }

    #[test]
    fn a_lone_bare_page_number_is_removed_only_when_it_matches_the_page() {
        let mut lines = vec![
            line(4, 71.0, 520.0, 700.0, "Texte"),
            line(4, 290.0, 300.0, 45.0, "4"),
        ];
        strip_page_numbers(&mut lines, 842.0, 4);
        assert_eq!(lines.len(), 1);
        let mut lines = vec![
            line(4, 71.0, 520.0, 700.0, "Texte"),
            line(4, 290.0, 300.0, 45.0, "250"),
        ];
        strip_page_numbers(&mut lines, 842.0, 4);
        assert_eq!(lines.len(), 2);
    }

    // --- hyphenation

    #[test]
    fn hyphenation_joins_cut_words() {
        let lex = lexicon(&["la convention", "du Futuroscope"]);
        assert_eq!(
            join_wrapped("la conven-", "tion est", &lex),
            "la convention est"
        );
        assert_eq!(
            join_wrapped("86961 Futuro -", "scope cedex", &lex),
            "86961 Futuroscope cedex"
        );
        assert_eq!(
            join_wrapped("une in\u{2010}", "vestigation", &lex),
            "une investigation"
        );
        assert_eq!(
            join_wrapped("la DI-", "NUM aura", &lexicon(&["la DINUM"])),
            "la DINUM aura"
        );
        assert_eq!(
            join_wrapped("rectifi\u{AD}", "cation", &lex),
            "rectification"
        );
        // Not in the document, no known part: an ordinary hyphenation.
        assert_eq!(
            join_wrapped("d’ad-", "ministration", &lex),
            "d’administration"
        );
    }

    #[test]
    fn hyphenation_keeps_real_compounds() {
        let lex = lexicon(&["un développeur à mi-temps", "le présent accord-cadre"]);
        assert_eq!(join_wrapped("à mi-", "temps", &lex), "à mi-temps");
        assert_eq!(
            join_wrapped("cet accord-", "cadre", &lexicon(&[])),
            "cet accord-cadre"
        );
        assert_eq!(
            join_wrapped("quatre-", "vingt-un mille", &lex),
            "quatre-vingt-un mille"
        );
        assert_eq!(join_wrapped("à Saint-", "Denis", &lex), "à Saint-Denis");
        assert_eq!(join_wrapped("c’est-à-", "dire", &lex), "c’est-à-dire");
        assert_eq!(join_wrapped("Marie-", "Caroline", &lex), "Marie-Caroline");
        assert_eq!(
            join_wrapped("www.securite-", "routiere.gouv.fr", &lex),
            "www.securite-routiere.gouv.fr"
        );
        assert_eq!(
            join_wrapped("décret n° 2019-", "1088", &lex),
            "décret n° 2019-1088"
        );
    }

    #[test]
    fn the_document_decides_between_both_forms() {
        assert_eq!(
            join_wrapped("le porte-", "feuille", &lexicon(&["un portefeuille"])),
            "le portefeuille"
        );
        assert_eq!(
            join_wrapped("le porte-", "parole", &lexicon(&["le porte-parole"])),
            "le porte-parole"
        );
    }

    #[test]
    fn wrapped_lines_get_one_space_and_urls_none() {
        let lex = lexicon(&[]);
        assert_eq!(
            join_wrapped("la page", "suivante", &lex),
            "la page suivante"
        );
        assert_eq!(
            join_wrapped("sur la page https://", "beta.gouv.fr/x ;", &lex),
            "sur la page https://beta.gouv.fr/x ;"
        );
        assert_eq!(join_wrapped("", "début", &lex), "début");
    }

    #[test]
    fn lexicon_leaves_out_fragments_and_elisions() {
        let lex = Lexicon::from_lines(["l’équipe d’in-", "vestigation a"].into_iter());
        assert!(lex.contains("équipe"));
        assert!(!lex.contains("in"));
        assert!(!lex.contains("vestigation"));
        assert!(lex.contains("a"));
    }

    // --- characters

    #[test]
    fn ligatures_are_expanded() {
        assert_eq!(
            expand_ligatures("ﬁn, ﬂux, eﬀet, eﬃcace, aﬄux"),
            "fin, flux, effet, efficace, afflux"
        );
    }

    #[test]
    fn soft_hyphens_and_control_characters_are_removed() {
        assert_eq!(
            remove_soft_hyphens("con\u{AD}vention\u{0}\tB\u{200B}"),
            "convention\tB"
        );
    }

    #[test]
    fn runs_of_spaces_are_collapsed() {
        assert_eq!(collapse_spaces("  a   b \u{202F}c  "), "a b\u{202F}c");
        assert_eq!(collapse_spaces("281\u{202F}160 €"), "281\u{202F}160 €");
    }

    // --- footnotes

    #[test]
    fn footnotes_at_the_foot_of_the_page_are_split_off() {
        let mut lines = vec![
            line(4, 71.0, 520.0, 500.0, "démarche recommandée par l’ANSSI¹ ;"),
            line(4, 71.0, 480.0, 125.0, "¹ https://www.ssi.gouv.fr/guide"),
            line(4, 71.0, 270.0, 101.0, "² https://franceconnect.gouv.fr/"),
            line(4, 80.0, 200.0, 90.0, "partenaires/"),
        ];
        let notes = split_footnotes(&mut lines, 842.0, &lexicon(&[]));
        assert_eq!(
            notes,
            [
                "¹ https://www.ssi.gouv.fr/guide",
                "² https://franceconnect.gouv.fr/partenaires/"
            ]
        );
        assert_eq!(lines.len(), 1);
    }

    #[test]
    fn a_call_in_the_text_is_not_a_footnote() {
        let mut lines = vec![
            line(4, 71.0, 520.0, 300.0, "¹ une ligne dans le haut de page"),
            line(4, 71.0, 520.0, 250.0, "suite"),
            line(4, 71.0, 520.0, 600.0, "plus haut"),
        ];
        assert!(split_footnotes(&mut lines, 842.0, &lexicon(&[])).is_empty());
        assert_eq!(lines.len(), 3);
    }

    #[test]
    fn endnotes_lose_their_back_links() {
        assert_eq!(
            endnote("1. https://example.org↩").as_deref(),
            Some("¹ https://example.org")
        );
        assert_eq!(
            endnote("12. voir l’article 3 ↩").as_deref(),
            Some("¹² voir l’article 3")
        );
        assert_eq!(endnote("1. un élément de liste"), None);
    }

    // --- paragraphs, items, tables

    fn metrics() -> Metrics {
        Metrics {
            right: 524.0,
            pitch: 1.22,
            word_gap: 0.25,
            hyphenates: true,
        }
    }

    #[test]
    fn breaks_between_lines() {
        let m = metrics();
        let full = line(1, 71.0, 524.0, 700.0, "une ligne pleine qui continue");
        let next = line(1, 71.0, 300.0, 687.8, "la suite du paragraphe.");
        assert_eq!(classify_break(&full, &next, &m), Break::Wrap);
        let far = line(1, 71.0, 300.0, 670.0, "Un autre paragraphe.");
        assert_eq!(classify_break(&next, &far, &m), Break::Paragraph);
        let short = line(1, 71.0, 160.0, 700.0, "Pour Réseau Canopé,");
        let signer = line(1, 71.0, 180.0, 687.8, "La Directrice générale,");
        assert_eq!(classify_break(&short, &signer, &m), Break::Line);
        let item = line(1, 83.0, 400.0, 686.0, "• un élément");
        assert_eq!(classify_break(&full, &item, &m), Break::Item);
    }

    /// Glyphs of `words` justified between `x0` and `right` on baseline `y` (11 pt, half an em
    /// per character, a space glyph after each word and the stretch after it).
    fn justified(words: &[&str], x0: f64, right: f64, y: f64) -> Vec<Glyph> {
        let size = 11.0;
        let ink: usize = words.iter().map(|w| w.chars().count()).sum();
        let gaps = words.len().saturating_sub(1).max(1) as f64;
        let gap = (right - x0 - ink as f64 * 0.5 * size) / gaps;
        let mut out = Vec::new();
        let mut x = x0;
        for (i, word) in words.iter().enumerate() {
            out.extend(run(word, x, y, size));
            x += word.chars().count() as f64 * 0.5 * size;
            if i + 1 < words.len() {
                out.extend(run(" ", x, y, size));
                x += gap;
            }
        }
        out
    }

    #[test]
    fn a_forced_break_in_a_justified_paragraph_is_kept() {
        // LibreOffice stretches the line before a forced break to the margin. Naturally it
        // ends 62 pt short: « Représentée » (60.5 pt) does not fit whole, but its first
        // syllable would have, and this document cuts words at line ends.
        let words = ["abcde"; 12];
        let prev = build_lines(&page(justified(&words, 71.0, 524.0, 636.0)));
        let next = build_lines(&page(run(
            "Représentée par sa directrice",
            71.0,
            622.5,
            11.0,
        )));
        let (prev, next) = (&prev[0], &next[0]);
        assert!((prev.natural_x1 - 461.5).abs() < 0.5, "{}", prev.natural_x1);
        assert!((first_word_width(next) - 60.5).abs() < 0.1);
        assert_eq!(classify_break(prev, next, &metrics()), Break::Line);
        // A document that never cuts words: the word did not fit, the line was wrapped.
        let plain = Metrics {
            hyphenates: false,
            ..metrics()
        };
        assert_eq!(classify_break(prev, next, &plain), Break::Wrap);
        // A number cannot be cut either.
        let number = build_lines(&page(run("00000092441 Clé RIB", 71.0, 622.5, 11.0)));
        assert_eq!(classify_break(prev, &number[0], &metrics()), Break::Wrap);
        // Whole words that fit with a clear point to spare: a forced break in any document.
        let short = build_lines(&page(run("Représentée", 71.0, 622.5, 11.0)));
        let wide = build_lines(&page(justified(&["abcde"; 11], 71.0, 524.0, 636.0)));
        assert_eq!(classify_break(&wide[0], &short[0], &plain), Break::Line);
    }

    #[test]
    fn the_tab_after_a_list_marker_is_not_a_stretch() {
        let mut glyphs = run("•", 83.0, 500.0, 11.0);
        glyphs.extend(run("chaque mois, un comité", 107.0, 500.0, 11.0));
        let lines = build_lines(&page(glyphs));
        assert!(!lines[0].stretched);
        assert_eq!(lines[0].natural_x1, lines[0].x1);
    }

    #[test]
    fn no_break_spaces_bind_the_first_word() {
        assert!(bound_tokens("«", "Réseau"));
        assert!(bound_tokens("n°", "SIRET"));
        assert!(bound_tokens("Compte", ":"));
        assert!(bound_tokens("281", "160"));
        assert!(bound_tokens("160", "€"));
        assert!(!bound_tokens("Représentée", "par"));
        assert!(!bound_tokens("2021", "avril"));
        let next = build_lines(&page(run("« Réseau Canopé »", 71.0, 600.0, 11.0)));
        assert!((first_word_width(&next[0]) - 8.0 * 5.5).abs() < 0.1);
    }

    #[test]
    fn cut_words_are_told_from_compounds() {
        let lex = lexicon(&["un accord-cadre"]);
        assert!(cuts_a_word("la conven-", "tion est", &lex));
        assert!(!cuts_a_word("cet accord-", "cadre", &lex));
        assert!(!cuts_a_word("la DI-", "NUM", &lex));
        assert!(!cuts_a_word("une ligne", "suite", &lex));
    }

    #[test]
    fn a_paragraph_cut_by_a_page_break_is_joined() {
        let m = metrics();
        let last = line(
            3,
            71.0,
            524.0,
            76.0,
            "les codes sources pourront être publiés en open source confor-",
        );
        let first = line(
            4,
            71.0,
            520.0,
            760.0,
            "mément aux orientations de la circulaire",
        );
        assert_eq!(classify_break(&last, &first, &m), Break::Wrap);
        let ended = line(2, 71.0, 240.0, 120.0, "Il a été convenu ce qui suit :");
        let heading = line(3, 71.0, 240.0, 757.0, "Article 1 : Objet");
        assert_eq!(classify_break(&ended, &heading, &m), Break::Paragraph);
    }

    #[test]
    fn list_markers_are_written_as_in_the_seeds() {
        assert_eq!(
            item_text("• respecter le manifeste", false),
            "- respecter le manifeste"
        );
        assert_eq!(item_text("– Product owner", true), " - Product owner");
        assert_eq!(item_text("1. Les besoins", false), "1. Les besoins");
        assert!(starts_item("• x"));
        assert!(starts_item("2. x"));
        assert!(!starts_item("2021. x"));
        assert!(!starts_item("•"));
    }

    #[test]
    fn stacked_cells_make_one_row() {
        let lines = vec![
            line(7, 71.0, 150.0, 713.6, "Respect de la vie"),
            line(7, 71.0, 140.0, 700.2, "privée"),
            line(7, 173.0, 320.0, 713.6, "Obligation de transparence"),
            line(7, 173.0, 320.0, 700.2, "et de traçabilité"),
            line(7, 348.0, 500.0, 713.6, "Mise en œuvre du cadre"),
            line(7, 348.0, 480.0, 700.2, "juridique"),
            line(7, 71.0, 150.0, 602.4, "Données traitées"),
            line(7, 71.0, 150.0, 589.0, "dans le cadre"),
            line(7, 173.0, 330.0, 602.4, "Mise en œuvre du traitement"),
        ];
        let units = group_rows(lines, 842.0);
        assert_eq!(units.len(), 2);
        let Unit::Row { cells, .. } = &units[0] else {
            panic!("not a row: {:?}", units[0]);
        };
        let texts: Vec<String> = cells
            .iter()
            .map(|c| cell_text(&c.lines, &lexicon(&[])))
            .collect();
        assert_eq!(
            texts,
            [
                "Respect de la vie privée",
                "Obligation de transparence et de traçabilité",
                "Mise en œuvre du cadre juridique"
            ]
        );
    }

    /// A line whose segments are the given cells (left edge, text), 11 pt.
    fn row_line(page: u32, y: f64, cells: &[(f64, &str)]) -> Line {
        let segments: Vec<Segment> = cells
            .iter()
            .map(|&(x0, text)| Segment {
                x0,
                x1: x0 + 5.5 * text.chars().count() as f64,
                text: text.to_string(),
            })
            .collect();
        let x1 = segments.last().map_or(0.0, |s| s.x1);
        Line {
            segments,
            size: 11.0,
            ..line(page, cells[0].0, x1, y, "")
        }
    }

    #[test]
    fn a_total_alone_under_its_column_is_its_own_row() {
        let columns = [71.0, 178.0, 256.0, 322.0, 387.0, 453.0];
        let data = [
            ["UX designer", "72", "700", "50.400", "15%", "57.960"],
            ["Coach agile", "60", "800", "48.000", "20%", "57.600"],
        ];
        let mut lines: Vec<Line> = data
            .iter()
            .enumerate()
            .map(|(k, row)| {
                let cells: Vec<(f64, &str)> =
                    columns.iter().copied().zip(row.iter().copied()).collect();
                row_line(10, 423.6 - 17.0 * k as f64, &cells)
            })
            .collect();
        lines.push(row_line(10, 389.6, &[(453.0, "281.160")]));
        let units = group_rows(lines, 842.0);
        assert_eq!(units.len(), 3, "{units:?}");
        assert!(
            matches!(&units[1], Unit::Row { cells, .. } if cells.len() == 6 && cells[5].lines.len() == 1)
        );
        assert!(matches!(&units[2], Unit::Line(l) if l.text() == "281.160"));
    }

    #[test]
    fn a_cell_going_on_below_its_row_stays_in_the_cell() {
        // The CCTP: the last cell holds a list whose items are further apart than the lines.
        let lines = vec![
            row_line(
                13,
                460.6,
                &[(148.5, "Niveau"), (225.6, "Description de l’UO")],
            ),
            row_line(
                13,
                426.4,
                &[
                    (76.6, "UO 1.1.1"),
                    (148.5, "Simple"),
                    (225.6, "- Identification"),
                ],
            ),
            row_line(13, 406.6, &[(225.6, "- Mise en place d’outils")]),
            row_line(13, 386.7, &[(225.6, "- Support utilisateur initial")]),
        ];
        let units = group_rows(lines, 842.0);
        assert_eq!(units.len(), 2, "{units:?}");
        assert!(matches!(&units[1], Unit::Row { cells, .. } if cells[2].lines.len() == 3));
    }

    #[test]
    fn a_cell_starting_lower_beside_the_first_one_is_the_next_cell() {
        // WeasyPrint: the middle cell's first paragraph sits a little below the row's top.
        let lines = vec![
            line(8, 71.9, 147.8, 518.3, "Violation de données"),
            line(
                8,
                174.7,
                340.4,
                509.3,
                "Obligation d’alerte, d’assistance et de conseil,",
            ),
            line(8, 174.7, 214.7, 497.6, "sans délai :"),
            line(8, 199.3, 342.9, 476.9, "• Notification de toute violation"),
            line(
                8,
                352.3,
                512.3,
                518.3,
                "Définition de la procédure de notification en",
            ),
            line(8, 352.3, 521.3, 506.6, "cas de violation de données*."),
        ];
        let units = group_rows(lines, 842.0);
        assert_eq!(units.len(), 1, "{units:?}");
        let Unit::Row { cells, .. } = &units[0] else {
            panic!("not a row: {:?}", units[0]);
        };
        let texts: Vec<String> = cells
            .iter()
            .map(|c| cell_text(&c.lines, &lexicon(&[])))
            .collect();
        assert_eq!(
            texts,
            [
                "Violation de données",
                "Obligation d’alerte, d’assistance et de conseil, sans délai : Notification de toute violation",
                "Définition de la procédure de notification en cas de violation de données*."
            ]
        );
    }

    #[test]
    fn text_columns_are_not_table_rows() {
        let mut lines: Vec<Line> = (0..30)
            .map(|i| line(1, 36.0, 280.0, 780.0 - 14.0 * i as f64, "colonne de gauche"))
            .collect();
        lines.extend((0..30).map(|i| {
            line(
                1,
                310.0,
                560.0,
                780.0 - 14.0 * i as f64,
                "colonne de droite",
            )
        }));
        assert!(group_rows(lines, 842.0)
            .iter()
            .all(|u| matches!(u, Unit::Line(_))));
    }

    #[test]
    fn short_rows_are_padded_under_their_columns() {
        let rows = vec![
            Row {
                x0s: vec![71.0, 178.0, 256.0],
                cells: vec!["Poste".into(), "Nb jours".into(), "Total".into()],
            },
            Row {
                x0s: vec![256.0],
                cells: vec!["281.160".into()],
            },
        ];
        let columns = table_columns(&rows);
        assert_eq!(padded_cells(&rows[1], &columns), ["", "", "281.160"]);
    }

    // --- readability

    #[test]
    fn french_text_is_readable() {
        let text =
            "La présente convention a pour objet de définir les modalités de la coopération \
                    entre les parties, la répartition des rôles et les modalités de participation \
                    financière de chacune des parties au projet, dans le respect du code de la \
                    commande publique et des règles de protection des données.";
        assert_eq!(assess_readability(text), Readability::Readable);
    }

    #[test]
    fn garbage_text_is_unreadable() {
        // The same sentence with a shifted alphabet, as fonts without a Unicode map give.
        let text =
            "Mb qsêtfouf dpowfoujpo b qpvs pckfu ef eêgjojs mft npebmjuêt ef mb dppqêsbujpo \
                    fousf mft qbsujft, mb sêqbsujujpo eft sômft fu mft npebmjuêt ef qbsujdjqbujpo \
                    gjobodjêsf ef dibdvof eft qbsujft bv qspkfu, ebot mf sftqfdu ev dpef ef mb \
                    dpnnboef qvcmjrvf fu eft sêhmft ef qspufdujpo eft epoofft.";
        assert_eq!(assess_readability(text), Readability::Garbage);
        assert_eq!(
            assess_readability("\u{F031}\u{F020} \u{F031}"),
            Readability::Garbage
        );
        assert_eq!(assess_readability(" 1  2 \n"), Readability::Empty);
        assert_eq!(assess_readability(""), Readability::Empty);
    }

    // --- refusals

    #[test]
    fn panics_are_caught_silently() {
        assert_eq!(quietly(|| 1), Some(1));
        assert_eq!(quietly(|| -> i32 { panic!("boom") }), None);
    }

    #[test]
    fn truncated_pdf_is_malformed() {
        let bytes = corpus("canope-dinum-2020.office.pdf");
        let half = &bytes[..bytes.len() / 2];
        assert!(matches!(pdf_to_text(half), Err(PdfError::Malformed(_))));
        assert!(matches!(
            pdf_to_text(b"not a pdf at all"),
            Err(PdfError::Malformed(_))
        ));
    }

    #[test]
    fn encrypted_pdf_is_refused() {
        let bytes = corpus("ena-dinum-2021.web.pdf");
        let mut doc = Document::load_mem(&bytes).expect("seed loads");
        let id = pdf_extract::Object::String(
            b"0123456789abcdef".to_vec(),
            pdf_extract::StringFormat::Literal,
        );
        doc.trailer
            .set("ID", pdf_extract::Object::Array(vec![id.clone(), id]));
        let version = pdf_extract::EncryptionVersion::V2 {
            document: &doc,
            owner_password: "owner",
            user_password: "secret",
            key_length: 128,
            permissions: pdf_extract::Permissions::all(),
        };
        let state = pdf_extract::EncryptionState::try_from(version).expect("state");
        doc.encrypt(&state).expect("encrypt");
        let mut out = Vec::new();
        doc.save_to(&mut out).expect("save");
        assert_eq!(pdf_to_text(&out), Err(PdfError::Encrypted));
    }

    /// A one-page PDF whose content stream only draws a rectangle.
    fn pdf_without_text() -> Vec<u8> {
        let content = "0 0 1 rg 100 100 200 200 re f";
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>"
                .to_string(),
            format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        ];
        let mut out = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).bytes());
        }
        let xref = out.len();
        out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
        for offset in offsets {
            out.extend(format!("{offset:010} 00000 n \n").bytes());
        }
        out.extend(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .bytes(),
        );
        out
    }

    #[test]
    fn pdf_without_text_layer_is_refused() {
        assert_eq!(pdf_to_text(&pdf_without_text()), Err(PdfError::NoTextLayer));
    }

    #[test]
    fn broken_text_layer_is_unreadable() {
        let bytes = corpus("menj-convention-sequence-observation-textlayer-broken.pdf");
        assert_eq!(pdf_to_text(&bytes), Err(PdfError::Unreadable));
    }

    #[test]
    fn messages_are_french_sentences_without_file_name() {
        for e in [
            PdfError::Encrypted,
            PdfError::Malformed("xref absente".into()),
            PdfError::NoTextLayer,
            PdfError::Unreadable,
        ] {
            let m = e.to_string();
            assert!(m.starts_with("le PDF") || m.starts_with("la couche"), "{m}");
        }
        assert!(PdfError::Malformed("xref absente".into())
            .to_string()
            .contains("(xref absente)"));
    }

    // --- whole documents

    #[test]
    fn office_seed_pdf_reads_like_the_seed() {
        let text = extract("canope-dinum-2020.office.pdf");
        assert!(!text.contains("Page 3 sur 11"));
        assert!(!text.contains("Convention de coopération Réseau Canopé – DINUM"));
        assert!(text.contains("\n\nArticle 4 : Déroulement des travaux\n\n"));
        assert!(text.contains("\n\n5.1 Montant du financement\n\n"));
        assert!(text.contains("86961 Futuroscope cedex"));
        assert!(text.contains("d’un développeur à mi-temps, d’un UX designer à mi-temps"));
        assert!(text.contains("la démarche recommandée par la DINUM et l’ANSSI¹ ;"));
        assert!(text.contains("\n\n¹ https://www.ssi.gouv.fr/uploads/2018/11/guide-securite-numerique-agile-anssi-pa-v1.pdf\n"));
        assert!(text.contains("au 1er février 2021."));
        assert!(text.contains("\n- respecter le manifeste du programme beta.gouv.fr"));
        assert!(text.contains("\n - Développeur fullstack temps plein\n"));
        assert!(text.contains("\nPoste\tNb jours\tTJM\tTotal\tMarkUp\tTotal\n"));
        assert!(text.contains("sur le territoire national ou européen Hébergeur conforme au RGPD et non soumis à la législation américaine"));
        assert!(text.contains(
            "\n\nPour La DINUM,\nLe Directeur interministériel du\nnumérique,\nNadi BOU HANNA\n\n"
        ));
        assert!(!text.contains('•'));
        assert_eq!(text.matches("Droits des personnes\t").count(), 1);
    }

    #[test]
    fn web_seed_pdf_reads_like_the_seed() {
        let text = extract("canope-dinum-2020.web.pdf");
        assert!(!text.contains("Page 3 / 11"));
        assert!(!text.contains('↩'));
        assert!(!text.contains('\u{2010}'));
        assert!(text.contains("\n\n³ https://observatoire.numerique.gouv.fr/Aide/Int%C3%A9gration%20du%20bouton%20MonAvis"));
        assert!(text.contains("prestataires engagés par la DINUM"));
        assert!(text.contains("le solde, soit 140 580 € (cent quarante mille cinq cent quatre-vingts euros), au 1er février 2021."));
        assert!(text.contains("https://beta.gouv.fr/approche/sponsors ;"));
        assert!(text.contains("\n- Accès au Slack beta.gouv.fr ;\n"));
        // The running title equals the document title: only the title itself is left.
        assert_eq!(
            text.matches("Convention de coopération public-public")
                .count(),
            1
        );
    }

    #[test]
    fn both_renderings_of_a_seed_give_the_same_words() {
        // Typography differs (no-break spaces, curly quotes): compare alphanumeric words.
        let words = |t: &str| {
            let mut w: Vec<String> = t
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            w.sort();
            w
        };
        for seed in ["ena-dinum-2021", "canope-dinum-2020"] {
            let office = extract(&format!("{seed}.office.pdf"));
            let web = extract(&format!("{seed}.web.pdf"));
            assert_eq!(words(&office), words(&web), "{seed}");
        }
    }

    #[test]
    fn cctp_keeps_compounds_and_drops_page_numbers() {
        let text = extract("dinum-cctp-accord-cadre-produit-2025.pdf");
        assert!(!text
            .split("\n\n")
            .any(|p| p.trim().chars().all(|c| c.is_ascii_digit())));
        assert!(!text.contains("accordcadre") && !text.contains("accord- cadre"));
        assert!(text.contains("c’est-à-dire"));
        assert!(text.contains("securite-routiere.gouv.fr"));
        assert!(text.contains("\n\n2.1 Stratégie numérique de l’État\n\n"));
    }

    #[test]
    fn n_over_m_page_numbers_go_but_the_cover_year_stays() {
        let text = extract("aidants-connect-elements-juridiques-2024.pdf");
        assert!(!text.contains("2 / 5") && !text.contains("5 / 5"));
        assert!(text.contains("\n\n2024\n\n"));
        assert!(text.contains("qui accompagnent leurs publics"));
    }

    #[test]
    fn charters_lose_no_words() {
        for name in [
            "aidants-connect-charte-referent-old.pdf",
            "aidants-connect-charte-referent-2025.pdf",
        ] {
            let text = extract(name);
            assert!(
                text.contains("Je tiens à jour la liste des aidants habilités"),
                "{name}"
            );
        }
    }
}
