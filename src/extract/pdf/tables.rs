//! Table rows: cells side by side on one baseline, or cells drawn one after the other.
//! Groups lines into [`Unit`]s: plain lines and table rows.

use super::*;

/// One table cell: its left edge and its lines.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Cell {
    pub(super) x0: f64,
    pub(super) lines: Vec<Line>,
}

/// A line of text or a table row, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Unit {
    Line(Line),
    Row { page: u32, cells: Vec<Cell> },
}

/// Groups a page's lines into plain lines and table rows.
pub(super) fn group_rows(lines: Vec<Line>, height: f64) -> Vec<Unit> {
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
pub(super) fn side_by_side_row(line: Line) -> Unit {
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
pub(super) fn stacked_row(lines: &[Line], start: usize, height: f64) -> Option<(Vec<Cell>, usize)> {
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
pub(super) fn split_segments(line: &Line) -> Vec<Line> {
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
