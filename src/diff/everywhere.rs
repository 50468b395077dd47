//! Whether a replacement holds « dans tout le document »: the one rule shared by the diff's global
//! replacements ([`super::Comparison::globals`]) and the drafter's « Dans l'ensemble de la convention ».
//!
//! A replacement of `old` by `new` holds everywhere when the new version keeps none of the old
//! words (as written, or capitalised at a sentence start; a case-only change is a change) and
//! replacing them throughout the old version — parties, headings (numbers aside), annexes, cells
//! included — produces no more of the new words than the new version holds (issue 13 §5). An
//! occurrence kept, deleted with its alinéa or changed otherwise makes it fail.

use crate::align::own_text;
use crate::avenant::apply::occurrences;
use crate::model::{Document, NodeId, NodeKind};
use crate::text::capitalise;
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use rustc_hash::FxHashMap;

/// Words (maximal runs of alphanumeric characters, as [`occurrences`] bounds them) → the nodes
/// whose text, heading or cells hold them. A superset: after a node's text changes, call
/// [`WordIndex::add`] for it; stale entries only cost a look.
pub struct WordIndex {
    postings: FxHashMap<String, Vec<NodeId>>,
    /// The nodes reachable from the root, for words with no alphanumeric character.
    all: Vec<NodeId>,
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
        let all = doc.descendants(doc.root());
        let mut index = WordIndex {
            postings: FxHashMap::default(),
            all: Vec::new(),
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

/// Where a phrase occurs in one document and how often, whole words, in every text of it (as
/// [`node_occurrences`] counts them): what [`holds_everywhere`] asks of a document.
pub trait Lookup {
    /// The nodes that may hold `phrase` (a superset of those that do).
    fn candidates(&self, phrase: &str) -> Vec<NodeId>;
    /// Whether `phrase` occurs in some text of `doc`.
    fn occurs(&self, doc: &Document, phrase: &str) -> bool;
    /// The occurrences of `phrase` in every text of `doc`.
    fn count(&self, doc: &Document, phrase: &str) -> usize;
}

impl Lookup for WordIndex {
    fn candidates(&self, phrase: &str) -> Vec<NodeId> {
        WordIndex::candidates(self, phrase)
    }
    fn occurs(&self, doc: &Document, phrase: &str) -> bool {
        WordIndex::occurs(self, doc, phrase)
    }
    fn count(&self, doc: &Document, phrase: &str) -> usize {
        WordIndex::count(self, doc, phrase)
    }
}

/// The occurrences of a fixed set of phrases, as written and capitalised, in every text of a
/// document, counted in one pass over its texts by one automaton (no index of its words): the
/// diff's candidate global replacements, a few hundred phrases against a whole code.
pub struct PhraseCounts {
    /// Phrase → its number in `counts` and `nodes`.
    ids: FxHashMap<String, usize>,
    /// Occurrences of each phrase, as [`occurrences`] counts them, in the whole document.
    counts: Vec<usize>,
    /// The nodes holding each phrase, in document order.
    nodes: Vec<Vec<NodeId>>,
    /// Every node: where a phrase not counted is looked for.
    all: Vec<NodeId>,
}

/// A set of phrases, as written and capitalised, and the one automaton that finds them all:
/// built once, it counts them in each document ([`Phrases::count`]).
pub struct Phrases {
    /// Phrase → its number.
    ids: FxHashMap<String, usize>,
    patterns: Vec<String>,
    /// Whether each must start and end at a word boundary ([`word_bounds`]).
    bounds: Vec<(bool, bool)>,
    /// None when there is no phrase, or when the automaton could not be built (then each
    /// phrase is looked for alone).
    automaton: Option<AhoCorasick>,
}

/// Up to this many phrases (capitalised forms included), [`Phrases`] are found by a DFA.
const DFA_PHRASES: usize = 800;
/// Up to this many bytes of patterns in all, [`Phrases`] may be found by a DFA.
const DFA_BYTES: usize = 64 * 1024;
/// Up to this many patterns whose bytes exceed [`DFA_BYTES`], each is looked for alone.
const ALONE_PHRASES: usize = 64;

impl Phrases {
    /// `phrases` and their capitalised forms.
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> Phrases {
        let mut ids = FxHashMap::default();
        let mut patterns: Vec<String> = Vec::new();
        for p in phrases.into_iter().filter(|p| !p.is_empty()) {
            for form in [p.to_string(), capitalise(p)] {
                if !ids.contains_key(&form) {
                    ids.insert(form.clone(), patterns.len());
                    patterns.push(form);
                }
            }
        }
        // A DFA reads a byte in fewer instructions than a contiguous NFA (150 M against 262 M
        // on a Code du travail, 633 patterns of 13 kB in all), but its construction grows with
        // the states, that is with the patterns' bytes (109 M for 448 phrases, 1.08 G for 4,400
        // on the code doubled, 6.7 G for four whole alinéas of 60,000 words): a DFA for a few
        // hundred short phrases, a contiguous NFA beyond. A few very long phrases (a whole
        // alinéa rewritten) are each looked for alone: one linear search apiece, no automaton.
        let total: usize = patterns.iter().map(String::len).sum();
        let kind = if total > DFA_BYTES && patterns.len() <= ALONE_PHRASES {
            None
        } else if patterns.len() <= DFA_PHRASES && total <= DFA_BYTES {
            Some(AhoCorasickKind::DFA)
        } else {
            Some(AhoCorasickKind::ContiguousNFA)
        };
        let automaton = kind.filter(|_| !patterns.is_empty()).and_then(|kind| {
            AhoCorasick::builder()
                .kind(Some(kind))
                .build(&patterns)
                .ok()
        });
        let bounds = patterns.iter().map(|p| word_bounds(p)).collect();
        Phrases {
            ids,
            patterns,
            bounds,
            automaton,
        }
    }

    /// The occurrences of the phrases in every text of `doc`, in one pass over its texts.
    pub fn count(&self, doc: &Document) -> PhraseCounts {
        let n = self.patterns.len();
        let all = doc.descendants(doc.root());
        let mut counts = vec![0; n];
        let mut nodes: Vec<Vec<NodeId>> = vec![Vec::new(); n];
        let Some(automaton) = &self.automaton else {
            for (k, p) in self.patterns.iter().enumerate() {
                for &id in &all {
                    let found = node_occurrences(doc, id, p);
                    counts[k] += found;
                    if found > 0 {
                        nodes[k].push(id);
                    }
                }
            }
            return PhraseCounts {
                ids: self.ids.clone(),
                counts,
                nodes,
                all,
            };
        };
        // Per phrase, the text last searched and the end of its last match there: `occurrences`
        // takes non-overlapping matches from the left (`match_indices`), then keeps those
        // between word boundaries.
        let mut last: Vec<(usize, usize)> = vec![(usize::MAX, 0); n];
        let mut text_no = 0usize;
        for &id in &all {
            for t in texts(doc, id) {
                text_no += 1;
                for m in automaton.find_overlapping_iter(t) {
                    let k = m.pattern().as_usize();
                    let (start, end) = (m.start(), m.end());
                    if last[k].0 == text_no && start < last[k].1 {
                        continue;
                    }
                    last[k] = (text_no, end);
                    let (open, close) = self.bounds[k];
                    let before_ok = !open
                        || !t[..start]
                            .chars()
                            .next_back()
                            .is_some_and(char::is_alphanumeric);
                    let after_ok =
                        !close || !t[end..].chars().next().is_some_and(char::is_alphanumeric);
                    if before_ok && after_ok {
                        counts[k] += 1;
                        if nodes[k].last() != Some(&id) {
                            nodes[k].push(id);
                        }
                    }
                }
            }
        }
        PhraseCounts {
            ids: self.ids.clone(),
            counts,
            nodes,
            all,
        }
    }
}

impl PhraseCounts {
    /// Counts `phrases` and their capitalised forms in `doc` (for one document; for several,
    /// build the [`Phrases`] once).
    pub fn build<'a>(doc: &Document, phrases: impl IntoIterator<Item = &'a str>) -> PhraseCounts {
        Phrases::new(phrases).count(doc)
    }
}

/// Whether a phrase must start and end at a word boundary, as [`occurrences`] checks it: when it
/// starts (a footnote call aside, glued to the word before it) or ends with a letter or digit.
fn word_bounds(phrase: &str) -> (bool, bool) {
    let open = phrase.chars().next().is_some_and(|c| {
        c.is_alphanumeric() && !crate::avenant::formules::is_note_call(c.encode_utf8(&mut [0; 4]))
    });
    let close = phrase.chars().last().is_some_and(char::is_alphanumeric);
    (open, close)
}

impl Lookup for PhraseCounts {
    fn candidates(&self, phrase: &str) -> Vec<NodeId> {
        match self.ids.get(phrase) {
            Some(&k) => self.nodes[k].clone(),
            None => self.all.clone(),
        }
    }
    fn occurs(&self, doc: &Document, phrase: &str) -> bool {
        match self.ids.get(phrase) {
            Some(&k) => self.counts[k] > 0,
            None => {
                !phrase.is_empty()
                    && self
                        .all
                        .iter()
                        .any(|id| node_occurrences(doc, *id, phrase) > 0)
            }
        }
    }
    fn count(&self, doc: &Document, phrase: &str) -> usize {
        match self.ids.get(phrase) {
            Some(&k) => self.counts[k],
            None if phrase.is_empty() => 0,
            None => self
                .all
                .iter()
                .map(|id| node_occurrences(doc, *id, phrase))
                .sum(),
        }
    }
}

/// `s` with every occurrence of `old` (whole words) replaced by `new`, spaces tidied, as
/// `apply` replaces them; `None` when `old` does not occur.
pub fn replaced(s: &str, old: &str, new: &str) -> Option<String> {
    crate::avenant::apply::replace_words(s, old, new).map(|(s, _)| s)
}

/// True when replacing `old` by `new` throughout `old_doc` (also where a sentence capitalises
/// them) is what `new_doc` shows: `new_doc` keeps none of the old words, the old version holds
/// them, and the replacement produces no more of the new words than `new_doc` holds. The
/// lookups are those of the two documents ([`WordIndex::build`], or [`PhraseCounts::build`]
/// over at least `old` and `new`).
pub fn holds_everywhere<I: Lookup>(
    old_doc: &Document,
    old_index: &I,
    new_doc: &Document,
    new_index: &I,
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
    let everywhere = |d: &Document, index: &I| index.count(d, new) + index.count(d, &new_cap);
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
        let md = "# Convention\n\n## Article 1\n\nLe Département de la Gironde verse. Le Département.\n\n## Article 2 – Département\n\nLa Région et le département-pilote.\n\n| A | B |\n|---|---|\n| Département | x |\n\n## Article 3\n\nUn an un an un an, 3² et 3 ans, les 33 et x3.\n";
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
            "an un an",
            "un an un",
            "²",
            "3",
            "3²",
            "3 ans, les",
            "s 3",
        ];
        let only = PhraseCounts::build(&doc, phrases);
        // More phrases than a DFA is built for: the same counts by the NFA.
        let many: Vec<String> = (0..DFA_PHRASES).map(|k| format!("mot{k}")).collect();
        let nfa = PhraseCounts::build(
            &doc,
            phrases
                .iter()
                .copied()
                .chain(many.iter().map(String::as_str)),
        );
        // Patterns longer in all than a DFA is built for, few: each looked for alone.
        let long = "x".repeat(DFA_BYTES + 1);
        let alone = PhraseCounts::build(&doc, phrases.iter().copied().chain([long.as_str()]));
        for p in phrases {
            assert_eq!(Lookup::count(&alone, &doc, p), count_all(&doc, p), "{p}");
            assert_eq!(Lookup::count(&nfa, &doc, p), count_all(&doc, p), "{p}");
            // (A lone footnote call starts no word: the word index misses it after a digit.)
            if p != "²" {
                assert_eq!(index.count(&doc, p), count_all(&doc, p), "{p}");
            }
            assert_eq!(Lookup::count(&only, &doc, p), count_all(&doc, p), "{p}");
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
