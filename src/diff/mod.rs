//! Diff stage: two [`Document`]s (aligned by [`crate::align`]) → a [`Comparison`], the one value
//! every renderer, the avenant drafter and the template checker take. It never fails and never prints.
//!
//! # What a comparison holds
//!
//! - [`Comparison::pairs`]: a tree of [`PairDiff`] mirroring the alignment — in the new document's
//!   order, deleted units where they stood — each with its [`Status`], `renumbered` / `moved` /
//!   `cosmetic` flags, the [`Basis`] of the pairing and its similarity, the word changes of the
//!   unit's own text ([`WordChange`]: ranges into the node texts like `similar::DiffOp`, resolved
//!   strings, typed values) and the pairs of its children;
//! - [`Comparison::globals`]: replacements repeated identically in several units (a party renamed
//!   throughout), reported once with their count; the changes they cover point to them;
//! - [`Comparison::summary`]: counts of pairs by status, at every level.
//!
//! Word changes come from `similar`'s Patience diff over French tokens ([`tokens`]): elisions,
//! spaced numbers, dates, amounts, durations, percentages and abbreviations are single tokens,
//! so « 30 juin 2021 » → « 31 décembre 2021 » is one change, typed [`ValueType::Date`].
//! Tokens are compared case- and accent-folded in headings (whose final punctuation, « . » or
//! « : », is typography too) and with capital accents folded in text: a difference only there
//! is *cosmetic*, listed but never making a pair modified (other
//! typography — quotes, apostrophes, spaces, emphasis, page breaks — is already gone from the
//! normalised text).
//!
//! ```
//! let old = avenant::parse_str("v1", "Convention\n\nArticle 1er : Durée\n\nLa convention prend fin le 30 juin 2021.\n");
//! let new = avenant::parse_str("v2", "Convention\n\nArticle 1er : Durée\n\nLa convention prend fin le 31 décembre 2021.\n");
//! let cmp = avenant::diff::compare(old, new, &Default::default());
//! let change = cmp.iter().flat_map(|p| &p.changes).next().unwrap();
//! assert_eq!((change.old.as_str(), change.new.as_str()), ("30 juin 2021", "31 décembre 2021"));
//! assert_eq!(change.value_type, avenant::diff::ValueType::Date);
//! assert!(cmp.has_differences());
//! ```

pub mod everywhere;
pub mod tokens;
pub mod values;
mod words;

pub use crate::align::{Basis, Field};
pub use values::{Value, ValueKind, ValueType};

use crate::align::{self, own_text, AlignOptions, Alignment, Pair};
use crate::model::{Document, NodeId};
pub use crate::text::fold_capital_accents;
use similar::DiffTag;
use std::borrow::Cow;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::ops::Range;
use tokens::{tokenize, Token};
use words::{changes_of, key, key_ops, TokenOp};
pub use words::{diff_texts, diff_texts_capped};

/// Options of [`compare`].
#[derive(Debug, Clone, PartialEq)]
pub struct DiffOptions {
    /// How the two trees are aligned.
    pub align: AlignOptions,
    /// Occurrences from which an identical replacement is reported as global (in as many units).
    pub global_min_count: usize,
    /// Threads that read both sides and diff the pairs (0: as many as cores); the comparison
    /// is the same whatever their number.
    pub jobs: usize,
}

impl Default for DiffOptions {
    fn default() -> Self {
        DiffOptions {
            align: AlignOptions::default(),
            global_min_count: 2,
            jobs: 0,
        }
    }
}

/// What happened to a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Same substance (it may still be renumbered, moved or cosmetically changed).
    Unchanged,
    /// Its own words, or something below it, changed.
    Modified,
    /// Only in the new version.
    Inserted,
    /// Only in the old version.
    Deleted,
}

impl Status {
    /// The name in the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unchanged => "unchanged",
            Status::Modified => "modified",
            Status::Inserted => "inserted",
            Status::Deleted => "deleted",
        }
    }
}

/// The kind of a word change (Equal stretches are not stored: they lie between changes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeTag {
    /// Words replaced by others.
    Replace,
    /// Words inserted.
    Insert,
    /// Words deleted.
    Delete,
}

impl ChangeTag {
    /// The name in the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeTag::Replace => "replace",
            ChangeTag::Insert => "insert",
            ChangeTag::Delete => "delete",
        }
    }
}

/// One change of words inside a pair's own text.
///
/// `old_range` is a byte range into the old node's [`Field`] (its `text` or `heading`),
/// `new_range` into the new node's; an insertion has an empty `old_range` at the place where
/// the words go (after the previous word), a deletion an empty `new_range`.
#[derive(Debug, Clone, PartialEq)]
pub struct WordChange {
    /// Replacement, insertion or deletion.
    pub tag: ChangeTag,
    /// The text or the heading of the node.
    pub field: Field,
    /// The old words, as a byte range into the old field.
    pub old_range: Range<usize>,
    /// The new words, as a byte range into the new field.
    pub new_range: Range<usize>,
    /// The old words (empty for an insertion).
    pub old: String,
    /// The new words (empty for a deletion).
    pub new: String,
    /// What the words are (a date, an amount…; text otherwise).
    pub value_type: ValueType,
    /// The old value, when the words are a typed value that could be read.
    pub old_value: Option<Value>,
    /// The new value, when the words are a typed value that could be read.
    pub new_value: Option<Value>,
    /// Typography only (case of a heading, accent on a capital): never makes a pair modified.
    pub cosmetic: bool,
    /// Index into [`Comparison::globals`] when this change is one occurrence of a global replacement.
    pub global: Option<usize>,
}

/// The diff of one aligned pair, and of its children.
#[derive(Debug, Clone, PartialEq)]
pub struct PairDiff {
    /// The node in the old version, if any.
    pub old: Option<NodeId>,
    /// The node in the new version, if any.
    pub new: Option<NodeId>,
    /// Unchanged, modified, inserted or deleted.
    pub status: Status,
    /// How the pair was aligned (same key, same text, similar text…).
    pub basis: Basis,
    /// Similarity of the two texts, 0 to 1.
    pub similarity: f32,
    /// The unit changed place.
    pub moved: bool,
    /// The unit changed number.
    pub renumbered: bool,
    /// It, or something below it, has cosmetic changes.
    pub cosmetic: bool,
    /// Changes of the unit's own text (a leaf's text, a container's heading), in order.
    pub changes: Vec<WordChange>,
    /// The pairs of the children, in the new version's order.
    pub children: Vec<PairDiff>,
}

impl PairDiff {
    /// A substantive difference here or below: changed, inserted, deleted, moved or renumbered.
    pub fn is_different(&self) -> bool {
        self.status != Status::Unchanged
            || self.moved
            || self.renumbered
            || self.children.iter().any(PairDiff::is_different)
    }

    /// The substantive changes of the pair's own text.
    pub fn substantive(&self) -> impl Iterator<Item = &WordChange> {
        self.changes.iter().filter(|c| !c.cosmetic)
    }
}

/// A replacement repeated identically across the document.
#[derive(Debug, Clone, PartialEq)]
pub struct GlobalReplacement {
    /// The words replaced.
    pub old: String,
    /// The words that replace them.
    pub new: String,
    /// What the words are (a date, an amount…; text otherwise).
    pub value_type: ValueType,
    /// Occurrences.
    pub count: usize,
    /// The (old, new) units where it occurs, in order, once each.
    pub units: Vec<(Option<NodeId>, Option<NodeId>)>,
}

/// Counts of pairs by status and flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Unchanged.
    pub unchanged: usize,
    /// Modified.
    pub modified: usize,
    /// Inserted.
    pub inserted: usize,
    /// Deleted.
    pub deleted: usize,
    /// Renumbered.
    pub renumbered: usize,
    /// Moved.
    pub moved: usize,
    /// Pairs whose own text has cosmetic changes.
    pub cosmetic: usize,
}

/// What changed, counted: units (préambule, parties, visas, articles and sub-articles, annexes,
/// tables, signatures…) apart from alinéas (alinéas, items, table rows, notes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Articles, annexes and other units.
    pub units: Counts,
    /// Alinéas.
    pub alineas: Counts,
    /// Global replacements.
    pub global: usize,
    /// Pairs whose own texts were too long for a word-by-word diff ([`WORD_DIFF_BUDGET`]) and
    /// were diffed sentence by sentence: the renderers say so.
    pub coarse: usize,
}

/// Most tokens (both sides together) one unit's texts are diffed word by word. Beyond — an
/// alinéa of hundreds of kilobytes — the texts are diffed sentence by sentence (runs of tokens
/// ended by `.`, `;`, `:`, `!`, `?`, at most [`COARSE_CHUNK`] tokens): unchanged sentences
/// still match exactly, a changed one is replaced whole, and the pair is counted in
/// [`Summary::coarse`]. A deterministic work cap (same output on every machine and run), in the
/// spirit of `similar`'s deadline, so that cost stays near-linear whatever the input.
pub const WORD_DIFF_BUDGET: usize = 60_000;

/// Most tokens in one chunk of a sentence-by-sentence diff.
pub const COARSE_CHUNK: usize = 48;

/// The comparison of two documents: the one value every renderer takes.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The old version.
    pub old: Document,
    /// The new version.
    pub new: Document,
    /// The alignment of the two trees.
    pub alignment: Alignment,
    /// Top-level pair diffs, in the new document's order.
    pub pairs: Vec<PairDiff>,
    /// Replacements repeated identically across the document.
    pub globals: Vec<GlobalReplacement>,
    /// The counts of changes.
    pub summary: Summary,
}

impl Comparison {
    /// True when something substantive differs (what exit code 1 means).
    pub fn has_differences(&self) -> bool {
        self.pairs.iter().any(PairDiff::is_different)
    }

    /// Every pair diff, depth first, in order.
    pub fn iter(&self) -> impl Iterator<Item = &PairDiff> {
        let mut stack: Vec<&PairDiff> = self.pairs.iter().rev().collect();
        std::iter::from_fn(move || {
            let p = stack.pop()?;
            stack.extend(p.children.iter().rev());
            Some(p)
        })
    }

    /// The old node's text a change's `old_range` points into.
    pub fn old_field(&self, pair: &PairDiff, field: Field) -> &str {
        pair.old.map_or("", |id| field_text(&self.old, id, field))
    }

    /// The new node's text a change's `new_range` points into.
    pub fn new_field(&self, pair: &PairDiff, field: Field) -> &str {
        pair.new.map_or("", |id| field_text(&self.new, id, field))
    }
}

fn field_text(doc: &Document, id: NodeId, field: Field) -> &str {
    let node = doc.node(id);
    match field {
        Field::Text => &node.text,
        Field::Heading => node.heading.as_deref().unwrap_or(""),
    }
}

/// Aligns and diffs two documents.
pub fn compare(old: Document, new: Document, options: &DiffOptions) -> Comparison {
    let alignment = align::align_on(&old, &new, &options.align, options.jobs);
    diff(old, new, alignment, options)
}

/// Diffs two documents along a given alignment (for callers that align themselves).
pub fn diff(
    old: Document,
    new: Document,
    alignment: Alignment,
    options: &DiffOptions,
) -> Comparison {
    let coarse = Cell::new(0);
    let mut done = word_diffs(&old, &new, &alignment, options.jobs);
    let mut pairs = diff_list(&old, &new, &alignment.pairs, &coarse, &mut done);
    let globals = find_globals(
        &old,
        &new,
        &mut pairs,
        options.global_min_count,
        options.jobs,
    );
    let mut summary = Summary {
        global: globals.len(),
        coarse: coarse.get(),
        ..Summary::default()
    };
    count(&old, &new, &pairs, &mut summary);
    Comparison {
        old,
        new,
        alignment,
        pairs,
        globals,
        summary,
    }
}

fn count(old: &Document, new: &Document, pairs: &[PairDiff], s: &mut Summary) {
    for p in pairs {
        let kind = p
            .new
            .map(|n| new.node(n).kind)
            .or(p.old.map(|o| old.node(o).kind));
        let leaf = kind.is_some_and(|k| {
            k.is_alinea_like()
                || matches!(
                    k,
                    crate::model::NodeKind::Row | crate::model::NodeKind::Note
                )
        });
        let c = if leaf { &mut s.alineas } else { &mut s.units };
        match p.status {
            Status::Unchanged => c.unchanged += 1,
            Status::Modified => c.modified += 1,
            Status::Inserted => c.inserted += 1,
            Status::Deleted => c.deleted += 1,
        }
        c.renumbered += usize::from(p.renumbered);
        c.moved += usize::from(p.moved);
        c.cosmetic += usize::from(p.changes.iter().any(|c| c.cosmetic));
        count(old, new, &p.children, s);
    }
}

/// Diffs a sibling list; consecutive split (or merge) parts are diffed as one group.
fn diff_list(
    old: &Document,
    new: &Document,
    pairs: &[Pair],
    coarse: &Cell<usize>,
    done: &mut Done,
) -> Vec<PairDiff> {
    let mut out = Vec::with_capacity(pairs.len());
    let mut k = 0;
    while k < pairs.len() {
        let p = &pairs[k];
        if matches!(p.basis, Basis::Split | Basis::Merge) {
            let mut end = k + 1;
            while end < pairs.len()
                && pairs[end].basis == p.basis
                && (if p.basis == Basis::Split {
                    pairs[end].old == p.old
                } else {
                    pairs[end].new == p.new
                })
            {
                end += 1;
            }
            out.extend(diff_group(old, new, &pairs[k..end], coarse));
            k = end;
            continue;
        }
        out.push(diff_pair(old, new, p, coarse, done));
        k += 1;
    }
    out
}

fn diff_pair(
    old: &Document,
    new: &Document,
    p: &Pair,
    coarse: &Cell<usize>,
    done: &mut Done,
) -> PairDiff {
    // An alinéa that became a heading and the first alinéas below it: one text split in parts.
    // Or the converse: a division's heading and alinéas merged into one alinéa.
    if p.basis == Basis::Restructured && p.old.is_some() && p.new.is_some() {
        let sequel = p
            .children
            .iter()
            .take_while(|c| {
                c.basis == Basis::Restructured && c.old == p.old
                    || c.basis == Basis::Merge && c.new == p.new
            })
            .count();
        if sequel > 0 {
            let mut parts = vec![p.clone()];
            parts.extend(p.children[..sequel].iter().cloned());
            let mut diffs = diff_group(old, new, &parts, coarse).into_iter();
            if let Some(head) = diffs.next() {
                let mut children = Vec::with_capacity(p.children.len());
                for (i, (part, mut d)) in p.children[..sequel].iter().zip(diffs).enumerate() {
                    if i == 0 && part.old == p.old {
                        d.changes = separator_apart(d.changes);
                    }
                    d.children = diff_list(old, new, &part.children, coarse, done);
                    children.push(finish(part, d.changes, d.children));
                }
                children.extend(diff_list(old, new, &p.children[sequel..], coarse, done));
                return finish(p, marker_untyped(head.changes), children);
            }
        }
    }
    let children = diff_list(old, new, &p.children, coarse, done);
    let changes = match own_texts(old, new, p) {
        Some((ot, nt, field)) => {
            if ot == nt {
                Vec::new()
            } else {
                let key = (p.old, p.new, p.basis == Basis::Restructured);
                let (changes, capped) = done
                    .remove(&key)
                    .unwrap_or_else(|| diff_texts_capped(ot, nt, field));
                coarse.set(coarse.get() + usize::from(capped));
                if p.basis == Basis::Restructured {
                    marker_untyped(changes)
                } else {
                    changes
                }
            }
        }
        None => Vec::new(),
    };
    finish(p, changes, children)
}

/// The two texts a pair's own words are diffed between, and their field: the units' own texts
/// ([`own_text`]); for an alinéa that became a heading (or the converse), its whole line
/// against the heading's whole line, both texts.
fn own_texts<'d>(
    old: &'d Document,
    new: &'d Document,
    p: &Pair,
) -> Option<(&'d str, &'d str, Field)> {
    let (o, n) = (p.old?, p.new?);
    if p.basis == Basis::Restructured {
        return Some((&old.node(o).text[..], &new.node(n).text[..], Field::Text));
    }
    let (ot, field) = own_text(old, o);
    Some((ot, own_text(new, n).0, field))
}

/// Word diffs computed ahead, by pair (old, new, restructured).
type Done = rustc_hash::FxHashMap<(Option<NodeId>, Option<NodeId>, bool), (Vec<WordChange>, bool)>;

/// The word diffs of every pair whose own texts differ, computed on up to `threads` threads
/// (each pair's are independent of the others'); the walk that builds the pair tree takes them in its own
/// order, so the comparison is the same whatever the number of threads. A pair the walk
/// diffs otherwise (parts of a split or a merge) leaves its entry unused.
fn word_diffs(old: &Document, new: &Document, alignment: &Alignment, threads: usize) -> Done {
    let mut jobs = Vec::new();
    for p in alignment.iter() {
        if let Some((ot, nt, field)) = own_texts(old, new, p) {
            if ot != nt {
                jobs.push((
                    (p.old, p.new, p.basis == Basis::Restructured),
                    ot,
                    nt,
                    field,
                ));
            }
        }
    }
    align::threads::map(
        threads,
        jobs,
        |(_, ot, nt, _)| ot.len() + nt.len(),
        |(key, ot, nt, field)| (key, diff_texts_capped(ot, nt, field)),
    )
    .into_iter()
    .collect()
}

/// The changes of a unit that changed kind (an alinéa that became a heading, or the converse)
/// with the number that opens either text (« 2. Surface … », « 5.4. Modalités … », the new
/// « B. ») read as words: a point's number that came or went with the unit's kind is its
/// structure, not a value the parties changed (no « le nombre « 2. » supprimé »).
fn marker_untyped(mut changes: Vec<WordChange>) -> Vec<WordChange> {
    for c in &mut changes {
        let opens = match c.tag {
            ChangeTag::Insert => c.new_range.start == 0,
            ChangeTag::Delete => c.old_range.start == 0,
            ChangeTag::Replace => c.old_range.start == 0 || c.new_range.start == 0,
        };
        // Empty (the other side of an insertion or deletion) or one short word.
        let marker = |w: &str| {
            let w = w.trim();
            w.chars().count() <= 12 && !w.contains(char::is_whitespace)
        };
        if opens && marker(&c.old) && marker(&c.new) {
            c.value_type = ValueType::Text;
            c.old_value = None;
            c.new_value = None;
        }
    }
    changes
}

/// The changes of the alinéa that follows a heading the old alinéa became, with the separator
/// that stood between the heading's words and the rest of the old alinéa (« Emplacement : parc
/// … » → « Emplacement » + « Parc … ») set apart as a cosmetic deletion, and the case of the
/// first letter, now opening an alinéa, as cosmetic.
fn separator_apart(changes: Vec<WordChange>) -> Vec<WordChange> {
    let mut out = Vec::with_capacity(changes.len() + 1);
    for mut c in changes {
        let cut = c
            .old
            .char_indices()
            .find(|(_, ch)| {
                !(ch.is_whitespace() || matches!(ch, ':' | ';' | ',' | '-' | '–' | '—'))
            })
            .map_or(c.old.len(), |(i, _)| i);
        let starts_new = c
            .new
            .starts_with(|ch: char| !ch.is_whitespace() && !ch.is_ascii_punctuation());
        if c.tag == ChangeTag::Delete && c.new_range.start == 0 && cut == c.old.len() {
            c.cosmetic = true;
        } else if c.tag == ChangeTag::Replace && cut > 0 && cut < c.old.len() && starts_new {
            let at = c.old_range.start;
            out.push(WordChange {
                tag: ChangeTag::Delete,
                old_range: at..at + cut,
                new_range: c.new_range.start..c.new_range.start,
                old: c.old[..cut].trim_end().to_string(),
                new: String::new(),
                value_type: ValueType::Text,
                old_value: None,
                new_value: None,
                cosmetic: true,
                global: None,
                field: c.field,
            });
            c.old_range.start += cut;
            c.old = c.old[cut..].to_string();
            if c.old.to_lowercase() == c.new.to_lowercase() {
                c.cosmetic = true;
            }
        }
        out.push(c);
    }
    out
}

fn finish(p: &Pair, changes: Vec<WordChange>, children: Vec<PairDiff>) -> PairDiff {
    let status = match (p.old, p.new) {
        (None, _) => Status::Inserted,
        (_, None) => Status::Deleted,
        _ if changes.iter().any(|c| !c.cosmetic)
            || matches!(p.basis, Basis::Split | Basis::Merge)
            || children.iter().any(PairDiff::is_different) =>
        {
            Status::Modified
        }
        _ => Status::Unchanged,
    };
    let cosmetic = changes.iter().any(|c| c.cosmetic) || children.iter().any(|c| c.cosmetic);
    PairDiff {
        old: p.old,
        new: p.new,
        status,
        basis: p.basis,
        similarity: p.similarity,
        moved: p.moved,
        renumbered: p.renumbered,
        cosmetic,
        changes,
        children,
    }
}

/// A split (one old, several new) or a merge (several old, one new): the group is diffed as
/// one text, and each change goes to the part where its words are.
fn diff_group(
    old: &Document,
    new: &Document,
    parts: &[Pair],
    coarse: &Cell<usize>,
) -> Vec<PairDiff> {
    // A restructured group is split (an alinéa became a heading and alinéas) unless its
    // parts share the new unit (a heading and alinéas became an alinéa).
    let split = parts.first().is_some_and(|p| match p.basis {
        Basis::Split => true,
        Basis::Restructured => parts.get(1).is_none_or(|q| q.old == p.old),
        _ => false,
    });
    // A restructured unit's heading is compared whole (its number included), as its text.
    let texts = |doc: &Document, ids: Vec<Option<NodeId>>| -> Vec<String> {
        ids.into_iter()
            .map(|id| {
                id.map_or(String::new(), |i| {
                    if parts[0].basis == Basis::Restructured {
                        doc.node(i).text.clone()
                    } else {
                        own_text(doc, i).0.to_string()
                    }
                })
            })
            .collect()
    };
    let olds: Vec<String> = if split {
        texts(old, vec![parts[0].old])
    } else {
        texts(old, parts.iter().map(|p| p.old).collect())
    };
    let news: Vec<String> = if split {
        texts(new, parts.iter().map(|p| p.new).collect())
    } else {
        texts(new, vec![parts[0].new])
    };
    // Tokens of each part, and the part each token of the joined list belongs to.
    let otoks: Vec<Vec<Token>> = olds.iter().map(|t| tokenize(t)).collect();
    let ntoks: Vec<Vec<Token>> = news.iter().map(|t| tokenize(t)).collect();
    let ok: Vec<(usize, usize)> = otoks
        .iter()
        .enumerate()
        .flat_map(|(p, ts)| (0..ts.len()).map(move |i| (p, i)))
        .collect();
    let nk: Vec<(usize, usize)> = ntoks
        .iter()
        .enumerate()
        .flat_map(|(p, ts)| (0..ts.len()).map(move |i| (p, i)))
        .collect();
    let okeys: Vec<Cow<str>> = ok
        .iter()
        .map(|(p, i)| key(otoks[*p][*i].text(&olds[*p]), Field::Text))
        .collect();
    let nkeys: Vec<Cow<str>> = nk
        .iter()
        .map(|(p, i)| key(ntoks[*p][*i].text(&news[*p]), Field::Text))
        .collect();
    let (ops, capped) = key_ops(&okeys, &nkeys);
    coarse.set(coarse.get() + usize::from(capped));
    let mut per_part: Vec<Vec<TokenOp>> = vec![Vec::new(); parts.len()];
    // Position (part, local index) of a joined index, at a range start.
    let locate = |map: &[(usize, usize)], counts: &[usize], at: usize| -> (usize, usize) {
        match map.get(at) {
            Some(x) => *x,
            None => {
                let last = counts.len().saturating_sub(1);
                (last, counts.get(last).copied().unwrap_or(0))
            }
        }
    };
    let ocounts: Vec<usize> = otoks.iter().map(Vec::len).collect();
    let ncounts: Vec<usize> = ntoks.iter().map(Vec::len).collect();
    for (tag, or, nr) in ops {
        // Cut both ranges at part boundaries, token by token runs.
        let mut oi = or.start;
        let mut ni = nr.start;
        while oi < or.end || ni < nr.end {
            let (op_, ol) = locate(&ok, &ocounts, oi);
            let (np_, nl) = locate(&nk, &ncounts, ni);
            let o_run = if oi < or.end {
                (oi..or.end).take_while(|x| ok[*x].0 == op_).count()
            } else {
                0
            };
            let n_run = if ni < nr.end {
                (ni..nr.end).take_while(|x| nk[*x].0 == np_).count()
            } else {
                0
            };
            let (rem_o, rem_n) = (or.end - oi, nr.end - ni);
            let (o_take, n_take) = if tag == DiffTag::Equal {
                let t = o_run.min(n_run);
                (t, t)
            } else if split {
                // The old words are shared among the new parts in proportion.
                if n_run >= rem_n {
                    (rem_o, n_run)
                } else {
                    ((rem_o * n_run + rem_n / 2) / rem_n, n_run)
                }
            } else if o_run >= rem_o {
                (o_run, rem_n)
            } else {
                (o_run, (rem_n * o_run + rem_o / 2) / rem_o)
            };
            let part = if split { np_ } else { op_ };
            let t = if o_take == 0 {
                DiffTag::Insert
            } else if n_take == 0 {
                DiffTag::Delete
            } else if tag == DiffTag::Equal {
                DiffTag::Equal
            } else {
                DiffTag::Replace
            };
            if let Some(list) = per_part.get_mut(part) {
                list.push((t, ol..ol + o_take, nl..nl + n_take));
            }
            oi += o_take;
            ni += n_take;
            if o_take == 0 && n_take == 0 {
                break;
            }
        }
    }
    let changes: Vec<Vec<WordChange>> = (0..parts.len())
        .map(|k| {
            let (oidx, nidx) = if split { (0, k) } else { (k, 0) };
            let (ot, nt) = (&otoks[oidx], &ntoks[nidx]);
            changes_of(&per_part[k], &olds[oidx], ot, &news[nidx], nt, Field::Text)
        })
        .collect();
    parts
        .iter()
        .zip(changes)
        .map(|(p, changes)| finish(p, changes, Vec::new()))
        .collect()
}

/// Replacements repeated identically in several units become global ones, when they hold
/// throughout the document ([`everywhere::holds_everywhere`]): an occurrence kept, deleted or
/// changed otherwise leaves the replacement with its units.
fn find_globals(
    old_doc: &Document,
    new_doc: &Document,
    pairs: &mut [PairDiff],
    min_count: usize,
    threads: usize,
) -> Vec<GlobalReplacement> {
    // (old, new) → (first seen, count, units)
    type Units = Vec<(Option<NodeId>, Option<NodeId>)>;
    let mut seen: BTreeMap<(String, String), (usize, usize, Units)> = BTreeMap::new();
    let mut order = 0usize;
    fn walk(
        pairs: &[PairDiff],
        seen: &mut BTreeMap<(String, String), (usize, usize, Units)>,
        order: &mut usize,
    ) {
        for p in pairs {
            for c in &p.changes {
                if c.cosmetic || c.tag != ChangeTag::Replace || !significant(&c.old, &c.new) {
                    continue;
                }
                *order += 1;
                let e =
                    seen.entry((c.old.clone(), c.new.clone()))
                        .or_insert((*order, 0, Vec::new()));
                e.1 += 1;
                if !e.2.contains(&(p.old, p.new)) {
                    e.2.push((p.old, p.new));
                }
            }
            walk(&p.children, seen, order);
        }
    }
    walk(pairs, &mut seen, &mut order);
    seen.retain(|_, (_, count, units)| *count >= min_count && units.len() >= 2);
    if !seen.is_empty() {
        // Only the candidates are counted, all of them in one pass over each document.
        let phrases =
            everywhere::Phrases::new(seen.keys().flat_map(|(o, n)| [o.as_str(), n.as_str()]));
        let (old_index, new_index) = align::threads::both(
            threads,
            || phrases.count(old_doc),
            || phrases.count(new_doc),
        );
        seen.retain(|(o, n), _| {
            everywhere::holds_everywhere(old_doc, &old_index, new_doc, &new_index, o, n)
        });
    }
    let mut globals: Vec<(usize, GlobalReplacement)> = seen
        .into_iter()
        .map(|((old, new), (first, count, units))| {
            let value_type = ValueType::Text;
            (
                first,
                GlobalReplacement {
                    old,
                    new,
                    value_type,
                    count,
                    units,
                },
            )
        })
        .collect();
    globals.sort_by_key(|g| g.0);
    let globals: Vec<GlobalReplacement> = globals.into_iter().map(|g| g.1).collect();
    let index: BTreeMap<(&str, &str), usize> = globals
        .iter()
        .enumerate()
        .map(|(i, g)| ((g.old.as_str(), g.new.as_str()), i))
        .collect();
    fn mark(
        pairs: &mut [PairDiff],
        index: &BTreeMap<(&str, &str), usize>,
    ) -> Vec<(usize, ValueType)> {
        let mut types = Vec::new();
        for p in pairs.iter_mut() {
            for c in &mut p.changes {
                if c.cosmetic || c.tag != ChangeTag::Replace {
                    continue;
                }
                if let Some(i) = index.get(&(c.old.as_str(), c.new.as_str())) {
                    c.global = Some(*i);
                    types.push((*i, c.value_type));
                }
            }
            types.extend(mark(&mut p.children, index));
        }
        types
    }
    let types = mark(pairs, &index);
    let mut globals = globals;
    for (i, t) in types {
        if let Some(g) = globals.get_mut(i) {
            g.value_type = t;
        }
    }
    globals
}

/// Words worth a global replacement: not a lone short function word or punctuation.
fn significant(old: &str, new: &str) -> bool {
    let strong = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric()).any(|w| {
            w.chars().count() >= 4 || w.chars().any(|c| c.is_uppercase() || c.is_ascii_digit())
        })
    };
    strong(old) && strong(new)
}

/// A run of a pair's text for display: unchanged, deleted or inserted words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// Words the same on both sides.
    Equal(String),
    /// Words deleted.
    Delete(String),
    /// Words inserted.
    Insert(String),
}

/// The inline view of a pair's own text: the new text with deletions and insertions at their
/// places (cosmetic changes shown only when `show_cosmetic`).
pub fn segments(cmp: &Comparison, pair: &PairDiff, show_cosmetic: bool) -> Vec<Segment> {
    let field = pair.changes.first().map_or_else(
        || pair.new.or(pair.old).map_or(Field::Text, |_| Field::Text),
        |c| c.field,
    );
    let (old_text, new_text) = (cmp.old_field(pair, field), cmp.new_field(pair, field));
    let mut out = Vec::new();
    let mut cursor = 0;
    for c in &pair.changes {
        if c.cosmetic && !show_cosmetic {
            continue;
        }
        if c.new_range.start > cursor {
            if let Some(t) = new_text.get(cursor..c.new_range.start) {
                out.push(Segment::Equal(t.to_string()));
            }
        }
        if !c.old.is_empty() {
            out.push(Segment::Delete(c.old.clone()));
        }
        if !c.new.is_empty() {
            out.push(Segment::Insert(c.new.clone()));
        }
        cursor = cursor.max(c.new_range.end);
    }
    if let Some(t) = new_text.get(cursor..) {
        if !t.is_empty() {
            out.push(Segment::Equal(t.to_string()));
        }
    }
    let _ = old_text;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_str;

    const OLD: &str = "Convention\n\nArticle 1er : Objet\n\nLa convention est conclue entre Réseau Canopé et la DINUM.\n\nArticle 2 : Durée\n\nElle prend fin le 30 juin 2021. Réseau Canopé verse 281 160 € pour 6 mois.\n";

    fn cmp(old: &str, new: &str) -> Comparison {
        compare(
            parse_str("a", old),
            parse_str("b", new),
            &DiffOptions::default(),
        )
    }

    #[test]
    fn texts_over_the_budget_are_diffed_sentence_by_sentence() {
        let sentence = |i: usize| format!("La phrase numéro {i} reste la même ici.");
        let old: Vec<String> = (0..8_000).map(sentence).collect();
        let mut new = old.clone();
        new[4_000] = "Une phrase toute nouvelle.".to_string();
        let (old, new) = (old.join(" "), new.join(" "));
        let (changes, capped) = diff_texts_capped(&old, &new, Field::Text);
        assert!(capped);
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(changes[0].old, "La phrase numéro 4000 reste la même ici.");
        assert_eq!(changes[0].new, "Une phrase toute nouvelle.");
        // Under the budget, word by word.
        let (_, capped) = diff_texts_capped(&sentence(1), &sentence(2), Field::Text);
        assert!(!capped);
        // The comparison counts the capped pair (the JSON and the terminal report it).
        let doc =
            |t: &str| crate::parse_str("x", &format!("Convention\n\nArticle 1er : Objet\n\n{t}\n"));
        let c = compare(doc(&old), doc(&new), &DiffOptions::default());
        assert_eq!(c.summary.coarse, 1);
        let same = compare(doc(&old), doc(&old), &DiffOptions::default());
        assert_eq!(same.summary.coarse, 0);
    }

    #[test]
    fn identical_documents_have_no_change() {
        let c = cmp(OLD, OLD);
        assert!(!c.has_differences());
        assert_eq!(c.summary.units.modified, 0);
        assert!(c.iter().all(|p| p.changes.is_empty()));
    }

    #[test]
    fn typed_changes() {
        let new = OLD
            .replace("30 juin 2021", "31 décembre 2021")
            .replace("281 160 €", "300 000 €")
            .replace("6 mois", "12 mois");
        let c = cmp(OLD, &new);
        let changes: Vec<_> = c.iter().flat_map(|p| p.changes.iter()).collect();
        let types: Vec<_> = changes.iter().map(|c| c.value_type).collect();
        assert_eq!(
            types,
            [ValueType::Date, ValueType::Amount, ValueType::Duration]
        );
        assert_eq!(
            changes[1].new_value,
            Some(Value::Amount { euros: 300000.0 })
        );
        assert_eq!(c.summary.units.modified, 1);
        assert_eq!(c.summary.alineas.modified, 1);
    }

    #[test]
    fn a_renamed_party_is_one_global_replacement() {
        let c = cmp(OLD, &OLD.replace("Réseau Canopé", "l'INSP"));
        assert_eq!(c.globals.len(), 1);
        assert_eq!(c.globals[0].count, 2);
        assert_eq!(c.globals[0].old, "Réseau Canopé");
        assert!(c
            .iter()
            .flat_map(|p| &p.changes)
            .all(|ch| ch.global == Some(0)));
    }

    #[test]
    fn heading_case_is_cosmetic() {
        let c = cmp(OLD, &OLD.replace("Article 2 : Durée", "Article 2 : DURÉE"));
        assert!(!c.has_differences());
        assert!(c
            .iter()
            .any(|p| p.cosmetic && p.status == Status::Unchanged));
    }

    #[test]
    fn quotation_marks_around_a_heading_are_cosmetic() {
        let c = cmp(
            OLD,
            &OLD.replace("Article 2 : Durée", "Article 2 : \"Durée\""),
        );
        assert!(!c.has_differences());
        assert!(c
            .iter()
            .any(|p| p.cosmetic && p.status == Status::Unchanged));
        // Quoting a word inside the heading is not.
        let c = cmp(
            OLD,
            &OLD.replace("Article 2 : Durée", "Article 2 : Durée \"totale\""),
        );
        assert!(c.has_differences());
    }

    #[test]
    fn heading_end_punctuation_is_cosmetic() {
        let c = cmp(OLD, &OLD.replace("Article 2 : Durée", "Article 2 : Durée."));
        assert!(!c.has_differences());
        assert!(c
            .iter()
            .any(|p| p.cosmetic && p.status == Status::Unchanged));
        // A word added is not.
        let c = cmp(
            OLD,
            &OLD.replace("Article 2 : Durée", "Article 2 : Durée totale."),
        );
        assert!(c.has_differences());
    }

    #[test]
    fn word_ranges_point_into_the_texts() {
        let new = OLD.replace("conclue entre", "signée entre");
        let c = cmp(OLD, &new);
        let p = c.iter().find(|p| !p.changes.is_empty()).unwrap();
        let ch = &p.changes[0];
        assert_eq!(&c.old_field(p, ch.field)[ch.old_range.clone()], "conclue");
        assert_eq!(&c.new_field(p, ch.field)[ch.new_range.clone()], "signée");
    }

    #[test]
    fn split_changes_go_to_their_part() {
        let old = "T\n\nArticle 1er : Objet\n\nLa convention a pour objet la coopération des parties et elle précise les modalités de leur travail commun.\n";
        let new = "T\n\nArticle 1er : Objet\n\nLa convention a pour objet la coopération des parties.\n\nElle précise les modalités de leur travail commun.\n";
        let c = cmp(old, new);
        let art = &c.pairs[1];
        assert_eq!(art.children.len(), 2);
        assert!(art
            .children
            .iter()
            .all(|p| p.basis == Basis::Split && p.status == Status::Modified));
        let first: Vec<_> = art.children[0]
            .changes
            .iter()
            .map(|c| (c.old.as_str(), c.new.as_str()))
            .collect();
        assert_eq!(first, [("et", ".")]);
        let second: Vec<_> = art.children[1]
            .changes
            .iter()
            .map(|c| (c.old.as_str(), c.new.as_str()))
            .collect();
        assert_eq!(second, [("elle", "Elle")], "{:?}", art.children[1].changes);
    }
}
