//! The « tableau comparatif » as a plain model of blocks and rows, built from the comparison
//! before any markup, so that moves can be linked both ways.

use super::escape;
use crate::diff::{Basis, Comparison, PairDiff, Status};
use crate::model::{Document, NodeId, NodeKind};
use crate::render::diff_common::sentence;
use crate::render::diff_common::{
    count, is_table_unit, old_order, pair_name, shown, side_runs, status_phrase, typed_phrase,
    unit_name, worth_showing, Departures, DiffRenderOptions, Run,
};
use crate::render::diff_common::{
    heading_opens_first_alinea, heading_repeated, item_bullet, leaves, pair_name_versions,
    unit_notes,
};
use crate::text::capitalise;
use std::collections::HashMap;

pub(super) fn deleted(text: &str) -> String {
    format!(
        "<del><span class=\"sr\">[début de suppression] </span>{}<span class=\"sr\"> [fin de suppression]</span></del>",
        escape(text)
    )
}

pub(super) fn inserted(text: &str) -> String {
    format!(
        "<ins><span class=\"sr\">[début d'insertion] </span>{}<span class=\"sr\"> [fin d'insertion]</span></ins>",
        escape(text)
    )
}

/// The document's title line, when the parser found one.
pub(super) fn doc_title(doc: &Document) -> Option<String> {
    doc.top_level()
        .iter()
        .find(|&&id| doc.node(id).kind == NodeKind::Titre)
        .map(|&id| doc.node(id).text.clone())
}

/// One side of a pair's own text, its changed words marked.
pub(super) fn side(
    cmp: &Comparison,
    p: &PairDiff,
    old_side: bool,
    options: &DiffRenderOptions,
) -> String {
    let marker = if old_side {
        item_bullet(&cmp.old, p.old)
    } else {
        item_bullet(&cmp.new, p.new)
    };
    let text = side_text(cmp, p, old_side, options);
    if text.is_empty() {
        text
    } else {
        format!("{}{text}", escape(&marker))
    }
}

fn side_text(
    cmp: &Comparison,
    p: &PairDiff,
    old_side: bool,
    options: &DiffRenderOptions,
) -> String {
    match (p.old, p.new, old_side) {
        (None, Some(n), false) => inserted(&cmp.new.node(n).text),
        (Some(o), None, true) => deleted(&cmp.old.node(o).text),
        (None, _, true) | (_, None, false) => String::new(),
        _ => side_runs(cmp, p, old_side, options.show_cosmetic)
            .into_iter()
            .map(|r| match r {
                Run::Same(t) => escape(&t),
                Run::Changed(t) if old_side => deleted(&t),
                Run::Changed(t) => inserted(&t),
            })
            .collect(),
    }
}

/// A unit's title on one side: « Article 5 – Durée », changed heading words marked.
pub(super) fn title(
    cmp: &Comparison,
    p: &PairDiff,
    old_side: bool,
    options: &DiffRenderOptions,
) -> String {
    let id = if old_side { p.old } else { p.new };
    let Some(id) = id else {
        return String::new();
    };
    let doc = if old_side { &cmp.old } else { &cmp.new };
    let name = escape(&unit_name(doc, id));
    // An old alinéa that became the heading and the first alinéa is shown in that alinéa's
    // row, once.
    let repeated =
        heading_repeated(cmp, p) || old_side && crate::render::diff_common::heading_and_sequel(p);
    let heading = if repeated {
        String::new()
    } else if p.old.is_some() && p.new.is_some() {
        side(cmp, p, old_side, options)
    } else {
        escape(doc.node(id).heading.as_deref().unwrap_or(""))
    };
    let t = if heading.is_empty() {
        format!("<strong>{name}</strong>")
    } else {
        format!("<strong>{name}</strong> – {heading}")
    };
    match (p.old.is_some(), p.new.is_some(), old_side) {
        (false, true, false) => format!(
            "<ins><span class=\"sr\">[début d'insertion] </span>{t}<span class=\"sr\"> [fin d'insertion]</span></ins>"
        ),
        (true, false, true) => format!(
            "<del><span class=\"sr\">[début de suppression] </span>{t}<span class=\"sr\"> [fin de suppression]</span></del>"
        ),
        _ => t,
    }
}

/// One row of the table: the two versions and the observations.
pub(super) struct Row {
    pub(super) id: Option<String>,
    pub(super) class: &'static str,
    pub(super) old: String,
    pub(super) new: String,
    pub(super) obs: Vec<String>,
    /// Rows the old cell spans: 1, more for an alinéa split into several (one old cell beside
    /// its parts), 0 for a row whose old cell is the one spanning from above.
    pub(super) old_span: usize,
    /// The same for the new cell: alinéas merged into one.
    pub(super) new_span: usize,
}

pub(super) enum Block {
    /// A unit with changes: its heading row, then one row per alinéa.
    Unit {
        anchor: String,
        name: String,
        status: String,
        rows: Vec<Row>,
    },
    /// Consecutive unchanged units, folded.
    Unchanged { items: Vec<(String, Vec<String>)> },
}

/// Where each move left from and arrived to, numbered in document order.
pub(super) struct Moves {
    /// Move number by the moved pair's old node.
    pub(super) by_old: HashMap<NodeId, usize>,
    /// Moves whose departure row is written (an arrival links back only to those).
    pub(super) departures: Vec<bool>,
    /// Pre-order rank of each old node.
    pub(super) rank: HashMap<NodeId, usize>,
}

pub(super) fn collect_moves(cmp: &Comparison) -> Moves {
    let mut by_old = HashMap::new();
    for p in cmp.iter() {
        if let (true, Some(o), Some(_)) = (p.moved, p.old, p.new) {
            let n = by_old.len() + 1;
            by_old.insert(o, n);
        }
    }
    let rank = old_order(cmp);
    Moves {
        departures: vec![false; by_old.len() + 1],
        by_old,
        rank,
    }
}

pub(super) struct Builder<'a> {
    pub(super) cmp: &'a Comparison,
    pub(super) options: &'a DiffRenderOptions,
    pub(super) moves: Moves,
    /// Moved pairs (old node, pair) grouped by the old unit they left.
    pub(super) moved_from: HashMap<NodeId, Vec<&'a PairDiff>>,
    /// The units each old unit lost to another (a unit that lost one gets rows).
    pub(super) departures: Departures,
    pub(super) blocks: Vec<Block>,
}

impl<'a> Builder<'a> {
    pub(super) fn new(cmp: &'a Comparison, options: &'a DiffRenderOptions) -> Self {
        let moves = collect_moves(cmp);
        Builder {
            cmp,
            options,
            moves,
            moved_from: HashMap::new(),
            departures: Departures::new(cmp),
            blocks: Vec::new(),
        }
    }

    /// Old units that get rows, by old node: a moved leaf's departure row goes in the nearest.
    pub(super) fn index_departures(&mut self, rendered: &std::collections::HashSet<NodeId>) {
        let cmp = self.cmp;
        for p in cmp.iter() {
            let (true, Some(o), Some(_)) = (p.moved, p.old, p.new) else {
                continue;
            };
            let mut cur = cmp.old.parent(o);
            while let Some(c) = cur {
                if rendered.contains(&c) {
                    self.moved_from.entry(c).or_default().push(p);
                    // Its departure row will be written: an arrival met first links to it.
                    if let Some(&k) = self.moves.by_old.get(&o) {
                        self.moves.departures[k] = true;
                    }
                    break;
                }
                cur = cmp.old.parent(c);
            }
        }
    }

    pub(super) fn own(&self, p: &PairDiff, ls: &[&PairDiff]) -> bool {
        matches!(p.status, Status::Inserted | Status::Deleted)
            || p.renumbered
            || p.moved
            || p.changes
                .iter()
                .any(|c| shown(c, self.options.show_cosmetic))
            || ls
                .iter()
                .any(|l| worth_showing(l, self.options.show_cosmetic))
            || self.departures.from(p)
    }

    /// True when the pair gets a block or has one below it: something changed, or a unit
    /// left it (or a unit below it) for another.
    pub(super) fn visible(&self, p: &PairDiff) -> bool {
        worth_showing(p, self.options.show_cosmetic) || self.departures.below(p)
    }

    /// The old units that will get rows (first pass, same walk as [`Self::unit`]).
    pub(super) fn rendered(&self, p: &PairDiff, out: &mut Vec<NodeId>) {
        let mut ls = Vec::new();
        leaves(self.cmp, p, &mut ls);
        if self.own(p, &ls) {
            if let Some(o) = p.old {
                out.push(o);
            }
        }
        for c in &p.children {
            if is_table_unit(self.cmp, c) && self.visible(c) {
                self.rendered(c, out);
            }
        }
    }

    pub(super) fn move_link(&self, p: &PairDiff, arrival: bool) -> Option<(usize, bool)> {
        let n = *self.moves.by_old.get(&p.old?)?;
        p.new?;
        Some((n, arrival && self.moves.departures[n]))
    }

    pub(super) fn leaf_obs(&self, l: &PairDiff, parent: &PairDiff) -> Vec<String> {
        let cmp = self.cmp;
        let mut notes = Vec::new();
        let phrase = status_phrase(cmp, l);
        let whole = matches!(l.status, Status::Inserted | Status::Deleted)
            && matches!(parent.status, Status::Inserted | Status::Deleted);
        // In a unit of several alinéas, a modified one is named (« Alinéa 4 : modifié. »), as
        // the Markdown table does (a typed change, « La date … », says it already).
        let several = {
            let mut ls = Vec::new();
            leaves(cmp, parent, &mut ls);
            ls.len() > 1
        };
        let typed = l
            .changes
            .iter()
            .any(|c| shown(c, self.options.show_cosmetic) && typed_phrase(c).is_some());
        if several
            && !typed
            && !phrase.is_empty()
            && !l.moved
            && l.status == Status::Modified
            && matches!(l.basis, Basis::Similar | Basis::Exact)
        {
            notes.push(sentence(&escape(&capitalise(&format!(
                "{} : {phrase}",
                pair_name_versions(cmp, l).to_lowercase()
            )))));
        }
        if !whole
            && !phrase.is_empty()
            && (l.moved
                || l.status != Status::Modified
                || l.basis != Basis::Similar && l.basis != Basis::Exact)
        {
            let mut s = escape(&capitalise(&phrase));
            if let Some((n, back)) = self.move_link(l, true) {
                s = if back {
                    format!("<a id=\"arrivee-{n}\" href=\"#depart-{n}\">{s}</a>")
                } else {
                    format!("<span id=\"arrivee-{n}\">{s}</span>")
                };
            }
            notes.push(sentence(&s));
        }
        for c in l
            .changes
            .iter()
            .filter(|c| shown(c, self.options.show_cosmetic))
        {
            if let Some(t) = typed_phrase(c) {
                notes.push(sentence(&escape(&capitalise(&t))));
            }
        }
        notes
    }

    /// A departure row: where a moved unit stood in the old version.
    pub(super) fn departure(&mut self, m: &PairDiff) -> Option<Row> {
        let cmp = self.cmp;
        let (o, n) = (m.old?, m.new?);
        let k = *self.moves.by_old.get(&o)?;
        self.moves.departures[k] = true;
        let text = if m.children.is_empty() {
            escape(&cmp.old.node(o).text)
        } else {
            format!("<strong>{}</strong>", escape(&unit_name(&cmp.old, o)))
        };
        Some(Row {
            id: Some(format!("depart-{k}")),
            class: "depart",
            old: text,
            new: String::new(),
            obs: vec![format!(
                "<a href=\"#arrivee-{k}\">Déplacé vers {}.</a>",
                escape(&crate::render::diff_common::new_place(cmp, n))
            )],
            old_span: 1,
            new_span: 1,
        })
    }

    /// Departure rows of moves out of the old unit `o`, placed by their old rank before `before`.
    pub(super) fn departures_before(
        &mut self,
        o: Option<NodeId>,
        before: Option<NodeId>,
    ) -> Vec<Row> {
        let Some(o) = o else {
            return Vec::new();
        };
        let limit = before.and_then(|b| self.moves.rank.get(&b).copied());
        let pending: Vec<&PairDiff> = self
            .moved_from
            .get(&o)
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|m| {
                        let r = m.old.and_then(|x| self.moves.rank.get(&x).copied());
                        limit.is_none_or(|l| r.is_some_and(|r| r < l))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut rows = Vec::new();
        for m in pending {
            if let Some(v) = self.moved_from.get_mut(&o) {
                v.retain(|x| !std::ptr::eq(*x, m));
            }
            if let Some(r) = self.departure(m) {
                rows.push(r);
            }
        }
        rows
    }

    pub(super) fn unit(&mut self, p: &'a PairDiff) {
        let cmp = self.cmp;
        let options = self.options;
        let mut ls = Vec::new();
        leaves(cmp, p, &mut ls);
        if self.own(p, &ls) {
            let mut rows = Vec::new();
            let mut obs = Vec::new();
            obs.extend(
                unit_notes(cmp, p, options.show_cosmetic)
                    .iter()
                    .map(|n| escape(n)),
            );
            let head_id = self.move_link(p, true).map(|(n, _)| format!("arrivee-{n}"));
            if let Some((n, true)) = self.move_link(p, true) {
                obs.push(format!(
                    "<a href=\"#depart-{n}\">Voir sa place dans la rédaction actuelle.</a>"
                ));
            }
            rows.push(Row {
                id: head_id,
                class: match p.status {
                    Status::Inserted => "inseree",
                    Status::Deleted => "supprimee",
                    _ => "",
                },
                old: title(cmp, p, true, options),
                new: title(cmp, p, false, options),
                obs,
                old_span: 1,
                new_span: 1,
            });
            let (mut last_old, mut last_new) = (None, None);
            // The rows holding the cells of `last_old` and `last_new`.
            let (mut old_cell, mut new_cell) = (0, 0);
            for l in &ls {
                if l.old.is_some() && !l.moved {
                    let before = self.departures_before(p.old, l.old);
                    rows.extend(before);
                }
                let class = match l.status {
                    Status::Inserted => "inseree",
                    Status::Deleted => "supprimee",
                    _ => "",
                };
                // The parts of a split share their old alinéa: one old cell spans their rows
                // (those of a merge, one new cell), as a tableau comparatif sets them.
                let split = l.old.is_some() && l.old == last_old && l.basis == Basis::Split;
                let merge = l.new.is_some() && l.new == last_new && l.basis == Basis::Merge;
                let here = rows.len();
                let old_span = if split && old_cell + rows[old_cell].old_span == here {
                    rows[old_cell].old_span += 1;
                    0
                } else {
                    old_cell = here;
                    1
                };
                let new_span = if merge && new_cell + rows[new_cell].new_span == here {
                    rows[new_cell].new_span += 1;
                    0
                } else {
                    new_cell = here;
                    1
                };
                let old = if split {
                    String::new()
                } else {
                    side(cmp, l, true, options)
                };
                let new = if merge {
                    String::new()
                } else {
                    side(cmp, l, false, options)
                };
                let obs = self.leaf_obs(l, p);
                let id = self.move_link(l, true).map(|(n, _)| format!("ligne-{n}"));
                rows.push(Row {
                    id,
                    class,
                    old,
                    new,
                    obs,
                    old_span,
                    new_span,
                });
                last_old = l.old;
                last_new = l.new;
            }
            let rest = self.departures_before(p.old, None);
            rows.extend(rest);
            let name = pair_name(cmp, p);
            let status = status_phrase(cmp, p);
            let anchor = format!("u{}", self.blocks.len() + 1);
            self.blocks.push(Block::Unit {
                anchor,
                name,
                status,
                rows,
            });
        }
        for c in &p.children {
            if is_table_unit(cmp, c) && self.visible(c) {
                self.unit(c);
            } else if is_table_unit(cmp, c) {
                // Unchanged sub-units of a changed one are folded where they stand.
                self.unchanged(c);
            }
        }
    }

    pub(super) fn unchanged(&mut self, p: &PairDiff) {
        let cmp = self.cmp;
        let Some(n) = p.new.or(p.old) else {
            return;
        };
        let doc = if p.new.is_some() { &cmp.new } else { &cmp.old };
        let name = pair_name(cmp, p);
        let mut texts = Vec::new();
        if let Some(h) = doc.node(n).heading.as_deref() {
            if !heading_opens_first_alinea(doc, n) {
                texts.push(h.to_string());
            }
        }
        for d in doc.descendants(n) {
            let node = doc.node(d);
            if node.children.is_empty() && d != n {
                texts.push(node.text.clone());
            }
        }
        if texts.is_empty() {
            texts.push(doc.node(n).text.clone());
        }
        match self.blocks.last_mut() {
            Some(Block::Unchanged { items }) => items.push((name, texts)),
            _ => self.blocks.push(Block::Unchanged {
                items: vec![(name, texts)],
            }),
        }
    }
}

pub(super) fn cell(html: &str) -> String {
    if html.is_empty() {
        "<span class=\"neant\">(néant)</span>".to_string()
    } else {
        html.to_string()
    }
}

pub(super) fn summary_counts(cmp: &Comparison) -> Vec<String> {
    let s = &cmp.summary;
    let mut out = Vec::new();
    let units = [
        (s.units.modified, "unité modifiée", "unités modifiées"),
        (s.units.inserted, "unité insérée", "unités insérées"),
        (s.units.deleted, "unité supprimée", "unités supprimées"),
        (s.units.moved, "unité déplacée", "unités déplacées"),
        (
            s.units.renumbered,
            "unité renumérotée",
            "unités renumérotées",
        ),
        (s.alineas.modified, "alinéa modifié", "alinéas modifiés"),
        (s.alineas.inserted, "alinéa inséré", "alinéas insérés"),
        (s.alineas.deleted, "alinéa supprimé", "alinéas supprimés"),
        (s.alineas.moved, "alinéa déplacé", "alinéas déplacés"),
    ];
    for (n, one, many) in units {
        if n > 0 {
            out.push(count(n, one, many));
        }
    }
    let typed = cmp
        .iter()
        .flat_map(|p| &p.changes)
        .filter(|c| c.global.is_none() && typed_phrase(c).is_some())
        .count();
    if typed > 0 {
        out.push(count(
            typed,
            "valeur modifiée (date, montant, durée, taux, nombre)",
            "valeurs modifiées (dates, montants, durées, taux, nombres)",
        ));
    }
    if !cmp.globals.is_empty() {
        out.push(count(
            cmp.globals.len(),
            "remplacement dans l'ensemble du texte",
            "remplacements dans l'ensemble du texte",
        ));
    }
    out
}
