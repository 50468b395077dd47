//! Normalise stage: [`Source`] text → [`Normalised`] lines, each with its surface form (plain,
//! Markdown heading, list item, table row, footnote) and canonical text. It never decides structure.

mod inline;
mod markup;
mod tables;
mod wrap;

pub use inline::{from_superscript, inline, is_superscript_digit, to_superscript};

use crate::model::{Source, Span};
use tables::Piece;
use wrap::Join;

/// The surface form of a line, as written (not what it means: that is the parser's job).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Form {
    Plain,
    /// A Markdown `#` heading of this level.
    Heading(u8),
    /// A list item: bullet (`-`, `•`, `●`…) or ordered (`1.`, `2°`, `a)`), with its nesting level.
    Item {
        marker: String,
        ordered: bool,
        level: u8,
    },
    /// A table row: TAB-separated cells, or a `| a | b |` pipe row.
    Row(Vec<String>),
    /// A footnote definition (`¹ texte`, `[^1]: texte`), with its number.
    Note(String),
}

/// One logical line of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub form: Form,
    /// Canonical text (for an ordered item, marker included: « 1° Le … »; for a row, cells joined by « | »).
    pub text: String,
    /// Where the line is in the source.
    pub span: Span,
    /// A blank line (or a dropped separator) stands before it.
    pub blank_before: bool,
}

/// The normalised input: the lines in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalised {
    pub lines: Vec<Line>,
}

/// Splits the source into lines and normalises each. Separator lines (`--`, `***`, `===`, a
/// pipe table's `|---|`) are dropped: they hold no word.
pub fn normalise(source: &Source) -> Normalised {
    let text = &source.text;
    let originals: Vec<&str> = text.split('\n').collect();
    // Where each line starts in the source, and its length there.
    let mut starts = Vec::with_capacity(originals.len());
    let mut offset = 0;
    for raw in &originals {
        starts.push((offset, raw.len()));
        offset += raw.len() + 1;
    }
    // Markup that is not words (front matter, `<style>`, block-quote markers…) taken out first.
    let stripped = markup::strip(&originals);
    let raws: Vec<&str> = match &stripped {
        Some(lines) => lines.iter().map(|l| l.as_ref()).collect(),
        None => originals,
    };
    let unpaired = emphasis_over_lines(&raws);
    // Drawn tables (grid, simple, multiline), found once: the wrap leaves their lines alone.
    let mut drawn_tables = std::collections::BTreeMap::new();
    let mut drawn = vec![false; raws.len()];
    let mut depths = markup::TableDepths::default();
    let mut at = 0;
    while at < raws.len() {
        match tables::table_at(&raws, at, &mut depths) {
            Some((pieces, end)) => {
                drawn[at..end].fill(true);
                drawn_tables.insert(at, (pieces, end));
                at = end;
            }
            None => at += 1,
        }
    }
    let joins = wrap::continuations(&raws, &drawn);
    // Words cut by a hyphen at a line end joined back (« justi- » ⏎ « fiée »).
    let rejoined = wrap::rejoin_cut_words(&raws, &joins, |k| drawn[k] || unpaired.contains_key(&k));
    let raws: Vec<&str> = match &rejoined {
        Some(lines) => lines.iter().map(|l| l.as_ref()).collect(),
        None => raws,
    };
    let span_of =
        |first: usize, last: usize| Span::new(starts[first].0, starts[last].0 + starts[last].1);
    // At most one line per non-blank raw line (joins and table rows only merge them): sized
    // once rather than doubled up to twice what it needs, and the unused tail given back below.
    let most = raws.iter().filter(|r| !r.trim().is_empty()).count();
    let mut lines = Vec::with_capacity(most);
    let mut tab_rows = Vec::with_capacity(most);
    let mut blank = false;
    let mut index = 0;
    while index < raws.len() {
        // Drawn tables (grid, simple, multiline): rows of cells, never their borders.
        if let Some((pieces, end)) = drawn_tables.remove(&index) {
            for placed in pieces {
                let span = span_of(placed.first, placed.last);
                let (form, text) = match placed.piece {
                    Piece::Row(cells) => {
                        let cells: Vec<String> = cells.iter().map(|c| inline(c)).collect();
                        let text = row_text(&cells);
                        (Form::Row(cells), text)
                    }
                    Piece::Text(t) => classify(&t),
                };
                if text.is_empty() {
                    continue;
                }
                lines.push(Line {
                    form,
                    text,
                    span,
                    blank_before: true,
                });
                tab_rows.push(false);
            }
            blank = true;
            index = end;
            continue;
        }
        let cleaned = |k: usize| -> &str {
            match unpaired.get(&k) {
                Some((open, close)) => &raws[k][*open..raws[k].len() - *close],
                None => raws[k],
            }
        };
        // A hard-wrapped paragraph: its lines joined back into one.
        let first = index;
        let joined;
        let joined_next = |k: usize| joins.get(k + 1).copied().unwrap_or(Join::No);
        let raw: &str = if joined_next(index) != Join::No {
            let mut text = cleaned(index).trim_end_matches([' ', '\r']).to_string();
            while joined_next(index) != Join::No {
                index += 1;
                // A TAB row cut just after a TAB keeps it: it separates two cells.
                if !text.ends_with('\t') && joins[index] == Join::Space {
                    text.push(' ');
                }
                text.push_str(cleaned(index).trim_matches([' ', '\r']));
            }
            joined = text;
            &joined
        } else {
            cleaned(index)
        };
        let span = span_of(first, index);
        index += 1;
        if raw.trim().is_empty() || is_separator(raw) {
            blank = true;
            continue;
        }
        let (form, text) = classify(raw);
        let tab_row = matches!(form, Form::Row(_)) && raw.contains('\t');
        if text.is_empty() && !matches!(form, Form::Row(_)) {
            blank = true;
            continue;
        }
        lines.push(Line {
            form,
            text,
            span,
            blank_before: blank,
        });
        tab_rows.push(tab_row);
        blank = false;
    }
    demote_lonely_rows(&mut lines, &tab_rows);
    align_tab_rows(&mut lines, &tab_rows);
    lines.shrink_to_fit();
    Normalised { lines }
}

/// The text as the reader reads its words, one line for each line of the input: markup that is
/// not words taken out (front matter, `<style>`, `{:…}`, `>` markers) and words cut at a line end
/// joined. What the conservation tests count the input's words from.
pub fn without_markup(text: &str) -> String {
    let originals: Vec<&str> = text.split('\n').collect();
    let stripped = markup::strip(&originals);
    let raws: Vec<&str> = match &stripped {
        Some(lines) => lines.iter().map(|l| l.as_ref()).collect(),
        None => originals,
    };
    let mut drawn = vec![false; raws.len()];
    let mut depths = markup::TableDepths::default();
    let mut at = 0;
    while at < raws.len() {
        match tables::table_at(&raws, at, &mut depths) {
            Some((_, end)) => {
                drawn[at..end].fill(true);
                at = end;
            }
            None => at += 1,
        }
    }
    let joins = wrap::continuations(&raws, &drawn);
    let unpaired = emphasis_over_lines(&raws);
    match wrap::rejoin_cut_words(&raws, &joins, |k| drawn[k] || unpaired.contains_key(&k)) {
        Some(lines) => lines.join("\n"),
        None => raws.join("\n"),
    }
}

/// Emphasis opened on one line and closed on a later line of the same paragraph
/// (`**PREMIER` ⏎ `MINISTRE**`): for each such line, the bytes of marker to drop at its start
/// and at its end. Lone asterisks (a call `textes*`) are left alone.
fn emphasis_over_lines(raws: &[&str]) -> std::collections::BTreeMap<usize, (usize, usize)> {
    let mut out = std::collections::BTreeMap::new();
    let mut i = 0;
    while i < raws.len() {
        let t = raws[i].trim_end();
        let lead = raws[i].len() - raws[i].trim_start().len();
        let run: String = t
            .trim_start()
            .chars()
            .take_while(|c| *c == '*' || *c == '_')
            .collect();
        let opens = !run.is_empty()
            && run.len() <= 3
            && t.trim_start()[run.len()..].starts_with(|c: char| !c.is_whitespace())
            && t.matches(run.as_str()).count() == 1;
        if opens {
            // Look for the closing run at the end of a following line of the same paragraph.
            let mut j = i + 1;
            while j < raws.len() && !raws[j].trim().is_empty() && j - i <= 6 {
                let u = raws[j].trim_end();
                if u.ends_with(run.as_str())
                    && u.matches(run.as_str()).count() == 1
                    && !u[..u.len() - run.len()].ends_with(char::is_whitespace)
                {
                    out.insert(i, (lead + run.len(), raws[i].len() - t.len()));
                    let entry = out.entry(j).or_insert((0, 0));
                    entry.1 = raws[j].len() - u.len() + run.len();
                    break;
                }
                j += 1;
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// A line made only of `-`, `*`, `_` or `=` (two or more): a rule or a setext underline.
fn is_separator(raw: &str) -> bool {
    // Two or more of one of `-*_=` and nothing else but spaces (read without a copy).
    let mut t = raw.chars().filter(|c| !c.is_whitespace());
    let rule = match t.next() {
        Some(first @ ('-' | '*' | '_' | '=')) => {
            let mut count = 1;
            t.all(|c| {
                count += 1;
                c == first
            }) && count >= 2
        }
        _ => false,
    };
    rule || is_pipe_separator(raw) || is_asterism(raw)
}

/// An asterism between two parts of an act: « * », « ⁂ », « * * » (the lone star of the
/// « * ⏎ * * » of the Journal officiel), never an alinéa.
fn is_asterism(raw: &str) -> bool {
    matches!(raw.trim(), "*" | "⁂" | "\\*")
}

fn is_pipe_separator(raw: &str) -> bool {
    let t = raw.trim();
    t.starts_with('|') && t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// Width of leading indentation, a tab counting four.
fn indent_width(raw: &str) -> usize {
    raw.chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

const BULLETS: &[char] = &[
    '-', '*', '+', '•', '●', '▪', '◦', '○', '■', '□', '▫', '➢', '►', '✓', '–', '—', '⁃', '◾',
];

/// A heading (`###` then a space or a TAB: `### 3.1.<TAB>Titre`), or a line opened by a bullet
/// or an ordered marker (`1.`, `2°`, `a)`) then a TAB: a heading or a list item, never a row.
fn marker_then_tab(raw: &str) -> bool {
    let t = raw.trim_start_matches(' ');
    let hashes = t.bytes().take_while(|c| *c == b'#').count();
    if (1..=6).contains(&hashes) && t[hashes..].starts_with([' ', '\t']) {
        return true;
    }
    let Some((first, rest)) = t.split_once('\t') else {
        return false;
    };
    // « 1.<TAB>Objet<TAB>500 € » is a row whose first cell is a number.
    !rest.contains('\t') && first.chars().count() == 1 && first.starts_with(BULLETS)
        || !rest.contains('\t')
            && ordered_marker(&format!("{first} x"))
                .is_some_and(|m| first.len() == m.len() + usize::from(!m.ends_with('°')))
}

/// A heading's text without its closing sequence (`## Titre ##` → `Titre`; `C#` stays).
fn closing_hashes(content: &str) -> &str {
    let body = content.trim_end_matches('#');
    if body.is_empty() {
        return body;
    }
    if body.len() < content.len() && body.ends_with([' ', '\t']) {
        body.trim_end()
    } else {
        content
    }
}

fn classify(raw: &str) -> (Form, String) {
    // Tables first: a TAB between two pieces of text, or a pipe row.
    let trimmed_end = raw.trim_end_matches([' ', '\r']);
    if trimmed_end.trim_start_matches(' ').contains('\t')
        && !trimmed_end.trim().is_empty()
        && !marker_then_tab(trimmed_end)
    {
        let cells: Vec<String> = trimmed_end.split('\t').map(inline).collect();
        // Two cells of text, or the several TABs of a table's row (a total under its column).
        let filled = cells.iter().filter(|c| !c.is_empty()).count();
        if filled >= 2 || filled == 1 && cells.len() >= 3 {
            let text = row_text(&cells);
            return (Form::Row(cells), text);
        }
    }
    let t = raw.trim();
    if t.starts_with('|') && t.ends_with('|') && t.len() > 1 {
        let cells: Vec<String> = split_pipes(&t[1..t.len() - 1])
            .iter()
            .map(|c| inline(c))
            .collect();
        let text = row_text(&cells);
        return (Form::Row(cells), text);
    }
    let indent = indent_width(raw);
    // Markdown ATX heading.
    if indent < 4 {
        let hashes = t.chars().take_while(|c| *c == '#').count();
        if (1..=6).contains(&hashes) {
            let rest = &t[hashes..];
            if rest.is_empty() || rest.starts_with([' ', '\t']) {
                let content = closing_hashes(rest.trim());
                return (Form::Heading(hashes as u8), inline(content));
            }
        }
    }
    // Footnote definitions.
    if let Some(rest) = t.strip_prefix("[^") {
        if let Some(end) = rest.find("]:") {
            let label = &rest[..end];
            if !label.is_empty() && label.chars().all(|c| c.is_ascii_digit()) {
                let body = inline(&rest[end + 2..]);
                return (
                    Form::Note(label.to_string()),
                    format!("{} {body}", to_superscript(label)),
                );
            }
        }
    }
    let sup: String = t.chars().take_while(|c| is_superscript_digit(*c)).collect();
    if !sup.is_empty() {
        let after = &t[sup.len()..];
        if after.starts_with(|c: char| c.is_whitespace()) && !after.trim().is_empty() {
            let label = from_superscript(&sup).unwrap_or_default();
            return (Form::Note(label), format!("{sup} {}", inline(after)));
        }
    }
    let level = indent.div_ceil(2).min(8) as u8;
    // Bullets.
    if let Some(c) = t.chars().next() {
        if BULLETS.contains(&c) {
            let rest = &t[c.len_utf8()..];
            if rest.starts_with([' ', '\t', '\u{a0}']) && !rest.trim().is_empty() {
                return (
                    Form::Item {
                        marker: c.to_string(),
                        ordered: false,
                        level,
                    },
                    inline(rest),
                );
            }
        }
    }
    // Ordered markers: `1.`, `1)`, `1°`, `a)`, `b.` followed by a space; the marker stays in
    // the text (it is how the item is cited).
    if let Some(marker) = ordered_marker(t) {
        let text = inline(t);
        return (
            Form::Item {
                marker,
                ordered: true,
                level,
            },
            text,
        );
    }
    (Form::Plain, inline(t))
}

/// The marker of an ordered item (`1.` → `1`, `2°` → `2°`, `a)` → `a`), or `None`.
pub fn ordered_marker(t: &str) -> Option<String> {
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    let after_marker =
        |rest: &str| rest.starts_with([' ', '\t', '\u{a0}']) && !rest.trim().is_empty();
    if !digits.is_empty() && digits.len() <= 3 {
        let rest = &t[digits.len()..];
        if let Some(r) = rest.strip_prefix('°') {
            if after_marker(r) || r.is_empty() {
                return Some(format!("{digits}°"));
            }
        }
        for p in ['.', ')'] {
            if let Some(r) = rest.strip_prefix(p) {
                if after_marker(r) {
                    return Some(digits);
                }
            }
        }
        return None;
    }
    let mut chars = t.chars();
    let first = chars.next()?;
    if first.is_ascii_lowercase() {
        let rest = &t[1..];
        if let Some(r) = rest.strip_prefix(')') {
            if after_marker(r) {
                return Some(first.to_string());
            }
        }
    }
    None
}

/// The cells of a pipe row. A bar inside a template tag (`{{l.typologie|tl}}`, `{% if a|b %}`)
/// is the tag's filter, never a cell's end: the models write their filters so in tables.
fn split_pipes(s: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut escaped = false;
    // The closing mark of the template tag being read, if any.
    let mut tag: Option<&str> = None;
    let mut prev = ' ';
    for (at, c) in s.char_indices() {
        match (tag, prev, c) {
            (None, '{', '{') => tag = Some("}}"),
            (None, '{', '%') => tag = Some("%}"),
            (Some(close), _, _) if s[..at + c.len_utf8()].ends_with(close) => tag = None,
            _ => {}
        }
        prev = c;
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped && tag.is_none() => cells.push(String::new()),
            _ => {
                if escaped && c != '|' {
                    if let Some(last) = cells.last_mut() {
                        last.push('\\');
                    }
                }
                escaped = false;
                if let Some(last) = cells.last_mut() {
                    last.push(c);
                }
            }
        }
    }
    cells
}

/// The text of a row: its cells joined by « | ».
pub fn row_text(cells: &[String]) -> String {
    cells.join(" | ").trim().to_string()
}

/// The rows of a TAB table where one or two TABs align the columns (« Fonction⇥⇥Prénom Nom »,
/// « Vice Président⇥Javier Garmandia »): a run of TABs is one separator, so that the table's
/// rows have the same number of cells. Read so only when that reading gives every row of the
/// table the same number of cells and the TAB-by-TAB reading does not (an empty cell of a
/// table whose rows agree, « Total⇥…⇥⇥⇥500 € », stays); when both agree, only the columns
/// empty in every row go (TABs doubled all down the table).
fn align_tab_rows(lines: &mut [Line], tab_rows: &[bool]) {
    let is_row = |l: &Line| matches!(l.form, Form::Row(_));
    let mut i = 0;
    while i < lines.len() {
        let mut end = i;
        while end < lines.len() && is_row(&lines[end]) {
            end += 1;
        }
        if end == i {
            i += 1;
            continue;
        }
        // One table as the parser gathers it: consecutive rows, all TAB rows.
        if end - i >= 2 && tab_rows[i..end].iter().all(|t| *t) {
            align_table(&mut lines[i..end]);
        }
        i = end;
    }
}

fn align_table(rows: &mut [Line]) {
    let cells_of = |l: &Line| match &l.form {
        Form::Row(cells) => cells.clone(),
        _ => Vec::new(),
    };
    let raw: Vec<Vec<String>> = rows.iter().map(cells_of).collect();
    let uniform = |table: &[Vec<String>]| table.windows(2).all(|w| w[0].len() == w[1].len());
    let aligned: Vec<Vec<String>> = if uniform(&raw) {
        // Interior columns empty in every row: TABs doubled all down the table.
        let width = raw[0].len();
        let empty = |c: usize| raw.iter().all(|r| r[c].trim().is_empty());
        let keep: Vec<usize> = (0..width)
            .filter(|c| *c == 0 || *c + 1 == width || !empty(*c))
            .collect();
        if keep.len() == width {
            return;
        }
        raw.iter()
            .map(|r| keep.iter().map(|c| r[*c].clone()).collect())
            .collect()
    } else {
        let collapsed: Vec<Vec<String>> = raw.iter().map(|r| one_separator(r)).collect();
        if !uniform(&collapsed) {
            return;
        }
        collapsed
    };
    for (line, cells) in rows.iter_mut().zip(aligned) {
        line.text = row_text(&cells);
        line.form = Form::Row(cells);
    }
}

/// A row's cells read with each run of TABs as one separator: the empty cells between two
/// filled ones go; a run of empty cells at either end (TABs opening or closing the line) is one.
fn one_separator(cells: &[String]) -> Vec<String> {
    let filled: Vec<usize> = (0..cells.len())
        .filter(|c| !cells[*c].trim().is_empty())
        .collect();
    let (Some(&first), Some(&last)) = (filled.first(), filled.last()) else {
        return cells.to_vec();
    };
    let mut out = Vec::with_capacity(filled.len() + 2);
    if first > 0 {
        out.push(String::new());
    }
    out.extend(filled.iter().map(|c| cells[*c].clone()));
    if last + 1 < cells.len() {
        out.push(String::new());
    }
    out
}

/// A TAB row with no other row next to it (blank lines aside) is a line with tabs in it.
fn demote_lonely_rows(lines: &mut [Line], tab_rows: &[bool]) {
    let is_row = |l: &Line| matches!(l.form, Form::Row(_));
    let n = lines.len();
    let flags: Vec<bool> = (0..n)
        .map(|i| {
            tab_rows[i] && !(i > 0 && is_row(&lines[i - 1]) || i + 1 < n && is_row(&lines[i + 1]))
        })
        .collect();
    for (line, lonely) in lines.iter_mut().zip(flags) {
        if lonely {
            if let Form::Row(cells) = &line.form {
                line.text = inline(&cells.join(" "));
            }
            line.form = Form::Plain;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Format;

    fn lines(text: &str) -> Vec<Line> {
        normalise(&Source {
            path: "t".into(),
            format: Format::Text,
            text: text.into(),
        })
        .lines
    }

    #[test]
    fn asterisms_separate() {
        let l =
            lines("il a été convenu ce qui suit :\n\n*\n\n* *\n\n⁂\n\nArticle 1er\n* un point\n");
        let texts: Vec<&str> = l.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            ["il a été convenu ce qui suit :", "Article 1er", "un point"]
        );
        assert!(l[1].blank_before);
    }

    #[test]
    fn forms() {
        let l = lines("# Titre\n\n- un\n - deux\n1. trois\n2° quatre\na) cinq\n¹ note\nsimple\n--\nx\ty\na\tb\n");
        let forms: Vec<_> = l.iter().map(|l| l.form.clone()).collect();
        assert_eq!(forms[0], Form::Heading(1));
        assert!(matches!(
            &forms[1],
            Form::Item {
                ordered: false,
                level: 0,
                ..
            }
        ));
        assert!(matches!(
            &forms[2],
            Form::Item {
                ordered: false,
                level: 1,
                ..
            }
        ));
        assert!(matches!(&forms[3], Form::Item { marker, ordered: true, .. } if marker == "1"));
        assert!(matches!(&forms[4], Form::Item { marker, .. } if marker == "2°"));
        assert!(matches!(&forms[5], Form::Item { marker, .. } if marker == "a"));
        assert_eq!(forms[6], Form::Note("1".into()));
        assert_eq!(forms[7], Form::Plain);
        assert!(matches!(&forms[8], Form::Row(c) if c == &["x", "y"]));
        assert!(l[8].blank_before, "the `--` line counts as a break");
        assert_eq!(l[3].text, "1. trois");
        assert_eq!(l[1].text, "un");
    }

    #[test]
    fn emphasis_over_several_lines() {
        let l = lines("**PREMIER\nMINISTRE**\n\n*Liberté\nÉgalité\nFraternité*\n\nles textes*, et\nle traitement*\n");
        let texts: Vec<_> = l.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "PREMIER",
                "MINISTRE",
                "Liberté",
                "Égalité",
                "Fraternité",
                "les textes*, et",
                "le traitement*"
            ]
        );
    }

    #[test]
    fn spans_point_at_the_source() {
        let src = "ab\n\n  cd  \n";
        let l = lines(src);
        assert_eq!(&src[l[1].span.start..l[1].span.end], "  cd  ");
    }

    #[test]
    fn lonely_tab_line_is_plain() {
        let l = lines("Fait à Paris\tle 3 mai\n\nsuite");
        assert_eq!(l[0].form, Form::Plain);
        assert_eq!(l[0].text, "Fait à Paris le 3 mai");
    }

    #[test]
    fn pipe_tables() {
        let l = lines("| a | b \\| c |\n|---|---|\n| 1 | 2 |\n");
        assert_eq!(l.len(), 2);
        assert_eq!(l[0].form, Form::Row(vec!["a".into(), "b | c".into()]));
    }

    #[test]
    fn tabs_after_markers() {
        // CommonMark: a TAB may follow the `#` run; a closing run of `#` is no text.
        let l = lines("### 3.1.\tRôle du Partenaire\n\n## 4 - Données ##\n\n## C#\n");
        assert_eq!(l[0].form, Form::Heading(3));
        assert_eq!(l[0].text, "3.1. Rôle du Partenaire");
        assert_eq!(l[1].text, "4 - Données");
        assert_eq!(l[2].text, "C#");
        // A bullet or a list marker then a TAB: list items, never a two-column table.
        let l =
            lines("Le Service vise à :\n•\tSimplifier,\n•\tFaciliter.\n-\tEditeur\n1.\tObjet\n");
        for item in &l[1..4] {
            assert!(
                matches!(&item.form, Form::Item { ordered: false, .. }),
                "{item:?}"
            );
        }
        assert_eq!(l[1].text, "Simplifier,");
        assert!(matches!(&l[4].form, Form::Item { ordered: true, .. }));
        // A numbered row of a real table stays a row; so does a row with two cells of text.
        let l = lines("1.\tObjet\t500 €\n2.\tDurée\t600 €\nNom\tMontant\nA\tB\n");
        assert!(l.iter().all(|l| matches!(l.form, Form::Row(_))), "{l:?}");
        // A TAB row needs two cells of text (« \tTexte » is an indented line), or the TABs
        // of a table's row.
        let l = lines("\tTexte\n\tSuite\n");
        assert!(l.iter().all(|l| !matches!(l.form, Form::Row(_))), "{l:?}");
        let l = lines("A\tB\tC\n\t\t281.160\n");
        assert!(l.iter().all(|l| matches!(l.form, Form::Row(_))), "{l:?}");
    }

    #[test]
    fn markup_that_is_not_words() {
        let l = lines("---\nlayout: cgu\ntitle: Conditions générales\n---\n\n## 1. Objet\n\nVoir la [doc](https://x.fr){:target=\"_blank\"}.\n\n> [!INFO] L’Association\n> Petri Geoffrey  \n> <br/>\n\n<style>\nh2 { content: \"Article\"; }\n</style>\n");
        let texts: Vec<&str> = l.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Conditions générales",
                "1. Objet",
                "Voir la doc (https://x.fr).",
                "L'Association",
                "Petri Geoffrey"
            ]
        );
        assert_eq!(l[0].form, Form::Heading(1));
        // Spans still point at the source lines.
        let src = "> [!NOTE] Texte\n";
        let l = lines(src);
        assert_eq!(&src[l[0].span.start..l[0].span.end], "> [!NOTE] Texte");
    }

    #[test]
    fn html_tables_are_rows() {
        let l = lines("Budget\n\n<table>\n<tr><td rowspan=\"2\"><p>CHARGES</p></td><td colspan=\"2\">MONTANTS</td></tr>\n<tr><td>Exécutés</td><td>Budgétés</td></tr>\n</table>\n\nSuite\n");
        let forms: Vec<_> = l.iter().map(|l| l.form.clone()).collect();
        assert_eq!(
            forms[1],
            Form::Row(vec!["CHARGES".into(), "MONTANTS".into(), String::new()])
        );
        assert_eq!(
            forms[2],
            Form::Row(vec![String::new(), "Exécutés".into(), "Budgétés".into()])
        );
        assert_eq!(l[3].text, "Suite");
    }

    fn cells(l: &[Line]) -> Vec<Vec<String>> {
        l.iter()
            .map(|l| match &l.form {
                Form::Row(c) => c.clone(),
                _ => Vec::new(),
            })
            .collect()
    }

    /// One or two TABs to reach the same column: one separator, two cells in every row.
    #[test]
    fn tabs_that_align_columns_are_one_separator() {
        let l = lines(
            "Fonction\t\tPrénom Nom\nPrésident\t\tJosé Mans\nVice Président\tJavier Garmandia\n",
        );
        assert_eq!(
            cells(&l),
            [
                ["Fonction", "Prénom Nom"],
                ["Président", "José Mans"],
                ["Vice Président", "Javier Garmandia"]
            ]
        );
        assert_eq!(l[1].text, "Président | José Mans");
        // Doubled all down the table: the column empty in every row goes.
        let l = lines("La présidente :\t\tle trésorier :\nMathilde A.\t\tCamille A.\n");
        assert_eq!(
            cells(&l),
            [
                ["La présidente :", "le trésorier :"],
                ["Mathilde A.", "Camille A."]
            ]
        );
    }

    /// An empty cell of a table whose rows agree is a cell: the total under its column.
    #[test]
    fn empty_cells_of_an_even_table_stay() {
        let l = lines("Objet\tQuantité\tPrix\nStylo\t2\t3 €\nTotal\t\t3 €\n");
        assert_eq!(cells(&l)[2], ["Total", "", "3 €"]);
        let l = lines("Objet\tQuantité\tPrix\n\t\t3 €\nStylo\t2\t3 €\n");
        assert_eq!(cells(&l)[1], ["", "", "3 €"]);
        // Neither reading gives the rows one width: the TABs are read one by one.
        let l = lines("A\t\tB\tC\nD\tE\nF\t\t\tG\n");
        assert_eq!(cells(&l)[0], ["A", "", "B", "C"]);
        assert_eq!(cells(&l)[1], ["D", "E"]);
        assert_eq!(
            one_separator(&["".into(), "".into(), "x".into(), "".into(), "".into()]),
            ["", "x", ""]
        );
    }

    #[test]
    fn not_a_list() {
        assert_eq!(ordered_marker("5.1 Montant"), None);
        assert_eq!(ordered_marker("2021. Fin"), None);
        assert_eq!(ordered_marker("a) b"), Some("a".into()));
    }
}
