//! Align stage: two [`Document`]s → an [`Alignment`], a tree of old↔new pairs, each with its basis.
//! Pairs by content (exact, heading, similarity), never by number alone; it never looks at
//! formatting (only normalised text), and it cannot fail.
//!
//! # How units are paired
//!
//! At every level (top-level units, sub-articles, alinéas and items, table rows), the children of
//! a pair are aligned as two sequences:
//!
//! 1. **exact**: same content once folded (case and accents ignored, number ignored): hashes
//!    unique on both sides first (the patience idea), then repeated ones in order;
//! 2. **heading**: containers (articles, annexes, structure headings) whose folded heading is
//!    unique among the units still unpaired;
//! 3. **split / merge**: an alinéa whose words are those of two or three consecutive unpaired
//!    alinéas of the other side (Dice ≥ [`AlignOptions::split_similarity`]);
//! 4. **similar**: Dice coefficient over the bags of words of the units (descendants included),
//!    ≥ [`AlignOptions::min_similarity`] (or ≥ [`AlignOptions::label_similarity`] when the
//!    numbers agree too), best scores first. Candidates come from all pairs when the unpaired
//!    lists are small, else from an inverted index over rare words, so cost stays near-linear;
//! 5. **place**: a numbered unit without a heading (article, annexe, division) still unpaired
//!    whose number is that of an untitled unpaired unit of the other side standing between the
//!    same paired neighbours: rewritten in place, whatever its words;
//! 6. **rank**: in each run of unpaired units between paired neighbours, numbered units whose
//!    headings still share their subject words, in order, even renumbered in another scheme
//!    (« 2° Nature de l'opération » → « II. Nature du programme »);
//! 7. **role**: the one remaining unit of a kind that exists once (préambule, parties, visas,
//!    signatures, notes, a table, the last unpaired party).
//!
//! A pair out of order (not in the longest increasing run of old positions) is *moved*; a
//! numbered unit whose number changed is *renumbered*. Finally, units left unpaired anywhere in
//! the tree (divisions first, then articles, then alinéas) are paired across parents, exact
//! then similar (≥ [`AlignOptions::move_similarity`]): an alinéa that left one article for
//! another, a sub-division that went one level down. Between the article and the alinéa
//! moves, an alinéa left unpaired whose words are now the heading of an unpaired division or
//! sub-article under the same paired parent (« 5.1. Permis de construire : … » → « B. Permis
//! de construire … ») is paired with it, as restructured, and the converse.

mod bags;
mod divisions;
mod hash;
mod headings;
mod moves;
pub mod renumber;
mod sequence;
mod splits;
pub mod threads;

use crate::model::{Document, NodeId, NodeKind};
use bags::bag_words;
pub(crate) use bags::next_word;
use hash::content_hashes;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use threads::both;

pub use crate::text::fold;

/// Thresholds of the alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignOptions {
    /// Smallest Dice similarity for two units to be paired as similar.
    pub min_similarity: f32,
    /// Smallest similarity when both units carry the same number.
    pub label_similarity: f32,
    /// Smallest similarity for a unit paired across parents (a move).
    pub move_similarity: f32,
    /// Smallest similarity between an alinéa and the joined parts of a split (or merge).
    pub split_similarity: f32,
    /// Candidates kept per unit when the inverted index is used.
    pub max_candidates: usize,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            min_similarity: 0.5,
            label_similarity: 0.3,
            move_similarity: 0.6,
            split_similarity: 0.8,
            max_candidates: 24,
        }
    }
}

/// Why two units were paired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Basis {
    /// Same content (case, accents and number aside).
    Exact,
    /// Same heading.
    Heading,
    /// Similar words (score in [`Pair::similarity`]).
    Similar,
    /// The one unit of its kind on each side (préambule, signatures…).
    Role,
    /// One old alinéa became several new ones: every part is paired with the old alinéa.
    Split,
    /// Several old alinéas became one: every part is paired with the new alinéa.
    Merge,
    /// Same number at the same place among paired neighbours, content rewritten beyond
    /// similarity: the unit was rewritten in place (« même numéro, même place »).
    Place,
    /// Same number, elsewhere in the tree (its division changed around it), content rewritten
    /// beyond similarity, the number unique among the units left on both sides: a code's
    /// article keeps its number wherever it goes (« même numéro »).
    Number,
    /// Numbered units left between the same paired neighbours whose headings still share their
    /// subject words, paired in order: the same division or article at the same place, its
    /// heading reworded, often renumbered in another scheme (« 2° » → « II. »).
    Rank,
    /// An alinéa that became the heading of a division or sub-article (with, at most, its
    /// first alinéa), or the converse, under the same paired parent: the unit was
    /// restructured, not deleted and inserted.
    Restructured,
    /// No counterpart: inserted or deleted.
    Unmatched,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Exact => "exact",
            Basis::Heading => "heading",
            Basis::Similar => "similar",
            Basis::Role => "role",
            Basis::Split => "split",
            Basis::Merge => "merge",
            Basis::Place => "place",
            Basis::Number => "number",
            Basis::Rank => "rank",
            Basis::Restructured => "restructured",
            Basis::Unmatched => "unmatched",
        }
    }
}

/// One old unit, one new unit, or both, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub old: Option<NodeId>,
    pub new: Option<NodeId>,
    pub basis: Basis,
    /// Dice similarity of the two units' words (1.0 for exact, 0.0 when unmatched).
    pub similarity: f32,
    /// Left its place: out of order among its siblings, or paired across parents.
    pub moved: bool,
    /// A numbered unit (article, annexe…) whose number changed.
    pub renumbered: bool,
    /// Pairs of the children, in the new document's order (deleted ones where they stood).
    pub children: Vec<Pair>,
}

/// The alignment of two documents: top-level pairs, in the new document's order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Alignment {
    pub pairs: Vec<Pair>,
}

impl Alignment {
    /// Every pair, depth first, in order.
    pub fn iter(&self) -> impl Iterator<Item = &Pair> {
        let mut stack: Vec<&Pair> = self.pairs.iter().rev().collect();
        std::iter::from_fn(move || {
            let p = stack.pop()?;
            stack.extend(p.children.iter().rev());
            Some(p)
        })
    }

    /// The new unit paired with an old one (the first, for a split).
    pub fn new_of(&self, old: NodeId) -> Option<NodeId> {
        self.iter().find(|p| p.old == Some(old)).and_then(|p| p.new)
    }

    /// The old unit paired with a new one (the first, for a merge).
    pub fn old_of(&self, new: NodeId) -> Option<NodeId> {
        self.iter().find(|p| p.new == Some(new)).and_then(|p| p.old)
    }
}

/// Which part of a node its own text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// [`crate::Node::text`] (alinéas, items, rows, notes, title).
    Text,
    /// [`crate::Node::heading`] (articles, annexes, structure headings; number excluded).
    Heading,
}

/// The text of a node that belongs to it alone (not to its children), and where it is:
/// a container's heading (its number excluded), a leaf's text.
pub fn own_text(doc: &Document, id: NodeId) -> (&str, Field) {
    let node = doc.node(id);
    let heading_kind = matches!(
        node.kind,
        NodeKind::Article | NodeKind::Annexe | NodeKind::Structure
    );
    if heading_kind || !node.children.is_empty() {
        (node.heading.as_deref().unwrap_or(""), Field::Heading)
    } else {
        (node.text.as_str(), Field::Text)
    }
}

/// A numbered unit's number as numbers are compared (« 1 » and « 1er » alike, see
/// [`renumber::number_key`]); `None` for what carries no number.
fn label_key(doc: &Document, id: NodeId) -> Option<String> {
    let node = doc.node(id);
    if !matches!(
        node.kind,
        NodeKind::Article | NodeKind::Annexe | NodeKind::Structure
    ) {
        return None;
    }
    node.label.as_deref().map(renumber::number_key)
}

/// Kinds that may be paired with each other.
fn class(kind: NodeKind) -> u8 {
    match kind {
        NodeKind::Alinea | NodeKind::Item => 0,
        k => k as u8 + 1,
    }
}

/// Kinds that exist once in a convention (paired by role when nothing else pairs them).
fn is_role(kind: NodeKind) -> bool {
    matches!(
        kind,
        NodeKind::Titre
            | NodeKind::EnTete
            | NodeKind::Parties
            | NodeKind::Partie
            | NodeKind::Visas
            | NodeKind::Preambule
            | NodeKind::Signatures
            | NodeKind::Notes
            | NodeKind::Table
            | NodeKind::Corps
    )
}

fn has_heading(kind: NodeKind) -> bool {
    matches!(
        kind,
        NodeKind::Article | NodeKind::Annexe | NodeKind::Structure
    )
}

/// One side of the comparison and what the aligner knows about it.
struct Side<'a> {
    doc: &'a Document,
    hash: Vec<u64>,
    matched: Vec<bool>,
    /// The bags computed (boxed: most nodes never get one, 8 bytes each instead of 32).
    bags: Vec<Option<Box<bags::Bag>>>,
    /// Flat sorted bags of the units split and merge detection joins.
    flat_bags: FxHashMap<u32, Vec<u32>>,
    /// Every node's own words as interned ids (read once; 16 bits while they fit), node by
    /// node: node `i`'s are
    /// `words[starts[i]..starts[i + 1]]`.
    words: bags::WordIds,
    starts: Vec<u32>,
}

impl<'a> Side<'a> {
    /// Reads the document once: content hashes, and each node's own words interned into ids
    /// of its own `dictionary` (in the order words first appear), so that later comparisons
    /// copy and compare `u32`s; `buffers` are where they go ([`Buffers::new`]).
    /// [`Side::pair`] makes both sides' ids one dictionary's.
    fn new(
        doc: &'a Document,
        dictionary: &mut FxHashMap<Cow<'a, str>, u32>,
        buffers: Buffers,
    ) -> Self {
        let Buffers {
            mut words,
            mut starts,
            mut hash,
        } = buffers;
        for index in 0..doc.nodes.len() {
            starts.push(words.len() as u32);
            bag_words(
                own_text(doc, NodeId(index as u32)).0,
                dictionary,
                &mut words,
            );
        }
        starts.push(words.len() as u32);
        words.shrink_to_fit();
        content_hashes(doc, &mut hash);
        Side {
            doc,
            hash,
            matched: vec![false; doc.nodes.len()],
            bags: vec![None; doc.nodes.len()],
            flat_bags: FxHashMap::default(),
            words,
            starts,
        }
    }

    /// Both sides, each read on its own thread when `threads` allows two ([`both`]), their word ids
    /// then made those of one dictionary: the old side's words keep their ids, the new
    /// side's words unknown to the old one take the next ids in the order they first appear
    /// — the ids one dictionary read through the old side then the new one gives.
    fn pair(old: &'a Document, new: &'a Document, threads: usize) -> (Self, Self) {
        // Both sides' buffers are allocated here, where they are kept and freed.
        let (old_buffers, new_buffers) = (Buffers::new(old), Buffers::new(new));
        let ((old_side, dictionary), (mut new_side, own)) = both(
            threads,
            || {
                let mut dictionary = FxHashMap::default();
                (Side::new(old, &mut dictionary, old_buffers), dictionary)
            },
            || {
                let mut own = FxHashMap::default();
                (Side::new(new, &mut own, new_buffers), own)
            },
        );
        // The new side's own ids, in order, mapped to the shared ones.
        let mut words: Vec<(u32, Cow<str>)> = own.into_iter().map(|(w, id)| (id, w)).collect();
        words.sort_unstable_by_key(|e| e.0);
        let mut next = dictionary.len() as u32;
        let map: Vec<u32> = words
            .iter()
            .map(|(_, w)| {
                dictionary.get(w.as_ref()).copied().unwrap_or_else(|| {
                    next += 1;
                    next - 1
                })
            })
            .collect();
        drop(words);
        drop(dictionary);
        new_side.words.remap(&map);
        (old_side, new_side)
    }

    /// The ids of node `id`'s own words.
    fn own_ids(&self, id: NodeId) -> bags::Ids<'_> {
        let (start, end) = (self.starts[id.index()], self.starts[id.index() + 1]);
        self.words.range(start as usize..end as usize)
    }
    fn kind(&self, id: NodeId) -> NodeKind {
        self.doc.node(id).kind
    }
}

/// The buffers a side's reading fills, sized once (never moved while they grow), allocated
/// by the thread that keeps them: a side read on another thread ([`both`]) leaves in that
/// thread's allocator arena only its dictionary.
struct Buffers {
    words: bags::WordIds,
    starts: Vec<u32>,
    hash: Vec<u64>,
}

impl Buffers {
    fn new(doc: &Document) -> Self {
        let n = doc.nodes.len();
        // A word is at least one byte and is followed by another, or by the end: the pages
        // past the last id are never touched, and given back once read.
        let most: usize = (0..n)
            .map(|i| own_text(doc, NodeId(i as u32)).0.len() / 2 + 1)
            .sum();
        Buffers {
            words: bags::WordIds::Narrow(Vec::with_capacity(most)),
            starts: Vec::with_capacity(n + 1),
            hash: Vec::with_capacity(n),
        }
    }
}

#[derive(Debug, Clone)]
struct Build {
    old: Option<NodeId>,
    new: Option<NodeId>,
    basis: Basis,
    similarity: f32,
    moved: bool,
    renumbered: bool,
    children: Vec<usize>,
    dropped: bool,
}

struct Aligner<'a> {
    old: Side<'a>,
    new: Side<'a>,
    options: &'a AlignOptions,
    arena: Vec<Build>,
    /// Scratch buffers to count words into bags.
    counter: bags::Counter,
}

/// A match inside one sibling list: old index, new index, basis, score.
type Match = (usize, usize, Basis, f32);

/// Aligns two documents at every level. Never fails: units that pair with nothing are
/// inserted or deleted.
pub fn align(old: &Document, new: &Document, options: &AlignOptions) -> Alignment {
    align_on(old, new, options, 0)
}

/// [`align`] on at most `threads` threads (0: as many as cores); the same alignment whatever
/// their number.
pub fn align_on(
    old: &Document,
    new: &Document,
    options: &AlignOptions,
    threads: usize,
) -> Alignment {
    let (old_side, new_side) = Side::pair(old, new, threads);
    let mut a = Aligner {
        old: old_side,
        new: new_side,
        options,
        // At most a pair per node of either side, but for moves: reserved once, never moved
        // as it grows (pages it never reaches are never touched).
        arena: Vec::with_capacity(old.nodes.len() + new.nodes.len()),
        counter: Default::default(),
    };
    let top = a.align_seq(old.top_level(), new.top_level());
    a.division_moves(&top);
    a.global_moves(&top, true);
    a.restructured(&top);
    a.global_moves(&top, false);
    // What the sides know (word ids, bags, hashes: 13 MB on a code's pair) is given back
    // before the pairs are built: only the arena is read from here on.
    let arena = std::mem::take(&mut a.arena);
    drop(a);
    Alignment {
        pairs: top.iter().filter_map(|i| finish(&arena, *i)).collect(),
    }
}

/// The pair built at `k` of the arena, with its children (`None` when it was dropped).
fn finish(arena: &[Build], k: usize) -> Option<Pair> {
    let b = &arena[k];
    if b.dropped {
        return None;
    }
    Some(Pair {
        old: b.old,
        new: b.new,
        basis: b.basis,
        similarity: b.similarity,
        moved: b.moved,
        renumbered: b.renumbered,
        children: {
            // Sized once: the pairs of a code are tens of thousands of small lists.
            let kept = b.children.iter().filter(|c| !arena[**c].dropped).count();
            let mut children = Vec::with_capacity(kept);
            children.extend(b.children.iter().filter_map(|c| finish(arena, *c)));
            children
        },
    })
}

#[cfg(test)]
mod tests {
    use super::sequence::lis;
    use super::*;
    use crate::parse_str;

    fn keys(doc: &Document, id: Option<NodeId>) -> String {
        id.map_or("-".into(), |i| doc.node(i).key.clone())
    }

    fn top(old: &Document, new: &Document, a: &Alignment) -> Vec<String> {
        a.pairs
            .iter()
            .map(|p| {
                format!(
                    "{}>{}:{}{}{}",
                    keys(old, p.old),
                    keys(new, p.new),
                    p.basis.as_str(),
                    if p.renumbered { ":r" } else { "" },
                    if p.moved { ":m" } else { "" }
                )
            })
            .collect()
    }

    const OLD: &str = "Convention\n\nArticle 1er : Objet\n\nLa convention a pour objet la coopération des parties.\n\nArticle 2 : Durée\n\nElle est conclue pour une durée de trois ans à compter de sa signature.\n\nArticle 3 : Litiges\n\nLes litiges sont portés devant le tribunal administratif de Paris.\n";

    #[test]
    fn inserted_article_renumbers_the_rest() {
        let new_text = OLD.replace(
            "Article 2 : Durée",
            "Article 2 : Financement\n\nLa DINUM verse une somme de 10 000 € au partenaire.\n\nArticle 3 : Durée",
        )
        .replace("Article 3 : Litiges", "Article 4 : Litiges");
        let (old, new) = (parse_str("a", OLD), parse_str("b", &new_text));
        let a = align(&old, &new, &AlignOptions::default());
        assert_eq!(
            top(&old, &new, &a),
            [
                "titre>titre:exact",
                "article-1>article-1:exact",
                "->article-2:unmatched",
                "article-2>article-3:exact:r",
                "article-3>article-4:exact:r"
            ]
        );
    }

    #[test]
    fn deleted_unit_stays_where_it_stood() {
        let new_text = OLD.replace(
            "Article 2 : Durée\n\nElle est conclue pour une durée de trois ans à compter de sa signature.\n\n",
            "",
        );
        let (old, new) = (parse_str("a", OLD), parse_str("b", &new_text));
        let a = align(&old, &new, &AlignOptions::default());
        assert_eq!(
            top(&old, &new, &a),
            [
                "titre>titre:exact",
                "article-1>article-1:exact",
                "article-2>-:unmatched",
                "article-3>article-3:exact"
            ]
        );
    }

    #[test]
    fn swapped_articles_are_moved_and_heading_pairs_rewritten_ones() {
        let new_text = "Convention\n\nArticle 1er : Objet\n\nLa convention a pour objet la coopération des parties.\n\nArticle 2 : Litiges\n\nLes litiges sont portés devant le tribunal administratif de Paris.\n\nArticle 3 : Durée\n\nUn texte entièrement nouveau sans rapport.\n";
        let (old, new) = (parse_str("a", OLD), parse_str("b", new_text));
        let a = align(&old, &new, &AlignOptions::default());
        let t = top(&old, &new, &a);
        assert!(
            t.contains(&"article-3>article-2:exact:r:m".to_string())
                || t.contains(&"article-2>article-3:heading:r:m".to_string()),
            "{t:?}"
        );
        assert!(
            t.iter()
                .any(|s| s.starts_with("article-2>article-3:heading")),
            "{t:?}"
        );
    }

    #[test]
    fn split_alinea_is_recognised() {
        let old = parse_str("a", "T\n\nArticle 1er : Objet\n\nLa convention a pour objet la coopération des parties et elle précise les modalités de leur travail commun.\n");
        let new = parse_str("b", "T\n\nArticle 1er : Objet\n\nLa convention a pour objet la coopération des parties.\n\nElle précise les modalités de leur travail commun.\n");
        let a = align(&old, &new, &AlignOptions::default());
        let art = &a.pairs[1];
        let bases: Vec<_> = art.children.iter().map(|p| p.basis).collect();
        assert_eq!(bases, [Basis::Split, Basis::Split]);
    }

    #[test]
    fn article_rewritten_in_place_keeps_its_number_and_place() {
        let old = parse_str("a", "T\n\nArticle 1 : Objet\n\nLa convention a pour objet la coopération.\n\nArticle 2 : Durée\n\nElle est conclue pour trois ans à compter de sa signature.\n\nArticle 3 : Litiges\n\nLe tribunal administratif est compétent.\n");
        let new = parse_str("b", "T\n\nArticle 1 : Objet\n\nLa convention a pour objet la coopération.\n\nArticle 2 : Durée\n\nUn avenant fixe chaque année le calendrier des travaux communs.\n\nArticle 3 : Litiges\n\nLe tribunal administratif est compétent.\n");
        let a = align(&old, &new, &AlignOptions::default());
        let t = top(&old, &new, &a);
        assert!(
            t.contains(&"article-2>article-2:heading".to_string()),
            "{t:?}"
        );
        // Without the heading, only number and place pair them.
        let old = parse_str("a", "T\n\nArticle 1\n\nLa convention a pour objet la coopération.\n\nArticle 2\n\nElle est conclue pour trois ans à compter de sa signature.\n\nArticle 3\n\nLe tribunal administratif est compétent.\n");
        let new = parse_str("b", "T\n\nArticle 1\n\nLa convention a pour objet la coopération.\n\nArticle 2\n\nUn avenant fixe chaque année le calendrier des travaux communs.\n\nArticle 3\n\nLe tribunal administratif est compétent.\n");
        let a = align(&old, &new, &AlignOptions::default());
        let t = top(&old, &new, &a);
        assert!(
            t.contains(&"article-2>article-2:place".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn lis_is_longest() {
        let seq = [0, 2, 1, 3];
        assert_eq!(lis(&seq).len(), 3);
        assert!(lis(&[]).is_empty());
    }
}
