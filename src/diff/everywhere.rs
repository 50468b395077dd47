//! Whether a replacement holds « dans tout le document »: the one rule shared by the diff's global
//! replacements ([`super::Comparison::globals`]) and the drafter's « Dans l'ensemble de la convention ».
//!
//! A replacement of `old` by `new` holds everywhere when the new version keeps none of the old
//! words (as written, or capitalised at a sentence start; a case-only change is a change) and
//! replacing them throughout the old version — parties, headings (numbers aside), annexes, cells
//! included — produces no more of the new words than the new version holds (issue 13 §5). An
//! occurrence kept, deleted with its alinéa or changed otherwise makes it fail.

use crate::align::own_text;
use crate::avenant::apply::{occurrences, tidy};
use crate::model::{Document, NodeId, NodeKind};
use crate::text::capitalise;
use rustc_hash::{FxHashMap, FxHashSet};

/// Words (maximal runs of alphanumeric characters, as [`occurrences`] bounds them) → the nodes
/// whose text, heading or cells hold them. A superset: after a node's text changes, call
/// [`WordIndex::add`] for it; stale entries only cost a look.
pub struct WordIndex {
    postings: FxHashMap<String, Vec<NodeId>>,
    /// The nodes reachable from the root, for words with no alphanumeric character.
    all: Vec<NodeId>,
    /// When set, only these words are indexed (a phrase's other words are not looked up).
    only: Option<Only>,
}

/// The words a [`WordIndex::build_for`] indexes, with a cheap test before the set's: their
/// lengths (in bytes, up to 63; longer ones share the last bit) and first bytes.
struct Only {
    words: FxHashSet<String>,
    lengths: u64,
    firsts: [u64; 4],
}

impl Only {
    fn new(words: FxHashSet<String>) -> Only {
        let mut only = Only {
            words,
            lengths: 0,
            firsts: [0; 4],
        };
        for w in &only.words {
            only.lengths |= 1 << w.len().min(63);
            let b = w.as_bytes()[0];
            only.firsts[usize::from(b >> 6)] |= 1 << (b & 63);
        }
        only
    }

    #[inline]
    fn contains(&self, w: &str) -> bool {
        let b = w.as_bytes()[0];
        self.lengths & (1 << w.len().min(63)) != 0
            && self.firsts[usize::from(b >> 6)] & (1 << (b & 63)) != 0
            && self.words.contains(w)
    }
}

/// The words of `s`, as `s.split(|c: char| !c.is_alphanumeric())` yields them (empty ones
/// aside), read byte by byte ([`crate::align::next_word`]).
fn words(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let (start, end, _, _) = crate::align::next_word(rest)?;
        let w = &rest[start..end];
        rest = &rest[end..];
        Some(w)
    })
}

/// The text of a node where words are looked for: its own text as the diff compares it
/// ([`own_text`]: a unit's heading without its number, a leaf's text, a row's cells).
fn texts(doc: &Document, id: NodeId) -> impl Iterator<Item = &str> {
    let n = doc.node(id);
    let cells = if n.kind == NodeKind::Row {
        n.cells()
    } else {
        &[]
    };
    let own = (cells.is_empty()).then(|| own_text(doc, id).0);
    own.into_iter().chain(cells.iter().map(String::as_str))
}

/// Occurrences of `phrase` (whole words) in one node's own text.
pub fn node_occurrences(doc: &Document, id: NodeId, phrase: &str) -> usize {
    texts(doc, id).map(|t| occurrences(t, phrase).len()).sum()
}

impl WordIndex {
    /// Every word of the document.
    pub fn build(doc: &Document) -> WordIndex {
        WordIndex::build_only(doc, None)
    }

    /// Only the words of `phrases`, as written or capitalised (cheaper when few phrases will
    /// be counted).
    pub fn build_for<'a>(doc: &Document, phrases: impl IntoIterator<Item = &'a str>) -> WordIndex {
        let mut only = FxHashSet::default();
        for p in phrases {
            for w in words(p).chain(words(&capitalise(p))) {
                only.insert(w.to_string());
            }
        }
        WordIndex::build_only(doc, Some(Only::new(only)))
    }

    fn build_only(doc: &Document, only: Option<Only>) -> WordIndex {
        let all = doc.descendants(doc.root());
        let mut index = WordIndex {
            postings: FxHashMap::default(),
            all: Vec::new(),
            only,
        };
        index.add(doc, &all);
        index.all = all;
        index
    }

    /// Indexes (again) the texts of `ids`.
    pub fn add(&mut self, doc: &Document, ids: &[NodeId]) {
        for &id in ids {
            let n = doc.node(id);
            let texts = std::iter::once(n.text.as_str())
                .chain(n.heading.as_deref())
                .chain(n.cells().iter().map(String::as_str));
            for t in texts {
                for w in words(t) {
                    if self.only.as_ref().is_some_and(|o| !o.contains(w)) {
                        continue;
                    }
                    let list = match self.postings.get_mut(w) {
                        Some(l) => l,
                        None => self.postings.entry(w.to_string()).or_default(),
                    };
                    if list.last() != Some(&id) {
                        list.push(id);
                    }
                }
            }
        }
    }

    /// The nodes that may hold `phrase` (every word of a phrase is a whole word where it
    /// occurs), in document order: those of its rarest word.
    pub fn candidates(&self, phrase: &str) -> Vec<NodeId> {
        let Some(best) = self.rarest(phrase) else {
            return Vec::new();
        };
        let Some(list) = best else {
            return self.all.clone();
        };
        let mut ids = list.clone();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The nodes of the phrase's rarest indexed word: `None` when an indexed word of it is in
    /// no node (the phrase is nowhere), `Some(None)` when no word of it is indexed (look
    /// everywhere).
    fn rarest(&self, phrase: &str) -> Option<Option<&Vec<NodeId>>> {
        let mut best: Option<&Vec<NodeId>> = None;
        for w in words(phrase) {
            if self.only.as_ref().is_some_and(|o| !o.words.contains(w)) {
                continue;
            }
            match self.postings.get(w) {
                None => return None,
                Some(l) if best.is_none_or(|b| l.len() < b.len()) => best = Some(l),
                _ => {}
            }
        }
        Some(best)
    }

    /// Whether `phrase` occurs in some text of the document (the first occurrence ends the look).
    pub fn occurs(&self, doc: &Document, phrase: &str) -> bool {
        if phrase.is_empty() {
            return false;
        }
        let Some(best) = self.rarest(phrase) else {
            return false;
        };
        best.unwrap_or(&self.all)
            .iter()
            .any(|id| node_occurrences(doc, *id, phrase) > 0)
    }

    /// The occurrences of `phrase` in every text of the document (as a full walk counts them),
    /// looking only where its words are.
    pub fn count(&self, doc: &Document, phrase: &str) -> usize {
        if phrase.is_empty() {
            return 0;
        }
        self.candidates(phrase)
            .into_iter()
            .map(|id| node_occurrences(doc, id, phrase))
            .sum()
    }
}

/// `s` with every occurrence of `old` (whole words) replaced by `new`, spaces tidied, as
/// `apply` replaces them; `None` when `old` does not occur.
pub fn replaced(s: &str, old: &str, new: &str) -> Option<String> {
    let occ = occurrences(s, old);
    if occ.is_empty() {
        return None;
    }
    let mut out = s.to_string();
    for pos in occ.into_iter().rev() {
        out.replace_range(pos..pos + old.len(), new);
    }
    Some(tidy(&out))
}

/// True when replacing `old` by `new` throughout `old_doc` (also where a sentence capitalises
/// them) is what `new_doc` shows: `new_doc` keeps none of the old words, the old version holds
/// them, and the replacement produces no more of the new words than `new_doc` holds. The
/// indexes are those of the two documents ([`WordIndex::build`], or [`WordIndex::build_for`]
/// over at least `old`, `new` and their capitalised forms).
pub fn holds_everywhere(
    old_doc: &Document,
    old_index: &WordIndex,
    new_doc: &Document,
    new_index: &WordIndex,
    old: &str,
    new: &str,
) -> bool {
    if old.trim().is_empty() || new.trim().is_empty() {
        return false;
    }
    let cap = capitalise(old);
    let new_cap = capitalise(new);
    // The new version keeps none of the old words (a case change counts).
    if new_index.occurs(new_doc, old)
        || (cap != old && cap != new_cap && new_index.occurs(new_doc, &cap))
    {
        return false;
    }
    // The nodes the replacement changes: those holding the words, as written or capitalised.
    let mut touched = old_index.candidates(old);
    if cap != old {
        touched.extend(old_index.candidates(&cap));
        touched.sort_unstable();
        touched.dedup();
    }
    let reach = |t: &str| occurrences(t, new).len() + occurrences(t, &new_cap).len();
    let (mut before, mut after, mut hits) = (0, 0, 0);
    for &id in &touched {
        for t in texts(old_doc, id) {
            before += reach(t);
            let once = replaced(t, old, new);
            hits += usize::from(once.is_some());
            let once = once.as_deref().unwrap_or(t);
            let twice = if cap != old {
                replaced(once, &cap, &new_cap)
            } else {
                None
            };
            hits += usize::from(twice.is_some());
            after += reach(twice.as_deref().unwrap_or(once));
        }
    }
    if hits == 0 {
        return false;
    }
    // Not further than the new version goes: no more of the new words than it has.
    let everywhere =
        |d: &Document, index: &WordIndex| index.count(d, new) + index.count(d, &new_cap);
    everywhere(old_doc, old_index) - before + after <= everywhere(new_doc, new_index)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count_all(doc: &Document, phrase: &str) -> usize {
        doc.descendants(doc.root())
            .into_iter()
            .map(|id| node_occurrences(doc, id, phrase))
            .sum()
    }

    #[test]
    fn counts_as_a_full_walk_does() {
        let md = "# Convention\n\n## Article 1\n\nLe Département de la Gironde verse. Le Département.\n\n## Article 2 – Département\n\nLa Région et le département-pilote.\n\n| A | B |\n|---|---|\n| Département | x |\n";
        let doc = crate::parse_str("c", md);
        let index = WordIndex::build(&doc);
        let phrases = [
            "Département",
            "département",
            "Le Département de",
            "Région et",
            "Gironde verse.",
            ".",
            "absent",
            "pilote",
            "Départ",
        ];
        let only = WordIndex::build_for(&doc, phrases);
        for p in phrases {
            assert_eq!(index.count(&doc, p), count_all(&doc, p), "{p}");
            assert_eq!(only.count(&doc, p), count_all(&doc, p), "{p}");
        }
        // The heading of article 2 is counted once, its number never.
        assert_eq!(count_all(&doc, "Département"), 4);
        assert_eq!(count_all(&doc, "2"), 0);
    }

    fn holds(old: &str, new: &str, a: &str, b: &str) -> bool {
        let (o, n) = (crate::parse_str("o", old), crate::parse_str("n", new));
        let (oi, ni) = (WordIndex::build(&o), WordIndex::build(&n));
        holds_everywhere(&o, &oi, &n, &ni, a, b)
    }

    #[test]
    fn an_occurrence_kept_or_deleted_is_not_everywhere() {
        let old = "Statuts\n\nArticle 1\n\nUn Bureau de 3 membres.\n\nArticle 2\n\nDes listes de 3 membres.\n\nArticle 3\n\nDans les 3 à 6 mois.\n";
        let kept = old.replace("de 3 membres", "de 4 membres");
        assert!(!holds(old, &kept, "3", "4"));
        let all = kept.replace("les 3 à", "les 4 à");
        assert!(holds(old, &all, "3", "4"));
        // The third occurrence's alinéa deleted: replacing everywhere would write a « 4 » the
        // new version lacks.
        let deleted = kept.replace("Dans les 3 à 6 mois.", "Sans objet.");
        assert!(!holds(old, &deleted, "3", "4"));
    }

    #[test]
    fn a_capitalised_occurrence_counts() {
        let old = "Convention\n\nArticle 1\n\nLe réseau Canopé verse.\n\nArticle 2\n\nRéseau Canopé reçoit. Le réseau Canopé signe.\n";
        let new = old
            .replace("réseau Canopé", "GIP Canopé")
            .replace("Réseau Canopé", "GIP Canopé");
        assert!(holds(old, &new, "réseau Canopé", "GIP Canopé"));
        let half = old.replace("réseau Canopé", "GIP Canopé");
        assert!(!holds(old, &half, "réseau Canopé", "GIP Canopé"));
        // Words absent from the old version: nothing to replace.
        assert!(!holds(old, &new, "Opérateur", "GIP"));
    }
}
