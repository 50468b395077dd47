//! [`Comparison`] → [`Avenant`]: the amending act that turns the old convention into the new one,
//! in the légistique style of LEGISTIQUE.md, every instruction written so that
//! [`super::apply`] reads it back and executes it.
//!
//! # How the draft is built
//!
//! 1. Replacements the diff found repeated throughout ([`Comparison::globals`]) become one
//!    « Dans l'ensemble de la convention, … » sentence each, when they do not reach further than
//!    the new version does; the rest is diffed again on the text they leave.
//! 2. Each changed unit (préambule, article, sub-article, annexe), in the convention's order, gets
//!    one amending article; its instructions are executed at once on a working copy of the
//!    convention ([`super::apply::apply_instruction`]), so that every position (« le troisième
//!    alinéa ») and every quotation is computed on the text the previous instructions left, as
//!    `apply` will read them. Each unit is checked against the new version after its
//!    instructions; a unit that does not come out right is rewritten whole instead.
//! 3. Words or rewrite (LEGISTIQUE.md, thresholds in [`DraftOptions`]): inside an alinéa, more
//!    than `max_edits_per_alinea` separate edits or more than `rewrite_threshold` of its words
//!    changed → the alinéa is rewritten (or its only changed phrase); at least two alinéas
//!    touched and half or more of the article's → the article is rewritten; alinéas reordered,
//!    split or merged → the article is rewritten. Dates, amounts, numbers, rates and durations
//!    are never counted: they stay word replacements, cited by their noun.
//! 4. Quoted words must be found once by `apply`: when they occur several times in their
//!    alinéa, the phrase holding them is targeted if they are unique there, else the quotation
//!    is widened word by word until it is unique.
//!
//! # Round trip
//!
//! `apply(old, draft(compare(old, new)))` gives `new` for the units an avenant amends
//! (préambule, articles, annexes; titles, parties and signatures are only reached by the
//! replacements « dans l'ensemble de la convention »), cosmetic differences aside (case of a
//! heading, accent on a capital: never amended). With default options, inserted articles are
//! numbered « 5 bis » and deleted ones leave a gap, as the 1997 circular advises: the result
//! equals `new` modulo article labels. With [`DraftOptions::renumber`], the new numbering is
//! kept (« Les articles 6 à 9 deviennent respectivement les articles 7 à 10. ») and the result
//! equals `new` labels included. Known limits: an article inserted before the first one, or
//! a sub-article inserted first in its article, cannot be expressed with the model's
//! operations and is left out.

use super::apply::{apply, apply_instruction, occurrences, phrases};
use super::formules::{self, Changes, Style};
use super::model::{
    canonical_label, AlineaAt, AmendingArticle, Anchor, Avenant, AvenantParty, Instruction, Op,
    Position, Target, Unit, ValueType,
};
use crate::align::fold;
use crate::diff::{
    compare, diff_texts, Basis, ChangeTag, Comparison, DiffOptions, Field, PairDiff, WordChange,
};
use crate::model::{Document, NodeId, NodeKind};
use std::collections::{BTreeMap, BTreeSet};

/// Options of [`draft`].
#[derive(Debug, Clone, PartialEq)]
pub struct DraftOptions {
    /// « Avenant n° 1 ».
    pub numero: u32,
    /// The motive, written after « afin de »; `None`: a neutral sentence listing the changes.
    pub objet: Option<String>,
    /// Keep the new version's numbering (« Les articles 6 à 9 deviennent… ») instead of
    /// numbering inserted articles « 5 bis » and leaving deleted numbers empty.
    pub renumber: bool,
    /// « abrogé » instead of « supprimé » (rendering only: see [`DraftOptions::style`]).
    pub abroge: bool,
    pub lieu: Option<String>,
    pub date: Option<String>,
    /// Entry into force on a set date instead of on signature.
    pub date_effet: Option<String>,
    /// Share of an alinéa's words changed above which it is rewritten (0.4).
    pub rewrite_threshold: f64,
    /// Separate edits in one alinéa above which it is rewritten (2).
    pub max_edits_per_alinea: usize,
    /// Gather repeated replacements into « Dans l'ensemble de la convention… » (true).
    pub everywhere: bool,
}

impl Default for DraftOptions {
    fn default() -> Self {
        DraftOptions {
            numero: 1,
            objet: None,
            renumber: false,
            abroge: false,
            lieu: None,
            date: None,
            date_effet: None,
            rewrite_threshold: 0.4,
            max_edits_per_alinea: 2,
            everywhere: true,
        }
    }
}

impl DraftOptions {
    /// The rendering style these options ask for (« abrogé »).
    pub fn style(&self) -> Style {
        Style {
            abroge: self.abroge,
            ..Style::default()
        }
    }
}

/// Drafts the avenant that turns `cmp.old` into `cmp.new` (unverified: see [`draft_checked`]).
pub fn draft(cmp: &Comparison, options: &DraftOptions) -> Avenant {
    draft_with(cmp, options, &BTreeSet::new())
}

/// The units of the new version that the drafted act does not give back when applied to the
/// old one: what [`draft_checked`] refuses to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftError {
    /// The units, as a jurist names them (« article 5 », « annexe 2 », « préambule »).
    pub units: Vec<String>,
}

impl std::fmt::Display for DraftError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (noun, verb) = if self.units.len() > 1 {
            ("les unités", "ne reviennent")
        } else {
            ("l'unité", "ne revient")
        };
        write!(
            f,
            "l'avenant rédigé, appliqué à l'ancienne version, ne redonne pas la nouvelle : {noun} {} {verb} pas à l'identique ; aucun avenant n'est imprimé",
            self.units.join(", ")
        )
    }
}

impl std::error::Error for DraftError {}

/// Drafts the avenant and verifies it as `apply` will read it: the act is rendered, read back,
/// applied to the old version, and the result compared with the new one unit by unit
/// (articles, sub-articles, annexes, préambule, divisions; labels too with `renumber`). An
/// article that does not come back is redrafted whole (« est ainsi rédigé »); if some unit
/// still does not, the act is refused with the units named, never returned known-wrong.
pub fn draft_checked(cmp: &Comparison, options: &DraftOptions) -> Result<Avenant, DraftError> {
    let av = draft(cmp, options);
    let failing = verify(cmp, &av, options);
    if failing.is_empty() {
        return Ok(av);
    }
    // Escalate: every failing article that exists in the old version is rewritten whole.
    let force: BTreeSet<String> = failing
        .iter()
        .filter_map(|f| f.old_article.clone())
        .collect();
    if force.is_empty() {
        return Err(DraftError {
            units: failing.into_iter().map(|f| f.name).collect(),
        });
    }
    let av = draft_with(cmp, options, &force);
    let failing = verify(cmp, &av, options);
    if failing.is_empty() {
        Ok(av)
    } else {
        Err(DraftError {
            units: failing.into_iter().map(|f| f.name).collect(),
        })
    }
}

/// A unit of the new version that the act does not give back.
struct Failing {
    name: String,
    /// The old article it comes from, if any (canonical label): what escalation rewrites.
    old_article: Option<String>,
}

/// The amended units of a document, one signature each (kind, label unless `labels` is false,
/// heading, then every descendant's kind, label, level and text), with the unit's name.
fn unit_signatures(doc: &Document, labels: bool) -> Vec<(String, String, NodeId)> {
    let mut out = Vec::new();
    for &top in doc.top_level() {
        let n = doc.node(top);
        if !matches!(
            n.kind,
            NodeKind::Article | NodeKind::Annexe | NodeKind::Preambule | NodeKind::Structure
        ) {
            continue;
        }
        let mut sig = String::new();
        for id in std::iter::once(top).chain(doc.descendants(top)) {
            let x = doc.node(id);
            let label = if labels || x.kind != NodeKind::Article {
                x.label.as_deref().unwrap_or("")
            } else {
                ""
            };
            let heading = x.heading.as_deref().map(fold).unwrap_or_default();
            // A unit's own text is its heading line (number and case of « ANNEXE » included):
            // compared through its label and folded heading instead.
            let text = if matches!(
                x.kind,
                NodeKind::Article | NodeKind::Annexe | NodeKind::Structure | NodeKind::Preambule
            ) {
                ""
            } else {
                x.text.as_str()
            };
            sig.push_str(&format!(
                "{}|{}|{}|{}|{}\n",
                x.kind.as_str(),
                label,
                heading,
                x.level,
                crate::diff::fold_capital_accents(text)
            ));
        }
        let name = match (n.kind, n.label.as_deref()) {
            (NodeKind::Article, Some(l)) => format!("article {l}"),
            (NodeKind::Annexe, Some(l)) => format!("annexe {l}"),
            (NodeKind::Annexe, None) => "annexe".to_string(),
            (NodeKind::Preambule, _) => "préambule".to_string(),
            (_, l) => n
                .heading
                .clone()
                .or(l.map(str::to_string))
                .unwrap_or_else(|| n.key.clone()),
        };
        out.push((sig, name, top));
    }
    out
}

/// Renders the act, reads it back, applies it to the old version and compares the result with
/// the new one unit by unit; returns the units that do not come back.
fn verify(cmp: &Comparison, av: &Avenant, options: &DraftOptions) -> Vec<Failing> {
    let everything = |why: String| {
        vec![Failing {
            name: format!("l'avenant entier ({why})"),
            old_article: None,
        }]
    };
    let applied = if av.articles.iter().all(|a| a.instructions.is_empty()) {
        // Nothing to apply (`apply` would refuse it): the old version must already be the new.
        cmp.old.clone()
    } else {
        let text = super::render::markdown(av);
        let read = match super::read::parse_avenant(&text) {
            Ok(read) => read,
            Err(e) => return everything(format!("relu : {e}")),
        };
        match apply(&cmp.old, &read) {
            Ok(applied) => applied,
            Err(e) => return everything(format!("appliqué : {e}")),
        }
    };
    let labels = options.renumber;
    let got = unit_signatures(&applied, labels);
    let want = unit_signatures(&cmp.new, labels);
    let a: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
    let b: Vec<&str> = want.iter().map(|w| w.0.as_str()).collect();
    let mut failing = Vec::new();
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b) {
        if let similar::DiffOp::Equal { .. } = op {
            continue;
        }
        let new_range = op.new_range();
        if new_range.is_empty() {
            // A unit the act leaves that the new version lacks.
            for (_, name, _) in &got[op.old_range()] {
                failing.push(Failing {
                    name: format!("{name} (en trop)"),
                    old_article: None,
                });
            }
        }
        for (_, name, id) in &want[new_range] {
            let old_article = cmp
                .pairs
                .iter()
                .find(|p| p.new == Some(*id))
                .and_then(|p| p.old)
                .filter(|o| cmp.old.node(*o).kind == NodeKind::Article)
                .map(|o| canonical_label(cmp.old.node(o).label.as_deref().unwrap_or("")));
            failing.push(Failing {
                name: name.clone(),
                old_article,
            });
        }
    }
    failing
}

/// [`draft`], with the old articles whose labels are in `force` rewritten whole.
fn draft_with(cmp: &Comparison, options: &DraftOptions, force: &BTreeSet<String>) -> Avenant {
    let mut av = header(&cmp.old, options);
    let mut articles: Vec<(String, Vec<Instruction>)> = Vec::new();
    let mut changes = Changes::default();

    // 1. Replacements everywhere, then a fresh comparison on the text they leave.
    let mut everywhere = Vec::new();
    let mut base = cmp.old.clone();
    if options.everywhere {
        for g in &cmp.globals {
            // Names and typed values only: a repeated fragment of ordinary words (« quarante »
            // in two amounts in letters) stays with its occurrences.
            let named = |w: &str| w.chars().any(char::is_uppercase);
            let typed = g.value_type != crate::diff::ValueType::Text;
            if g.old.trim().is_empty()
                || g.new.trim().is_empty()
                || !(typed || named(&g.old) || named(&g.new))
            {
                continue;
            }
            let ins = Instruction {
                target: Target::convention(),
                op: Op::ReplaceEverywhere {
                    old: g.old.clone(),
                    new: g.new.clone(),
                    value_type: typed_noun(g.value_type),
                },
            };
            let probe = Avenant {
                articles: vec![AmendingArticle {
                    number: 1,
                    heading: String::new(),
                    instructions: vec![ins.clone()],
                }],
                ..Avenant::default()
            };
            let Ok(after) = apply(&base, &probe) else {
                continue;
            };
            // Not further than the new version goes: no more of the new words than it has.
            let reach =
                |d: &Document| count_all(d, &g.new) + count_all(d, &formules::capitalise(&g.new));
            if reach(&after) > reach(&cmp.new) {
                continue;
            }
            changes.everywhere.push((g.old.clone(), g.new.clone()));
            everywhere.push(ins);
            base = after;
        }
    }
    let recompared;
    let cmp: &Comparison = if everywhere.is_empty() {
        cmp
    } else {
        articles.push((formules::everywhere_heading(), everywhere));
        recompared = compare(base, cmp.new.clone(), &DiffOptions::default());
        &recompared
    };

    // 2. Unit by unit.
    let mut d = Drafter {
        cmp,
        opts: options,
        w: cmp.old.clone(),
        inserted_labels: BTreeMap::new(),
        changes,
        force,
    };
    let mut units = Vec::new();
    collect_units(cmp, &cmp.pairs, &mut units);
    let mut deferred: Vec<&PairDiff> = Vec::new();
    let mut renumber: (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    for p in units {
        let kind = pair_kind(cmp, p);
        match (kind, p.old, p.new) {
            (NodeKind::Article, Some(o), Some(n)) if !p.moved => {
                if let Some(a) = d.modify_article(p, o, n) {
                    articles.push(a);
                }
                if options.renumber {
                    let from = d.label(o);
                    let to = canonical_label(cmp.new.node(n).label.as_deref().unwrap_or(""));
                    if canonical_label(&from) != to {
                        renumber.0.push(from);
                        renumber.1.push(to);
                    }
                }
            }
            (NodeKind::Article, Some(o), n) => {
                articles.push(d.delete_article(o));
                if let (Some(_), true) = (n, options.renumber) {
                    deferred.push(p);
                } else if n.is_some() {
                    articles.extend(d.insert_article(p));
                }
            }
            (NodeKind::Article, None, Some(_)) => {
                if options.renumber {
                    deferred.push(p);
                } else {
                    articles.extend(d.insert_article(p));
                }
            }
            (NodeKind::Annexe, o, n) => articles.extend(d.annex(o, n)),
            (NodeKind::Preambule, Some(o), Some(n)) => articles.extend(d.preambule(p, o, n)),
            _ => {}
        }
    }
    if !renumber.0.is_empty() {
        let ins = Instruction {
            target: Target::convention(),
            op: Op::Renumber {
                from: renumber.0,
                to: renumber.1,
            },
        };
        if apply_instruction(&mut d.w, &ins).is_ok() {
            d.changes.renumbered = true;
            articles.push((formules::renumbering_heading(), vec![ins]));
        }
    }
    for p in deferred {
        articles.extend(d.insert_article(p));
    }

    av.objet = options.objet.clone().or_else(|| {
        // The model holds normalised text: plain spaces inside the guillemets.
        let plain = Style {
            space: ' ',
            ..options.style()
        };
        formules::objet_neutre(&d.changes, &plain)
    });
    av.articles = articles
        .into_iter()
        .filter(|(_, ins)| !ins.is_empty())
        .enumerate()
        .map(|(i, (heading, instructions))| AmendingArticle {
            number: i as u32 + 1,
            heading,
            instructions,
        })
        .collect();
    av
}

// ----- header -----

fn header(old: &Document, options: &DraftOptions) -> Avenant {
    let title = old
        .nodes
        .iter()
        .find(|n| n.kind == NodeKind::Titre)
        .map(|n| lower_first(n.text.trim()))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "convention".into());
    let parties = old
        .parties()
        .into_iter()
        .map(|p| AvenantParty {
            name: p.name.clone(),
            short_name: p.short_name.clone(),
        })
        .collect();
    Avenant {
        numero: options.numero,
        title,
        convention_date: convention_date(old),
        parties,
        visa: Vec::new(),
        objet: None,
        articles: Vec::new(),
        effet: options.date_effet.clone(),
        lieu: options.lieu.clone(),
        date: options.date.clone(),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        // « Convention … » → « convention … », but an acronym stays as written.
        Some(f) if !c.clone().next().is_some_and(char::is_uppercase) => {
            f.to_lowercase().collect::<String>() + c.as_str()
        }
        Some(_) => s.to_string(),
        None => String::new(),
    }
}

/// The date of « Fait à Paris, le 2/4/2021 » (numeric dates written out), if any.
fn convention_date(old: &Document) -> Option<String> {
    let line = old
        .nodes
        .iter()
        .filter(|n| n.kind.is_alinea_like())
        .map(|n| n.text.trim())
        .find(|t| t.starts_with("Fait à") || t.starts_with("Fait a"))?;
    let (_, date) = line.split_once(", le ")?;
    let date = date
        .trim()
        .trim_end_matches(['.', ',', ';'])
        .trim()
        .to_string();
    if date.is_empty() || !date.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let nums: Vec<&str> = date.split(['/', '.', '-']).collect();
    if let [d, m, y] = nums.as_slice() {
        if let (Ok(d), Ok(m), Ok(y)) = (d.parse(), m.parse(), y.parse::<u32>()) {
            let y = if y < 100 { 2000 + y } else { y };
            return formules::long_date(d, m, y);
        }
    }
    Some(date)
}

// ----- walking the comparison -----

fn pair_kind(cmp: &Comparison, p: &PairDiff) -> NodeKind {
    p.new
        .map(|n| cmp.new.node(n).kind)
        .or(p.old.map(|o| cmp.old.node(o).kind))
        .unwrap_or(NodeKind::Unclassified)
}

/// The préambule, articles (sub-articles after their article) and annexes, in order.
fn collect_units<'a>(cmp: &Comparison, pairs: &'a [PairDiff], out: &mut Vec<&'a PairDiff>) {
    for p in pairs {
        match pair_kind(cmp, p) {
            NodeKind::Article => {
                out.push(p);
                collect_units(cmp, &p.children, out);
            }
            NodeKind::Annexe | NodeKind::Preambule => out.push(p),
            NodeKind::Structure | NodeKind::Document => collect_units(cmp, &p.children, out),
            _ => {}
        }
    }
}

/// Occurrences of `words` in every text of the document.
fn count_all(doc: &Document, words: &str) -> usize {
    doc.descendants(doc.root())
        .into_iter()
        .map(|id| {
            let n = doc.node(id);
            let cells: usize = n.cells.iter().map(|c| occurrences(c, words).len()).sum();
            if n.kind == NodeKind::Row {
                cells
            } else {
                occurrences(&n.text, words).len()
            }
        })
        .sum()
}

// ----- comparing units -----

/// A text as the diff compares it: capital accents are cosmetic.
fn text_key(s: &str) -> String {
    crate::diff::fold_capital_accents(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn heading_key(h: Option<&str>) -> String {
    fold(h.unwrap_or(""))
}

/// The content of a unit's own children (sub-articles excluded), as compared.
fn content(doc: &Document, id: NodeId) -> Vec<String> {
    let mut out = Vec::new();
    for c in doc.children(id) {
        let n = doc.node(*c);
        match n.kind {
            NodeKind::Article => {}
            NodeKind::Table => {
                out.push("table".into());
                for r in doc.children(*c) {
                    let cells: Vec<String> =
                        doc.node(*r).cells.iter().map(|x| text_key(x)).collect();
                    out.push(format!("row {}", cells.join(" | ")));
                }
            }
            k => out.push(format!(
                "{} {} {:?} {}",
                k.as_str(),
                n.level,
                n.label,
                text_key(&n.text)
            )),
        }
    }
    out
}

fn same_unit(w: &Document, wid: NodeId, new: &Document, nid: NodeId) -> bool {
    heading_key(w.node(wid).heading.as_deref()) == heading_key(new.node(nid).heading.as_deref())
        && content(w, wid) == content(new, nid)
}

fn has_sub_articles(doc: &Document, id: NodeId) -> bool {
    doc.children(id)
        .iter()
        .any(|c| doc.node(*c).kind == NodeKind::Article)
}

fn has_table(doc: &Document, id: NodeId) -> bool {
    doc.children(id)
        .iter()
        .any(|c| doc.node(*c).kind == NodeKind::Table)
}

/// A leaf as quoted in the avenant: bullets with « – », rows as `| a | b |`.
fn leaf_line(doc: &Document, id: NodeId) -> String {
    let n = doc.node(id);
    match n.kind {
        NodeKind::Item if n.label.is_none() => format!("– {}", n.text),
        NodeKind::Row => collapse(&format!("| {} |", n.cells.join(" | "))),
        _ => n.text.clone(),
    }
}

/// A leaf quoted to rewrite `old` in place: a bullet rewriting a bullet is quoted without its
/// dash, so that `apply` keeps it the item it was, at its nesting level.
fn rewrite_line(old: &crate::model::Node, doc: &Document, id: NodeId) -> String {
    let n = doc.node(id);
    let bullets = |x: &crate::model::Node| x.kind == NodeKind::Item && x.label.is_none();
    if bullets(old) && bullets(n) && old.level == n.level {
        n.text.clone()
    } else {
        leaf_line(doc, id)
    }
}

/// The lines of a unit's own content (sub-articles excluded), tables as rows.
fn unit_lines(doc: &Document, id: NodeId) -> Vec<String> {
    let mut out = Vec::new();
    for c in doc.children(id) {
        match doc.node(*c).kind {
            NodeKind::Article => {}
            NodeKind::Table => out.extend(doc.children(*c).iter().map(|r| leaf_line(doc, *r))),
            _ => out.push(leaf_line(doc, *c)),
        }
    }
    out
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn value_type(c: &WordChange) -> Option<ValueType> {
    if c.old.is_empty() || c.new.is_empty() {
        return None;
    }
    typed_noun(c.value_type)
}

/// The légistique noun of a diff value type (la date, le montant…), none for plain words.
fn typed_noun(vt: crate::diff::ValueType) -> Option<ValueType> {
    use crate::diff::ValueType as V;
    match vt {
        V::Text => None,
        V::Date => Some(ValueType::Date),
        V::Amount => Some(ValueType::Montant),
        V::Number => Some(ValueType::Nombre),
        V::Duration => Some(ValueType::Duree),
        V::Percent => Some(ValueType::Taux),
    }
}

// ----- the drafter -----

struct Drafter<'a> {
    cmp: &'a Comparison,
    opts: &'a DraftOptions,
    /// The convention as the instructions drafted so far leave it.
    w: Document,
    /// Label given in `w` to each inserted article of the new version.
    inserted_labels: BTreeMap<NodeId, String>,
    changes: Changes,
    /// Old articles (canonical labels) to rewrite whole: the verification's escalation.
    force: &'a BTreeSet<String>,
}

impl<'a> Drafter<'a> {
    fn label(&self, id: NodeId) -> String {
        canonical_label(self.w.node(id).label.as_deref().unwrap_or(""))
    }

    fn exec(&mut self, ins: &Instruction) -> Result<(), String> {
        apply_instruction(&mut self.w, ins)
    }

    /// Runs `f` on the working copy; restores it when `f` fails.
    fn attempt(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<Vec<Instruction>, String>,
    ) -> Result<Vec<Instruction>, String> {
        let saved = self.w.clone();
        let r = f(self);
        if r.is_err() {
            self.w = saved;
        }
        r
    }

    // ----- articles -----

    fn modify_article(
        &mut self,
        p: &PairDiff,
        o: NodeId,
        n: NodeId,
    ) -> Option<(String, Vec<Instruction>)> {
        let new = &self.cmp.new;
        if same_unit(&self.w, o, new, n) {
            return None;
        }
        let unit = Unit::article(&self.label(o));
        let forced = self.force.contains(&self.label(o));
        let fine = self.attempt(|d| {
            if forced {
                return Err("escalated".into());
            }
            let ins = d.article_fine(p, o, n, &unit)?;
            if same_unit(&d.w, o, &d.cmp.new, n) {
                Ok(ins)
            } else {
                Err("mismatch".into())
            }
        });
        let ins = match fine {
            Ok(ins) => ins,
            Err(_) => self.article_rewrite(o, n, &unit),
        };
        if let Unit::Article { label } = &unit {
            self.changes.modified_articles.push(label.clone());
        }
        Some((formules::modification_heading(&unit), ins))
    }

    /// The whole article quoted (or, when it holds sub-articles, all its own alinéas).
    fn article_rewrite(&mut self, o: NodeId, n: NodeId, unit: &Unit) -> Vec<Instruction> {
        let new = &self.cmp.new;
        let target = Target::unit(unit.clone());
        let mut out = Vec::new();
        if has_sub_articles(&self.w, o) || has_sub_articles(new, n) {
            if heading_key(self.w.node(o).heading.as_deref())
                != heading_key(new.node(n).heading.as_deref())
            {
                if let Some(h) = new.node(n).heading.clone() {
                    out.push(Instruction {
                        target: target.clone().with_heading(),
                        op: Op::RewriteHeading { heading: h },
                    });
                }
            }
            let count = self.w.alineas(o).len() as u32;
            let lines = unit_lines(new, n);
            let op = match (count, lines.is_empty()) {
                (0, true) => None,
                (0, false) => Some((
                    target.clone(),
                    Op::AddAlineas {
                        at: AlineaAt::Start,
                        alineas: lines,
                    },
                )),
                (c, true) => Some((
                    target.clone().with_alinea(Position::of(1, c)),
                    Op::DeleteAlineas { count: c },
                )),
                (c, false) => Some((
                    target.clone().with_alinea(Position::Nth(1)),
                    Op::RewriteAlineas {
                        count: c,
                        alineas: lines,
                    },
                )),
            };
            if let Some((target, op)) = op {
                out.push(Instruction { target, op });
            }
        } else {
            out.push(Instruction {
                target,
                op: Op::RewriteArticle {
                    heading: new.node(n).heading.clone(),
                    alineas: unit_lines(new, n),
                },
            });
        }
        for ins in &out {
            let _ = self.exec(ins);
        }
        out
    }

    /// Heading, then the alinéas one by one; `Err` when the article must be rewritten whole.
    fn article_fine(
        &mut self,
        p: &PairDiff,
        o: NodeId,
        n: NodeId,
        unit: &Unit,
    ) -> Result<Vec<Instruction>, String> {
        let new = &self.cmp.new;
        let mut out = Vec::new();
        if has_table(&self.w, o) || has_table(new, n) {
            let old_t: Vec<String> = content(&self.w, o)
                .into_iter()
                .filter(|l| l.starts_with("row") || l == "table")
                .collect();
            let new_t: Vec<String> = content(new, n)
                .into_iter()
                .filter(|l| l.starts_with("row") || l == "table")
                .collect();
            if old_t != new_t {
                return Err("table".into());
            }
        }
        let target = Target::unit(unit.clone());
        if heading_key(self.w.node(o).heading.as_deref())
            != heading_key(new.node(n).heading.as_deref())
        {
            let Some(h) = new.node(n).heading.clone() else {
                return Err("heading removed".into());
            };
            let ins = Instruction {
                target: target.clone().with_heading(),
                op: Op::RewriteHeading { heading: h },
            };
            self.exec(&ins)?;
            out.push(ins);
        }
        out.extend(self.alineas_fine(p, o, n, unit, true)?);
        Ok(out)
    }

    /// The alinéa-level instructions of a unit (article or préambule).
    fn alineas_fine(
        &mut self,
        p: &PairDiff,
        o: NodeId,
        n: NodeId,
        unit: &Unit,
        article: bool,
    ) -> Result<Vec<Instruction>, String> {
        let cmp = self.cmp;
        let old_leaves = cmp.old.alineas(o);
        let new_leaves = cmp.new.alineas(n);
        // Kept leaves: pairs of this unit's children with both sides here.
        let mut kept: Vec<(usize, usize, &PairDiff)> = Vec::new();
        for c in &p.children {
            let (Some(co), Some(cn)) = (c.old, c.new) else {
                continue;
            };
            let (Some(oi), Some(ni)) = (
                old_leaves.iter().position(|x| *x == co),
                new_leaves.iter().position(|x| *x == cn),
            ) else {
                continue;
            };
            if matches!(c.basis, Basis::Split | Basis::Merge) {
                if article {
                    return Err("split or merge".into());
                }
                continue;
            }
            if kept.iter().any(|k| k.0 == oi || k.1 == ni) {
                continue;
            }
            kept.push((oi, ni, c));
        }
        kept.sort_by_key(|k| k.1);
        if kept.windows(2).any(|w| w[0].0 >= w[1].0) {
            if article {
                return Err("reordered".into());
            }
            kept.retain(|k| !k.2.moved);
            kept.dedup_by(|b, a| b.0 <= a.0);
        }
        // Decide each kept leaf, and count what is touched.
        let mut touched = 0usize;
        let mut plan: Vec<(usize, usize, bool)> = Vec::new();
        for (oi, ni, c) in &kept {
            let (on, nn) = (cmp.old.node(old_leaves[*oi]), cmp.new.node(new_leaves[*ni]));
            let differs = text_key(&on.text) != text_key(&nn.text)
                || on.kind != nn.kind
                || on.label != nn.label
                || on.cells != nn.cells && on.kind == NodeKind::Row;
            if !differs {
                plan.push((*oi, *ni, false));
                continue;
            }
            let rewrite =
                on.kind != nn.kind || on.label != nn.label || self.too_many(&on.text, &nn.text);
            let plain = c
                .substantive()
                .any(|ch| value_type(ch).is_none() && ch.global.is_none());
            if rewrite || plain {
                touched += 1;
            }

            plan.push((*oi, *ni, true));
        }
        // Between two kept leaves, deleted and inserted ones replace each other: a replaced
        // alinéa is touched once.
        let (mut po, mut pn) = (0usize, 0usize);
        for (oi, ni) in plan
            .iter()
            .map(|k| (k.0, k.1))
            .chain(std::iter::once((old_leaves.len(), new_leaves.len())))
        {
            touched += oi.saturating_sub(po).max(ni.saturating_sub(pn));
            po = oi + 1;
            pn = ni + 1;
        }
        let total = old_leaves.len().max(new_leaves.len());
        if article && touched >= 2 && touched * 2 >= total {
            return Err("half of the article".into());
        }
        // Emit in order, positions on the text as it is being edited.
        let mut out = Vec::new();
        let mut at = 0usize; // leaves of the working unit already passed
        let mut prev_old = 0usize; // next old leaf not yet passed
        let mut prev_new = 0usize;
        let mut steps: Vec<(usize, usize, Option<bool>)> =
            plan.iter().map(|k| (k.0, k.1, Some(k.2))).collect();
        steps.push((old_leaves.len(), new_leaves.len(), None));
        for (oi, ni, keep) in steps {
            let deleted = oi.saturating_sub(prev_old);
            let inserted: Vec<String> = new_leaves[prev_new..ni]
                .iter()
                .map(|id| leaf_line(&cmp.new, *id))
                .collect();
            let target = Target::unit(unit.clone());
            let total_now = self.w.alineas(o).len();
            let gap = match (deleted, inserted.len()) {
                (0, 0) => None,
                (d, 0) => Some((
                    if d == 1 {
                        target.with_alinea(Position::of(at as u32 + 1, total_now as u32))
                    } else {
                        target.with_alinea(Position::Nth(at as u32 + 1))
                    },
                    Op::DeleteAlineas { count: d as u32 },
                )),
                (0, _) if total_now == 0 || at == total_now => (
                    target,
                    Op::AddAlineas {
                        at: AlineaAt::End,
                        alineas: inserted.clone(),
                    },
                )
                    .into(),
                (0, _) if at == 0 => (
                    target,
                    Op::AddAlineas {
                        at: AlineaAt::Start,
                        alineas: inserted.clone(),
                    },
                )
                    .into(),
                (0, _) => Some((
                    target.with_alinea(Position::of(at as u32, total_now as u32)),
                    Op::InsertAlineas {
                        alineas: inserted.clone(),
                    },
                )),
                (d, _) => Some((
                    if d == 1 {
                        target.with_alinea(Position::of(at as u32 + 1, total_now as u32))
                    } else {
                        target.with_alinea(Position::Nth(at as u32 + 1))
                    },
                    Op::RewriteAlineas {
                        count: d as u32,
                        alineas: inserted.clone(),
                    },
                )),
            };
            if let Some((target, op)) = gap {
                let ins = Instruction { target, op };
                self.exec(&ins)?;
                out.push(ins);
                at += inserted.len();
            }
            if let Some(differs) = keep {
                at += 1;
                if differs {
                    let leaf = self.w.alineas(o).get(at - 1).copied().ok_or("leaf lost")?;
                    out.extend(self.leaf(o, leaf, new_leaves[ni], unit, at)?);
                }
            }
            prev_old = oi + 1;
            prev_new = ni + 1;
        }
        Ok(out)
    }

    /// True when an alinéa's changes call for rewriting it (typed values not counted).
    fn too_many(&self, old_text: &str, new_text: &str) -> bool {
        let changes = edits(old_text, new_text);
        let plain: Vec<&WordChange> = changes
            .iter()
            .filter(|ch| value_type(ch).is_none())
            .collect();
        let words: usize = plain
            .iter()
            .map(|ch| word_count(&ch.old).max(word_count(&ch.new)))
            .sum();
        plain.len() > self.opts.max_edits_per_alinea
            || words as f64 > self.opts.rewrite_threshold * word_count(old_text).max(1) as f64
    }

    /// Instructions turning one working leaf into the new one: words, a phrase, or the alinéa.
    fn leaf(
        &mut self,
        unit_id: NodeId,
        leaf: NodeId,
        new_leaf: NodeId,
        unit: &Unit,
        at: usize,
    ) -> Result<Vec<Instruction>, String> {
        let new = &self.cmp.new;
        let (wn, nn) = (self.w.node(leaf).clone(), new.node(new_leaf));
        let total = self.w.alineas(unit_id).len() as u32;
        let target = Target::unit(unit.clone()).with_alinea(Position::of(at as u32, total));
        let whole = wn.kind != nn.kind || wn.label != nn.label || self.too_many(&wn.text, &nn.text);
        if !whole {
            let r = self.attempt(|d| d.words(unit_id, leaf, new_leaf, unit, &target));
            if let Ok(ins) = r {
                return Ok(ins);
            }
        }
        // One phrase changed among several: rewrite that phrase.
        let (ot, nt) = (wn.text.clone(), nn.text.clone());
        let (op_, np_) = (phrases(&ot), phrases(&nt));
        if wn.kind == nn.kind && wn.label == nn.label && op_.len() == np_.len() && op_.len() > 1 {
            let differing: Vec<usize> = (0..op_.len())
                .filter(|i| {
                    text_key(&ot[op_[*i].0..op_[*i].1]) != text_key(&nt[np_[*i].0..np_[*i].1])
                })
                .collect();
            if let [k] = differing.as_slice() {
                let ins = Instruction {
                    target: target
                        .clone()
                        .with_phrase(Position::of(*k as u32 + 1, op_.len() as u32)),
                    op: Op::RewritePhrase {
                        text: nt[np_[*k].0..np_[*k].1].to_string(),
                    },
                };
                let r = self.attempt(|d| {
                    d.exec(&ins)?;
                    if text_key(&d.w.node(leaf).text) == text_key(&nt) {
                        Ok(vec![ins.clone()])
                    } else {
                        Err("phrase".into())
                    }
                });
                if let Ok(ins) = r {
                    return Ok(ins);
                }
            }
        }
        let ins = Instruction {
            target,
            op: Op::RewriteAlineas {
                count: 1,
                alineas: vec![rewrite_line(&wn, new, new_leaf)],
            },
        };
        self.exec(&ins)?;
        Ok(vec![ins])
    }

    /// Word-level instructions, one change at a time, re-diffing the edited text each time.
    fn words(
        &mut self,
        unit_id: NodeId,
        leaf: NodeId,
        new_leaf: NodeId,
        unit: &Unit,
        target: &Target,
    ) -> Result<Vec<Instruction>, String> {
        let new_text = self.cmp.new.node(new_leaf).text.clone();
        let mut out = Vec::new();
        let limit = 2 * diff_texts(&self.w.node(leaf).text, &new_text, Field::Text).len() + 2;
        for _ in 0..limit {
            let text = self.w.node(leaf).text.clone();
            if text_key(&text) == text_key(&new_text) {
                return Ok(out);
            }
            let changes = edits(&text, &new_text);
            let Some(ch) = changes.first() else {
                return Ok(out);
            };
            let ins = self.word_instruction(unit_id, leaf, unit, target, &text, ch)?;
            self.exec(&ins)?;
            out.push(ins);
        }
        if text_key(&self.w.node(leaf).text) == text_key(&new_text) {
            Ok(out)
        } else {
            Err("words".into())
        }
    }

    /// Texts searched when the target is the unit itself (as `apply` searches them).
    fn unit_texts(&self, unit_id: NodeId) -> Vec<(NodeId, String)> {
        let mut out = Vec::new();
        for id in self.w.descendants(unit_id) {
            let n = self.w.node(id);
            if n.kind == NodeKind::Row {
                out.extend(n.cells.iter().map(|c| (id, c.clone())));
            } else if n.kind.is_alinea_like() {
                out.push((id, n.text.clone()));
            }
        }
        out
    }

    /// The target words are unique in: the unit (when it has a single alinéa), the alinéa, or
    /// the phrase; `None` when they are not unique in any.
    fn scope_for(
        &self,
        unit_id: NodeId,
        leaf: NodeId,
        target: &Target,
        text: &str,
        words: &str,
        pos: usize,
    ) -> Option<Target> {
        let mine = occurrences(text, words);
        if !mine.contains(&pos) {
            return None;
        }
        if mine.len() == 1 {
            if self.w.alineas(unit_id).len() == 1 {
                let all: usize = self
                    .unit_texts(unit_id)
                    .iter()
                    .map(|(_, t)| occurrences(t, words).len())
                    .sum();
                if all == 1 {
                    return Some(Target::unit(target.unit.clone()));
                }
            }
            return Some(target.clone());
        }
        let ph = phrases(text);
        if ph.len() > 1 {
            let k = ph
                .iter()
                .position(|r| r.0 <= pos && pos < r.1.max(r.0 + 1))?;
            let (s, e) = ph[k];
            if pos + words.len() <= e {
                let inside = occurrences(&text[s..e], words);
                if inside.len() == 1 {
                    let _ = leaf;
                    return Some(
                        target
                            .clone()
                            .with_phrase(Position::of(k as u32 + 1, ph.len() as u32)),
                    );
                }
            }
        }
        None
    }

    fn word_instruction(
        &self,
        unit_id: NodeId,
        leaf: NodeId,
        unit: &Unit,
        target: &Target,
        text: &str,
        ch: &WordChange,
    ) -> Result<Instruction, String> {
        let _ = unit;
        // The old words without the spaces around them (a merged edit may start at a space).
        let (mut s, mut e) = (
            ch.old_range.start.min(text.len()),
            ch.old_range.end.min(text.len()),
        );
        while s < e && text[s..].starts_with(char::is_whitespace) {
            s += text[s..].chars().next().map_or(1, char::len_utf8);
        }
        while e > s && text[..e].ends_with(char::is_whitespace) {
            e -= text[..e].chars().next_back().map_or(1, char::len_utf8);
        }
        let tag = if s == e { ChangeTag::Insert } else { ch.tag };
        let ch = &WordChange {
            tag,
            new: ch.new.trim().to_string(),
            ..ch.clone()
        };
        match ch.tag {
            ChangeTag::Insert => {
                if text[..s].trim().is_empty() {
                    return Ok(Instruction {
                        target: self.single_scope(unit_id, target),
                        op: Op::AddWordsAtStart {
                            words: ch.new.trim().to_string(),
                        },
                    });
                }
                if text[s..]
                    .chars()
                    .all(|c| matches!(c, '.' | ';' | ':' | '!' | '?' | '…' | ' '))
                {
                    return Ok(Instruction {
                        target: self.single_scope(unit_id, target),
                        op: Op::AddWordsAtEnd {
                            words: ch.new.trim().to_string(),
                        },
                    });
                }
                // After the words before, widened to the left until unique.
                let mut a = chunk_start(text, s);
                loop {
                    let anchor = text[a..s].trim();
                    if !anchor.is_empty() {
                        let pos = a + (text[a..s].len() - text[a..s].trim_start().len());
                        if let Some(t) = self.scope_for(unit_id, leaf, target, text, anchor, pos) {
                            return Ok(Instruction {
                                target: t,
                                op: Op::InsertWords {
                                    anchor: Anchor::After(anchor.to_string()),
                                    words: ch.new.trim().to_string(),
                                },
                            });
                        }
                    }
                    if a == 0 {
                        return Err("anchor".into());
                    }
                    a = chunk_start(text, a);
                }
            }
            ChangeTag::Delete | ChangeTag::Replace => {
                let old = &text[s..e];
                let vt = value_type(ch);
                if let Some(t) = self.scope_for(unit_id, leaf, target, text, old, s) {
                    let op = if ch.tag == ChangeTag::Delete {
                        Op::DeleteWords {
                            words: old.to_string(),
                            to_end: false,
                        }
                    } else {
                        Op::ReplaceWords {
                            old: old.to_string(),
                            new: ch.new.clone(),
                            value_type: vt,
                        }
                    };
                    return Ok(Instruction { target: t, op });
                }
                // Widen word by word, alternately right and left, within the alinéa.
                let (mut a, mut b) = (s, e);
                let mut right = true;
                loop {
                    if a == 0 && b >= text.len() {
                        return Err("not unique".into());
                    }
                    if (right && b < text.len()) || a == 0 {
                        b = chunk_end(text, b);
                    } else {
                        a = chunk_start(text, a);
                    }
                    right = !right;
                    let quoted = &text[a..b];
                    if occurrences(text, quoted) == [a] {
                        let new_words =
                            collapse(&format!("{}{}{}", &text[a..s], ch.new, &text[e..b]));
                        if new_words.is_empty() {
                            return Ok(Instruction {
                                target: target.clone(),
                                op: Op::DeleteWords {
                                    words: quoted.to_string(),
                                    to_end: false,
                                },
                            });
                        }
                        return Ok(Instruction {
                            target: target.clone(),
                            op: Op::ReplaceWords {
                                old: quoted.to_string(),
                                new: new_words,
                                value_type: None,
                            },
                        });
                    }
                }
            }
        }
    }

    /// The unit itself when it has a single alinéa (« À l'article 7 »), else the alinéa.
    fn single_scope(&self, unit_id: NodeId, target: &Target) -> Target {
        if self.w.alineas(unit_id).len() == 1 && !has_sub_articles(&self.w, unit_id) {
            Target::unit(target.unit.clone())
        } else {
            target.clone()
        }
    }

    fn delete_article(&mut self, o: NodeId) -> (String, Vec<Instruction>) {
        let label = self.label(o);
        if !self.w.descendants(self.w.root()).contains(&o) {
            // Gone with the article holding it.
            return (String::new(), Vec::new());
        }
        let unit = Unit::article(&label);
        let ins = Instruction {
            target: Target::unit(unit.clone()),
            op: Op::DeleteArticle,
        };
        let ok = self.exec(&ins).is_ok();
        self.changes.deleted_articles.push(label);
        (
            formules::deletion_heading(&unit),
            if ok { vec![ins] } else { Vec::new() },
        )
    }

    /// The label, in the working copy, of the article of the new version before `n`.
    fn previous_label(&self, n: NodeId) -> Option<String> {
        let new = &self.cmp.new;
        let parent = new.parent(n)?;
        let siblings: Vec<NodeId> = new
            .children(parent)
            .iter()
            .copied()
            .filter(|c| new.node(*c).kind == NodeKind::Article)
            .collect();
        let i = siblings.iter().position(|c| *c == n)?;
        let prev = *siblings.get(i.checked_sub(1)?)?;
        if let Some(l) = self.inserted_labels.get(&prev) {
            return Some(l.clone());
        }
        let old = self.cmp.alignment.old_of(prev)?;
        let live = self.w.descendants(self.w.root()).contains(&old);
        live.then(|| self.label(old))
    }

    fn label_exists(&self, label: &str) -> bool {
        let want = canonical_label(label);
        self.w.descendants(self.w.root()).iter().any(|id| {
            let n = self.w.node(*id);
            n.kind == NodeKind::Article
                && n.label.as_deref().map(canonical_label).as_deref() == Some(want.as_str())
        })
    }

    fn is_last_article(&self, label: &str) -> bool {
        let root = self.w.root();
        let last = self.w.descendants(root).into_iter().rfind(|id| {
            let n = self.w.node(*id);
            n.kind == NodeKind::Article
                && self
                    .w
                    .parent(*id)
                    .is_none_or(|p| self.w.node(p).kind != NodeKind::Article)
        });
        last.is_some_and(|id| self.label(id) == canonical_label(label))
    }

    fn insert_article(&mut self, p: &PairDiff) -> Option<(String, Vec<Instruction>)> {
        let n = p.new?;
        let new = &self.cmp.new;
        let node = new.node(n);
        let prev = self.previous_label(n)?;
        let top = new
            .parent(n)
            .is_none_or(|x| new.node(x).kind != NodeKind::Article);
        let append = top && self.is_last_article(&prev);
        let label = if self.opts.renumber {
            canonical_label(node.label.as_deref().unwrap_or(""))
        } else if append {
            match prev.trim_end_matches("er").parse::<u32>() {
                Ok(k) => (k + 1).to_string(),
                Err(_) => self.bis(&prev),
            }
        } else {
            self.bis(&prev)
        };
        if label.is_empty() || self.label_exists(&label) {
            return None;
        }
        let heading = node.heading.clone();
        let alineas = unit_lines(new, n);
        let ins = if append {
            Instruction {
                target: Target::convention(),
                op: Op::AddArticle {
                    label: label.clone(),
                    heading,
                    alineas,
                },
            }
        } else {
            Instruction {
                target: Target::article(&prev),
                op: Op::InsertArticle {
                    label: label.clone(),
                    heading,
                    alineas,
                },
            }
        };
        self.exec(&ins).ok()?;
        self.inserted_labels.insert(n, label.clone());
        self.changes.inserted_articles.push(label.clone());
        Some((formules::insertion_heading(&label), vec![ins]))
    }

    /// « 5 bis », else « 5 ter »…, the first label free after `prev`.
    fn bis(&self, prev: &str) -> String {
        let base = canonical_label(prev);
        let base = base
            .split_whitespace()
            .next()
            .unwrap_or(base.as_str())
            .to_string();
        for s in [
            "bis",
            "ter",
            "quater",
            "quinquies",
            "sexies",
            "septies",
            "octies",
            "nonies",
            "decies",
        ] {
            let l = format!("{base} {s}");
            if !self.label_exists(&l) {
                return l;
            }
        }
        format!("{base} bis")
    }

    // ----- annexes and préambule -----

    fn annex(
        &mut self,
        o: Option<NodeId>,
        n: Option<NodeId>,
    ) -> Option<(String, Vec<Instruction>)> {
        let new = &self.cmp.new;
        match (o, n) {
            (Some(o), Some(n)) => {
                if same_unit(&self.w, o, new, n) {
                    return None;
                }
                let label = self.w.node(o).label.clone();
                let unit = Unit::annex(label.as_deref());
                let full = Instruction {
                    target: Target::unit(unit.clone()),
                    op: Op::RewriteAnnex {
                        heading: new.node(n).heading.clone(),
                        blocks: unit_lines(new, n),
                    },
                };
                // The annex in full; when a quotation cannot carry it (nested list levels),
                // the rows and alinéas that changed, one by one.
                let r = self.attempt(|d| {
                    d.exec(&full)?;
                    if same_unit(&d.w, o, &d.cmp.new, n) {
                        Ok(vec![full.clone()])
                    } else {
                        Err("annex".into())
                    }
                });
                let ins = match r {
                    Ok(ins) => ins,
                    Err(_) => match self.attempt(|d| {
                        let ins = d.annex_parts(o, n, &unit)?;
                        if same_unit(&d.w, o, &d.cmp.new, n) {
                            Ok(ins)
                        } else {
                            Err("annex parts".into())
                        }
                    }) {
                        Ok(ins) => ins,
                        Err(_) => {
                            self.exec(&full).ok()?;
                            vec![full]
                        }
                    },
                };
                self.changes
                    .modified_annexes
                    .push(label.unwrap_or_default());
                Some((formules::modification_heading(&unit), ins))
            }
            (Some(o), None) => {
                let label = self.w.node(o).label.clone();
                let unit = Unit::annex(label.as_deref());
                let ins = Instruction {
                    target: Target::unit(unit.clone()),
                    op: Op::DeleteAnnex,
                };
                self.exec(&ins).ok()?;
                self.changes.deleted_annexes.push(label.unwrap_or_default());
                Some((formules::deletion_heading(&unit), vec![ins]))
            }
            (None, Some(n)) => {
                let label = new.node(n).label.clone();
                let ins = Instruction {
                    target: Target::convention(),
                    op: Op::AddAnnex {
                        label: label.clone(),
                        heading: new.node(n).heading.clone(),
                        blocks: unit_lines(new, n),
                    },
                };
                self.exec(&ins).ok()?;
                self.changes
                    .added_annexes
                    .push(label.clone().unwrap_or_default());
                Some((
                    formules::annex_addition_heading(label.as_deref()),
                    vec![ins],
                ))
            }
            (None, None) => None,
        }
    }

    /// The changed rows and alinéas of an annex of unchanged structure, each rewritten.
    fn annex_parts(
        &mut self,
        o: NodeId,
        n: NodeId,
        unit: &Unit,
    ) -> Result<Vec<Instruction>, String> {
        let new = &self.cmp.new;
        let (oc, nc) = (self.w.children(o).to_vec(), new.children(n).to_vec());
        if oc.len() != nc.len()
            || heading_key(self.w.node(o).heading.as_deref())
                != heading_key(new.node(n).heading.as_deref())
        {
            return Err("structure".into());
        }
        let leaves = self.w.alineas(o);
        let mut out = Vec::new();
        let mut tables = 0;
        for (a, b) in oc.iter().zip(&nc) {
            let (an, bn) = (self.w.node(*a).clone(), new.node(*b));
            if an.kind != bn.kind {
                return Err("structure".into());
            }
            if an.kind == NodeKind::Table {
                tables += 1;
                let (ra, rb) = (self.w.children(*a).to_vec(), new.children(*b).to_vec());
                if ra.len() != rb.len() || tables > 1 {
                    return Err("rows".into());
                }
                for (i, (x, y)) in ra.iter().zip(&rb).enumerate() {
                    let cx: Vec<String> =
                        self.w.node(*x).cells.iter().map(|c| text_key(c)).collect();
                    let cy: Vec<String> = new.node(*y).cells.iter().map(|c| text_key(c)).collect();
                    if cx != cy {
                        let ins = Instruction {
                            target: Target::unit(unit.clone())
                                .with_row(Position::of(i as u32 + 1, ra.len() as u32)),
                            op: Op::RewriteAlineas {
                                count: 1,
                                alineas: vec![leaf_line(new, *y)],
                            },
                        };
                        self.exec(&ins)?;
                        out.push(ins);
                    }
                }
            } else if an.kind.is_alinea_like()
                && (text_key(&an.text) != text_key(&bn.text)
                    || an.label != bn.label
                    || an.level != bn.level)
            {
                let k = leaves.iter().position(|l| l == a).ok_or("leaf")?;
                let ins = Instruction {
                    target: Target::unit(unit.clone())
                        .with_alinea(Position::of(k as u32 + 1, leaves.len() as u32)),
                    op: Op::RewriteAlineas {
                        count: 1,
                        alineas: vec![rewrite_line(&an, new, *b)],
                    },
                };
                self.exec(&ins)?;
                out.push(ins);
            }
        }
        Ok(out)
    }

    fn preambule(
        &mut self,
        p: &PairDiff,
        o: NodeId,
        n: NodeId,
    ) -> Option<(String, Vec<Instruction>)> {
        if content(&self.w, o) == content(&self.cmp.new, n) {
            return None;
        }
        let unit = Unit::Preambule;
        let fine = self.attempt(|d| {
            let ins = d.alineas_fine(p, o, n, &unit, true)?;
            if content(&d.w, o) == content(&d.cmp.new, n) {
                Ok(ins)
            } else {
                Err("mismatch".into())
            }
        });
        let ins = match fine {
            Ok(ins) => ins,
            Err(_) => self.article_rewrite_alineas(o, n, &unit),
        };
        self.changes.preambule = true;
        Some((formules::modification_heading(&unit), ins))
    }

    /// All the alinéas of a unit rewritten at once.
    fn article_rewrite_alineas(&mut self, o: NodeId, n: NodeId, unit: &Unit) -> Vec<Instruction> {
        let count = self.w.alineas(o).len() as u32;
        let lines = unit_lines(&self.cmp.new, n);
        let target = Target::unit(unit.clone());
        let ins = if count == 0 {
            Instruction {
                target,
                op: Op::AddAlineas {
                    at: AlineaAt::End,
                    alineas: lines,
                },
            }
        } else {
            Instruction {
                target: target.with_alinea(Position::Nth(1)),
                op: Op::RewriteAlineas {
                    count,
                    alineas: lines,
                },
            }
        };
        let _ = self.exec(&ins);
        vec![ins]
    }
}

/// Start of the whitespace-separated chunk before `at` (skipping spaces first).
fn chunk_start(text: &str, at: usize) -> usize {
    let before = &text[..at];
    let trimmed = before.trim_end();
    match trimmed.rfind(char::is_whitespace) {
        Some(i) => i + trimmed[i..].chars().next().map_or(1, char::len_utf8),
        None => 0,
    }
}

/// End of the whitespace-separated chunk after `at` (skipping spaces first).
fn chunk_end(text: &str, at: usize) -> usize {
    let after = &text[at..];
    let lead = after.len() - after.trim_start().len();
    let rest = &after[lead..];
    match rest.find(char::is_whitespace) {
        Some(i) => at + lead + i,
        None => text.len(),
    }
}

/// The substantive word changes between two texts, nearby ones gathered into one edit: two
/// changes of plain words separated by at most two unchanged words are one replacement
/// (« deux cent quatre-vingt-un mille cent soixante » → « trois cent mille »). Typed values
/// (dates, amounts…) stay apart.
pub(crate) fn edits(old: &str, new: &str) -> Vec<WordChange> {
    let mut out: Vec<WordChange> = Vec::new();
    for c in diff_texts(old, new, Field::Text) {
        if c.cosmetic {
            continue;
        }
        if let Some(last) = out.last_mut() {
            let gap_old = old.get(last.old_range.end..c.old_range.start).unwrap_or("");
            let gap_new = new.get(last.new_range.end..c.new_range.start).unwrap_or("");
            let near = word_count(gap_old) <= 2 && collapse(gap_old) == collapse(gap_new);
            if near && value_type(last).is_none() && value_type(&c).is_none() {
                let or = last.old_range.start..c.old_range.end;
                let nr = last.new_range.start..c.new_range.end;
                last.old = old.get(or.clone()).unwrap_or("").to_string();
                last.new = new.get(nr.clone()).unwrap_or("").to_string();
                last.tag = match (last.old.is_empty(), last.new.is_empty()) {
                    (true, _) => ChangeTag::Insert,
                    (_, true) => ChangeTag::Delete,
                    _ => ChangeTag::Replace,
                };
                last.old_range = or;
                last.new_range = nr;
                last.value_type = crate::diff::ValueType::Text;
                continue;
            }
        }
        out.push(c);
    }
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::avenant::render::markdown;

    const OLD: &str = "Convention de partenariat\n\nEntre\n\nL'École nationale d'administration (ENA)\n\nCi-après dénommée « l'ENA »\n\nEt\n\nLa Direction interministérielle du numérique (DINUM)\n\nCi-après dénommée « la DINUM »\n\nArticle 1 : Objet\n\nLa convention lie l'ENA et la DINUM.\n\nArticle 2 : Comité\n\nLe comité se réunit tous les six mois. Le comité rend compte au comité de direction.\n\nLe comité est présidé par la DINUM.\n\nL'ENA y participe.\n\nArticle 3 : Financement\n\nL'ENA verse 281 160 € à la DINUM avant le 30 juin 2021.\n\nArticle 4 : Durée\n\nLa convention est conclue pour un an.\n\nFait à Paris, le 2/4/2021\n";

    fn drafted(new: &str, options: &DraftOptions) -> (Avenant, String) {
        let cmp = compare(
            crate::parse_str("old", OLD),
            crate::parse_str("new", new),
            &DiffOptions::default(),
        );
        let av = draft(&cmp, options);
        let md = markdown(&av);
        // Every draft applies back to the new version (articles compared modulo labels).
        let back = apply(&cmp.old, &av).expect("applies");
        let texts = |d: &Document| -> Vec<String> {
            d.articles()
                .iter()
                .flat_map(|a| d.alineas(*a))
                .map(|l| d.node(l).text.clone())
                .collect()
        };
        assert_eq!(texts(&back), texts(&cmp.new), "{md}");
        (av, md)
    }

    fn ops(av: &Avenant) -> Vec<&Op> {
        av.articles
            .iter()
            .flat_map(|a| &a.instructions)
            .map(|i| &i.op)
            .collect()
    }

    #[test]
    fn header_from_the_convention() {
        let (av, md) = drafted(&OLD.replace("un an", "deux ans"), &DraftOptions::default());
        assert_eq!(av.title, "convention de partenariat");
        assert_eq!(av.convention_date.as_deref(), Some("2 avril 2021"));
        assert_eq!(av.parties.len(), 2);
        assert!(md.starts_with(
            "# Avenant n° 1 à la convention de partenariat du 2 avril 2021 entre l'ENA et la DINUM"
        ));
        assert!(md.contains("afin de mettre à jour son article 4."), "{md}");
    }

    #[test]
    fn typed_values_keep_their_noun_and_stay_words() {
        let new = OLD
            .replace("281 160 €", "300 000 €")
            .replace("30 juin 2021", "31 décembre 2021");
        let (av, md) = drafted(&new, &DraftOptions::default());
        assert!(md.contains("1° Le montant\u{a0}: «\u{a0}281 160 €\u{a0}» est remplacé par le montant\u{a0}: «\u{a0}300 000 €\u{a0}»\u{a0};"), "{md}");
        assert!(
            md.contains("2° La date\u{a0}: «\u{a0}30 juin 2021\u{a0}» est remplacée par la date"),
            "{md}"
        );
        // Two typed changes in a short alinéa: never a rewrite.
        assert!(ops(&av).iter().all(|o| matches!(
            o,
            Op::ReplaceWords {
                value_type: Some(_),
                ..
            }
        )));
    }

    #[test]
    fn few_word_edits_stay_words_many_rewrite_the_alinea() {
        let (av, _) = drafted(
            &OLD.replace("tous les six mois", "tous les trois mois"),
            &DraftOptions::default(),
        );
        assert!(matches!(ops(&av)[..], [Op::ReplaceWords { .. }]));
        let new = OLD.replace(
            "Le comité est présidé par la DINUM.",
            "Un secrétariat permanent est assuré par l'ENA.",
        );
        let (av, md) = drafted(&new, &DraftOptions::default());
        assert!(
            matches!(&ops(&av)[..], [Op::RewriteAlineas { count: 1, .. }]),
            "{md}"
        );
        assert!(
            md.contains("Le deuxième alinéa de l'article 2 est ainsi rédigé"),
            "{md}"
        );
        // A lower threshold turns a small edit into a rewrite.
        let strict = DraftOptions {
            rewrite_threshold: 0.01,
            ..DraftOptions::default()
        };
        let (av, _) = drafted(&OLD.replace("présidé", "animé"), &strict);
        assert!(matches!(ops(&av)[..], [Op::RewriteAlineas { .. }]));
    }

    #[test]
    fn half_the_alineas_touched_rewrite_the_article() {
        let new = OLD
            .replace(
                "Le comité est présidé par la DINUM.",
                "Le comité est animé par un secrétariat.",
            )
            .replace(
                "L'ENA y participe.",
                "Ses membres sont désignés chaque année.",
            );
        let (av, md) = drafted(&new, &DraftOptions::default());
        assert!(matches!(ops(&av)[..], [Op::RewriteArticle { .. }]), "{md}");
        assert!(
            md.contains(
                "L'article 2 de la convention est ainsi rédigé\u{a0}:\n\n«\u{a0}Article 2 – Comité"
            ),
            "{md}"
        );
    }

    #[test]
    fn repeated_words_are_widened_or_phrase_targeted() {
        // « comité » occurs three times in the first alinéa, twice in its second phrase.
        let new = OLD.replace("au comité de direction", "au conseil de direction");
        let (av, md) = drafted(&new, &DraftOptions::default());
        match &ops(&av)[..] {
            [Op::ReplaceWords { old, .. }] => {
                assert!(
                    old.starts_with("comité ")
                        || av.articles[0].instructions[0].target.phrase.is_some(),
                    "{md}"
                )
            }
            other => panic!("{other:?}\n{md}"),
        }
        let new = OLD.replace("Le comité se réunit", "Le conseil se réunit");
        let (av, md) = drafted(&new, &DraftOptions::default());
        let target = &av.articles[0].instructions[0].target;
        match &ops(&av)[..] {
            [Op::ReplaceWords { old, .. }] => {
                assert!(old != "comité" || target.phrase.is_some(), "{md}")
            }
            other => panic!("{other:?}\n{md}"),
        }
    }

    #[test]
    fn a_renamed_party_is_one_sentence() {
        let new = OLD.replace("ENA", "INSP");
        let (av, md) = drafted(&new, &DraftOptions::default());
        assert!(
            matches!(ops(&av)[..], [Op::ReplaceEverywhere { .. }]),
            "{md}"
        );
        assert!(md.contains("Dans l'ensemble de la convention, "), "{md}");
    }

    #[test]
    fn inserted_articles_are_bis_or_renumbered() {
        let new = OLD
            .replace("Article 3 : Financement", "Article 3 : Données\n\nLes données sont hébergées en France.\n\nArticle 4 : Financement")
            .replace("Article 4 : Durée", "Article 5 : Durée");
        let (av, md) = drafted(&new, &DraftOptions::default());
        assert!(
            matches!(&ops(&av)[..], [Op::InsertArticle { label, .. }] if label == "2 bis"),
            "{md}"
        );
        assert!(md.contains(
            "Après l'article 2 de la convention, il est inséré un article 2 bis ainsi rédigé"
        ));
        let renumber = DraftOptions {
            renumber: true,
            ..DraftOptions::default()
        };
        let cmp = compare(
            crate::parse_str("old", OLD),
            crate::parse_str("new", &new),
            &DiffOptions::default(),
        );
        let av = draft(&cmp, &renumber);
        let md = markdown(&av);
        assert!(
            md.contains("Les articles 3 et 4 deviennent respectivement les articles 4 et 5."),
            "{md}"
        );
        assert!(
            md.contains("il est inséré un article 3 ainsi rédigé"),
            "{md}"
        );
        let back = apply(&cmp.old, &av).expect("applies");
        assert!(back.same_tree(&cmp.new), "{md}");
    }

    #[test]
    fn deleted_clauses_and_added_articles() {
        let (_, md) = drafted(
            &OLD.replace("\n\nL'ENA y participe.", ""),
            &DraftOptions::default(),
        );
        assert!(
            md.contains("Le dernier alinéa de l'article 2 est supprimé."),
            "{md}"
        );
        let new = OLD.replace(
            "\n\nFait à",
            "\n\nArticle 5 : Litiges\n\nLes litiges relèvent du tribunal administratif de Paris.\n\nFait à",
        );
        let (_, md) = drafted(&new, &DraftOptions::default());
        assert!(
            md.contains("La convention est complétée par un article 5 ainsi rédigé"),
            "{md}"
        );
        let abroge = DraftOptions {
            abroge: true,
            ..DraftOptions::default()
        };
        let cmp = compare(
            crate::parse_str("old", OLD),
            crate::parse_str(
                "new",
                &OLD.replace(
                    "Article 4 : Durée\n\nLa convention est conclue pour un an.\n\n",
                    "",
                ),
            ),
            &DiffOptions::default(),
        );
        let av = draft(&cmp, &abroge);
        let md =
            crate::avenant::render::to_string(&av, crate::avenant::render::AvenantFormat::Markdown);
        assert!(
            md.contains("L'article 4 de la convention est supprimé."),
            "{md}"
        );
        let mut out = Vec::new();
        crate::avenant::render::write_markdown(&av, &abroge.style(), &mut out).expect("written");
        assert!(String::from_utf8_lossy(&out).contains("L'article 4 de la convention est abrogé."));
    }

    #[test]
    fn headings_and_insertions_of_words() {
        let new = OLD
            .replace("Article 4 : Durée", "Article 4 : Durée de la convention")
            .replace(
                "La convention lie l'ENA",
                "La convention lie durablement l'ENA",
            );
        let (av, md) = drafted(&new, &DraftOptions::default());
        assert!(md.contains("L'intitulé de l'article 4 est ainsi rédigé\u{a0}: «\u{a0}Durée de la convention\u{a0}»"), "{md}");
        assert!(
            ops(&av).iter().any(|o| matches!(o, Op::InsertWords { .. })),
            "{md}"
        );
    }

    #[test]
    fn nearby_edits_are_one() {
        let e = edits(
            "fixé à 281 160 € (deux cent quatre-vingt-un mille cent soixante euros)",
            "fixé à 300 000 € (trois cent mille euros)",
        );
        let pairs: Vec<(&str, &str)> = e.iter().map(|c| (c.old.as_str(), c.new.as_str())).collect();
        assert_eq!(
            pairs,
            [
                ("281 160 €", "300 000 €"),
                (
                    "deux cent quatre-vingt-un mille cent soixante",
                    "trois cent mille"
                )
            ]
        );
    }
}
