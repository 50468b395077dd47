//! Text tables drawn with characters, as pandoc and legal databases write them: grid tables
//! (`+---+` / `+===+` borders, `|` between cells) and simple or multiline tables (dashed rules
//! with aligned columns). Their rows become cells; their border lines never become text.

/// What a drawn table gives: rows of cells, or (a one-column frame around text) paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Piece {
    /// A row: its cells' text, each cell's lines joined by a space.
    Row(Vec<String>),
    /// A paragraph of a one-column frame, read as ordinary text.
    Text(String),
}

/// A piece with the raw lines it comes from (first and last, inclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Placed {
    pub piece: Piece,
    pub first: usize,
    pub last: usize,
}

/// A drawn table starting at raw line `i`: the pieces and the index just past its last line.
/// HTML tables in Markdown (`<table>`) are read here too.
/// `depths` is the text's [`super::markup::TableDepths`], counted at the first HTML table.
pub(super) fn table_at(
    raws: &[&str],
    i: usize,
    depths: &mut super::markup::TableDepths,
) -> Option<(Vec<Placed>, usize)> {
    grid(raws, i)
        .or_else(|| simple(raws, i))
        .or_else(|| super::markup::html_table_in(raws, i, depths))
}

/// A grid border `+----+---+` or `+====+===+` (leading spaces allowed).
fn is_grid_border(raw: &str) -> bool {
    let t = raw.trim();
    t.len() >= 3
        && t.starts_with('+')
        && t.ends_with('+')
        && t.contains(['-', '='])
        && t.chars().all(|c| matches!(c, '+' | '-' | '=' | ':'))
}

fn is_grid_line(raw: &str) -> bool {
    let t = raw.trim_end();
    let t = t.trim_start();
    t.starts_with('|') && t.ends_with('|') && t.len() >= 2
}

/// Char positions of a line's vertical separators (`+` on borders, `|` on content lines); a
/// bar inside a template tag (`{{l.typologie|tl}}`: a filter) separates nothing.
fn bars(raw: &str, bar: char) -> Vec<usize> {
    let chars: Vec<char> = raw.chars().collect();
    let tags = raw.contains("{{") || raw.contains("{%");
    chars
        .iter()
        .enumerate()
        .filter(|(i, c)| **c == bar && !(tags && inside_tag(&chars, *i).is_some()))
        .map(|(i, _)| i)
        .collect()
}

fn grid(raws: &[&str], i: usize) -> Option<(Vec<Placed>, usize)> {
    if !is_grid_border(raws[i]) {
        return None;
    }
    let mut end = i + 1;
    while end < raws.len() && (is_grid_border(raws[end]) || is_grid_line(raws[end])) {
        end += 1;
    }
    // The block ends with a border; trailing content lines are not part of it.
    while end > i + 1 && !is_grid_border(raws[end - 1]) {
        end -= 1;
    }
    if end <= i + 1 {
        return None;
    }
    let mut out = Vec::new();
    let mut j = i + 1;
    while j < end {
        if is_grid_border(raws[j]) {
            j += 1;
            continue;
        }
        // One row: the content lines up to the next border.
        let first = j;
        while j < end && !is_grid_border(raws[j]) {
            j += 1;
        }
        let last = j - 1;
        // The row's own columns: the left bars of its cells (a spanned cell lacks some).
        let mut columns: Vec<usize> = raws[first..=last]
            .iter()
            .flat_map(|raw| {
                let mut b = bars(raw, '|');
                b.pop();
                b
            })
            .collect();
        columns.sort_unstable();
        columns.dedup();
        let ncols = columns.len().max(1);
        // A row of one cell is a frame around text (a layout table, a heading across the
        // table); so is a row whose text all stands in its first cell (a cell spanning the
        // row, whose span the converter could not draw).
        let frame = ncols == 1;
        // Each cell's lines, blank cell lines separating its paragraphs.
        let mut cells: Vec<Vec<Vec<String>>> = vec![vec![Vec::new()]; ncols];
        let mut line_of = vec![Vec::<usize>::new(); ncols];
        for (k, raw) in raws.iter().enumerate().take(last + 1).skip(first) {
            let chars: Vec<char> = raw.chars().collect();
            let cuts = bars(raw, '|');
            for w in cuts.windows(2) {
                let (a, b) = (w[0], w[1]);
                let col = columns
                    .iter()
                    .rposition(|c| *c <= a)
                    .unwrap_or(0)
                    .min(ncols - 1);
                let text: String = chars[a + 1..b].iter().collect();
                let text = text.trim();
                let paras = &mut cells[col];
                if text.is_empty() {
                    if paras.last().is_some_and(|p| !p.is_empty()) {
                        paras.push(Vec::new());
                    }
                } else {
                    if let Some(p) = paras.last_mut() {
                        p.push(text.to_string());
                    }
                    line_of[col].push(k);
                }
            }
        }
        let only_first = cells
            .iter()
            .skip(1)
            .all(|paras| paras.iter().all(|p| p.is_empty()));
        // A template row tag (`{%tr for … %}`, its `%}` perhaps on a line of its own): a row
        // of the table, as the Word reader reads it.
        let tag = cells[0]
            .iter()
            .filter(|p| !p.is_empty())
            .map(|p| p.join(" "))
            .collect::<Vec<_>>()
            .join(" ");
        if only_first && template_row(&tag) {
            let mut texts = vec![String::new(); ncols];
            texts[0] = tag;
            out.push(Placed {
                piece: Piece::Row(texts),
                first,
                last,
            });
        } else if frame || only_first {
            // A one-column frame: its paragraphs are text, each with its own lines.
            let mut lines = line_of[0].iter();
            for para in cells[0].iter().filter(|p| !p.is_empty()) {
                let ks: Vec<usize> = lines.by_ref().take(para.len()).copied().collect();
                out.push(Placed {
                    piece: Piece::Text(para.join(" ")),
                    first: ks.first().copied().unwrap_or(first),
                    last: ks.last().copied().unwrap_or(last),
                });
            }
        } else {
            let texts: Vec<String> = cells
                .iter()
                .map(|paras| {
                    paras
                        .iter()
                        .filter(|p| !p.is_empty())
                        .map(|p| p.join(" "))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            if texts.iter().any(|t| !t.is_empty()) {
                out.push(Placed {
                    piece: Piece::Row(texts),
                    first,
                    last,
                });
            }
        }
    }
    Some((out, end))
}

/// Groups of dashes of a rule line `  ------ -----  ---` (start, end) in chars, or `None`.
fn dash_groups(raw: &str) -> Option<Vec<(usize, usize)>> {
    let t = raw.trim_end();
    if t.trim().len() < 3 || !t.chars().all(|c| c == '-' || c == ' ') {
        return None;
    }
    let mut groups = Vec::new();
    let mut start = None;
    for (i, c) in t.chars().enumerate() {
        match (c, start) {
            ('-', None) => start = Some(i),
            (' ', Some(s)) => {
                groups.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        groups.push((s, t.chars().count()));
    }
    groups.iter().all(|(a, b)| b - a >= 2).then_some(groups)
}

fn indent(raw: &str) -> usize {
    raw.chars().take_while(|c| *c == ' ').count()
}

/// A simple or multiline table: a dashed rule, rows, a dashed rule; one rule at least splits
/// into several column groups. Each row's line is cut at the column starts (never inside a word).
fn simple(raws: &[&str], i: usize) -> Option<(Vec<Placed>, usize)> {
    let opening = dash_groups(raws[i])?;
    let margin = indent(raws[i]);
    // The block: rules, blank lines and lines indented at least as the opening rule.
    let mut last_rule = i;
    let mut j = i + 1;
    while j < raws.len() {
        let raw = raws[j];
        if dash_groups(raw).is_some() {
            if indent(raw) != margin {
                break;
            }
            last_rule = j;
        } else if !raw.trim().is_empty() && indent(raw) < margin.max(1) {
            break;
        }
        j += 1;
    }
    if last_rule == i {
        return None;
    }
    let rules: Vec<usize> = (i..=last_rule)
        .filter(|k| dash_groups(raws[*k]).is_some())
        .collect();
    let columns: Vec<usize> = std::iter::once(opening)
        .chain(rules.iter().filter_map(|k| dash_groups(raws[*k])))
        .find(|g| g.len() >= 2)?
        .iter()
        .map(|g| g.0)
        .collect();
    let multiline = (i..=last_rule).any(|k| raws[k].trim().is_empty());
    let mut out = Vec::new();
    let mut k = i + 1;
    while k < last_rule {
        if dash_groups(raws[k]).is_some() || raws[k].trim().is_empty() {
            k += 1;
            continue;
        }
        let first = k;
        // A row: one line, or (multiline table) the lines up to a blank line or a rule.
        k += 1;
        if multiline {
            while k < last_rule && !raws[k].trim().is_empty() && dash_groups(raws[k]).is_none() {
                k += 1;
            }
        }
        let mut cells = vec![String::new(); columns.len()];
        for raw in &raws[first..k] {
            for (c, piece) in cut(raw, &columns).into_iter().enumerate() {
                if !piece.is_empty() {
                    if !cells[c].is_empty() {
                        cells[c].push(' ');
                    }
                    cells[c].push_str(&piece);
                }
            }
        }
        // Text in the first cell only: a line across the table, read as text; but a template
        // row tag (docxtpl's `{%tr for … %}`, `{%tc … %}`) is one of the table's rows.
        let piece = if cells.iter().skip(1).all(String::is_empty) && !template_row(&cells[0]) {
            Piece::Text(std::mem::take(&mut cells[0]))
        } else {
            Piece::Row(cells)
        };
        out.push(Placed {
            piece,
            first,
            last: k - 1,
        });
    }
    Some((out, last_rule + 1))
}

/// A docxtpl table tag that stands for a row or a cell of the table it is in (`{%tr for l in
/// logements %}`, `{%- tr endfor %}`, `{%tc … %}`): template syntax, kept as the text of a
/// row, never a line that splits the table.
fn template_row(cell: &str) -> bool {
    let Some(rest) = cell.trim().strip_prefix("{%") else {
        return false;
    };
    let rest = rest.trim_start_matches('-').trim_start();
    (rest.starts_with("tr ") || rest.starts_with("tc ")) && cell.trim_end().ends_with("%}")
}

/// Cuts a line at the column starts, moving a cut that falls inside a word to the word's end.
fn cut(raw: &str, columns: &[usize]) -> Vec<String> {
    let chars: Vec<char> = raw.chars().collect();
    let mut bounds = Vec::with_capacity(columns.len() + 1);
    let mut prev = 0;
    for (n, c) in columns.iter().enumerate() {
        let mut b = if n == 0 { 0 } else { (*c).max(prev) };
        // Template tags ({% … %}, {{ … }}) are never cut either.
        if let Some(close) = inside_tag(&chars, b) {
            b = close;
        }
        while b > 0 && b < chars.len() && chars[b - 1] != ' ' && chars[b] != ' ' {
            b += 1;
        }
        let b = b.min(chars.len());
        bounds.push(b);
        prev = b;
    }
    bounds.push(chars.len());
    bounds
        .windows(2)
        .map(|w| {
            chars[w[0]..w[1].max(w[0])]
                .iter()
                .collect::<String>()
                .trim()
                .to_string()
        })
        .collect()
}

/// When position `b` lies inside a template tag (`{% … %}`, `{{ … }}`), the position just past it.
fn inside_tag(chars: &[char], b: usize) -> Option<usize> {
    let mut i = 0;
    while i + 1 < chars.len() && i < b {
        let close = match (chars[i], chars[i + 1]) {
            ('{', '%') => '%',
            ('{', '{') => '}',
            _ => {
                i += 1;
                continue;
            }
        };
        let end = (i + 2..chars.len().saturating_sub(1))
            .find(|k| chars[*k] == close && chars[k + 1] == '}')
            .map(|k| k + 2)?;
        if b < end {
            return Some(end);
        }
        i = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<Piece> {
        let raws: Vec<&str> = text.split('\n').collect();
        table_at(&raws, 0, &mut Default::default())
            .unwrap()
            .0
            .into_iter()
            .map(|p| p.piece)
            .collect()
    }

    /// As pandoc writes the APL models' tables: the docxtpl row tags are rows of the table.
    #[test]
    fn a_template_row_tag_is_a_row() {
        let t = "  ------------------------------------------------\n  Section              Numéro\n  -------------------- ----------------------------\n  {%tr for rc in rcs %}\n\n  {{ rc.section }}     {{ rc.numero }}\n\n  {%tr endfor %}\n  ------------------------------------------------";
        assert_eq!(
            pieces(t),
            [
                Piece::Row(vec!["Section".into(), "Numéro".into()]),
                Piece::Row(vec!["{%tr for rc in rcs %}".into(), String::new()]),
                Piece::Row(vec!["{{ rc.section }}".into(), "{{ rc.numero }}".into()]),
                Piece::Row(vec!["{%tr endfor %}".into(), String::new()]),
            ]
        );
        assert!(template_row("{%- tr endfor %}"));
        assert!(!template_row("{% if lot %}"));
        assert!(!template_row("{%tr for"));
    }

    #[test]
    fn grid_rows_and_cells() {
        let t = "+-----+--------+\n| Un  | Deux   |\n|     | suite  |\n|     |        |\n|     | autre  |\n+=====+========+\n| A   | B      |\n+-----+--------+";
        assert_eq!(
            pieces(t),
            [
                Piece::Row(vec!["Un".into(), "Deux suite autre".into()]),
                Piece::Row(vec!["A".into(), "B".into()])
            ]
        );
    }

    #[test]
    fn one_column_grid_is_a_frame_of_paragraphs() {
        let t = "+----------------+\n| Article 1 : Ob |\n|                |\n| Le texte est   |\n| long.          |\n+----------------+";
        assert_eq!(
            pieces(t),
            [
                Piece::Text("Article 1 : Ob".into()),
                Piece::Text("Le texte est long.".into())
            ]
        );
    }

    #[test]
    fn a_row_of_one_cell_is_text() {
        let t = "+----+----+\n| a  | b  |\n+----+----+\n| tout     |\n+----+----+";
        assert_eq!(
            pieces(t),
            [
                Piece::Row(vec!["a".into(), "b".into()]),
                Piece::Text("tout".into())
            ]
        );
        let t = "+------+----+\n| Article 2 |    |\n+------+----+\n| a    | b  |\n+------+----+";
        assert_eq!(
            pieces(t),
            [
                Piece::Text("Article 2".into()),
                Piece::Row(vec!["a".into(), "b".into()])
            ]
        );
    }

    #[test]
    fn simple_and_multiline_tables() {
        let t = "  ----- ------\n  Un    Deux\n  Trois Quatre\n  ----- ------";
        assert_eq!(
            pieces(t),
            [
                Piece::Row(vec!["Un".into(), "Deux".into()]),
                Piece::Row(vec!["Trois".into(), "Quatre".into()])
            ]
        );
        let t = "  ------------------\n  TYPE     SURFACE\n  -------- ---------\n  {%tr for %}\n\n  {{ a }}  {{ b }}\n  suite\n\n  ------------------";
        assert_eq!(
            pieces(t),
            [
                Piece::Row(vec!["TYPE".into(), "SURFACE".into()]),
                Piece::Row(vec!["{%tr for %}".into(), String::new()]),
                Piece::Row(vec!["{{ a }} suite".into(), "{{ b }}".into()])
            ]
        );
    }

    #[test]
    fn a_rule_alone_is_no_table() {
        let raws = ["-----", "Texte"];
        assert!(table_at(&raws, 0, &mut Default::default()).is_none());
        let raws = ["  ------", "  Texte", "  ------"];
        assert!(
            table_at(&raws, 0, &mut Default::default()).is_none(),
            "one column: a frame, no table"
        );
    }
}
