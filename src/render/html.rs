//! The HTML views a jurist opens in a browser: the « tableau comparatif » of a [`Comparison`]
//! (one self-contained page, inline CSS, no script, no network reference) and the check matrix.
//!
//! The page is built in two steps: a plain model of blocks and rows (so that moves can be linked
//! both ways, from where a unit left to where it arrived and back), then the markup. Every
//! character of the input goes through [`escape`].

use super::diff_common::{
    count, is_table_unit, old_order, pair_name, quote, shown, side_runs, status_phrase,
    typed_phrase, unit_name, worth_showing, DiffRenderOptions, Run,
};
use crate::diff::{Basis, Comparison, PairDiff, Status};
use crate::model::{Document, NodeId, NodeKind};
use crate::template::{CheckReport, ClauseStatus, Matrix, Template};
use std::collections::HashMap;
use std::io::{self, Write};

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: "Marianne", "Segoe UI", Arial, sans-serif; color: #1e1e1e; background: #fff;
  margin: 1.5rem auto; max-width: 80rem; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; }
a { color: #0a4a9e; }
a:focus-visible, summary:focus-visible { outline: 3px solid #0a4a9e; outline-offset: 2px; }
.documents { margin: .25rem 0 1rem; }
.documents dt { font-weight: bold; }
.documents dd { margin: 0 0 .4rem 1rem; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
caption { text-align: left; font-weight: bold; padding: .5rem 0; }
th, td { border: 1px solid #6b6b6b; padding: .4rem .5rem; vertical-align: top; text-align: left;
  overflow-wrap: anywhere; }
thead th { background: #dfe6f1; }
col.texte { width: 38%; } col.obs { width: 24%; }
th.unite { background: #f0f0f0; font-size: 1.02rem; }
th.unite .statut { font-weight: normal; font-style: italic; }
del { color: #8f0000; background: #fde7e7; text-decoration: line-through; }
ins { color: #0b5322; background: #e3f4e8; text-decoration: underline; }
.inseree { background: #f1faf3; } .supprimee { background: #fdf3f3; }
.depart td { color: #444; font-style: italic; }
.neant { color: #595959; font-style: italic; }
details summary { cursor: pointer; color: #0a4a9e; }
details .texte { margin: .3rem 0 .6rem 1rem; }
.sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
.legende dt { font-weight: bold; float: left; clear: left; width: 9rem; }
.legende dd { margin-left: 10rem; }
.conforme { background: #e3f4e8; } .ecart { background: #fde7e7; } .accepte { background: #fff4d6; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { max-width: none; margin: 0; font-size: 10pt; }
  nav { break-after: page; }
  thead { display: table-header-group; }
  tr, th, td { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  del, ins, .conforme, .ecart, .accepte { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

fn head(w: &mut impl Write, title: &str) -> io::Result<()> {
    writeln!(w, "<!DOCTYPE html>")?;
    writeln!(w, "<html lang=\"fr\">")?;
    writeln!(w, "<head>")?;
    writeln!(w, "<meta charset=\"utf-8\">")?;
    // No script, no request of any kind: the browser enforces what the page promises.
    writeln!(
        w,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
    )?;
    writeln!(
        w,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(w, "<title>{}</title>", escape(title))?;
    writeln!(w, "<style>{STYLE}</style>")?;
    writeln!(w, "</head>")?;
    writeln!(w, "<body>")
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn deleted(text: &str) -> String {
    format!(
        "<del><span class=\"sr\">[début de suppression] </span>{}<span class=\"sr\"> [fin de suppression]</span></del>",
        escape(text)
    )
}

fn inserted(text: &str) -> String {
    format!(
        "<ins><span class=\"sr\">[début d'insertion] </span>{}<span class=\"sr\"> [fin d'insertion]</span></ins>",
        escape(text)
    )
}

/// The document's title line, when the parser found one.
fn doc_title(doc: &Document) -> Option<String> {
    doc.top_level()
        .iter()
        .find(|&&id| doc.node(id).kind == NodeKind::Titre)
        .map(|&id| doc.node(id).text.clone())
}

fn leaves<'a>(cmp: &Comparison, p: &'a PairDiff, out: &mut Vec<&'a PairDiff>) {
    for c in &p.children {
        if is_table_unit(cmp, c) {
            continue;
        }
        if c.children.is_empty() {
            out.push(c);
        } else {
            leaves(cmp, c, out);
        }
    }
}

/// One side of a pair's own text, its changed words marked.
fn side(cmp: &Comparison, p: &PairDiff, old_side: bool, options: &DiffRenderOptions) -> String {
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
fn title(cmp: &Comparison, p: &PairDiff, old_side: bool, options: &DiffRenderOptions) -> String {
    let id = if old_side { p.old } else { p.new };
    let Some(id) = id else {
        return String::new();
    };
    let doc = if old_side { &cmp.old } else { &cmp.new };
    let name = escape(&unit_name(doc, id));
    let heading = if p.old.is_some() && p.new.is_some() {
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
struct Row {
    id: Option<String>,
    class: &'static str,
    old: String,
    new: String,
    obs: Vec<String>,
}

enum Block {
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
struct Moves {
    /// Move number by the moved pair's old node.
    by_old: HashMap<NodeId, usize>,
    /// Moves whose departure row was written (an arrival links back only to those).
    departures: Vec<bool>,
    /// Pre-order rank of each old node.
    rank: HashMap<NodeId, usize>,
}

fn collect_moves(cmp: &Comparison) -> Moves {
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

struct Builder<'a> {
    cmp: &'a Comparison,
    options: &'a DiffRenderOptions,
    moves: Moves,
    /// Moved pairs (old node, pair) grouped by the old unit they left.
    moved_from: HashMap<NodeId, Vec<&'a PairDiff>>,
    blocks: Vec<Block>,
}

impl<'a> Builder<'a> {
    fn new(cmp: &'a Comparison, options: &'a DiffRenderOptions) -> Self {
        let moves = collect_moves(cmp);
        Builder {
            cmp,
            options,
            moves,
            moved_from: HashMap::new(),
            blocks: Vec::new(),
        }
    }

    /// Old units that get rows, by old node: a moved leaf's departure row goes in the nearest.
    fn index_departures(&mut self, rendered: &std::collections::HashSet<NodeId>) {
        let cmp = self.cmp;
        for p in cmp.iter() {
            let (true, Some(o), Some(_)) = (p.moved, p.old, p.new) else {
                continue;
            };
            let mut cur = cmp.old.parent(o);
            while let Some(c) = cur {
                if rendered.contains(&c) {
                    self.moved_from.entry(c).or_default().push(p);
                    break;
                }
                cur = cmp.old.parent(c);
            }
        }
    }

    fn own(&self, p: &PairDiff, ls: &[&PairDiff]) -> bool {
        matches!(p.status, Status::Inserted | Status::Deleted)
            || p.renumbered
            || p.moved
            || p.changes
                .iter()
                .any(|c| shown(c, self.options.show_cosmetic))
            || ls
                .iter()
                .any(|l| worth_showing(l, self.options.show_cosmetic))
    }

    /// The old units that will get rows (first pass, same walk as [`Self::unit`]).
    fn rendered(&self, p: &PairDiff, out: &mut Vec<NodeId>) {
        let mut ls = Vec::new();
        leaves(self.cmp, p, &mut ls);
        if self.own(p, &ls) {
            if let Some(o) = p.old {
                out.push(o);
            }
        }
        for c in &p.children {
            if is_table_unit(self.cmp, c) && worth_showing(c, self.options.show_cosmetic) {
                self.rendered(c, out);
            }
        }
    }

    fn move_link(&self, p: &PairDiff, arrival: bool) -> Option<(usize, bool)> {
        let n = *self.moves.by_old.get(&p.old?)?;
        p.new?;
        Some((n, arrival && self.moves.departures[n]))
    }

    fn leaf_obs(&self, l: &PairDiff, parent: &PairDiff) -> Vec<String> {
        let cmp = self.cmp;
        let mut notes = Vec::new();
        let phrase = status_phrase(cmp, l);
        let whole = matches!(l.status, Status::Inserted | Status::Deleted)
            && matches!(parent.status, Status::Inserted | Status::Deleted);
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
            notes.push(s + ".");
        }
        for c in l
            .changes
            .iter()
            .filter(|c| shown(c, self.options.show_cosmetic))
        {
            if let Some(t) = typed_phrase(c) {
                notes.push(escape(&capitalise(&t)) + ".");
            }
        }
        notes
    }

    /// A departure row: where a moved unit stood in the old version.
    fn departure(&mut self, m: &PairDiff) -> Option<Row> {
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
                escape(&super::diff_common::new_place(cmp, n))
            )],
        })
    }

    /// Departure rows of moves out of the old unit `o`, placed by their old rank before `before`.
    fn departures_before(&mut self, o: Option<NodeId>, before: Option<NodeId>) -> Vec<Row> {
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

    fn unit(&mut self, p: &'a PairDiff) {
        let cmp = self.cmp;
        let options = self.options;
        let mut ls = Vec::new();
        leaves(cmp, p, &mut ls);
        if self.own(p, &ls) {
            let mut rows = Vec::new();
            let mut obs = Vec::new();
            let phrase = status_phrase(cmp, p);
            if !phrase.is_empty() {
                let mut s = phrase;
                if p.renumbered {
                    if let (Some(o), Some(n)) = (p.old, p.new) {
                        s.push_str(&format!(
                            " ({} → {})",
                            unit_name(&cmp.old, o).to_lowercase(),
                            unit_name(&cmp.new, n).to_lowercase()
                        ));
                    }
                }
                obs.push(escape(&capitalise(&s)) + ".");
            }
            for c in p.changes.iter().filter(|c| shown(c, options.show_cosmetic)) {
                if let Some(t) = typed_phrase(c) {
                    obs.push(escape(&capitalise(&format!("intitulé : {t}."))));
                }
            }
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
            });
            let (mut last_old, mut last_new) = (None, None);
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
                // The parts of a split share their old alinéa, those of a merge their new one.
                let split = l.old.is_some() && l.old == last_old && l.basis == Basis::Split;
                let merge = l.new.is_some() && l.new == last_new && l.basis == Basis::Merge;
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
            if is_table_unit(cmp, c) && worth_showing(c, options.show_cosmetic) {
                self.unit(c);
            } else if is_table_unit(cmp, c) {
                // Unchanged sub-units of a changed one are folded where they stand.
                self.unchanged(c);
            }
        }
    }

    fn unchanged(&mut self, p: &PairDiff) {
        let cmp = self.cmp;
        let Some(n) = p.new.or(p.old) else {
            return;
        };
        let doc = if p.new.is_some() { &cmp.new } else { &cmp.old };
        let name = pair_name(cmp, p);
        let mut texts = Vec::new();
        if let Some(h) = doc.node(n).heading.as_deref() {
            texts.push(h.to_string());
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

fn cell(html: &str) -> String {
    if html.is_empty() {
        "<span class=\"neant\">(néant)</span>".to_string()
    } else {
        html.to_string()
    }
}

fn summary_counts(cmp: &Comparison) -> Vec<String> {
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

/// Writes the comparison as a self-contained HTML « tableau comparatif ».
pub fn write_diff_html(
    cmp: &Comparison,
    options: &DiffRenderOptions,
    w: &mut impl Write,
) -> io::Result<()> {
    let (old_path, new_path) = (&cmp.old.source.path, &cmp.new.source.path);
    head(w, &format!("Tableau comparatif — {old_path} et {new_path}"))?;
    writeln!(w, "<header>")?;
    writeln!(w, "<h1>Tableau comparatif</h1>")?;
    writeln!(w, "<dl class=\"documents\">")?;
    for (label, doc) in [
        ("Rédaction actuelle", &cmp.old),
        ("Rédaction nouvelle", &cmp.new),
    ] {
        let title = doc_title(doc)
            .map(|t| format!(" — {}", escape(&t)))
            .unwrap_or_default();
        writeln!(
            w,
            "<dt>{label}</dt><dd><code>{}</code>{title}</dd>",
            escape(&doc.source.path)
        )?;
    }
    writeln!(w, "</dl>")?;
    writeln!(w, "</header>")?;

    let mut b = Builder::new(cmp, options);
    let mut rendered = Vec::new();
    for p in &cmp.pairs {
        if worth_showing(p, options.show_cosmetic) {
            b.rendered(p, &mut rendered);
        }
    }
    b.index_departures(&rendered.into_iter().collect());
    let mut only_global = Vec::new();
    for p in &cmp.pairs {
        if worth_showing(p, options.show_cosmetic) {
            b.unit(p);
        } else {
            if p.status == Status::Modified {
                only_global.push(pair_name(cmp, p));
            }
            b.unchanged(p);
        }
    }

    writeln!(w, "<nav aria-labelledby=\"synthese\">")?;
    writeln!(w, "<h2 id=\"synthese\">Synthèse</h2>")?;
    if !cmp.has_differences() {
        writeln!(w, "<p>Aucune différence de fond entre les deux textes.</p>")?;
    } else {
        writeln!(w, "<ul>")?;
        for c in summary_counts(cmp) {
            writeln!(w, "<li>{}</li>", escape(&c))?;
        }
        writeln!(w, "</ul>")?;
        writeln!(
            w,
            "<p>Changements, dans l'ordre de la rédaction nouvelle :</p>"
        )?;
        writeln!(w, "<ol>")?;
        for block in &b.blocks {
            if let Block::Unit {
                anchor,
                name,
                status,
                ..
            } = block
            {
                let status = if status.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", escape(status))
                };
                writeln!(
                    w,
                    "<li><a href=\"#{anchor}\">{}</a>{status}</li>",
                    escape(name)
                )?;
            }
        }
        if !cmp.globals.is_empty() {
            writeln!(
                w,
                "<li><a href=\"#remplacements\">Remplacements dans l'ensemble du texte</a></li>"
            )?;
        }
        writeln!(w, "</ol>")?;
    }
    writeln!(w, "</nav>")?;

    writeln!(w, "<main>")?;
    writeln!(w, "<h2 id=\"tableau\">Tableau comparatif</h2>")?;
    writeln!(w, "<table>")?;
    writeln!(
        w,
        "<caption>Rédaction actuelle ({}) et rédaction nouvelle ({}), unité par unité ; \
         mots supprimés barrés, mots insérés soulignés.</caption>",
        escape(old_path),
        escape(new_path)
    )?;
    writeln!(
        w,
        "<colgroup><col class=\"texte\"><col class=\"texte\"><col class=\"obs\"></colgroup>"
    )?;
    writeln!(
        w,
        "<thead><tr><th scope=\"col\">Rédaction actuelle</th><th scope=\"col\">Rédaction nouvelle</th><th scope=\"col\">Observations</th></tr></thead>"
    )?;
    for block in &b.blocks {
        match block {
            Block::Unit {
                anchor,
                name,
                status,
                rows,
            } => {
                writeln!(w, "<tbody id=\"{anchor}\">")?;
                let status = if status.is_empty() {
                    String::new()
                } else {
                    format!(" <span class=\"statut\">({})</span>", escape(status))
                };
                writeln!(
                    w,
                    "<tr><th scope=\"rowgroup\" colspan=\"3\" class=\"unite\">{}{status}</th></tr>",
                    escape(name)
                )?;
                for r in rows {
                    let id =
                        r.id.as_ref()
                            .map(|i| format!(" id=\"{i}\""))
                            .unwrap_or_default();
                    let class = if r.class.is_empty() {
                        String::new()
                    } else {
                        format!(" class=\"{}\"", r.class)
                    };
                    writeln!(
                        w,
                        "<tr{id}{class}><td>{}</td><td>{}</td><td>{}</td></tr>",
                        cell(&r.old),
                        cell(&r.new),
                        r.obs.join("<br>")
                    )?;
                }
                writeln!(w, "</tbody>")?;
            }
            Block::Unchanged { items } => {
                let names: Vec<&str> = items.iter().map(|(n, _)| n.as_str()).collect();
                let label = if names.len() <= 3 {
                    format!("{} : sans changement", names.join(", "))
                } else {
                    format!(
                        "{} unités sans changement ({} à {})",
                        names.len(),
                        names[0],
                        names[names.len() - 1]
                    )
                };
                writeln!(w, "<tbody class=\"inchangees\">")?;
                write!(
                    w,
                    "<tr><td colspan=\"3\"><details><summary>{}</summary>",
                    escape(&label)
                )?;
                for (name, texts) in items {
                    write!(w, "<div class=\"texte\"><strong>{}</strong>", escape(name))?;
                    for t in texts {
                        write!(w, "<p>{}</p>", escape(t))?;
                    }
                    write!(w, "</div>")?;
                }
                writeln!(w, "</details></td></tr>")?;
                writeln!(w, "</tbody>")?;
            }
        }
    }
    writeln!(w, "</table>")?;
    if !only_global.is_empty() {
        writeln!(
            w,
            "<p>Modifiés par les seuls remplacements ci-dessous : {}.</p>",
            escape(&only_global.join(", "))
        )?;
    }
    if !cmp.globals.is_empty() {
        writeln!(
            w,
            "<h2 id=\"remplacements\">Remplacements dans l'ensemble du texte</h2>"
        )?;
        writeln!(w, "<table>")?;
        writeln!(
            w,
            "<caption>Mots remplacés à l'identique dans plusieurs stipulations.</caption>"
        )?;
        writeln!(w, "<thead><tr><th scope=\"col\">Rédaction actuelle</th><th scope=\"col\">Rédaction nouvelle</th><th scope=\"col\">Occurrences</th></tr></thead>")?;
        writeln!(w, "<tbody>")?;
        for g in &cmp.globals {
            writeln!(
                w,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                deleted(&quote(&g.old)),
                inserted(&quote(&g.new)),
                g.count
            )?;
        }
        writeln!(w, "</tbody>")?;
        writeln!(w, "</table>")?;
    }
    writeln!(w, "</main>")?;
    writeln!(w, "</body>")?;
    writeln!(w, "</html>")
}

/// Writes the check of conventions against a template as an HTML page: the clause × convention
/// matrix with its legend, then each convention's report.
pub fn write_check_html(
    template: &Template,
    reports: &[CheckReport],
    w: &mut impl Write,
) -> io::Result<()> {
    let matrix = Matrix::new(template, reports);
    head(
        w,
        &format!(
            "Vérification de conventions sur le modèle {}",
            matrix.template
        ),
    )?;
    writeln!(w, "<header>")?;
    writeln!(w, "<h1>Vérification de conventions sur le modèle</h1>")?;
    writeln!(
        w,
        "<p>Modèle : <code>{}</code></p>",
        escape(&matrix.template)
    )?;
    writeln!(w, "</header>")?;
    writeln!(w, "<main>")?;
    writeln!(w, "<h2 id=\"matrice\">Matrice des clauses</h2>")?;
    writeln!(w, "<dl class=\"legende\">")?;
    for (class, term, def) in [
        (
            "conforme",
            "conforme",
            "la clause reprend le modèle, variables remplies",
        ),
        (
            "ecart",
            "adapté (n)",
            "n changements de mots ou d'alinéas par rapport au modèle",
        ),
        (
            "ecart",
            "absent",
            "la clause du modèle manque à la convention",
        ),
        (
            "accepte",
            "accepté",
            "écart admis par la liste --allow (il ne compte pas)",
        ),
        ("", "facultatif", "clause du modèle marquée « [optionnel] »"),
        (
            "",
            "+ clause ajoutée",
            "clause que le modèle n'a pas, ajoutée par une convention",
        ),
        ("", "—", "la convention n'a pas cette clause ajoutée"),
    ] {
        let class = if class.is_empty() {
            String::new()
        } else {
            format!(" class=\"{class}\"")
        };
        writeln!(
            w,
            "<dt><span{class}>{}</span></dt><dd>{}</dd>",
            escape(term),
            escape(def)
        )?;
    }
    writeln!(w, "</dl>")?;
    writeln!(w, "<table>")?;
    writeln!(
        w,
        "<caption>Clauses du modèle (lignes) et conventions vérifiées (colonnes)</caption>"
    )?;
    write!(
        w,
        "<thead><tr><th scope=\"col\">Clause</th><th scope=\"col\">Intitulé</th>"
    )?;
    for t in matrix.titles() {
        write!(w, "<th scope=\"col\">{}</th>", escape(&t))?;
    }
    writeln!(w, "</tr></thead>")?;
    writeln!(w, "<tbody>")?;
    for row in &matrix.rows {
        let mark = if row.added {
            "+ "
        } else if row.optional {
            "(facultatif) "
        } else {
            ""
        };
        let indent = "\u{a0}\u{a0}".repeat(row.depth);
        write!(
            w,
            "<tr><th scope=\"row\">{indent}{}<code>{}</code></th><td>{}</td>",
            escape(mark),
            escape(&row.key),
            escape(&row.heading)
        )?;
        for c in &row.cells {
            match c {
                None => write!(w, "<td>—</td>")?,
                Some(c) => {
                    let class = if c.deviates {
                        "ecart"
                    } else if c.status == ClauseStatus::Conforme {
                        "conforme"
                    } else {
                        "accepte"
                    };
                    write!(w, "<td class=\"{class}\">{}</td>", escape(&c.text))?
                }
            }
        }
        writeln!(w, "</tr>")?;
    }
    writeln!(w, "</tbody>")?;
    write!(w, "<tfoot><tr><th scope=\"row\" colspan=\"2\">Bilan</th>")?;
    for d in &matrix.deviations {
        let t = match d {
            0 => "conforme".to_string(),
            n => count(*n, "écart", "écarts"),
        };
        write!(w, "<td>{}</td>", escape(&t))?;
    }
    writeln!(w, "</tr></tfoot>")?;
    writeln!(w, "</table>")?;
    for r in reports {
        writeln!(w, "<section>")?;
        writeln!(w, "<h2>{}</h2>", escape(&r.convention))?;
        writeln!(w, "<p>{}</p>", escape(&r.summary()))?;
        writeln!(w, "<pre>{}</pre>", escape(&r.to_string()))?;
        writeln!(w, "</section>")?;
    }
    writeln!(w, "</main>")?;
    writeln!(w, "</body>")?;
    writeln!(w, "</html>")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(hex: &str) -> f64 {
        let c = |i: usize| {
            let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * c(0) + 0.7152 * c(2) + 0.0722 * c(4)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn text_colours_pass_wcag_aa() {
        // (text, background) pairs the stylesheet uses; AA asks 4.5:1 for body text.
        for (fg, bg) in [
            ("1e1e1e", "ffffff"),
            ("0a4a9e", "ffffff"),
            ("8f0000", "fde7e7"),
            ("0b5322", "e3f4e8"),
            ("595959", "ffffff"),
            ("444444", "ffffff"),
            ("1e1e1e", "dfe6f1"),
            ("1e1e1e", "f0f0f0"),
            ("1e1e1e", "fff4d6"),
            ("8f0000", "fdf3f3"),
            ("0b5322", "f1faf3"),
        ] {
            assert!(STYLE.contains(&format!("#{fg}")) || fg == "444444" || fg == "1e1e1e");
            assert!(
                contrast(fg, bg) >= 4.5,
                "#{fg} on #{bg}: {:.2}",
                contrast(fg, bg)
            );
        }
    }

    #[test]
    fn every_markup_character_is_escaped() {
        assert_eq!(
            escape("<script>&amp;\"'>"),
            "&lt;script&gt;&amp;amp;&quot;&#39;&gt;"
        );
    }
}
