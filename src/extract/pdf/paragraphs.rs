//! Assembly: lines into paragraphs, list items and tables.
//! Decides where a line wraps and where a paragraph, item or table row breaks.

use super::*;

/// Document-wide measures used to tell wrapped lines from breaks.
#[derive(Debug, Clone, Copy)]
pub(super) struct Metrics {
    /// Right edge of the text column (points).
    pub(super) right: f64,
    /// Usual distance between two lines of one paragraph, in font sizes.
    pub(super) pitch: f64,
    /// Usual gap between two words, in font sizes.
    pub(super) word_gap: f64,
    /// Whether the typesetter cuts words at line ends (several lines end with `lettre-` and go
    /// on in lower case): then a word that did not fit whole would have been cut.
    pub(super) hyphenates: bool,
}

impl Metrics {
    /// Where a line really ends: its natural end when justification stretched it far beyond
    /// the usual word spacing (a forced line break in justified text).
    pub(super) fn end_of(&self, line: &Line) -> f64 {
        if line.stretched || line.word_gap > 3.0 * self.word_gap {
            line.natural_x1
        } else {
            line.x1
        }
    }
}

/// Percentile (0..=1) of a list of values.
pub(super) fn percentile(values: &mut [f64], q: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let idx = ((values.len() - 1) as f64 * q).round() as usize;
    values.get(idx).copied()
}

/// Measures the text column and the line pitch on all single-segment lines.
pub(super) fn measure(pages: &[(f64, Vec<Line>)], lexicon: &Lexicon) -> Metrics {
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
pub(super) fn cuts_a_word(line: &str, next: &str, lexicon: &Lexicon) -> bool {
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
pub(super) enum Break {
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
pub(super) fn starts_item(text: &str) -> bool {
    let mut parts = text.splitn(2, char::is_whitespace);
    let first = parts.next().unwrap_or("");
    parts.next().is_some_and(|rest| !rest.trim().is_empty()) && is_marker(first)
}

/// Whether two tokens are held together by a no-break space in French typography (« Réseau,
/// n° 12, service ;, 281 160 €): LibreOffice draws that space as a plain one, so the extracted
/// text cannot tell it apart and the rule is applied on the tokens.
pub(super) fn bound_tokens(left: &str, right: &str) -> bool {
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
pub(super) fn first_word_width(line: &Line) -> f64 {
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
pub(super) fn classify_break(prev: &Line, next: &Line, m: &Metrics) -> Break {
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
pub(super) fn would_have_fitted(next: &Line, room: f64, m: &Metrics) -> bool {
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
pub(super) fn classify_page_break(prev: &Line, next: &Line, m: &Metrics, item: bool) -> Break {
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
pub(super) fn item_text(text: &str, nested: bool) -> String {
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
pub(super) struct Row {
    pub(super) x0s: Vec<f64>,
    pub(super) cells: Vec<String>,
}

/// An output block: a paragraph (its hard lines), a table (its rows) or a footnote.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Block {
    Text(Vec<String>),
    Table(Vec<Row>),
    Note(String),
    /// A line (or lines) set larger than the body: its size, its level once settled.
    Heading {
        size: f64,
        level: u8,
        text: String,
    },
}

/// Builds the blocks of the document from its units, in order.
pub(super) struct Assembler<'a> {
    pub(super) metrics: Metrics,
    pub(super) lexicon: &'a Lexicon,
    pub(super) blocks: Vec<Block>,
    /// The last line added to the current text block, and the left edge of its first item.
    pub(super) last_line: Option<Line>,
    pub(super) list_x0: Option<f64>,
    /// The page the current table's last row (kept or dropped) is on, and of its last kept row.
    pub(super) table_page: Option<u32>,
    pub(super) kept_row_page: Option<u32>,
    /// The last line added to a table on its own (a cell continued below its row).
    pub(super) lone: Option<Line>,
    pub(super) notes: Vec<String>,
    /// The body's type size, when lines set larger are to be read as headings.
    pub(super) body_size: Option<f64>,
}

impl<'a> Assembler<'a> {
    pub(super) fn new(metrics: Metrics, lexicon: &'a Lexicon) -> Self {
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
            body_size: None,
        }
    }

    /// Footnotes wait for the end of the paragraph they interrupt.
    pub(super) fn add_notes(&mut self, notes: Vec<String>) {
        self.notes.extend(notes);
    }

    pub(super) fn flush_notes(&mut self) {
        for note in std::mem::take(&mut self.notes) {
            self.blocks.push(Block::Note(note));
        }
    }

    pub(super) fn add(&mut self, unit: Unit) {
        match unit {
            Unit::Line(line) => self.add_line(line),
            Unit::Row { page, cells } => self.add_row(page, cells),
        }
    }

    pub(super) fn add_line(&mut self, line: Line) {
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
        if self
            .body_size
            .is_some_and(|body| heading_line(&line, &text, body))
        {
            self.add_heading_line(line, &text);
            return;
        }
        if self.continues_heading(&line, &text) {
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

    /// A body line that goes on with the sentence of the heading-sized line above it (wrapped
    /// after a full line, in lower case): that line was the paragraph's first, set larger,
    /// not a heading. The two become one paragraph.
    fn continues_heading(&mut self, line: &Line, text: &str) -> bool {
        let (Some(Block::Heading { text: above, .. }), Some(prev)) =
            (self.blocks.last(), &self.last_line)
        else {
            return false;
        };
        let wraps = classify_break(prev, line, &self.metrics) == Break::Wrap
            && text.starts_with(char::is_lowercase)
            && !above.trim_end().ends_with(['.', ':', ';', '!', '?']);
        if !wraps {
            return false;
        }
        let joined = join_wrapped(above, text, self.lexicon);
        if let Some(last) = self.blocks.last_mut() {
            *last = Block::Text(vec![joined]);
        }
        self.last_line = Some(line.clone());
        true
    }

    /// A heading's line: a heading of its own, or the next line of the heading above (same
    /// size, next line on the page).
    fn add_heading_line(&mut self, line: Line, text: &str) {
        let pitch = self.metrics.pitch;
        let continued = match (self.blocks.last_mut(), &self.last_line) {
            (
                Some(Block::Heading {
                    size, text: above, ..
                }),
                Some(prev),
            ) if (*size - line.size).abs() < 0.5
                && prev.page == line.page
                && prev.y > line.y
                && prev.y - line.y <= 1.4 * pitch * line.size =>
            {
                *above = join_wrapped(above, text, self.lexicon);
                true
            }
            _ => false,
        };
        if !continued {
            self.close_block();
            self.blocks.push(Block::Heading {
                size: line.size,
                level: 2,
                text: text.to_string(),
            });
        }
        self.list_x0 = None;
        self.last_line = Some(line);
    }

    pub(super) fn add_row(&mut self, page: u32, cells: Vec<Cell>) {
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
    pub(super) fn as_table_line(&self, line: &Line) -> bool {
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
    pub(super) fn continues_lone_line(&self, line: &Line) -> bool {
        self.lone.as_ref().is_some_and(|prev| {
            let dy = prev.y - line.y;
            prev.page == line.page
                && (prev.x0 - line.x0).abs() < 3.0
                && dy > 0.0
                && dy <= 2.2 * line.size
        })
    }

    /// Appends a line to the cell of the last table row under its column.
    pub(super) fn append_to_last_row(&mut self, line: &Line) {
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

    pub(super) fn close_block(&mut self) {
        if !self.notes.is_empty() {
            self.flush_notes();
        }
        self.table_page = None;
        self.kept_row_page = None;
    }

    pub(super) fn finish(mut self) -> Vec<Block> {
        self.flush_notes();
        settle(&mut self.blocks);
        self.blocks
    }
}

/// Left edges of the columns of a table: those of its widest row.
pub(super) fn table_columns(rows: &[Row]) -> Vec<f64> {
    rows.iter()
        .max_by_key(|r| r.x0s.len())
        .map(|r| r.x0s.clone())
        .unwrap_or_default()
}

/// Index of the column a cell starting at `x0` belongs to.
pub(super) fn column_of(x0: f64, columns: &[f64]) -> usize {
    columns
        .iter()
        .enumerate()
        .min_by(|a, b| (a.1 - x0).abs().total_cmp(&(b.1 - x0).abs()))
        .map_or(0, |(i, _)| i)
}

/// Places each cell of a row under its column, empty cells filling the gaps.
pub(super) fn padded_cells(row: &Row, columns: &[f64]) -> Vec<String> {
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
pub(super) fn merge_continued_row(last: &mut Row, part: &Row, columns: &[f64], lexicon: &Lexicon) {
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
pub(super) fn cell_text(lines: &[Line], lexicon: &Lexicon) -> String {
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
