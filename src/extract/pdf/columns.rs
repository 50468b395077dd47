//! Reading order of a page set in two text columns.
//! Detects the gutter and reorders lines column by column.

use super::*;

/// Puts the lines of a page set in two text columns in reading order: what is above the
/// columns, the left column, the right column, what is below; each part top to bottom. Some
/// layout tools draw a page in any order (headings last, columns interleaved). Nothing is done
/// unless there are exactly two columns, each with several lines and spanning a quarter of the
/// page, and no line crosses the gutter between them: tables (three columns or more, or rows
/// with a cell across) keep their drawing order, which the row logic needs.
pub(super) fn reorder_columns(lines: &mut Vec<Line>, height: f64) {
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
pub(super) fn has_inner_gutter(lines: &[&Line]) -> bool {
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
pub(super) fn drawn_top_down(lines: &[&Line]) -> bool {
    lines
        .windows(2)
        .all(|pair| pair[1].y <= pair[0].y + 1.5 * pair[1].size)
}

/// Sorts lines top to bottom (stable), and left to right on one baseline.
pub(super) fn sort_top_down(lines: &mut [Line]) {
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
pub(super) fn find_gutter(lines: &[Line], height: f64) -> Option<f64> {
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
pub(super) fn column_zone(lines: &[Line], split: f64) -> Option<(f64, f64)> {
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
