//! [`Comparison`] → [`Avenant`]: the amending act that turns the old convention into the new one,
//! in the légistique style of LEGISTIQUE.md, every instruction written so that
//! [`super::apply()`] reads it back and executes it.
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
//! [`draft_checked`] (what the command line prints) verifies it on every act: rendered, read
//! back and applied to the old version, the act must give the new version unit by unit, or it
//! is redrafted (failing articles rewritten whole) and, failing that, refused naming the units.
//!
//! The check covers the whole document a jurist reads: title, parties, visas, préambule,
//! divisions and their headings, articles, annexes, notes and signatures. The drafter writes
//! them all (draft/blocks.rs: « L'intitulé de la convention est ainsi rédigé », « La
//! désignation de la première partie … », « Les visas … sont supprimés », « Le bloc des
//! signatures … », « L'intitulé du titre II … »), new and deleted divisions (draft/divisions.rs:
//! « Après le chapitre IV, il est inséré un chapitre IV bis ainsi rédigé : »), footnotes (« La
//! note de bas de page n° 2 … est ainsi rédigée »), the title with its sub-lines quoted whole
//! when they change, and the body of a document without articles (draft/corps.rs: « Le
//! troisième alinéa de l'accord est ainsi rédigé : »). The body names the document by its own
//! noun (« du contrat », « des statuts », « de l'avenant »: `wording::DocNoun`).
//! Cosmetic differences aside (case of a heading, accent on a capital: never amended). An
//! inserted article takes the new version's number when it is free in the old one (« 47-2 »
//! after « 47-1 », « 515-14 » where the new version puts it), else « 5 bis » as the 1997
//! circular advises
//! ([`DraftOptions::bis`] forces « bis »); deleted ones leave a gap. With
//! [`DraftOptions::renumber`], the new numbering is kept (« Les articles 3.2 à 3.4 deviennent
//! respectivement les articles 3.3 à 3.5. », « L'annexe 3 devient l'annexe 2. ») and the
//! result equals `new` labels included (annexes too; without it they keep their numbers). An
//! article first in its article or division: « Au début du chapitre II, il est inséré … ».
//! A global replacement is written only when the new version keeps none of the old words.

use super::apply::{apply, apply_instruction, occurrences, phrases, replace_everywhere_in};
use super::formules::{self, Changes, Style};
use super::model::{
    canonical_label, AlineaAt, AmendingArticle, Anchor, Avenant, AvenantParty, Instruction, Op,
    Position, Target, Unit, ValueType,
};
use crate::diff::everywhere::{holds_everywhere, WordIndex};
use crate::diff::{
    diff_texts, Basis, ChangeTag, Comparison, DiffOptions, Field, PairDiff, WordChange,
};
use crate::model::{Document, NodeId, NodeKind};
use std::collections::{BTreeMap, BTreeSet};

mod annexes;
mod blocks;
mod corps;
mod divisions;
mod drafter;
mod edits;
mod header;
mod inserts;
mod units;

use drafter::*;
pub(crate) use edits::edits;
use edits::*;
use header::*;
use units::*;

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
    /// Number every inserted article « N bis » after the one it follows, even when the new
    /// version's own number is free in the old one (false: that number is kept).
    pub bis: bool,
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
            bis: false,
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
    /// Why the act as a whole fails, when it does not read back or does not apply (« l'avenant
    /// rédigé ne s'applique pas à l'ancienne version (…) »): then no unit is compared.
    pub act: Option<String>,
}

impl DraftError {
    fn of(failing: Vec<Failing>) -> DraftError {
        let (whole, units): (Vec<Failing>, Vec<Failing>) =
            failing.into_iter().partition(|f| f.whole);
        DraftError {
            units: units.into_iter().map(|f| f.name).collect(),
            act: whole.into_iter().next().map(|f| f.name),
        }
    }
}

impl std::fmt::Display for DraftError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(why) = &self.act {
            return write!(f, "{why} ; aucun avenant n'est imprimé");
        }
        let (noun, verb) = if self.units.len() > 1 {
            ("les unités", "ne reviennent")
        } else {
            ("l'unité", "ne revient")
        };
        // One readable line even when thousands of units fail: the first ones, then a count.
        const LISTED: usize = 12;
        let mut listed = self
            .units
            .iter()
            .take(LISTED)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(", ");
        if self.units.len() > LISTED {
            let more = self.units.len() - LISTED;
            let other = if more > 1 { "autres" } else { "autre" };
            listed.push_str(&format!(" et {more} {other}"));
        }
        write!(
            f,
            "l'avenant rédigé, appliqué à l'ancienne version, ne redonne pas la nouvelle : {noun} {listed} {verb} pas à l'identique ; aucun avenant n'est imprimé"
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
        return Err(DraftError::of(failing));
    }
    let av = draft_with(cmp, options, &force);
    let failing = verify(cmp, &av, options);
    if failing.is_empty() {
        Ok(av)
    } else {
        Err(DraftError::of(failing))
    }
}

/// A unit of the new version that the act does not give back.
struct Failing {
    name: String,
    /// The old article it comes from, if any (canonical label): what escalation rewrites.
    old_article: Option<String>,
    /// The act as a whole fails (it does not read back or does not apply); `name` says why.
    whole: bool,
}

/// The top-level parts the round trip compares: everything a jurist reads as the convention
/// (title, parties, visas, préambule, divisions and their headings, articles, annexes, notes,
/// signatures), not the letterhead nor unclassified text.
fn compared_kind(kind: NodeKind) -> bool {
    matches!(
        kind,
        NodeKind::Article
            | NodeKind::Annexe
            | NodeKind::Preambule
            | NodeKind::Structure
            | NodeKind::Titre
            | NodeKind::Parties
            | NodeKind::Visas
            | NodeKind::Signatures
            | NodeKind::Notes
            | NodeKind::Corps
    )
}

/// The amended units of a document, one signature each (kind, label unless `labels` is false,
/// heading, then every descendant's kind, label, level and text), with the unit's name.
fn unit_signatures(doc: &Document, labels: bool) -> Vec<(String, String, NodeId)> {
    use std::fmt::Write as _;
    let mut out = Vec::new();
    for &top in doc.top_level() {
        let n = doc.node(top);
        if !compared_kind(n.kind) {
            continue;
        }
        let mut sig = String::new();
        for id in std::iter::once(top).chain(doc.descendants(top)) {
            let x = doc.node(id);
            // Without `renumber`, articles and annexes keep their old numbers.
            // « 1 » and « 1er » are one article number.
            let label = if x.number_is_implicit() {
                // An article whose number the text does not write must come back so: an act
                // that writes one (« Article 1er bis : Membres ») does not give the new version.
                std::borrow::Cow::Borrowed("(sans numéro)")
            } else if !labels && matches!(x.kind, NodeKind::Article | NodeKind::Annexe) {
                std::borrow::Cow::Borrowed("")
            } else if x.kind == NodeKind::Article {
                std::borrow::Cow::Owned(canonical_label(x.label.as_deref().unwrap_or("")))
            } else {
                std::borrow::Cow::Borrowed(x.label.as_deref().unwrap_or(""))
            };
            let heading = x
                .heading
                .as_deref()
                .map(crate::text::heading_key)
                .unwrap_or_default();
            // A unit's own text is its heading line (number and case of « ANNEXE » included):
            // compared through its label and folded heading instead.
            let text = if matches!(
                x.kind,
                NodeKind::Article
                    | NodeKind::Annexe
                    | NodeKind::Structure
                    | NodeKind::Preambule
                    | NodeKind::Corps
            ) {
                ""
            } else {
                x.text.as_str()
            };
            // A numbered line (« 1° Les modalités … ») is one alinéa for the circular whether
            // the source made it a list item or a plain line (an HTML `<br/>` break): a quoted
            // line reads back as an item, the same words in the same place.
            // A line led by a dash (« - trois représentants … », an HTML paragraph) is the
            // list item a Markdown list makes of it: a bullet restyled is not drafted.
            let dashed = dashed_line(x);
            let (kind, label) = if numbered_line(x) {
                (NodeKind::Alinea, "")
            } else if dashed.is_some() {
                (NodeKind::Item, "")
            } else {
                (x.kind, label.as_ref())
            };
            let text = dashed.unwrap_or(text);
            // Written in place: a temporary string per node cost 1.6 million reallocations
            // (0.64 G instructions) on the Code du travail.
            let _ = write!(sig, "{}|{}|{}|{}|", kind.as_str(), label, heading, x.level);
            crate::text::push_fold_capital_accents(&mut sig, text);
            sig.push('\n');
        }
        let name = match (n.kind, n.label.as_deref()) {
            (NodeKind::Article, _) if n.number_is_implicit() => {
                format!(
                    "article {}",
                    formules::titled(n.heading.as_deref().unwrap_or(""))
                )
            }
            (NodeKind::Article, Some(l)) => format!("article {l}"),
            (NodeKind::Annexe, Some(l)) => format!("annexe {l}"),
            (NodeKind::Annexe, None) => "annexe".to_string(),
            (NodeKind::Preambule, _) => "préambule".to_string(),
            (NodeKind::Corps, _) => "corps".to_string(),
            (NodeKind::Titre, _) => "intitulé".to_string(),
            (NodeKind::Parties, _) => "parties".to_string(),
            (NodeKind::Visas, _) => "visas".to_string(),
            (NodeKind::Signatures, _) => "signatures".to_string(),
            (NodeKind::Notes, _) => "notes".to_string(),
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

/// The text of an alinéa led by a dash and a space, without them (« - trois représentants … »).
fn dashed_line(x: &crate::model::Node) -> Option<&str> {
    if x.kind != NodeKind::Alinea || x.level != 0 {
        return None;
    }
    ["- ", "– ", "— "]
        .iter()
        .find_map(|d| x.text.strip_prefix(d))
        .map(str::trim_start)
}

/// An item of the first level whose text begins with its own number (« 1° », « a) »).
fn numbered_line(x: &crate::model::Node) -> bool {
    x.kind == NodeKind::Item
        && x.level == 0
        && x.label.as_deref().is_some_and(|l| x.text.starts_with(l))
}

/// Renders the act, reads it back, applies what was read to the old version and compares the
/// result with the new one unit by unit; returns the units that do not come back. The act is
/// read from its text, not taken from the instructions the drafter holds: a sentence the
/// reader would take otherwise (Licence Ouverte, a heading holding its own guillemets: blind4
/// finding 14) is an act `apply` refuses, and `draft` must not print it.
fn verify(cmp: &Comparison, av: &Avenant, options: &DraftOptions) -> Vec<Failing> {
    let everything = |why: String| {
        vec![Failing {
            name: why,
            old_article: None,
            whole: true,
        }]
    };
    let applied = if av.articles.iter().all(|a| a.instructions.is_empty()) {
        // Nothing to apply (`apply` would refuse it): the old version must already be the new.
        cmp.old.clone()
    } else {
        let text = super::render::markdown(av);
        let read = match super::read::parse_avenant(&text) {
            Ok(read) => read,
            Err(e) => {
                return everything(format!(
                    "l'avenant rédigé ne se relit pas tel qu'il est écrit ({e})"
                ))
            }
        };
        match apply(&cmp.old, &read) {
            Ok(applied) => applied,
            Err(e) => {
                return everything(format!(
                    "l'avenant rédigé ne s'applique pas à l'ancienne version ({e})"
                ))
            }
        }
    };
    let labels = options.renumber;
    let got = unit_signatures(&applied, labels);
    let want = unit_signatures(&cmp.new, labels);
    let a: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
    let b: Vec<&str> = want.iter().map(|w| w.0.as_str()).collect();
    let mut failing = Vec::new();
    for (got_gap, want_gap) in unmatched_runs(&a, &b) {
        if want_gap.is_empty() {
            // A unit the act leaves that the new version lacks.
            for (_, name, _) in &got[got_gap] {
                failing.push(Failing {
                    name: format!("{name} (en trop)"),
                    old_article: None,
                    whole: false,
                });
            }
        }
        for (_, name, id) in &want[want_gap] {
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
                whole: false,
            });
        }
    }
    failing
}

/// Whether the act, rendered in Markdown and read back by [`super::read::parse_avenant`], gives
/// the instructions the drafter holds, article by article: `Err` names the first that differs
/// (`tests/it/draft_reads_back.rs` checks the reader on the acts of the corpus and the codes).
pub fn reads_back(av: &Avenant) -> Result<(), String> {
    if av.articles.iter().all(|a| a.instructions.is_empty()) {
        // No instruction (the reader refuses such an act): [`verify`] applies nothing either.
        return Ok(());
    }
    let text = super::render::markdown(av);
    let read = super::read::parse_avenant(&text)
        .map_err(|e| format!("l'avenant rédigé ne se relit pas tel qu'il est écrit ({e})"))?;
    let held: Vec<(u32, &Instruction)> = av
        .articles
        .iter()
        .flat_map(|a| a.instructions.iter().map(move |i| (a.number, i)))
        .collect();
    let got: Vec<(u32, &Instruction)> = read
        .articles
        .iter()
        .flat_map(|a| a.instructions.iter().map(move |i| (a.number, i)))
        .collect();
    for k in 0..held.len().max(got.len()) {
        if held.get(k) != got.get(k) {
            return Err(format!(
                "instruction {} : rédigée {:?}, relue {:?}",
                k + 1,
                held.get(k),
                got.get(k)
            ));
        }
    }
    Ok(())
}

/// The runs of units of `got` and `want` that a longest common subsequence leaves unmatched,
/// in order, as (range of `got`, range of `want`) between two matched units. Units found on one
/// side only are set aside first (they can match nothing), then the rest is diffed by
/// patience: linear when every unit changed or moved (where Myers over the whole list took
/// N × D steps: 43 % of the check of 4,000 shuffled articles, ×5.7 per doubling).
fn unmatched_runs(
    got: &[&str],
    want: &[&str],
) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let in_got: rustc_hash::FxHashSet<&str> = got.iter().copied().collect();
    let in_want: rustc_hash::FxHashSet<&str> = want.iter().copied().collect();
    let gi: Vec<usize> = (0..got.len())
        .filter(|i| in_want.contains(got[*i]))
        .collect();
    let wi: Vec<usize> = (0..want.len())
        .filter(|j| in_got.contains(want[*j]))
        .collect();
    let ga: Vec<&str> = gi.iter().map(|i| got[*i]).collect();
    let wa: Vec<&str> = wi.iter().map(|j| want[*j]).collect();
    // The matched units, as (index in `got`, index in `want`), in order.
    let mut matched = Vec::new();
    for op in similar::capture_diff_slices(similar::Algorithm::Patience, &ga, &wa) {
        if let similar::DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            matched.extend((0..len).map(|k| (gi[old_index + k], wi[new_index + k])));
        }
    }
    matched.push((got.len(), want.len()));
    let mut runs = Vec::new();
    let (mut i, mut j) = (0, 0);
    for (mi, mj) in matched {
        if mi > i || mj > j {
            runs.push((i..mi, j..mj));
        }
        (i, j) = (mi + 1, mj + 1);
    }
    runs
}

/// [`draft`], with the old articles whose labels are in `force` rewritten whole.
fn draft_with(cmp: &Comparison, options: &DraftOptions, force: &BTreeSet<String>) -> Avenant {
    // An alinéa that became a heading (or the converse) is drafted as the unit deleted and
    // the new one inserted: the act amends units of one kind.
    let apart;
    let cmp = if cmp
        .alignment
        .iter()
        .any(|p| p.basis == crate::align::Basis::Restructured)
    {
        apart = crate::diff::diff(
            cmp.old.clone(),
            cmp.new.clone(),
            cmp.alignment.restructured_apart(),
            &DiffOptions::default(),
        );
        &apart
    } else {
        cmp
    };
    let mut av = header(&cmp.old, options);
    let noun = formules::DocNoun::of(&av.title);
    let mut articles: Vec<(String, Vec<Instruction>)> = Vec::new();
    let mut changes = Changes::default();

    // 1. Replacements everywhere, then a fresh comparison on the text they leave.
    let mut everywhere = Vec::new();
    let mut base = cmp.old.clone();
    let mut replaced = false;
    // The nodes of `base` the replacements changed (before it is rekeyed).
    let mut replaced_nodes: rustc_hash::FxHashSet<NodeId> = Default::default();
    if options.everywhere && !cmp.globals.is_empty() {
        // Where each word is, in both versions: a candidate is counted in the nodes holding
        // its words, not by a walk of the whole convention.
        let new_index = WordIndex::build(&cmp.new);
        let mut base_index = WordIndex::build(&base);
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
            // Every occurrence changed the same way, and no further than the new version goes
            // (the rule the diff's global replacements follow), else each unit drafts its own.
            if !holds_everywhere(&base, &base_index, &cmp.new, &new_index, &g.old, &g.new) {
                continue;
            }
            // Executed in place on `base` (texts only): the nodes it may change — those holding
            // the words, as written or capitalised — are saved first and put back if the
            // replacement is refused; `base` is rekeyed once, after the loop.
            let cap = formules::capitalise(&g.old);
            let mut touched = base_index.candidates(&g.old);
            if cap != g.old {
                touched.extend(base_index.candidates(&cap));
                touched.sort_unstable();
                touched.dedup();
            }
            let saved = crate::edit::Snapshot::nodes(&base, touched.iter().copied());
            if replace_everywhere_in(&mut base, &touched, &g.old, &g.new) == 0 {
                saved.restore(&mut base);
                continue;
            }
            base_index.add(&base, &touched);
            replaced_nodes.extend(touched.iter().copied());
            replaced = true;
            changes.everywhere.push((g.old.clone(), g.new.clone()));
            everywhere.push(ins);
        }
    }
    if replaced {
        base = crate::edit::rekey(&base);
    }
    let recompared;
    let cmp: &Comparison = if everywhere.is_empty() {
        cmp
    } else {
        articles.push((formules::everywhere_heading(noun), everywhere));
        recompared = rediff(cmp, base, &replaced_nodes);
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
        noun,
        pairs: Pairs::of(cmp),
        early: Vec::new(),
        known: article_labels(&cmp.old),
        old_divisions: None,
        placed: Default::default(),
    };
    // The working copy's articles found by label through an index, not a walk per instruction
    // (`d` stays where it is until the act is drafted).
    let _index = super::apply::IndexGuard::new(&d.w);
    articles.extend(d.blocks_before());
    let mut units = Vec::new();
    collect_units(cmp, &cmp.pairs, &mut units);
    let mut deferred: Vec<&PairDiff> = Vec::new();
    let mut renumber: (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    // With `renumber`, annexes keep the new numbering too; new ones come after it.
    let mut annex_renumber: (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    let mut deferred_annexes: Vec<&PairDiff> = Vec::new();
    // The new version's nodes quoted in a division this act inserts.
    let mut quoted: BTreeSet<NodeId> = BTreeSet::new();
    // An annex deleted and another inserted under its number: the annex is replaced (« L'annexe
    // 1 est ainsi rédigée »), not deleted then inserted before the next one.
    let replaced = replaced_annexes(cmp, &units);
    for p in units {
        // Deletions drafted ahead (a number freed for this unit) come just before it.
        let mark = articles.len();
        'unit: {
            let kind = pair_kind(cmp, p);
            if kind == NodeKind::Structure && in_article(cmp, p) {
                // A part of an article (« I. », « 1° » read as headings): drafted with it.
                break 'unit;
            }
            if kind == NodeKind::Annexe {
                match (p.old, p.new) {
                    (Some(o), None) => {
                        if let Some((_, n)) = replaced.iter().find(|(x, _)| *x == o) {
                            articles.extend(d.annex(Some(o), Some(*n)));
                            break 'unit;
                        }
                    }
                    (None, Some(n)) if replaced.iter().any(|(_, x)| *x == n) => break 'unit,
                    _ => {}
                }
            }
            if p.new.is_some_and(|n| quoted.contains(&n)) {
                // An article moved into the new division: gone from its old place.
                if let (NodeKind::Article, Some(o)) = (kind, p.old) {
                    articles.push(d.delete_article(o));
                }
                break 'unit;
            }
            match (kind, p.old, p.new) {
                (NodeKind::Article, Some(o), Some(n)) if !p.moved => {
                    if let Some(a) = d.modify_article(p, o, n) {
                        articles.push(a);
                    }
                    // Numbers the text does not write are never renumbered.
                    let written = !cmp.old.node(o).number_is_implicit()
                        && !cmp.new.node(n).number_is_implicit();
                    if options.renumber && written {
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
                (NodeKind::Annexe, None, Some(_)) if options.renumber => deferred_annexes.push(p),
                (NodeKind::Annexe, o, n) => {
                    articles.extend(d.annex(o, n));
                    if let (Some(o), Some(n), true) = (o, n, options.renumber) {
                        let (from, to) = (
                            d.w.node(o).label.clone().unwrap_or_default(),
                            cmp.new.node(n).label.clone().unwrap_or_default(),
                        );
                        if !from.is_empty() && !to.is_empty() && !from.eq_ignore_ascii_case(&to) {
                            annex_renumber.0.push(from);
                            annex_renumber.1.push(to);
                        }
                    }
                }
                (NodeKind::Preambule, Some(o), Some(n)) => articles.extend(d.preambule(p, o, n)),
                (NodeKind::Preambule, None, Some(n)) => articles.extend(d.insert_preambule(n)),
                (NodeKind::Corps, Some(o), Some(n)) => articles.extend(d.corps(p, o, n)),
                (NodeKind::Structure, Some(o), Some(n)) if d.relabelled_division(o, n) => {
                    // Paired under another number (renumbered and reworded, « II » → « III »):
                    // no division renumbering is drafted (even with `--renumber`), so the old division is deleted when
                    // nothing of it is kept elsewhere, and the new one inserted whole.
                    // When the new one cannot be placed where the old one stood (its place
                    // cannot be named), it goes right after the old one, deleted next; failing
                    // that, nothing of either is drafted but the heading.
                    d.free_labels_of(n);
                    // Early deletions are not undone by the restore below.
                    if let Some(l) = cmp.new.node(n).label.clone() {
                        d.free_division_label(&l);
                    }
                    let saved = d.skeleton(&[]);
                    let deleted = d.changes.deleted_divisions.len();
                    let deletion = d.delete_emptied_division(o, n);
                    if let Some(a) = d.insert_division(n, None) {
                        articles.extend(deletion);
                        quoted.extend(divisions::subtree(&cmp.new, n));
                        articles.extend(a);
                        break 'unit;
                    }
                    saved.restore(&mut d.w);
                    d.changes.deleted_divisions.truncate(deleted);
                    if let Some(a) = d.insert_division(n, Some(o)) {
                        quoted.extend(divisions::subtree(&cmp.new, n));
                        articles.extend(a);
                        articles.extend(d.delete_emptied_division(o, n));
                    } else {
                        articles.extend(d.division_heading(o, n));
                    }
                }
                (NodeKind::Structure, Some(o), Some(n)) => {
                    articles.extend(d.division_heading(o, n))
                }
                (NodeKind::Structure, None, Some(n)) => {
                    if let Some(a) = d.insert_division(n, None) {
                        quoted.extend(divisions::subtree(&cmp.new, n));
                        articles.extend(a);
                    }
                }
                (NodeKind::Structure, Some(_), None) => articles.extend(d.delete_division(p)),
                _ => {}
            }
        }
        if !d.early.is_empty() {
            articles.splice(mark..mark, d.early.drain(..));
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
        if d.exec(&ins).is_ok() {
            d.changes.renumbered = true;
            articles.push((formules::renumbering_heading(noun), vec![ins]));
        }
    }
    for p in deferred {
        let a = d.insert_article(p);
        articles.append(&mut d.early);
        articles.extend(a);
    }
    if !annex_renumber.0.is_empty() {
        let ins = Instruction {
            target: Target::convention(),
            op: Op::RenumberAnnexes {
                from: annex_renumber.0,
                to: annex_renumber.1,
            },
        };
        if apply_instruction(&mut d.w, &ins).is_ok() {
            d.changes.renumbered_annexes = true;
            articles.push((formules::annex_renumbering_heading(d.noun), vec![ins]));
        }
    }
    for p in deferred_annexes {
        articles.extend(d.annex(p.old, p.new));
    }
    articles.extend(d.unwrap_divisions());
    articles.extend(d.delete_emptied_divisions());
    articles.extend(d.rewrite_restructured_divisions());
    articles.extend(d.notes());
    articles.extend(d.blocks_after());

    av.objet = options.objet.clone().or_else(|| {
        // The model holds normalised text: plain spaces inside the guillemets.
        let plain = Style {
            space: ' ',
            noun,
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

/// The comparison of `base` (`cmp.old` with global replacements made in the texts of the
/// nodes `touched`, then rekeyed: the same tree, node for node) with the new version, derived
/// from the first one instead of a second whole comparison (whose alignment of the Code du
/// travail cost 1.5 G instructions): units keep their pairs, except that an old alinéa the
/// replacements made identical to a new one left unpaired beside it is now paired with it
/// (« L'institution mentionnée à l'article L. 5312-1 » become « Pôle emploi »: no longer
/// deleted and inserted); then the pairs are diffed again on their texts.
fn rediff(cmp: &Comparison, base: Document, touched: &rustc_hash::FxHashSet<NodeId>) -> Comparison {
    let (old, root) = (&cmp.old, cmp.old.root());
    // Old node → the node of `base` at the same place (document order).
    let mut to_base: Vec<Option<NodeId>> = vec![None; old.nodes.len()];
    to_base[root.index()] = Some(base.root());
    for (o, b) in old
        .descendants(root)
        .into_iter()
        .zip(base.descendants(base.root()))
    {
        to_base[o.index()] = Some(b);
    }
    let touched: rustc_hash::FxHashSet<NodeId> = touched
        .iter()
        .filter_map(|o| to_base.get(o.index()).copied().flatten())
        .collect();
    let mut alignment = cmp.alignment.clone();
    remap_pairs(&mut alignment.pairs, &to_base);
    pair_made_equal(&mut alignment.pairs, &base, &cmp.new, &touched);
    crate::diff::diff(base, cmp.new.clone(), alignment, &DiffOptions::default())
}

/// Every pair's old node as its node in `base` (see [`rediff`]).
fn remap_pairs(pairs: &mut [crate::align::Pair], to_base: &[Option<NodeId>]) {
    for p in pairs {
        p.old = p
            .old
            .and_then(|o| to_base.get(o.index()).copied().flatten());
        remap_pairs(&mut p.children, to_base);
    }
}

/// In each list of sibling pairs, an old leaf left unpaired whose text a replacement made
/// identical to an unpaired new leaf of the same kind in the same list is paired with it
/// (moved when paired units stand between them, as the aligner marks it).
fn pair_made_equal(
    pairs: &mut Vec<crate::align::Pair>,
    base: &Document,
    new: &Document,
    touched: &rustc_hash::FxHashSet<NodeId>,
) {
    for p in pairs.iter_mut() {
        pair_made_equal(&mut p.children, base, new, touched);
    }
    let mut k = 0;
    while k < pairs.len() {
        let p = &pairs[k];
        let old_leaf = match (p.old, p.new) {
            (Some(o), None)
                if p.children.is_empty() && base.children(o).is_empty() && touched.contains(&o) =>
            {
                Some(o)
            }
            _ => None,
        };
        let Some(o) = old_leaf else {
            k += 1;
            continue;
        };
        let on = base.node(o);
        let same = pairs.iter().position(|q| {
            q.old.is_none()
                && q.children.is_empty()
                && q.new.is_some_and(|n| {
                    let nn = new.node(n);
                    new.children(n).is_empty()
                        && nn.kind == on.kind
                        && nn.text == on.text
                        && nn.heading == on.heading
                        && nn.cells() == on.cells()
                })
        });
        let Some(j) = same else {
            k += 1;
            continue;
        };
        let (lo, hi) = (k.min(j), k.max(j));
        let moved = pairs[lo + 1..hi]
            .iter()
            .any(|q| q.old.is_some() && q.new.is_some());
        let q = &mut pairs[j];
        q.old = Some(o);
        q.basis = Basis::Exact;
        q.similarity = 1.0;
        q.moved = moved;
        pairs.remove(k);
    }
}

/// Whether the pair's node (new side, else old) lies inside an article.
fn in_article(cmp: &Comparison, p: &PairDiff) -> bool {
    let (doc, id) = match (p.new, p.old) {
        (Some(n), _) => (&cmp.new, n),
        (None, Some(o)) => (&cmp.old, o),
        (None, None) => return false,
    };
    std::iter::successors(doc.parent(id), |a| doc.parent(*a))
        .any(|a| doc.node(a).kind == NodeKind::Article)
}

/// Annexes deleted (old only) and inserted (new only) under the same number: (old, new).
fn replaced_annexes(cmp: &Comparison, units: &[&PairDiff]) -> Vec<(NodeId, NodeId)> {
    let label = |doc: &Document, id: NodeId| {
        doc.node(id)
            .label
            .as_deref()
            .map(canonical_label)
            .filter(|l| !l.is_empty())
    };
    let annex = |p: &&&PairDiff| pair_kind(cmp, p) == NodeKind::Annexe;
    let inserted: Vec<NodeId> = units
        .iter()
        .filter(annex)
        .filter_map(|p| if p.old.is_none() { p.new } else { None })
        .collect();
    units
        .iter()
        .filter(annex)
        .filter_map(|p| if p.new.is_none() { p.old } else { None })
        .filter_map(|o| {
            let l = label(&cmp.old, o)?;
            let n = inserted
                .iter()
                .find(|n| label(&cmp.new, **n).as_ref() == Some(&l))?;
            Some((o, *n))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::avenant::render::markdown;
    use crate::diff::compare;

    #[test]
    fn a_refusal_names_twelve_units_then_counts_the_others() {
        let many = DraftError {
            units: (1..=5000).map(|n| format!("article {n}")).collect(),
            act: None,
        }
        .to_string();
        assert!(
            many.contains("article 12 et 4988 autres ne reviennent pas"),
            "{many}"
        );
        assert!(!many.contains("article 13,"), "{many}");
        let one = DraftError {
            units: vec!["article 5".into()],
            act: None,
        }
        .to_string();
        assert!(one.contains("l'unité article 5 ne revient pas"), "{one}");
    }

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
            md.contains("Le deuxième alinéa de l'article 2 de la convention est ainsi rédigé"),
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
            md.contains("Le dernier alinéa de l'article 2 de la convention est supprimé."),
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
        assert!(md.contains("L'intitulé de l'article 4 de la convention est ainsi rédigé\u{a0}: «\u{a0}Durée de la convention\u{a0}»"), "{md}");
        assert!(
            ops(&av).iter().any(|o| matches!(o, Op::InsertWords { .. })),
            "{md}"
        );
    }

    #[test]
    fn an_inserted_article_keeps_its_new_number_when_free() {
        let old = "Convention de partenariat\n\nArticle 1 : Objet\n\nLa convention lie les parties.\n\nArticle 47-1 : Comité\n\nLe comité se réunit.\n\nArticle 48 : Durée\n\nLa convention est conclue pour un an.\n";
        let new = old.replace(
            "Article 48 : Durée",
            "Article 47-2 : Données\n\nLes données sont hébergées en France.\n\nArticle 48 : Durée",
        );
        let cmp = compare(
            crate::parse_str("old", old),
            crate::parse_str("new", &new),
            &DiffOptions::default(),
        );
        let md = markdown(&draft(&cmp, &DraftOptions::default()));
        assert!(
            md.contains(
                "Après l'article 47-1 de la convention, il est inséré un article 47-2 ainsi rédigé"
            ),
            "{md}"
        );
        let bis = DraftOptions {
            bis: true,
            ..DraftOptions::default()
        };
        let md = markdown(&draft(&cmp, &bis));
        assert!(md.contains("il est inséré un article 47-1 bis"), "{md}");
        let new = old.replace(
            "Article 48 : Durée",
            "Article 12 : Données\n\nLes données sont hébergées en France.\n\nArticle 48 : Durée",
        );
        let cmp = compare(
            crate::parse_str("old", old),
            crate::parse_str("new", &new),
            &DiffOptions::default(),
        );
        // Free, but out of order where the new version puts it: still the new version's own
        // number (issue 13: « bis » only when the number is taken).
        let md = markdown(&draft(&cmp, &DraftOptions::default()));
        assert!(
            md.contains("il est inséré un article 12 ainsi rédigé"),
            "{md}"
        );
        // A number taken: « bis ».
        let new = old.replace(
            "Article 48 : Durée",
            "Article 1 : Données\n\nLes données sont hébergées en France.\n\nArticle 48 : Durée",
        );
        let cmp = compare(
            crate::parse_str("old", old),
            crate::parse_str("new", &new),
            &DiffOptions::default(),
        );
        let md = markdown(&draft(&cmp, &DraftOptions::default()));
        assert!(md.contains("il est inséré un article 47-1 bis"), "{md}");
    }

    #[test]
    fn whole_phrases_and_case_changes_are_the_smallest_unit() {
        // An appended sentence: never « après le mot … sont insérés les mots … ».
        let (av, md) = drafted(
            &OLD.replace(
                "La convention est conclue pour un an.",
                "La convention est conclue pour un an. Elle est renouvelable une fois.",
            ),
            &DraftOptions::default(),
        );
        assert!(matches!(ops(&av)[..], [Op::AddPhrase { .. }]), "{md}");
        assert!(
            md.contains("L'article 4 de la convention est complété par une phrase ainsi rédigée\u{a0}:\n\n«\u{a0}Elle est renouvelable une fois.\u{a0}»"),
            "{md}"
        );
        // A phrase inserted between two, a phrase deleted.
        let (av, md) = drafted(
            &OLD.replace(
                "Le comité se réunit tous les six mois. Le comité rend",
                "Le comité se réunit tous les six mois. Il siège à Paris. Le comité rend",
            ),
            &DraftOptions::default(),
        );
        assert!(matches!(ops(&av)[..], [Op::InsertPhrase { .. }]), "{md}");
        let (av, md) = drafted(
            &OLD.replace(" Le comité rend compte au comité de direction.", ""),
            &DraftOptions::default(),
        );
        assert!(matches!(ops(&av)[..], [Op::DeletePhrase]), "{md}");
        // A change of case alone is a change, drafted as words.
        let (av, md) = drafted(
            &OLD.replace("Le comité est présidé", "Le Comité est présidé"),
            &DraftOptions::default(),
        );
        assert!(matches!(ops(&av)[..], [Op::ReplaceWords { .. }]), "{md}");
        assert!(md.contains("«\u{a0}Comité"), "{md}");
    }

    #[test]
    fn a_division_heading_is_drafted() {
        let old = "Convention de partenariat\n\nTitre I : Dispositions générales\n\nArticle 1 : Objet\n\nLa convention lie les parties.\n\nTitre II : Financement\n\nArticle 2 : Montant\n\nLe montant est fixé.\n";
        let new = old.replace(
            "Titre II : Financement",
            "Titre II : Financement et versements",
        );
        let cmp = compare(
            crate::parse_str("old", old),
            crate::parse_str("new", &new),
            &DiffOptions::default(),
        );
        let av = draft_checked(&cmp, &DraftOptions::default()).expect("verified");
        let md = markdown(&av);
        assert!(
            md.contains("L'intitulé du titre II de la convention est ainsi rédigé\u{a0}: «\u{a0}Financement et versements\u{a0}»."),
            "{md}"
        );
    }

    #[test]
    fn sub_articles_are_renumbered_as_a_range() {
        let old = "Convention de partenariat\n\nArticle 1 : Objet\n\nLa convention lie les parties.\n\nArticle 3 : Financement\n\n3.1 Montant\n\nLe montant est fixé.\n\n3.2 Versement\n\nLe versement est annuel.\n\n3.3 Contrôle\n\nLe contrôle est fait.\n\n3.4 Audit\n\nUn audit est fait.\n\nArticle 4 : Durée\n\nLa convention dure un an.\n";
        let new = old
            .replace("3.4 Audit", "3.5 Audit")
            .replace("3.3 Contrôle", "3.4 Contrôle")
            .replace("3.2 Versement", "3.3 Versement")
            .replace(
                "fixé.\n\n",
                "fixé.\n\n3.2 Avance\n\nUne avance est versée.\n\n",
            );
        let cmp = compare(
            crate::parse_str("old", old),
            crate::parse_str("new", &new),
            &DiffOptions::default(),
        );
        let renumber = DraftOptions {
            renumber: true,
            ..DraftOptions::default()
        };
        let av = draft_checked(&cmp, &renumber).expect("verified");
        let md = markdown(&av);
        assert!(
            md.contains("Les articles 3.2 à 3.4 deviennent respectivement les articles 3.3 à 3.5."),
            "{md}"
        );
        assert!(
            md.contains("il est inséré un article 3.2 ainsi rédigé"),
            "{md}"
        );
    }

    #[test]
    fn an_article_inserted_first_in_its_division_or_article() {
        let old = "Convention de partenariat\n\nTitre I : Dispositions générales\n\nArticle 1 : Objet\n\nLa convention lie les parties.\n\nTitre II : Financement\n\nArticle 3 : Montant\n\nLe montant est fixé.\n\n3.1 Versement\n\nLe versement est annuel.\n";
        let new = old
            .replace(
                "Titre II : Financement\n\n",
                "Titre II : Financement\n\nArticle 2 : Principe\n\nLe financement est partagé.\n\n",
            )
            .replace("3.1 Versement", "3.2 Versement")
            .replace(
                "fixé.\n\n",
                "fixé.\n\n3.1 Avance\n\nUne avance est versée.\n\n",
            );
        let cmp = compare(
            crate::parse_str("old", old),
            crate::parse_str("new", &new),
            &DiffOptions::default(),
        );
        let renumber = DraftOptions {
            renumber: true,
            ..DraftOptions::default()
        };
        let av = draft_checked(&cmp, &renumber).expect("verified");
        let md = markdown(&av);
        for want in [
            "Au début du titre II de la convention, il est inséré un article 2 ainsi rédigé",
            // Article 3 has an alinéa of its own before its sub-articles (brief drafting, item 2).
            "Après le dernier alinéa de l'article 3 de la convention, il est inséré un article 3.1 ainsi rédigé",
            "L'article 3.1 devient l'article 3.2.",
        ] {
            assert!(md.contains(want), "{want}\n{md}");
        }
    }

    #[test]
    fn new_and_deleted_divisions_are_drafted_whole() {
        let old = "Convention de partenariat\n\nTitre I : Dispositions générales\n\nArticle 1 : Objet\n\nLa convention lie les parties.\n\nChapitre 1 : Comité\n\nArticle 2 : Comité\n\nLe comité se réunit.\n\nTitre II : Financement\n\nArticle 3 : Montant\n\nLe montant est fixé.\n\nTitre III : Contrôle\n\nArticle 4 : Audit\n\nUn audit est fait.\n";
        let cases = [
            (
                // After a division, its articles and a sub-division quoted with it.
                old.replace(
                    "Titre III : Contrôle",
                    "Titre II bis : Données\n\nArticle 3-1 : Hébergement\n\nLes données sont hébergées en France.\n\nChapitre 1 : Accès\n\nArticle 3-2 : Accès\n\nL'accès est réservé.\n\nTitre III : Contrôle",
                ),
                "Après le titre II de la convention, il est inséré un titre II bis ainsi rédigé\u{a0}:",
            ),
            (
                // Last in its division.
                old.replace(
                    "Le comité se réunit.\n\n",
                    "Le comité se réunit.\n\nChapitre 2 : Secrétariat\n\nArticle 2-1 : Secrétariat\n\nUn secrétariat est assuré.\n\n",
                ),
                "Le titre I de la convention est complété par un chapitre 2 ainsi rédigé\u{a0}:",
            ),
            (
                // First in its division.
                old.replace(
                    "Titre II : Financement\n\n",
                    "Titre II : Financement\n\nChapitre 1 : Principe\n\nArticle 2-1 : Principe\n\nLe financement est partagé.\n\n",
                ),
                "Au début du titre II de la convention, il est inséré un chapitre 1 ainsi rédigé\u{a0}:",
            ),
            (
                // A division deleted with its articles.
                old.replace("Titre III : Contrôle\n\nArticle 4 : Audit\n\nUn audit est fait.\n", ""),
                "Le titre III de la convention est supprimé.",
            ),
        ];
        for (new, want) in cases {
            let cmp = compare(
                crate::parse_str("old", old),
                crate::parse_str("new", &new),
                &DiffOptions::default(),
            );
            let av = draft_checked(&cmp, &DraftOptions::default()).unwrap_or_else(|e| {
                panic!("{e}\n{}", markdown(&draft(&cmp, &DraftOptions::default())))
            });
            let md = markdown(&av);
            assert!(md.contains(want), "{want}\n{md}");
        }
    }

    #[test]
    fn the_body_names_the_document_by_its_own_noun() {
        for (title, of, the, done, present) in [
            (
                "Contrat de subvention",
                "du contrat",
                "Le contrat",
                "est complété",
                "modifier le contrat",
            ),
            (
                "Accord-cadre de coopération",
                "de l'accord-cadre",
                "L'accord-cadre",
                "est complété",
                "modifier l'accord-cadre",
            ),
            (
                "Statuts de l'association",
                "des statuts",
                "Les statuts",
                "sont complétés",
                "modifier les statuts",
            ),
            (
                "Charte du référent",
                "de la charte",
                "La charte",
                "est complétée",
                "modifier la charte",
            ),
            (
                "Protocole d'accord",
                "du protocole",
                "Le protocole",
                "est complété",
                "modifier le protocole",
            ),
            (
                "Convention de partenariat",
                "de la convention",
                "La convention",
                "est complétée",
                "modifier la convention",
            ),
        ] {
            let old = OLD.replace("Convention de partenariat", title);
            let new = old
                .replace("ENA", "INSP")
                .replace("pour un an", "pour deux ans")
                .replace(
                    "Le comité se réunit tous les six mois. Le comité rend compte au comité de direction.\n\nLe comité est présidé par la DINUM.",
                    "Un secrétariat est assuré.\n\nSes membres sont désignés chaque année.",
                )
                .replace(
                    "\n\nFait à",
                    "\n\nArticle 5 : Litiges\n\nLes litiges relèvent du tribunal administratif.\n\nFait à",
                );
            let cmp = compare(
                crate::parse_str("old", &old),
                crate::parse_str("new", &new),
                &DiffOptions::default(),
            );
            let av = draft_checked(&cmp, &DraftOptions::default()).expect("verified");
            let md = markdown(&av);
            for want in [
                format!("Dans l'ensemble {of}, le mot"),
                format!("## Article 2 – Modification de l'article 2 {of}"),
                format!("L'article 2 {of} est ainsi rédigé"),
                format!("{the} {done} par un article 5 ainsi rédigé"),
                format!(
                    "Insertion d'un article 5 dans {}",
                    formules::capitalise(the).to_lowercase()
                ),
                format!("a pour objet de {present} afin"),
                // Statuts, règlement and charte have dispositions.
                format!(
                    "Les autres {} {of} demeurent inchangées.",
                    if ["Statuts", "Règlement", "Charte"]
                        .iter()
                        .any(|w| title.starts_with(w))
                    {
                        "dispositions"
                    } else {
                        "stipulations"
                    }
                ),
            ] {
                assert!(md.contains(&want), "{want}\n{md}");
            }
            assert!(
                !md.contains("de la convention") || title.starts_with("Convention"),
                "{md}"
            );
        }
    }

    #[test]
    fn annexes_are_renumbered_with_renumber() {
        let old = "Convention de partenariat\n\nArticle 1 : Objet\n\nLa convention lie les parties.\n\nAnnexe 1 : Budget\n\nLe budget est annexé.\n\nAnnexe 2 : Calendrier\n\nLe calendrier est annexé.\n\nAnnexe 3 : Contacts\n\nLes contacts sont annexés.\n\nAnnexe 4 : Glossaire\n\nLe glossaire est annexé.\n";
        let new = old
            .replace("Annexe 2 : Calendrier\n\nLe calendrier est annexé.\n\n", "")
            .replace("Annexe 3 : Contacts", "Annexe 2 : Contacts")
            .replace("Annexe 4 : Glossaire", "Annexe 3 : Glossaire");
        let cmp = compare(
            crate::parse_str("old", old),
            crate::parse_str("new", &new),
            &DiffOptions::default(),
        );
        let renumber = DraftOptions {
            renumber: true,
            ..DraftOptions::default()
        };
        let av = draft_checked(&cmp, &renumber).expect("verified");
        let md = markdown(&av);
        for want in [
            "L'annexe 2 de la convention est supprimée.",
            "Les annexes 3 et 4 deviennent respectivement les annexes 2 et 3.",
            "renuméroter en conséquence ses annexes",
        ] {
            assert!(md.contains(want), "{want}\n{md}");
        }
        // Without it, the old numbers stay and the act still verifies.
        let av = draft_checked(&cmp, &DraftOptions::default()).expect("verified");
        assert!(!markdown(&av).contains("deviennent"));
        // One annex: « L'annexe 3 devient l'annexe 2. »
        let new = old
            .replace("Annexe 2 : Calendrier\n\nLe calendrier est annexé.\n\n", "")
            .replace("Annexe 4 : Glossaire\n\nLe glossaire est annexé.\n", "")
            .replace("Annexe 3 : Contacts", "Annexe 2 : Contacts");
        let cmp = compare(
            crate::parse_str("old", old),
            crate::parse_str("new", &new),
            &DiffOptions::default(),
        );
        let md = markdown(&draft_checked(&cmp, &renumber).expect("verified"));
        assert!(md.contains("L'annexe 3 devient l'annexe 2."), "{md}");
        // A new annex between two: inserted after the one before it, the next renumbered.
        let new = old
            .replace("Annexe 4 : Glossaire", "Annexe 5 : Glossaire")
            .replace("Annexe 3 : Contacts", "Annexe 4 : Contacts")
            .replace("Annexe 2 : Calendrier", "Annexe 3 : Calendrier")
            .replace(
                "annexé.\n\nAnnexe 3",
                "annexé.\n\nAnnexe 2 : Risques\n\nLes risques sont recensés.\n\nAnnexe 3",
            );
        let cmp = compare(
            crate::parse_str("old", old),
            crate::parse_str("new", &new),
            &DiffOptions::default(),
        );
        let md = markdown(
            &draft_checked(&cmp, &renumber)
                .unwrap_or_else(|e| panic!("{e}\n{}", markdown(&draft(&cmp, &renumber)))),
        );
        for want in [
            "Les annexes 2 à 4 deviennent respectivement les annexes 3 à 5.",
            "Après l'annexe 1 de la convention, il est inséré une annexe 2 ainsi rédigée\u{a0}:",
        ] {
            assert!(md.contains(want), "{want}\n{md}");
        }
    }

    #[test]
    fn footnotes_changed_added_and_deleted_are_drafted() {
        let old = format!("{OLD}\n¹ Au sens du code de l'éducation.\n\n² Voir l'annexe.\n");
        let cases = [
            (
                old.replace(
                    "Au sens du code de l'éducation.",
                    "Au sens du code général de la fonction publique.",
                ),
                "La note de bas de page n° 1 de la convention est ainsi rédigée\u{a0}:",
            ),
            (
                old.replace("\n\n² Voir l'annexe.", ""),
                "La note de bas de page n° 2 de la convention est supprimée.",
            ),
            (
                format!("{old}\n³ Données de 2021.\n"),
                "La convention est complétée par une note de bas de page n° 3 ainsi rédigée\u{a0}:",
            ),
        ];
        for (new, want) in cases {
            let cmp = compare(
                crate::parse_str("old", &old),
                crate::parse_str("new", &new),
                &DiffOptions::default(),
            );
            assert!(cmp.old.get("notes").is_some());
            let av = draft_checked(&cmp, &DraftOptions::default()).unwrap_or_else(|e| {
                panic!("{e}\n{}", markdown(&draft(&cmp, &DraftOptions::default())))
            });
            let md = markdown(&av);
            assert!(md.contains(want), "{want}\n{md}");
        }
    }

    #[test]
    fn label_order_sorts_numbers_and_suffixes() {
        let k = |l: &str| inserts::label_order(l).expect("numbered");
        assert!(k("5.6") < k("5.7") && k("5.7") < k("6"));
        assert!(k("47-1") < k("47-2") && k("47-2") < k("48"));
        assert!(k("4") < k("4 bis") && k("4 bis") < k("4 ter") && k("4 ter") < k("5"));
        assert_eq!(k("1er"), vec![1]);
        assert!(inserts::label_order("I").is_none());
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
