//! Running headers, footers and page numbers.
//! Lines repeated in the top and bottom bands of pages are dropped, page numbers too.

use super::*;

/// Share of the page height, at the top and at the bottom, where running lines may sit.
pub(super) const MARGIN_BAND: f64 = 0.16;

/// Text of a line with digits folded, so "Page 3 sur 11" and "Page 4 sur 11" compare equal.
pub(super) fn running_key(text: &str) -> String {
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
pub(super) fn page_number_value(text: &str) -> Option<u32> {
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
pub(super) fn margin_lines(lines: &[Line], height: f64) -> Vec<usize> {
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
pub(super) fn strip_running_lines(pages: &mut [(f64, Vec<Line>)]) {
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
pub(super) fn strip_page_numbers(lines: &mut Vec<Line>, height: f64, page_number: u32) {
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
