//! The Markdown view of a [`Comparison`]: the « tableau comparatif » a jurist pastes into a word
//! processor (*Rédaction actuelle* / *Nouvelle rédaction* / *Observations*, one row per changed unit).

use super::diff_common::{
    is_table_unit, pair_name, quote, shown, side_runs, status_phrase, typed_phrase, unit_name,
    worth_showing, Departures, DiffRenderOptions, Run,
};
use crate::diff::{Comparison, PairDiff, Status};
use crate::model::NodeId;
use crate::render::diff_common::{item_bullet, leaves, sentence, unit_notes};
use crate::text::capitalise;
use std::collections::HashMap;
use std::io::{self, Write};

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('*', "\\*")
        .replace('~', "\\~")
        .replace('<', "&lt;")
}

/// One side of a leaf (or a heading), its changed words marked.
fn side(cmp: &Comparison, p: &PairDiff, old_side: bool, options: &DiffRenderOptions) -> String {
    let text = side_text(cmp, p, old_side, options);
    if text.is_empty() {
        return text;
    }
    let marker = if old_side {
        item_bullet(&cmp.old, p.old)
    } else {
        item_bullet(&cmp.new, p.new)
    };
    format!("{marker}{text}")
}

fn side_text(
    cmp: &Comparison,
    p: &PairDiff,
    old_side: bool,
    options: &DiffRenderOptions,
) -> String {
    let (mark_open, mark_close) = if old_side { ("~~", "~~") } else { ("**", "**") };
    match (p.old, p.new, old_side) {
        (None, Some(n), false) => format!("**{}**", escape(&cmp.new.node(n).text)),
        (Some(o), None, true) => format!("~~{}~~", escape(&cmp.old.node(o).text)),
        (None, _, true) | (_, None, false) => String::new(),
        _ => side_runs(cmp, p, old_side, options.show_cosmetic)
            .into_iter()
            .map(|r| match r {
                Run::Same(t) => escape(&t),
                Run::Changed(t) => format!("{mark_open}{}{mark_close}", escape(&t)),
            })
            .collect(),
    }
}

fn title(cmp: &Comparison, p: &PairDiff, old_side: bool, options: &DiffRenderOptions) -> String {
    let id = if old_side { p.old } else { p.new };
    let Some(id) = id else {
        return String::new();
    };
    let doc = if old_side { &cmp.old } else { &cmp.new };
    let name = unit_name(doc, id);
    let heading = if crate::render::diff_common::heading_repeated(cmp, p)
        || old_side && crate::render::diff_common::heading_and_sequel(p)
    {
        // A party named by its whole first alinéa: the alinéa's row shows those words; the
        // old alinéa that became a heading and the first alinéa: shown in that alinéa's row.
        String::new()
    } else if p.old.is_some() && p.new.is_some() {
        side(cmp, p, old_side, options)
    } else {
        escape(doc.node(id).heading.as_deref().unwrap_or(""))
    };
    // An unnumbered division named by its heading (« PROGRAMMATION : »): the name says it all.
    let same = |h: &str| {
        h.trim_end_matches([':', '.', ' ', '\u{a0}']).to_lowercase() == name.to_lowercase()
    };
    if heading.is_empty() || same(&heading) || p.children.is_empty() && !is_table_unit(cmp, p) {
        format!("**{}**", escape(&name))
    } else {
        format!("**{}** – {heading}", escape(&name))
    }
}

fn observations(
    cmp: &Comparison,
    p: &PairDiff,
    leaves: &[&PairDiff],
    departures: &Departures,
    options: &DiffRenderOptions,
) -> String {
    let mut notes: Vec<String> = Vec::new();
    notes.extend(unit_notes(cmp, p, options.show_cosmetic));
    if let Some(o) = p.old {
        for line in departures.lines(cmp, o) {
            notes.push(sentence(&capitalise(&line)));
        }
    }
    // In a unit of several alinéas, each modified one is named (« Alinéa 4 : modifié. »): the
    // reader does not hunt one struck word in twenty alinéas. A typed change (« Alinéa 1 : la
    // date … ») names it already.
    let several = leaves.len() > 1;
    for l in leaves {
        let name = super::diff_common::pair_name_versions(cmp, l).to_lowercase();
        let mut phrase = status_phrase(cmp, l);
        if options.show_cosmetic && super::diff_common::cosmetic_only(l) {
            phrase = "retouche de forme".to_string();
        }
        if matches!(l.status, Status::Inserted | Status::Deleted)
            && matches!(p.status, Status::Inserted | Status::Deleted)
        {
            continue;
        }
        // The old alinéas merged with their heading: the heading's note says it.
        if !phrase.is_empty()
            && !super::diff_common::merged_into_heading(cmp, l)
            && (l.moved
                || several
                    && !l
                        .changes
                        .iter()
                        .any(|c| shown(c, options.show_cosmetic) && typed_phrase(c).is_some())
                || l.status != Status::Modified
                || l.basis != crate::diff::Basis::Similar && l.basis != crate::diff::Basis::Exact)
        {
            notes.push(sentence(&capitalise(&format!("{name} : {phrase}"))));
        }
        for c in l.changes.iter().filter(|c| shown(c, options.show_cosmetic)) {
            if let Some(t) = typed_phrase(c) {
                notes.push(sentence(&capitalise(&format!("{name} : {t}"))));
            }
        }
    }
    escape_obs(&notes.join("<br>"))
}

fn escape_obs(s: &str) -> String {
    s.replace('|', "\\|")
}

fn rows(
    cmp: &Comparison,
    p: &PairDiff,
    departures: &Departures,
    options: &DiffRenderOptions,
    w: &mut impl Write,
) -> io::Result<()> {
    let mut ls = Vec::new();
    leaves(cmp, p, &mut ls);
    let own = matches!(p.status, Status::Inserted | Status::Deleted)
        || p.renumbered
        || p.moved
        || p.changes.iter().any(|c| shown(c, options.show_cosmetic))
        || ls.iter().any(|l| worth_showing(l, options.show_cosmetic))
        || departures.from(p);
    if own {
        let mut old_cell = vec![title(cmp, p, true, options)];
        let mut new_cell = vec![title(cmp, p, false, options)];
        let (mut last_old, mut last_new) = (None, None);
        // The units that left this one stand in its old cell where they stood (the
        // observations say where they went).
        let (gone, index) = gone_from(cmp, p, departures);
        let mut gone = gone.into_iter().peekable();
        let keep = kept_leaves(&ls, options.show_cosmetic);
        let mut elided = false;
        for (k, l) in ls.iter().enumerate() {
            let at = l
                .old
                .and_then(|lo| index.get(&top_child(cmp, p, lo)?).copied());
            while let (Some(at), Some((i, m))) = (at, gone.peek()) {
                if *i >= at {
                    break;
                }
                old_cell.push(departed(cmp, *m));
                gone.next();
                elided = false;
            }
            // A long unit (an annex): its unchanged alinéas far from a change are one « […] ».
            if !keep[k] {
                if !elided {
                    old_cell.push(ELIDED.to_string());
                    new_cell.push(ELIDED.to_string());
                }
                elided = true;
                continue;
            }
            elided = false;
            // The parts of a split share their old alinéa, those of a merge their new one.
            let parts = |b| {
                matches!(
                    b,
                    crate::diff::Basis::Split | crate::diff::Basis::Restructured
                )
            };
            if l.old.is_some() && l.old == last_old && parts(l.basis) {
                let n = side(cmp, l, false, options);
                new_cell.push(n);
                last_new = l.new;
                continue;
            }
            if l.new.is_some() && l.new == last_new && l.basis == crate::diff::Basis::Merge {
                let o = side(cmp, l, true, options);
                old_cell.push(o);
                last_old = l.old;
                continue;
            }
            let o = if l.old.is_some() && parts(l.basis) {
                // The old alinéa once, with the words each part (and the heading it became)
                // changed in it.
                let mut whole = (*l).clone();
                if crate::render::diff_common::heading_and_sequel(p) && p.old == l.old {
                    whole.changes.extend(p.changes.iter().cloned());
                }
                for m in &ls {
                    if !std::ptr::eq(*m, *l) && m.old == l.old && parts(m.basis) {
                        whole.changes.extend(m.changes.iter().cloned());
                    }
                }
                whole
                    .changes
                    .sort_by_key(|c| (c.old_range.start, c.old_range.end));
                side(cmp, &whole, true, options)
            } else {
                side(cmp, l, true, options)
            };
            // A division's heading and alinéas became this alinéa: the new alinéa once, with
            // the words each of them changed in it.
            let n = side(
                cmp,
                &crate::render::diff_common::with_merged_parts(l),
                false,
                options,
            );
            if !o.is_empty() {
                old_cell.push(o);
            }
            if !n.is_empty() {
                new_cell.push(n);
            }
            last_old = l.old;
            last_new = l.new;
        }
        old_cell.extend(gone.map(|(_, m)| departed(cmp, m)));
        let join = |v: Vec<String>| {
            let v: Vec<String> = v.into_iter().filter(|s| !s.is_empty()).collect();
            if v.is_empty() {
                "*(néant)*".to_string()
            } else {
                v.join("<br>")
            }
        };
        writeln!(
            w,
            "| {} | {} | {} |",
            join(old_cell),
            join(new_cell),
            observations(cmp, p, &ls, departures, options)
        )?;
    }
    for c in &p.children {
        if is_table_unit(cmp, c) && (worth_showing(c, options.show_cosmetic) || departures.below(c))
        {
            rows(cmp, c, departures, options, w)?;
        }
    }
    Ok(())
}

/// Leaves from which a unit's row shows only its changed alinéas and their neighbours.
const LONG_UNIT: usize = 10;

/// What stands in both cells for unchanged alinéas left out.
const ELIDED: &str = "[…]";

/// Which leaves a unit's row shows: all of a short unit (an article, read whole), and in a
/// long one (more than [`LONG_UNIT`] leaves) those that changed with one unchanged alinéa on
/// either side, so that a name changed in a 30-alinéa annex is not the whole annex twice.
fn kept_leaves(ls: &[&PairDiff], show_cosmetic: bool) -> Vec<bool> {
    if ls.len() <= LONG_UNIT {
        return vec![true; ls.len()];
    }
    let changed: Vec<bool> = ls.iter().map(|l| worth_showing(l, show_cosmetic)).collect();
    (0..ls.len())
        .map(|i| {
            changed[i]
                || i.checked_sub(1).is_some_and(|j| changed[j])
                || changed.get(i + 1).copied().unwrap_or(false)
        })
        .collect()
}

/// The units that left the pair's old unit, each with the position among the old unit's
/// children it held, in order, and that position for every child (empty when none left).
fn gone_from(
    cmp: &Comparison,
    p: &PairDiff,
    departures: &Departures,
) -> (Vec<(usize, NodeId)>, HashMap<NodeId, usize>) {
    let Some(o) = p.old.filter(|_| departures.from(p)) else {
        return (Vec::new(), HashMap::new());
    };
    let index: HashMap<NodeId, usize> = cmp
        .old
        .node(o)
        .children
        .iter()
        .enumerate()
        .map(|(i, c)| (*c, i))
        .collect();
    let mut gone: Vec<(usize, NodeId)> = departures
        .moves(o)
        .iter()
        .filter_map(|&(m, _)| Some((*index.get(&m)?, m)))
        .collect();
    gone.sort();
    (gone, index)
}

/// The child of the pair's old unit that holds old node `id` (itself when a child).
fn top_child(cmp: &Comparison, p: &PairDiff, id: NodeId) -> Option<NodeId> {
    let o = p.old?;
    let mut cur = id;
    loop {
        let parent = cmp.old.parent(cur)?;
        if parent == o {
            return Some(cur);
        }
        cur = parent;
    }
}

/// A departed unit in its old cell: an alinéa's text, a larger unit's name.
fn departed(cmp: &Comparison, id: NodeId) -> String {
    let node = cmp.old.node(id);
    if node.children.is_empty() {
        escape(&node.text)
    } else {
        format!("**{}**", escape(&unit_name(&cmp.old, id)))
    }
}

/// Writes the comparison as a Markdown « tableau comparatif ».
pub fn write_diff_md(
    cmp: &Comparison,
    options: &DiffRenderOptions,
    w: &mut impl Write,
) -> io::Result<()> {
    writeln!(w, "# Tableau comparatif")?;
    writeln!(w)?;
    writeln!(
        w,
        "Rédaction actuelle : `{}` — nouvelle rédaction : `{}`",
        cmp.old.source.path, cmp.new.source.path
    )?;
    writeln!(w)?;
    let cosmetic = options.show_cosmetic && cmp.pairs.iter().any(|p| p.cosmetic);
    if !cmp.has_differences() {
        writeln!(w, "Aucune différence de fond entre les deux textes.")?;
        if !cosmetic {
            return Ok(());
        }
        writeln!(w)?;
    }
    writeln!(
        w,
        "| Rédaction actuelle | Nouvelle rédaction | Observations |"
    )?;
    writeln!(w, "|---|---|---|")?;
    let mut unchanged = Vec::new();
    let mut only_global = Vec::new();
    let departures = Departures::new(cmp);
    for p in &cmp.pairs {
        if worth_showing(p, options.show_cosmetic) || departures.below(p) {
            rows(cmp, p, &departures, options, w)?;
        } else if p.status == Status::Modified {
            only_global.push(pair_name(cmp, p));
        } else {
            unchanged.push(pair_name(cmp, p));
        }
    }
    let renumbered = super::diff_common::renumbering_lines(cmp);
    if !renumbered.is_empty() {
        writeln!(w)?;
        writeln!(w, "Renumérotations :")?;
        writeln!(w)?;
        for line in renumbered {
            writeln!(w, "- {}", sentence(&escape(&capitalise(&line))))?;
        }
    }
    if !only_global.is_empty() {
        writeln!(w)?;
        writeln!(
            w,
            "{}",
            sentence(&format!(
                "Modifiés par les seuls remplacements ci-dessous : {}",
                only_global.join(", ")
            ))
        )?;
    }
    if !cmp.globals.is_empty() {
        writeln!(w)?;
        writeln!(w, "Remplacements dans l'ensemble du texte :")?;
        writeln!(w)?;
        for g in &cmp.globals {
            writeln!(
                w,
                "- {} → {} ({} occurrence{})",
                quote(&escape(&g.old)),
                quote(&escape(&g.new)),
                g.count,
                if g.count > 1 { "s" } else { "" }
            )?;
        }
    }
    if !unchanged.is_empty() {
        writeln!(w)?;
        writeln!(
            w,
            "{}",
            sentence(&format!("Sans changement : {}", unchanged.join(", ")))
        )?;
    }
    if let Some(note) = crate::render::diff_common::coarse_note(cmp) {
        writeln!(w)?;
        writeln!(w, "{}", escape(&note))?;
    }
    Ok(())
}
