//! The terminal view of a [`Comparison`]: one block per changed unit (« Article 6 → Article 7
//! (renuméroté) »), words deleted red and struck, inserted green; it never detects a TTY itself.

use super::diff_common::sentence;
use super::diff_common::{
    coarse_note, count, pair_name, quote, status_phrase, thousands, trim_context, typed_phrase,
    unit_name, worth_showing, Departures, DiffRenderOptions,
};
use crate::diff::{Comparison, PairDiff, Status};
use crate::model::NodeKind;
use std::io::{self, Write};

struct Style {
    color: bool,
}

impl Style {
    fn del(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[31;9m{s}\x1b[0m")
        } else {
            format!("[-{s}-]")
        }
    }
    fn ins(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[32m{s}\x1b[0m")
        } else {
            format!("{{+{s}+}}")
        }
    }
    fn bold(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn dim(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[2m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

/// Writes the comparison for a terminal.
pub fn write_diff_terminal(
    cmp: &Comparison,
    options: &DiffRenderOptions,
    w: &mut impl Write,
) -> io::Result<()> {
    let style = Style {
        color: options.color,
    };
    writeln!(w, "{}", style.bold(&format!("--- {}", cmp.old.source.path)))?;
    writeln!(w, "{}", style.bold(&format!("+++ {}", cmp.new.source.path)))?;
    let mut unchanged: Vec<String> = Vec::new();
    let mut only_global: Vec<String> = Vec::new();
    let departures = Departures::new(cmp);
    for pair in &cmp.pairs {
        if !worth_showing(pair, options.show_cosmetic) && !departures.below(pair) {
            let name = pair_name(cmp, pair);
            if pair.status == Status::Modified {
                only_global.push(name);
            } else {
                unchanged.push(name);
            }
            continue;
        }
        writeln!(w)?;
        write_block(cmp, pair, 0, &departures, options, &style, w)?;
    }
    let renumbered = super::diff_common::renumbering_lines(cmp);
    if !renumbered.is_empty() {
        writeln!(w)?;
        for line in renumbered {
            writeln!(w, "{}", sentence(&format!("Renumérotation : {line}")))?;
        }
    }
    if !unchanged.is_empty() {
        writeln!(w)?;
        writeln!(w, "{}", style.dim(&unchanged_line(&unchanged)))?;
    }
    if !only_global.is_empty() {
        writeln!(
            w,
            "{}",
            style.dim(&sentence(&format!(
                "Modifiés par les seuls remplacements ci-dessous : {}",
                only_global.join(", ")
            )))
        )?;
    }
    if !cmp.globals.is_empty() {
        writeln!(w)?;
        writeln!(w, "{}", style.bold("Remplacements dans tout le document :"))?;
        for g in &cmp.globals {
            let units: Vec<String> = g
                .units
                .iter()
                .map(|(o, n)| match (o, n) {
                    (_, Some(n)) => super::diff_common::new_place(cmp, *n),
                    (Some(o), None) => super::diff_common::old_place(cmp, *o),
                    _ => String::new(),
                })
                .collect();
            writeln!(
                w,
                "  {} → {} ({}{})",
                style.del(&quote(&g.old)),
                style.ins(&quote(&g.new)),
                count(g.count, "occurrence", "occurrences"),
                if units.len() <= 6 {
                    format!(" : {}", units.join(" ; "))
                } else {
                    String::new()
                }
            )?;
        }
    }
    let s = &cmp.summary;
    writeln!(w)?;
    if !cmp.has_differences() {
        writeln!(w, "Aucune différence de fond.")?;
    }
    // « unités » is feminine, « alinéas » masculine: the participles agree with the noun.
    let line = |c: &crate::diff::Counts, e: &str| {
        let word = |n: usize, stem: &str| {
            format!("{} {stem}{e}{}", thousands(n), if n > 1 { "s" } else { "" })
        };
        let mut parts = vec![
            word(c.modified, "modifié"),
            word(c.inserted, "inséré"),
            word(c.deleted, "supprimé"),
        ];
        if c.renumbered > 0 {
            parts.push(word(c.renumbered, "renuméroté"));
        }
        if c.moved > 0 {
            parts.push(word(c.moved, "déplacé"));
        }
        parts.push(word(c.unchanged, "inchangé"));
        if c.cosmetic > 0 {
            parts.push(count(c.cosmetic, "retouche de forme", "retouches de forme"));
        }
        parts.join(", ")
    };
    writeln!(
        w,
        "Bilan : unités {} ; alinéas {}.",
        line(&s.units, "e"),
        line(&s.alineas, "")
    )?;
    if let Some(note) = coarse_note(cmp) {
        writeln!(w, "{note}")?;
    }
    Ok(())
}

/// Units whose names are listed in full up to this many; beyond, a count and the first and last.
const LIST_MAX: usize = 40;

/// « Inchangés : Titre, Article 1. », or for a long list « 10 412 unités inchangées, de Titre à
/// Annexe 3. »
fn unchanged_line(names: &[String]) -> String {
    if names.len() <= LIST_MAX {
        return sentence(&format!("Inchangés : {}", names.join(", ")));
    }
    sentence(&format!(
        "{} unités inchangées, de {} à {}",
        thousands(names.len()),
        names[0],
        names[names.len() - 1]
    ))
}

fn is_leaf(cmp: &Comparison, pair: &PairDiff) -> bool {
    let kind = pair
        .new
        .map(|n| cmp.new.node(n).kind)
        .or(pair.old.map(|o| cmp.old.node(o).kind));
    let no_children = pair.children.is_empty();
    matches!(
        kind,
        Some(NodeKind::Alinea | NodeKind::Item | NodeKind::Row | NodeKind::Note)
    ) || (no_children
        && !matches!(
            kind,
            Some(NodeKind::Article | NodeKind::Annexe | NodeKind::Structure)
        ))
}

fn write_block(
    cmp: &Comparison,
    pair: &PairDiff,
    depth: usize,
    departures: &Departures,
    options: &DiffRenderOptions,
    style: &Style,
    w: &mut impl Write,
) -> io::Result<()> {
    let indent = "  ".repeat(depth);
    let name = super::diff_common::pair_name_versions(cmp, pair);
    let mut phrase = status_phrase(cmp, pair);
    if options.show_cosmetic && super::diff_common::cosmetic_only(pair) {
        phrase = "retouche de forme".to_string();
    }
    let head = if phrase.is_empty() {
        name
    } else {
        format!("{name} ({phrase})")
    };
    if is_leaf(cmp, pair) {
        let whole = super::diff_common::with_merged_parts(pair);
        let text = leaf_text(cmp, &whole, options, style);
        writeln!(w, "{indent}{} : {text}", style.bold(&head))?;
        return Ok(());
    }
    // A container: its heading, then its changed children.
    let heading = match (pair.old, pair.new) {
        (_, Some(n)) => cmp.new.node(n).heading.clone(),
        (Some(o), None) => cmp.old.node(o).heading.clone(),
        _ => None,
    };
    let mut line = style.bold(&head);
    if super::diff_common::visible_changes(pair, options.show_cosmetic) {
        line.push_str(" — ");
        line.push_str(&inline(cmp, pair, options, style));
    } else if let Some(h) = heading.filter(|h| {
        !h.is_empty() && crate::align::fold(h) != crate::align::fold(&pair_name(cmp, pair))
    }) {
        line.push_str(&format!(" — {h}"));
    }
    writeln!(w, "{indent}{line}")?;
    for c in pair
        .changes
        .iter()
        .filter(|c| super::diff_common::shown(c, options.show_cosmetic))
    {
        if let Some(t) = typed_phrase(c) {
            writeln!(w, "{indent}  ↳ {t}")?;
        }
    }
    if let Some(o) = pair.old {
        for line in departures.lines(cmp, o) {
            writeln!(w, "{indent}  {line}")?;
        }
    }
    let whole = matches!(pair.status, Status::Inserted | Status::Deleted);
    let mut k = 0;
    while k < pair.children.len() {
        let child = &pair.children[k];
        if child.basis == crate::diff::Basis::Merge {
            // The parts of a merge share the new alinéa: one line for the group.
            let mut end = k + 1;
            while end < pair.children.len()
                && pair.children[end].basis == crate::diff::Basis::Merge
                && pair.children[end].new == child.new
            {
                end += 1;
            }
            write_merge(cmp, &pair.children[k..end], depth + 1, options, style, w)?;
            k = end;
            continue;
        }
        if whole || worth_showing(child, options.show_cosmetic) || departures.below(child) {
            write_block(cmp, child, depth + 1, departures, options, style, w)?;
        }
        k += 1;
    }
    Ok(())
}

fn write_merge(
    cmp: &Comparison,
    parts: &[PairDiff],
    depth: usize,
    options: &DiffRenderOptions,
    style: &Style,
    w: &mut impl Write,
) -> io::Result<()> {
    let Some(first) = parts.first() else {
        return Ok(());
    };
    let olds: Vec<String> = parts
        .iter()
        .filter_map(|p| p.old)
        .map(|o| {
            let name = unit_name(&cmp.old, o).to_lowercase();
            name.strip_prefix("alinéa ")
                .map(str::to_string)
                .unwrap_or(name)
        })
        .collect();
    let mut merged = first.clone();
    merged.changes = parts
        .iter()
        .flat_map(|p| p.changes.iter().cloned())
        .collect();
    merged
        .changes
        .sort_by_key(|c| (c.new_range.start, c.new_range.end));
    let name = first.new.map_or(String::new(), |n| unit_name(&cmp.new, n));
    let (last, rest) = olds
        .split_last()
        .map_or((String::new(), &[][..]), |(l, r)| (l.clone(), r));
    let text = inline(cmp, &merged, options, style);
    writeln!(
        w,
        "{}{} : {text}",
        "  ".repeat(depth),
        style.bold(&format!(
            "{name} (issu de la fusion des alinéas {} et {last})",
            rest.join(", ")
        ))
    )
}

fn leaf_text(
    cmp: &Comparison,
    pair: &PairDiff,
    options: &DiffRenderOptions,
    style: &Style,
) -> String {
    match (pair.old, pair.new) {
        (None, Some(n)) => style.ins(&cmp.new.node(n).text),
        (Some(o), None) => style.del(&cmp.old.node(o).text),
        _ => {
            let mut text = inline(cmp, pair, options, style);
            let typed: Vec<String> = pair
                .changes
                .iter()
                .filter(|c| super::diff_common::shown(c, options.show_cosmetic))
                .filter_map(typed_phrase)
                .collect();
            if !typed.is_empty() {
                text.push_str(&format!("  [{}]", typed.join(" ; ")));
            }
            text
        }
    }
}

/// The new text of a pair with deleted and inserted words marked, unchanged runs shortened.
fn inline(cmp: &Comparison, pair: &PairDiff, options: &DiffRenderOptions, style: &Style) -> String {
    let field = pair
        .changes
        .first()
        .map_or(crate::align::Field::Text, |c| c.field);
    let new_text = cmp.new_field(pair, field);
    let mut parts: Vec<(u8, String)> = Vec::new(); // 0 same, 1 del, 2 ins
    let mut cursor = 0;
    for c in &pair.changes {
        if !super::diff_common::shown(c, options.show_cosmetic) {
            continue;
        }
        if c.new_range.start > cursor {
            if let Some(t) = new_text.get(cursor..c.new_range.start) {
                parts.push((0, t.to_string()));
            }
        }
        if !c.old.is_empty() {
            parts.push((1, c.old.clone()));
        }
        if !c.new.is_empty() {
            parts.push((2, c.new.clone()));
        }
        cursor = cursor.max(c.new_range.end);
    }
    if let Some(t) = new_text.get(cursor..) {
        if !t.is_empty() {
            parts.push((0, t.to_string()));
        }
    }
    let n = parts.len();
    let mut out = String::new();
    for (i, (kind, text)) in parts.iter().enumerate() {
        match kind {
            0 => out.push_str(&trim_context(text, options.context, i == 0, i + 1 == n)),
            k => {
                let glued = text.starts_with([',', '.', ')', ';', ':']);
                if !glued
                    && out
                        .chars()
                        .last()
                        .is_some_and(|c| !c.is_whitespace() && !matches!(c, '(' | '\'' | '«'))
                    && !matches!(parts.get(i.wrapping_sub(1)), Some((1, _)))
                {
                    out.push(' ');
                }
                out.push_str(&if *k == 1 {
                    style.del(text)
                } else {
                    style.ins(text)
                });
                if let Some((0, next)) = parts.get(i + 1) {
                    if next.starts_with(|c: char| c.is_alphanumeric()) {
                        out.push(' ');
                    }
                }
            }
        }
    }
    out
}
